/**
 * `freshbase behind [dir]` (issue 11 part 2): are the images this
 * repository publishes built on the base their Dockerfiles name now?
 *
 * Exit status, for a cron job: 0 every image was checked (behind is a
 * finding, not an error: read it from the table or --json); 1 some image
 * could not be checked (not found, denied: the others were still checked);
 * 2 usage or configuration error; 3 with --fail-on-behind, some image is
 * behind or stale (wins over 1, so `|| rebuild` never misses a rebuild).
 */
import type { BehindConfig } from '../config/behind-config.js'
import type { Config } from '../config/config.js'
import type { BehindRunReport } from '../pipeline/behind-run.js'
import { needsRebuild, runBehind } from '../pipeline/behind-run.js'
import type { Logger } from '../pipeline/ports.js'
import { buildPorts } from '../wiring.js'
import {
  renderBehindExplain,
  renderBehindJson,
  renderBehindSummary,
  renderBehindTable,
  SOURCE_DATE_WARNING
} from './render-behind.js'

export const EXIT_BEHIND = 3

export interface BehindCommand {
  readonly json: boolean
  readonly explain: boolean
  readonly write: (text: string) => void
  readonly env: Readonly<Record<string, string | undefined>>
}

export async function behindCommand(
  config: Config,
  behind: BehindConfig,
  command: BehindCommand,
  logger: Logger
): Promise<number> {
  const ports = await buildPorts(config, logger, { env: command.env })
  const report = await runBehind(
    config,
    {
      explain: command.explain,
      ...(behind.maxAgeDays === undefined
        ? {}
        : { maxAgeDays: behind.maxAgeDays })
    },
    ports
  )
  for (const problem of report.problems)
    logger.warn(`${problem.file}:${problem.line}: ${problem.message}`)
  if (command.json) {
    if (report.entries.some(e => e.stale !== undefined))
      logger.warn(`Stale images: ${SOURCE_DATE_WARNING}.`)
    command.write(renderBehindJson(report))
  } else {
    command.write(renderBehindTable(report))
    if (command.explain) command.write(renderBehindExplain(report))
    command.write(renderBehindSummary(report))
  }
  return exitStatus(report, behind.failOnBehind)
}

export function exitStatus(
  report: BehindRunReport,
  failOnBehind: boolean
): number {
  if (failOnBehind && report.entries.some(needsRebuild)) return EXIT_BEHIND
  return report.entries.some(e => e.report.error !== undefined) ? 1 : 0
}
