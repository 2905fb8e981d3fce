/**
 * The Action's composition root: the GitHub API port (GHES via
 * GITHUB_API_URL), the base branch's files, and the same run ports as the
 * CLI (wiring.ts) over them. Only the Action imports this, so the CLI's
 * bundle carries no Octokit.
 */
import type { Config } from './config/config.js'
import type { PublishConfig } from './config/publish-config.js'
import { createTreeFileStore } from './files/tree-file-store.js'
import { createGitHubPort } from './github/github-port.js'
import { createOctokit } from './github/octokit.js'
import type { GitHubPort, Logger } from './pipeline/ports.js'
import type { PublishRunPorts } from './pipeline/publish-run.js'
import { buildPorts } from './wiring.js'

type Env = Readonly<Record<string, string | undefined>>

/** Everything runAndPublish talks to, for the Action's repository. */
export function buildActionPorts(
  config: Config,
  publishConfig: PublishConfig,
  logger: Logger,
  env: Env
): PublishRunPorts {
  const github = buildGitHub(publishConfig, logger, env)
  const workspace = env['GITHUB_WORKSPACE']
  const runId = env['GITHUB_RUN_ID']
  const runUrl =
    runId === undefined || runId === ''
      ? undefined
      : `${publishConfig.serverUrl}/${publishConfig.owner}/${publishConfig.repo}/actions/runs/${runId}`
  return {
    github,
    logger,
    ...(runUrl === undefined ? {} : { runUrl }),
    // Files of the base branch head: workspace copies when identical, else blobs.
    runPorts: async base =>
      buildPorts(config, logger, {
        env,
        files: createTreeFileStore(
          { files: base.files, readBlob: async sha => github.readBlob(sha) },
          {
            ...(workspace === undefined ? {} : { workspace }),
            paths: publishConfig.paths
          }
        )
      })
  }
}

function buildGitHub(
  config: PublishConfig,
  logger: Logger,
  env: Env
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
