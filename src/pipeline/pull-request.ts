/**
 * Opening a group's pull request once its branch is pushed: converging on
 * one another run (or a lost answer) already opened, and saying which
 * setting to change when Actions may not open pull requests at all.
 */
import type { PublishConfig } from '../config/publish-config.js'
import type { UpdateGroup } from '../core/publish/groups.js'
import { sameBody } from '../core/report/pr-body.js'
import type { GroupOutcome } from '../core/report/pr-summary.js'
import type { PullRequestText } from '../core/report/pr-text.js'
import type {
  BaseSnapshot,
  GitHubPort,
  Logger,
  PullRequestInfo
} from './ports.js'

export interface PullContext {
  readonly config: PublishConfig
  readonly base: BaseSnapshot
  readonly github: GitHubPort
  readonly logger: Logger
}

export interface Opened {
  readonly operation: 'created' | 'updated' | 'not-permitted'
  /** The pull request the rebuild follows; none when Actions may not open one. */
  readonly pull?: PullRequestInfo
  readonly extra: Partial<GroupOutcome>
}

export async function openPull(
  group: UpdateGroup,
  text: PullRequestText,
  context: PullContext
): Promise<Opened> {
  const { config, base, github, logger } = context
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
      await finishPull(open, context)
      return {
        operation: 'updated',
        pull: open,
        extra: { pullRequestUrl: open.url }
      }
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
    const compareUrl = `${config.serverUrl}/${config.owner}/${config.repo}/compare/${encodeURIComponent(base.branch)}...${encodeURIComponent(group.branch)}?expand=1`
    const note =
      'GitHub Actions is not permitted to create pull requests in this repository. ' +
      'Enable Settings → Actions → General → Workflow permissions → "Allow GitHub Actions to create and approve pull requests" ' +
      '(and the same setting of the organization), or pass a PAT / GitHub App token. ' +
      `The branch ${group.branch} was pushed; open the pull request from ${compareUrl}`
    logger.warn(note)
    return { operation: 'not-permitted', extra: { compareUrl, note } }
  }
  await finishPull(created.pull, context)
  return {
    operation: 'created',
    pull: created.pull,
    extra: { pullRequestUrl: created.pull.url }
  }
}

/** Labels, reviewers, assignees, auto-merge: each a warning when refused. */
async function finishPull(
  pull: PullRequestInfo,
  { config, github, logger }: PullContext
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

/**
 * Rewrites the title and body only when they differ (a new run link alone is
 * no difference): no edit, no notification.
 */
export async function syncPullText(
  open: PullRequestInfo,
  text: PullRequestText,
  github: GitHubPort
): Promise<void> {
  if (open.title === text.title && sameBody(open.body, text.body)) return
  await github.updatePull(open.number, { title: text.title, body: text.body })
}
