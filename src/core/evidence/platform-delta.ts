/**
 * Which platforms a bump changes (issue 9 "Platforms"), and whether it is
 * worth proposing. Pure: compares the runnable entries of the old and the
 * new index with the one platform matcher (core/platform.ts), so
 * `linux/arm64` and `linux/arm64/v8` are one platform.
 *
 * Docker Official Images re-push an index as each architecture lands; a bump
 * that changes only attestations, or only an architecture the user does not
 * build, is not proposed.
 */
import {
  findPlatform,
  formatPlatform,
  parsePlatform,
  platformMatches
} from '../platform.js'
import type { Platform, PlatformManifest } from '../resolution.js'
import type { PlatformDelta } from './types.js'

/**
 * The platforms that count for one line: the `platforms` setting when
 * non-empty; else the line's literal `--platform` (not `$BUILDPLATFORM`,
 * `${TARGETPLATFORM}` or any other variable); else [] meaning all.
 */
export function countedPlatforms(
  input: readonly string[],
  linePlatform: string | undefined
): string[] {
  if (input.length > 0) return [...input]
  if (linePlatform === undefined || linePlatform.includes('$')) return []
  return parsePlatform(linePlatform) === undefined ? [] : [linePlatform]
}

/** Attestation entries (`unknown/unknown`) are never a platform. */
function runnable(entries: readonly PlatformManifest[]): PlatformManifest[] {
  return entries.filter(
    e => e.platform.os !== 'unknown' && e.platform.architecture !== 'unknown'
  )
}

/** The first entry per platform, in index order (image-index.md: the first match is used). */
function firstPerPlatform(
  entries: readonly PlatformManifest[]
): PlatformManifest[] {
  const kept: PlatformManifest[] = []
  for (const entry of runnable(entries)) {
    if (findPlatform(kept, entry.platform) === undefined) kept.push(entry)
  }
  return kept
}

/**
 * Old index entries against new ones, per platform: changed / unchanged /
 * added / removed. Order: the new index's order, then removed platforms in
 * the old index's order. `counted` is true when `counted` is empty or the
 * platform matches one of its entries.
 */
export function comparePlatforms(
  old: readonly PlatformManifest[],
  next: readonly PlatformManifest[],
  counted: readonly string[]
): PlatformDelta[] {
  const wanted = counted
    .map(parsePlatform)
    .filter((p): p is Platform => p !== undefined)
  const counts = (platform: Platform): boolean =>
    counted.length === 0 || wanted.some(w => platformMatches(platform, w))
  const before = firstPerPlatform(old)
  const after = firstPerPlatform(next)
  const deltas: PlatformDelta[] = after.map((entry): PlatformDelta => {
    const was = findPlatform(before, entry.platform)
    const base = {
      platform: formatPlatform(entry.platform),
      counted: counts(entry.platform),
      to: entry.digest
    }
    if (was === undefined) return { ...base, change: 'added' }
    const change = was.digest === entry.digest ? 'unchanged' : 'changed'
    return { ...base, change, from: was.digest }
  })
  for (const entry of before) {
    if (findPlatform(after, entry.platform) !== undefined) continue
    deltas.push({
      platform: formatPlatform(entry.platform),
      change: 'removed',
      counted: counts(entry.platform),
      from: entry.digest
    })
  }
  return deltas
}

export type ProposalVerdict =
  | { readonly propose: true }
  | { readonly propose: false; readonly reason: string }

/**
 * Propose when a counted platform changed, was added or was removed.
 * Otherwise: `only linux/s390x changed` (the uncounted platforms that moved)
 * or `attestations only` (no runnable platform moved). When none of the
 * platforms that count is in either index, every platform counts: a bump is
 * never hidden because of a platform the image does not publish.
 */
export function proposalVerdict(
  deltas: readonly PlatformDelta[]
): ProposalVerdict {
  const moved = deltas.filter(d => d.change !== 'unchanged')
  const anyCounted = deltas.some(d => d.counted)
  if (moved.some(d => d.counted || !anyCounted)) return { propose: true }
  if (moved.length === 0) return { propose: false, reason: 'attestations only' }
  const named = (change: PlatformDelta['change']): string[] =>
    moved.filter(d => d.change === change).map(d => d.platform)
  const parts = (['changed', 'added', 'removed'] as const)
    .map(change => ({ change, platforms: named(change) }))
    .filter(part => part.platforms.length > 0)
    .map(part => `${part.platforms.join(', ')} ${part.change}`)
  return { propose: false, reason: `only ${parts.join('; ')}` }
}
