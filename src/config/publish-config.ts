/**
 * The Action's publishing settings (branch, pull request, rebuild), parsed
 * from the same raw record as Config so every problem is listed at once.
 */
import type { GroupBy } from '../core/publish/groups.js'
import type { RawConfig } from './fields.js'
import { FieldReader } from './fields.js'

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

type Env = Readonly<Record<string, string | undefined>>

export function parsePublishConfig(
  raw: RawConfig,
  env: Env,
  problems: string[]
): PublishConfig {
  const fields = new FieldReader(raw, problems)
  return {
    ...github(fields, env, problems),
    ...branch(fields, problems),
    ...pullRequest(fields),
    ...rebuild(fields, problems),
    dryRun: fields.boolean('dry-run', false),
    paths: fields
      .list('paths')
      .map(p => p.replace(/^\.\/+/, '').replace(/\/+$/, ''))
      .filter(p => p !== '' && p !== '.')
  }
}

/** Where to talk to: token, repository and API, from the input and the runner's environment. */
function github(
  fields: FieldReader,
  env: Env,
  problems: string[]
): Pick<PublishConfig, 'token' | 'owner' | 'repo' | 'apiUrl' | 'serverUrl'> {
  const token = fields.string('token') ?? ''
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
  return {
    token,
    owner,
    repo,
    apiUrl: env['GITHUB_API_URL'] ?? 'https://api.github.com',
    serverUrl: env['GITHUB_SERVER_URL'] ?? 'https://github.com'
  }
}

function branch(
  fields: FieldReader,
  problems: string[]
): Pick<PublishConfig, 'groupBy' | 'branchPrefix' | 'baseBranch'> {
  const branchPrefix = fields.string('branch-prefix') ?? 'freshbase/'
  if (BAD_REF.test(branchPrefix)) {
    problems.push(
      `'branch-prefix': "${branchPrefix}" is not a valid start of a git branch name; use letters, digits, '-', '_' and '/', e.g. freshbase/.`
    )
  }
  const baseBranch = fields.string('base-branch')
  return {
    groupBy: fields.oneOf('group-by', GROUP_BY, 'all'),
    branchPrefix,
    ...(baseBranch === undefined ? {} : { baseBranch })
  }
}

function pullRequest(
  fields: FieldReader
): Pick<
  PublishConfig,
  | 'title'
  | 'commitMessage'
  | 'labels'
  | 'reviewers'
  | 'teamReviewers'
  | 'assignees'
  | 'draft'
  | 'autoMerge'
> {
  const title = fields.string('title')
  const commitMessage = fields.string('commit-message')
  return {
    ...(title === undefined ? {} : { title }),
    ...(commitMessage === undefined ? {} : { commitMessage }),
    labels: fields.list('labels'),
    reviewers: fields.list('reviewers'),
    teamReviewers: fields.list('team-reviewers'),
    assignees: fields.list('assignees'),
    draft: fields.boolean('draft', false),
    autoMerge: fields.oneOf('auto-merge', AUTO_MERGE, 'off')
  }
}

function rebuild(
  fields: FieldReader,
  problems: string[]
): Pick<
  PublishConfig,
  'rebuildWorkflow' | 'rebuildInputs' | 'dispatchEventType'
> {
  const rebuildWorkflow = fields.string('rebuild-workflow')
  const dispatchEventType = fields.string('dispatch-event-type')
  if (dispatchEventType !== undefined && dispatchEventType.length > 100) {
    problems.push(
      `'dispatch-event-type' must be at most 100 characters (GitHub's limit).`
    )
  }
  return {
    ...(rebuildWorkflow === undefined ? {} : { rebuildWorkflow }),
    rebuildInputs: fields.keyValues('rebuild-inputs'),
    ...(dispatchEventType === undefined ? {} : { dispatchEventType })
  }
}
