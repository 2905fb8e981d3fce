/**
 * `freshbase check|apply [dir]`: argv → the same Config and wiring as the
 * Action. The only place that reads argv. Exit codes: 0 all resolved,
 * 1 some images failed, 2 usage or configuration error.
 */
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import type { RawConfig, RawValue } from '../config/fields.js'
import type { Config } from '../config/config.js'
import { CORE_KEYS, ConfigError, parseConfig } from '../config/config.js'
import { chainWarnings } from '../core/chains/rebuild-plan.js'
import type { EvidenceMap } from '../core/evidence/types.js'
import { imageLocation } from '../core/image-location.js'
import { hasFailures } from '../core/plan.js'
import { createConsoleLogger } from '../log/logger.js'
import { gatherEvidence } from '../pipeline/evidence.js'
import type { RunPorts, RunReport } from '../pipeline/run.js'
import { run } from '../pipeline/run.js'
import { buildPorts } from '../wiring.js'
import { VERSION } from '../version.js'
import { parseBehindConfig } from '../config/behind-config.js'
import { behindCommand } from './behind.js'
import { renderExplain } from './explain.js'
import { HELP } from './help.js'
import { renderDiff, renderJson, renderSummary, renderTable } from './render.js'

export interface CliIO {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly env: Readonly<Record<string, string | undefined>>
}

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  json: { type: 'boolean' },
  diff: { type: 'boolean' },
  explain: { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  kinds: { type: 'string', multiple: true },
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  config: { type: 'string' },
  'docker-config': { type: 'string' },
  'insecure-registry': { type: 'string', multiple: true },
  'registry-map': { type: 'string', multiple: true },
  concurrency: { type: 'string' },
  timeout: { type: 'string' },
  'pin-unpinned': { type: 'boolean' },
  'no-pin-unpinned': { type: 'boolean' },
  ignore: { type: 'string', multiple: true },
  platforms: { type: 'string', multiple: true },
  osv: { type: 'boolean' },
  'no-osv': { type: 'boolean' },
  'osv-url': { type: 'string' },
  'max-age': { type: 'string' },
  'fail-on-behind': { type: 'boolean' },
  image: { type: 'string', multiple: true },
  'pin-built-here': { type: 'boolean' }
} as const

export async function runCli(
  argv: readonly string[],
  io: CliIO
): Promise<number> {
  const logger = createConsoleLogger({
    verbose: argv.includes('--verbose'),
    write: io.stderr
  })
  try {
    const args = parseArguments(argv)
    if (args.values.help === true) return print(io.stdout, HELP, 0)
    if (args.values.version === true) return print(io.stdout, VERSION, 0)
    const [command, dir, ...extra] = args.positionals
    if (command !== 'check' && command !== 'apply' && command !== 'behind') {
      return usageError(
        io,
        `unknown command "${command ?? ''}": use "check", "apply" or "behind".`
      )
    }
    if (extra.length > 0)
      return usageError(io, `unexpected argument "${extra[0] ?? ''}".`)
    const raw = await rawConfig(args.values, dir)
    const config = parseConfig(raw, io.env)
    if (command === 'behind')
      return await runBehindCli(raw, config, args.values, io, logger)
    const ports = await buildPorts(config, logger, { env: io.env })
    const report = await run(config, ports, command)
    for (const row of report.plan.rows) {
      for (const warning of row.warnings) logger.warn(warning)
    }
    for (const warning of chainWarnings(report.chains)) logger.warn(warning)
    const evidence =
      args.values.explain === true
        ? await explainEvidence(report, config, ports)
        : undefined
    const write = (text: string): void => io.stdout(logger.mask(text))
    if (args.values.json === true) {
      write(renderJson(report, command, evidence))
    } else {
      write(renderTable(report))
      if (args.values.diff === true && report.changes.length > 0) {
        io.stdout(renderDiff(report.changes))
      }
      if (evidence !== undefined) write(renderExplain(report, evidence))
      write(renderSummary(report, command))
    }
    return hasFailures(report.plan) ? 1 : 0
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UsageError) {
      return usageError(io, logger.mask(error.message))
    }
    io.stderr(logger.mask(`error: ${(error as Error).message}`))
    return 2
  }
}

class UsageError extends Error {}

/** `freshbase behind`: its own settings (config/behind-config.ts), then cli/behind.ts. */
async function runBehindCli(
  raw: RawConfig,
  config: Config,
  values: Values,
  io: CliIO,
  logger: ReturnType<typeof createConsoleLogger>
): Promise<number> {
  const problems: string[] = []
  const behind = parseBehindConfig(raw, problems)
  if (problems.length > 0) throw new ConfigError(problems)
  const write = (text: string): void => io.stdout(logger.mask(text))
  const shown = { json: values.json === true, explain: values.explain === true }
  return behindCommand(config, behind, { ...shown, write, env: io.env }, logger)
}

/**
 * `--explain`: the evidence of each proposed change (issue 9), read after
 * the run through the run's own registry client (its slots and cache) and
 * OSV; best effort, it never changes the plan or the exit status.
 */
async function explainEvidence(
  report: RunReport,
  config: Config,
  ports: RunPorts
): Promise<EvidenceMap> {
  if (ports.evidence === undefined) return new Map()
  const { platforms, osv } = config
  return gatherEvidence(report.plan, { platforms, osv }, ports.evidence, key =>
    imageLocation(key, config.registryMap)
  )
}

type Values = ReturnType<typeof parseArguments>['values']

// The return type is parseArgs' own, inferred from OPTIONS; spelling it out
// would repeat OPTIONS.
// eslint-disable-next-line @typescript-eslint/explicit-function-return-type
function parseArguments(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

/** Config file first, then command-line options on top; the same keys as the action inputs. */
async function rawConfig(
  values: Values,
  dir: string | undefined
): Promise<RawConfig> {
  const fromFile =
    values.config === undefined ? {} : await readConfigFile(values.config)
  const fromArgs: Record<string, RawValue> = {
    root: dir,
    kinds: values.kinds,
    include: values.include,
    exclude: values.exclude,
    'docker-config': values['docker-config'],
    'insecure-registries': values['insecure-registry'],
    'registry-map': values['registry-map'],
    concurrency: values.concurrency,
    timeout: values.timeout,
    'pin-unpinned':
      values['no-pin-unpinned'] === true ? false : values['pin-unpinned'],
    ignore: values.ignore,
    platforms: values.platforms,
    osv: values['no-osv'] === true ? false : values.osv,
    'osv-url': values['osv-url'],
    'max-age': values['max-age'],
    'fail-on-behind': values['fail-on-behind'],
    images: values.image,
    'pin-built-here': values['pin-built-here']
  }
  for (const name of ['pin-unpinned', 'osv'] as const) {
    if (values[`no-${name}`] === true && values[name] === true) {
      throw new UsageError(
        `--${name} and --no-${name} contradict each other; pass one.`
      )
    }
  }
  const merged: Record<string, RawValue> = { ...fromFile }
  for (const [key, value] of Object.entries(fromArgs)) {
    if (value !== undefined) merged[key] = value
  }
  return merged
}

async function readConfigFile(file: string): Promise<RawConfig> {
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new ConfigError([
      `--config: cannot read "${file}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Pass the path of a YAML file.`
    ])
  })
  // Loaded only when --config is given: the YAML parser is a third of the bundle.
  const { parseConfigFile } = await import('../config/config-file.js')
  return parseConfigFile(file, text, [
    ...CORE_KEYS.filter(k => k !== 'root'),
    'max-age',
    'fail-on-behind'
  ])
}

function usageError(io: CliIO, message: string): number {
  io.stderr(`error: ${message}\nRun "freshbase --help" for the options.`)
  return 2
}

function print(
  write: (text: string) => void,
  text: string,
  code: number
): number {
  write(text)
  return code
}
