/**
 * Starting the rebuild after a push (FACTS.md §6.4). A pull request opened
 * with GITHUB_TOKEN starts no pull_request workflow; workflow_dispatch (on
 * the PR branch) and repository_dispatch always run.
 */
import type { PublishConfig } from '../config/publish-config.js'
import { rebuildLevels } from '../core/chains/levels.js'
import type { Chains } from '../core/chains/model.js'
import { dispatchFiles } from '../core/chains/rebuild-plan.js'
import { kindByName } from '../core/file-kind.js'
import type { OfferedInput } from '../core/publish/dispatch-inputs.js'
import {
  chooseDispatchInputs,
  withRebuildInputs
} from '../core/publish/dispatch-inputs.js'
import type { UpdateGroup } from '../core/publish/groups.js'
import { REBUILD_PENDING } from '../core/publish/rebuild-pending.js'
import type { PullRequestText } from '../core/report/pr-text.js'
import type { PublishResult } from './publish.js'
import type { GitHubPort, Logger, PullRequestInfo } from './ports.js'
import type { RebuildWorkflow } from './rebuild-workflow.js'

export interface RebuildResult {
  /** Sentences for the job summary. */
  readonly notes: string[]
  dispatched: number
  readonly failures: string[]
}

type Pushed = PublishResult['pushed'][number]

export async function triggerRebuild(
  published: PublishResult,
  config: PublishConfig,
  workflow: RebuildWorkflow | undefined,
  github: GitHubPort,
  logger: Logger,
  chains?: Chains
): Promise<RebuildResult> {
  const result: RebuildResult = { notes: [], dispatched: 0, failures: [] }
  if (published.pushed.length > 0 && !config.dryRun) {
    for (const pushed of published.pushed) {
      const failed = await dispatchGroup(
        pushed,
        config,
        workflow,
        github,
        chains
      )
      for (const message of failed.messages) result.notes.push(message)
      result.dispatched += failed.dispatched
      if (failed.errors.length === 0) continue
      const retry = await markPending(pushed.pull?.number, pushed.text, github)
      for (const error of failed.errors) {
        const full = `${error}${/[.!?]$/.test(error) ? '' : '.'} ${retry}`
        logger.error(full)
        result.failures.push(full)
        result.notes.push(full)
      }
    }
    const [first] = published.pushed
    if (workflow !== undefined && first !== undefined)
      result.notes.push(
        ...inputNotes(workflow, offeredInputs(first, config, chains))
      )
  }
  if (
    workflow === undefined &&
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

/** One group's dispatches: what was sent, and what failed. */
async function dispatchGroup(
  { group, pull }: Pushed,
  config: PublishConfig,
  workflow: RebuildWorkflow | undefined,
  github: GitHubPort,
  chains: Chains | undefined
): Promise<{ messages: string[]; errors: string[]; dispatched: number }> {
  const done = { messages: [] as string[], errors: [] as string[] }
  const attempt = async (
    what: string,
    call: () => Promise<void>
  ): Promise<void> => {
    try {
      await call()
      done.messages.push(`Dispatched ${what}.`)
    } catch (error) {
      done.errors.push(
        `Could not dispatch ${what}: ${(error as Error).message}`
      )
    }
  }
  if (workflow !== undefined) {
    const offered = offeredInputs({ group }, config, chains)
    const inputs =
      workflow.declared === undefined
        ? Object.fromEntries(offered.map(i => [i.name, i.value]))
        : chooseDispatchInputs(workflow.declared, offered).send
    await attempt(`workflow "${workflow.id}" on ${group.branch}`, async () =>
      github.dispatchWorkflow(workflow.id, group.branch, inputs)
    )
  }
  const eventType = config.dispatchEventType
  if (eventType !== undefined) {
    await attempt(
      `repository_dispatch "${eventType}" for ${group.branch}`,
      async () =>
        github.repositoryDispatch(
          eventType,
          clientPayload(group, pull, config, chains)
        )
    )
  }
  return { ...done, dispatched: done.messages.length }
}

/**
 * What Freshbase offers the workflow: the rebuild-inputs, then files,
 * images and levels (JSON), which win over a rebuild-input of the same
 * name. `files`: the group's changed files as before, then the Dockerfiles
 * built here on them (issue 11); `levels` (when the repository builds
 * images on each other): the changed Dockerfiles and those descendants in
 * build order.
 */
function offeredInputs(
  { group }: { readonly group: UpdateGroup },
  config: PublishConfig,
  chains: Chains | undefined
): OfferedInput[] {
  const images = [
    ...new Set(group.updates.map(u => u.image.replace(/@.*$/, '')))
  ].sort()
  const levels = groupLevels(group, chains)
  const files = dispatchFiles(group.files, levels)
  const ours: OfferedInput[] = [
    { name: 'files', value: JSON.stringify(files), source: 'Freshbase' },
    { name: 'images', value: JSON.stringify(images), source: 'Freshbase' }
  ]
  // Offered only where images are built on each other here: a workflow
  // without chains is not told about an input it has no use for.
  if ((chains?.edges.length ?? 0) > 0)
    ours.push({
      name: 'levels',
      value: JSON.stringify(levels),
      source: 'Freshbase'
    })
  return withRebuildInputs(ours, config.rebuildInputs)
}

/** Says which inputs were not sent and why, or why they were not checked. */
function inputNotes(
  workflow: RebuildWorkflow,
  offered: readonly OfferedInput[]
): string[] {
  if (workflow.declared === undefined)
    return workflow.unchecked === undefined ? [] : [workflow.unchecked]
  const { leftOut } = chooseDispatchInputs(workflow.declared, offered)
  if (leftOut.length === 0) return []
  const names = leftOut.map(i => `${i.name} (${i.source})`).join(', ')
  return [
    `Not sent to ${workflow.id}: ${names}. ${workflow.path ?? workflow.id} declares no such input under on.workflow_dispatch.inputs, and GitHub refuses a dispatch with inputs the workflow does not declare; declare them there to receive them.`
  ]
}

/**
 * The group's changed Dockerfiles and every descendant, in levels. A file
 * of no kind by name was included literally: a Dockerfile (select.ts).
 */
function groupLevels(
  group: UpdateGroup,
  chains: Chains | undefined
): string[][] {
  const dockerfiles = group.files.filter(file => {
    const kind = kindByName(file)
    return kind === undefined || kind === 'dockerfile'
  })
  if (chains === undefined) return dockerfiles.length === 0 ? [] : [dockerfiles]
  return rebuildLevels(chains, dockerfiles)
}

function clientPayload(
  group: UpdateGroup,
  pull: PullRequestInfo | undefined,
  config: PublishConfig,
  chains: Chains | undefined
): Record<string, unknown> {
  const levels = groupLevels(group, chains)
  return {
    branch: group.branch,
    base: config.baseBranch ?? null,
    pull_request: pull?.number ?? null,
    pull_request_url: pull?.url ?? null,
    files: dispatchFiles(group.files, levels),
    levels,
    updates: group.updates.map(u => ({
      file: u.file,
      line: u.line,
      image: u.image,
      from: u.from ?? null,
      to: u.to
    }))
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
