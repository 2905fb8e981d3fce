/**
 * The Action's whole run behind one call (issue 8 part 3): read the base
 * branch, check the rebuild workflow, plan with the same run() as the CLI,
 * publish one verified commit and pull request per group, dispatch the
 * rebuild, and decide whether the step fails. The entry only reads inputs,
 * calls this and writes the report.
 */
import type { Config } from '../config/config.js'
import type { PublishConfig } from '../config/publish-config.js'
import type { Digest } from '../core/digest.js'
import type { EvidenceMap } from '../core/evidence/types.js'
import type { ProposedDigests } from '../core/kept-proposal.js'
import {
  parseProposedPlan,
  proposedDigests
} from '../core/publish/proposed-plan.js'
import type { Resolved } from '../core/resolution.js'
import type { UpdateGroup } from '../core/publish/groups.js'
import { groupUpdates } from '../core/publish/groups.js'
import { imageLocation } from '../core/image-location.js'
import { formatPlatform } from '../core/platform.js'
import type { ImageDetails } from '../core/report/image-details.js'
import type { BaseSnapshot, GitHubPort, Logger } from './ports.js'
import type { PublishResult } from './publish.js'
import { publish } from './publish.js'
import type { RebuildResult } from './rebuild.js'
import { triggerRebuild } from './rebuild.js'
import { readRebuildWorkflow } from './rebuild-workflow.js'
import { gatherEvidence } from './evidence.js'
import type { RunPorts, RunReport } from './run.js'
import { run } from './run.js'

export interface PublishRunPorts {
  readonly github: GitHubPort
  readonly logger: Logger
  /** The run's ports over the base branch's files (the wiring builds them). */
  runPorts(base: BaseSnapshot): Promise<RunPorts>
  /** This workflow run's page, linked where a body has no room for all the evidence. */
  readonly runUrl?: string
}

/** Everything the step's outputs, summary and annotations render. */
export interface PublishReport {
  readonly report: RunReport
  readonly groups: readonly UpdateGroup[]
  readonly published: PublishResult
  readonly rebuild: RebuildResult
  readonly images: ReadonlyMap<string, ImageDetails>
  /** What each bump brings, by evidenceKey (pipeline/evidence.ts). */
  readonly evidence?: EvidenceMap
  readonly dryRun: boolean
  /** Why the step fails, one sentence each; empty when it succeeds. */
  readonly problems: readonly string[]
}

export async function runAndPublish(
  config: Config,
  publishConfig: PublishConfig,
  ports: PublishRunPorts
): Promise<PublishReport> {
  const { github, logger } = ports
  const base = await readBase(github, publishConfig, logger)
  const runPorts = await ports.runPorts(base)
  // Before the registry is asked anything and long before a push.
  const workflow = await readRebuildWorkflow(
    publishConfig,
    base,
    runPorts.files
  )
  const proposed = await openProposals(github, base, publishConfig, logger)
  const report = await run(config, runPorts, 'check', { proposed })
  const images = imageDetails(report)
  const evidence = await readEvidence(report, config, runPorts)
  const published = await publish(
    {
      plan: report.plan,
      baseTexts: new Map(report.changes.map(c => [c.file, c.before])),
      images,
      base,
      config: publishConfig,
      evidence,
      ...(ports.runUrl === undefined ? {} : { runUrl: ports.runUrl }),
      ...(report.chains === undefined ? {} : { chains: report.chains })
    },
    github,
    logger
  )
  const rebuild = await logger.group('Rebuild', async () =>
    triggerRebuild(
      published,
      publishConfig,
      workflow,
      github,
      logger,
      report.chains
    )
  )
  const groups = groupUpdates(
    report.plan,
    publishConfig.groupBy,
    publishConfig.branchPrefix
  )
  return {
    report,
    groups,
    published,
    rebuild,
    images,
    evidence,
    dryRun: publishConfig.dryRun,
    problems: stepProblems(report, published, rebuild)
  }
}

/** The base branch's head and tree; a truncated listing is said. */
async function readBase(
  github: GitHubPort,
  publishConfig: PublishConfig,
  logger: Logger
): Promise<BaseSnapshot> {
  const repository = await github.repository()
  const baseBranch = publishConfig.baseBranch ?? repository.defaultBranch
  const base = await logger.group(`Read ${baseBranch}`, async () =>
    github.baseSnapshot(baseBranch)
  )
  if (base.truncated) {
    logger.warn(
      'The repository tree is too large for one API listing; some files may not be scanned. Narrow the scan with the paths input.'
    )
  }
  return base
}

/**
 * What each proposed bump brings (issue 9), read before anything is
 * published; best effort: it never rejects and never changes the plan.
 */
async function readEvidence(
  report: RunReport,
  config: Config,
  ports: RunPorts
): Promise<EvidenceMap> {
  if (ports.evidence === undefined) return new Map()
  const evidence = ports.evidence
  const { platforms, osv } = config
  return ports.logger.group('Evidence', async () =>
    gatherEvidence(report.plan, { platforms, osv }, evidence, key =>
      imageLocation(key, config.registryMap)
    )
  )
}

/**
 * What the open pull requests from our branches into this base propose
 * (their hidden plan blocks): the run keeps a proposed digest the tag moved
 * on from only in platforms that do not count (issue 9). Best effort: a
 * failed listing only means no PR is kept for that this run.
 */
async function openProposals(
  github: GitHubPort,
  base: BaseSnapshot,
  publishConfig: PublishConfig,
  logger: Logger
): Promise<ProposedDigests> {
  try {
    const open = await github.openPullsWithPrefix(publishConfig.branchPrefix)
    return proposedDigests(
      open
        .filter(pull => pull.baseRef === base.branch)
        .map(pull => parseProposedPlan(pull.body))
    )
  } catch (error) {
    logger.warn(
      `Could not list the open Freshbase pull requests (${(error as Error).message}); an open pull request may be updated this run for a change of platforms you do not build.`
    )
    return new Map()
  }
}

function imageDetails(report: RunReport): Map<string, ImageDetails> {
  const details = new Map<string, ImageDetails>()
  for (const r of report.plan.resolutions) {
    if (r.kind !== 'resolved') continue
    const kept = keptDigest(report, r)
    const manifests =
      kept === undefined ? r.manifests : r.previousManifests?.[kept]
    details.set(r.key, {
      key: r.key,
      digest: kept ?? r.digest,
      platforms: (manifests ?? []).map(m => formatPlatform(m.platform)),
      ...(r.created === undefined || kept !== undefined
        ? {}
        : { created: r.created })
    })
  }
  return details
}

/** The index an open PR proposes that the plan kept for this image instead of the tag's (kept-proposal.ts). */
function keptDigest(report: RunReport, r: Resolved): Digest | undefined {
  const row = report.plan.rows.find(
    row =>
      row.key === r.key &&
      (row.decision === 'update' || row.decision === 'pin') &&
      row.newDigest !== undefined &&
      row.newDigest !== r.digest &&
      r.previousManifests?.[row.newDigest] !== undefined
  )
  return row?.newDigest
}

/**
 * The failure policy: the step fails for images that could not be
 * resolved, a pull request Actions may not create or a group that could
 * not be published, and a rebuild that was not dispatched. Everything else
 * was still planned, published and reported. A workflows group GitHub
 * refused for want of the Workflows permission ('needs-permission') is a
 * warning: the token cannot do it, and a failed step would hide that every
 * other group was published.
 */
function stepProblems(
  report: RunReport,
  published: PublishResult,
  rebuild: RebuildResult
): string[] {
  const problems: string[] = []
  const failed = report.plan.rows.filter(r => r.decision === 'failed').length
  if (failed > 0) {
    problems.push(
      `${failed} image reference(s) could not be resolved (see the annotations); the rest of the plan was handled.`
    )
  }
  for (const outcome of published.outcomes) {
    if (
      (outcome.operation === 'not-permitted' ||
        outcome.operation === 'failed') &&
      outcome.note !== undefined
    )
      problems.push(outcome.note)
  }
  problems.push(...rebuild.failures)
  return problems
}
