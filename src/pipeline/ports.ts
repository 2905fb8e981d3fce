/**
 * The interfaces the pipeline talks to. Adapters implement them; tests pass
 * real ones (the registry, the file system) or recording ones.
 */
import type { Digest } from '../core/digest.js'
import type { OsvQuery, OsvRecord } from '../core/evidence/types.js'
import type { KindSetting } from '../core/file-kind.js'
import type { Resolution, ResolveRequest } from '../core/resolution.js'

export interface Logger {
  info(message: string): void
  warn(message: string, where?: { file: string; line: number }): void
  error(message: string, where?: { file: string; line: number }): void
  debug(message: string): void
  /** Registers a secret so it never reaches a log (core.setSecret in the action). */
  secret(value: string): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}

export interface DigestResolver {
  /**
   * One image; never rejects (a failure is a Resolution naming the image).
   * Called as soon as an image is seen: the resolver bounds what goes on the
   * wire at once, so callers need not.
   */
  resolve(request: ResolveRequest): Promise<Resolution>
}

/** Where an image's content is read: the registry and repository asked (after registry-map). */
export interface ImageLocation {
  readonly registry: string
  readonly repository: string
}

/**
 * Content by digest for the evidence of a bump (issue 9): through the same
 * per-registry request slots and auth as resolving; hashed; each digest read
 * once per run. Rejects with an Error whose message names the image.
 */
export interface EvidenceSource {
  manifest(
    image: ImageLocation,
    digest: Digest
  ): Promise<{ readonly mediaType: string; readonly body: Uint8Array }>
  /** At most maxBytes: a larger blob rejects saying so, without reading it whole. */
  blob(
    image: ImageLocation,
    digest: Digest,
    maxBytes: number
  ): Promise<Uint8Array>
}

/** OSV (google/osv.dev docs/osv_service_v1.swagger.json). Rejects with an Error naming the service. */
export interface VulnerabilityDatabase {
  /** Ids of the vulnerabilities affecting each query, in input order, every page read. */
  queryBatch(queries: readonly OsvQuery[]): Promise<string[][]>
  /** The full record (GET /v1/vulns/{id}). */
  vulnerability(id: string): Promise<OsvRecord>
}

export interface RequestCounter {
  /** kind: "manifest-head", "manifest-get", "blob-get", "token", "ping". */
  count(kind: string, registry: string): void
}

/** Reading and writing the files being pinned. */
export interface FileStore {
  /** Dockerfiles below config.root, as paths relative to it, in stable order. */
  discover(config: {
    readonly root: string
    readonly include: readonly string[]
    readonly exclude: readonly string[]
    /** The kinds of files selected (setting `kinds`); absent = all. */
    readonly kinds?: readonly KindSetting[]
  }): Promise<string[]>
  /** The file's text; rejects with a message naming the file when it can't be read as UTF-8. */
  read(file: string): Promise<string>
  /** Replaces the file atomically (never half-written). */
  write(file: string, text: string): Promise<void>
}

/** The repository as the GitHub API describes it. */
export interface RepositoryInfo {
  readonly owner: string
  readonly repo: string
  readonly defaultBranch: string
  readonly allowAutoMerge: boolean
  /** https://github.com/owner/repo (or the GHES equivalent). */
  readonly htmlUrl: string
}

export interface TreeFile {
  readonly path: string
  /** Git blob SHA. */
  readonly sha: string
  readonly mode: string
}

/** The base branch head: the commit every group's commit is built on. */
export interface BaseSnapshot {
  readonly branch: string
  readonly commitSha: string
  readonly treeSha: string
  /** Regular files of the tree (no symlinks, no submodules), by path. */
  readonly files: ReadonlyMap<string, TreeFile>
  /** The tree listing was truncated by the API (very large repositories). */
  readonly truncated: boolean
}

export interface PullRequestInfo {
  readonly number: number
  readonly url: string
  readonly nodeId: string
  readonly state: 'open' | 'closed'
  readonly merged: boolean
  readonly title: string
  readonly body: string
  readonly headRef: string
  readonly headSha: string
  readonly baseRef: string
}

export interface PullRequestDecoration {
  readonly labels: readonly string[]
  readonly reviewers: readonly string[]
  readonly teamReviewers: readonly string[]
  readonly assignees: readonly string[]
}

/**
 * The GitHub API as the publish stage needs it. Implemented by github/ over
 * Octokit; every method does exactly one thing and throws GitHubError.
 */
export interface GitHubPort {
  repository(): Promise<RepositoryInfo>
  baseSnapshot(branch: string): Promise<BaseSnapshot>
  readBlob(sha: string): Promise<string>
  /** The branch's head commit and its parents; undefined when the branch doesn't exist. */
  branchHead(
    branch: string
  ): Promise<{ sha: string; parents: string[] } | undefined>
  /** tree on the base tree (text inline, chunked) → commit (no author/committer: Verified). */
  commitFiles(
    base: BaseSnapshot,
    files: readonly { path: string; content: string }[],
    message: string
  ): Promise<string>
  /** Points the branch at sha (create, or force-move); settles races by re-reading. */
  pushBranch(branch: string, sha: string): Promise<void>
  deleteBranch(branch: string): Promise<void>
  /** Names of the branches (without refs/heads/) that start with `prefix`. */
  branchesWithPrefix(prefix: string): Promise<string[]>
  /** Pull requests whose head is this repository's `branch`, newest first. */
  pullsForBranch(
    branch: string,
    state: 'open' | 'closed'
  ): Promise<PullRequestInfo[]>
  /** Open pull requests whose head branch starts with `prefix`. */
  openPullsWithPrefix(prefix: string): Promise<PullRequestInfo[]>
  /** 'exists': another run opened it; 'forbidden': Actions may not create PRs here. */
  createPull(input: {
    title: string
    body: string
    head: string
    base: string
    draft: boolean
  }): Promise<
    | { readonly kind: 'created'; readonly pull: PullRequestInfo }
    | { readonly kind: 'exists'; readonly message: string }
    | { readonly kind: 'forbidden'; readonly message: string }
  >
  updatePull(
    number: number,
    input: { title: string; body: string }
  ): Promise<void>
  closePull(number: number, comment: string): Promise<void>
  /** Labels, reviewers, assignees; returns warnings for what could not be done. */
  decorate(number: number, decoration: PullRequestDecoration): Promise<string[]>
  /** Returns a warning when the repository does not allow it. */
  enableAutoMerge(
    pull: PullRequestInfo,
    method: 'MERGE' | 'SQUASH' | 'REBASE'
  ): Promise<string | undefined>
  dispatchWorkflow(
    workflow: string,
    ref: string,
    inputs: Readonly<Record<string, string>>
  ): Promise<void>
  repositoryDispatch(
    eventType: string,
    payload: Readonly<Record<string, unknown>>
  ): Promise<void>
}
