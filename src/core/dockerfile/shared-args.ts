/**
 * The last step of a scan: drafts whose digest would go into an ARG value
 * that something else also reads are skipped, since the digest would change
 * that other use too.
 */
import type { ArgUse } from './args.js'
import { skipped } from './drafts.js'
import type { Draft } from './drafts.js'

/**
 * A digest written into an ARG value changes every use of that ARG. That is
 * fine only when each use is one of the FROM lines being pinned to the same
 * image through that very reference; otherwise every site that would write
 * there is skipped with the use that blocks it. `uses` are the live uses of
 * global ARGs (`Args.liveUses`).
 */
export function settleSharedArgs(
  drafts: readonly Draft[],
  uses: readonly ArgUse[]
): Draft[] {
  const groups = new Map<string, Draft[]>()
  for (const draft of drafts) {
    if (draft.pin?.arg === undefined) continue
    // Spans that overlap without being equal land in different groups, where
    // each one's use of the ARG blocks the other.
    const key = `${draft.pin.start}:${draft.pin.end}`
    groups.set(key, [...(groups.get(key) ?? []), draft])
  }
  const blocked = new Map<Draft, string>()
  for (const group of groups.values()) {
    const reason = sharingProblem(group, uses)
    if (reason !== undefined)
      for (const draft of group) blocked.set(draft, reason)
  }
  return drafts.map(draft => {
    const reason = blocked.get(draft)
    return reason === undefined
      ? draft
      : skipped(draft.site, 'variable', reason)
  })
}

function sharingProblem(
  group: readonly Draft[],
  uses: readonly ArgUse[]
): string | undefined {
  const images = [...new Set(group.map(d => d.site.image))]
  const arg = group[0]?.pin?.arg?.name ?? ''
  if (images.length > 1) {
    return `ARG ${arg} is used by several FROM lines for different images (${images.join(', ')}), and one digest cannot pin them all; give each image its own ARG.`
  }
  const chain = new Set(group.flatMap(d => d.pin?.chain ?? []))
  const followed = new Set(group.flatMap(d => d.pin?.path ?? []))
  const other = uses.find(u => chain.has(u.decl) && !followed.has(u.start))
  if (other === undefined) return undefined
  const used = `ARG ${other.decl.name} is also used by ${other.by} on line ${other.line + 1}, which a`
  if (group[0]?.pin?.digestOnly === true) {
    return `${used} new digest in its value would change too; write the digest in the FROM line, or give this FROM an ARG of its own for it, to refresh it.`
  }
  return `${used} digest in its value would change too; give this image its own ARG (e.g. ARG ${arg}_IMAGE=${images[0] ?? 'image:tag'}) to pin it.`
}
