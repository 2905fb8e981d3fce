/**
 * Publishing groups: which updates go into which pull request (group-by
 * all | file | image), on a deterministic branch per group, with the texts
 * each group's commit carries. Pure.
 *
 * Workflow files (`.github/workflows/*.yml`) always get a pull request of
 * their own: GitHub refuses their change to a token without the Workflows
 * permission (the Action's GITHUB_TOKEN among them, YAML.md §3.4), and that
 * refusal must not hold back anything else. With group-by all or image
 * their updates form the `workflows` group (branch `<prefix>workflows`),
 * listed last; with group-by file each workflow file already is a group.
 */
import type { Digest } from '../digest.js'
import { isWorkflowPath } from '../file-kind.js'
import { rewriteChecked } from '../rewrite.js'
import { fnv1a32 } from '../fnv.js'
import type { Plan, PlanRow, PlannedEdit } from '../plan.js'

export type GroupBy = 'all' | 'file' | 'image'

export interface Update {
  readonly file: string
  readonly line: number
  /** The reference as written (ARG expanded). */
  readonly image: string
  readonly key: string
  readonly from?: Digest
  readonly to: Digest
  /** The line the digest is written on, when not `line` (PlanRow.editLine). */
  readonly editLine?: number
}

export interface UpdateGroup {
  /** 'all', a file path, or an image key. */
  readonly id: string
  readonly branch: string
  readonly updates: readonly Update[]
  /** Files this group's commit changes, in order. */
  readonly files: readonly string[]
  /** Skipped references in this group's scope, with their reasons. */
  readonly skipped: readonly PlanRow[]
  /** Failed references in this group's scope. */
  readonly failed: readonly PlanRow[]
}

/** The id (and, after the prefix, the branch name) of the workflow files' group. */
export const WORKFLOWS_GROUP = 'workflows'

/** Whether the group is the workflow files' own (group-by all or image). */
export function isWorkflowsGroup(group: Pick<UpdateGroup, 'id'>): boolean {
  return group.id === WORKFLOWS_GROUP
}

export interface GroupFile {
  readonly file: string
  readonly before: string
  readonly after: string
}

/** Groups that have updates now; groups without updates are found by their branches. */
export function groupUpdates(
  plan: Plan,
  groupBy: GroupBy,
  branchPrefix: string
): UpdateGroup[] {
  const updates = plan.rows.flatMap(toUpdate)
  const ids = [...new Set(updates.map(u => groupIdOf(u, groupBy)))]
  // Last: the first group is the one the single-PR outputs describe.
  const workflows = ids.includes(WORKFLOWS_GROUP)
  if (workflows) ids.push(...ids.splice(ids.indexOf(WORKFLOWS_GROUP), 1))
  return ids.map(id => {
    const mine = updates.filter(u => groupIdOf(u, groupBy) === id)
    const inScope = (row: PlanRow): boolean =>
      rowInScope(row, id, groupBy, workflows)
    return {
      id,
      branch: branchFor(id, groupBy, branchPrefix),
      updates: mine,
      files: [...new Set(mine.map(u => u.file))],
      skipped: plan.rows.filter(r => r.decision === 'skipped' && inScope(r)),
      failed: plan.rows.filter(r => r.decision === 'failed' && inScope(r))
    }
  })
}

function toUpdate(row: PlanRow): Update[] {
  if (row.decision !== 'pin' && row.decision !== 'update') return []
  if (row.key === undefined || row.newDigest === undefined) return []
  return [
    {
      file: row.file,
      line: row.line,
      image: row.image,
      key: row.key,
      ...(row.currentDigest === undefined ? {} : { from: row.currentDigest }),
      to: row.newDigest,
      ...(row.editLine === undefined ? {} : { editLine: row.editLine })
    }
  ]
}

function groupIdOf(update: Update, groupBy: GroupBy): string {
  if (groupBy === 'file') return update.file
  if (isWorkflowPath(update.file)) return WORKFLOWS_GROUP
  if (groupBy === 'image') return update.key
  return 'all'
}

/**
 * A skipped or failed row belongs to the group its file or image would
 * go to. A row in a workflow file belongs to the workflows group when
 * there is one, else to the group group-by gives it (so the one pull
 * request of group-by all still lists it).
 */
function rowInScope(
  row: PlanRow,
  id: string,
  groupBy: GroupBy,
  workflows: boolean
): boolean {
  if (groupBy === 'file') return row.file === id
  const inWorkflows = workflows && isWorkflowPath(row.file)
  if (id === WORKFLOWS_GROUP) return inWorkflows
  if (inWorkflows) return false
  return groupBy === 'all' || row.key === id
}

/**
 * freshbase/all, freshbase/workflows, freshbase/file-<slug>-<hash>,
 * freshbase/image-<slug>-<hash>. The hash of the full id keeps two ids
 * with the same slug apart (`a/b-c` and `a-b/c`).
 */
export function branchFor(
  id: string,
  groupBy: GroupBy,
  prefix: string
): string {
  if (groupBy !== 'file' && id === WORKFLOWS_GROUP)
    return `${prefix}${WORKFLOWS_GROUP}`
  if (groupBy === 'all') return `${prefix}all`
  const slug = id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `${prefix}${groupBy}-${slug}-${fnv1a32(id)}`
}

/** Whether `branch` has the shape branchFor gives (under `prefix`), for any group. */
export function isGroupBranch(branch: string, prefix: string): boolean {
  if (!branch.startsWith(prefix)) return false
  const rest = branch.slice(prefix.length)
  return (
    rest === 'all' ||
    rest === WORKFLOWS_GROUP ||
    /^(?:file|image)-[a-z0-9-]*-[0-9a-f]{8}$/.test(rest)
  )
}

/**
 * The new text of each file in a group: the base text with only this
 * group's edits (for group-by image, other images in the same file stay).
 * A subset of a file's edits is a rewrite the run never checked, so each
 * text passes the same re-scan check as a CLI write before anyone commits it.
 */
export function groupTexts(
  group: UpdateGroup,
  plan: Plan,
  baseTexts: ReadonlyMap<string, string>
): { ok: true; files: GroupFile[] } | { ok: false; error: string } {
  const keys = new Set(group.updates.map(u => u.key))
  const files: GroupFile[] = []
  for (const file of group.files) {
    const before = baseTexts.get(file)
    const planned = plan.files.find(f => f.file === file)
    const edits: PlannedEdit[] = (planned?.edits ?? []).filter(e =>
      keys.has(e.key)
    )
    if (before === undefined)
      return { ok: false, error: `${file}: no base text` }
    const applied = rewriteChecked(
      file,
      before,
      edits,
      undefined,
      planned?.kind
    )
    if (!applied.ok)
      return { ok: false, error: `${file}: not committed: ${applied.error}` }
    files.push({ file, before, after: applied.text })
  }
  return { ok: true, files }
}
