/**
 * Publishing, idempotent as a cron job needs (issue: "one verified,
 * idempotent pull request per group"): per group, one commit on the base
 * head, one branch, one pull request; nothing written when the open PR
 * already proposes exactly this on the current base; obsolete PRs closed;
 * PRs a human closed unmerged not reopened for the same digests; a failed
 * lookup never changes or closes a PR.
 */
import type { PublishConfig } from '../config/publish-config.js'
import type { UpdateGroup } from '../core/publish/groups.js'
import {
  groupTexts,
  groupUpdates,
  isGroupBranch
} from '../core/publish/groups.js'
import type { Plan } from '../core/plan.js'
import type { ProposedPlan } from '../core/publish/proposed-plan.js'
import {
  parseProposedPlan,
  plannedKeys,
  proposedPlan,
  samePlan
} from '../core/publish/proposed-plan.js'
import type { ImageDetails } from '../core/report/image-details.js'
import type { GroupOutcome } from '../core/report/pr-summary.js'
import type { PullRequestText } from '../core/report/pr-text.js'
import { DEFAULT_TEMPLATES, renderPullRequest } from '../core/report/pr-text.js'
import type {
  BaseSnapshot,
  GitHubPort,
  Logger,
  PullRequestInfo
} from './ports.js'
import { REBUILD_PENDING } from './rebuild.js'

export interface PublishInput {
  readonly plan: Plan
  /** Base-head text of every file the plan changes. */
  readonly baseTexts: ReadonlyMap<string, string>
  readonly images: ReadonlyMap<string, ImageDetails>
  readonly base: BaseSnapshot
  readonly config: PublishConfig
}

export interface PublishResult {
  readonly outcomes: GroupOutcome[]
  /**
   * Pull requests whose branch got a new commit (created or updated), or
   * whose rebuild dispatch failed last run: what the rebuild follows.
   */
  readonly pushed: {
    readonly group: UpdateGroup
    readonly pull?: PullRequestInfo
    /** The title and body the pull request has now. */
    readonly text: PullRequestText
  }[]
}

export async function publish(
  input: PublishInput,
  github: GitHubPort,
  logger: Logger
): Promise<PublishResult> {
  const { config } = input
  const groups = groupUpdates(input.plan, config.groupBy, config.branchPrefix)
  const failedKeys = new Set(
    input.plan.rows.filter(r => r.decision === 'failed').map(r => r.key ?? '*')
  )
  const result: PublishResult = { outcomes: [], pushed: [] }
  // One group's GitHub failure does not stop the others; the step fails
  // with every group's message, and the next run converges.
  for (const group of groups) {
    const outcome = await logger.group(`Publish ${group.branch}`, async () =>
      publishGroup(group, input, github, logger, failedKeys, result).catch(
        (error: unknown): GroupOutcome => ({
          group,
          operation: 'failed',
          branch: group.branch,
          note: (error as Error).message
        })
      )
    )
    result.outcomes.push(outcome)
  }
  // Listed once, after this run's groups: closing and cleaning both read it.
  const open = await github.openPullsWithPrefix(config.branchPrefix)
  const active = new Set(groups.map(g => g.branch))
  result.outcomes.push(
    ...(await closeObsolete(open, active, input, github, failedKeys)),
    ...(await deleteLeftoverBranches(open, active, input, github, failedKeys))
  )
  return result
}

async function publishGroup(
  group: UpdateGroup,
  input: PublishInput,
  github: GitHubPort,
  logger: Logger,
  failedKeys: ReadonlySet<string>,
  result: PublishResult
): Promise<GroupOutcome> {
  const { config, base } = input
  const text = textFor(group, input)
  const proposed = proposedPlan(group)
  const [open] = await github.pullsForBranch(group.branch, 'open')
  const outcome = (
    operation: GroupOutcome['operation'],
    extra: Partial<GroupOutcome> = {}
  ): GroupOutcome => ({
    group,
    operation,
    branch: group.branch,
    ...extra
  })
  if (open !== undefined) {
    const previous = parseProposedPlan(open.body)
    if (touchesFailure(previous, failedKeys)) {
      return outcome('kept', {
        pullRequestUrl: open.url,
        note: `A lookup failed for an image this pull request proposes; #${open.number} was left as it is until the registry answers again.`
      })
    }
    const head = await github.branchHead(group.branch)
    const current =
      previous !== undefined &&
      samePlan(previous, proposed) &&
      head?.parents[0] === base.commitSha
    if (current && open.title === text.title && open.body === text.body) {
      return outcome('unchanged', { pullRequestUrl: open.url })
    }
    if (config.dryRun)
      return outcome('dry-run', {
        pullRequestUrl: open.url,
        note: `Would update #${open.number}.`
      })
    if (!current) await pushCommit(group, input, github, text)
    await syncPullText(open, text, github)
    // A rebuild follows a new commit, or one whose dispatch failed last
    // time; a change of wording alone starts nothing.
    if (!current || open.body.includes(REBUILD_PENDING))
      result.pushed.push({ group, pull: open, text })
    return outcome('updated', { pullRequestUrl: open.url })
  }
  const declined = await declinedBefore(group, proposed, github)
  if (declined !== undefined) {
    return outcome('declined', {
      pullRequestUrl: declined.url,
      note: `#${declined.number} proposed exactly these digests and was closed without merging; not proposed again until a newer digest appears.`
    })
  }
  if (config.dryRun)
    return outcome('dry-run', { note: 'Would open a pull request.' })
  await pushCommit(group, input, github, text)
  return createPull(group, text, input, github, logger, result, outcome)
}

async function createPull(
  group: UpdateGroup,
  text: PullRequestText,
  input: PublishInput,
  github: GitHubPort,
  logger: Logger,
  result: PublishResult,
  outcome: (
    operation: GroupOutcome['operation'],
    extra?: Partial<GroupOutcome>
  ) => GroupOutcome
): Promise<GroupOutcome> {
  const { config, base } = input
  const compareUrl = `${config.serverUrl}/${config.owner}/${config.repo}/compare/${encodeURIComponent(base.branch)}...${encodeURIComponent(group.branch)}?expand=1`
  const request = {
    title: text.title,
    body: text.body,
    head: group.branch,
    base: base.branch,
    draft: config.draft
  }
  let created = await github.createPull(request)
  for (let asked = 1; created.kind === 'exists'; asked++) {
    // Another run opened it a moment ago, or GitHub opened it for us and the
    // answer was lost (a 5xx retried): converge on that one.
    const [open] = await github.pullsForBranch(group.branch, 'open')
    if (open !== undefined) {
      await syncPullText(open, text, github)
      // Labels, reviewers, assignees and auto-merge are idempotent: when the
      // answer was lost nobody else applies them.
      await finishPull(open, config, github, logger)
      result.pushed.push({ group, pull: open, text })
      return outcome('updated', { pullRequestUrl: open.url })
    }
    // GitHub says it exists but does not list it (closed meanwhile, or the
    // list lags behind): ask once more.
    if (asked === 2) {
      throw new Error(
        `GitHub API: creating the pull request for "${group.branch}" failed: ${created.message.replace(/\.$/, '')}, but no open pull request from ${group.branch} is listed. ` +
          `The branch was pushed. Re-run the job: the next run opens the pull request for it, or finds the one GitHub meant.`
      )
    }
    created = await github.createPull(request)
  }
  if (created.kind === 'forbidden') {
    result.pushed.push({ group, text })
    const note =
      'GitHub Actions is not permitted to create pull requests in this repository. ' +
      'Enable Settings → Actions → General → Workflow permissions → "Allow GitHub Actions to create and approve pull requests" ' +
      '(and the same setting of the organization), or pass a PAT / GitHub App token. ' +
      `The branch ${group.branch} was pushed; open the pull request from ${compareUrl}`
    logger.warn(note)
    return outcome('not-permitted', { compareUrl, note })
  }
  const pull = created.pull
  await finishPull(pull, config, github, logger)
  result.pushed.push({ group, pull, text })
  return outcome('created', { pullRequestUrl: pull.url })
}

/** Labels, reviewers, assignees, auto-merge: each a warning when refused. */
async function finishPull(
  pull: PullRequestInfo,
  config: PublishConfig,
  github: GitHubPort,
  logger: Logger
): Promise<void> {
  for (const warning of await github.decorate(pull.number, config))
    logger.warn(warning)
  if (config.autoMerge !== 'off') {
    const method = config.autoMerge.toUpperCase() as
      'MERGE' | 'SQUASH' | 'REBASE'
    const warning = await github.enableAutoMerge(pull, method)
    if (warning !== undefined) logger.warn(warning)
  }
}

async function pushCommit(
  group: UpdateGroup,
  input: PublishInput,
  github: GitHubPort,
  text: PullRequestText
): Promise<void> {
  const texts = groupTexts(group, input.plan, input.baseTexts)
  if (!texts.ok) throw new Error(`${group.branch}: ${texts.error}`)
  const files = texts.files.map(f => ({ path: f.file, content: f.after }))
  const sha = await github.commitFiles(input.base, files, text.commitMessage)
  await github.pushBranch(group.branch, sha)
}

/** Open Freshbase PRs whose group has nothing to update any more: the base has it. */
async function closeObsolete(
  open: readonly PullRequestInfo[],
  active: ReadonlySet<string>,
  input: PublishInput,
  github: GitHubPort,
  failedKeys: ReadonlySet<string>
): Promise<GroupOutcome[]> {
  const { config } = input
  const outcomes: GroupOutcome[] = []
  for (const pull of open) {
    if (active.has(pull.headRef) || pull.baseRef !== input.base.branch) continue
    const previous = parseProposedPlan(pull.body)
    if (previous === undefined) continue // not a Freshbase PR after all: never touch it
    const group = emptyGroup(previous.group, pull.headRef)
    if (touchesFailure(previous, failedKeys)) {
      outcomes.push({
        group,
        operation: 'kept',
        branch: pull.headRef,
        pullRequestUrl: pull.url,
        note: `A lookup failed for an image #${pull.number} proposes; left open.`
      })
      continue
    }
    if (config.dryRun) {
      outcomes.push({
        group,
        operation: 'dry-run',
        branch: pull.headRef,
        pullRequestUrl: pull.url,
        note: `Would close #${pull.number}: the base branch already has these digests.`
      })
      continue
    }
    await github.closePull(
      pull.number,
      `Closed by Freshbase: \`${input.base.branch}\` already pins these images to the digests their tags point to now, so this pull request has nothing left to change.`
    )
    await github.deleteBranch(pull.headRef)
    outcomes.push({
      group,
      operation: 'closed',
      branch: pull.headRef,
      pullRequestUrl: pull.url
    })
  }
  return outcomes
}

/**
 * Branches of ours that no group of this run needs and no pull request is
 * open from: left by a run that pushed and then failed to open the pull
 * request (or by a merge in a repository that keeps merged branches), after
 * which the base branch got the digests. Only names of the shape Freshbase
 * gives its branches are touched, and nothing is deleted when a lookup
 * failed: the failed image may be why a group is missing from this run.
 */
async function deleteLeftoverBranches(
  open: readonly PullRequestInfo[],
  active: ReadonlySet<string>,
  input: PublishInput,
  github: GitHubPort,
  failedKeys: ReadonlySet<string>
): Promise<GroupOutcome[]> {
  const { config } = input
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

async function declinedBefore(
  group: UpdateGroup,
  proposed: ProposedPlan,
  github: GitHubPort
): Promise<PullRequestInfo | undefined> {
  const closed = await github.pullsForBranch(group.branch, 'closed')
  return closed.find(pull => {
    if (pull.merged) return false
    const plan = parseProposedPlan(pull.body)
    return plan !== undefined && samePlan(plan, proposed)
  })
}

function touchesFailure(
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

function textFor(group: UpdateGroup, input: PublishInput): PullRequestText {
  const defaults = DEFAULT_TEMPLATES[input.config.groupBy]
  return renderPullRequest({
    group,
    groupBy: input.config.groupBy,
    images: input.images,
    templates: {
      title: input.config.title ?? defaults.title,
      commitMessage: input.config.commitMessage ?? defaults.commitMessage
    },
    baseBranch: input.base.branch
  })
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

/** Rewrites the title and body only when they differ: no edit, no notification. */
async function syncPullText(
  open: PullRequestInfo,
  text: PullRequestText,
  github: GitHubPort
): Promise<void> {
  if (open.title === text.title && open.body === text.body) return
  await github.updatePull(open.number, { title: text.title, body: text.body })
}
