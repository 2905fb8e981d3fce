/**
 * GitHub refusing a commit that changes workflow files (YAML.md §3.4): a
 * GitHub App installation token (the Action's GITHUB_TOKEN) without the
 * Workflows permission, or a personal access token without the `workflow`
 * scope. The answer is not in GitHub's OpenAPI description; the shapes
 * seen are 403 "Resource not accessible by integration" (Git Database
 * API), 404 "Not Found" (contents API, createCommit) and the push message
 * "refusing to allow a GitHub App to create or update workflow … without
 * `workflows` permission". Like Renovate (lib/util/git/error.ts), any 403
 * or 404 on a commit whose files include a workflow file counts. Pure.
 */
import { isWorkflowPath } from '../file-kind.js'

/** What publishing knows of a failed GitHub call (GitHubError's fields). */
interface FailureShape {
  readonly status?: unknown
  readonly message?: unknown
}

const REFUSAL_MESSAGE =
  /refusing to allow .* to create or update workflow|without `?workflows?`? (?:permission|scope)/i

/**
 * The workflow files among `files` when `error` is GitHub refusing their
 * change; undefined for any other failure (a rate limit, a server error,
 * or a commit that changes no workflow file).
 */
export function refusedWorkflowFiles(
  error: unknown,
  files: readonly string[]
): string[] | undefined {
  const workflows = files.filter(isWorkflowPath)
  if (workflows.length === 0) return undefined
  const { status, message } = (error ?? {}) as FailureShape
  const text = typeof message === 'string' ? message : ''
  if (REFUSAL_MESSAGE.test(text)) return workflows
  if (/rate limit/i.test(text)) return undefined
  return status === 403 || status === 404 ? workflows : undefined
}

/**
 * What to grant, in one paragraph: the files, GitHub's answer, the two
 * kinds of token that may change workflow files, and how to leave them
 * out instead. `others`: whether other groups were published this run.
 */
export function workflowRefusalNote(
  files: readonly string[],
  error: unknown,
  others: boolean
): string {
  const named =
    files.length === 1
      ? `the change to ${files[0] ?? ''}`
      : `the changes to ${files.slice(0, -1).join(', ')} and ${files.at(-1) ?? ''}`
  const answer = githubAnswer(error)
  return (
    `GitHub refused ${named}${answer === undefined ? '' : ` (${answer})`}: this token cannot change workflow files. ` +
    'To let Freshbase pin images there, run it with a GitHub App token that has Workflows: write, ' +
    'or a personal access token with the `workflow` scope (input `token`); ' +
    'to leave workflow files alone, add `.github/workflows/**` to the `exclude` input.' +
    (others ? ' The other pull requests were published as usual.' : '')
  )
}

/** "403: Resource not accessible by integration" from a GitHubError (status and message). */
function githubAnswer(error: unknown): string | undefined {
  const { status, message } = (error ?? {}) as FailureShape
  if (typeof status !== 'number') return undefined
  const said =
    typeof message === 'string'
      ? /failed \(\d+\): ([^\n]*?)\.?$/.exec(message)?.[1]
      : undefined
  return said === undefined || said === '' ? `${status}` : `${status}: ${said}`
}
