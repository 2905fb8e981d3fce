/**
 * The seeded attestation images (support/attestations.ts) read back from the
 * real Distribution registry with plain HTTP: each scenario the evidence
 * tests rely on is what it claims to be.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ATTESTATION_MEDIA,
  EMPTY_CONFIG,
  PREDICATE,
  STATEMENT_TYPE,
  buildVersion,
  buildVersionIndex,
  seedAttestationOnlyBump,
  seedOtherArchitectureBump,
  seedVersion,
  sourceAnnotations
} from '../support/attestations.js'
import type { VersionSpec } from '../support/attestations.js'
import { MEDIA, sha256 } from '../support/images.js'
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
const REPO = 'https://github.com/alpinelinux/docker-alpine'
const REV = '13b62f5f0e5a1e7e1e2d3c4b5a69788796a5b4c3'

const alpine: VersionSpec = {
  repository: 'library/alpine',
  tag: '3.20',
  platforms: PLATFORMS,
  sbom: {
    'linux/amd64': {
      style: 'scout-alpine',
      packages: [
        { name: 'libcrypto3', version: '3.3.2-r0', source: 'openssl' },
        { name: 'libssl3', version: '3.3.2-r0', source: 'openssl' },
        { name: 'busybox', version: '1.36.1-r29' }
      ]
    },
    'linux/arm64/v8': {
      style: 'scout-alpine',
      packages: [{ name: 'busybox', version: '1.36.1-r29' }]
    }
  },
  provenance: { slsa: 'v0.2', repo: REPO, revision: REV, dir: 'x86_64' },
  annotations: {
    index: sourceAnnotations(REPO, REV, 'x86_64'),
    descriptor: sourceAnnotations(REPO, REV, 'x86_64')
  }
}

async function getJson(path: string, accept?: string): Promise<unknown> {
  const response = await fetch(`${registry.url}${path}`, {
    headers: accept === undefined ? {} : { Accept: accept }
  })
  const bytes = new Uint8Array(await response.arrayBuffer())
  expect(response.status, path).toBe(200)
  return {
    digest: sha256(bytes),
    json: JSON.parse(Buffer.from(bytes).toString()) as unknown
  }
}

interface Read {
  readonly digest: string
  readonly json: Record<string, unknown> & {
    manifests?: Record<string, unknown>[]
    layers?: Record<string, unknown>[]
  }
}

async function manifest(repository: string, ref: string): Promise<Read> {
  return (await getJson(
    `/v2/${repository}/manifests/${ref}`,
    `${MEDIA.ociIndex}, ${MEDIA.ociManifest}`
  )) as Read
}

async function blobJson(repository: string, digest: string): Promise<Read> {
  return (await getJson(`/v2/${repository}/blobs/${digest}`)) as Read
}

describe('seedVersion', () => {
  it('is deterministic: the same spec gives the same bytes', () => {
    const a = buildVersionIndex(alpine, buildVersion(alpine))
    const b = buildVersionIndex(alpine, buildVersion(alpine))
    expect(a.digest).toBe(b.digest)
    const other = buildVersionIndex(
      { ...alpine, build: 'other' },
      buildVersion({ ...alpine, build: 'other' })
    )
    expect(other.digest).not.toBe(a.digest)
  })

  it('legacy attestations, Scout SBOM, SLSA v0.2, a platform without SBOM', async () => {
    const seeded = await seedVersion(registry, alpine)
    const index = await manifest('library/alpine', '3.20')
    expect(index.digest).toBe(seeded.indexDigest)
    expect(index.json['annotations']).toMatchObject({
      'org.opencontainers.image.source': `${REPO}.git#${REV}:x86_64`,
      'org.opencontainers.image.revision': REV
    })
    const entries = index.json.manifests ?? []
    expect(entries).toHaveLength(6)
    const amd64 = seeded.platforms['linux/amd64']
    const att = entries.find(e => e['digest'] === amd64?.attestation) as Record<
      string,
      unknown
    >
    expect(att['platform']).toEqual({ architecture: 'unknown', os: 'unknown' })
    expect(att['annotations']).toEqual({
      'vnd.docker.reference.digest': amd64?.manifest,
      'vnd.docker.reference.type': 'attestation-manifest'
    })
    expect(entries[1]?.['platform']).toEqual({
      os: 'linux',
      architecture: 'arm64',
      variant: 'v8'
    })

    const attManifest = await manifest(
      'library/alpine',
      amd64?.attestation ?? ''
    )
    expect(attManifest.json['artifactType']).toBeUndefined()
    expect(attManifest.json['subject']).toBeUndefined()
    const config = attManifest.json['config'] as Record<string, string>
    const configBody = await blobJson('library/alpine', config['digest'] ?? '')
    expect(configBody.json).toMatchObject({
      os: 'unknown',
      architecture: 'unknown'
    })
    expect(attManifest.json.layers?.map(l => l['annotations'])).toEqual([
      { 'in-toto.io/predicate-type': PREDICATE.spdx },
      { 'in-toto.io/predicate-type': PREDICATE.slsa02 }
    ])

    const sbom = await blobJson('library/alpine', amd64?.sbom ?? '')
    expect(sbom.json['_type']).toBe(STATEMENT_TYPE['v0.1'])
    expect(sbom.json['subject']).toEqual([
      {
        name: 'pkg:docker/library/alpine@3.20?platform=linux%2Famd64',
        digest: { sha256: amd64?.manifest.slice('sha256:'.length) }
      }
    ])
    const doc = sbom.json['predicate'] as {
      spdxVersion: string
      packages: { name: string; externalRefs: { referenceLocator: string }[] }[]
      relationships: { relationshipType: string; spdxElementId: string }[]
    }
    expect(doc.spdxVersion).toBe('SPDX-2.3')
    expect(doc.packages.map(p => p.externalRefs[0]?.referenceLocator)).toEqual([
      'pkg:apk/alpine/libcrypto3@3.3.2-r0?os_name=alpine&os_version=3.20',
      'pkg:apk/alpine/openssl@3.3.2-r0?os_name=alpine&os_version=3.20',
      'pkg:apk/alpine/libssl3@3.3.2-r0?os_name=alpine&os_version=3.20',
      'pkg:apk/alpine/busybox@1.36.1-r29?os_name=alpine&os_version=3.20'
    ])
    expect(
      doc.relationships.filter(r => r.relationshipType === 'GENERATED_FROM')
    ).toHaveLength(2)

    const prov = await blobJson('library/alpine', amd64?.provenance ?? '')
    expect(prov.json['predicateType']).toBe(PREDICATE.slsa02)
    expect(prov.json['predicate']).toMatchObject({
      invocation: {
        configSource: {
          uri: `${REPO}.git#${REV}:x86_64`,
          digest: { sha1: REV }
        }
      }
    })

    const s390x = seeded.platforms['linux/s390x']
    expect(s390x?.sbom).toBeUndefined()
    expect(s390x?.provenance).toBeDefined()
    const provOnly = await manifest('library/alpine', s390x?.attestation ?? '')
    expect(provOnly.json.layers).toHaveLength(1)
  })

  it('OCI-artifact attestations, in-toto v1, DSSE, syft Debian SBOM, SLSA v1', async () => {
    const seeded = await seedVersion(registry, {
      repository: 'library/debian',
      tag: '12-slim',
      platforms: ['linux/amd64'],
      attestationFormat: 'oci',
      statement: 'v1',
      dsse: true,
      sbom: {
        style: 'syft-debian',
        packages: [
          { name: 'libssl3', version: '3.0.15-1~deb12u1', source: 'openssl' },
          { name: 'tar', version: '1.34+dfsg-1.2' }
        ]
      },
      provenance: {
        slsa: 'v1',
        repo: REPO,
        revision: REV,
        dir: 'bookworm/slim'
      }
    })
    const amd64 = seeded.platforms['linux/amd64']
    const att = await manifest('library/debian', amd64?.attestation ?? '')
    expect(att.json['artifactType']).toBe(ATTESTATION_MEDIA.artifactType)
    expect(att.json['config']).toEqual(EMPTY_CONFIG)
    expect(att.json['subject']).toMatchObject({ digest: amd64?.manifest })
    expect(att.json.layers?.map(l => l['mediaType'])).toEqual([
      ATTESTATION_MEDIA.spdxDsse,
      ATTESTATION_MEDIA.provenanceDsse
    ])
    const empty = await fetch(
      `${registry.url}/v2/library/debian/blobs/${EMPTY_CONFIG.digest}`
    )
    expect(await empty.text()).toBe('{}')

    const envelope = await blobJson('library/debian', amd64?.sbom ?? '')
    expect(envelope.json['payloadType']).toBe(ATTESTATION_MEDIA.dssePayload)
    const inner = JSON.parse(
      Buffer.from(String(envelope.json['payload']), 'base64').toString()
    ) as {
      _type: string
      predicate: {
        packages: { externalRefs: { referenceLocator: string }[] }[]
      }
    }
    expect(inner._type).toBe(STATEMENT_TYPE.v1)
    expect(
      inner.predicate.packages.map(p => p.externalRefs[0]?.referenceLocator)
    ).toEqual([
      'pkg:deb/debian/libssl3@3.0.15-1~deb12u1?arch=amd64&distro=debian-12&upstream=openssl',
      'pkg:deb/debian/tar@1.34%2Bdfsg-1.2?arch=amd64&distro=debian-12'
    ])
    const prov = await blobJson('library/debian', amd64?.provenance ?? '')
    const provInner = JSON.parse(
      Buffer.from(String(prov.json['payload']), 'base64').toString()
    ) as Record<string, unknown>
    expect(provInner['predicateType']).toBe(PREDICATE.slsa1)
    expect(provInner['predicate']).toMatchObject({
      buildDefinition: {
        externalParameters: {
          configSource: {
            uri: `${REPO}.git#${REV}:bookworm/slim`,
            digest: { sha1: REV }
          }
        }
      }
    })
  })

  it('an oversized SBOM (padded files[]) and the com.docker reference key', async () => {
    const seeded = await seedVersion(registry, {
      repository: 'team/big-sbom',
      tag: '1',
      platforms: ['linux/amd64'],
      referenceKey: 'com',
      sbom: {
        style: 'syft-debian',
        packages: [{ name: 'tar', version: '1.34+dfsg-1.2' }],
        padToBytes: 2 * 1024 * 1024
      }
    })
    const amd64 = seeded.platforms['linux/amd64']
    expect(amd64?.sbomSize).toBeGreaterThan(2 * 1024 * 1024)
    expect(amd64?.sbomSize).toBeLessThan(3 * 1024 * 1024)
    const att = await manifest('team/big-sbom', amd64?.attestation ?? '')
    expect(att.json.layers?.[0]?.['size']).toBe(amd64?.sbomSize)
    const index = await manifest('team/big-sbom', '1')
    expect(index.json.manifests?.[1]?.['annotations']).toEqual({
      'com.docker.reference.digest': amd64?.manifest,
      'vnd.docker.reference.type': 'attestation-manifest'
    })
  })

  it('an attestation-only bump keeps every platform manifest', async () => {
    const bump = await seedAttestationOnlyBump(registry, {
      ...alpine,
      repository: 'team/att-only'
    })
    expect(bump.new.indexDigest).not.toBe(bump.old.indexDigest)
    for (const p of PLATFORMS) {
      expect(bump.new.platforms[p]?.manifest).toBe(
        bump.old.platforms[p]?.manifest
      )
      expect(bump.new.platforms[p]?.attestation).not.toBe(
        bump.old.platforms[p]?.attestation
      )
    }
    const now = await manifest('team/att-only', '3.20')
    expect(now.digest).toBe(bump.new.indexDigest)
    const old = await manifest('team/att-only', bump.old.indexDigest)
    expect(old.digest).toBe(bump.old.indexDigest)
  })

  it('an other-architecture-only bump changes linux/s390x alone', async () => {
    const bump = await seedOtherArchitectureBump(registry, {
      ...alpine,
      repository: 'team/s390x-only'
    })
    expect(bump.new.indexDigest).not.toBe(bump.old.indexDigest)
    expect(bump.new.platforms['linux/amd64']).toEqual(
      bump.old.platforms['linux/amd64']
    )
    expect(bump.new.platforms['linux/arm64/v8']).toEqual(
      bump.old.platforms['linux/arm64/v8']
    )
    expect(bump.new.platforms['linux/s390x']?.manifest).not.toBe(
      bump.old.platforms['linux/s390x']?.manifest
    )
    const now = await manifest('team/s390x-only', '3.20')
    expect(now.json.manifests?.map(m => m['digest'])).toContain(
      bump.new.platforms['linux/s390x']?.manifest
    )
  })
})
