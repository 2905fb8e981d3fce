import { describe, expect, it } from 'vitest'
import {
  configDigestOf,
  readAttestationManifest,
  readConfigLabels,
  readIndex,
  readManifestAnnotations
} from '../../../src/core/evidence/attestations.js'

const enc = (value: unknown): Uint8Array =>
  new TextEncoder().encode(JSON.stringify(value))
const d = (c: string): string => `sha256:${c.repeat(64)}`

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const SOURCE =
  'https://github.com/alpinelinux/docker-alpine.git#13b62f5f0a1d:x86_64'

/** DOI alpine shape (EVIDENCE.md §9.1): platforms and attestations alternate. */
function doiIndex(): unknown {
  const platform = (architecture: string, variant?: string) =>
    variant === undefined
      ? { os: 'linux', architecture }
      : { os: 'linux', architecture, variant }
  const runnable = (digest: string, p: unknown, arch: string) => ({
    mediaType: OCI_MANIFEST,
    digest,
    size: 1022,
    platform: p,
    annotations: {
      'com.docker.official-images.bashbrew.arch': arch,
      'org.opencontainers.image.source': SOURCE,
      'org.opencontainers.image.revision': '13b62f5f0a1d'
    }
  })
  const attestation = (digest: string, ref: string, key: string) => ({
    mediaType: OCI_MANIFEST,
    digest,
    size: 838,
    platform: { os: 'unknown', architecture: 'unknown' },
    annotations: {
      'com.docker.official-images.bashbrew.arch': 'amd64',
      'vnd.docker.reference.type': 'attestation-manifest',
      [key]: ref
    }
  })
  return {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    annotations: { 'org.opencontainers.image.source': SOURCE },
    manifests: [
      runnable(d('a'), platform('amd64'), 'amd64'),
      attestation(d('1'), d('a'), 'vnd.docker.reference.digest'),
      runnable(d('b'), platform('arm64', 'v8'), 'arm64v8'),
      attestation(d('2'), d('b'), 'com.docker.reference.digest'),
      // an attestation listed before the platform it describes
      attestation(d('3'), d('c'), 'vnd.docker.reference.digest'),
      runnable(d('c'), platform('arm', 'v6'), 'arm32v6')
    ]
  }
}

describe('readIndex', () => {
  it('links interleaved attestations by either reference-digest key, never by order', () => {
    const view = readIndex(enc(doiIndex()))
    expect(view.runnable.map(e => e.digest)).toEqual([d('a'), d('b'), d('c')])
    expect([...view.attestations]).toEqual([
      [d('a'), d('1')],
      [d('b'), d('2')],
      [d('c'), d('3')]
    ])
    expect(view.runnable[1]?.platform).toEqual({
      os: 'linux',
      architecture: 'arm64',
      variant: 'v8'
    })
    expect(view.runnable[0]?.size).toBe(1022)
    expect(view.annotations['org.opencontainers.image.source']).toBe(SOURCE)
    expect(
      view.runnable[0]?.annotations['org.opencontainers.image.revision']
    ).toBe('13b62f5f0a1d')
  })

  it('never counts unknown/unknown as runnable, even without annotations', () => {
    const view = readIndex(
      enc({
        manifests: [
          {
            mediaType: OCI_MANIFEST,
            digest: d('e'),
            platform: { os: 'unknown', architecture: 'unknown' }
          }
        ]
      })
    )
    expect(view.runnable).toEqual([])
    expect(view.attestations.size).toBe(0)
  })

  it('ignores entries whose reference type is not attestation-manifest', () => {
    const view = readIndex(
      enc({
        manifests: [
          {
            mediaType: OCI_MANIFEST,
            digest: d('e'),
            platform: { os: 'linux', architecture: 'amd64' },
            annotations: {
              'vnd.docker.reference.type': 'something-else',
              'vnd.docker.reference.digest': d('a')
            }
          }
        ]
      })
    )
    expect(view.runnable).toEqual([])
    expect(view.attestations.size).toBe(0)
  })

  it('keeps nested indexes and platform-less entries as runnable', () => {
    const view = readIndex(
      enc({
        manifests: [
          {
            mediaType: 'application/vnd.oci.image.index.v1+json',
            digest: d('f')
          }
        ]
      })
    )
    expect(view.runnable).toEqual([
      {
        digest: d('f'),
        mediaType: 'application/vnd.oci.image.index.v1+json',
        annotations: {}
      }
    ])
  })

  it('keeps the first attestation when two claim one platform manifest', () => {
    const entry = (digest: string) => ({
      mediaType: OCI_MANIFEST,
      digest,
      platform: { os: 'unknown', architecture: 'unknown' },
      annotations: {
        'vnd.docker.reference.type': 'attestation-manifest',
        'vnd.docker.reference.digest': d('a')
      }
    })
    const view = readIndex(enc({ manifests: [entry(d('1')), entry(d('2'))] }))
    expect(view.attestations.get(d('a') as never)).toBe(d('1'))
  })

  it.each([
    ['not JSON', new TextEncoder().encode('{nope'), /not valid UTF-8 JSON/],
    ['an image manifest', enc({ layers: [] }), /no manifests\[\] array/],
    [
      'an entry without digest',
      enc({ manifests: [{ mediaType: OCI_MANIFEST }] }),
      /entry 0 has no valid digest/
    ],
    ['an array', enc([]), /not a JSON object/]
  ])('throws on %s', (_name, body, message) => {
    expect(() => readIndex(body)).toThrow(message)
  })
})

const EMPTY_CONFIG = {
  mediaType: 'application/vnd.oci.empty.v1+json',
  digest:
    'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
  size: 2,
  data: 'e30='
}
const layer = (
  digest: string,
  predicateType: string | undefined,
  mediaType = 'application/vnd.in-toto+json'
) => ({
  mediaType,
  digest,
  size: 79649,
  ...(predicateType === undefined
    ? {}
    : { annotations: { 'in-toto.io/predicate-type': predicateType } })
})

describe('readAttestationManifest', () => {
  it('reads the legacy format (image config, no subject): SBOM and SLSA v0.2', () => {
    const manifest = readAttestationManifest(
      enc({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: {
          mediaType: 'application/vnd.oci.image.config.v1+json',
          digest: d('9'),
          size: 241
        },
        layers: [
          layer(d('4'), 'https://spdx.dev/Document'),
          layer(d('5'), 'https://slsa.dev/provenance/v0.2')
        ]
      })
    )
    expect(manifest).toEqual({
      format: 'legacy',
      sboms: [
        {
          digest: d('4'),
          size: 79649,
          mediaType: 'application/vnd.in-toto+json',
          predicateType: 'https://spdx.dev/Document'
        }
      ],
      provenance: [
        {
          digest: d('5'),
          size: 79649,
          mediaType: 'application/vnd.in-toto+json',
          predicateType: 'https://slsa.dev/provenance/v0.2'
        }
      ]
    })
  })

  it('reads the OCI-artifact format: subject, two SPDX layers, SLSA v1, DSSE and unknown layers', () => {
    const manifest = readAttestationManifest(
      enc({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        artifactType: 'application/vnd.docker.attestation.manifest.v1+json',
        config: EMPTY_CONFIG,
        layers: [
          layer(d('4'), 'https://spdx.dev/Document'),
          layer(
            d('6'),
            'https://spdx.dev/Document',
            'application/vnd.in-toto.spdx+dsse'
          ),
          layer(d('5'), 'https://slsa.dev/provenance/v1'),
          layer(d('7'), 'https://cyclonedx.org/bom/v1.5'),
          layer(d('8'), undefined),
          layer(d('9'), 'https://spdx.dev/Document', 'application/json')
        ],
        subject: { mediaType: OCI_MANIFEST, digest: d('a'), size: 1022 }
      })
    )
    expect(manifest.format).toBe('oci-artifact')
    expect(manifest.subject).toBe(d('a'))
    expect(manifest.sboms.map(l => [l.digest, l.mediaType])).toEqual([
      [d('4'), 'application/vnd.in-toto+json'],
      [d('6'), 'application/vnd.in-toto.spdx+dsse']
    ])
    expect(manifest.provenance.map(l => l.digest)).toEqual([d('5')])
  })

  it('says so when a platform has provenance and no SBOM (DOI linux/arm/v6)', () => {
    const manifest = readAttestationManifest(
      enc({
        layers: [layer(d('5'), 'https://slsa.dev/provenance/v0.2')]
      })
    )
    expect(manifest.sboms).toEqual([])
    expect(manifest.provenance).toHaveLength(1)
  })

  it.each([
    ['no layers', enc({ config: EMPTY_CONFIG }), /no layers\[\] array/],
    [
      'an in-toto layer without size',
      enc({
        layers: [
          {
            mediaType: 'application/vnd.in-toto+json',
            digest: d('4')
          }
        ]
      }),
      /layer 0 .* has no valid digest and size/
    ]
  ])('throws on %s', (_name, body, message) => {
    expect(() => readAttestationManifest(body)).toThrow(message)
  })
})

describe('manifest and config readers', () => {
  const manifest = enc({
    mediaType: OCI_MANIFEST,
    config: { digest: d('c'), size: 10 },
    annotations: { 'org.opencontainers.image.source': SOURCE, n: 3 }
  })

  it('reads annotations, dropping non-string values', () => {
    expect(readManifestAnnotations(manifest)).toEqual({
      'org.opencontainers.image.source': SOURCE
    })
    expect(readManifestAnnotations(enc({}))).toEqual({})
  })

  it('reads the config digest, undefined when invalid', () => {
    expect(configDigestOf(manifest)).toBe(d('c'))
    expect(configDigestOf(enc({ config: { digest: 'md5:1' } }))).toBeUndefined()
  })

  it('reads config.Labels', () => {
    const labels = {
      'org.opencontainers.image.source':
        'https://github.com/nodejs/docker-node',
      'org.opencontainers.image.revision': 'abc1234'
    }
    expect(
      readConfigLabels(
        enc({ architecture: 'amd64', os: 'linux', config: { Labels: labels } })
      )
    ).toEqual(labels)
    expect(readConfigLabels(enc({ config: { Labels: null } }))).toEqual({})
    expect(() => readConfigLabels(enc('x'))).toThrow(/image config/)
  })
})
