/**
 * Dedupe: one registry request per unique registry/repository:tag. This is
 * where "one registry round trip per unique image" lives.
 */
import type { Digest } from './digest.js'
import type { ImageSite } from './dockerfile-scan.js'
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
    const ref = site.ref
    if (ref === undefined || site.skip !== undefined) continue
    const key = canonicalKey(ref)
    let entry = byKey.get(key)
    if (entry === undefined) {
      entry = {
        digests: new Set(),
        request: {
          key,
          registry: registryMap[ref.registry] ?? ref.registry,
          repository: ref.repository,
          tag: ref.tag ?? 'latest',
          currentDigests: [],
          needsManifestBody: false
        }
      }
      byKey.set(key, entry)
    }
    if (ref.digest !== undefined) entry.digests.add(ref.digest)
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
 * After the first (HEAD) pass: a changed image needs its index body when a
 * site names a literal platform to check, when an old pin may be one
 * platform's manifest whose kind must be kept, or when a reviewer will read
 * its platforms (describeChanges).
 */
export function needsSecondLook(
  request: ResolveRequest,
  first: readonly Resolution[],
  describeChanges = false
): boolean {
  const resolution = first.find(r => r.key === request.key)
  if (resolution?.kind !== 'resolved') return false
  const stalePins = request.currentDigests.some(d => d !== resolution.digest)
  // The first pass already read and hashed the index (no digest header).
  if (resolution.manifests !== undefined && !stalePins) return false
  const unpinned = request.currentDigests.length === 0
  return (
    stalePins || (unpinned && (request.needsManifestBody || describeChanges))
  )
}

/**
 * The requests of the second pass: changed images that need their index
 * body, carrying only the pins that differ from what the tag points to now.
 */
export function secondLook(
  requests: readonly ResolveRequest[],
  first: readonly Resolution[],
  describeChanges = false
): ResolveRequest[] {
  const byKey = new Map(first.map(r => [r.key, r]))
  return requests
    .filter(r => needsSecondLook(r, first, describeChanges))
    .map(r => {
      const resolution = byKey.get(r.key)
      const now =
        resolution?.kind === 'resolved' ? resolution.digest : undefined
      return {
        ...r,
        needsManifestBody: true,
        currentDigests: r.currentDigests.filter(d => d !== now)
      }
    })
}
