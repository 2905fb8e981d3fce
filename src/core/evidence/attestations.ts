/**
 * BuildKit attestations stored in an image index (EVIDENCE.md §1, §2.3,
 * §9.1–9.2; moby/buildkit docs/attestations/attestation-storage.md;
 * docker/buildx util/imagetools/loader.go).
 *
 * - An index entry is an attestation manifest when it carries
 *   `vnd.docker.reference.type: attestation-manifest` and a reference digest
 *   (`com.docker.reference.digest`, or the older `vnd.docker.reference.digest`
 *   buildx still reads). The reference digest, not the order of entries,
 *   links it to its platform manifest: Docker Official Images interleave them.
 * - Any other `vnd.docker.reference.type` value: "the entire manifest should
 *   be ignored". An `unknown/unknown` entry is never runnable.
 * - The attestation manifest itself comes in two formats (legacy: an image
 *   config, no subject; OCI artifact since BuildKit v0.32: `artifactType`,
 *   empty config and `subject`); we read only what both share: `layers[]`
 *   with their `in-toto.io/predicate-type` annotation.
 */
import { parseDigest } from '../digest.js'
import type { Digest } from '../digest.js'
import { platformObject } from '../platform.js'
import type { Platform } from '../resolution.js'
import {
  arrayField,
  isObject,
  objectField,
  parseJsonObject,
  stringField,
  stringMap
} from './attestations-json.js'
import type { JsonObject } from './attestations-json.js'

export const REFERENCE_TYPE = 'vnd.docker.reference.type'
export const ATTESTATION_MANIFEST = 'attestation-manifest'
/** buildx reads `com.` first; `vnd.` is "deprecate/remove after migration". */
export const REFERENCE_DIGEST_KEYS = [
  'com.docker.reference.digest',
  'vnd.docker.reference.digest'
] as const
export const PREDICATE_TYPE = 'in-toto.io/predicate-type'
export const SPDX_PREDICATE = 'https://spdx.dev/Document'
export const SLSA_PREDICATE_PREFIX = 'https://slsa.dev/provenance/'
export const ATTESTATION_ARTIFACT_TYPE =
  'application/vnd.docker.attestation.manifest.v1+json'
const IN_TOTO_JSON = 'application/vnd.in-toto+json'
const IN_TOTO_DSSE = /^application\/vnd\.in-toto\.[^+]*\+dsse$/

export interface IndexEntry {
  readonly digest: Digest
  readonly mediaType: string
  /** Absent when the entry has none (a nested index may not). */
  readonly platform?: Platform
  /** Descriptor size in bytes, when given. */
  readonly size?: number
  readonly annotations: Readonly<Record<string, string>>
}

export interface IndexView {
  readonly annotations: Readonly<Record<string, string>>
  /** Platform manifests and nested indexes, in index order; attestations and unknown/unknown left out. */
  readonly runnable: readonly IndexEntry[]
  /** platform manifest digest → attestation manifest digest (the first one, when several claim it). */
  readonly attestations: ReadonlyMap<Digest, Digest>
}

/** An image index body → its runnable entries and attestation links. Throws on a malformed index. */
export function readIndex(body: Uint8Array): IndexView {
  const json = parseJsonObject(body, 'image index')
  const entries = json['manifests']
  if (!Array.isArray(entries))
    throw new Error(
      'image index has no manifests[] array: read the body as an image manifest instead'
    )
  const runnable: IndexEntry[] = []
  const attestations = new Map<Digest, Digest>()
  ;(entries as unknown[]).forEach((raw, position) => {
    const entry = readEntry(raw, position)
    const role = roleOf(entry)
    if (role.kind === 'runnable') runnable.push(entry)
    else if (role.kind === 'attestation' && !attestations.has(role.subject))
      attestations.set(role.subject, entry.digest)
  })
  return { annotations: stringMap(json['annotations']), runnable, attestations }
}

type Role =
  | { readonly kind: 'runnable' }
  | { readonly kind: 'attestation'; readonly subject: Digest }
  | { readonly kind: 'ignored' }

function roleOf(entry: IndexEntry): Role {
  const type = entry.annotations[REFERENCE_TYPE]
  const referenceText = REFERENCE_DIGEST_KEYS.map(
    key => entry.annotations[key]
  ).find(value => value !== undefined)
  if (type !== undefined && type !== ATTESTATION_MANIFEST)
    return { kind: 'ignored' }
  if (referenceText !== undefined) {
    // buildx: a reference digest alone makes the entry "refer to" another.
    const subject = parseDigest(referenceText)
    return subject === undefined
      ? { kind: 'ignored' }
      : { kind: 'attestation', subject }
  }
  if (type === ATTESTATION_MANIFEST) return { kind: 'ignored' }
  const platform = entry.platform
  if (platform?.os === 'unknown' && platform.architecture === 'unknown')
    return { kind: 'ignored' }
  return { kind: 'runnable' }
}

function readEntry(raw: unknown, position: number): IndexEntry {
  if (!isObject(raw))
    throw new Error(`image index entry ${position} is not a JSON object`)
  const digest = parseDigest(stringField(raw, 'digest') ?? '')
  if (digest === undefined)
    throw new Error(
      `image index entry ${position} has no valid digest (sha256:<64 hex>)`
    )
  const platform = platformObject(raw['platform'])
  const size = sizeOf(raw)
  return {
    digest,
    mediaType: stringField(raw, 'mediaType') ?? '',
    ...(platform === undefined ? {} : { platform }),
    ...(size === undefined ? {} : { size }),
    annotations: stringMap(raw['annotations'])
  }
}

function sizeOf(descriptor: JsonObject): number | undefined {
  const size = descriptor['size']
  return typeof size === 'number' && Number.isSafeInteger(size) && size >= 0
    ? size
    : undefined
}

export interface AttestationLayer {
  readonly digest: Digest
  readonly size: number
  readonly mediaType: string
  readonly predicateType?: string
}

export interface AttestationManifest {
  /** Which of the two formats (EVIDENCE.md §1.2); informative only, nothing keys on it. */
  readonly format: 'legacy' | 'oci-artifact'
  /** The platform manifest it describes (OCI-artifact format only). */
  readonly subject?: Digest
  /** SPDX statements: the first is the image's SBOM, the rest buildx's `AdditionalSPDXs`. */
  readonly sboms: readonly AttestationLayer[]
  /** SLSA provenance statements (v0.2 and v1). */
  readonly provenance: readonly AttestationLayer[]
}

/**
 * An attestation manifest body → its SBOM and provenance layers, found by
 * the layer's predicate-type annotation as buildx does (a layer without it
 * would have to be downloaded to tell; BuildKit always sets it). Unknown
 * layer media types and predicates (CycloneDX, OpenVEX, …) are left out.
 */
export function readAttestationManifest(body: Uint8Array): AttestationManifest {
  const json = parseJsonObject(body, 'attestation manifest')
  if (!Array.isArray(json['layers']))
    throw new Error(
      'attestation manifest has no layers[] array: it is not an image manifest'
    )
  const sboms: AttestationLayer[] = []
  const provenance: AttestationLayer[] = []
  arrayField(json, 'layers').forEach((raw, position) => {
    const layer = readLayer(raw, position)
    if (layer?.predicateType === SPDX_PREDICATE) sboms.push(layer)
    else if (layer?.predicateType?.startsWith(SLSA_PREDICATE_PREFIX) === true)
      provenance.push(layer)
  })
  const subject = descriptorDigest(objectField(json, 'subject'))
  const format = isArtifact(json) ? 'oci-artifact' : 'legacy'
  return subject === undefined
    ? { format, sboms, provenance }
    : { format, subject, sboms, provenance }
}

function isArtifact(json: JsonObject): boolean {
  return (
    stringField(json, 'artifactType') === ATTESTATION_ARTIFACT_TYPE ||
    json['subject'] !== undefined
  )
}

function readLayer(
  raw: unknown,
  position: number
): AttestationLayer | undefined {
  if (!isObject(raw)) return undefined
  const mediaType = stringField(raw, 'mediaType') ?? ''
  if (mediaType !== IN_TOTO_JSON && !IN_TOTO_DSSE.test(mediaType))
    return undefined
  const digest = descriptorDigest(raw)
  const size = sizeOf(raw)
  if (digest === undefined || size === undefined)
    throw new Error(
      `attestation manifest layer ${position} (${mediaType}) has no valid digest and size`
    )
  const predicateType = stringMap(raw['annotations'])[PREDICATE_TYPE]
  return predicateType === undefined
    ? { digest, size, mediaType }
    : { digest, size, mediaType, predicateType }
}

function descriptorDigest(
  descriptor: JsonObject | undefined
): Digest | undefined {
  return descriptor === undefined
    ? undefined
    : parseDigest(stringField(descriptor, 'digest') ?? '')
}

/** The `annotations` of a platform image manifest (DOI repeats source/revision there). */
export function readManifestAnnotations(
  body: Uint8Array
): Readonly<Record<string, string>> {
  return stringMap(parseJsonObject(body, 'image manifest')['annotations'])
}

/** The config blob digest of a platform image manifest, when it has a valid one. */
export function configDigestOf(body: Uint8Array): Digest | undefined {
  const json = parseJsonObject(body, 'image manifest')
  return descriptorDigest(objectField(json, 'config'))
}

/** `config.Labels` of an image config blob (image-spec config.md); {} when none. */
export function readConfigLabels(
  body: Uint8Array
): Readonly<Record<string, string>> {
  const config = objectField(parseJsonObject(body, 'image config'), 'config')
  return config === undefined ? {} : stringMap(config['Labels'])
}
