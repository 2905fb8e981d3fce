/**
 * The Action: inputs → Config → one runAndPublish (the pipeline runs,
 * publishes and dispatches, and decides whether the step fails) → outputs,
 * job summary and annotations. Holds the only setFailed.
 */
import * as core from '@actions/core'
import type { BehindConfig } from '../config/behind-config.js'
import { parseBehindConfig } from '../config/behind-config.js'
import type { Config } from '../config/config.js'
import { ConfigError, parseConfig } from '../config/config.js'
import type { PublishConfig } from '../config/publish-config.js'
import { parsePublishConfig } from '../config/publish-config.js'
import { runBehindMode } from '../pipeline/behind-publish.js'
import { runAndPublish } from '../pipeline/publish-run.js'
import { buildActionPorts } from '../github-wiring.js'
import { writeBehindOutputs, writeBehindSummary } from './behind-outputs.js'
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
    const { config, publishConfig, behindConfig } = readConfig(env)
    const ports = buildActionPorts(config, publishConfig, logger, env)
    if (behindConfig.mode === 'behind') {
      const result = await runBehindMode(
        config,
        behindConfig,
        publishConfig,
        ports
      )
      writeBehindOutputs(result)
      await writeBehindSummary(result)
      if (result.problems.length > 0) core.setFailed(result.problems.join('\n'))
      return
    }
    const report = await runAndPublish(config, publishConfig, ports)
    annotate(report.report, '')
    writeOutputs(report)
    await writeSummary(report)
    if (report.problems.length > 0) core.setFailed(report.problems.join('\n'))
  } catch (error) {
    core.setFailed((error as Error).message)
  }
}

function readConfig(env: Readonly<Record<string, string | undefined>>): {
  config: Config
  publishConfig: PublishConfig
  behindConfig: BehindConfig
} {
  const raw = readInputs(env)
  const problems: string[] = []
  let config: Config | undefined
  try {
    config = parseConfig(raw, env)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    problems.push(...error.problems)
  }
  const publishConfig = parsePublishConfig(raw, env, problems)
  const behindConfig = parseBehindConfig(raw, problems)
  if (problems.length > 0 || config === undefined) {
    throw new ConfigError(problems.map(p => `Input ${p}`))
  }
  return { config, publishConfig, behindConfig }
}
