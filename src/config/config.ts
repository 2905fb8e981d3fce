/**
 * The one configuration record both entries (CLI, Action) produce. Keys of
 * the raw form are the action input names (kebab-case); the CLI options and
 * the YAML config file use the same names, so a setting is spelled one way.
 */

export interface Config {
  /** Directory scanned for Dockerfiles (the workspace / repository root). */
  readonly root: string
  /** Globs (relative to root) that narrow discovery; a literal path adds that file. */
  readonly include: readonly string[]
  /** Globs (relative to root) never scanned, on top of .git and node_modules. */
  readonly exclude: readonly string[]
  /** Docker config.json with registry credentials; undefined = $DOCKER_CONFIG, then ~/.docker. */
  readonly dockerConfig?: string
  /** Registries (host[:port]) that may be reached over plain HTTP after HTTPS fails. */
  readonly insecureRegistries: readonly string[]
  /** Resolve through a mirror: registry host → mirror host. The file keeps the original name. */
  readonly registryMap: Readonly<Record<string, string>>
  /** Registry requests in flight at once (1–64). */
  readonly concurrency: number
  /** Pin tag-only references too (default). False = only refresh existing pins. */
  readonly pinUnpinned: boolean
  /** Image globs never touched (matched against the name as written and normalized). */
  readonly ignore: readonly string[]
  /** Per-request timeout against registries, in milliseconds. */
  readonly timeoutMs: number
}

/** Values as they come from argv, inputs or YAML: strings, lists, booleans, numbers. */
export type RawValue = string | number | boolean | readonly string[] | undefined
export type RawConfig = Readonly<Record<string, RawValue>>

export const DEFAULTS = {
  concurrency: 8,
  pinUnpinned: true,
  timeoutMs: 30_000
} as const

/** Every option the core understands, with what it allows (for messages and --help). */
export const CORE_KEYS = [
  'root',
  'include',
  'exclude',
  'docker-config',
  'insecure-registries',
  'registry-map',
  'concurrency',
  'pin-unpinned',
  'ignore',
  'timeout'
] as const

export class ConfigError extends Error {
  readonly problems: readonly string[]
  constructor(problems: readonly string[]) {
    super(
      problems.length === 1
        ? (problems[0] ?? '')
        : `${problems.length} configuration problems:\n- ${problems.join('\n- ')}`
    )
    this.name = 'ConfigError'
    this.problems = problems
  }
}

const HOST_PATTERN =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::\d{1,5})?$/

/** Parses a raw record into a Config, collecting every problem before throwing. */
export function parseConfig(raw: RawConfig): Config {
  const problems: string[] = []
  const list = (key: string): string[] => readList(raw, key, problems)
  const root = readString(raw, 'root', problems) ?? '.'
  const dockerConfig = readString(raw, 'docker-config', problems)
  const insecureRegistries = list('insecure-registries').map(h =>
    h.toLowerCase()
  )
  for (const host of insecureRegistries) {
    if (!HOST_PATTERN.test(host)) {
      problems.push(
        `'insecure-registries': "${host}" is not a registry host; use host or host:port, e.g. registry.local:5000.`
      )
    }
  }
  const config: Config = {
    root,
    include: list('include'),
    exclude: list('exclude'),
    ...(dockerConfig === undefined ? {} : { dockerConfig }),
    insecureRegistries,
    registryMap: readRegistryMap(list('registry-map'), problems),
    concurrency: readInteger(
      raw,
      'concurrency',
      1,
      64,
      DEFAULTS.concurrency,
      problems
    ),
    pinUnpinned: readBoolean(
      raw,
      'pin-unpinned',
      DEFAULTS.pinUnpinned,
      problems
    ),
    ignore: list('ignore'),
    timeoutMs:
      readInteger(raw, 'timeout', 1, 600, DEFAULTS.timeoutMs / 1000, problems) *
      1000
  }
  if (problems.length > 0) throw new ConfigError(problems)
  return Object.freeze(config)
}

function readString(
  raw: RawConfig,
  key: string,
  problems: string[]
): string | undefined {
  const value = raw[key]
  if (value === undefined || value === '') return undefined
  if (typeof value === 'string') return value
  problems.push(`'${key}' must be a single string, got ${describe(value)}.`)
  return undefined
}

/** Lists accept an array, or a string with one item per line or comma-separated. */
function readList(raw: RawConfig, key: string, problems: string[]): string[] {
  const value = raw[key]
  if (value === undefined) return []
  if (typeof value === 'string') return splitList(value)
  if (Array.isArray(value)) {
    const items = value as readonly unknown[]
    if (items.every(item => typeof item === 'string')) {
      return items.flatMap(item => splitList(item))
    }
  }
  problems.push(`'${key}' must be a list of strings, got ${describe(value)}.`)
  return []
}

export function splitList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map(item => item.trim())
    .filter(item => item !== '' && !item.startsWith('#'))
}

function readInteger(
  raw: RawConfig,
  key: string,
  min: number,
  max: number,
  fallback: number,
  problems: string[]
): number {
  const value = raw[key]
  if (value === undefined || value === '') return fallback
  const number = typeof value === 'number' ? value : Number(value)
  if (
    (typeof value !== 'number' && typeof value !== 'string') ||
    !Number.isInteger(number) ||
    number < min ||
    number > max
  ) {
    problems.push(
      `'${key}' must be a whole number from ${min} to ${max}, got ${describe(value)}.`
    )
    return fallback
  }
  return number
}

function readBoolean(
  raw: RawConfig,
  key: string,
  fallback: boolean,
  problems: string[]
): boolean {
  const value = raw[key]
  if (value === undefined || value === '') return fallback
  if (typeof value === 'boolean') return value
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) {
    return value.toLowerCase() === 'true'
  }
  problems.push(`'${key}' must be true or false, got ${describe(value)}.`)
  return fallback
}

function readRegistryMap(
  entries: readonly string[],
  problems: string[]
): Record<string, string> {
  const map: Record<string, string> = {}
  for (const entry of entries) {
    const match = /^(?<from>[^=\s]+)=(?<to>[^=\s]+)$/.exec(entry)
    const from = match?.groups?.['from']?.toLowerCase()
    const to = match?.groups?.['to']?.toLowerCase()
    if (
      from === undefined ||
      to === undefined ||
      !HOST_PATTERN.test(from) ||
      !HOST_PATTERN.test(to)
    ) {
      problems.push(
        `'registry-map': "${entry}" must be from=to with two registry hosts, e.g. docker.io=mirror.local:5000.`
      )
      continue
    }
    map[from === 'index.docker.io' ? 'docker.io' : from] = to
  }
  return map
}

function describe(value: RawValue): string {
  return Array.isArray(value) ? `a list` : JSON.stringify(value)
}
