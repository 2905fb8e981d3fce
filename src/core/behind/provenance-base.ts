/**
 * The base recorded in a SLSA provenance statement (CHAINS.md §B2.3):
 * BuildKit lists every image the build used, each as a docker purl
 * (`pkg:docker/alpine@3.21?platform=linux%2Famd64`) with the digest it
 * resolved (the index digest for a tag that points to an index) — v0.2 in
 * `predicate.materials[]`, v1 in `buildDefinition.resolvedDependencies[]`.
 * Nothing marks the final stage's base, so the material that names the
 * Dockerfile's base now is chosen: same repository, then same tag, then the
 * platform qualifier (a builder stage on $BUILDPLATFORM, `COPY --from` and
 * the `# syntax=` frontend name other images or other platforms).
 */
import { parseDigest } from '../digest.js'
import type { Digest } from '../digest.js'
import { formatPlatform, parsePlatform, platformMatches } from '../platform.js'
import type { Platform } from '../resolution.js'
import { parsePurl } from '../evidence/purl.js'
import { isObject } from '../json.js'
import type { JsonObject } from '../json.js'
import {
  baseName,
  baseRefOf,
  repositoryName,
  sameRepository,
  sameTag
} from './base-ref.js'
import type { BaseRef } from './base-ref.js'

export const SLSA_PREFIX = 'https://slsa.dev/provenance/'

export interface ImageMaterial {
  readonly ref: BaseRef
  readonly platform?: Platform
  readonly digest: Digest
  /** The purl as written. */
  readonly uri: string
}

/** The docker-image materials of a provenance predicate (v0.2 or v1); others are left out. */
export function imageMaterials(
  predicateType: string,
  predicate: unknown
): ImageMaterial[] {
  if (!predicateType.startsWith(SLSA_PREFIX)) return []
  const p = record(predicate)
  const v1 = record(p?.['buildDefinition'])
  const entries =
    v1 === undefined ? p?.['materials'] : v1['resolvedDependencies']
  if (!Array.isArray(entries)) return []
  return entries.flatMap(entry => {
    const material = imageMaterial(record(entry))
    return material === undefined ? [] : [material]
  })
}

function imageMaterial(
  entry: Record<string, unknown> | undefined
): ImageMaterial | undefined {
  const uri = entry?.['uri']
  const hex = record(entry?.['digest'])?.['sha256']
  if (typeof uri !== 'string' || typeof hex !== 'string') return undefined
  const digest = parseDigest(`sha256:${hex.toLowerCase()}`)
  const purl = parsePurl(uri)
  if (digest === undefined || purl?.type !== 'docker') return undefined
  const name =
    purl.namespace === undefined ? purl.name : `${purl.namespace}/${purl.name}`
  // BuildKit writes the tag as the version and a pinned digest as the
  // `digest` qualifier (util/purl/image.go RefToPURL); its reader also takes
  // a digest as the version (PURLToRef). Either way without a tag: untagged.
  const versionDigest =
    purl.version === undefined ? undefined : parseDigest(purl.version)
  const tag = versionDigest === undefined ? purl.version : undefined
  const ref = baseRefOf(tag === undefined ? name : `${name}:${tag}`)
  if (ref === undefined) return undefined
  const untagged =
    versionDigest !== undefined ||
    (tag === undefined && (purl.qualifiers['digest'] ?? '') !== '')
  const platformText = purl.qualifiers['platform']
  const platform =
    platformText === undefined ? undefined : parsePlatform(platformText)
  return {
    ref: untagged ? withoutTag(ref) : ref,
    ...(platform === undefined ? {} : { platform }),
    digest,
    uri
  }
}

function withoutTag(ref: BaseRef): BaseRef {
  return {
    registry: ref.registry,
    repository: ref.repository,
    text: ref.text,
    ...(ref.digest === undefined ? {} : { digest: ref.digest })
  }
}

export type MaterialPick =
  | { readonly kind: 'found'; readonly material: ImageMaterial }
  | { readonly kind: 'none'; readonly why: string }

/**
 * The material that is the final stage's base: same repository and tag as
 * the Dockerfile names now, on `platform` (or with no platform qualifier).
 */
export function pickBaseMaterial(
  materials: readonly ImageMaterial[],
  base: BaseRef,
  platform: Platform
): MaterialPick {
  const sameRepo = materials.filter(m => sameRepository(m.ref, base))
  const listed = materials.map(m => materialName(m)).join(', ')
  if (sameRepo.length === 0)
    return {
      kind: 'none',
      why: `its provenance lists no image from ${repositoryName(base)} (it lists ${listed === '' ? 'no image' : listed})`
    }
  const tagged = sameRepo.filter(m => sameTag(m.ref, base))
  if (tagged.length === 0)
    return {
      kind: 'none',
      why: `its provenance lists ${sameRepo.map(materialName).join(', ')}, not the tag ${base.tag ?? ''} the Dockerfile names now`
    }
  const onPlatform =
    tagged.find(
      m => m.platform !== undefined && platformMatches(m.platform, platform)
    ) ?? tagged.find(m => m.platform === undefined)
  if (onPlatform === undefined)
    return {
      kind: 'none',
      why: `its provenance lists ${tagged.map(materialName).join(', ')} only for other platforms than ${formatPlatform(platform)}`
    }
  return { kind: 'found', material: onPlatform }
}

function materialName(material: ImageMaterial): string {
  const platform =
    material.platform === undefined
      ? ''
      : ` (${formatPlatform(material.platform)})`
  return `${baseName(material.ref)}${platform}`
}

function record(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined
}
