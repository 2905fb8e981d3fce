/**
 * Docker config files as data (FACTS.md §3.4): parsing config.json and
 * DOCKER_AUTH_CONFIG, and matching their keys to a registry the way
 * docker/cli does (cli/config/configfile/file.go). No I/O here: reading the
 * file and running helpers are the callers' business, which keeps every
 * rule testable on plain strings.
 */

/**
 * What a registry login holds. Defined with the config format because both
 * `auths` entries and credential helpers produce this shape.
 */
export interface Credential {
  readonly username?: string
  readonly password?: string
  /** OAuth2 refresh token (docker config `identitytoken`, or helper Username "<token>"). */
  readonly identityToken?: string
  /** Bearer token sent to the registry as is (docker config `registrytoken`). */
  readonly registryToken?: string
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

/** A JSON object from `text`, for config files and helper output alike; `what` and `hint` make up the error. */
export function parseJsonObject(
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

export function emptyConfig(): DockerConfig {
  return { auths: {}, credHelpers: {} }
}
