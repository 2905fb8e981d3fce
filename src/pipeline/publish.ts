/**
 * Publishing, idempotent as a cron job needs (issue: "one verified,
 * idempotent pull request per group"): per group, one commit on the base
 * head, one branch, one pull request; nothing written when the open PR
 * already proposes exactly this on the current base; obsolete PRs closed;
 * PRs a human closed unmerged not reopened for the same digests; a failed
 * lookup never changes or closes a PR.
 */
import type { Chains } from '../core/chains/model.js'
import type { PublishConfig } from '../config/publish-config.js'
import type { UpdateGroup } from '../core/publish/groups.js'
import { groupTexts, groupUpdates } from '../core/publish/groups.js'
import type { EvidenceMap } from '../core/evidence/types.js'
import type { Plan } from '../core/plan.js'
import type { ProposedPlan } from '../core/publish/proposed-plan.js'
import {
  parseProposedPlan,
  proposedPlan,
  samePlan
} from '../core/publish/proposed-plan.js'
import { REBUILD_PENDING } from '../core/publish/rebuild-pending.js'
import {
  refusedWorkflowFiles,
  workflowRefusalNote
} from '../core/publish/workflow-refusal.js'
import type { ImageDetails } from '../core/report/image-details.js'
import { sameBody } from '../core/report/pr-body.js'
import type { GroupOutcome } from '../core/report/pr-summary.js'
import type { PullRequestText } from '../core/report/pr-text.js'
import { defaultTemplates, renderPullRequest } from '../core/report/pr-text.js'
import { cleanUp, touchesFailure } from './cleanup.js'
import type {
  BaseSnapshot,
  GitHubPort,
  Logger,
  PullRequestInfo
} from './ports.js'
import { openPull, syncPullText } from './pull-request.js'

export interface PublishInput {
  readonly plan: Plan
  /** Base-head text of every file the plan changes. */
  readonly baseTexts: ReadonlyMap<string, string>
  readonly images: ReadonlyMap<string, ImageDetails>
  readonly base: BaseSnapshot
  readonly config: PublishConfig
  /** What each bump brings (pipeline/evidence.ts), by evidenceKey; default none. */
  readonly evidence?: EvidenceMap
  /** This run's page, linked where the body has no room for all the evidence. */
  readonly runUrl?: string
  /** The in-repo chains (issue 11): the body says what a bump rebuilds. */
  readonly chains?: Chains
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

/** What every group's publishing shares. */
interface Context {
  readonly input: PublishInput
  readonly github: GitHubPort
  readonly logger: Logger
  /** Keys of images whose lookup failed ('*' when a file could not be read). */
  readonly failedKeys: ReadonlySet<string>
  readonly result: PublishResult
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
  const context: Context = { input, github, logger, failedKeys, result }
  // One group's GitHub failure does not stop the others; the step fails
  // with every group's message, and the next run converges.
  for (const group of groups) {
    const outcome = await logger.group(`Publish ${group.branch}`, async () =>
      publishGroup(group, context).catch((error: unknown): GroupOutcome =>
        failedOutcome(group, error, groups.length > 1, logger)
      )
    )
    result.outcomes.push(outcome)
  }
  // Listed once, after this run's groups: closing and cleaning both read it.
  const open = await github.openPullsWithPrefix(config.branchPrefix)
  const active = new Set(groups.map(g => g.branch))
  result.outcomes.push(
    ...(await cleanUp(open, active, {
      base: input.base,
      config,
      github,
      failedKeys,
      notProposedKeys: new Set(
        input.plan.rows.flatMap(r => (r.notProposed ? [r.key ?? '*'] : []))
      )
    }))
  )
  return result
}

function outcomeOf(
  group: UpdateGroup,
  operation: GroupOutcome['operation'],
  extra: Partial<GroupOutcome> = {}
): GroupOutcome {
  return { group, operation, branch: group.branch, ...extra }
}

/**
 * A group that could not be published: failed, or, when GitHub refused to
 * let this token change its workflow files, waiting for a permission (a
 * warning that says what to grant, not a failure of the run).
 */
function failedOutcome(
  group: UpdateGroup,
  error: unknown,
  others: boolean,
  logger: Logger
): GroupOutcome {
  const refused = refusedWorkflowFiles(error, group.files)
  if (refused === undefined)
    return outcomeOf(group, 'failed', { note: (error as Error).message })
  const note = workflowRefusalNote(refused, error, others)
  logger.warn(note)
  return outcomeOf(group, 'needs-permission', { note })
}

async function publishGroup(
  group: UpdateGroup,
  context: Context
): Promise<GroupOutcome> {
  const { input, github, result } = context
  const text = textFor(group, input)
  const proposed = proposedPlan(group)
  const [open] = await github.pullsForBranch(group.branch, 'open')
  if (open !== undefined)
    return updateOpen(group, open, text, proposed, context)
  const declined = await declinedBefore(group, proposed, github)
  if (declined !== undefined) {
    return outcomeOf(group, 'declined', {
      pullRequestUrl: declined.url,
      note: `#${declined.number} proposed exactly these digests and was closed without merging; not proposed again until a newer digest appears.`
    })
  }
  if (input.config.dryRun)
    return outcomeOf(group, 'dry-run', { note: 'Would open a pull request.' })
  await pushCommit(group, input, github, text)
  const opened = await openPull(group, text, {
    config: input.config,
    base: input.base,
    github,
    logger: context.logger
  })
  result.pushed.push({
    group,
    text,
    ...(opened.pull === undefined ? {} : { pull: opened.pull })
  })
  return outcomeOf(group, opened.operation, opened.extra)
}

/** The group's pull request is open: leave it, or bring it up to date. */
async function updateOpen(
  group: UpdateGroup,
  open: PullRequestInfo,
  text: PullRequestText,
  proposed: ProposedPlan,
  { input, github, failedKeys, result }: Context
): Promise<GroupOutcome> {
  const previous = parseProposedPlan(open.body)
  if (touchesFailure(previous, failedKeys)) {
    return outcomeOf(group, 'kept', {
      pullRequestUrl: open.url,
      note: `A lookup failed for an image this pull request proposes; #${open.number} was left as it is until the registry answers again.`
    })
  }
  const head = await github.branchHead(group.branch)
  const current =
    previous !== undefined &&
    samePlan(previous, proposed) &&
    head?.parents[0] === input.base.commitSha
  if (current && open.title === text.title && sameBody(open.body, text.body)) {
    return outcomeOf(group, 'unchanged', { pullRequestUrl: open.url })
  }
  if (input.config.dryRun)
    return outcomeOf(group, 'dry-run', {
      pullRequestUrl: open.url,
      note: `Would update #${open.number}.`
    })
  if (!current) await pushCommit(group, input, github, text)
  await syncPullText(open, text, github)
  // A rebuild follows a new commit, or one whose dispatch failed last
  // time; a change of wording alone starts nothing.
  if (!current || open.body.includes(REBUILD_PENDING))
    result.pushed.push({ group, pull: open, text })
  return outcomeOf(group, 'updated', { pullRequestUrl: open.url })
}

/** The group's texts, each checked by the re-scan (groupTexts), as one commit on the base. */
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

function textFor(group: UpdateGroup, input: PublishInput): PullRequestText {
  const defaults = defaultTemplates(group, input.config.groupBy)
  return renderPullRequest({
    group,
    groupBy: input.config.groupBy,
    images: input.images,
    templates: {
      title: input.config.title ?? defaults.title,
      commitMessage: input.config.commitMessage ?? defaults.commitMessage
    },
    baseBranch: input.base.branch,
    ...(input.evidence === undefined ? {} : { evidence: input.evidence }),
    ...(input.runUrl === undefined ? {} : { runUrl: input.runUrl }),
    ...(input.chains === undefined ? {} : { chains: input.chains }),
    rebuild: {
      ...(input.config.rebuildWorkflow === undefined
        ? {}
        : { workflow: input.config.rebuildWorkflow }),
      ...(input.config.dispatchEventType === undefined
        ? {}
        : { eventType: input.config.dispatchEventType })
    }
  })
}
