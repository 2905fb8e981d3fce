/**
 * Registry errors: the thrown class carrying request details (MODELS.md 3.4,
 * after ggcr's transport.Error). failures.ts maps it to the plain
 * RegistryFailure record that names the image and says what to do.
 */
import { redirectedHost } from './http-policy.js'
import type { HeaderBag } from './http-types.js'

/** What went wrong, independent of the HTTP status. */
export type RegistryErrorReason =
  | 'status'
  | 'network'
  /** The answer began but the connection closed before its body was complete. */
  | 'interrupted'
  | 'timeout'
  | 'too-large'
  | 'invalid-response'
  | 'unsupported'
  | 'token'
  | 'no-credentials'

export interface RegistryErrorInit {
  readonly reason: RegistryErrorReason
  readonly message: string
  /** First OCI error code of the body (distribution-spec "Error Codes"). */
  readonly code?: string
  readonly status?: number
  readonly method?: string
  /** Already redacted. */
  readonly url?: string
  readonly retryAfter?: string
  /** The other host a redirect led to, when the answer came from there. */
  readonly redirectedTo?: string
  readonly cause?: unknown
}

// Temporary by status / OCI code (FACTS.md §2.7, §4): worth retrying later.
const TEMPORARY_CODES = new Set(['TOOMANYREQUESTS', 'UNAVAILABLE'])

export class RegistryError extends Error {
  override readonly name = 'RegistryError'
  readonly reason: RegistryErrorReason
  readonly code?: string
  readonly status?: number
  readonly method?: string
  readonly url?: string
  readonly retryAfter?: string
  readonly redirectedTo?: string
  readonly temporary: boolean

  constructor(init: RegistryErrorInit) {
    super(init.message, { cause: init.cause })
    this.reason = init.reason
    if (init.code !== undefined) this.code = init.code
    if (init.status !== undefined) this.status = init.status
    if (init.method !== undefined) this.method = init.method
    if (init.url !== undefined) this.url = init.url
    if (init.retryAfter !== undefined) this.retryAfter = init.retryAfter
    if (init.redirectedTo !== undefined) this.redirectedTo = init.redirectedTo
    this.temporary = isTemporary(init)
  }
}

function isTemporary(init: RegistryErrorInit): boolean {
  if (['network', 'interrupted', 'timeout'].includes(init.reason)) return true
  if (init.code !== undefined && TEMPORARY_CODES.has(init.code)) return true
  const status = init.status ?? 0
  return status === 429 || status >= 500
}

export interface OciError {
  readonly code: string
  readonly message?: string
}

/** `{"errors":[{"code","message","detail"}]}`; any other body gives []. */
export function parseOciErrors(body: Uint8Array): OciError[] {
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder().decode(body))
  } catch {
    return []
  }
  if (!isRecord(json) || !Array.isArray(json['errors'])) return []
  const errors: OciError[] = []
  for (const entry of json['errors'] as unknown[]) {
    if (!isRecord(entry) || typeof entry['code'] !== 'string') continue
    const message = entry['message']
    errors.push(
      typeof message === 'string'
        ? { code: entry['code'], message }
        : { code: entry['code'] }
    )
  }
  return errors
}

export interface ErrorResponse {
  readonly status: number
  readonly headers: HeaderBag
  readonly body: Uint8Array
}

/**
 * A non-2xx registry answer as an error; the URL must already be redacted.
 * With `registryHost`, an answer from another host (after a redirect) says so.
 */
export function errorFromResponse(
  method: string,
  url: string,
  response: ErrorResponse,
  registryHost?: string
): RegistryError {
  const redirectedTo =
    registryHost === undefined ? undefined : redirectedHost(url, registryHost)
  const first = parseOciErrors(response.body)[0]
  const retryAfter = response.headers.get('retry-after') ?? undefined
  const label = first === undefined ? '' : ` ${first.code}`
  const detail = first?.message === undefined ? '' : `: ${first.message}`
  return new RegistryError({
    reason: 'status',
    message: `${method} ${url} answered ${response.status}${label}${detail}`,
    status: response.status,
    method,
    url,
    ...(first === undefined ? {} : { code: first.code }),
    ...(retryAfter === undefined ? {} : { retryAfter }),
    ...(redirectedTo === undefined ? {} : { redirectedTo })
  })
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
