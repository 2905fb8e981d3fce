/**
 * A GitHub API stand-in for end-to-end tests (MODELS.md 3.8, FACTS.md §6).
 *
 * An HTTP server on 127.0.0.1 implementing the REST operations Freshbase
 * calls and the one GraphQL mutation it sends. Every request is checked
 * against its operation in GitHub's OpenAPI description (extracted by
 * scripts/extract-github-openapi.mjs): a request GitHub would reject, or
 * whose misspelt field GitHub would silently ignore, is recorded in
 * `violations` and answered with 422, so tests fail on it.
 *
 * Repository state is a real bare git repository written with plumbing, so
 * `git fsck` and `git log` check the objects the action produced rather than
 * a model of them. Pull requests, labels and dispatches live in memory; a
 * workflow dispatch is checked against the workflow file in the repository
 * (its trigger and declared inputs), as GitHub checks it.
 * Responses are our fields laid over a skeleton generated from the response
 * schema, so Octokit consumers see every field GitHub documents as required.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GitStore, seedRepository } from './github-stand-in/git-store.js'
import { OpenApiCatalog } from './github-stand-in/openapi-catalog.js'
import { publicFace } from './github-stand-in/public-face.js'
import { RepositoryState } from './github-stand-in/repository-state.js'
import { StandInServer } from './github-stand-in/server.js'
import type {
  GitHubStandIn,
  GitHubStandInOptions
} from './github-stand-in/types.js'

export type {
  FileEntry,
  GitHubStandIn,
  GitHubStandInOptions,
  InjectedResponse,
  LogEntry,
  MergeMethod,
  Person,
  PullRequestState,
  RecordedRequest,
  RequestMatch,
  RepositoryDispatch,
  SeedFile,
  Violation,
  WorkflowDispatch,
  WorkflowRefusal
} from './github-stand-in/types.js'

export async function startGitHubStandIn(
  options: GitHubStandInOptions
): Promise<GitHubStandIn> {
  const catalog = await OpenApiCatalog.load()
  const root = await mkdtemp(join(tmpdir(), 'freshbase-github-'))
  try {
    const git = new GitStore(join(root, 'repo.git'), root)
    const branch = options.defaultBranch ?? 'main'
    await seedRepository(git, branch, options.files)
    const server = new StandInServer(catalog, options)
    const url = await server.listen()
    const state = new RepositoryState(git, { ...options, branch, url })
    server.attach(state)
    return publicFace(server, state, git, root)
  } catch (error) {
    await rm(root, { recursive: true, force: true })
    throw error
  }
}
