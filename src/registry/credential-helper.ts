/**
 * Credential helpers (FACTS.md §3.4): `docker-credential-<name> get`, run
 * without a shell, with the server URL on stdin and JSON on stdout. Kept
 * apart from the config parsing because it is the one part that spawns a
 * process.
 */
import { execFile } from 'node:child_process'
import { helperServerUrl, parseJsonObject } from './docker-config.js'
import type { Credential } from './docker-config.js'

/** native_store.go: this username marks Secret as an identity token. */
const TOKEN_USERNAME = '<token>'
const HELPER_TIMEOUT_MS = 60_000

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
export async function runCredentialHelper(
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
