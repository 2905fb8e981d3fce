/**
 * One HTTP exchange on the wire, for registry/http.ts: node:http(s) with
 * keep-alive agents, or an injected fetch (tests without a network).
 *
 * Why not fetch: undici closes the connection after every HEAD (a guard
 * against servers that send a body on HEAD, nodejs/undici#258), so 200 tags
 * would open 200 connections; and loading undici costs the CLI ~10 MB and
 * 100+ ms of startup on a small runner, on the path to its first request
 * (issue 8, "Resolve at the limit": keep-alive, memory, wall time).
 */
import { Agent as HttpAgent, request as httpRequest } from 'node:http'
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import type { HeaderBag } from './http-types.js'

export interface WireRequest {
  readonly url: URL
  readonly method: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
  /** Aborts the exchange, body included; its reason is what rejects. */
  readonly signal: AbortSignal
}

export interface WireAnswer {
  readonly status: number
  readonly headers: HeaderBag
  /** The body as it arrives; rejects when the connection breaks. */
  chunks(): AsyncIterable<Uint8Array>
  /** Drops the rest of the body (the socket stays reusable when it can). */
  discard(): void
}

export type Transport = (request: WireRequest) => Promise<WireAnswer>

const agents = {
  http: new HttpAgent({ keepAlive: true }),
  https: new HttpsAgent({ keepAlive: true })
}

export const nodeTransport: Transport = async request => {
  const { url, signal } = request
  signal.throwIfAborted()
  const secure = url.protocol === 'https:'
  const send = secure ? httpsRequest : httpRequest
  const headers: Record<string, string> = { ...request.headers }
  if (request.body !== undefined)
    headers['Content-Length'] = String(Buffer.byteLength(request.body))
  return new Promise<WireAnswer>((resolve, reject) => {
    const req = send(url, {
      method: request.method,
      agent: secure ? agents.https : agents.http,
      headers,
      signal
    })
    req.once('response', (res: IncomingMessage) => {
      resolve(nodeAnswer(res, signal))
    })
    req.once('error', error => reject(abortReason(signal) ?? error))
    req.end(request.body)
  })
}

function nodeAnswer(res: IncomingMessage, signal: AbortSignal): WireAnswer {
  // Errors after the headers surface through chunks(); none may go unheard.
  res.on('error', () => undefined)
  return {
    status: res.statusCode ?? 0,
    headers: nodeHeaders(res.headers),
    chunks: () => bodyOf(res, signal),
    discard: () => {
      res.resume()
    }
  }
}

async function* bodyOf(
  res: IncomingMessage,
  signal: AbortSignal
): AsyncIterable<Uint8Array> {
  try {
    for await (const chunk of res) yield chunk as Buffer
  } catch (error) {
    throw abortReason(signal) ?? error
  }
  // The peer closed before Content-Length bytes arrived.
  if (!res.complete) throw abortReason(signal) ?? new Error('aborted')
}

function nodeHeaders(headers: IncomingHttpHeaders): HeaderBag {
  return {
    get: name => {
      const value = headers[name.toLowerCase()]
      if (value === undefined) return null
      return Array.isArray(value) ? value.join(', ') : value
    }
  }
}

/** AbortSignal.timeout() aborts with a DOMException named TimeoutError. */
function abortReason(signal: AbortSignal): Error | undefined {
  if (!signal.aborted) return undefined
  const reason: unknown = signal.reason
  return reason instanceof Error
    ? reason
    : new DOMException('This operation was aborted', 'AbortError')
}

/** An injected fetch as a Transport (redirects are followed by http.ts). */
export function fetchTransport(fetchImpl: typeof fetch): Transport {
  return async request => {
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      redirect: 'manual',
      signal: request.signal,
      ...(request.body === undefined ? {} : { body: request.body })
    })
    return {
      status: response.status,
      headers: response.headers,
      chunks: async function* () {
        if (response.body === null) return
        const reader: ReadableStreamDefaultReader<Uint8Array> =
          response.body.getReader()
        for (;;) {
          const next = await reader.read()
          if (next.done) return
          yield next.value
        }
      },
      discard: () => {
        void response.body?.cancel().catch(() => undefined)
      }
    }
  }
}
