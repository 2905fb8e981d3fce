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

/** Wraps any Octokit failure with what was being done. */
export function wrap(action: string, error: unknown): GitHubError {
  if (error instanceof GitHubError) return error
  const status = statusOf(error)
  return new GitHubError(
    `GitHub API: ${action} failed${status === undefined ? '' : ` (${status})`}: ${githubMessage(error)}`,
    status,
    error
  )
}
