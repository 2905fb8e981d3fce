/**
 * Starting the rebuild after a push (FACTS.md §6.4). A pull request opened
 * with GITHUB_TOKEN starts no pull_request workflow; workflow_dispatch (on
 * the PR branch) and repository_dispatch always run.
 */
import type { PublishConfig } from '../config/publish-config.js'
import type { PullRequestText } from '../core/report/pr-text.js'
import type { PublishResult } from './publish.js'
import type { GitHubPort, Logger } from './ports.js'

export interface RebuildResult {
  /** Sentences for the job summary. */
  readonly notes: string[]
  dispatched: number
  readonly failures: string[]
}

/**
 * Left at the end of a pull request's body when its rebuild could not be
 * dispatched. The body then differs from the one the next run renders, so
 * that run rewrites it (dropping the mark) and dispatches again.
 */
export const REBUILD_PENDING = '<!-- freshbase:rebuild-pending -->'

export async function triggerRebuild(
  published: PublishResult,
  config: PublishConfig,
  github: GitHubPort,
  logger: Logger
): Promise<RebuildResult> {
  const result: RebuildResult = { notes: [], dispatched: 0, failures: [] }
  if (published.pushed.length === 0 || config.dryRun) return result
  for (const { group, pull, text } of published.pushed) {
    const files = JSON.stringify(group.files)
    const images = JSON.stringify(
      [...new Set(group.updates.map(u => u.image.replace(/@.*$/, '')))].sort()
    )
    const failed: string[] = []
    if (config.rebuildWorkflow !== undefined) {
      await attempt(
        result,
        failed,
        `workflow "${config.rebuildWorkflow}" on ${group.branch}`,
        async () =>
          github.dispatchWorkflow(config.rebuildWorkflow ?? '', group.branch, {
            ...config.rebuildInputs,
            files,
            images
          })
      )
    }
    if (config.dispatchEventType !== undefined) {
      await attempt(
        result,
        failed,
        `repository_dispatch "${config.dispatchEventType}" for ${group.branch}`,
        async () =>
          github.repositoryDispatch(config.dispatchEventType ?? '', {
            branch: group.branch,
            base: config.baseBranch ?? null,
            pull_request: pull?.number ?? null,
            pull_request_url: pull?.url ?? null,
            files: group.files,
            updates: group.updates.map(u => ({
              file: u.file,
              line: u.line,
              image: u.image,
              from: u.from ?? null,
              to: u.to
            }))
          })
      )
    }
    if (failed.length === 0) continue
    const retry = await markPending(pull?.number, text, github)
    for (const message of failed) {
      const full = `${message}${/[.!?]$/.test(message) ? '' : '.'} ${retry}`
      logger.error(full)
      result.failures.push(full)
      result.notes.push(full)
    }
  }
  if (
    config.rebuildWorkflow === undefined &&
    config.dispatchEventType === undefined &&
    looksLikeActionsToken(config.token)
  ) {
    result.notes.push(
      "No CI will run on this pull request when token is the workflow's GITHUB_TOKEN (the default): a pull request opened with it does not start pull_request workflows. " +
        'Set rebuild-workflow (a workflow with on: workflow_dispatch, dispatched on the PR branch), or dispatch-event-type, ' +
        'or pass a GitHub App token or PAT as token.'
    )
  }
  return result
}

async function attempt(
  result: RebuildResult,
  failed: string[],
  what: string,
  call: () => Promise<void>
): Promise<void> {
  try {
    await call()
    result.dispatched++
    result.notes.push(`Dispatched ${what}.`)
  } catch (error) {
    failed.push(`Could not dispatch ${what}: ${(error as Error).message}`)
  }
}

/** Marks the pull request so the next run dispatches again; says what happens next. */
async function markPending(
  number: number | undefined,
  text: PullRequestText,
  github: GitHubPort
): Promise<string> {
  // No pull request (not permitted): the next run pushes the branch again anyway.
  if (number === undefined)
    return 'The next run pushes the branch and dispatches again.'
  try {
    await github.updatePull(number, {
      title: text.title,
      body: `${text.body}\n${REBUILD_PENDING}`
    })
    return `The next run dispatches the rebuild of #${number} again.`
  } catch (error) {
    return `The next run will not dispatch it again by itself (marking #${number} failed: ${(error as Error).message}); once that is fixed, start the rebuild by hand on the pull request branch.`
  }
}

/**
 * GITHUB_TOKEN is an installation token (ghs_…). A GitHub App token looks the
 * same, so the summary's wording says "if"; PATs (ghp_, github_pat_) do start CI.
 */
function looksLikeActionsToken(token: string): boolean {
  return token.startsWith('ghs_')
}
