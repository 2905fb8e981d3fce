/**
 * The floor client (issue 8, "Resolve at the limit"): the least a resolver
 * of these tags can send. One HEAD per unique tag, token auth the way the
 * CLI does it (one ping to learn the challenge, one token per repository),
 * keep-alive sockets and the same number of requests in flight; nothing
 * else: no files, no verification, no retries. The benchmark bundles it and
 * runs it as a child process next to the CLI, against the same registry and
 * proxy, and prints every CLI figure as a ratio to it.
 *
 * node floor-client.js <job.json>   job: { host, concurrency, images: [{ repository, tag }] }
 */
import { readFileSync } from 'node:fs'
import { Agent, request } from 'node:http'

interface Job {
  /** host:port of the registry (plain HTTP, loopback). */
  readonly host: string
  readonly concurrency: number
  readonly images: readonly { repository: string; tag: string }[]
}

interface Answer {
  readonly status: number
  readonly headers: Record<string, string | string[] | undefined>
  readonly body: string
}

const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ')

const agent = new Agent({ keepAlive: true })

async function send(
  url: URL,
  method: 'GET' | 'HEAD',
  headers: Record<string, string>
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent }, res => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8')
        })
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

/** realm and service of `Bearer realm="…",service="…"` (the bench's registry only). */
function bearerChallenge(header: string | string[] | undefined): URL {
  const text = Array.isArray(header) ? header.join(', ') : (header ?? '')
  const param = (name: string): string =>
    new RegExp(`${name}="([^"]*)"`).exec(text)?.[1] ?? ''
  const realm = new URL(param('realm'))
  realm.searchParams.set('service', param('service'))
  return realm
}

async function main(): Promise<void> {
  const job = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Job
  const base = `http://${job.host}`
  const ping = await send(new URL('/v2/', base), 'GET', {})
  const realm = bearerChallenge(ping.headers['www-authenticate'])
  const tokens = new Map<string, Promise<string>>()
  const token = async (repository: string): Promise<string> => {
    let pending = tokens.get(repository)
    if (pending === undefined) {
      const url = new URL(realm)
      url.searchParams.set('scope', `repository:${repository}:pull`)
      pending = send(url, 'GET', {}).then(
        answer => (JSON.parse(answer.body) as { token: string }).token
      )
      tokens.set(repository, pending)
    }
    return pending
  }
  let next = 0
  let failed = 0
  const worker = async (): Promise<void> => {
    while (next < job.images.length) {
      const image = job.images[next++]
      if (image === undefined) break
      const path = `/v2/${image.repository}/manifests/${image.tag}`
      const answer = await send(new URL(path, base), 'HEAD', {
        Accept: ACCEPT,
        Authorization: `Bearer ${await token(image.repository)}`
      })
      if (answer.status !== 200) failed++
    }
  }
  await Promise.all(Array.from({ length: job.concurrency }, worker))
  agent.destroy()
  if (failed > 0) {
    process.stderr.write(`floor client: ${failed} HEADs did not answer 200\n`)
    process.exitCode = 1
  }
}

await main()
