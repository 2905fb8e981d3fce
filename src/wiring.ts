/**
 * The one composition root: both entries (CLI, Action) build their ports
 * here, so they cannot drift apart.
 */
import { existsSync } from 'node:fs'
import os from 'node:os'
import type { Config } from './config/config.js'
import { ConfigError } from './config/config.js'
import type { PublishConfig } from './config/publish-config.js'
import { createFileStore } from './files/file-store.js'
import { createTreeFileStore } from './files/tree-file-store.js'
import { createGitHubPort } from './github/github-port.js'
import { createOctokit } from './github/octokit.js'
import type {
  BaseSnapshot,
  FileStore,
  GitHubPort,
  Logger,
  RequestCounter
} from './pipeline/ports.js'
import type { RunPorts } from './pipeline/run.js'
import { RegistryClient } from './registry/client.js'
import { dockerConfigCredentials } from './registry/credentials.js'

export interface WiringOptions {
  readonly env: Readonly<Record<string, string | undefined>>
  readonly counter?: RequestCounter
  /** The Action reads the base branch through the API instead of the disk. */
  readonly files?: FileStore
}

export async function buildPorts(
  config: Config,
  logger: Logger,
  options: WiringOptions
): Promise<RunPorts> {
  // A path the user typed must exist: silently pulling anonymously would hide the typo.
  if (config.dockerConfig !== undefined && !existsSync(config.dockerConfig)) {
    throw new ConfigError([
      `'docker-config': "${config.dockerConfig}" does not exist. Pass the path of a Docker config.json, or leave it unset to use $DOCKER_CONFIG or ~/.docker/config.json.`
    ])
  }
  const credentials = await dockerConfigCredentials({
    ...(config.dockerConfig === undefined ? {} : { path: config.dockerConfig }),
    env: options.env,
    homeDir: os.homedir(),
    onSecret: value => logger.secret(value)
  })
  const resolver = new RegistryClient({
    credentials,
    insecureRegistries: config.insecureRegistries,
    concurrency: config.concurrency,
    timeoutMs: config.timeoutMs,
    logger,
    ...(options.counter === undefined ? {} : { counter: options.counter })
  })
  return { files: options.files ?? createFileStore(), resolver, logger }
}

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
