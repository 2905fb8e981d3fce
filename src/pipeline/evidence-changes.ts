/**
 * Which bumps get evidence (issue 9): the plan rows that pin or update, one
 * entry per distinct (image key, old digest, new digest), with the
 * platforms that count for them.
 */
import type { Digest } from '../core/digest.js'
import { countedPlatforms } from '../core/evidence/platform-delta.js'
import { evidenceKey } from '../core/evidence/types.js'
import type { Plan } from '../core/plan.js'

export interface Change {
  readonly key: string
  readonly from?: Digest
  readonly to: Digest
  /** [] = all platforms count. */
  readonly counted: readonly string[]
}

/** Distinct (key, from, to) of the rows that pin or update, with the platforms that count for them. */
export function changesOf(plan: Plan, platforms: readonly string[]): Change[] {
  const byKey = new Map<
    string,
    { change: Change; all: boolean; set: Set<string> }
  >()
  for (const row of plan.rows) {
    if (row.decision !== 'pin' && row.decision !== 'update') continue
    if (row.key === undefined || row.newDigest === undefined) continue
    const from = row.decision === 'update' ? row.currentDigest : undefined
    const id = evidenceKey(row.key, from, row.newDigest)
    const counted = countedPlatforms(platforms, row.platform)
    const seen = byKey.get(id) ?? {
      change: {
        key: row.key,
        ...(from === undefined ? {} : { from }),
        to: row.newDigest,
        counted: []
      },
      all: false,
      set: new Set<string>()
    }
    // One line that builds every platform makes every platform count.
    if (counted.length === 0) seen.all = true
    counted.forEach(p => seen.set.add(p))
    byKey.set(id, seen)
  }
  return [...byKey.values()].map(({ change, all, set }) => ({
    ...change,
    counted: all ? [] : [...set]
  }))
}
