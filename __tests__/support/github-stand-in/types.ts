/** The public types of the stand-in, re-exported by ../github-stand-in.ts. */
export type SeedFile =
  string | { readonly content: string; readonly mode: '100644' | '100755' }

export interface GitHubStandInOptions {
  readonly owner: string
  readonly repo: string
  /** Default `main`. */
  readonly defaultBranch?: string
  /**
   * The seed commit. A workflow is dispatchable when its file is here
   * (`.github/workflows/<name>`), as on GitHub: the dispatch is checked
   * against the file's workflow_dispatch trigger and declared inputs.
   */
  readonly files: Readonly<Record<string, SeedFile>>
  /** The repository setting GraphQL auto-merge depends on; default false. */
  readonly allowAutoMerge?: boolean
  /** When set, every request must carry `token <t>` or `Bearer <t>`. */
  readonly token?: string
  /**
   * The token may not change workflow files (a GitHub App token without
   * Workflows: write, e.g. the Action's GITHUB_TOKEN; YAML.md §3.4): the
   * Git Database call named by `at` is refused when what it creates or
   * points to changes a path under `.github/workflows/`.
   */
  readonly refuseWorkflowChanges?: WorkflowRefusal
}

/**
 * How GitHub refuses a change to workflow files. Its answer is outside the
 * OpenAPI description, so the refusal is answered as is (not shaped nor
 * checked against the documented responses):
 * - 403 `Resource not accessible by integration` (Git Database API with
 *   GITHUB_TOKEN, googleapis/release-please-action#704);
 * - 404 `Not Found` (createCommit or the contents API without the scope,
 *   octokit/rest.js#368).
 * `at`: `tree` refuses POST git/trees whose new tree differs from its
 * base_tree there (no base_tree: from the empty tree); `commit` refuses
 * POST git/commits whose tree differs there from its first parent's;
 * `ref` refuses POST git/refs and PATCH git/refs/{ref} to a commit whose
 * tree differs there from its first parent's.
 */
export interface WorkflowRefusal {
  readonly status: 403 | 404
  readonly at: 'tree' | 'commit' | 'ref'
}

export interface RequestMatch {
  readonly operationId?: string
  readonly method?: string
  /** Tested against the decoded path (no query string). */
  readonly path?: RegExp
}

export interface InjectedResponse {
  readonly status: number
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
  /**
   * The request takes effect first and only its answer is replaced: GitHub
   * did the write but the response was lost (a 500/502 after the fact).
   */
  readonly afterEffect?: boolean
}

export interface Violation {
  readonly operationId: string
  readonly method: string
  readonly path: string
  readonly errors: readonly string[]
}

export interface RecordedRequest {
  readonly method: string
  /** Decoded path without the query string. */
  readonly path: string
  readonly query: Readonly<Record<string, string>>
  /** The OpenAPI operationId, `graphql`, or `unknown`. */
  readonly operationId: string
  readonly status: number
  /** The parsed JSON body, if any. */
  readonly body: unknown
}

export type MergeMethod = 'merge' | 'squash' | 'rebase'

export interface PullRequestState {
  readonly number: number
  readonly nodeId: string
  readonly state: 'open' | 'closed'
  readonly title: string
  readonly body: string | null
  readonly draft: boolean
  readonly maintainerCanModify: boolean
  readonly head: { readonly ref: string; readonly sha: string }
  readonly base: { readonly ref: string; readonly sha: string }
  readonly labels: readonly string[]
  readonly requestedReviewers: readonly string[]
  readonly requestedTeams: readonly string[]
  readonly assignees: readonly string[]
  readonly comments: readonly { readonly id: number; readonly body: string }[]
  readonly autoMerge: {
    readonly mergeMethod: MergeMethod
    readonly enabledAt: string
  } | null
  readonly merged: boolean
  readonly mergedAt: string | null
  readonly mergeCommitSha: string | null
  readonly closedAt: string | null
  readonly createdAt: string
  readonly updatedAt: string
}

export interface WorkflowDispatch {
  readonly workflow_id: string | number
  readonly ref: string
  readonly inputs: Readonly<Record<string, unknown>>
}

export interface RepositoryDispatch {
  readonly event_type: string
  readonly client_payload: Readonly<Record<string, unknown>>
}

export interface Person {
  readonly name: string
  readonly email: string
}

export interface LogEntry {
  readonly sha: string
  readonly parents: readonly string[]
  readonly author: Person
  readonly committer: Person
  readonly subject: string
  readonly body: string
}

export interface FileEntry {
  readonly path: string
  readonly mode: string
  readonly type: string
  readonly sha: string
}

export interface GitHubStandIn {
  /** Use as GITHUB_API_URL / Octokit `baseUrl`. */
  readonly url: string
  /** `${url}/graphql`. */
  readonly graphqlUrl: string
  /** The bare repository holding the state. */
  readonly gitDir: string
  readonly pulls: readonly PullRequestState[]
  readonly dispatches: readonly WorkflowDispatch[]
  readonly repositoryDispatches: readonly RepositoryDispatch[]
  readonly requests: readonly RecordedRequest[]
  readonly violations: readonly Violation[]
  /** Our own responses that do not match GitHub's response schema. */
  readonly responseViolations: readonly Violation[]
  /** Every request that is not a GET. */
  writes(): RecordedRequest[]
  /** Commits as a human push would (not verified) and moves the branch. */
  commitFile(
    branch: string,
    path: string,
    content: string,
    message: string
  ): Promise<string>
  /** Fast-forwards the base, or writes a merge commit; returns its new sha. */
  mergePullRequest(number: number): Promise<string>
  closePullRequest(number: number): void
  branchHead(name: string): Promise<string | undefined>
  readFile(ref: string, path: string): Promise<string | undefined>
  listFiles(ref: string): Promise<FileEntry[]>
  log(ref: string): Promise<LogEntry[]>
  /**
   * Whether the stand-in reports the commit as verified (bot-signed);
   * undefined for the seed commit and unknown shas.
   */
  isVerified(sha: string): boolean | undefined
  /** `git fsck --strict`; returns its output and throws when it fails. */
  fsck(): Promise<string>
  failNext(
    match: RequestMatch,
    response: InjectedResponse,
    times?: number
  ): void
  delayNext(match: RequestMatch, ms: number, times?: number): void
  stop(): Promise<void>
}
