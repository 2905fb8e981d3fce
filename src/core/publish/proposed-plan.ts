/**
 * The hidden block at the end of a pull request body: what the PR proposes,
 * so the next run can tell "already proposed" from "changed upstream". It is
 * written as an HTML comment and read back tolerantly: a missing, edited or
 * garbled block reads as "no plan", never as an error.
 */
import { byCodeUnit } from '../code-unit-order.js'
import { isDigest } from '../digest.js'
import type { Digest } from '../digest.js'
import { fnv1a128 } from '../fnv.js'
import { targetName } from '../kept-proposal.js'
import type { UpdateGroup } from './groups.js'

/** The hidden block: what this PR proposes, per file and image. */
export interface ProposedPlan {
  /** 1: every target written out; 2: too many for a PR body, a fingerprint instead. */
  readonly version: 1 | 2
  readonly group: string
  /**
   * `${file} ${key}` → digest, sorted by key. When one file pins one key to
   * several digests (per-platform pins), they are sorted and comma-joined.
   * Empty when read back from a version 2 block.
   */
  readonly targets: Readonly<Record<string, string>>
  /** Version 2: a hash of the full targets (samePlan compares it). */
  readonly fingerprint?: string
  /** Version 2: the image keys, when even they fit; absent means "any image". */
  readonly keys?: readonly string[]
}

const MARKER = 'freshbase:plan'
/** Start markers only: finding `-->` with indexOf keeps parsing linear. */
const START_RE = /<!--[ \t]*freshbase:plan[ \t]/g

export function proposedPlan(group: UpdateGroup): ProposedPlan {
  const digests = new Map<string, Set<string>>()
  for (const update of group.updates) {
    const target = targetName(update.file, update.key)
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
 * Most a block may take of the 65,536 characters GitHub allows a PR body;
 * the tables before it are cut to fit, the block never is.
 */
export const PLAN_BUDGET = 32_768

/**
 * `<!-- freshbase:plan {json} -->` on one line. `<`, `>` and `&` only occur
 * inside JSON strings, where \u escapes keep `-->` (and `--!>`) out.
 *
 * A plan whose targets do not fit PLAN_BUDGET (hundreds of files in one
 * pull request) is written as version 2: a fingerprint of the targets, and
 * the image keys when they fit. It still tells "already proposed" from
 * "changed"; only a failed lookup then keeps the PR whatever image failed.
 */
export function planComment(plan: ProposedPlan): string {
  const full = commentOf({
    version: 1,
    group: plan.group,
    targets: plan.targets
  })
  if (plan.version === 1 && full.length <= PLAN_BUDGET) return full
  const compact = {
    version: 2,
    group: plan.group,
    fingerprint: fingerprintOf(plan)
  }
  const keys = plannedKeys(plan)
  const withKeys = commentOf({ ...compact, keys })
  return keys !== undefined && withKeys.length <= PLAN_BUDGET
    ? withKeys
    : commentOf(compact)
}

function commentOf(value: Record<string, unknown>): string {
  const json = JSON.stringify(value).replace(
    /[<>&]/g,
    c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
  return `<!-- ${MARKER} ${json} -->`
}

/** The image keys a plan touches; undefined when the block did not keep them. */
export function plannedKeys(plan: ProposedPlan): readonly string[] | undefined {
  if (plan.version === 2) return plan.keys
  const keys = Object.keys(plan.targets).map(t =>
    t.slice(t.lastIndexOf(' ') + 1)
  )
  return [...new Set(keys)].sort(byCodeUnit)
}

/** The fingerprint a version 2 block keeps: of the sorted targets. */
function fingerprintOf(plan: ProposedPlan): string {
  return plan.fingerprint ?? fnv1a128(JSON.stringify(plan.targets))
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
  if (!isRecord(value)) return undefined
  if (value['version'] === 2) return compactPlan(value)
  if (value['version'] !== 1) return undefined
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

function compactPlan(value: Record<string, unknown>): ProposedPlan | undefined {
  const { group, fingerprint, keys } = value
  if (typeof group !== 'string' || typeof fingerprint !== 'string')
    return undefined
  if (!/^[0-9a-f]{32}$/.test(fingerprint)) return undefined
  const plan = { version: 2 as const, group, targets: {}, fingerprint }
  if (!Array.isArray(keys) || !keys.every(k => typeof k === 'string'))
    return plan
  return { ...plan, keys }
}

/**
 * What open pull requests already propose (issue 9: an open PR is not
 * touched for a bump no counted platform changes): per target
 * (`${file} ${key}`, as ProposedPlan.targets names it) the digests, from
 * version 1 blocks only; a version 2 block keeps no digests, so its pull
 * request gets no such protection.
 */
export function proposedDigests(
  plans: readonly (ProposedPlan | undefined)[]
): Map<string, Digest[]> {
  const byTarget = new Map<string, Digest[]>()
  for (const plan of plans) {
    if (plan?.version !== 1) continue
    for (const [target, digests] of Object.entries(plan.targets)) {
      const list = byTarget.get(target) ?? []
      for (const digest of digests.split(',')) {
        if (isDigest(digest) && !list.includes(digest)) list.push(digest)
      }
      byTarget.set(target, list)
    }
  }
  return byTarget
}

/** Same group, same targets, same digests (compared by fingerprint when one side has only that). */
export function samePlan(a: ProposedPlan, b: ProposedPlan): boolean {
  if (a.group !== b.group) return false
  if (a.version === 2 || b.version === 2)
    return fingerprintOf(a) === fingerprintOf(b)
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
