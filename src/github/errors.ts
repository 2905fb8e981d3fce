/**
 * What went wrong talking to GitHub, in words a user can act on. Octokit's
 * RequestError carries the status and GitHub's own message.
 */
export class GitHubError extends Error {
  readonly status: number | undefined
  constructor(message: string, status: number | undefined, cause?: unknown) {
    super(message, { cause })
    this.name = 'GitHubError'
    this.status = status
  }
}

interface RequestErrorShape {
  readonly status?: number
  readonly message?: string
  readonly response?: { readonly data?: unknown }
}

/** GitHub's message plus the messages of its `errors[]`, joined. */
export function githubMessage(error: unknown): string {
  const e = error as RequestErrorShape
  const data = e.response?.data as
    { message?: string; errors?: ({ message?: string } | string)[] } | undefined
  const details = (data?.errors ?? [])
    .map(item => (typeof item === 'string' ? item : (item.message ?? '')))
    .filter(Boolean)
  return [data?.message ?? e.message ?? String(error), ...details].join(': ')
}

export function statusOf(error: unknown): number | undefined {
  const status = (error as RequestErrorShape).status
  return typeof status === 'number' ? status : undefined
}

/** 422 "A pull request already exists for owner:branch." (create-pull-request's check). */
export function isPullRequestExists(error: unknown): boolean {
  return (
    statusOf(error) === 422 &&
    /A pull request already exists/i.test(githubMessage(error))
  )
}

/** 422 "Reference already exists" on POST /git/refs. */
export function isReferenceExists(error: unknown): boolean {
  return (
    statusOf(error) === 422 &&
    /Reference already exists/i.test(githubMessage(error))
  )
}

/** 403 "GitHub Actions is not permitted to create or approve pull requests." (FACTS.md §6.2) */
export function isPullRequestCreationForbidden(error: unknown): boolean {
  return (
    statusOf(error) === 403 &&
    /not permitted to create or approve pull requests/i.test(
      githubMessage(error)
    )
  )
}

/** What ends every message about a failure that a later run gets past by itself. */
export const RERUN =
  'Re-run the job: the next run continues from what this one wrote (branches and pull requests are found again, not duplicated).'

/**
 * GitHub's rate limits (FACTS.md §6.5): a secondary limit (403 or 429 whose
 * message says so), an exhausted primary quota, or a 429 with retry-after.
 */
export function isRateLimited(error: unknown): boolean {
  const status = statusOf(error)
  if (status !== 403 && status !== 429) return false
  if (status === 429) return true
  const headers = (
    error as { response?: { headers?: Record<string, unknown> } }
  ).response?.headers
  return (
    /\bsecondary rate\b|\brate limit\b/i.test(githubMessage(error)) ||
    headers?.['x-ratelimit-remaining'] === '0' ||
    headers?.['retry-after'] !== undefined
  )
}

/**
 * Wraps any Octokit failure with what was being done, and what to do about
 * it: `hint`, or for a rate limit, a server error or a lost connection, the
 * advice to re-run.
 */
export function wrap(
  action: string,
  error: unknown,
  hint?: string
): GitHubError {
  if (error instanceof GitHubError) return error
  const status = statusOf(error)
  const message = `GitHub API: ${action} failed${status === undefined ? '' : ` (${status})`}: ${githubMessage(error)}`
  const advice = hint ?? defaultHint(error)
  return new GitHubError(
    advice === undefined
      ? message
      : `${message}${/[.!?]$/.test(message) ? '' : '.'} ${advice}`,
    status,
    error
  )
}

function defaultHint(error: unknown): string | undefined {
  const status = statusOf(error)
  if (isRateLimited(error)) {
    return `GitHub's rate limit was still in force after waiting as long as it asked. Wait a few minutes, then re-run the job; a GitHub App token has a quota of its own. ${RERUN}`
  }
  if (status !== undefined && status >= 500) {
    return `GitHub did not complete the request (usually temporary). ${RERUN}`
  }
  return undefined
}
