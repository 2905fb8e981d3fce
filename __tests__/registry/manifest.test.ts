import { describe, expect, it } from 'vitest'
import type { Digest } from '../../src/core/digest.js'
import type { PlatformManifest } from '../../src/core/resolution.js'
import {
  MANIFEST_ACCEPT,
  manifestKind,
  matchPlatform,
  mediaTypeOf,
  parseImageConfig,
  parseImageManifest,
  parseIndex
} from '../../src/registry/manifest.js'

const A = `sha256:${'a'.repeat(64)}` as Digest
const B = `sha256:${'b'.repeat(64)}` as Digest
const C = `sha256:${'c'.repeat(64)}` as Digest
const D = `sha256:${'d'.repeat(64)}` as Digest
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'

function bytes(value: unknown): Uint8Array {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value))
}

describe('MANIFEST_ACCEPT', () => {
  it('asks for indexes and v2/OCI manifests only (no schema 1, no */*)', () => {
    expect(MANIFEST_ACCEPT.split(', ')).toEqual([
      'application/vnd.oci.image.index.v1+json',
      'application/vnd.docker.distribution.manifest.list.v2+json',
      'application/vnd.oci.image.manifest.v1+json',
      'application/vnd.docker.distribution.manifest.v2+json'
    ])
  })
})

describe('manifestKind / mediaTypeOf', () => {
  it.each([
    ['application/vnd.oci.image.index.v1+json', 'index'],
    ['application/vnd.docker.distribution.manifest.list.v2+json', 'index'],
    ['application/vnd.docker.distribution.manifest.v2+json', 'manifest'],
    ['application/vnd.docker.distribution.manifest.v1+prettyjws', 'legacy'],
    ['application/json', 'unknown']
  ])('%s → %s', (mediaType, kind) => {
    expect(manifestKind(mediaType)).toBe(kind)
  })

  it('drops Content-Type parameters', () => {
    expect(
      mediaTypeOf('Application/Vnd.OCI.Image.Index.v1+json; charset=utf-8')
    ).toBe('application/vnd.oci.image.index.v1+json')
    expect(mediaTypeOf(null)).toBe('')
  })
})

describe('parseIndex', () => {
  it('lists runnable platforms and skips attestations', () => {
    const index = {
      schemaVersion: 2,
      manifests: [
        {
          mediaType: OCI_MANIFEST,
          digest: A,
          size: 1,
          platform: { os: 'linux', architecture: 'amd64' }
        },
        {
          mediaType: OCI_MANIFEST,
          digest: B,
          size: 1,
          platform: { os: 'linux', architecture: 'arm', variant: 'v7' }
        },
        {
          mediaType: OCI_MANIFEST,
          digest: C,
          size: 1,
          platform: { os: 'unknown', architecture: 'unknown' },
          annotations: {
            'vnd.docker.reference.type': 'attestation-manifest',
            'vnd.docker.reference.digest': A
          }
        },
        {
          mediaType: OCI_MANIFEST,
          digest: D,
          size: 1,
          annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
          platform: { os: 'linux', architecture: 'amd64' }
        }
      ],
      annotations: {
        'org.opencontainers.image.created': '2025-01-02T03:04:05Z'
      }
    }

    expect(parseIndex(bytes(index))).toEqual({
      manifests: [
        {
          digest: A,
          mediaType: OCI_MANIFEST,
          platform: { os: 'linux', architecture: 'amd64' }
        },
        {
          digest: B,
          mediaType: OCI_MANIFEST,
          platform: { os: 'linux', architecture: 'arm', variant: 'v7' }
        }
      ],
      created: '2025-01-02T03:04:05Z'
    })
  })

  it.each([
    ['not JSON', '{"manifests": ['],
    ['no manifests array', { schemaVersion: 2 }],
    ['an entry that is not an object', { manifests: [1] }],
    [
      'an entry with a bad digest',
      {
        manifests: [
          {
            digest: 'sha256:xyz',
            platform: { os: 'linux', architecture: 'amd64' }
          }
        ]
      }
    ],
    ['a JSON array', []]
  ])('rejects %s', (_name, body) => {
    expect(() => parseIndex(bytes(body))).toThrow(
      expect.objectContaining({ reason: 'invalid-response' })
    )
  })
})

describe('parseImageManifest / parseImageConfig', () => {
  it('reads the config digest and the platform', () => {
    expect(parseImageManifest(bytes({ config: { digest: A } }))).toEqual({
      configDigest: A
    })
    expect(
      parseImageConfig(
        bytes({ os: 'linux', architecture: 'arm64', variant: 'v8' })
      )
    ).toEqual({
      os: 'linux',
      architecture: 'arm64',
      variant: 'v8'
    })
  })

  it('rejects a manifest without a config digest', () => {
    expect(() => parseImageManifest(bytes({ config: {} }))).toThrow(
      /config digest/
    )
  })
})

describe('matchPlatform', () => {
  const manifests: PlatformManifest[] = [
    {
      digest: A,
      mediaType: OCI_MANIFEST,
      platform: { os: 'linux', architecture: 'amd64' }
    },
    {
      digest: B,
      mediaType: OCI_MANIFEST,
      platform: { os: 'linux', architecture: 'arm64' }
    },
    {
      digest: C,
      mediaType: OCI_MANIFEST,
      platform: { os: 'linux', architecture: 'arm', variant: 'v7' }
    }
  ]

  it('matches os, architecture and variant; arm64 v8 is plain arm64', () => {
    expect(
      matchPlatform(manifests, {
        os: 'linux',
        architecture: 'arm64',
        variant: 'v8'
      })?.digest
    ).toBe(B)
    expect(
      matchPlatform(manifests, {
        os: 'linux',
        architecture: 'arm',
        variant: 'v7'
      })?.digest
    ).toBe(C)
    expect(
      matchPlatform(manifests, {
        os: 'linux',
        architecture: 'arm',
        variant: 'v6'
      })
    ).toBeUndefined()
  })
})
