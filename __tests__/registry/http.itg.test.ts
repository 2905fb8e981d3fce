/**
 * RegistryHttp against real local HTTP servers: redirects and Authorization,
 * body caps, retries, timeouts and the HTTPS → HTTP fallback.
 */
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { RegistryHttp } from '../../src/registry/http.js'
import type { HttpOptions, HttpRequest } from '../../src/registry/http.js'
import { RecordingCounter, recordingSleep } from '../support/recorders.js'

interface TestServer {
  readonly host: string
  readonly url: string
  readonly seen: IncomingMessage[]
  tlsAttempts: number
}

const servers: Server[] = []

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise(resolve => server.close(resolve))
  }
})

async function serve(
  handler: (req: IncomingMessage, res: ServerResponse) => void
): Promise<TestServer> {
  const seen: IncomingMessage[] = []
  const server = createServer((req, res) => {
    seen.push(req)
    handler(req, res)
  })
  const state = { tlsAttempts: 0 }
  server.on('clientError', (_error, socket) => {
    state.tlsAttempts += 1
    socket.destroy()
  })
  servers.push(server)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port =
    typeof address === 'object' && address !== null ? address.port : 0
  return {
    host: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    seen,
    get tlsAttempts() {
      return state.tlsAttempts
    }
  }
}

function http(options: Partial<HttpOptions> = {}): {
  http: RegistryHttp
  slept: number[]
  counter: RecordingCounter
} {
  const slept: number[] = []
  const counter = new RecordingCounter()
  return {
    http: new RegistryHttp({
      timeoutMs: 2_000,
      retries: 2,
      counter,
      sleep: recordingSleep(slept),
      random: () => 0,
      ...options
    }),
    slept,
    counter
  }
}

const GET: HttpRequest = {
  method: 'GET',
  kind: 'blob-get',
  registry: 'test',
  headers: { Authorization: 'Bearer secret-token' }
}

describe('RegistryHttp', () => {
  it('drops Authorization on a redirect to another host and keeps it on the same host', async () => {
    const storage = await serve((_req, res) => res.end('blob bytes'))
    const registry = await serve((req, res) => {
      if (req.url === '/same')
        return res.writeHead(307, { Location: '/other' }).end()
      if (req.url === '/other')
        return res
          .writeHead(302, {
            Location: `${storage.url}/blob?X-Amz-Signature=s3cr3t`
          })
          .end()
      res.writeHead(404).end()
    })
    const { http: client } = http()

    const response = await client.toUrl(`${registry.url}/same`, GET)

    expect(new TextDecoder().decode(response.body)).toBe('blob bytes')
    expect(registry.seen.map(r => r.headers.authorization)).toEqual([
      'Bearer secret-token',
      'Bearer secret-token'
    ])
    expect(storage.seen.map(r => r.headers.authorization)).toEqual([undefined])
    expect(response.url).toBe(`${storage.url}/blob?X-Amz-Signature=REDACTED`)
  })

  it('turns a POST into a GET on 303', async () => {
    const server = await serve((req, res) => {
      if (req.method === 'POST')
        return res.writeHead(303, { Location: '/done' }).end()
      res.end(req.method)
    })
    const { http: client } = http()

    const response = await client.toUrl(`${server.url}/token`, {
      method: 'POST',
      kind: 'token',
      registry: 'test',
      body: 'a=b'
    })

    expect(new TextDecoder().decode(response.body)).toBe('GET')
  })

  it('fails a body over the cap without retrying', async () => {
    const server = await serve((_req, res) => res.end(Buffer.alloc(2048)))
    const { http: client } = http()

    await expect(
      client.toUrl(`${server.url}/big`, { ...GET, maxBodyBytes: 1024 })
    ).rejects.toMatchObject({
      reason: 'too-large'
    })
    expect(server.seen).toHaveLength(1)
  })

  it('retries network errors with backoff, then fails as temporary', async () => {
    const { http: client, slept, counter } = http({ retries: 2 })

    await expect(
      client.toUrl('http://127.0.0.1:9/v2/', GET)
    ).rejects.toMatchObject({
      reason: 'network',
      temporary: true
    })
    expect(slept).toEqual([250, 500])
    expect(counter.of('blob-get')).toBe(3)
  })

  it('waits for a Retry-After HTTP date', async () => {
    let calls = 0
    const server = await serve((_req, res) => {
      calls += 1
      if (calls === 1)
        return res
          .writeHead(503, { 'Retry-After': 'Thu, 01 Jan 2026 00:00:05 GMT' })
          .end()
      res.end('ok')
    })
    const { http: client, slept } = http({
      now: () => Date.parse('2026-01-01T00:00:00Z')
    })

    const response = await client.toUrl(server.url, GET)

    expect(response.status).toBe(200)
    expect(slept).toEqual([5000])
  })

  it('times out a stalled body', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Length': '100' })
      res.write('partial')
    })
    const { http: client } = http({ timeoutMs: 150, retries: 0 })

    await expect(client.toUrl(server.url, GET)).rejects.toMatchObject({
      reason: 'timeout',
      temporary: true
    })
  })

  it('tries HTTPS once per loopback host, then remembers plain HTTP', async () => {
    const server = await serve((_req, res) => res.end('ok'))
    const { http: client, counter } = http()
    const request: HttpRequest = {
      method: 'GET',
      kind: 'manifest-get',
      registry: server.host
    }

    await Promise.all(
      Array.from({ length: 5 }, async () =>
        client.toRegistry(server.host, '/v2/', request)
      )
    )
    await client.toRegistry(server.host, '/v2/', request)

    expect(server.tlsAttempts).toBe(1)
    expect(server.seen).toHaveLength(6)
    expect(counter.byKind()).toEqual({ ping: 1, 'manifest-get': 6 })
  })

  it('never tries plain HTTP for a host that is not loopback or insecure', async () => {
    const { http: client } = http({ retries: 0 })

    expect(client.allowsPlainHttp('registry.example:5000')).toBe(false)
    await expect(
      client.toRegistry('registry.invalid', '/v2/', {
        method: 'GET',
        kind: 'ping',
        registry: 'registry.invalid'
      })
    ).rejects.toMatchObject({
      reason: 'network',
      url: 'https://registry.invalid/v2/'
    })
  })

  it('keeps connections alive: HEADs and GETs one after another reuse one socket (issue 8)', async () => {
    const sockets = new Set<unknown>()
    const server = await serve((req, res) => {
      sockets.add(req.socket)
      // As registries answer a HEAD: the length of the body a GET gets.
      res.setHeader('Content-Length', '4')
      res.end(req.method === 'HEAD' ? undefined : 'body')
    })
    const { http: client } = http()

    for (const method of ['HEAD', 'GET', 'HEAD', 'GET'] as const) {
      await client.toUrl(`${server.url}/v2/x/manifests/1`, {
        method,
        kind: method === 'HEAD' ? 'manifest-head' : 'manifest-get',
        registry: server.host
      })
    }

    expect(server.seen).toHaveLength(4)
    expect(sockets.size).toBe(1)
  })

  it('holds at most maxInFlight requests per host, each host apart (issue 8)', async () => {
    const inFlight = new Map<string, { now: number; peak: number }>()
    const slowServe = async (): Promise<TestServer> => {
      const server: TestServer = await serve((req, res) => {
        const state = inFlight.get(server.host) ?? { now: 0, peak: 0 }
        inFlight.set(server.host, state)
        state.now += 1
        state.peak = Math.max(state.peak, state.now)
        setTimeout(() => {
          state.now -= 1
          res.end('ok')
        }, 50)
        void req
      })
      return server
    }
    const a = await slowServe()
    const b = await slowServe()
    const { http: client } = http({ maxInFlight: 2 })

    await Promise.all(
      [a, b, a, b, a, b, a, b].map(async server =>
        client.toUrl(`${server.url}/v2/`, GET)
      )
    )

    expect(inFlight.get(a.host)?.peak).toBe(2)
    expect(inFlight.get(b.host)?.peak).toBe(2)
  })
})
