/**
 * Image versions that carry BuildKit attestations, for the evidence tests
 * (issue 9; ../shared/EVIDENCE.md §1, §2, §9): both attestation-manifest
 * formats (legacy: an image config with os/arch `unknown`, linked only by
 * the index annotations; OCI artifact: artifactType, empty config, subject),
 * in-toto statements v0.1 and v1, optionally DSSE-wrapped, SPDX 2.3 SBOMs in
 * the Docker Scout style (Alpine, origin packages linked by GENERATED_FROM)
 * and the syft style (Debian, `upstream=` qualifier), SLSA provenance v0.2
 * and v1 with a DOI-style configSource, and source annotations.
 *
 * Everything is deterministic: the same spec gives the same bytes, so a
 * platform whose build seed did not change keeps its manifest digest, and
 * an attestation-only bump changes only the attestation manifests and the
 * index. Pushed through the registry HTTP API (Pusher).
 */
import { createHash } from 'node:crypto'
import type { Digest } from '../../src/core/digest.js'
import { MEDIA, Pusher, blob, descriptor, platformObject } from './images.js'
import type { Blob } from './images.js'

export const ATTESTATION_MEDIA = {
  artifactType: 'application/vnd.docker.attestation.manifest.v1+json',
  empty: 'application/vnd.oci.empty.v1+json',
  spdxDsse: 'application/vnd.in-toto.spdx+dsse',
  provenanceDsse: 'application/vnd.in-toto.provenance+dsse',
  dssePayload: 'application/vnd.in-toto+json'
} as const

export const PREDICATE = {
  spdx: 'https://spdx.dev/Document',
  slsa02: 'https://slsa.dev/provenance/v0.2',
  slsa1: 'https://slsa.dev/provenance/v1'
} as const

export const STATEMENT_TYPE = {
  'v0.1': 'https://in-toto.io/Statement/v0.1',
  v1: 'https://in-toto.io/Statement/v1'
} as const

/** The OCI empty descriptor (image-spec manifest.md "Guidance for an Empty Descriptor"). */
export const EMPTY_CONFIG = {
  mediaType: ATTESTATION_MEDIA.empty,
  digest:
    'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
  size: 2,
  data: 'e30='
} as const

export type AttestationFormat = 'legacy' | 'oci'
export type StatementVersion = keyof typeof STATEMENT_TYPE
export type SbomStyle = 'scout-alpine' | 'syft-debian'

export interface SeedPackage {
  readonly name: string
  readonly version: string
  /** Origin (Alpine) / source (Debian) package, when it differs from name. */
  readonly source?: string
}

export interface SbomSpec {
  readonly style: SbomStyle
  /** Distro release: "3.20" (Alpine), "12" (Debian). Default per style. */
  readonly release?: string
  readonly packages: readonly SeedPackage[]
  /**
   * Grow the document with `files[]` entries (as real SBOMs do: §1.7) until
   * its JSON is at least this many bytes: an SBOM over the size cap.
   */
  readonly padToBytes?: number
}

export interface ProvenanceSpec {
  readonly slsa: 'v0.2' | 'v1'
  /** https://github.com/org/repo (written as DOI does: `<repo>.git#<rev>:<dir>`). */
  readonly repo: string
  readonly revision: string
  /** Build context directory; default "x86_64"-like per platform is not guessed: "." when absent. */
  readonly dir?: string
}

export interface VersionAnnotations {
  /** Index-level annotations. */
  readonly index?: Readonly<Record<string, string>>
  /** On every runnable entry of the index. */
  readonly descriptor?: Readonly<Record<string, string>>
  /** On every platform image manifest. */
  readonly manifest?: Readonly<Record<string, string>>
}

export interface VersionSpec {
  readonly repository: string
  readonly tag: string
  readonly platforms: readonly string[]
  /** Layer seed of every platform; same seed + platform → same manifest. Default: tag. */
  readonly build?: string
  /** Per-platform layer seed, overriding `build`. */
  readonly builds?: Readonly<Record<string, string>>
  /** Default 'legacy'. */
  readonly attestationFormat?: AttestationFormat
  /** in-toto `_type`; default v0.1 (BuildKit before v0.31). */
  readonly statement?: StatementVersion
  /** Wrap each statement in a DSSE envelope (`application/vnd.in-toto.*+dsse`). */
  readonly dsse?: boolean
  /** One SBOM for every platform, or per platform (a platform left out has none). */
  readonly sbom?: SbomSpec | Readonly<Record<string, SbomSpec>>
  /** Provenance for every platform (so a platform without SBOM has provenance only). */
  readonly provenance?: ProvenanceSpec
  readonly annotations?: VersionAnnotations
  /** SBOM creationInfo.created and provenance times; default 2024-06-01T00:00:00Z. */
  readonly created?: string
  /** Attestation entries alternate with the platform entries (as DOI indexes do, §9.1). */
  readonly interleave?: boolean
  /**
   * The index annotation linking an attestation to its image: BuildKit's
   * `vnd.docker.reference.digest` (default) or the newer
   * `com.docker.reference.digest` buildx also reads (§1.1).
   */
  readonly referenceKey?: 'vnd' | 'com'
}

export interface SeededPlatform {
  readonly manifest: Digest
  readonly attestation?: Digest
  /** The SBOM layer (a blob). */
  readonly sbom?: Digest
  readonly sbomSize?: number
  /** The provenance layer (a blob). */
  readonly provenance?: Digest
}

export interface SeededVersion {
  readonly repository: string
  readonly tag: string
  readonly indexDigest: Digest
  readonly mediaType: string
  /** By platform as given in the spec ("linux/arm64/v8"). */
  readonly platforms: Readonly<Record<string, SeededPlatform>>
}

/** Where to push: a TestRegistry or anything with its base URL. */
export interface SeedTarget {
  readonly url: string
}

export type Authorize = (repository: string) => Record<string, string>

const DEFAULT_CREATED = '2024-06-01T00:00:00Z'

/** Stable JSON bytes (key order as written; no whitespace). */
export function jsonBlob(value: unknown, mediaType: string): Blob {
  return blob(Buffer.from(JSON.stringify(value)), mediaType)
}

/** DOI-style source annotations (EVIDENCE.md §9.4). */
export function sourceAnnotations(
  repo: string,
  revision: string,
  dir?: string
): Record<string, string> {
  return {
    'org.opencontainers.image.source': doiSource(repo, revision, dir),
    'org.opencontainers.image.revision': revision
  }
}

/** `https://github.com/<org>/<repo>.git#<sha>:<dir>` */
export function doiSource(
  repo: string,
  revision: string,
  dir?: string
): string {
  return `${repo}.git#${revision}${dir === undefined ? '' : `:${dir}`}`
}

// ---------------------------------------------------------------- images

function seededBytes(seed: string, length: number): Buffer {
  const out = Buffer.alloc(length)
  for (let i = 0, n = 0; i < length; n++) {
    const chunk = createHash('sha256').update(`${seed}\0${n}`).digest()
    chunk.copy(out, i)
    i += chunk.length
  }
  return out
}

interface BuiltImage {
  readonly manifest: Blob
  readonly blobs: readonly Blob[]
}

/** A runnable image manifest whose content depends only on its seed. */
export function buildPlatformImage(
  repository: string,
  seed: string,
  platform: string,
  annotations?: Readonly<Record<string, string>>
): BuiltImage {
  const layer = blob(
    seededBytes(`${repository}\0${seed}\0${platform}`, 64),
    MEDIA.ociLayer
  )
  const config = jsonBlob(
    {
      ...platformObject(platform),
      created: '2024-01-01T00:00:00Z',
      config: { Labels: { 'freshbase.test.build': seed } },
      rootfs: { type: 'layers', diff_ids: [layer.digest] }
    },
    MEDIA.ociConfig
  )
  const manifest = jsonBlob(
    {
      schemaVersion: 2,
      mediaType: MEDIA.ociManifest,
      config: descriptor(config),
      layers: [descriptor(layer)],
      ...(annotations === undefined ? {} : { annotations: { ...annotations } })
    },
    MEDIA.ociManifest
  )
  return { manifest, blobs: [config, layer] }
}

// ----------------------------------------------------- in-toto statements

export interface StatementInput {
  readonly version: StatementVersion
  readonly repository: string
  readonly tag: string
  readonly platform: string
  readonly subject: string
  readonly predicateType: string
  readonly predicate: unknown
}

export function statement(input: StatementInput): unknown {
  const hex = input.subject.replace(/^sha256:/, '')
  return {
    _type: STATEMENT_TYPE[input.version],
    predicateType: input.predicateType,
    subject: [
      {
        name: `pkg:docker/${input.repository}@${input.tag}?platform=${encodeURIComponent(input.platform)}`,
        digest: { sha256: hex }
      }
    ],
    predicate: input.predicate
  }
}

/** A DSSE envelope as buildx decodes it (payload not verified, §1.3). */
export function dsseEnvelope(payload: unknown): unknown {
  const bytes = Buffer.from(JSON.stringify(payload))
  return {
    payloadType: ATTESTATION_MEDIA.dssePayload,
    payload: bytes.toString('base64'),
    signatures: [
      {
        keyid: 'freshbase-test',
        sig: createHash('sha256').update(bytes).digest('base64')
      }
    ]
  }
}

// ------------------------------------------------------------------ SPDX

function purlVersion(version: string): string {
  return encodeURIComponent(version)
}

function scoutPurl(name: string, version: string, release: string): string {
  return `pkg:apk/alpine/${name}@${purlVersion(version)}?os_name=alpine&os_version=${release}`
}

function syftPurl(p: SeedPackage, release: string, arch: string): string {
  const upstream =
    p.source === undefined || p.source === p.name
      ? ''
      : `&upstream=${encodeURIComponent(p.source)}`
  return `pkg:deb/debian/${p.name}@${purlVersion(p.version)}?arch=${arch}&distro=debian-${release}${upstream}`
}

/** Debian arch of an OCI platform (syft writes the dpkg arch). */
function debArch(platform: string): string {
  const arch = platform.split('/')[1] ?? 'amd64'
  if (arch === 'arm') return 'armhf'
  if (arch === '386') return 'i386'
  if (arch === 'ppc64le') return 'ppc64el'
  return arch
}

interface SpdxPackage {
  readonly SPDXID: string
  readonly name: string
  readonly versionInfo: string
  readonly purl: string
}

function spdxPackage(p: SpdxPackage): unknown {
  return {
    name: p.name,
    SPDXID: p.SPDXID,
    versionInfo: p.versionInfo,
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    licenseConcluded: 'NOASSERTION',
    externalRefs: [
      {
        referenceCategory: 'PACKAGE-MANAGER',
        referenceType: 'purl',
        referenceLocator: p.purl
      }
    ]
  }
}

function spdxId(kind: string, name: string, version: string): string {
  return `SPDXRef-Package-${kind}-${name}-${version}`.replace(
    /[^A-Za-z0-9.-]/g,
    '-'
  )
}

/** Docker Scout style (DOI alpine, §9.3): no arch/distro; origins as packages. */
function scoutDocument(sbom: SbomSpec): {
  packages: unknown[]
  relationships: unknown[]
} {
  const release = sbom.release ?? '3.20'
  const packages: unknown[] = []
  const relationships: unknown[] = []
  const origins = new Map<string, string>()
  for (const p of sbom.packages) {
    const id = spdxId('apk', p.name, p.version)
    packages.push(
      spdxPackage({
        SPDXID: id,
        name: p.name,
        versionInfo: p.version,
        purl: scoutPurl(p.name, p.version, release)
      })
    )
    relationships.push(describes(id))
    if (p.source === undefined || p.source === p.name) continue
    const originId = spdxId('apk', p.source, p.version)
    if (!origins.has(originId)) {
      origins.set(originId, p.source)
      packages.push(
        spdxPackage({
          SPDXID: originId,
          name: p.source,
          versionInfo: p.version,
          purl: scoutPurl(p.source, p.version, release)
        })
      )
    }
    relationships.push({
      spdxElementId: id,
      relationshipType: 'GENERATED_FROM',
      relatedSpdxElement: originId
    })
  }
  return { packages, relationships }
}

function syftDocument(
  sbom: SbomSpec,
  platform: string
): { packages: unknown[]; relationships: unknown[] } {
  const release = sbom.release ?? '12'
  const arch = debArch(platform)
  const packages = sbom.packages.map(p =>
    spdxPackage({
      SPDXID: spdxId('deb', p.name, p.version),
      name: p.name,
      versionInfo: p.version,
      purl: syftPurl(p, release, arch)
    })
  )
  const relationships = sbom.packages.map(p =>
    describes(spdxId('deb', p.name, p.version))
  )
  return { packages, relationships }
}

function describes(id: string): unknown {
  return {
    spdxElementId: 'SPDXRef-DOCUMENT',
    relationshipType: 'DESCRIBES',
    relatedSpdxElement: id
  }
}

/** An SPDX 2.3 document (spdx-spec v2.3 schemas/spdx-schema.json). */
export function spdxDocument(
  sbom: SbomSpec,
  platform: string,
  created: string
): unknown {
  const scout = sbom.style === 'scout-alpine'
  const body = scout ? scoutDocument(sbom) : syftDocument(sbom, platform)
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 'sbom',
    documentNamespace: `https://freshbase.test/spdx/${encodeURIComponent(platform)}/${created}`,
    creationInfo: {
      created,
      creators: scout
        ? [
            'Organization: Docker, Inc',
            'Tool: docker-scout-1.18.1',
            'Tool: buildkit-0.16.0'
          ]
        : [
            'Organization: Anchore, Inc',
            'Tool: syft-v1.29.0',
            'Tool: buildkit-v0.23.2'
          ],
      licenseListVersion: '3.22'
    },
    packages: body.packages,
    ...(sbom.padToBytes === undefined
      ? {}
      : { files: paddingFiles(sbom.padToBytes) }),
    relationships: body.relationships
  }
}

/** SPDX file entries adding up to about `bytes` of JSON. */
function paddingFiles(bytes: number): unknown[] {
  const files: unknown[] = []
  for (let size = 0, i = 0; size < bytes; i++) {
    const file = {
      fileName: `/usr/share/freshbase/padding/${i}.txt`,
      SPDXID: `SPDXRef-File-${i}`,
      checksums: [
        {
          algorithm: 'SHA1',
          checksumValue: createHash('sha1').update(String(i)).digest('hex')
        }
      ],
      licenseConcluded: 'NOASSERTION',
      copyrightText: 'NOASSERTION'
    }
    size += JSON.stringify(file).length + 1
    files.push(file)
  }
  return files
}

// ------------------------------------------------------------ provenance

/** SLSA provenance as BuildKit writes it (slsa-definitions.md; §1.6, §9.4). */
export function provenancePredicate(
  spec: ProvenanceSpec,
  created: string
): unknown {
  const uri = doiSource(spec.repo, spec.revision, spec.dir)
  if (spec.slsa === 'v0.2') {
    return {
      builder: { id: 'https://github.com/docker-library' },
      buildType: 'https://mobyproject.org/buildkit@v1',
      invocation: {
        configSource: {
          uri,
          digest: { sha1: spec.revision },
          entryPoint: 'Dockerfile'
        }
      },
      materials: [
        {
          uri: `${spec.repo}.git#${spec.revision}`,
          digest: { sha1: spec.revision }
        }
      ],
      metadata: { buildStartedOn: created, buildFinishedOn: created }
    }
  }
  return {
    buildDefinition: {
      buildType: 'https://mobyproject.org/buildkit@v1',
      externalParameters: {
        configSource: {
          uri,
          digest: { sha1: spec.revision },
          path: 'Dockerfile'
        }
      },
      resolvedDependencies: [
        {
          uri: `${spec.repo}.git#${spec.revision}`,
          digest: { sha1: spec.revision }
        }
      ]
    },
    runDetails: {
      builder: { id: 'https://github.com/org/repo/actions/runs/1' },
      metadata: { startedOn: created, finishedOn: created }
    }
  }
}

// ---------------------------------------------------- attestation manifest

interface AttestationLayers {
  readonly sbom?: Blob
  readonly provenance?: Blob
  /** predicateType of the provenance layer. */
  readonly provenanceType?: string
}

/** The SBOM and provenance layers of one platform (in-toto, or DSSE). */
export function attestationLayers(
  spec: VersionSpec,
  platform: string,
  subject: string
): AttestationLayers {
  const created = spec.created ?? DEFAULT_CREATED
  const sbom = sbomFor(spec, platform)
  const layer = (predicateType: string, predicate: unknown, dsse: string) => {
    const body = statement({
      version: spec.statement ?? 'v0.1',
      repository: spec.repository,
      tag: spec.tag,
      platform,
      subject,
      predicateType,
      predicate
    })
    return spec.dsse === true
      ? jsonBlob(dsseEnvelope(body), dsse)
      : jsonBlob(body, MEDIA.inToto)
  }
  return {
    ...(sbom === undefined
      ? {}
      : {
          sbom: layer(
            PREDICATE.spdx,
            spdxDocument(sbom, platform, created),
            ATTESTATION_MEDIA.spdxDsse
          )
        }),
    ...(spec.provenance === undefined
      ? {}
      : {
          provenance: layer(
            provenanceType(spec.provenance),
            provenancePredicate(spec.provenance, created),
            ATTESTATION_MEDIA.provenanceDsse
          ),
          provenanceType: provenanceType(spec.provenance)
        })
  }
}

function provenanceType(spec: ProvenanceSpec): string {
  return spec.slsa === 'v0.2' ? PREDICATE.slsa02 : PREDICATE.slsa1
}

function sbomFor(spec: VersionSpec, platform: string): SbomSpec | undefined {
  const sbom = spec.sbom
  if (sbom === undefined) return undefined
  if (isSbomSpec(sbom)) return sbom
  return sbom[platform]
}

function isSbomSpec(
  value: SbomSpec | Readonly<Record<string, SbomSpec>>
): value is SbomSpec {
  return typeof (value as { style?: unknown }).style === 'string'
}

/** One attestation manifest (attestation-storage.md; both formats, §1.2). */
export function buildAttestationManifest(
  format: AttestationFormat,
  layers: AttestationLayers,
  subject: Blob
): BuiltImage {
  const parts: { blob: Blob; predicate: string }[] = []
  if (layers.sbom !== undefined)
    parts.push({ blob: layers.sbom, predicate: PREDICATE.spdx })
  if (layers.provenance !== undefined)
    parts.push({
      blob: layers.provenance,
      predicate: layers.provenanceType ?? PREDICATE.slsa1
    })
  const layerDescriptors = parts.map(p => ({
    ...descriptor(p.blob),
    annotations: { 'in-toto.io/predicate-type': p.predicate }
  }))
  if (format === 'oci') {
    const empty = blob(Buffer.from('{}'), ATTESTATION_MEDIA.empty)
    const manifest = jsonBlob(
      {
        schemaVersion: 2,
        mediaType: MEDIA.ociManifest,
        artifactType: ATTESTATION_MEDIA.artifactType,
        config: { ...EMPTY_CONFIG },
        layers: layerDescriptors,
        subject: descriptor(subject)
      },
      MEDIA.ociManifest
    )
    return { manifest, blobs: [empty, ...parts.map(p => p.blob)] }
  }
  const config = jsonBlob(
    {
      architecture: 'unknown',
      os: 'unknown',
      config: {},
      rootfs: { type: 'layers', diff_ids: parts.map(p => p.blob.digest) }
    },
    MEDIA.ociConfig
  )
  const manifest = jsonBlob(
    {
      schemaVersion: 2,
      mediaType: MEDIA.ociManifest,
      config: descriptor(config),
      layers: layerDescriptors
    },
    MEDIA.ociManifest
  )
  return { manifest, blobs: [config, ...parts.map(p => p.blob)] }
}

// ----------------------------------------------------------------- index

interface BuiltPlatform {
  readonly platform: string
  readonly image: BuiltImage
  readonly attestation?: BuiltImage
  readonly layers: AttestationLayers
}

/** Every platform of a version, built (nothing pushed). */
export function buildVersion(spec: VersionSpec): BuiltPlatform[] {
  return spec.platforms.map(platform => {
    const seed = spec.builds?.[platform] ?? spec.build ?? spec.tag
    const image = buildPlatformImage(
      spec.repository,
      seed,
      platform,
      spec.annotations?.manifest
    )
    const layers = attestationLayers(spec, platform, image.manifest.digest)
    const some = layers.sbom !== undefined || layers.provenance !== undefined
    return {
      platform,
      image,
      layers,
      ...(some
        ? {
            attestation: buildAttestationManifest(
              spec.attestationFormat ?? 'legacy',
              layers,
              image.manifest
            )
          }
        : {})
    }
  })
}

export function buildVersionIndex(
  spec: VersionSpec,
  built: readonly BuiltPlatform[]
): Blob {
  const runnable = built.map(b => ({
    ...descriptor(b.image.manifest),
    platform: platformObject(b.platform),
    ...(spec.annotations?.descriptor === undefined
      ? {}
      : { annotations: { ...spec.annotations.descriptor } })
  }))
  const attestations = built.map(b =>
    b.attestation === undefined
      ? undefined
      : {
          ...descriptor(b.attestation.manifest),
          platform: { architecture: 'unknown', os: 'unknown' },
          annotations: {
            [`${spec.referenceKey ?? 'vnd'}.docker.reference.digest`]:
              b.image.manifest.digest,
            'vnd.docker.reference.type': 'attestation-manifest'
          }
        }
  )
  const entries =
    spec.interleave === true
      ? runnable.flatMap((r, i) => [r, attestations[i]])
      : [...runnable, ...attestations]
  return jsonBlob(
    {
      schemaVersion: 2,
      mediaType: MEDIA.ociIndex,
      manifests: entries.filter(e => e !== undefined),
      ...(spec.annotations?.index === undefined
        ? {}
        : { annotations: { ...spec.annotations.index } })
    },
    MEDIA.ociIndex
  )
}

// ---------------------------------------------------------------- seeding

/** Pushes one version and points `spec.tag` at its index. */
export async function seedVersion(
  target: SeedTarget,
  spec: VersionSpec,
  authorize: Authorize = () => ({})
): Promise<SeededVersion> {
  const pusher = new Pusher(target.url, authorize)
  const built = buildVersion(spec)
  const repo = spec.repository
  // Unique blobs at once, then the manifests at once, then the index (the
  // registry checks that what a manifest references exists).
  const images = built.flatMap(b =>
    b.attestation === undefined ? [b.image] : [b.image, b.attestation]
  )
  const blobs = new Map(
    images.flatMap(i => i.blobs).map(b => [b.digest, b] as const)
  )
  await Promise.all(
    [...blobs.values()].map(async b => pusher.pushBlob(repo, b))
  )
  await Promise.all(
    images.map(async i =>
      pusher.pushManifest(repo, i.manifest.digest, i.manifest)
    )
  )
  const index = buildVersionIndex(spec, built)
  await pusher.pushManifest(repo, spec.tag, index)
  return {
    repository: repo,
    tag: spec.tag,
    indexDigest: index.digest as Digest,
    mediaType: index.mediaType,
    platforms: Object.fromEntries(built.map(b => [b.platform, seeded(b)]))
  }
}

function seeded(b: BuiltPlatform): SeededPlatform {
  const { sbom, provenance } = b.layers
  return {
    manifest: b.image.manifest.digest as Digest,
    ...(b.attestation === undefined
      ? {}
      : { attestation: b.attestation.manifest.digest as Digest }),
    ...(sbom === undefined
      ? {}
      : { sbom: sbom.digest as Digest, sbomSize: sbom.bytes.length }),
    ...(provenance === undefined
      ? {}
      : { provenance: provenance.digest as Digest })
  }
}

/** Pushes raw bytes as a blob of `repository`; returns its digest. */
export async function seedBlob(
  target: SeedTarget,
  repository: string,
  bytes: Buffer,
  authorize: Authorize = () => ({})
): Promise<Digest> {
  const item = blob(bytes, 'application/octet-stream')
  await new Pusher(target.url, authorize).pushBlob(repository, item)
  return item.digest as Digest
}

export interface Bump {
  readonly old: SeededVersion
  readonly new: SeededVersion
}

/**
 * The same platform images, new attestations (SBOM creationInfo.created and
 * provenance times moved): a new index digest, nothing runnable changed.
 */
export async function seedAttestationOnlyBump(
  target: SeedTarget,
  spec: VersionSpec,
  newCreated = '2024-07-01T00:00:00Z',
  authorize?: Authorize
): Promise<Bump> {
  const old = await seedVersion(target, spec, authorize)
  const next = await seedVersion(
    target,
    { ...spec, build: spec.build ?? spec.tag, created: newCreated },
    authorize
  )
  return { old, new: next }
}

/** Only `platform` rebuilt (default linux/s390x): one manifest and the index change. */
export async function seedOtherArchitectureBump(
  target: SeedTarget,
  spec: VersionSpec,
  platform = 'linux/s390x',
  authorize?: Authorize
): Promise<Bump> {
  const old = await seedVersion(target, spec, authorize)
  const base = spec.builds?.[platform] ?? spec.build ?? spec.tag
  const next = await seedVersion(
    target,
    {
      ...spec,
      build: spec.build ?? spec.tag,
      builds: { ...spec.builds, [platform]: `${base}+rebuilt` }
    },
    authorize
  )
  return { old, new: next }
}

/**
 * A real bump: every platform rebuilt (new build seed) with new packages and
 * a new source revision; the tag moves to it.
 */
export async function seedPackageBump(
  target: SeedTarget,
  spec: VersionSpec,
  next: Partial<Omit<VersionSpec, 'repository' | 'tag' | 'platforms'>>,
  authorize?: Authorize
): Promise<Bump> {
  const old = await seedVersion(target, spec, authorize)
  const updated = await seedVersion(
    target,
    { ...spec, build: `${spec.build ?? spec.tag}+next`, ...next },
    authorize
  )
  return { old, new: updated }
}
