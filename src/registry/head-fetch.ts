/**
 * fetch, except that HEAD goes through node:http(s) with keep-alive agents.
 *
 * Why: undici (Node's fetch) closes the connection after every HEAD request
 * (a guard against servers that send a body on HEAD, nodejs/undici#258), so
 * resolving 200 tags with HEAD would open 200 TCP+TLS connections. HEAD is
 * what keeps Freshbase off Docker Hub's pull limit (FACTS.md §2.1), so it
 * has to be cheap. Everything else (GET, token POSTs) stays on fetch.
 */
import { Agent as HttpAgent, request as httpRequest } from 'node:http'
import type { IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'

const agents = {
  http: new HttpAgent({ keepAlive: true, maxFreeSockets: 32 }),
  https: new HttpsAgent({ keepAlive: true, maxFreeSockets: 32 })
}

export const headFetch: typeof fetch = async (input, init) => {
  const method = init?.method?.toUpperCase() ?? 'GET'
  if (method !== 'HEAD') return fetch(input, init)
  const url = new URL(input instanceof Request ? input.url : input.toString())
  return new Promise<Response>((resolve, reject) => {
    const signal = init?.signal ?? undefined
    if (signal?.aborted === true) {
      reject(abortReason(signal))
      return
    }
    const secure = url.protocol === 'https:'
    const send = secure ? httpsRequest : httpRequest
    const req = send(url, {
      method: 'HEAD',
      agent: secure ? agents.https : agents.http,
      headers: Object.fromEntries(new Headers(init?.headers))
    })
    const onAbort = (): void => {
      req.destroy()
      if (signal !== undefined) reject(abortReason(signal))
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    req.on('response', (res: IncomingMessage) => {
      signal?.removeEventListener('abort', onAbort)
      res.resume()
      resolve(
        new Response(null, {
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          headers: toHeaders(res)
        })
      )
    })
    // The same shape as fetch's failures: TypeError with the cause inside.
    req.on('error', error => {
      signal?.removeEventListener('abort', onAbort)
      reject(new TypeError('fetch failed', { cause: error }))
    })
    req.end()
  })
}

function toHeaders(res: IncomingMessage): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) {
      headers.append(name, item)
    }
  }
  return headers
}

/** AbortSignal.timeout() rejects with a DOMException named TimeoutError, as fetch does. */
function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason
  return reason instanceof Error
    ? reason
    : new DOMException('This operation was aborted', 'AbortError')
}
