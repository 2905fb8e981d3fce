/**
 * The Action's GitHub side: the API port (GHES via GITHUB_API_URL) and the
 * base branch's files. Only the Action imports this, so the CLI's bundle
 * carries no Octokit.
 */
import type { PublishConfig } from './config/publish-config.js'
import { createTreeFileStore } from './files/tree-file-store.js'
import { createGitHubPort } from './github/github-port.js'
import { createOctokit } from './github/octokit.js'
import type {
  BaseSnapshot,
  FileStore,
  GitHubPort,
  Logger
} from './pipeline/ports.js'

/** The GitHub API port for the Action's repository (GHES via GITHUB_API_URL). */
export function buildGitHub(
  config: PublishConfig,
  logger: Logger,
  env: Readonly<Record<string, string | undefined>>
): GitHubPort {
  // Test knobs for runs against a local API stand-in; GitHub's own pacing otherwise.
  const write = Number(env['FRESHBASE_GITHUB_WRITE_INTERVAL_MS'] ?? NaN)
  const unit = Number(env['FRESHBASE_GITHUB_RETRY_AFTER_UNIT_MS'] ?? NaN)
  const octokit = createOctokit({
    token: config.token,
    baseUrl: config.apiUrl,
    logger,
    ...(Number.isFinite(write) && write >= 0 ? { writeIntervalMs: write } : {}),
    ...(Number.isFinite(unit) && unit > 0 ? { retryAfterUnitMs: unit } : {})
  })
  return createGitHubPort(octokit, { owner: config.owner, repo: config.repo })
}

/** Files of the base branch head: workspace copies when identical, else blobs. */
export function buildBaseFileStore(
  base: BaseSnapshot,
  github: GitHubPort,
  workspace: string | undefined,
  paths: readonly string[]
): FileStore {
  return createTreeFileStore(
    { files: base.files, readBlob: async sha => github.readBlob(sha) },
    { ...(workspace === undefined ? {} : { workspace }), paths }
  )
}
