/**
 * The Action's behind mode (issue 11 part 2): read the default branch,
 * check the images it publishes (behind-run.ts), and when some are behind
 * their base or stale, start their rebuild on the default branch — no
 * branch, no pull request: the Dockerfiles did not change, the images must
 * be built again. workflow_dispatch with the inputs the workflow declares
 * (images, files, levels: JSON), and/or repository_dispatch with them as
 * client_payload (CHAINS.md §B3.1: both start runs with GITHUB_TOKEN).
 */
import type { BehindConfig } from '../config/behind-config.js'
import type { Config } from '../config/config.js'
import type { PublishConfig } from '../config/publish-config.js'
import type { OfferedInput } from '../core/publish/dispatch-inputs.js'
import {
  chooseDispatchInputs,
  withRebuildInputs
} from '../core/publish/dispatch-inputs.js'
import type { BehindEntry, BehindRunReport } from './behind-run.js'
import { needsRebuild, runBehind } from './behind-run.js'
import type { PublishRunPorts } from './publish-run.js'
import type { RebuildWorkflow } from './rebuild-workflow.js'
import { readRebuildWorkflow } from './rebuild-workflow.js'

export interface BehindPublishReport {
  readonly behind: BehindRunReport
  /** The default branch: read, and where the rebuild was dispatched. */
  readonly branch: string
  /** Sentences for the job summary (what was dispatched, what was not sent). */
  readonly notes: readonly string[]
  readonly dispatched: number
  readonly dryRun: boolean
  /** Why the step fails, one sentence each; empty when it succeeds. */
  readonly problems: readonly string[]
}

/** What a rebuild is offered: images (refs), files (Dockerfiles), levels. */
export interface RebuildRequest {
  readonly images: readonly string[]
  readonly files: readonly string[]
  readonly levels: readonly (readonly string[])[]
}

export async function runBehindMode(
  config: Config,
  behindConfig: BehindConfig,
  publishConfig: PublishConfig,
  ports: PublishRunPorts
): Promise<BehindPublishReport> {
  const { github, logger } = ports
  const branch = (await github.repository()).defaultBranch
  const base = await logger.group(`Read ${branch}`, async () =>
    github.baseSnapshot(branch)
  )
  const runPorts = await ports.runPorts(base)
  // Before the registry is asked anything: a workflow that cannot be dispatched fails now.
  const workflow = await readRebuildWorkflow(
    publishConfig,
    base,
    runPorts.files,
    'No image was checked and nothing was dispatched.'
  )
  const behind = await runBehind(
    config,
    {
      explain: true,
      ...(behindConfig.maxAgeDays === undefined
        ? {}
        : { maxAgeDays: behindConfig.maxAgeDays })
    },
    runPorts
  )
  const request = rebuildRequest(behind)
  const sent =
    request.images.length > 0 && !publishConfig.dryRun
      ? await dispatchRebuild(
          request,
          behind,
          branch,
          workflow,
          publishConfig,
          ports
        )
      : { notes: [], failures: [], dispatched: 0 }
  return {
    behind,
    branch,
    notes: sent.notes,
    dispatched: sent.dispatched,
    dryRun: publishConfig.dryRun,
    problems: [...checkProblems(behind), ...sent.failures]
  }
}

interface Sent {
  readonly notes: string[]
  readonly failures: string[]
  dispatched: number
}

/** workflow_dispatch on the default branch and/or repository_dispatch; a failure is said, never thrown. */
async function dispatchRebuild(
  request: RebuildRequest,
  behind: BehindRunReport,
  branch: string,
  workflow: RebuildWorkflow | undefined,
  publishConfig: PublishConfig,
  { github, logger }: PublishRunPorts
): Promise<Sent> {
  const sent: Sent = { notes: [], failures: [], dispatched: 0 }
  const attempt = async (
    what: string,
    call: () => Promise<void>
  ): Promise<void> => {
    try {
      await call()
      sent.dispatched++
      sent.notes.push(`Dispatched ${what}.`)
    } catch (error) {
      const message = `Could not dispatch ${what}: ${(error as Error).message}. The next scheduled run checks again and dispatches what is still behind.`
      logger.error(message)
      sent.failures.push(message)
    }
  }
  if (workflow !== undefined) {
    const offered = offeredInputs(request, publishConfig)
    const { send, note } = chosenInputs(workflow, offered)
    if (note !== undefined) sent.notes.push(note)
    await attempt(`workflow "${workflow.id}" on ${branch}`, async () =>
      github.dispatchWorkflow(workflow.id, branch, send)
    )
  }
  const eventType = publishConfig.dispatchEventType
  if (eventType !== undefined) {
    await attempt(`repository_dispatch "${eventType}"`, async () =>
      github.repositoryDispatch(
        eventType,
        clientPayload(branch, request, behind)
      )
    )
  }
  return sent
}

/**
 * The images behind or stale, their Dockerfiles with every Dockerfile built
 * on them, in chain order; `images` also names the images those
 * descendants publish, so a receiver that pushes by image has every tag.
 */
export function rebuildRequest(behind: BehindRunReport): RebuildRequest {
  const rebuild = behind.entries.filter(needsRebuild)
  const direct = rebuild.flatMap(e =>
    e.report.image.dockerfile === undefined ? [] : [e.report.image.dockerfile]
  )
  const files = [...new Set([...behind.levels.flat(), ...direct])]
  const built = behind.entries.filter(
    e =>
      e.report.image.dockerfile !== undefined &&
      files.includes(e.report.image.dockerfile)
  )
  const images = [
    ...new Set([...rebuild, ...built].map(e => e.report.image.image))
  ].sort()
  return { images, files, levels: behind.levels }
}

function offeredInputs(
  request: RebuildRequest,
  config: PublishConfig
): OfferedInput[] {
  const ours: OfferedInput[] = [
    {
      name: 'images',
      value: JSON.stringify(request.images),
      source: 'Freshbase'
    },
    {
      name: 'files',
      value: JSON.stringify(request.files),
      source: 'Freshbase'
    },
    {
      name: 'levels',
      value: JSON.stringify(request.levels),
      source: 'Freshbase'
    }
  ]
  return withRebuildInputs(ours, config.rebuildInputs)
}

/** Only the inputs the workflow declares (GitHub refuses others), and a note naming the rest. */
function chosenInputs(
  workflow: RebuildWorkflow,
  offered: readonly OfferedInput[]
): { send: Record<string, string>; note?: string } {
  if (workflow.declared === undefined) {
    const send = Object.fromEntries(offered.map(i => [i.name, i.value]))
    return workflow.unchecked === undefined
      ? { send }
      : { send, note: workflow.unchecked }
  }
  const { send, leftOut } = chooseDispatchInputs(workflow.declared, offered)
  if (leftOut.length === 0) return { send: { ...send } }
  const names = leftOut.map(i => `${i.name} (${i.source})`).join(', ')
  return {
    send: { ...send },
    note: `Not sent to ${workflow.id}: ${names}. ${workflow.path ?? workflow.id} declares no such input under on.workflow_dispatch.inputs, and GitHub refuses a dispatch with inputs the workflow does not declare; declare them there to receive them.`
  }
}

/** At most 10 top-level keys (GitHub's limit for client_payload). */
function clientPayload(
  branch: string,
  request: RebuildRequest,
  behind: BehindRunReport
): Record<string, unknown> {
  return {
    mode: 'behind',
    branch,
    images: request.images,
    files: request.files,
    levels: request.levels,
    behind: behind.entries.filter(needsRebuild).map(behindJson)
  }
}

/** One image behind or stale, as the `behind` output and the payload carry it. */
export function behindJson(entry: BehindEntry): Record<string, unknown> {
  const { report, stale } = entry
  const moved = report.platforms.flatMap(v =>
    v.status === 'behind' ? [v] : []
  )
  const first = moved[0]
  return {
    image: report.image.image,
    dockerfile: report.image.dockerfile ?? null,
    base: report.image.base,
    status: report.status,
    platforms: moved.map(v => v.platform),
    from: first?.builtOn ?? null,
    to: first?.now ?? report.baseNow ?? null,
    stale: stale !== undefined,
    created: report.created ?? null
  }
}

function checkProblems(behind: BehindRunReport): string[] {
  const failed = behind.entries.filter(e => e.report.error !== undefined)
  if (failed.length === 0) return []
  return [
    `${failed.length} published image(s) could not be checked: ${failed
      .map(e => e.report.error)
      .join(' ')}`
  ]
}
