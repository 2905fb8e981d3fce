/**
 * RegistryContentReader (EvidenceSource, issue 9) against the real
 * Distribution registry, seen through the counting proxy: attestation
 * manifests and SBOM blobs read by digest and hashed, each digest once per
 * run, blobs capped while streaming, failures that name the image and digest.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Digest } from '../../src/core/digest.js'
import { RegistryClient } from '../../src/registry/client.js'
import type { RegistryClientOptions } from '../../src/registry/client.js'
import {
  ContentReadError,
  repositoryTarget
} from '../../src/registry/content-reader.js'
import { seedBlob, seedVersion } from '../support/attestations.js'
import type { SeededVersion } from '../support/attestations.js'
import { startCountingProxy } from '../support/counting-proxy.js'
import type { CountingProxy } from '../support/counting-proxy.js'
import { MEDIA, sha256 } from '../support/images.js'
import {
  RecordingCounter,
  RecordingLogger,
  fixedCredentials,
  noSleep
} from '../support/recorders.js'
import { startRegistry } from '../support/registry.js'
import type { TestRegistry } from '../support/registry.js'

const MiB = 1024 * 1024
let registry: TestRegistry
let proxy: CountingProxy
let version: SeededVersion
let big: Digest

beforeAll(async () => {
  registry = await startRegistry()
  proxy = await startCountingProxy({ target: registry.host })
  version = await seedVersion(registry, {
    repository: 'library/alpine',
    tag: '3.20',
    platforms: ['linux/amd64', 'linux/arm64/v8'],
    sbom: {
      style: 'scout-alpine',
      packages: [
        { name: 'libcrypto3', version: '3.3.2-r0', source: 'openssl' },
        { name: 'busybox', version: '1.36.1-r29' }
      ]
    },
    provenance: {
      slsa: 'v0.2',
      repo: 'https://github.com/alpinelinux/docker-alpine',
      revision: 'b'.repeat(40)
    }
  })
  big = await seedBlob(registry, 'library/alpine', randomBytes(3 * MiB))
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

function harness(options: Partial<RegistryClientOptions> = {}) {
  const counter = new RecordingCounter()
  const client = new RegistryClient({
    credentials: fixedCredentials(),
    insecureRegistries: [],
    logger: new RecordingLogger(),
    counter,
    timeoutMs: 5_000,
    retries: 1,
    sleep: noSleep,
    ...options
  })
  return { client, reader: client.contentReader(), counter }
}

const alpine = () => ({ registry: proxy.host, repository: 'library/alpine' })

function amd64() {
  const platform = version.platforms['linux/amd64']
  if (platform?.attestation === undefined || platform.sbom === undefined)
    throw new Error('seed has no amd64 attestation')
  return { attestation: platform.attestation, sbom: platform.sbom }
}

async function rejection(pending: Promise<unknown>): Promise<ContentReadError> {
  const error: unknown = await pending.then(
    () => undefined,
    (e: unknown) => e
  )
  if (!(error instanceof ContentReadError))
    throw new Error(`expected a ContentReadError, got ${String(error)}`)
  return error
}

describe('RegistryContentReader', () => {
  it('reads an attestation manifest and its SBOM blob by digest, hashed', async () => {
    const { reader, counter } = harness()
    const { attestation, sbom } = amd64()

    const manifest = await reader.manifest(alpine(), attestation)
    const blob = await reader.blob(alpine(), sbom, 4 * MiB)

    expect(manifest.mediaType).toBe(MEDIA.ociManifest)
    expect(sha256(manifest.body)).toBe(attestation)
    expect(sha256(blob)).toBe(sbom)
    const statement = JSON.parse(Buffer.from(blob).toString()) as {
      predicateType: string
    }
    expect(statement.predicateType).toBe('https://spdx.dev/Document')
    expect(counter.byKind()).toMatchObject({ 'manifest-get': 1, 'blob-get': 1 })
  })

  it('reads the index too, and caches by digest: a second or concurrent ask sends nothing', async () => {
    const { reader, counter } = harness()
    const { sbom } = amd64()

    const [a, b] = await Promise.all([
      reader.manifest(alpine(), version.indexDigest),
      reader.manifest(alpine(), version.indexDigest)
    ])
    await reader.blob(alpine(), sbom, 4 * MiB)
    proxy.reset()
    const again = await reader.manifest(alpine(), version.indexDigest)
    const blobAgain = await reader.blob(alpine(), sbom, 4 * MiB)

    expect(a.mediaType).toBe(MEDIA.ociIndex)
    expect(b.body).toBe(a.body)
    expect(again.body).toBe(a.body)
    expect(sha256(blobAgain)).toBe(sbom)
    expect(proxy.total()).toBe(0)
    expect(counter.of('manifest-get')).toBe(1)
    expect(counter.of('blob-get')).toBe(1)
  })

  it('what resolving read is not asked again: the old and new index of a moved tag', async () => {
    const spec = {
      repository: 'team/moved',
      tag: '1',
      platforms: ['linux/amd64', 'linux/s390x'],
      provenance: {
        slsa: 'v1' as const,
        repo: 'https://github.com/org/repo',
        revision: 'c'.repeat(40)
      }
    }
    const old = await seedVersion(registry, spec)
    const next = await seedVersion(registry, { ...spec, build: 'next' })
    const { client, reader, counter } = harness()
    const at = { registry: proxy.host, repository: 'team/moved' }

    await client.resolve({
      key: `${proxy.host}/team/moved:1`,
      ...at,
      tag: '1',
      currentDigests: [old.indexDigest],
      needsManifestBody: false
    })
    const before = counter.of('manifest-get')
    const oldIndex = await reader.manifest(at, old.indexDigest)
    const newIndex = await reader.manifest(at, next.indexDigest)

    expect(before).toBe(2)
    expect(counter.of('manifest-get')).toBe(2)
    expect(sha256(oldIndex.body)).toBe(old.indexDigest)
    expect(sha256(newIndex.body)).toBe(next.indexDigest)
    expect(newIndex.mediaType).toBe(MEDIA.ociIndex)
  })

  it('one reader per client: contentReader() shares its cache', () => {
    const { client } = harness()
    expect(client.contentReader()).toBe(client.contentReader())
  })

  it('refuses a blob whose Content-Length is over the cap, naming it', async () => {
    const { reader } = harness()

    const error = await rejection(reader.blob(alpine(), big, 1 * MiB))

    expect(error.message).toMatch(/^SBOM larger than 1 MiB; /)
    expect(error.message).toContain(`${proxy.host}/library/alpine@${big}`)
    expect(error.code).toBe('UNSUPPORTED')
  })

  it('stops a body that streams past the cap when no length is declared', async () => {
    proxy.setOptions({
      rewrite: (request, headers) => {
        if (request.kind === 'blob-get') delete headers['content-length']
      }
    })
    const { reader } = harness()

    const error = await rejection(reader.blob(alpine(), big, 2 * MiB))

    expect(error.message).toMatch(/^SBOM larger than 2 MiB; /)
  })

  it('a larger cap asked later reads the blob; a smaller one after that refuses it from the cache', async () => {
    const { reader, counter } = harness()

    await rejection(reader.blob(alpine(), big, 1 * MiB))
    const bytes = await reader.blob(alpine(), big, 4 * MiB)
    const smaller = await rejection(reader.blob(alpine(), big, 1 * MiB))

    expect(sha256(bytes)).toBe(big)
    expect(smaller.message).toMatch(/^SBOM larger than 1 MiB; /)
    expect(counter.of('blob-get')).toBe(2)
  })

  it('a missing blob: 404 named with the image and digest, and what it means', async () => {
    const { reader } = harness()
    const missing = `sha256:${'1'.repeat(64)}` as Digest

    const error = await rejection(reader.blob(alpine(), missing, MiB))

    expect(error.code).toBe('NOT_FOUND')
    expect(error.message).toBe(
      `cannot read blob ${proxy.host}/library/alpine@${missing}: the registry answered 404 BLOB_UNKNOWN; the publisher deleted it or never pushed it, so this part of the evidence is left out.`
    )
  })

  it('a missing manifest: 404 naming the digest', async () => {
    const { reader } = harness()
    const missing = `sha256:${'2'.repeat(64)}` as Digest

    const error = await rejection(reader.manifest(alpine(), missing))

    expect(error.message).toContain(
      `cannot read manifest ${proxy.host}/library/alpine@${missing}: the registry answered 404 MANIFEST_UNKNOWN`
    )
  })

  it('bytes that do not hash to the digest are refused', async () => {
    const { sbom } = amd64()
    proxy.setOptions({
      respond: request =>
        request.kind === 'blob-get'
          ? { status: 200, body: '{"not":"it"}' }
          : undefined
    })
    const { reader } = harness()

    const error = await rejection(reader.blob(alpine(), sbom, MiB))

    expect(error.code).toBe('INVALID_RESPONSE')
    expect(error.message).toContain(
      `cannot read blob ${proxy.host}/library/alpine@${sbom}`
    )
    expect(error.message).toContain('served different bytes')
  })

  it('a timeout says so, naming the image, with what to do', async () => {
    proxy.setOptions({ delayMs: 400 })
    const { reader } = harness({ timeoutMs: 100, retries: 0 })
    const { attestation } = amd64()

    const error = await rejection(reader.manifest(alpine(), attestation))

    expect(error.code).toBe('TIMEOUT')
    expect(error.message).toContain(
      `cannot read manifest ${proxy.host}/library/alpine@${attestation}: ${proxy.host} did not answer in time`
    )
    expect(error.message).toMatch(/retry later/)
  })

  it('maps docker.io to its API host', () => {
    expect(
      repositoryTarget({ registry: 'docker.io', repository: 'library/alpine' })
    ).toEqual({
      registry: 'docker.io',
      host: 'registry-1.docker.io',
      repository: 'library/alpine'
    })
    expect(
      repositoryTarget({ registry: 'ghcr.io', repository: 'o/r' }).host
    ).toBe('ghcr.io')
  })
})

describe('RegistryContentReader on a token registry', () => {
  let tokenRegistry: TestRegistry
  let seeded: SeededVersion

  beforeAll(async () => {
    tokenRegistry = await startRegistry({ auth: { token: true } })
    const issuer = tokenRegistry.tokenIssuer
    if (issuer === undefined) throw new Error('no token issuer')
    seeded = await seedVersion(
      tokenRegistry,
      {
        repository: 'pub/app',
        tag: '1',
        platforms: ['linux/amd64'],
        attestationFormat: 'oci',
        sbom: {
          style: 'syft-debian',
          packages: [{ name: 'tar', version: '1.34+dfsg-1.2' }]
        }
      },
      repository => ({
        Authorization: `Bearer ${issuer.mint(repository, ['pull', 'push'])}`
      })
    )
  })

  afterAll(async () => {
    await tokenRegistry?.stop()
  })

  it('uses the token the resolver got: no second token request', async () => {
    const { client, reader, counter } = harness()
    const location = { registry: tokenRegistry.host, repository: 'pub/app' }

    await client.resolve({
      key: `${tokenRegistry.host}/pub/app:1`,
      registry: tokenRegistry.host,
      repository: 'pub/app',
      tag: '1',
      currentDigests: [],
      needsManifestBody: false
    })
    const index = await reader.manifest(location, seeded.indexDigest)
    const sbom = seeded.platforms['linux/amd64']?.sbom as Digest
    const blob = await reader.blob(location, sbom, MiB)

    expect(sha256(index.body)).toBe(seeded.indexDigest)
    expect(sha256(blob)).toBe(sbom)
    expect(counter.of('token')).toBe(1)
  })
})
