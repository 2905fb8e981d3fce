/**
 * The hidden block at the end of a pull request body: what the PR proposes,
 * so the next run can tell "already proposed" from "changed upstream". It is
 * written as an HTML comment and read back tolerantly: a missing, edited or
 * garbled block reads as "no plan", never as an error.
 */
import { isDigest } from './digest.js'
import type { UpdateGroup } from './groups.js'
import type { ProposedPlan } from './pr-text.js'

const MARKER = 'freshbase:plan'
/** Start markers only: finding `-->` with indexOf keeps parsing linear. */
const START_RE = /<!--[ \t]*freshbase:plan[ \t]/g

export function proposedPlan(group: UpdateGroup): ProposedPlan {
  const digests = new Map<string, Set<string>>()
  for (const update of group.updates) {
    const target = `${update.file} ${update.key}`
    const set = digests.get(target) ?? new Set<string>()
    set.add(update.to)
    digests.set(target, set)
  }
  const entries = [...digests].map(([target, set]): [string, string] => [
    target,
    [...set].sort(byCodeUnit).join(',')
  ])
  return { version: 1, group: group.id, targets: sortedRecord(entries) }
}

/**
 * `<!-- freshbase:plan {json} -->` on one line. `<`, `>` and `&` only occur
 * inside JSON strings, where \u escapes keep `-->` (and `--!>`) out.
 */
export function planComment(plan: ProposedPlan): string {
  const json = JSON.stringify({
    version: plan.version,
    group: plan.group,
    targets: plan.targets
  }).replace(
    /[<>&]/g,
    c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
  return `<!-- ${MARKER} ${json} -->`
}

/** The last well-formed block in `body`, or undefined. Never throws. */
export function parseProposedPlan(
  body: string | null | undefined
): ProposedPlan | undefined {
  if (typeof body !== 'string') return undefined
  const start = [...body.matchAll(START_RE)].at(-1)
  if (start === undefined) return undefined
  const from = start.index + start[0].length
  const end = body.indexOf('-->', from)
  if (end < 0) return undefined
  let value: unknown
  try {
    value = JSON.parse(body.slice(from, end))
  } catch {
    return undefined
  }
  if (!isRecord(value) || value['version'] !== 1) return undefined
  const group = value['group']
  const targets = value['targets']
  if (typeof group !== 'string' || !isRecord(targets)) return undefined
  const entries: [string, string][] = []
  for (const [target, digests] of Object.entries(targets)) {
    if (typeof digests !== 'string' || !digests.split(',').every(isDigest))
      return undefined
    entries.push([target, digests])
  }
  return { version: 1, group, targets: sortedRecord(entries) }
}

/** Same group, same targets, same digests. */
export function samePlan(a: ProposedPlan, b: ProposedPlan): boolean {
  if (a.version !== b.version || a.group !== b.group) return false
  const keys = Object.keys(a.targets)
  return (
    keys.length === Object.keys(b.targets).length &&
    keys.every(
      key => Object.hasOwn(b.targets, key) && b.targets[key] === a.targets[key]
    )
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Targets contain a space, so none is an array index that JS would reorder. */
function sortedRecord(entries: [string, string][]): Record<string, string> {
  return Object.fromEntries(entries.sort((a, b) => byCodeUnit(a[0], b[0])))
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
