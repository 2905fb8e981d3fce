/**
 * Dedupe: one registry request per unique registry/repository:tag. This is
 * where "one registry round trip per unique image" lives.
 */
import type { Digest } from './digest.js'
import type { ImageSite } from './dockerfile/scan.js'
import { canonicalKey } from './image-ref.js'
import type { Resolution, ResolveRequest } from './resolution.js'

export function buildRequests(
  sites: readonly ImageSite[],
  registryMap: Readonly<Record<string, string>>
): ResolveRequest[] {
  const byKey = new Map<
    string,
    { request: ResolveRequest; digests: Set<Digest> }
  >()
  for (const site of sites) {
    const first = firstLook(site, registryMap)
    if (first === undefined) continue
    let entry = byKey.get(first.key)
    if (entry === undefined) {
      entry = { digests: new Set(), request: first }
      byKey.set(first.key, entry)
    }
    if (site.ref?.digest !== undefined) entry.digests.add(site.ref.digest)
    if (site.platform !== undefined) {
      entry.request = { ...entry.request, needsManifestBody: true }
    }
  }
  return [...byKey.values()].map(({ request, digests }) => ({
    ...request,
    currentDigests: [...digests]
  }))
}

/**
 * The first look at a site's image: what the tag points to now (one HEAD).
 * It needs nothing from the other sites, so it can go out while the rest of
 * the repository is still being scanned. Undefined for sites not resolved.
 */
export function firstLook(
  site: ImageSite,
  registryMap: Readonly<Record<string, string>>
): ResolveRequest | undefined {
  const ref = site.ref
  if (ref === undefined || site.skip !== undefined) return undefined
  return {
    key: canonicalKey(ref),
    registry: registryMap[ref.registry] ?? ref.registry,
    repository: ref.repository,
    tag: ref.tag ?? 'latest',
    currentDigests: [],
    needsManifestBody: false
  }
}

/**
 * After the first (HEAD) look: a changed image needs its index body when a
 * site names a literal platform to check, when an old pin may be one
 * platform's manifest whose kind must be kept, or when a reviewer will read
 * its platforms (describeChanges).
 */
export function needsSecondLook(
  request: ResolveRequest,
  resolution: Resolution | undefined,
  describeChanges = false
): boolean {
  if (resolution?.kind !== 'resolved') return false
  const stalePins = request.currentDigests.some(d => d !== resolution.digest)
  // The first look already read and hashed the index (no digest header).
  if (resolution.manifests !== undefined && !stalePins) return false
  const unpinned = request.currentDigests.length === 0
  return (
    stalePins || (unpinned && (request.needsManifestBody || describeChanges))
  )
}

/**
 * The second look at a changed image that needs its index body, carrying
 * only the pins that differ from what the tag points to now; undefined when
 * the first look is the answer.
 */
export function secondLook(
  request: ResolveRequest,
  first: Resolution,
  describeChanges = false
): ResolveRequest | undefined {
  if (!needsSecondLook(request, first, describeChanges)) return undefined
  const now = first.kind === 'resolved' ? first.digest : undefined
  return {
    ...request,
    needsManifestBody: true,
    currentDigests: request.currentDigests.filter(d => d !== now)
  }
}
