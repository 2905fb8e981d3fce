/**
 * Registry credentials from a Docker config file (FACTS.md §3.4): `auths`,
 * `credHelpers`, `credsStore` (docker-credential-<name> get, run without a
 * shell), identity and registry tokens, and the DOCKER_AUTH_CONFIG overlay.
 *
 * Lookups follow docker/cli (cli/config/configfile/file.go): DOCKER_AUTH_CONFIG
 * first, then the helper configured for the registry, then `auths`. When a
 * helper is configured, `auths` is not consulted, as Docker does.
 */
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

export interface Credential {
  readonly username?: string
  readonly password?: string
  /** OAuth2 refresh token (docker config `identitytoken`, or helper Username "<token>"). */
  readonly identityToken?: string
  /** Bearer token sent to the registry as is (docker config `registrytoken`). */
  readonly registryToken?: string
}

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

/** One `auths` entry as Docker writes it (cli/config/types/authconfig.go). */
export interface DockerAuthEntry {
  readonly auth?: string
  readonly username?: string
  readonly password?: string
  readonly identitytoken?: string
  readonly registrytoken?: string
}

export interface DockerConfig {
  readonly auths: Readonly<Record<string, DockerAuthEntry>>
  readonly credHelpers: Readonly<Record<string, string>>
  readonly credsStore?: string
}

/** The key `docker login` uses for Docker Hub, also sent to helpers. */
export const DOCKER_HUB_CONFIG_KEY = 'https://index.docker.io/v1/'
/** Hosts that mean Docker Hub in a config key or a registry name. */
const DOCKER_HUB_HOSTS = [
  'index.docker.io',
  'docker.io',
  'registry-1.docker.io'
]
const AUTH_ENTRY_FIELDS = [
  'auth',
  'username',
  'password',
  'identitytoken',
  'registrytoken'
] as const
/** native_store.go: this username marks Secret as an identity token. */
const TOKEN_USERNAME = '<token>'
const HELPER_TIMEOUT_MS = 60_000

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
 * Parses config.json text. `file` only names the source in errors, which
 * never quote the text (it holds secrets).
 */
export function parseDockerConfig(text: string, file: string): DockerConfig {
  if (text.trim() === '') return emptyConfig()
  const root = parseJsonObject(
    text,
    `The Docker config ${file}`,
    'Fix the file, or remove it and run docker login again.'
  )
  const invalid = (what: string): Error =>
    new Error(
      `The Docker config ${file} is invalid: ${what}. Fix the file, or ` +
        'remove it and run docker login again.'
    )
  const credsStore = root['credsStore']
  if (credsStore !== undefined && typeof credsStore !== 'string') {
    throw invalid('"credsStore" must be a string')
  }
  return {
    auths: parseAuths(root['auths'], invalid),
    credHelpers: parseStringMap(root['credHelpers'], 'credHelpers', invalid),
    ...(credsStore === undefined || credsStore === '' ? {} : { credsStore })
  }
}

/**
 * DOCKER_AUTH_CONFIG (docker CLI ≥ 28.3): only `{"auths":{host:{"auth":…}}}`;
 * docker rejects unknown fields, and so do we, rather than ignore them.
 */
export function parseAuthConfigEnv(text: string): DockerConfig {
  const root = parseJsonObject(
    text,
    'DOCKER_AUTH_CONFIG',
    'Fix the variable, or unset it.'
  )
  const invalid = (what: string): Error =>
    new Error(
      `DOCKER_AUTH_CONFIG is invalid: ${what}. It must look like ` +
        '{"auths":{"<registry>":{"auth":"<base64 user:password>"}}}.'
    )
  const unknown = Object.keys(root).filter(key => key !== 'auths')
  if (unknown.length > 0)
    throw invalid(`unknown field "${unknown.join('", "')}"`)
  const rawAuths = root['auths']
  for (const [key, entry] of Object.entries(
    isRecord(rawAuths) ? rawAuths : {}
  )) {
    const fields = isRecord(entry) ? Object.keys(entry) : []
    if (fields.length !== 1 || fields[0] !== 'auth') {
      throw invalid(`the entry for "${key}" must have one field, "auth"`)
    }
  }
  return { auths: parseAuths(rawAuths, invalid), credHelpers: {} }
}

/**
 * cli/config/credentials/file_store.go `ConvertToHostname`: legacy keys such
 * as "https://ghcr.io" or "https://host/v1/" match by host[:port].
 */
export function configKeyHost(key: string): string {
  const withoutScheme = key.replace(/^https?:\/\//i, '')
  return (withoutScheme.split('/')[0] ?? '').toLowerCase()
}

/**
 * The key in `entries` that holds `registry`: the exact key Docker writes
 * first, then a legacy spelling, in file order.
 */
export function findConfigKey(
  keys: Iterable<string>,
  registry: string
): string | undefined {
  const all = [...keys]
  const hub = isDockerHub(registry)
  const exact = hub ? DOCKER_HUB_CONFIG_KEY : registry.toLowerCase()
  if (all.includes(exact)) return exact
  return all.find(key => {
    const host = configKeyHost(key)
    return hub ? DOCKER_HUB_HOSTS.includes(host) : host === exact
  })
}

/** `registry-1.docker.io` is Docker Hub's API host, so its logins apply. */
export function isDockerHub(registry: string): boolean {
  return DOCKER_HUB_HOSTS.includes(registry.toLowerCase())
}

/** What `docker login` stored for the registry, and what helpers expect. */
export function helperServerUrl(registry: string): string {
  return isDockerHub(registry) ? DOCKER_HUB_CONFIG_KEY : registry.toLowerCase()
}

/** `credHelpers[registry]` overrides `credsStore` (docker/cli `getConfiguredCredentialStore`). */
export function helperFor(
  config: DockerConfig,
  registry: string
): string | undefined {
  const key = findConfigKey(Object.keys(config.credHelpers), registry)
  const named = key === undefined ? undefined : config.credHelpers[key]
  return named !== undefined && named !== '' ? named : config.credsStore
}

/**
 * `auth` is base64 of "user:password", split at the first ":", trailing NULs
 * trimmed (configfile/file.go `decodeAuth`). Undefined when malformed.
 */
export function decodeAuth(
  auth: string
): { username: string; password: string } | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(auth) || auth.length % 4 !== 0) {
    return undefined
  }
  const decoded = Buffer.from(auth, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon <= 0) return undefined
  const password = decoded.slice(colon + 1).replace(/\0+$/, '')
  return { username: decoded.slice(0, colon), password }
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

/**
 * A helper's `get` answer: `{"ServerURL","Username","Secret"}`. Username
 * "<token>" means Secret is an identity token (native_store.go).
 */
export function parseHelperOutput(stdout: string): Credential | undefined {
  const root = parseJsonObject(stdout, 'The credential helper output', '')
  const username = root['Username']
  const secret = root['Secret']
  if (typeof secret !== 'string' || secret === '') return undefined
  if (username === TOKEN_USERNAME) return { identityToken: secret }
  return typeof username === 'string' && username !== ''
    ? { username, password: secret }
    : { password: secret }
}

/** helper client.go treats this message as "no credentials", not a failure. */
export function isCredentialsNotFound(output: string): boolean {
  return /credentials not found/i.test(output)
}

/** Runs `docker-credential-<name> get` with no shell; the URL goes to stdin. */
async function runCredentialHelper(
  name: string,
  registry: string,
  env: Readonly<Record<string, string | undefined>>
): Promise<Credential | undefined> {
  const program = `docker-credential-${name}`
  const { stdout, failure } = await execHelper(
    program,
    helperServerUrl(registry),
    env
  )
  if (failure === undefined) {
    try {
      return parseHelperOutput(stdout)
    } catch {
      throw new Error(
        `${program} returned output that is not the JSON Docker expects for ` +
          `${registry}. Check the helper with "${program} get".`
      )
    }
  }
  if (isCredentialsNotFound(failure.output)) return undefined
  throw helperError(program, registry, failure)
}

interface HelperFailure {
  readonly code?: string | number
  readonly output: string
}

interface HelperResult {
  readonly stdout: string
  readonly failure?: HelperFailure
}

async function execHelper(
  program: string,
  serverUrl: string,
  env: Readonly<Record<string, string | undefined>>
): Promise<HelperResult> {
  return new Promise(resolve => {
    // `env` also decides where the program is looked up (its PATH).
    const child = execFile(
      program,
      ['get'],
      { env, timeout: HELPER_TIMEOUT_MS, shell: false, windowsHide: true },
      (error, stdout, stderr) => {
        if (error === null) return resolve({ stdout })
        const output = `${stdout}\n${stderr}`.trim()
        const code = error.killed ? 'timeout' : (error.code ?? undefined)
        resolve({ stdout, failure: { code, output } })
      }
    )
    // A helper may exit before reading stdin; that EPIPE is not the error.
    child.stdin?.on('error', () => undefined)
    child.stdin?.end(serverUrl)
  })
}

function helperError(
  program: string,
  registry: string,
  failure: HelperFailure
): Error {
  if (failure.code === 'ENOENT') {
    return new Error(
      `The Docker config names the credential helper ${program} for ` +
        `${registry}, but it is not installed (not found on PATH). Install ` +
        'it, or remove it from "credsStore"/"credHelpers" in the Docker config.'
    )
  }
  if (failure.code === 'timeout') {
    return new Error(
      `${program} did not answer for ${registry} within ` +
        `${HELPER_TIMEOUT_MS / 1000} s. It may be waiting for input; unlock ` +
        'the credential store or configure another helper.'
    )
  }
  const said = failure.output.slice(0, 300)
  return new Error(
    `${program} failed to get credentials for ${registry} ` +
      `(exit ${String(failure.code)}${said === '' ? '' : `: ${said}`}). ` +
      `Check it with "${program} get", or run docker login ${registry} again.`
  )
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

function parseJsonObject(
  text: string,
  what: string,
  hint: string
): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    // The parser's message quotes the text, which may hold secrets.
    const place = jsonErrorPlace(text, error)
    throw new Error(`${what} is not valid JSON${place}. ${hint}`.trim())
  }
  if (!isRecord(value)) {
    throw new Error(`${what} is not a JSON object. ${hint}`.trim())
  }
  return value
}

/** " (line L, column C)" from V8's "at position N", when it says. */
function jsonErrorPlace(text: string, error: unknown): string {
  const match = /position (?<offset>\d+)/.exec(String(error))
  const offset = Number(match?.groups?.['offset'] ?? NaN)
  if (Number.isNaN(offset)) return ''
  const before = text.slice(0, offset).split('\n')
  const column = (before.at(-1)?.length ?? 0) + 1
  return ` (line ${before.length}, column ${column})`
}

/**
 * Checks every entry up front, as docker does when it loads the file, so a
 * broken `auth` is reported with its file and key (never its value).
 */
function parseAuths(
  value: unknown,
  invalid: (what: string) => Error
): Record<string, DockerAuthEntry> {
  if (value === undefined || value === null) return {}
  if (!isRecord(value)) throw invalid('"auths" must be an object')
  const entries = Object.entries(value).map(([key, entry]) => {
    const parsed = parseAuthEntry(entry, `"auths" entry "${key}"`, invalid)
    return [key, parsed] as const
  })
  // fromEntries: a key such as "__proto__" stays plain data.
  return Object.fromEntries(entries)
}

function parseAuthEntry(
  value: unknown,
  where: string,
  invalid: (what: string) => Error
): DockerAuthEntry {
  if (!isRecord(value)) throw invalid(`${where} must be an object`)
  const fields: [string, string][] = []
  for (const field of AUTH_ENTRY_FIELDS) {
    const fieldValue = value[field]
    if (fieldValue === undefined || fieldValue === null) continue
    if (typeof fieldValue !== 'string') {
      throw invalid(`"${field}" of ${where} must be a string`)
    }
    fields.push([field, fieldValue])
  }
  const entry: DockerAuthEntry = Object.fromEntries(fields)
  if (entry.auth && decodeAuth(entry.auth) === undefined) {
    throw invalid(`"auth" of ${where} is not base64 of "username:password"`)
  }
  return entry
}

function parseStringMap(
  value: unknown,
  name: string,
  invalid: (what: string) => Error
): Record<string, string> {
  if (value === undefined || value === null) return {}
  if (isStringMap(value)) return value
  throw invalid(`"${name}" must map registries to helper names`)
}

function isStringMap(value: unknown): value is Record<string, string> {
  return (
    isRecord(value) && Object.values(value).every(v => typeof v === 'string')
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function dropEmpty(
  credential: Record<keyof Credential, string | undefined>
): Credential {
  return Object.fromEntries(
    Object.entries(credential).filter(([, value]) => !!value)
  )
}

function emptyConfig(): DockerConfig {
  return { auths: {}, credHelpers: {} }
}
