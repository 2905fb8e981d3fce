/**
 * The Action entry: inputs → Config → the same wiring and run() as the CLI →
 * outputs. Holds the only setFailed.
 */
import * as core from '@actions/core'
import path from 'node:path'
import { parseConfig } from '../config/config.js'
import { hasFailures } from '../core/plan.js'
import { run } from '../pipeline/run.js'
import { buildPorts } from '../wiring.js'
import { readInputs } from './inputs.js'
import { createActionLogger } from './logger.js'

export async function runAction(): Promise<void> {
  try {
    const logger = createActionLogger()
    const config = parseConfig(readInputs(process.env))
    const ports = await buildPorts(config, logger, { env: process.env })
    const dryRun = core.getInput('dry-run') === 'true'
    const report = await run(config, ports, dryRun ? 'check' : 'apply')
    for (const row of report.plan.rows) {
      const where = { file: path.join(config.root, row.file), line: row.line }
      for (const warning of row.warnings) logger.warn(warning, where)
      if (row.decision === 'failed')
        logger.error(`${row.reason ?? ''} ${row.hint ?? ''}`, where)
    }
    const updates = report.plan.rows
      .filter(r => r.decision === 'pin' || r.decision === 'update')
      .map(r => ({
        file: r.file,
        line: r.line,
        image: r.image,
        from: r.currentDigest ?? null,
        to: r.newDigest
      }))
    core.setOutput('updated', report.changes.length > 0)
    core.setOutput(
      'changed-files',
      JSON.stringify(report.changes.map(c => c.file))
    )
    core.setOutput('updates', JSON.stringify(updates))
    if (hasFailures(report.plan))
      core.setFailed('Some images could not be resolved; see the errors above.')
  } catch (error) {
    core.setFailed((error as Error).message)
  }
}
