/**
 * Issue 8, "Resolve at the limit": what the real CLI sends to the real
 * Distribution registry, counted at a proxy in front of it. A tag-only
 * reference costs one GET by tag; a pinned one one HEAD by tag, and only
 * when the tag moved, the new manifest by digest and the old pin's HEAD.
 * Request slots are per registry, and a registry that hangs ends the run in
 * about twice the per-request timeout, the others written.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/main.js'
import type { Digest } from '../../src/core/digest.js'
import { startCountingProxy } from '../support/counting-proxy.js'
import type {
  CountingProxy,
  ProxiedRequest
} from '../support/counting-proxy.js'
import { faults, startFaultProxy } from '../support/fault-proxy.js'
import type { FaultProxy } from '../support/fault-proxy.js'
import { startRegistry } from '../support/registry.js'
import type { SeededIndex, TestRegistry } from '../support/registry.js'

let registry: TestRegistry
let work: string
let steady: SeededIndex
let movedOld: SeededIndex
let moved: SeededIndex
const proxies: (CountingProxy | FaultProxy)[] = []

beforeAll(async () => {
  registry = await startRegistry()
  work = await mkdtemp(join(tmpdir(), 'freshbase-limit-'))
  await mkdir(join(work, 'empty-docker-config'))
  const platforms = ['linux/amd64', 'linux/arm64']
  steady = await registry.seedImage('team/steady', '1', { platforms })
  movedOld = await registry.seedImage('team/moved', '2', { platforms })
  moved = await registry.seedImage('team/moved', '2', { platforms })
  for (const name of ['a', 'b', 'c']) {
    await registry.seedImage(`team/${name}`, '1', { platforms })
  }
})

afterAll(async () => {
  await Promise.all(proxies.map(async p => p.stop()))
  await registry?.stop()
  if (work !== undefined) await rm(work, { recursive: true, force: true })
})

async function countingProxy(delayMs = 0): Promise<CountingProxy> {
  const proxy = await startCountingProxy({ target: registry.host, delayMs })
  proxies.push(proxy)
  return proxy
}

let serial = 0

/** Writes the files, runs `freshbase apply` in process; returns what it printed. */
async function apply(
  files: Readonly<Record<string, string>>,
  args: readonly string[] = []
): Promise<{ root: string; code: number; stdout: string; ms: number }> {
  const root = join(work, `repo-${++serial}`)
  for (const [file, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, file)), { recursive: true })
    await writeFile(join(root, file), text)
  }
  const out: string[] = []
  const started = performance.now()
  const code = await runCli(['apply', root, ...args], {
    stdout: text => out.push(text),
    stderr: () => undefined,
    env: {
      DOCKER_CONFIG: join(work, 'empty-docker-config'),
      PATH: process.env['PATH'] ?? ''
    }
  })
  return { root, code, stdout: out.join('\n'), ms: performance.now() - started }
}

function manifestRequests(proxy: CountingProxy): string[] {
  return proxy.requests
    .filter((r: ProxiedRequest) => r.kind.startsWith('manifest'))
    .map(r => `${r.method} ${r.path}`)
}

describe('one request per unique tag, more only when a pin moved', () => {
  it('a tag-only reference: one GET by tag, hashed, and no HEAD', async () => {
    const proxy = await countingProxy()
    const image = `${proxy.host}/team/steady:1`

    const result = await apply({
      'x/Dockerfile': `FROM ${image}\n`,
      'y/Dockerfile': `FROM --platform=linux/arm64 ${image} AS build\n`
    })

    expect(result.code).toBe(0)
    expect(manifestRequests(proxy)).toEqual(['GET /v2/team/steady/manifests/1'])
    expect(await readFile(join(result.root, 'x/Dockerfile'), 'utf8')).toBe(
      `FROM ${image}@${steady.indexDigest}\n`
    )
  })

  it('a pinned reference whose tag has not moved: one HEAD by tag, nothing else', async () => {
    const proxy = await countingProxy()
    const text = `FROM ${proxy.host}/team/steady:1@${steady.indexDigest}\n`

    const result = await apply({ 'x/Dockerfile': text, 'y/Dockerfile': text })

    expect(result.code).toBe(0)
    expect(manifestRequests(proxy)).toEqual([
      'HEAD /v2/team/steady/manifests/1'
    ])
    expect(await readFile(join(result.root, 'x/Dockerfile'), 'utf8')).toBe(text)
  })

  it('a pinned reference whose tag moved: the new manifest and the old pin read by digest, never the tag again', async () => {
    const proxy = await countingProxy()
    const image = `${proxy.host}/team/moved:2`

    const result = await apply({
      'x/Dockerfile': `FROM ${image}@${movedOld.indexDigest}\n`,
      // A tag-only site of the same tag: still one request by tag.
      'y/Dockerfile': `FROM ${image}\n`
    })

    expect(result.code).toBe(0)
    expect(manifestRequests(proxy).sort()).toEqual(
      [
        'HEAD /v2/team/moved/manifests/2',
        `GET /v2/team/moved/manifests/${moved.indexDigest}`,
        // issue 9: the old index is read for its entries (platform delta)
        `GET /v2/team/moved/manifests/${movedOld.indexDigest}`
      ].sort()
    )
    for (const file of ['x/Dockerfile', 'y/Dockerfile']) {
      expect(await readFile(join(result.root, file), 'utf8')).toBe(
        `FROM ${image}@${moved.indexDigest}\n`
      )
    }
  })

  it('a single-platform pin of a moved tag stays single-platform', async () => {
    const proxy = await countingProxy()
    const image = `${proxy.host}/team/moved:2`
    const oldArm = movedOld.manifests.find(m => m.platform === 'linux/arm64')
    const newArm = moved.manifests.find(m => m.platform === 'linux/arm64')

    const result = await apply({
      'x/Dockerfile': `FROM ${image}@${oldArm?.digest as Digest}\n`
    })

    expect(result.code).toBe(0)
    expect(await readFile(join(result.root, 'x/Dockerfile'), 'utf8')).toBe(
      `FROM ${image}@${newArm?.digest as Digest}\n`
    )
    expect(
      manifestRequests(proxy).filter(r => r.endsWith('/manifests/2'))
    ).toEqual(['HEAD /v2/team/moved/manifests/2'])
  })
  it('a pin to a platform manifest the tag still lists costs nothing beyond the GET by tag', async () => {
    const proxy = await countingProxy()
    const image = `${proxy.host}/team/steady:1`
    const arm = steady.manifests.find(m => m.platform === 'linux/arm64')
    const pinned = `FROM ${image}@${arm?.digest as Digest} AS arm`

    const result = await apply({
      'x/Dockerfile': `FROM ${image} AS build\n${pinned}\n`
    })

    expect(result.code).toBe(0)
    expect(manifestRequests(proxy)).toEqual(['GET /v2/team/steady/manifests/1'])
    expect(await readFile(join(result.root, 'x/Dockerfile'), 'utf8')).toBe(
      `FROM ${image}@${steady.indexDigest} AS build\n${pinned}\n`
    )
  })
})

describe('registries apart', () => {
  it('request slots are per registry: a slow registry never holds back a fast one', async () => {
    const slow = await countingProxy(400)
    const fast = await countingProxy()
    const files: Record<string, string> = {}
    for (const name of ['a', 'b', 'c']) {
      files[`slow-${name}/Dockerfile`] = `FROM ${slow.host}/team/${name}:1\n`
      files[`fast-${name}/Dockerfile`] = `FROM ${fast.host}/team/${name}:1\n`
    }

    const result = await apply(files, ['--concurrency', '1'])

    expect(result.code).toBe(0)
    const arrivals = (p: CountingProxy): number[] =>
      p.requests.filter(r => r.kind !== 'not-http').map(r => r.at ?? 0)
    // With one slot for both, every fast request would queue behind a
    // 400 ms slow one; per registry, the fast ones are done meanwhile.
    expect(Math.max(...arrivals(fast))).toBeLessThan(
      Math.min(...arrivals(slow)) + 400
    )
    expect(slow.peakInFlight).toBe(1)
  })

  it('a registry that hangs: a timed-out request is retried once, the hung registry fails its other images at once, the others are written', async () => {
    const healthy = await countingProxy()
    const hung = await startFaultProxy({
      target: registry.host,
      rules: [{ path: /^\/v2\/.+\/manifests\//, action: faults.hang() }]
    })
    proxies.push(hung)
    const files: Record<string, string> = {
      'ok/Dockerfile': `FROM ${healthy.host}/team/steady:1\n`
    }
    for (const name of ['a', 'b', 'c'])
      files[`hung-${name}/Dockerfile`] = `FROM ${hung.host}/team/${name}:1\n`

    const result = await apply(files, ['--timeout', '1', '--concurrency', '1'])

    expect(result.code).toBe(1)
    for (const name of ['a', 'b', 'c']) {
      expect(result.stdout).toMatch(
        new RegExp(
          `hung-${name}/Dockerfile:1 .*cannot resolve ${hung.host}/team/${name}:1: ${hung.host} did not answer in time`
        )
      )
    }
    expect(result.stdout).toMatch(/\b3 failed; wrote 1 file/)
    expect(
      await readFile(join(result.root, 'ok/Dockerfile'), 'utf8')
    ).toContain(`@${steady.indexDigest}`)
    // The first image: 1 s, a back-off of 0.25–0.5 s, 1 s; then the host
    // has answered nothing for a whole timeout and the other two fail at
    // once. Without that: three times as long.
    expect(hung.count(undefined, /\/manifests\//)).toBe(2)
    expect(result.ms).toBeGreaterThanOrEqual(2_000)
    expect(result.ms).toBeLessThan(4_000)
  })
})
