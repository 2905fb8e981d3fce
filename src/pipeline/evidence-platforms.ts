/**
 * The platforms part of a bump's evidence (issue 9 "Platforms"), and the
 * platform whose SBOMs and source are read. Entries come from the indexes
 * read for the evidence, else from what resolving already read
 * (Resolved.manifests, Resolved.previousManifests).
 */
import type { Digest } from '../core/digest.js'
import { comparePlatforms } from '../core/evidence/platform-delta.js'
import type { Part, PlatformDelta } from '../core/evidence/types.js'
import type { PlatformManifest, Resolved } from '../core/resolution.js'
import { platformManifests } from './evidence-reads.js'
import type { ImageView } from './evidence-reads.js'

/**
 * Runnable entries of one side: the index's; for a single-platform pin
 * (a manifest, not an index) the one entry resolving says it stands for.
 */
export function sideEntries(
  image: ImageView | undefined,
  digest: Digest,
  resolved: Resolved | undefined,
  side: 'old' | 'new'
): PlatformManifest[] | undefined {
  if (image?.kind === 'index') return platformManifests(image.view)
  if (image === undefined) {
    if (side === 'new' && resolved?.digest === digest)
      return resolved.manifests ? [...resolved.manifests] : undefined
    const previous = resolved?.previousManifests?.[digest]
    if (previous !== undefined) return [...previous]
  }
  const entry = singlePlatform(digest, resolved)
  return entry === undefined ? undefined : [entry]
}

/** A pinned platform manifest: its entry in the new index (new side) or the one it was refreshed to (old side). */
function singlePlatform(
  digest: Digest,
  resolved: Resolved | undefined
): PlatformManifest | undefined {
  const direct = resolved?.manifests?.find(m => m.digest === digest)
  if (direct !== undefined) return direct
  const next = resolved?.platformPins?.[digest]
  const entry = resolved?.manifests?.find(m => m.digest === next)
  return entry === undefined ? undefined : { ...entry, digest }
}

export function platformPart(
  old: PlatformManifest[] | undefined,
  next: PlatformManifest[] | undefined,
  firstPin: boolean,
  counted: readonly string[],
  why: string
): Part<readonly PlatformDelta[]> {
  if (next === undefined || (!firstPin && old === undefined)) {
    return { kind: 'unavailable', why }
  }
  // A first pin has nothing to compare: every platform of the new index is 'added'.
  return { kind: 'found', value: comparePlatforms(old ?? [], next, counted) }
}

/**
 * The platform whose SBOMs are compared: the first counted platform both
 * indexes have, preferring linux/amd64. When none of the counted platforms
 * is published, every platform counts (as for proposing the bump).
 */
export function comparedPlatform(
  deltas: readonly PlatformDelta[]
): PlatformDelta | undefined {
  return pick(deltas, d => d.from !== undefined && d.to !== undefined)
}

/** The platform whose source is read: the compared one, else the first counted one of the new index. */
export function sourcePlatform(
  deltas: readonly PlatformDelta[]
): PlatformDelta | undefined {
  return comparedPlatform(deltas) ?? pick(deltas, d => d.to !== undefined)
}

function pick(
  deltas: readonly PlatformDelta[],
  usable: (d: PlatformDelta) => boolean
): PlatformDelta | undefined {
  const anyCounted = deltas.some(d => d.counted)
  const candidates = deltas.filter(d => (d.counted || !anyCounted) && usable(d))
  return candidates.find(d => d.platform === 'linux/amd64') ?? candidates[0]
}
