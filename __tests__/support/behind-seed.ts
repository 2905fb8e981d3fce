/**
 * Published images and their bases for the "behind its base" tests (issue
 * 11 part 2; CHAINS.md §B1.3, §B2.3): real layers (ustar bytes, diff_id =
 * sha256 of the tar, gzip-compressed blobs at a chosen level so the same
 * layer can be pushed with another compressed digest), image configs with
 * `rootfs.diff_ids`, base annotations and labels where asked, and BuildKit
 * provenance (an attestation manifest linked by `vnd.docker.reference.digest`
 * holding an in-toto statement with SLSA v0.2 `materials` or v1
 * `resolvedDependencies`, every image the build used listed as a docker
 * purl). Pushed through the registry HTTP API; digests computed here.
 */
import { gzipSync } from 'node:zlib'
import type { Digest } from '../../src/core/digest.js'
import {
  PREDICATE,
  buildAttestationManifest,
  jsonBlob,
  statement
} from './attestations.js'
import type { Authorize, SeedTarget } from './attestations.js'
import {
  MEDIA,
  Pusher,
  blob,
  descriptor,
  platformObject,
  sha256
} from './images.js'
import type { Blob } from './images.js'

export interface Layer {
  /** The uncompressed tar. */
  readonly tar: Buffer
  /** sha256 of the tar: what image configs list in rootfs.diff_ids. */
  readonly diffId: Digest
}

/** A ustar archive holding `files` (path → text), ended by two zero blocks. */
export function tarLayer(files: Readonly<Record<string, string>>): Layer {
  const parts: Buffer[] = []
  for (const [path, text] of Object.entries(files)) {
    const content = Buffer.from(text)
    parts.push(tarHeader(path, content.length), content)
    parts.push(Buffer.alloc((512 - (content.length % 512)) % 512))
  }
  parts.push(Buffer.alloc(1024))
  const tar = Buffer.concat(parts)
  return { tar, diffId: sha256(tar) as Digest }
}

function tarHeader(path: string, size: number): Buffer {
  const header = Buffer.alloc(512)
  const put = (text: string, offset: number, length: number): void => {
    header.write(text.slice(0, length), offset, 'ascii')
  }
  const octal = (value: number, length: number): string =>
    `${value.toString(8).padStart(length - 1, '0')}\0`
  put(path, 0, 100)
  put(octal(0o644, 8), 100, 8)
  put(octal(0, 8), 108, 8)
  put(octal(0, 8), 116, 8)
  put(octal(size, 12), 124, 12)
  put(octal(0, 12), 136, 12)
  put('        ', 148, 8)
  put('0', 156, 1)
  put('ustar\0', 257, 6)
  put('00', 263, 2)
  let sum = 0
  for (const byte of header) sum += byte
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8)
  return header
}

/** The layer as a registry blob, gzip at `level` (1–9): another level, another digest, the same diff_id. */
export function gzipLayer(layer: Layer, level: number): Blob {
  return blob(gzipSync(layer.tar, { level }), MEDIA.ociLayer)
}

/** One image every build step used, as BuildKit writes a material (a docker purl and its digest). */
export interface Material {
  /** "pkg:docker/alpine@3.21?platform=linux%2Famd64" */
  readonly uri: string
  readonly digest: string
}

/** BuildKit's purl for a reference (solver/llbsolver/provenance: purl.RefToPURL). */
export function dockerMaterial(
  name: string,
  tag: string,
  platform: string,
  digest: string
): Material {
  return {
    uri: `pkg:docker/${name}@${tag}?platform=${encodeURIComponent(platform)}`,
    digest
  }
}

export interface ProvenanceInput {
  readonly slsa: 'v0.2' | 'v1'
  readonly materials: readonly Material[]
}

/** SLSA provenance in BuildKit's mode=min shape (slsa-definitions.md). */
export function buildkitProvenance(input: ProvenanceInput): unknown {
  const listed = input.materials.map(m => ({
    uri: m.uri,
    digest: { sha256: m.digest.replace(/^sha256:/, '') }
  }))
  if (input.slsa === 'v0.2')
    return {
      builder: { id: '' },
      buildType: 'https://mobyproject.org/buildkit@v1',
      materials: listed,
      invocation: {
        configSource: { entryPoint: 'Dockerfile' },
        parameters: { frontend: 'dockerfile.v0' }
      },
      metadata: { buildStartedOn: '2024-06-01T00:00:00Z' }
    }
  return {
    buildDefinition: {
      buildType: 'https://mobyproject.org/buildkit@v1',
      externalParameters: {
        configSource: { path: 'Dockerfile' },
        request: { frontend: 'dockerfile.v0' }
      },
      resolvedDependencies: listed
    },
    runDetails: { builder: { id: '' }, metadata: {} }
  }
}

export interface PlatformSpec {
  /** "linux/amd64" */
  readonly platform: string
  readonly layers: readonly Layer[]
  /** gzip level of every layer; default 6. */
  readonly level?: number
  readonly created?: string
  readonly labels?: Readonly<Record<string, string>>
  readonly manifestAnnotations?: Readonly<Record<string, string>>
  readonly descriptorAnnotations?: Readonly<Record<string, string>>
  readonly provenance?: ProvenanceInput
  /** Anything that should change the attestation (and so the index) but not the image. */
  readonly attestationNonce?: string
}

export interface ImageSpec {
  readonly repository: string
  readonly tag: string
  readonly platforms: readonly PlatformSpec[]
  readonly indexAnnotations?: Readonly<Record<string, string>>
  /** Push the one platform's manifest under the tag (no index). */
  readonly single?: boolean
}

export interface SeededImage {
  /** What the tag points to: the index, or the manifest when single. */
  readonly digest: Digest
  /** By platform as given: its manifest digest. */
  readonly manifests: Readonly<Record<string, Digest>>
}

interface BuiltPlatform {
  readonly spec: PlatformSpec
  readonly manifest: Blob
  readonly blobs: readonly Blob[]
  readonly attestation?: {
    readonly manifest: Blob
    readonly blobs: readonly Blob[]
  }
}

function buildPlatform(
  repository: string,
  tag: string,
  spec: PlatformSpec
): BuiltPlatform {
  const layers = spec.layers.map(l => gzipLayer(l, spec.level ?? 6))
  const config = jsonBlob(
    {
      ...platformObject(spec.platform),
      created: spec.created ?? '2024-06-01T00:00:00Z',
      config: { Labels: { ...spec.labels } },
      rootfs: { type: 'layers', diff_ids: spec.layers.map(l => l.diffId) }
    },
    MEDIA.ociConfig
  )
  const manifest = jsonBlob(
    {
      schemaVersion: 2,
      mediaType: MEDIA.ociManifest,
      config: descriptor(config),
      layers: layers.map(descriptor),
      ...(spec.manifestAnnotations === undefined
        ? {}
        : { annotations: { ...spec.manifestAnnotations } })
    },
    MEDIA.ociManifest
  )
  const built = { spec, manifest, blobs: [config, ...layers] }
  if (spec.provenance === undefined && spec.attestationNonce === undefined)
    return built
  const predicateType =
    spec.provenance?.slsa === 'v1' ? PREDICATE.slsa1 : PREDICATE.slsa02
  const provenance = jsonBlob(
    statement({
      version: 'v0.1',
      repository,
      tag,
      platform: spec.platform,
      subject: manifest.digest,
      predicateType,
      predicate: {
        ...(buildkitProvenance(
          spec.provenance ?? { slsa: 'v0.2', materials: [] }
        ) as object),
        ...(spec.attestationNonce === undefined
          ? {}
          : { nonce: spec.attestationNonce })
      }
    }),
    MEDIA.inToto
  )
  const attestation = buildAttestationManifest(
    'legacy',
    { provenance, provenanceType: predicateType },
    manifest
  )
  return { ...built, attestation }
}

function indexOf(spec: ImageSpec, built: readonly BuiltPlatform[]): Blob {
  const runnable = built.map(b => ({
    ...descriptor(b.manifest),
    platform: platformObject(b.spec.platform),
    ...(b.spec.descriptorAnnotations === undefined
      ? {}
      : { annotations: { ...b.spec.descriptorAnnotations } })
  }))
  const attestations = built.flatMap(b =>
    b.attestation === undefined
      ? []
      : [
          {
            ...descriptor(b.attestation.manifest),
            platform: { architecture: 'unknown', os: 'unknown' },
            annotations: {
              'vnd.docker.reference.digest': b.manifest.digest,
              'vnd.docker.reference.type': 'attestation-manifest'
            }
          }
        ]
  )
  return jsonBlob(
    {
      schemaVersion: 2,
      mediaType: MEDIA.ociIndex,
      manifests: [...runnable, ...attestations],
      ...(spec.indexAnnotations === undefined
        ? {}
        : { annotations: { ...spec.indexAnnotations } })
    },
    MEDIA.ociIndex
  )
}

/** Pushes the blobs, the manifests, then the index (or the one manifest) under the tag. */
export async function pushImage(
  target: SeedTarget,
  spec: ImageSpec,
  authorize: Authorize = () => ({})
): Promise<SeededImage> {
  const pusher = new Pusher(target.url, authorize)
  const built = spec.platforms.map(p =>
    buildPlatform(spec.repository, spec.tag, p)
  )
  const blobs = new Map<string, Blob>()
  for (const b of built)
    for (const item of [...b.blobs, ...(b.attestation?.blobs ?? [])])
      blobs.set(item.digest, item)
  await Promise.all(
    [...blobs.values()].map(async b => pusher.pushBlob(spec.repository, b))
  )
  const manifests = Object.fromEntries(
    built.map(b => [b.spec.platform, b.manifest.digest as Digest])
  )
  const first = built[0]
  if (spec.single === true && first !== undefined) {
    await pusher.pushManifest(spec.repository, spec.tag, first.manifest)
    return { digest: first.manifest.digest as Digest, manifests }
  }
  const pushed = built.flatMap(b =>
    b.attestation === undefined
      ? [b.manifest]
      : [b.manifest, b.attestation.manifest]
  )
  await Promise.all(
    pushed.map(async m => pusher.pushManifest(spec.repository, m.digest, m))
  )
  const index = indexOf(spec, built)
  await pusher.pushManifest(spec.repository, spec.tag, index)
  return { digest: index.digest as Digest, manifests }
}

/** A one-layer base whose layer (and so diff_id) changes with `version`. */
export function baseLayers(version: string): Layer[] {
  return [tarLayer({ 'etc/os-release': `ID=acme\nVERSION=${version}\n` })]
}

/** `repository:1`, linux/amd64 only, on the base of `version`. */
export async function pushBaseVersion(
  target: SeedTarget,
  version: string,
  repository = 'acme/base'
): Promise<SeededImage> {
  return pushImage(target, {
    repository,
    tag: '1',
    platforms: [{ platform: 'linux/amd64', layers: baseLayers(version) }]
  })
}

/**
 * `repository:1`, linux/amd64 only: the base layers of `version`, then
 * `appLayer`, with BuildKit provenance recording `base` (its digest) as
 * `baseName:1` — an app built on that base.
 */
export async function pushAppOn(
  target: SeedTarget,
  app: {
    readonly repository: string
    readonly base: SeededImage
    readonly baseName: string
    readonly version: string
    readonly created: string
    readonly appLayer: Layer
    readonly slsa: ProvenanceInput['slsa']
  }
): Promise<SeededImage> {
  return pushImage(target, {
    repository: app.repository,
    tag: '1',
    platforms: [
      {
        platform: 'linux/amd64',
        created: app.created,
        layers: [...baseLayers(app.version), app.appLayer],
        provenance: {
          slsa: app.slsa,
          materials: [
            dockerMaterial(app.baseName, '1', 'linux/amd64', app.base.digest)
          ]
        }
      }
    ]
  })
}
