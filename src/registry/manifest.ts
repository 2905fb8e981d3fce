/**
 * Manifest media types and the few fields Freshbase reads from manifests,
 * indexes and image configs (FACTS.md §2.2–§2.4, image-spec image-index.md).
 */
import { parseDigest } from '../core/digest.js'
import type { Digest } from '../core/digest.js'
import type { Platform, PlatformManifest } from '../core/resolution.js'
import { findPlatform, platformObject } from '../core/platform.js'
import { RegistryError } from './errors.js'

export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerV1: 'application/vnd.docker.distribution.manifest.v1+json',
  dockerV1Signed: 'application/vnd.docker.distribution.manifest.v1+prettyjws'
} as const

/** Index/list first, no schema 1, no `*` / `*` (FACTS.md §2.2). */
export const MANIFEST_ACCEPT = [
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.dockerList,
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.dockerManifest
].join(', ')

export type ManifestKind = 'index' | 'manifest' | 'legacy' | 'unknown'

export function manifestKind(mediaType: string): ManifestKind {
  switch (mediaType) {
    case MEDIA_TYPES.ociIndex:
    case MEDIA_TYPES.dockerList:
      return 'index'
    case MEDIA_TYPES.ociManifest:
    case MEDIA_TYPES.dockerManifest:
      return 'manifest'
    case MEDIA_TYPES.dockerV1:
    case MEDIA_TYPES.dockerV1Signed:
      return 'legacy'
    default:
      return 'unknown'
  }
}

/** Content-Type without parameters (the spec says to ignore them), lowercased. */
export function mediaTypeOf(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}

const CREATED = 'org.opencontainers.image.created'
const REFERENCE_TYPE = 'vnd.docker.reference.type'

export interface IndexContent {
  /** Runnable entries only: attestations are left out. */
  readonly manifests: readonly PlatformManifest[]
  readonly created?: string
}

/** manifests[] with a platform; BuildKit attestations (unknown/unknown) skipped. */
export function parseIndex(body: Uint8Array): IndexContent {
  const json = parseJson(body, 'index')
  const entries = json['manifests']
  if (!Array.isArray(entries))
    throw invalid('index without a manifests[] array')
  const manifests: PlatformManifest[] = []
  for (const entry of entries as unknown[]) {
    const manifest = platformManifest(entry)
    if (manifest !== undefined) manifests.push(manifest)
  }
  const created = annotation(json, CREATED)
  return created === undefined ? { manifests } : { manifests, created }
}

function platformManifest(entry: unknown): PlatformManifest | undefined {
  if (!isRecord(entry)) throw invalid('index entry is not an object')
  const digest = parseDigest(stringField(entry, 'digest') ?? '')
  if (digest === undefined) throw invalid('index entry without a valid digest')
  const platform = platformObject(entry['platform'])
  if (platform === undefined) return undefined
  if (annotation(entry, REFERENCE_TYPE) === 'attestation-manifest')
    return undefined
  if (platform.os === 'unknown' && platform.architecture === 'unknown')
    return undefined
  return { platform, digest, mediaType: stringField(entry, 'mediaType') ?? '' }
}

/** The `mediaType` a manifest body declares, if any. */
export function declaredMediaType(body: Uint8Array): string | undefined {
  return stringField(parseJson(body, 'manifest'), 'mediaType')
}

export interface ImageManifestContent {
  readonly configDigest: Digest
  readonly created?: string
}

export function parseImageManifest(body: Uint8Array): ImageManifestContent {
  const json = parseJson(body, 'manifest')
  const config = json['config']
  const digest = parseDigest(
    isRecord(config) ? (stringField(config, 'digest') ?? '') : ''
  )
  if (digest === undefined)
    throw invalid('image manifest without a valid config digest')
  const created = annotation(json, CREATED)
  return created === undefined
    ? { configDigest: digest }
    : { configDigest: digest, created }
}

/** os / architecture / variant of an image config blob (image-spec config.md). */
export function parseImageConfig(body: Uint8Array): Platform {
  const platform = platformObject(parseJson(body, 'image config'))
  if (platform === undefined)
    throw invalid('image config without os/architecture')
  return platform
}

/** First matching entry (image-index.md: "the first matching entry SHOULD be used"). */
export function matchPlatform(
  manifests: readonly PlatformManifest[],
  wanted: Platform
): PlatformManifest | undefined {
  return findPlatform(manifests, wanted)
}

function annotation(
  record: Record<string, unknown>,
  name: string
): string | undefined {
  const annotations = record['annotations']
  return isRecord(annotations) ? stringField(annotations, name) : undefined
}

function parseJson(body: Uint8Array, what: string): Record<string, unknown> {
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body))
  } catch {
    throw invalid(`${what} is not valid JSON`)
  }
  if (!isRecord(json)) throw invalid(`${what} is not a JSON object`)
  return json
}

function stringField(
  record: Record<string, unknown>,
  name: string
): string | undefined {
  const value = record[name]
  return typeof value === 'string' ? value : undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function invalid(what: string): RegistryError {
  return new RegistryError({ reason: 'invalid-response', message: what })
}
