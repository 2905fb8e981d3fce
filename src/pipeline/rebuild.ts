/**
 * Starting the rebuild after a push (FACTS.md §6.4). A pull request opened
 * with GITHUB_TOKEN starts no pull_request workflow; workflow_dispatch (on
 * the PR branch) and repository_dispatch always run.
 */
import type { PublishConfig } from '../config/publish-config.js'
import type { PublishResult } from './publish.js'
import type { GitHubPort, Logger } from './ports.js'

export interface RebuildResult {
  /** Sentences for the job summary. */
  readonly notes: string[]
  dispatched: number
  readonly failures: string[]
}

export async function triggerRebuild(
  published: PublishResult,
  config: PublishConfig,
  github: GitHubPort,
  logger: Logger
): Promise<RebuildResult> {
  const result: RebuildResult = { notes: [], dispatched: 0, failures: [] }
  if (published.pushed.length === 0 || config.dryRun) return result
  for (const { group, pull } of published.pushed) {
    const files = JSON.stringify(group.files)
    const images = JSON.stringify(
      [...new Set(group.updates.map(u => u.image.replace(/@.*$/, '')))].sort()
    )
    if (config.rebuildWorkflow !== undefined) {
      await attempt(
        result,
        logger,
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
        logger,
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
  logger: Logger,
  what: string,
  call: () => Promise<void>
): Promise<void> {
  try {
    await call()
    result.dispatched++
    result.notes.push(`Dispatched ${what}.`)
  } catch (error) {
    const message = `Could not dispatch ${what}: ${(error as Error).message}`
    logger.error(message)
    result.failures.push(message)
    result.notes.push(message)
  }
}

/**
 * GITHUB_TOKEN is an installation token (ghs_…). A GitHub App token looks the
 * same, so the summary's wording says "if"; PATs (ghp_, github_pat_) do start CI.
 */
function looksLikeActionsToken(token: string): boolean {
  return token.startsWith('ghs_')
}
