/**
 * Registry faults end to end (issue "Prove it holds"): the real CLI over a
 * repository with several Dockerfiles, the real Distribution registry behind
 * a fault-injecting proxy. For each fault: the faulty image is reported with
 * what to do, every other image is still written, no file is half written,
 * exit 1, and retries are bounded (counted at the proxy). Anonymous registry;
 * the credential faults are in faults-auth.itg.test.ts.
 */
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Digest } from '../../src/core/digest.js'
import { faults, manifestPath } from '../support/fault-proxy.js'
import {
  FAULTY,
  FAULTY_TAG,
  ScenarioSet,
  seedScenario
} from '../support/fault-scenario.js'
import type { SeededScenario } from '../support/fault-scenario.js'
import { MEDIA } from '../support/images.js'
import { recordFault } from '../support/reliability.js'
import { startRegistry } from '../support/registry.js'
import type { TestRegistry } from '../support/registry.js'

const TAG = manifestPath(FAULTY, FAULTY_TAG)
const TAGS_LIST = /^\/v2\/team\/faulty\/tags\/list/

let registry: TestRegistry
let seeded: SeededScenario
const set = new ScenarioSet(
  () => registry,
  () => seeded
)

beforeAll(async () => {
  registry = await startRegistry()
  seeded = await seedScenario(registry)
  await set.start()
})

afterAll(async () => {
  await set.stop()
  await registry?.stop()
})

const RETRY_LATER = 'The registry is having trouble; retry later.'

describe.concurrent('registry faults, anonymous registry', () => {
  it('401 without a challenge on the manifest HEAD (a pinned reference)', async () => {
    const s = await set.scenario({
      pinned: true,
      rules: [{ method: 'HEAD', path: TAG, action: faults.unauthorized() }]
    })

    const result = await s.apply()

    s.expectFailed(
      result,
      /refused access \(401\); the repository may be private or may not exist/,
      `Check the credentials for ${s.host} (run \`docker login ${s.host}\``
    )
    await s.expectFiles()
    await s.expectNoTempFiles()
    expect(s.proxy.count(undefined, TAG)).toBe(1)
    recordFault({
      suite: 'registry',
      fault: '401 without WWW-Authenticate on the manifest HEAD',
      userSees:
        'refused access (401), may be private; check credentials; exit 1',
      verified: [
        'other images written',
        'no partial file',
        '1 request (not retried)'
      ]
    })
  })

  it('401 with a Basic challenge from one repository of a registry that answered the ping anonymously', async () => {
    const s = await set.scenario({
      rules: [
        {
          path: TAG,
          action: faults.unauthorized('Basic realm="faulty-only"')
        }
      ]
    })

    const result = await s.apply()

    s.expectFailed(
      result,
      /requires a login \(Basic\) and no credentials are configured for it/,
      `Check the credentials for ${s.host}`
    )
    await s.expectFiles()
    await s.expectNoTempFiles()
    expect(s.proxy.count(undefined, TAG)).toBe(1)
    recordFault({
      suite: 'registry',
      fault:
        '401 with a Basic challenge for one repository, no credentials configured',
      userSees:
        'requires a login (Basic) and no credentials are configured; exit 1',
      verified: [
        'other images of the same registry written',
        'no partial file',
        '1 request'
      ]
    })
  })

  it('404 MANIFEST_UNKNOWN for the tag', async () => {
    const s = await set.scenario({
      rules: [{ path: TAG, action: faults.manifestUnknown() }]
    })

    const result = await s.apply()

    s.expectFailed(
      result,
      /tag "1" does not exist in .*team\/faulty \(GET .* answered 404 MANIFEST_UNKNOWN/,
      'Check the tag spelling; the tag may have been deleted or renamed upstream.'
    )
    await s.expectFiles()
    await s.expectNoTempFiles()
    expect(s.proxy.count('HEAD', TAG)).toBe(0)
    expect(s.proxy.count('GET', TAG)).toBe(1)
    expect(s.proxy.count('GET', TAGS_LIST)).toBe(1)
    recordFault({
      suite: 'registry',
      fault: '404 MANIFEST_UNKNOWN for the tag',
      userSees: 'tag "1" does not exist in <repo>; check the tag; exit 1',
      verified: [
        'other images written',
        'no partial file',
        '2 requests (GET by tag, tags/list)'
      ]
    })
  })

  it('404 NAME_UNKNOWN for the repository', async () => {
    const s = await set.scenario({
      rules: [{ path: TAG, action: faults.nameUnknown() }]
    })

    const result = await s.apply()

    s.expectFailed(
      result,
      /repository .*team\/faulty does not exist/,
      'Check the image name (registry, namespace and repository spelling).'
    )
    await s.expectFiles()
    await s.expectNoTempFiles()
    expect(s.proxy.count('HEAD', TAG)).toBe(0)
    expect(s.proxy.count('GET', TAG)).toBe(1)
    expect(s.proxy.count('GET', TAGS_LIST)).toBe(0)
    recordFault({
      suite: 'registry',
      fault: '404 NAME_UNKNOWN for the repository',
      userSees: 'repository <name> does not exist; check the name; exit 1',
      verified: [
        'other images written',
        'no partial file',
        '1 request (GET by tag)'
      ]
    })
  })

  it('429 with Retry-After: 1, every time', async () => {
    const s = await set.scenario({
      rules: [{ path: TAG, action: faults.tooManyRequests('1') }]
    })

    const result = await s.apply()

    s.expectFailed(
      result,
      /rate limited the request \(Retry-After: 1\)/,
      `Authenticate to ${s.host} to raise the limit, or retry later.`
    )
    await s.expectFiles()
    await s.expectNoTempFiles()
    expect(s.proxy.count('GET', TAG)).toBe(4)
    expect(result.ms).toBeGreaterThanOrEqual(3_000)
    recordFault({
      suite: 'registry',
      fault: '429 with Retry-After: 1 on every manifest request',
      userSees:
        'rate limited (Retry-After: 1); authenticate or retry later; exit 1',
      verified: [
        'other images written',
        'no partial file',
        '4 requests (1 + 3 retries, 1 s apart)'
      ]
    })
  })

  it('429 with a Retry-After longer than the client waits', async () => {
    const s = await set.scenario({
      rules: [{ path: TAG, action: faults.tooManyRequests('3600') }]
    })

    const result = await s.apply()

    s.expectFailed(
      result,
      /rate limited the request \(Retry-After: 3600\)/,
      `Authenticate to ${s.host} to raise the limit, or retry later.`
    )
    await s.expectFiles()
    await s.expectNoTempFiles()
    expect(s.proxy.count('GET', TAG)).toBe(1)
    expect(result.ms).toBeLessThan(2_000)
    recordFault({
      suite: 'registry',
      fault: '429 with Retry-After: 3600 (over the 60 s cap)',
      userSees: 'rate limited (Retry-After: 3600); exit 1 at once',
      verified: [
        'other images written',
        'no partial file',
        '1 request (no wait)'
      ]
    })
  })

  it('429 without Retry-After', async () => {
    const s = await set.scenario({
      rules: [{ path: TAG, action: faults.tooManyRequests() }]
    })

    const result = await s.apply()

    s.expectFailed(
      result,
      /rate limited the request \(/,
      `Authenticate to ${s.host} to raise the limit, or retry later.`
    )
    await s.expectFiles()
    await s.expectNoTempFiles()
    expect(s.proxy.count('GET', TAG)).toBe(4)
    recordFault({
      suite: 'registry',
      fault: '429 without Retry-After on every manifest request',
      userSees: 'rate limited; authenticate or retry later; exit 1',
      verified: [
        'other images written',
        'no partial file',
        '4 requests (1 + 3 retries, backoff 0.25–2 s)'
      ]
    })
  })

  it.each([500, 502, 503])('%i on every manifest request', async status => {
    const s = await set.scenario({
      rules: [{ path: TAG, action: faults.status(status) }]
    })

    const result = await s.apply()

    s.expectFailed(result, new RegExp(`failed with ${status}`), RETRY_LATER)
    await s.expectFiles()
    await s.expectNoTempFiles()
    expect(s.proxy.count('GET', TAG)).toBe(4)
    recordFault({
      suite: 'registry',
      fault: `${status} on every manifest request`,
      userSees: `<registry> failed with ${status}; retry later; exit 1`,
      verified: [
        'other images written',
        'no partial file',
        '4 requests (1 + 3 retries)'
      ]
    })
  })

  it('503 on the first manifest request only: retried and written', async () => {
    const s = await set.scenario({
      rules: [{ path: TAG, nth: [1], action: faults.status(503) }]
    })

    const result = await s.apply()

    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/\b0 failed; wrote 4 files\.$/m)
    await s.expectFiles(seeded.faulty)
    await s.expectNoTempFiles()
    expect(s.proxy.count('GET', TAG)).toBe(2)
    recordFault({
      suite: 'registry',
      fault: '503 once on the manifest request',
      userSees: 'nothing: retried after backoff, pinned; exit 0',
      verified: ['all images written', '2 requests (1 + 1 retry)']
    })
  })

  it('a connection reset on every manifest request (a pinned reference)', async () => {
    const s = await set.scenario({
      pinned: true,
      rules: [{ path: TAG, action: faults.reset() }]
    })

    const result = await s.apply()

    s.expectFailed(
      result,
      /is unreachable \(HEAD http:\/\/.*: (read ECONNRESET|socket hang up)\)/,
      `Check the registry host name, network access and TLS setup for ${s.host}`
    )
    await s.expectFiles()
    await s.expectNoTempFiles()
    expect(s.proxy.count('HEAD', TAG)).toBe(4)
    recordFault({
      suite: 'registry',
      fault: 'connection reset (RST) on every manifest request',
      userSees: '<registry> is unreachable (ECONNRESET); check network; exit 1',
      verified: [
        'other images written',
        'no partial file',
        '4 requests (1 + 3 retries)'
      ]
    })
  })

  it('a hang past the timeout on every manifest request', async () => {
    const s = await set.scenario({
      rules: [{ path: TAG, action: faults.hang() }]
    })

    const result = await s.apply(['--timeout', '1'])

    s.expectFailed(
      result,
      /did not answer in time/,
      `The registry is unreachable or slow. Check network access to ${s.host} and retry later.`
    )
    await s.expectFiles()
    await s.expectNoTempFiles()
    // Issue 8: a request that timed out is retried once, not three times:
    // 2 attempts of 1 s and a backoff of 0.25–0.5 s.
    expect(s.proxy.count('GET', TAG)).toBe(2)
    expect(result.ms).toBeGreaterThanOrEqual(2_000)
    expect(result.ms).toBeLessThan(4_000)
    recordFault({
      suite: 'registry',
      fault: 'no answer (hang) on every manifest request, --timeout 1',
      userSees: '<registry> did not answer in time; retry later; exit 1',
      verified: [
        'other images written',
        'no partial file',
        '2 requests (1 + 1 retry: a timeout is retried once), under 4 s'
      ]
    })
  })

  it('a truncated body (Content-Length larger than sent, then close)', async () => {
    const s = await set.scenario({
      readsBody: true,
      rules: [{ method: 'GET', path: TAG, action: faults.truncate() }]
    })

    const result = await s.apply()

    s.expectFailed(
      result,
      /closed the connection in the middle of an answer \(GET http:\/\/\S+: the body was cut short/,
      'cut the answer short; retry later.'
    )
    await s.expectFiles()
    await s.expectNoTempFiles()
    expect(s.proxy.count('HEAD', TAG)).toBe(0)
    expect(s.proxy.count('GET', TAG)).toBe(4)
    recordFault({
      suite: 'registry',
      fault: 'truncated manifest body (Content-Length larger than sent)',
      userSees:
        'closed the connection in the middle of an answer; retry later; exit 1',
      verified: [
        'other images written',
        'no partial file',
        'nothing written for the image',
        'GET 4 times (1 + 3 retries)'
      ]
    })
  })

  it('no Docker-Content-Digest on a pinned reference: GETs and keeps the digest of the body', async () => {
    const s = await set.scenario({
      pinned: true,
      rules: [
        { path: TAG, action: faults.withoutHeader('Docker-Content-Digest') }
      ]
    })

    const result = await s.apply()

    expect(result.code).toBe(0)
    // The faulty file is already pinned to the body's digest: unchanged.
    expect(result.stdout).toMatch(/\b0 failed; wrote 3 files\.$/m)
    await s.expectFiles(seeded.faulty)
    await s.expectNoTempFiles()
    expect(s.proxy.count('HEAD', TAG)).toBe(1)
    expect(s.proxy.count('GET', TAG)).toBe(1)
    recordFault({
      suite: 'registry',
      fault: 'no Docker-Content-Digest header on the manifest HEAD (pinned)',
      userSees: 'nothing: the hash of the body is the digest; exit 0',
      verified: ['all images written', 'right digest', '2 requests (HEAD, GET)']
    })
  })

  it('a Docker-Content-Digest that does not match the body: pins the hash of the body and warns', async () => {
    const wrong = `sha256:${'e'.repeat(64)}`
    const s = await set.scenario({
      readsBody: true,
      rules: [
        { path: TAG, action: faults.withHeader('Docker-Content-Digest', wrong) }
      ]
    })

    const result = await s.apply()

    expect(result.code).toBe(0)
    expect(result.stderr).toContain(
      `Docker-Content-Digest "${wrong}" does not match the content; using the content's digest ${seeded.faulty}`
    )
    // Exact texts: the body's digest at both faulty sites, never `wrong`.
    await s.expectFiles(seeded.faulty)
    await s.expectNoTempFiles()
    expect(result.stdout).toMatch(/\b0 failed; wrote 4 files\.$/m)
    expect(s.proxy.count('HEAD', TAG)).toBe(0)
    expect(s.proxy.count('GET', TAG)).toBe(1)
    recordFault({
      suite: 'registry',
      fault: 'Docker-Content-Digest not matching the body (body read)',
      userSees:
        'warning: header does not match, using the content digest; exit 0',
      verified: [
        'digest of the actual body written',
        'wrong digest never written',
        '1 request (GET by tag, hashed)'
      ]
    })
  })

  it('a malformed index body', async () => {
    const body = JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA.ociIndex,
      manifests: [{ mediaType: MEDIA.ociManifest, digest: 'sha256:nothex' }]
    })
    const s = await set.scenario({
      readsBody: true,
      rules: [
        { method: 'GET', path: TAG, action: faults.body(MEDIA.ociIndex, body) }
      ]
    })

    const result = await s.apply()

    s.expectFailed(
      result,
      /index entry without a valid digest/,
      `The registry ${s.host} sent something Freshbase cannot trust`
    )
    await s.expectFiles()
    await s.expectNoTempFiles()
    expect(s.proxy.count('HEAD', TAG)).toBe(0)
    expect(s.proxy.count('GET', TAG)).toBe(1)
    const bodyDigest = digestOf(body)
    expect(result.stdout).not.toContain(bodyDigest)
    recordFault({
      suite: 'registry',
      fault: 'malformed index (an entry without a valid digest)',
      userSees: 'index entry without a valid digest; cannot trust; exit 1',
      verified: [
        'other images written',
        'nothing written for the image',
        '1 request (not retried)'
      ]
    })
  })

  it('an unexpected media type', async () => {
    const type = 'application/vnd.example.thing.v1+json'
    const s = await set.scenario({
      rules: [
        {
          path: TAG,
          action: faults.body(
            type,
            JSON.stringify({ schemaVersion: 2, mediaType: type })
          )
        }
      ]
    })

    const result = await s.apply()

    s.expectFailed(
      result,
      /the manifest has media type "application\/vnd\.example\.thing\.v1\+json", which is not an image index or image manifest/,
      'Push a v2 / OCI manifest or index for this tag, or pin it by hand.'
    )
    await s.expectFiles()
    await s.expectNoTempFiles()
    expect(s.proxy.count('HEAD', TAG)).toBe(0)
    expect(s.proxy.count('GET', TAG)).toBe(1)
    recordFault({
      suite: 'registry',
      fault: 'unexpected media type (not an image or index)',
      userSees: 'media type "…" is not an image index or manifest; exit 1',
      verified: [
        'other images written',
        'no partial file',
        '1 request (GET by tag)'
      ]
    })
  })

  it('a schema 1 (v1) manifest', async () => {
    const s = await set.scenario({
      rules: [
        {
          path: TAG,
          action: faults.body(
            'application/vnd.docker.distribution.manifest.v1+prettyjws',
            JSON.stringify({
              schemaVersion: 1,
              name: FAULTY,
              tag: FAULTY_TAG,
              architecture: 'amd64',
              fsLayers: [],
              history: [],
              signatures: []
            })
          )
        }
      ]
    })

    const result = await s.apply()

    s.expectFailed(
      result,
      /legacy schema 1 manifest, not supported; push a v2\/OCI manifest/,
      'Push a v2 / OCI manifest or index for this tag, or pin it by hand.'
    )
    await s.expectFiles()
    await s.expectNoTempFiles()
    expect(s.proxy.count(undefined, TAG)).toBe(1)
    recordFault({
      suite: 'registry',
      fault: 'schema 1 (v1+prettyjws) manifest',
      userSees: 'legacy schema 1 manifest, not supported; exit 1',
      verified: ['other images written', 'no partial file', '1 request']
    })
  })
})

function digestOf(text: string): Digest {
  return `sha256:${createHash('sha256').update(text).digest('hex')}` as Digest
}
