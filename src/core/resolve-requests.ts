/**
 * Dedupe: one registry request per unique registry/repository:tag. This is
 * where "one registry round trip per unique image" lives, and where a
 * reference's first look is chosen (issue 8, "Resolve at the limit"):
 * a tag-only reference is read with one GET by tag, a pinned one with one
 * HEAD by tag.
 */
import type { Digest } from './digest.js'
import type { ImageSite } from './dockerfile/scan.js'
import { canonicalKey } from './image-ref.js'
import type { Resolution, Resolved, ResolveRequest } from './resolution.js'

/** Per key, every pinned digest; a GET by tag only when no site is pinned. */
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
    for (const digest of first.currentDigests) entry.digests.add(digest)
  }
  return [...byKey.values()].map(({ request, digests }) => ({
    ...request,
    currentDigests: [...digests],
    needsManifestBody: digests.size === 0
  }))
}

/**
 * The first look at a site's image, from that site alone, so it can go out
 * while the rest of the repository is still being scanned: pinned, one HEAD
 * by tag (and, when that pin is stale, the new manifest by digest); not
 * pinned, one GET by tag. Undefined for sites not resolved.
 */
export function firstLook(
  site: ImageSite,
  registryMap: Readonly<Record<string, string>>
): ResolveRequest | undefined {
  const ref = site.ref
  if (ref === undefined || site.skip !== undefined) return undefined
  const pinned = ref.digest === undefined ? [] : [ref.digest]
  return {
    key: canonicalKey(ref),
    registry: registryMap[ref.registry] ?? ref.registry,
    repository: ref.repository,
    tag: ref.tag ?? 'latest',
    currentDigests: pinned,
    needsManifestBody: pinned.length === 0
  }
}

/**
 * After the scan: the pins of other sites that the first look (`asked`) did
 * not cover and that differ from what the tag points to now. Each needs its
 * kind kept (a single-platform pin stays single-platform); the tag is not
 * asked again. Undefined when the first look is the answer.
 *
 * `proposed`: digests open pull requests propose for this image (issue 9).
 * When the tag has moved on from one of them, it is read too, as an old
 * pin is, so the plan can tell whether a platform that counts changed since
 * (kept-proposal.ts). Nothing is added when the tag still points to it, or
 * when it is an entry of the tag's index or already read.
 */
export function secondLook(
  request: ResolveRequest,
  asked: ResolveRequest,
  first: Resolution,
  proposed: readonly Digest[] = []
): ResolveRequest | undefined {
  if (first.kind !== 'resolved') return undefined
  const covered = new Set<Digest>([first.digest, ...asked.currentDigests])
  const remaining = request.currentDigests.filter(d => !covered.has(d))
  const extra = proposed.filter(
    d => !covered.has(d) && !remaining.includes(d) && !knownTo(first, d)
  )
  if (remaining.length + extra.length === 0) return undefined
  return {
    ...request,
    currentDigests: [...remaining, ...extra],
    needsManifestBody: false,
    after: first
  }
}

/**
 * A digest the first look already answers for; a proposed digest is worth
 * a read only when the tag's index was read (the tag moved, or no pin).
 */
function knownTo(first: Resolved, digest: Digest): boolean {
  if (first.manifests === undefined) return true
  return (
    first.manifests.some(m => m.digest === digest) ||
    first.previousManifests?.[digest] !== undefined ||
    first.platformPins?.[digest] !== undefined
  )
}
