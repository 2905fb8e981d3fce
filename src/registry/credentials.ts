/**
 * Registry credentials from a Docker config file (FACTS.md §3.4): `auths`,
 * `credHelpers`, `credsStore` (docker-credential-<name> get, run without a
 * shell), identity and registry tokens, and the DOCKER_AUTH_CONFIG overlay.
 *
 * Lookups follow docker/cli (cli/config/configfile/file.go): DOCKER_AUTH_CONFIG
 * first, then the helper configured for the registry, then `auths`. When a
 * helper is configured, `auths` is not consulted, as Docker does.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runCredentialHelper } from './credential-helper.js'
import {
  decodeAuth,
  emptyConfig,
  findConfigKey,
  helperFor,
  parseAuthConfigEnv,
  parseDockerConfig
} from './docker-config.js'
import type {
  Credential,
  DockerAuthEntry,
  DockerConfig
} from './docker-config.js'

// Callers and tests import everything credential-related from here.
export {
  isCredentialsNotFound,
  parseHelperOutput
} from './credential-helper.js'
export {
  DOCKER_HUB_CONFIG_KEY,
  configKeyHost,
  decodeAuth,
  findConfigKey,
  helperFor,
  helperServerUrl,
  isDockerHub,
  parseAuthConfigEnv,
  parseDockerConfig
} from './docker-config.js'
export type {
  Credential,
  DockerAuthEntry,
  DockerConfig
} from './docker-config.js'

export interface CredentialSource {
  /** `registry` is the normalized domain ("docker.io", "ghcr.io", "localhost:5000"). */
  get(registry: string): Promise<Credential | undefined>
}

export interface DockerConfigOptions {
  /** Explicit path; else $DOCKER_CONFIG/config.json; else ~/.docker/config.json. */
  readonly path?: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly homeDir: string
  /** Called with every secret value found, so the logger can mask it. */
  readonly onSecret?: (value: string) => void
}

export async function dockerConfigCredentials(
  options: DockerConfigOptions
): Promise<CredentialSource> {
  const file = dockerConfigPath(options)
  const config = await readDockerConfig(file)
  const envText = options.env['DOCKER_AUTH_CONFIG']
  const overlay =
    envText === undefined || envText.trim() === ''
      ? undefined
      : parseAuthConfigEnv(envText)
  const reportSecrets = options.onSecret ?? ((): void => undefined)
  for (const source of [config, overlay]) {
    for (const secret of configSecrets(source)) reportSecrets(secret)
  }
  const lookup = async (registry: string): Promise<Credential | undefined> => {
    const fromEnv = overlay && entryCredential(overlay.auths, registry)
    if (fromEnv !== undefined) return fromEnv
    const helper = helperFor(config, registry)
    if (helper === undefined) return entryCredential(config.auths, registry)
    const found = await runCredentialHelper(helper, registry, options.env)
    for (const secret of credentialSecrets(found)) reportSecrets(secret)
    return found
  }
  const cache = new Map<string, Promise<Credential | undefined>>()
  return {
    get: async registry => {
      const key = registry.toLowerCase()
      const cached = cache.get(key) ?? lookup(key)
      cache.set(key, cached)
      return cached
    }
  }
}

export function dockerConfigPath(options: DockerConfigOptions): string {
  if (options.path !== undefined) return options.path
  const dir = options.env['DOCKER_CONFIG']
  if (dir !== undefined && dir !== '') return join(dir, 'config.json')
  return join(options.homeDir, '.docker', 'config.json')
}

/** A missing file means no credentials; anything else unreadable is an error. */
async function readDockerConfig(file: string): Promise<DockerConfig> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return emptyConfig()
    throw new Error(
      `Cannot read the Docker config ${file} (${code ?? String(error)}). ` +
        'Make it readable, or set DOCKER_CONFIG to a directory whose ' +
        'config.json is.',
      { cause: error }
    )
  }
  return parseDockerConfig(text, file)
}

/**
 * The credential an `auths` entry holds; a valid `auth` wins over
 * username/password, as in configfile/file.go.
 */
export function credentialFromEntry(
  entry: DockerAuthEntry
): Credential | undefined {
  const decoded = entry.auth === undefined ? undefined : decodeAuth(entry.auth)
  const credential: Credential = dropEmpty({
    username: decoded?.username ?? entry.username,
    password: decoded?.password ?? entry.password,
    identityToken: entry.identitytoken,
    registryToken: entry.registrytoken
  })
  const usable =
    credential.password !== undefined ||
    credential.identityToken !== undefined ||
    credential.registryToken !== undefined
  return usable ? credential : undefined
}

function entryCredential(
  auths: Readonly<Record<string, DockerAuthEntry>>,
  registry: string
): Credential | undefined {
  const key = findConfigKey(Object.keys(auths), registry)
  const entry = key === undefined ? undefined : auths[key]
  return entry === undefined ? undefined : credentialFromEntry(entry)
}

function configSecrets(config: DockerConfig | undefined): string[] {
  if (config === undefined) return []
  return Object.values(config.auths).flatMap(entry => {
    const decoded =
      entry.auth === undefined ? undefined : decodeAuth(entry.auth)
    const values = [
      entry.auth,
      entry.password,
      decoded?.password,
      entry.identitytoken,
      entry.registrytoken
    ]
    return values.filter((value): value is string => !!value)
  })
}

function credentialSecrets(credential: Credential | undefined): string[] {
  if (credential === undefined) return []
  const values = [
    credential.password,
    credential.identityToken,
    credential.registryToken
  ]
  return values.filter((value): value is string => !!value)
}

function dropEmpty(
  credential: Record<keyof Credential, string | undefined>
): Credential {
  return Object.fromEntries(
    Object.entries(credential).filter(([, value]) => !!value)
  )
}
