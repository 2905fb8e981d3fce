/**
 * Resolved.previousManifests (issue 9 "Platforms") against the real
 * Distribution registry: an old index pin of a moved tag is read by digest
 * (the GET replaces the HEAD of issue 8, so the request count is unchanged)
 * and its runnable entries come back, attestations left out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Digest } from '../../src/core/digest.js'
import type {
  Resolution,
  Resolved,
  ResolveRequest
} from '../../src/core/resolution.js'
import { RegistryClient } from '../../src/registry/client.js'
import {
  seedAttestationOnlyBump,
  seedOtherArchitectureBump,
  seedVersion
} from '../support/attestations.js'
import type { SeededVersion, VersionSpec } from '../support/attestations.js'
import {
  RecordingCounter,
  RecordingLogger,
  fixedCredentials,
  noSleep
} from '../support/recorders.js'
import { startRegistry } from '../support/registry.js'
import type { TestRegistry } from '../support/registry.js'

let registry: TestRegistry

beforeAll(async () => {
  registry = await startRegistry()
})

afterAll(async () => {
  await registry?.stop()
})

const PLATFORMS = ['linux/amd64', 'linux/arm64/v8', 'linux/s390x']

function spec(repository: string): VersionSpec {
  return {
    repository,
    tag: '1',
    platforms: PLATFORMS,
    sbom: {
      style: 'scout-alpine',
      packages: [{ name: 'busybox', version: '1.36.1-r29' }]
    },
    provenance: {
      slsa: 'v1',
      repo: 'https://github.com/org/repo',
      revision: 'a'.repeat(40)
    }
  }
}

function client(): { client: RegistryClient; counter: RecordingCounter } {
  const counter = new RecordingCounter()
  return {
    counter,
    client: new RegistryClient({
      credentials: fixedCredentials(),
      insecureRegistries: [],
      logger: new RecordingLogger(),
      counter,
      timeoutMs: 5_000,
      retries: 1,
      sleep: noSleep
    })
  }
}

function req(
  repository: string,
  currentDigests: readonly Digest[]
): ResolveRequest {
  return {
    key: `${registry.host}/${repository}:1`,
    registry: registry.host,
    repository,
    tag: '1',
    currentDigests,
    needsManifestBody: false
  }
}

function expectResolved(resolution: Resolution | undefined): Resolved {
  if (resolution?.kind !== 'resolved')
    throw new Error(`expected resolved, got ${JSON.stringify(resolution)}`)
  return resolution
}

/** The runnable entries of a seeded version as the resolver reports them. */
function entries(
  version: SeededVersion
): { digest: Digest; platform: unknown }[] {
  return PLATFORMS.map(p => {
    const [os, architecture, variant] = p.split('/')
    return {
      digest: version.platforms[p]?.manifest as Digest,
      platform:
        variant === undefined
          ? { os, architecture }
          : { os, architecture, variant }
    }
  })
}

describe('previousManifests', () => {
  it('reads an old index pin of a moved tag: its runnable entries, no extra request', async () => {
    const bump = await seedOtherArchitectureBump(registry, spec('prev/s390x'))
    const { client: c, counter } = client()

    const resolved = expectResolved(
      await c.resolve(req('prev/s390x', [bump.old.indexDigest]))
    )

    expect(resolved.digest).toBe(bump.new.indexDigest)
    const previous = resolved.previousManifests?.[bump.old.indexDigest]
    expect(previous).toMatchObject(entries(bump.old))
    expect(previous).toHaveLength(3)
    // Only linux/s390x differs from the new index: what the planner reads.
    const now = new Map(resolved.manifests?.map(m => [m.digest, m]))
    expect(
      previous?.filter(m => !now.has(m.digest)).map(m => m.platform)
    ).toEqual([{ os: 'linux', architecture: 's390x' }])
    // HEAD by tag, GET of the new index, GET of the old one (it was a HEAD):
    // tags + 2 × moved, as before.
    expect(counter.byKind()).toEqual({
      ping: 2,
      'manifest-head': 1,
      'manifest-get': 2
    })
  })

  it('an attestation-only bump: the old entries equal the new ones', async () => {
    const bump = await seedAttestationOnlyBump(registry, spec('prev/att'))
    const { client: c } = client()

    const resolved = expectResolved(
      await c.resolve(req('prev/att', [bump.old.indexDigest]))
    )

    expect(resolved.digest).toBe(bump.new.indexDigest)
    expect(resolved.previousManifests?.[bump.old.indexDigest]).toEqual(
      resolved.manifests
    )
  })

  it('steady state: one HEAD, nothing read, no previousManifests', async () => {
    const version = await seedVersion(registry, spec('prev/steady'))
    const { client: c, counter } = client()

    const resolved = expectResolved(
      await c.resolve(req('prev/steady', [version.indexDigest]))
    )

    expect(resolved.previousManifests).toBeUndefined()
    expect(counter.byKind()).toEqual({ ping: 2, 'manifest-head': 1 })
  })

  it('a single-platform pin beside an index pin: pinned per platform, only the index listed', async () => {
    const bump = await seedOtherArchitectureBump(registry, spec('prev/mixed'))
    const oldS390x = bump.old.platforms['linux/s390x']?.manifest as Digest
    const { client: c, counter } = client()

    const resolved = expectResolved(
      await c.resolve(req('prev/mixed', [bump.old.indexDigest, oldS390x]))
    )

    expect(resolved.platformPins).toEqual({
      [oldS390x]: bump.new.platforms['linux/s390x']?.manifest
    })
    expect(Object.keys(resolved.previousManifests ?? {})).toEqual([
      bump.old.indexDigest
    ])
    // the old s390x manifest is read once (GET, no HEAD first) and its config
    expect(counter.byKind()).toEqual({
      ping: 2,
      'manifest-head': 1,
      'manifest-get': 3,
      'blob-get': 1
    })
  })

  it('an old index that is gone is left out, the bump still resolves', async () => {
    const bump = await seedOtherArchitectureBump(registry, spec('prev/gone'))
    await registry.deleteManifest('prev/gone', bump.old.indexDigest)
    const { client: c } = client()

    const resolved = expectResolved(
      await c.resolve(req('prev/gone', [bump.old.indexDigest]))
    )

    expect(resolved.digest).toBe(bump.new.indexDigest)
    expect(resolved.previousManifests).toBeUndefined()
  })

  it('a second look (after) keeps what the first one read', async () => {
    const bump = await seedOtherArchitectureBump(registry, spec('prev/after'))
    const { client: c } = client()
    const first = expectResolved(
      await c.resolve(req('prev/after', [bump.old.indexDigest]))
    )
    const oldAmd64 = bump.old.platforms['linux/amd64']?.manifest as Digest

    const second = expectResolved(
      await c.resolve({ ...req('prev/after', [oldAmd64]), after: first })
    )

    expect(second.previousManifests).toEqual(first.previousManifests)
    expect(second.platformPins).toEqual({ [oldAmd64]: oldAmd64 })
  })
})
