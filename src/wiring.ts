/**
 * The composition root both entries (CLI, Action) build their run ports
 * with, so they cannot drift apart. The Action's GitHub side is wired in
 * github-wiring.ts, which keeps Octokit out of the CLI's bundle.
 */
import { existsSync } from 'node:fs'
import os from 'node:os'
import type { Config } from './config/config.js'
import { ConfigError } from './config/config.js'
import { createBuildxBake } from './buildx/bake-print.js'
import { createFileStore } from './files/file-store.js'
import type { FileStore, Logger, RequestCounter } from './pipeline/ports.js'
import type { RunPorts } from './pipeline/run.js'
import { OsvClient } from './osv/client.js'
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
  // Evidence reads share the resolver's slots, tokens and manifest cache.
  const osv = config.osv
    ? new OsvClient({
        url: config.osvUrl,
        logger,
        ...(options.counter === undefined ? {} : { counter: options.counter })
      })
    : undefined
  return {
    files: options.files ?? createFileStore(),
    resolver,
    logger,
    // An HCL bake file is read by buildx when the runner has it (issue 11).
    bake: createBuildxBake({
      root: config.root,
      timeoutMs: config.timeoutMs,
      env: options.env
    }),
    evidence: {
      source: resolver.contentReader(),
      ...(osv === undefined ? {} : { osv }),
      logger
    }
  }
}
