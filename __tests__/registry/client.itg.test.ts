/**
 * RegistryClient against the real Distribution registry on loopback, seen
 * through the counting proxy (request counts, injected headers and answers).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Digest } from '../../src/core/digest.js'
import type {
  Resolution,
  Resolved,
  ResolveRequest
} from '../../src/core/resolution.js'
import { RegistryClient } from '../../src/registry/client.js'
import type { RegistryClientOptions } from '../../src/registry/client.js'
import { startCountingProxy } from '../support/counting-proxy.js'
import type { CountingProxy } from '../support/counting-proxy.js'
import { MEDIA, blob } from '../support/images.js'
import {
  RecordingCounter,
  RecordingLogger,
  fixedCredentials,
  noSleep,
  recordingSleep
} from '../support/recorders.js'
import { startRegistry } from '../support/registry.js'
import type {
  SeededIndex,
  SeededSingle,
  TestRegistry
} from '../support/registry.js'

let registry: TestRegistry
let proxy: CountingProxy
let multi: SeededIndex
let single: SeededSingle
let dockerList: SeededIndex

const CREATED = '2025-06-01T12:00:00Z'

beforeAll(async () => {
  registry = await startRegistry()
  proxy = await startCountingProxy({ target: registry.host })
  multi = await registry.seedImage('team/app', '1.0', {
    attestation: true,
    created: CREATED
  })
  single = await registry.seedSingle('team/single', 'latest', {
    platform: 'linux/amd64'
  })
  dockerList = await registry.seedImage('team/docker', 'stable', {
    format: 'docker',
    platforms: ['linux/amd64', 'linux/arm64']
  })
})

afterAll(async () => {
  await proxy?.stop()
  await registry?.stop()
})

beforeEach(() => {
  proxy.setOptions({
    delayMs: 0,
    respond: () => undefined,
    rewrite: () => undefined
  })
  proxy.reset()
})

interface Harness {
  readonly client: RegistryClient
  readonly counter: RecordingCounter
  readonly logger: RecordingLogger
}

function harness(options: Partial<RegistryClientOptions> = {}): Harness {
  const counter = new RecordingCounter()
  const logger = new RecordingLogger()
  const client = new RegistryClient({
    credentials: fixedCredentials(),
    insecureRegistries: [],
    logger,
    counter,
    timeoutMs: 5_000,
    retries: 2,
    sleep: noSleep,
    ...options
  })
  return { client, counter, logger }
}

function req(
  repository: string,
  tag: string,
  extra: Partial<ResolveRequest> = {},
  host = proxy.host
): ResolveRequest {
  return {
    key: `${host}/${repository}:${tag}`,
    registry: host,
    repository,
    tag,
    currentDigests: [],
    needsManifestBody: false,
    ...extra
  }
}

function expectResolved(resolution: Resolution | undefined): Resolved {
  if (resolution?.kind !== 'resolved') {
    throw new Error(`expected resolved, got ${JSON.stringify(resolution)}`)
  }
  return resolution
}

describe('RegistryClient against Distribution', () => {
  it('resolves a multi-arch tag to the index digest with exactly one HEAD', async () => {
    const { client, counter } = harness()

    const [resolution] = await client.resolveAll([req('team/app', '1.0')])

    const resolved = expectResolved(resolution)
    expect(resolved.digest).toBe(multi.indexDigest)
    expect(resolved.mediaType).toBe(MEDIA.ociIndex)
    expect(resolved.manifests).toBeUndefined()
    // ping = the failed HTTPS attempt and the plain-HTTP GET /v2/
    expect(counter.byKind()).toEqual({ ping: 2, 'manifest-head': 1 })
    expect(proxy.counts).toEqual({ 'not-http': 1, ping: 1, 'manifest-head': 1 })
  })

  it('reads the index with exactly one GET when the body is needed, without attestations', async () => {
    const { client, counter } = harness()

    const [resolution] = await client.resolveAll([
      req('team/app', '1.0', { needsManifestBody: true })
    ])

    const resolved = expectResolved(resolution)
    expect(resolved.digest).toBe(multi.indexDigest)
    expect(resolved.created).toBe(CREATED)
    expect(resolved.manifests).toEqual(
      multi.manifests.map(m => ({
        platform: platformOf(m.platform),
        digest: m.digest,
        mediaType: MEDIA.ociManifest
      }))
    )
    expect(resolved.manifests?.map(m => m.digest)).not.toContain(
      multi.attestationDigest
    )
    expect(counter.of('manifest-get')).toBe(1)
    expect(counter.of('manifest-head')).toBe(0)
    expect(proxy.counts['manifest-get']).toBe(1)
  })

  it('resolves a single-manifest tag and a Docker manifest list', async () => {
    const { client } = harness()

    const [one, list] = await client.resolveAll([
      req('team/single', 'latest'),
      req('team/docker', 'stable', { needsManifestBody: true })
    ])

    expect(expectResolved(one)).toMatchObject({
      digest: single.digest,
      mediaType: MEDIA.ociManifest
    })
    const resolvedList = expectResolved(list)
    expect(resolvedList.digest).toBe(dockerList.indexDigest)
    expect(resolvedList.mediaType).toBe(MEDIA.dockerList)
    expect(resolvedList.manifests?.map(m => m.platform.architecture)).toEqual([
      'amd64',
      'arm64'
    ])
  })

  it('reports an unknown tag as NOT_FOUND naming the image, and still resolves the others', async () => {
    const { client } = harness()

    const [missing, found] = await client.resolveAll([
      req('team/app', 'no-such-tag'),
      req('team/app', '1.0')
    ])

    expect(missing).toMatchObject({
      kind: 'failed',
      key: `${proxy.host}/team/app:no-such-tag`,
      failure: { code: 'NOT_FOUND', status: 404 }
    })
    const failure = missing?.kind === 'failed' ? missing.failure : undefined
    expect(failure?.message).toContain(`${proxy.host}/team/app:no-such-tag`)
    expect(failure?.message).toContain('tag "no-such-tag" does not exist')
    expect(failure?.hint).toMatch(/spelling/)
    expect(expectResolved(found).digest).toBe(multi.indexDigest)
  })

  it('reports an unknown repository as NOT_FOUND (NAME_UNKNOWN)', async () => {
    const { client } = harness()

    const [resolution] = await client.resolveAll([req('nobody/here', '1')])

    expect(resolution).toMatchObject({
      kind: 'failed',
      failure: { code: 'NOT_FOUND' }
    })
    const failure =
      resolution?.kind === 'failed' ? resolution.failure : undefined
    expect(failure?.message).toContain(
      `repository ${proxy.host}/nobody/here does not exist`
    )
    expect(failure?.message).toContain('NAME_UNKNOWN')
  })

  it('follows a moved tag to the new index digest', async () => {
    const first = await registry.seedImage('team/moving', 'v1')
    const { client } = harness()
    const before = expectResolved(
      (await client.resolveAll([req('team/moving', 'v1')]))[0]
    )

    const second = await registry.seedImage('team/moving', 'v1')
    const after = expectResolved(
      (
        await client.resolveAll([
          req('team/moving', 'v1', { currentDigests: [first.indexDigest] })
        ])
      )[0]
    )

    expect(before.digest).toBe(first.indexDigest)
    expect(after.digest).toBe(second.indexDigest)
    expect(after.digest).not.toBe(before.digest)
    expect(after.platformPins).toBeUndefined()
  })

  it('maps a single-platform pin to the same platform in the new index', async () => {
    const old = await registry.seedImage('team/pinned', '2')
    const oldArm64 = digestFor(old, 'linux/arm64')
    const oldArmV7 = digestFor(old, 'linux/arm/v7')
    const moved = await registry.seedImage('team/pinned', '2')
    const { client, counter } = harness()

    const [resolution] = await client.resolveAll([
      req('team/pinned', '2', {
        currentDigests: [oldArm64, old.indexDigest, oldArmV7]
      })
    ])

    const resolved = expectResolved(resolution)
    expect(resolved.digest).toBe(moved.indexDigest)
    expect(resolved.platformPins).toEqual({
      [oldArm64]: digestFor(moved, 'linux/arm64'),
      [oldArmV7]: digestFor(moved, 'linux/arm/v7')
    })
    // tag HEAD; the new index and one GET per old pin (issue 9: an old
    // index is read for its entries); 2 configs read once each
    expect(counter.byKind()).toMatchObject({
      'manifest-head': 1,
      'manifest-get': 4,
      'blob-get': 2
    })
  })

  it('keeps a platform pin that is still an entry of the current index', async () => {
    const seeded = await registry.seedImage('team/steady', '3')
    const amd64 = digestFor(seeded, 'linux/amd64')
    const { client } = harness()

    const [resolution] = await client.resolveAll([
      req('team/steady', '3', {
        currentDigests: [amd64],
        needsManifestBody: true
      })
    ])

    expect(expectResolved(resolution).platformPins).toEqual({ [amd64]: amd64 })
  })

  it('skips a pinned manifest that no longer exists', async () => {
    const old = await registry.seedImage('team/gone', '4')
    const oldArm64 = digestFor(old, 'linux/arm64')
    await registry.seedImage('team/gone', '4')
    await registry.deleteManifest('team/gone', oldArm64)
    const { client } = harness()

    const [resolution] = await client.resolveAll([
      req('team/gone', '4', { currentDigests: [oldArm64] })
    ])

    expect(expectResolved(resolution).platformPins).toBeUndefined()
  })

  it('falls back from HTTPS to HTTP once per registry and remembers it', async () => {
    const { client, counter, logger } = harness({ concurrency: 8 })
    const requests = ['1.0', 'a', 'b', 'c', 'd', 'e', 'f', 'g'].map(tag =>
      req('team/app', tag)
    )

    await client.resolveAll(requests)
    await client.resolveAll([req('team/single', 'latest')])

    expect(proxy.counts['not-http']).toBe(1)
    // the failed HTTPS attempt and the one plain-HTTP GET /v2/
    expect(counter.of('ping')).toBe(2)
    expect(logger.text()).toMatch(/using plain HTTP for this run/)
  })

  it('talks plain HTTP to a listed insecure registry on a non-loopback name', async () => {
    const port = proxy.host.split(':')[1] ?? ''
    const host = `localhost:${port}`
    const { client } = harness({ insecureRegistries: [host] })

    const [resolution] = await client.resolveAll([
      req('team/app', '1.0', {}, host)
    ])

    expect(expectResolved(resolution).digest).toBe(multi.indexDigest)
  })

  it('records ratelimit-remaining', async () => {
    proxy.setOptions({
      rewrite: (_request, headers) => {
        headers['ratelimit-remaining'] = '76;w=21600'
      }
    })
    const { client } = harness()

    const [resolution] = await client.resolveAll([req('team/app', '1.0')])

    expect(expectResolved(resolution).rateLimitRemaining).toBe('76;w=21600')
  })

  it('GETs and hashes the body when HEAD has no Docker-Content-Digest', async () => {
    proxy.setOptions({
      rewrite: (request, headers) => {
        if (request.method === 'HEAD') delete headers['docker-content-digest']
      }
    })
    const { client, counter } = harness()

    const [resolution] = await client.resolveAll([req('team/app', '1.0')])

    expect(expectResolved(resolution).digest).toBe(multi.indexDigest)
    expect(counter.byKind()).toMatchObject({
      'manifest-head': 1,
      'manifest-get': 1
    })
  })

  it('trusts its own hash over a wrong Docker-Content-Digest and warns', async () => {
    const wrong = `sha256:${'0'.repeat(64)}`
    proxy.setOptions({
      rewrite: (_request, headers) => {
        headers['docker-content-digest'] = wrong
      }
    })
    const { client } = harness()

    const [resolution] = await client.resolveAll([
      req('team/app', '1.0', { needsManifestBody: true })
    ])

    const resolved = expectResolved(resolution)
    expect(resolved.digest).toBe(multi.indexDigest)
    expect(resolved.warnings?.join('\n')).toContain(wrong)
  })

  it('refuses a legacy schema 1 manifest as UNSUPPORTED', async () => {
    proxy.setOptions({
      rewrite: (_request, headers) => {
        headers['content-type'] =
          'application/vnd.docker.distribution.manifest.v1+prettyjws'
      }
    })
    const { client } = harness()

    const [resolution] = await client.resolveAll([req('team/app', '1.0')])

    expect(resolution).toMatchObject({
      kind: 'failed',
      failure: { code: 'UNSUPPORTED' }
    })
    const failure =
      resolution?.kind === 'failed' ? resolution.failure : undefined
    expect(failure?.message).toContain(
      'legacy schema 1 manifest, not supported; push a v2/OCI manifest'
    )
    expect(failure?.message).toContain(`${proxy.host}/team/app:1.0`)
  })

  it('rejects an index whose JSON is malformed as INVALID_RESPONSE', async () => {
    const garbage = blob(
      Buffer.from('{"schemaVersion":2,"manifests":"nope"}'),
      MEDIA.ociIndex
    )
    proxy.setOptions({
      respond: request =>
        request.path === '/v2/team/broken/manifests/bad'
          ? {
              status: 200,
              headers: {
                'Content-Type': MEDIA.ociIndex,
                'Docker-Content-Digest': garbage.digest
              },
              body: garbage.bytes.toString()
            }
          : undefined
    })
    const { client } = harness()

    const [resolution] = await client.resolveAll([
      req('team/broken', 'bad', { needsManifestBody: true })
    ])

    expect(resolution).toMatchObject({
      kind: 'failed',
      failure: { code: 'INVALID_RESPONSE' }
    })
  })

  it('retries a 429 after Retry-After and gives up at once on a too-long Retry-After', async () => {
    let limited = 1
    proxy.setOptions({
      respond: request => {
        if (request.path.endsWith('/manifests/1.0') && limited > 0) {
          limited -= 1
          return { status: 429, headers: { 'Retry-After': '1' } }
        }
        if (request.path.endsWith('/manifests/latest')) {
          return { status: 429, headers: { 'Retry-After': '3600' } }
        }
        return undefined
      }
    })
    const slept: number[] = []
    const { client } = harness({
      sleep: recordingSleep(slept)
    })

    const [retried, limitedOut] = await client.resolveAll([
      req('team/app', '1.0'),
      req('team/single', 'latest')
    ])

    expect(expectResolved(retried).digest).toBe(multi.indexDigest)
    expect(slept).toEqual([1000])
    expect(limitedOut).toMatchObject({
      kind: 'failed',
      failure: { code: 'TOO_MANY_REQUESTS', status: 429 }
    })
    const failure =
      limitedOut?.kind === 'failed' ? limitedOut.failure : undefined
    expect(failure?.message).toContain('Retry-After: 3600')
    expect(failure?.hint).toMatch(/Authenticate/)
  })

  it('retries 503 with backoff, then reports UNAVAILABLE', async () => {
    proxy.setOptions({ respond: () => ({ status: 503 }) })
    const { client, counter } = harness({ retries: 2 })

    const [resolution] = await client.resolveAll([req('team/app', '1.0')])

    expect(resolution).toMatchObject({
      kind: 'failed',
      failure: { code: 'UNAVAILABLE', status: 503 }
    })
    expect(counter.of('manifest-head')).toBe(3)
  })

  it('reports a timeout as TIMEOUT naming the image', async () => {
    proxy.setOptions({ delayMs: 400 })
    const { client } = harness({ timeoutMs: 100, retries: 0 })

    const [resolution] = await client.resolveAll([req('team/app', '1.0')])

    expect(resolution).toMatchObject({
      kind: 'failed',
      failure: { code: 'TIMEOUT' }
    })
    const failure =
      resolution?.kind === 'failed' ? resolution.failure : undefined
    expect(failure?.message).toContain(`${proxy.host}/team/app:1.0`)
  })

  it('reports an unreachable registry as NETWORK for each of its images', async () => {
    const host = '127.0.0.1:9'
    const { client } = harness({ retries: 1 })

    const resolutions = await client.resolveAll([
      req('a/b', '1', {}, host),
      req('a/c', '1', {}, host)
    ])

    for (const resolution of resolutions) {
      expect(resolution).toMatchObject({
        kind: 'failed',
        failure: { code: 'NETWORK' }
      })
      expect(
        resolution.kind === 'failed' && resolution.failure.message
      ).toContain(host)
    }
  })

  it('follows a blob redirect to another host', async () => {
    const old = await registry.seedImage('team/redirected', '5')
    const oldAmd64 = digestFor(old, 'linux/amd64')
    const moved = await registry.seedImage('team/redirected', '5')
    proxy.setOptions({
      respond: request =>
        request.kind === 'blob-get'
          ? {
              status: 307,
              headers: { Location: `${registry.url}${request.path}` }
            }
          : undefined
    })
    const { client } = harness()

    const [resolution] = await client.resolveAll([
      req('team/redirected', '5', { currentDigests: [oldAmd64] })
    ])

    expect(expectResolved(resolution).platformPins).toEqual({
      [oldAmd64]: digestFor(moved, 'linux/amd64')
    })
    expect(proxy.counts['blob-get']).toBe(1)
  })

  it('resolves many images with bounded concurrency and one request each', async () => {
    const tags = Array.from({ length: 12 }, (_, i) => `many-${i}`)
    const seeded = new Map<string, Digest>()
    for (const tag of tags)
      seeded.set(
        tag,
        (
          await registry.seedSingle('team/many', tag, {
            platform: 'linux/amd64'
          })
        ).digest
      )
    const { client, counter } = harness({ concurrency: 3 })
    await client.resolveAll([req('team/app', '1.0')])
    proxy.reset()
    proxy.setOptions({ delayMs: 20 })

    const resolutions = await client.resolveAll(
      tags.map(tag => req('team/many', tag))
    )

    expect(resolutions.map(r => expectResolved(r).digest)).toEqual(
      tags.map(t => seeded.get(t))
    )
    expect(proxy.total()).toBe(tags.length)
    expect(counter.of('manifest-head')).toBe(1 + tags.length)
    expect(proxy.peakInFlight).toBe(3)
  })
})

function digestFor(seeded: SeededIndex, platform: string): Digest {
  const found = seeded.manifests.find(m => m.platform === platform)
  if (found === undefined) throw new Error(`no ${platform} in seed`)
  return found.digest
}

function platformOf(text: string): {
  os: string
  architecture: string
  variant?: string
} {
  const [os = '', architecture = '', variant] = text.split('/')
  return variant === undefined
    ? { os, architecture }
    : { os, architecture, variant }
}
