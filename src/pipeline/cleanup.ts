/**
 * What this run's groups leave behind: open Freshbase pull requests the
 * base branch has caught up with, and branches of ours nobody needs. A
 * failed lookup never closes or deletes anything: the failed image may be
 * why a group is missing from this run.
 */
import type { PublishConfig } from '../config/publish-config.js'
import type { UpdateGroup } from '../core/publish/groups.js'
import { isGroupBranch } from '../core/publish/groups.js'
import type { ProposedPlan } from '../core/publish/proposed-plan.js'
import {
  parseProposedPlan,
  plannedKeys
} from '../core/publish/proposed-plan.js'
import type { GroupOutcome } from '../core/report/pr-summary.js'
import type { BaseSnapshot, GitHubPort, PullRequestInfo } from './ports.js'

export interface CleanupContext {
  readonly base: BaseSnapshot
  readonly config: PublishConfig
  readonly github: GitHubPort
  /** Keys of images whose lookup failed ('*' when a file could not be read). */
  readonly failedKeys: ReadonlySet<string>
  /**
   * Keys of images whose bump this run did not propose because no platform
   * that counts changed (PlanRow.notProposed): a pull request proposing one
   * is left as it is, never closed as obsolete (issue 9).
   */
  readonly notProposedKeys?: ReadonlySet<string>
}

/** `open`: the open pull requests from our branches; `active`: this run's group branches. */
export async function cleanUp(
  open: readonly PullRequestInfo[],
  active: ReadonlySet<string>,
  context: CleanupContext
): Promise<GroupOutcome[]> {
  return [
    ...(await closeObsolete(open, active, context)),
    ...(await deleteLeftoverBranches(open, active, context))
  ]
}

/** Whether the pull request proposes an image whose lookup failed this run. */
export function touchesFailure(
  previous: ProposedPlan | undefined,
  failedKeys: ReadonlySet<string>
): boolean {
  if (failedKeys.size === 0) return false
  if (previous === undefined) return false
  if (failedKeys.has('*')) return true
  const keys = plannedKeys(previous)
  // A compact block that kept no keys may propose the image that failed.
  return keys === undefined || keys.some(key => failedKeys.has(key))
}

/** Open Freshbase PRs whose group has nothing to update any more: the base has it. */
async function closeObsolete(
  open: readonly PullRequestInfo[],
  active: ReadonlySet<string>,
  context: CleanupContext
): Promise<GroupOutcome[]> {
  const { base, config, github, failedKeys } = context
  const notProposed = context.notProposedKeys ?? new Set<string>()
  const outcomes: GroupOutcome[] = []
  for (const pull of open) {
    if (active.has(pull.headRef) || pull.baseRef !== base.branch) continue
    const previous = parseProposedPlan(pull.body)
    if (previous === undefined) continue // not a Freshbase PR after all: never touch it
    const at = {
      group: emptyGroup(previous.group, pull.headRef),
      branch: pull.headRef,
      pullRequestUrl: pull.url
    }
    if (touchesFailure(previous, failedKeys)) {
      outcomes.push({
        ...at,
        operation: 'kept',
        note: `A lookup failed for an image #${pull.number} proposes; left open.`
      })
    } else if (touchesFailure(previous, notProposed /* same key test */)) {
      outcomes.push({
        ...at,
        operation: 'kept',
        note: `#${pull.number} proposes an image whose new digest changes no platform you build (not proposed this run); left as it is.`
      })
    } else if (config.dryRun) {
      outcomes.push({
        ...at,
        operation: 'dry-run',
        note: `Would close #${pull.number}: the base branch already has these digests.`
      })
    } else {
      await github.closePull(
        pull.number,
        `Closed by Freshbase: \`${base.branch}\` already pins these images to the digests their tags point to now, so this pull request has nothing left to change.`
      )
      await github.deleteBranch(pull.headRef)
      outcomes.push({ ...at, operation: 'closed' })
    }
  }
  return outcomes
}

/**
 * Branches of ours that no group of this run needs and no pull request is
 * open from: left by a run that pushed and then failed to open the pull
 * request (or by a merge in a repository that keeps merged branches), after
 * which the base branch got the digests. Only names of the shape Freshbase
 * gives its branches are touched.
 */
async function deleteLeftoverBranches(
  open: readonly PullRequestInfo[],
  active: ReadonlySet<string>,
  { config, github, failedKeys }: CleanupContext
): Promise<GroupOutcome[]> {
  if (failedKeys.size > 0) return []
  const opened = new Set(open.map(p => p.headRef))
  const leftovers = (
    await github.branchesWithPrefix(config.branchPrefix)
  ).filter(
    branch =>
      isGroupBranch(branch, config.branchPrefix) &&
      !active.has(branch) &&
      !opened.has(branch)
  )
  const outcomes: GroupOutcome[] = []
  for (const branch of leftovers) {
    const group = emptyGroup(branch, branch)
    if (config.dryRun) {
      outcomes.push({
        group,
        operation: 'dry-run',
        branch,
        note: `Would delete ${branch}: no pull request is open from it and the base branch already has what it proposed.`
      })
      continue
    }
    await github.deleteBranch(branch)
    outcomes.push({
      group,
      operation: 'deleted',
      branch,
      note: `${branch} had no open pull request and nothing left to propose; deleted.`
    })
  }
  return outcomes
}

function emptyGroup(id: string, branch: string): UpdateGroup {
  return {
    id,
    branch,
    updates: [],
    files: [],
    skipped: [],
    failed: []
  }
}
