/**
 * Reading one answer for registry/http.ts: bodies capped (containerd caps
 * manifests at 4 MiB, FACTS.md §2.3), error bodies truncated, and transport
 * failures turned into RegistryError.
 */
import { RegistryError } from './errors.js'
import { MANIFEST_BODY_LIMIT, redactUrl } from './http-policy.js'
import type { HttpResponse } from './http-types.js'
import type { WireAnswer } from './transport.js'

/** Enough for an OCI error body; longer ones are cut, not refused. */
const ERROR_BODY_LIMIT = 64 * 1024

export async function readResponse(
  response: WireAnswer,
  method: string,
  url: URL,
  maxBodyBytes = MANIFEST_BODY_LIMIT
): Promise<HttpResponse> {
  const redacted = redactUrl(url.href)
  const ok = response.status >= 200 && response.status < 300
  const limit = ok ? maxBodyBytes : ERROR_BODY_LIMIT
  const what = `${method} ${redacted}`
  // A HEAD answer has no body, but its end is awaited all the same: only
  // then is the socket free for the next request (keep-alive, issue 8).
  const body =
    method === 'HEAD'
      ? await readCapped(response, 0, false, what).then(() => new Uint8Array())
      : await readCapped(response, limit, ok, what).catch((error: unknown) => {
          throw interrupted(error, what)
        })
  return {
    status: response.status,
    headers: response.headers,
    body,
    url: redacted
  }
}

/** Reads at most `limit` bytes; a larger 2xx body is an error, an error body is truncated. */
async function readCapped(
  response: WireAnswer,
  limit: number,
  strict: boolean,
  what: string
): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN)
  if (strict && declared > limit) {
    response.discard()
    throw tooLarge(what, limit)
  }
  const chunks: Uint8Array[] = []
  let total = 0
  for await (const value of response.chunks()) {
    total += value.byteLength
    chunks.push(value)
    if (total > limit) {
      response.discard()
      if (strict) throw tooLarge(what, limit)
      break
    }
  }
  return concat(chunks, Math.min(total, limit))
}

/**
 * The answer started but the connection broke before its body was complete
 * (undici: "terminated", cause "other side closed"): the registry was
 * reachable, so this is not reported as "unreachable". Timeouts stay timeouts.
 */
function interrupted(error: unknown, what: string): unknown {
  if (error instanceof RegistryError) return error
  const name = error instanceof Error ? error.name : ''
  if (name === 'TimeoutError' || name === 'AbortError') return error
  return new RegistryError({
    reason: 'interrupted',
    message: `${what}: the body was cut short (${networkDetail(error)})`,
    cause: error
  })
}

function tooLarge(what: string, limit: number): RegistryError {
  return new RegistryError({
    reason: 'too-large',
    message: `${what}: body larger than ${limit} bytes`
  })
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length)
  let offset = 0
  for (const chunk of chunks) {
    const part = chunk.subarray(0, length - offset)
    out.set(part, offset)
    offset += part.byteLength
    if (offset >= length) break
  }
  return out
}

/** Network and timeout failures of the transport as RegistryError (temporary). */
export function asRegistryError(
  error: unknown,
  method: string,
  url: string
): RegistryError {
  if (error instanceof RegistryError) return error
  const redacted = redactUrl(url)
  const name = error instanceof Error ? error.name : ''
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new RegistryError({
      reason: 'timeout',
      message: `${method} ${redacted}: timed out`,
      method,
      url: redacted,
      cause: error
    })
  }
  return new RegistryError({
    reason: 'network',
    message: `${method} ${redacted}: ${networkDetail(error)}`,
    method,
    url: redacted,
    cause: error
  })
}

/** fetch (undici) hides the useful part (ECONNREFUSED, TLS alert) in `cause`. */
function networkDetail(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause: unknown = error.cause
  if (cause instanceof AggregateError) {
    const first: unknown = cause.errors[0]
    if (first instanceof Error) return first.message
  }
  if (cause instanceof Error) return cause.message
  return error.message
}
