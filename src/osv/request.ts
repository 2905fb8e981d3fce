/**
 * One JSON request to OSV over global fetch: a timeout per attempt (the body
 * read included), a retry or two of 5xx/429 and network errors with a short
 * backoff, a capped body, and errors that name the service and what to do.
 * A timeout is not retried: a service that said nothing for 20 s is
 * unlikely to answer the next 20, and evidence must not hold the run up.
 */
import type { Logger, RequestCounter } from '../pipeline/ports.js'

export interface OsvRequestOptions {
  /** Base URL without a trailing slash (https://api.osv.dev, or a mirror's). */
  readonly baseUrl: string
  readonly timeoutMs: number
  readonly retries: number
  /** First backoff; doubled per retry (Retry-After wins, up to MAX_RETRY_AFTER_MS). */
  readonly backoffMs: number
  readonly fetch: typeof fetch
  readonly logger: Logger
  readonly counter?: RequestCounter
}

export interface OsvCall {
  readonly method: 'GET' | 'POST'
  /** Path below the base URL, already encoded: /v1/querybatch. */
  readonly path: string
  readonly body?: string
  readonly maxBytes: number
  /** For the request counter: "osv-querybatch", "osv-vuln". */
  readonly kind: string
}

/** A failed OSV request; `status` when the service answered. */
export class OsvError extends Error {
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message)
    this.name = 'OsvError'
  }
}

export const OSV_ADVICE =
  'Evidence is best effort and blocks nothing; set osv: false (CLI --no-osv) on air-gapped runners, or osv-url (--osv-url) to a reachable mirror.'

const MAX_RETRY_AFTER_MS = 10_000
const ERROR_BODY_BYTES = 64 * 1024

type Attempt =
  | { readonly kind: 'ok'; readonly value: unknown }
  | { readonly kind: 'retry'; readonly why: string; readonly waitMs?: number }
  | { readonly kind: 'fail'; readonly error: OsvError }

/** The parsed JSON answer of a 200, or rejects with an OsvError. */
export async function requestJson(
  options: OsvRequestOptions,
  call: OsvCall
): Promise<unknown> {
  const attempts = options.retries + 1
  let last = ''
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const outcome = await attemptOnce(options, call)
    if (outcome.kind === 'ok') return outcome.value
    if (outcome.kind === 'fail') throw outcome.error
    last = outcome.why
    if (attempt === attempts) break
    const wait = outcome.waitMs ?? options.backoffMs * 2 ** (attempt - 1)
    options.logger.debug(
      `${service(options)}: ${call.method} ${call.path} ${last}; retrying in ${wait} ms (attempt ${attempt + 1} of ${attempts})`
    )
    await new Promise(resolve => setTimeout(resolve, wait))
  }
  throw new OsvError(
    `${service(options)}: ${call.method} ${call.path} ${last} (${attempts} attempts). ${OSV_ADVICE}`
  )
}

/** "OSV (https://api.osv.dev)": origin and path only, never user info. */
export function service(options: { readonly baseUrl: string }): string {
  return `OSV (${shownBase(options.baseUrl)})`
}

function shownBase(baseUrl: string): string {
  try {
    const url = new URL(baseUrl)
    return `${url.origin}${url.pathname.replace(/\/$/, '')}`
  } catch {
    return '<invalid URL>'
  }
}

async function attemptOnce(
  options: OsvRequestOptions,
  call: OsvCall
): Promise<Attempt> {
  const started = Date.now()
  const signal = AbortSignal.timeout(options.timeoutMs)
  options.counter?.count(call.kind, new URL(options.baseUrl).host)
  try {
    const response = await options.fetch(`${options.baseUrl}${call.path}`, {
      method: call.method,
      headers: {
        accept: 'application/json',
        ...(call.body === undefined
          ? {}
          : { 'content-type': 'application/json' })
      },
      ...(call.body === undefined ? {} : { body: call.body }),
      signal
    })
    const outcome = await interpret(options, call, response)
    options.logger.debug(
      `${service(options)}: ${call.method} ${call.path} → ${response.status} in ${Date.now() - started} ms`
    )
    return outcome
  } catch (error) {
    if (isTimeout(error, signal)) {
      const seconds = (options.timeoutMs / 1000).toString()
      return fail(
        `${service(options)} did not answer ${call.method} ${call.path} within ${seconds} s. ${OSV_ADVICE}`
      )
    }
    if (error instanceof OsvError) return { kind: 'fail', error }
    return { kind: 'retry', why: `could not be sent (${causeOf(error)})` }
  }
}

async function interpret(
  options: OsvRequestOptions,
  call: OsvCall,
  response: Response
): Promise<Attempt> {
  const where = service(options)
  if (response.status === 429 || response.status >= 500) {
    await response.body?.cancel()
    const wait = retryAfterMs(response.headers.get('retry-after'))
    return {
      kind: 'retry',
      why: `was answered with ${response.status}`,
      ...(wait === undefined ? {} : { waitMs: wait })
    }
  }
  if (response.status !== 200) {
    const text = await readCapped(response, ERROR_BODY_BYTES)
    const message = rpcMessage(text)
    const next =
      response.status === 404 || response.status === 405
        ? `check that osv-url points at an OSV API (${shownBase(options.baseUrl)}/v1/querybatch must exist)`
        : 'the request did not suit this OSV API; please report it to Freshbase'
    return fail(
      `${where} answered ${call.method} ${call.path} with ${response.status}${message}; ${next}. ${OSV_ADVICE}`,
      response.status
    )
  }
  const bytes = await readCapped(response, call.maxBytes)
  if (bytes === undefined) {
    return fail(
      `${where}: the answer to ${call.method} ${call.path} is larger than ${call.maxBytes / 1024 / 1024} MiB, so it was not read. ${OSV_ADVICE}`
    )
  }
  try {
    return { kind: 'ok', value: JSON.parse(new TextDecoder().decode(bytes)) }
  } catch {
    const type = response.headers.get('content-type') ?? 'no content-type'
    return fail(
      `${where} answered ${call.method} ${call.path} with something that is not JSON (${type}); check that osv-url points at an OSV API, not a proxy or a login page. ${OSV_ADVICE}`
    )
  }
}

function fail(message: string, status?: number): Attempt {
  return { kind: 'fail', error: new OsvError(message, status) }
}

/** The body, or undefined past maxBytes (then the rest is never read). */
async function readCapped(
  response: Response,
  maxBytes: number
): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get('content-length') ?? NaN)
  if (declared > maxBytes || response.body === null) {
    await response.body?.cancel()
    return response.body === null ? new Uint8Array() : undefined
  }
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return Buffer.concat(chunks)
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel()
      return undefined
    }
    chunks.push(value)
  }
}

/** ": <message>" from a google.rpc.Status body, shortened; "" otherwise. */
function rpcMessage(bytes: Uint8Array | undefined): string {
  if (bytes === undefined) return ''
  try {
    const parsed = JSON.parse(new TextDecoder().decode(bytes)) as unknown
    const message = (parsed as { message?: unknown } | null)?.message
    if (typeof message !== 'string' || message === '') return ''
    return `: ${message.length > 300 ? `${message.slice(0, 300)}…` : message}`
  } catch {
    return ''
  }
}

function retryAfterMs(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined
  return Math.min(Number(value.trim()) * 1000, MAX_RETRY_AFTER_MS)
}

function isTimeout(error: unknown, signal: AbortSignal): boolean {
  if (signal.aborted) return true
  return error instanceof Error && error.name === 'TimeoutError'
}

function causeOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined
  if (typeof cause?.code === 'string') return cause.code
  if (typeof cause?.message === 'string') return cause.message
  return error.message
}
