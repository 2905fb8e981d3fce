/**
 * The one configuration record both entries (CLI, Action) produce. Keys of
 * the raw form are the action input names (kebab-case); the CLI options and
 * the YAML config file use the same names, so a setting is spelled one way,
 * and config/fields.ts reads each by one rule.
 */
import type { KindSetting } from '../core/file-kind.js'
import { KIND_SETTINGS } from '../core/file-kind.js'
import type { RawConfig } from './fields.js'
import { FieldReader } from './fields.js'
import { readOsvUrl, readPlatforms } from './evidence-settings.js'
import { readImages, readPinBuiltHere } from './chain-settings.js'

export interface Config {
  /** Directory scanned (the workspace / repository root). */
  readonly root: string
  /**
   * owner/name of the repository, from GITHUB_REPOSITORY when set: what
   * `${{ github.repository }}` stands for in the workflows read for build
   * declarations (issue 11). Not a setting.
   */
  readonly githubRepository?: string
  /**
   * The kinds of files scanned (issue 10): Dockerfiles, Compose, Kubernetes
   * (manifests, kustomize, Helm values), GitHub Actions, GitLab CI; default all.
   */
  readonly kinds: readonly KindSetting[]
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
  /** Platforms that count for "is this bump worth proposing" (os/arch[/variant]); [] = the line's --platform, else all. */
  readonly platforms: readonly string[]
  /** Ask OSV which vulnerabilities a bump fixes or introduces (off on air-gapped runners). */
  readonly osv: boolean
  /** OSV API base URL (https://api.osv.dev, or a mirror), no trailing slash. */
  readonly osvUrl: string
  /**
   * Which Dockerfile of this repository builds which image (issue 11):
   * `repository[:tag]` as written → repository-relative Dockerfile path.
   * Wins over what workflows, Compose and bake files say.
   */
  readonly images: Readonly<Record<string, string>>
  /**
   * Pin references to images built in this repository too (default off:
   * pinning them would freeze the child on the old build). A child's pin
   * is then bumped only once the parent's new build exists.
   */
  readonly pinBuiltHere: boolean
}

export const DEFAULTS = {
  concurrency: 8,
  pinUnpinned: true,
  timeoutMs: 30_000,
  osv: true
} as const

/** Every option the core understands, with what it allows (for messages and --help). */
export const CORE_KEYS = [
  'root',
  'kinds',
  'include',
  'exclude',
  'docker-config',
  'insecure-registries',
  'registry-map',
  'concurrency',
  'pin-unpinned',
  'ignore',
  'timeout',
  'platforms',
  'osv',
  'osv-url',
  'images',
  'pin-built-here'
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
export function parseConfig(
  raw: RawConfig,
  env: Readonly<Record<string, string | undefined>> = {}
): Config {
  const problems: string[] = []
  const fields = new FieldReader(raw, problems)
  const dockerConfig = fields.string('docker-config')
  const githubRepository = env['GITHUB_REPOSITORY']?.trim()
  const config: Config = {
    ...(githubRepository === undefined || !githubRepository.includes('/')
      ? {}
      : { githubRepository }),
    root: fields.string('root') ?? '.',
    kinds: fields.listOf('kinds', KIND_SETTINGS, KIND_SETTINGS),
    include: fields.list('include'),
    exclude: fields.list('exclude'),
    ...(dockerConfig === undefined ? {} : { dockerConfig }),
    insecureRegistries: readHosts(fields.list('insecure-registries'), problems),
    registryMap: readRegistryMap(fields.list('registry-map'), problems),
    concurrency: fields.integer('concurrency', 1, 64, DEFAULTS.concurrency),
    pinUnpinned: fields.boolean('pin-unpinned', DEFAULTS.pinUnpinned),
    ignore: fields.list('ignore'),
    timeoutMs:
      fields.integer('timeout', 1, 600, DEFAULTS.timeoutMs / 1000) * 1000,
    platforms: readPlatforms(fields, problems),
    osv: fields.boolean('osv', DEFAULTS.osv),
    osvUrl: readOsvUrl(fields, problems),
    images: readImages(raw, problems),
    pinBuiltHere: readPinBuiltHere(fields)
  }
  if (problems.length > 0) throw new ConfigError(problems)
  return Object.freeze(config)
}

function readHosts(hosts: readonly string[], problems: string[]): string[] {
  const lower = hosts.map(h => h.toLowerCase())
  for (const host of lower) {
    if (!HOST_PATTERN.test(host)) {
      problems.push(
        `'insecure-registries': "${host}" is not a registry host; use host or host:port, e.g. registry.local:5000.`
      )
    }
  }
  return lower
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
