/**
 * The Action: inputs → Config → the same wiring and run() as the CLI →
 * publish (one verified commit and pull request per group) → rebuild →
 * outputs and job summary. Holds the only setFailed.
 */
import * as core from '@actions/core'
import type { Config } from '../config/config.js'
import { ConfigError, parseConfig } from '../config/config.js'
import type { PublishConfig } from '../config/publish-config.js'
import { parsePublishConfig } from '../config/publish-config.js'
import { groupUpdates } from '../core/publish/groups.js'
import { formatPlatform } from '../core/platform.js'
import type { ImageDetails } from '../core/report/image-details.js'
import type { GitHubPort, Logger } from '../pipeline/ports.js'
import { publish } from '../pipeline/publish.js'
import { triggerRebuild } from '../pipeline/rebuild.js'
import type { RunReport } from '../pipeline/run.js'
import { run } from '../pipeline/run.js'
import { buildPorts } from '../wiring.js'
import { buildBaseFileStore, buildGitHub } from '../github-wiring.js'
import { readInputs } from './inputs.js'
import { createActionLogger } from './logger.js'
import { annotate, writeOutputs, writeSummary } from './outputs.js'

export async function runAction(
  env: Readonly<Record<string, string | undefined>> = process.env
): Promise<void> {
  try {
    const logger = createActionLogger()
    // Masked before anything else can print it, even a configuration error.
    logger.secret(core.getInput('token'))
    const { config, publishConfig } = readConfig(env)
    const github = buildGitHub(publishConfig, logger, env)
    const { report, base } = await plan(
      config,
      publishConfig,
      github,
      logger,
      env
    )
    const baseTexts = new Map(report.changes.map(c => [c.file, c.before]))
    const images = imageDetails(report)
    const published = await publish(
      { plan: report.plan, baseTexts, images, base, config: publishConfig },
      github,
      logger
    )
    const rebuild = await logger.group('Rebuild', async () =>
      triggerRebuild(published, publishConfig, github, logger)
    )
    const groups = groupUpdates(
      report.plan,
      publishConfig.groupBy,
      publishConfig.branchPrefix
    )
    const result = {
      report,
      groups,
      published,
      rebuild,
      images,
      dryRun: publishConfig.dryRun
    }
    annotate(report, '')
    writeOutputs(result)
    await writeSummary(result)
    const problems = stepProblems(result)
    if (problems.length > 0) core.setFailed(problems.join('\n'))
  } catch (error) {
    core.setFailed((error as Error).message)
  }
}

function readConfig(env: Readonly<Record<string, string | undefined>>): {
  config: Config
  publishConfig: PublishConfig
} {
  const raw = readInputs(env)
  const problems: string[] = []
  let config: Config | undefined
  try {
    config = parseConfig(raw)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    problems.push(...error.problems)
  }
  const publishConfig = parsePublishConfig(raw, env, problems)
  if (problems.length > 0 || config === undefined) {
    throw new ConfigError(problems.map(p => `Input ${p}`))
  }
  return { config, publishConfig }
}

async function plan(
  config: Config,
  publishConfig: PublishConfig,
  github: GitHubPort,
  logger: Logger,
  env: Readonly<Record<string, string | undefined>>
): Promise<{
  report: RunReport
  base: Awaited<ReturnType<GitHubPort['baseSnapshot']>>
}> {
  const repository = await github.repository()
  const baseBranch = publishConfig.baseBranch ?? repository.defaultBranch
  const base = await logger.group(`Read ${baseBranch}`, async () =>
    github.baseSnapshot(baseBranch)
  )
  if (base.truncated) {
    logger.warn(
      'The repository tree is too large for one API listing; some Dockerfiles may not be scanned. Narrow the scan with the paths input.'
    )
  }
  const files = buildBaseFileStore(
    base,
    github,
    env['GITHUB_WORKSPACE'],
    publishConfig.paths
  )
  const ports = await buildPorts(config, logger, { env, files })
  const report = await run(config, ports, 'check')
  return { report, base }
}

function imageDetails(report: RunReport): Map<string, ImageDetails> {
  const details = new Map<string, ImageDetails>()
  for (const r of report.plan.resolutions) {
    if (r.kind !== 'resolved') continue
    details.set(r.key, {
      key: r.key,
      digest: r.digest,
      platforms: (r.manifests ?? []).map(m => formatPlatform(m.platform)),
      ...(r.created === undefined ? {} : { created: r.created })
    })
  }
  return details
}

/**
 * Why the step fails, when it does: images that could not be resolved, a
 * pull request Actions may not create, a rebuild that was not dispatched.
 * Everything else was still planned, published and reported.
 */
function stepProblems(result: {
  readonly report: RunReport
  readonly published: {
    readonly outcomes: readonly { operation: string; note?: string }[]
  }
  readonly rebuild: { readonly failures: readonly string[] }
}): string[] {
  const problems: string[] = []
  const failed = result.report.plan.rows.filter(
    r => r.decision === 'failed'
  ).length
  if (failed > 0) {
    problems.push(
      `${failed} image reference(s) could not be resolved (see the annotations); the rest of the plan was handled.`
    )
  }
  for (const outcome of result.published.outcomes) {
    if (
      (outcome.operation === 'not-permitted' ||
        outcome.operation === 'failed') &&
      outcome.note !== undefined
    )
      problems.push(outcome.note)
  }
  problems.push(...result.rebuild.failures)
  return problems
}
