/**
 * The Action's publishing settings (branch, pull request, rebuild), parsed
 * from the same raw record as Config so every problem is listed at once.
 */
import type { GroupBy } from '../core/publish/groups.js'
import type { RawConfig, RawValue } from './config.js'
import { splitList } from './config.js'

export type AutoMerge = 'off' | 'merge' | 'squash' | 'rebase'

export interface PublishConfig {
  /** Token for the GitHub API (never logged; registered as a secret). */
  readonly token: string
  readonly owner: string
  readonly repo: string
  /** REST API base (GITHUB_API_URL; GitHub Enterprise Server: https://host/api/v3). */
  readonly apiUrl: string
  /** Web base for compare links (GITHUB_SERVER_URL). */
  readonly serverUrl: string
  readonly groupBy: GroupBy
  readonly branchPrefix: string
  /** undefined = the repository's default branch. */
  readonly baseBranch?: string
  /** undefined = the default template for the group-by. */
  readonly title?: string
  readonly commitMessage?: string
  readonly labels: readonly string[]
  readonly reviewers: readonly string[]
  readonly teamReviewers: readonly string[]
  readonly assignees: readonly string[]
  readonly draft: boolean
  readonly autoMerge: AutoMerge
  /** Workflow file name (e.g. rebuild.yml) dispatched on the PR branch. */
  readonly rebuildWorkflow?: string
  readonly rebuildInputs: Readonly<Record<string, string>>
  /** repository_dispatch event type sent with the plan as client_payload. */
  readonly dispatchEventType?: string
  readonly dryRun: boolean
  /** Directories (relative to the repository root) to scan; empty = everything. */
  readonly paths: readonly string[]
}

export const PUBLISH_KEYS = [
  'token',
  'paths',
  'group-by',
  'branch-prefix',
  'base-branch',
  'title',
  'commit-message',
  'labels',
  'reviewers',
  'team-reviewers',
  'assignees',
  'draft',
  'auto-merge',
  'rebuild-workflow',
  'rebuild-inputs',
  'dispatch-event-type',
  'dry-run'
] as const

const GROUP_BY: readonly GroupBy[] = ['all', 'file', 'image']
const AUTO_MERGE: readonly AutoMerge[] = ['off', 'merge', 'squash', 'rebase']
/** git check-ref-format, the parts a prefix can break. */
const BAD_REF = /(^[./]|\.\.|[\s~^:?*[\\]|@\{|\.lock$|\/\/)/

export function parsePublishConfig(
  raw: RawConfig,
  env: Readonly<Record<string, string | undefined>>,
  problems: string[]
): PublishConfig {
  const text = (key: string): string | undefined => {
    const value = raw[key]
    if (value === undefined || value === '') return undefined
    if (typeof value === 'string') return value.trim()
    problems.push(`'${key}' must be a string.`)
    return undefined
  }
  const list = (key: string): string[] => listOf(raw[key], key, problems)
  const token = text('token') ?? ''
  if (token === '') {
    problems.push(
      `'token' is empty: pass \${{ github.token }} (the default) or a PAT / GitHub App token with contents: write and pull-requests: write.`
    )
  }
  const [owner = '', repo = ''] = (env['GITHUB_REPOSITORY'] ?? '').split('/')
  if (owner === '' || repo === '') {
    problems.push(
      'GITHUB_REPOSITORY is not set (owner/repo): run Freshbase as a step of a GitHub Actions job.'
    )
  }
  const branchPrefix = text('branch-prefix') ?? 'freshbase/'
  if (BAD_REF.test(branchPrefix)) {
    problems.push(
      `'branch-prefix': "${branchPrefix}" is not a valid start of a git branch name; use letters, digits, '-', '_' and '/', e.g. freshbase/.`
    )
  }
  const baseBranch = text('base-branch')
  const title = text('title')
  const commitMessage = text('commit-message')
  const rebuildWorkflow = text('rebuild-workflow')
  const dispatchEventType = text('dispatch-event-type')
  if (dispatchEventType !== undefined && dispatchEventType.length > 100) {
    problems.push(
      `'dispatch-event-type' must be at most 100 characters (GitHub's limit).`
    )
  }
  return {
    token,
    owner,
    repo,
    apiUrl: env['GITHUB_API_URL'] ?? 'https://api.github.com',
    serverUrl: env['GITHUB_SERVER_URL'] ?? 'https://github.com',
    groupBy: oneOf(text('group-by') ?? 'all', GROUP_BY, 'group-by', problems),
    branchPrefix,
    ...(baseBranch === undefined ? {} : { baseBranch }),
    ...(title === undefined ? {} : { title }),
    ...(commitMessage === undefined ? {} : { commitMessage }),
    labels: list('labels'),
    reviewers: list('reviewers'),
    teamReviewers: list('team-reviewers'),
    assignees: list('assignees'),
    draft: bool(raw['draft'], 'draft', problems),
    autoMerge: oneOf(
      text('auto-merge') ?? 'off',
      AUTO_MERGE,
      'auto-merge',
      problems
    ),
    ...(rebuildWorkflow === undefined ? {} : { rebuildWorkflow }),
    rebuildInputs: keyValues(raw['rebuild-inputs'], problems),
    ...(dispatchEventType === undefined ? {} : { dispatchEventType }),
    dryRun: bool(raw['dry-run'], 'dry-run', problems),
    paths: list('paths')
      .map(p => p.replace(/^\.\/+/, '').replace(/\/+$/, ''))
      .filter(p => p !== '' && p !== '.')
  }
}

function oneOf<T extends string>(
  value: string,
  allowed: readonly T[],
  key: string,
  problems: string[]
): T {
  const found = allowed.find(a => a === value.toLowerCase())
  if (found !== undefined) return found
  problems.push(
    `'${key}' must be one of ${allowed.join(', ')}, got "${value}".`
  )
  return allowed[0] as T
}

function bool(value: RawValue, key: string, problems: string[]): boolean {
  if (value === undefined || value === '') return false
  if (typeof value === 'boolean') return value
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) {
    return value.trim().toLowerCase() === 'true'
  }
  problems.push(`'${key}' must be true or false, got ${JSON.stringify(value)}.`)
  return false
}

function listOf(value: RawValue, key: string, problems: string[]): string[] {
  if (value === undefined) return []
  if (typeof value === 'string') return splitList(value)
  if (Array.isArray(value))
    return value.flatMap(item => splitList(String(item)))
  problems.push(`'${key}' must be a list (one per line or comma-separated).`)
  return []
}

/** `key=value` lines (or a list of them) for the rebuild workflow's inputs. */
function keyValues(
  value: RawValue,
  problems: string[]
): Record<string, string> {
  const out: Record<string, string> = {}
  const lines =
    typeof value === 'string'
      ? value.split('\n')
      : Array.isArray(value)
        ? value.map(String)
        : []
  for (const line of lines
    .map(l => l.trim())
    .filter(l => l !== '' && !l.startsWith('#'))) {
    const eq = line.indexOf('=')
    const key = line.slice(0, eq).trim()
    if (eq <= 0 || key === '') {
      problems.push(
        `'rebuild-inputs': "${line}" must be name=value (one per line).`
      )
      continue
    }
    out[key] = line.slice(eq + 1).trim()
  }
  return out
}
