/**
 * Fetch for the registry API: per-attempt timeout, bounded retries honoring
 * Retry-After, own redirect following, capped bodies, HTTPS with a plain-HTTP
 * fallback for loopback and insecure registries.
 */
import { headFetch } from './head-fetch.js'
import { Slots } from '../core/slots.js'
import type { Logger, RequestCounter } from '../pipeline/ports.js'
import { RegistryError } from './errors.js'
import { asRegistryError, readResponse } from './http-response.js'
import {
  allowsPlainHttp,
  backoffDelay,
  isRetryableStatus,
  parseRetryAfter,
  redactUrl
} from './http-policy.js'

export type RequestKind =
  | 'manifest-head'
  | 'manifest-get'
  | 'blob-get'
  | 'token'
  | 'ping'
  /** Only after a 404, to tell a missing repository from a missing tag. */
  | 'tags-list'

export interface HttpRequest {
  readonly method: 'GET' | 'HEAD' | 'POST'
  readonly kind: RequestKind
  /** The registry as referenced ("docker.io"), for counting and messages. */
  readonly registry: string
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string
  /** Cap for a 2xx body; larger answers fail. */
  readonly maxBodyBytes?: number
}

export interface HttpResponse {
  readonly status: number
  readonly headers: Headers
  /** The exact bytes (empty for HEAD). */
  readonly body: Uint8Array
  /** Final URL after redirects, redacted. */
  readonly url: string
}

export interface HttpOptions {
  readonly timeoutMs: number
  readonly retries: number
  readonly insecureRegistries?: readonly string[]
  /** A longer Retry-After fails the request as temporary instead of sleeping. */
  readonly maxRetryAfterMs?: number
  readonly counter?: RequestCounter
  readonly logger?: Logger
  readonly fetch?: typeof fetch
  readonly sleep?: (ms: number) => Promise<void>
  readonly random?: () => number
  readonly now?: () => number
  /** Requests in flight at once, over all images (default: unlimited). */
  readonly maxInFlight?: number
}

const MAX_REDIRECTS = 5

type Scheme = 'https' | 'http'

export class RegistryHttp {
  private readonly schemes = new Map<string, Scheme>()
  private readonly probes = new Map<string, Promise<void>>()
  private readonly slots: Slots

  constructor(private readonly options: HttpOptions) {
    this.slots = new Slots(options.maxInFlight ?? Number.POSITIVE_INFINITY)
  }

  /** True when `host` may be spoken to over plain HTTP (loopback or listed insecure). */
  allowsPlainHttp(host: string): boolean {
    return allowsPlainHttp(host, this.options.insecureRegistries ?? [])
  }

  /** A request to the registry API at `host` (host[:port]); picks the scheme. */
  async toRegistry(
    host: string,
    path: string,
    request: HttpRequest
  ): Promise<HttpResponse> {
    const known = this.schemes.get(host)
    if (known !== undefined)
      return this.send(`${known}://${host}${path}`, request)
    if (!this.allowsPlainHttp(host))
      return this.send(`https://${host}${path}`, request)
    const probing = this.probes.get(host)
    if (probing !== undefined) {
      await probing
      return this.toRegistry(host, path, request)
    }
    const probe = this.probeScheme(host, path, request)
    this.probes.set(
      host,
      probe.then(
        () => undefined,
        () => undefined
      )
    )
    try {
      return await probe
    } finally {
      this.probes.delete(host)
    }
  }

  /** A request to an absolute URL (token realm). */
  async toUrl(url: string, request: HttpRequest): Promise<HttpResponse> {
    return this.send(url, request)
  }

  // Loopback / insecure: HTTPS first, plain HTTP after a TLS or connection
  // error, remembered per host for the run (containerd does the same for
  // localhost, FACTS.md §1.3). Concurrent callers wait for the first answer.
  private async probeScheme(
    host: string,
    path: string,
    request: HttpRequest
  ): Promise<HttpResponse> {
    try {
      const response = await this.send(`https://${host}${path}`, request, true)
      this.schemes.set(host, 'https')
      return response
    } catch (error) {
      if (!(error instanceof RegistryError) || error.reason !== 'network') {
        throw error
      }
      this.options.logger?.debug(
        `${host}: HTTPS failed (${error.message}); using plain HTTP for this run`
      )
      this.schemes.set(host, 'http')
      return this.send(`http://${host}${path}`, request)
    }
  }

  private async send(
    url: string,
    request: HttpRequest,
    probe = false
  ): Promise<HttpResponse> {
    const { retries } = this.options
    for (let attempt = 0; ; attempt++) {
      let response: HttpResponse
      try {
        response = await this.slots.run(async () => this.attempt(url, request))
        this.count(request.kind, request.registry)
      } catch (error) {
        const failure = asRegistryError(error, request.method, url)
        this.count(
          probe && failure.reason === 'network' ? 'ping' : request.kind,
          request.registry
        )
        if (probe || !failure.temporary || attempt >= retries) throw failure
        await this.pause(this.backoff(attempt))
        continue
      }
      if (!isRetryableStatus(response.status) || attempt >= retries) {
        return response
      }
      const wait = this.retryWait(response, attempt)
      if (wait === undefined) return response
      this.options.logger?.debug(
        `${request.method} ${response.url}: ${response.status}, retrying in ${wait} ms`
      )
      await this.pause(wait)
    }
  }

  /** undefined: the server asked for a longer wait than we accept. */
  private retryWait(
    response: HttpResponse,
    attempt: number
  ): number | undefined {
    const now = this.options.now?.() ?? Date.now()
    const asked = parseRetryAfter(response.headers.get('retry-after'), now)
    if (asked === undefined) return this.backoff(attempt)
    const cap = this.options.maxRetryAfterMs ?? 60_000
    return asked > cap ? undefined : asked
  }

  private backoff(attempt: number): number {
    return backoffDelay(attempt, this.options.random?.() ?? Math.random())
  }

  private async pause(ms: number): Promise<void> {
    const sleep = this.options.sleep ?? defaultSleep
    await sleep(ms)
  }

  private count(kind: RequestKind, registry: string): void {
    this.options.counter?.count(kind, registry)
  }

  // One attempt: redirects followed by hand so Authorization never leaves its
  // origin (distribution-spec main, "API": MUST NOT forward it across hosts).
  private async attempt(
    url: string,
    request: HttpRequest
  ): Promise<HttpResponse> {
    const fetchImpl = this.options.fetch ?? headFetch
    const signal = AbortSignal.timeout(this.options.timeoutMs)
    let current = new URL(url)
    let headers: Record<string, string> = { ...request.headers }
    let method = request.method
    let body = request.body
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const response = await fetchImpl(current, {
        method,
        headers,
        redirect: 'manual',
        signal,
        ...(body === undefined ? {} : { body })
      })
      const location = response.headers.get('location')
      if (!isRedirect(response.status) || location === null) {
        return readResponse(response, method, current, request.maxBodyBytes)
      }
      await response.body?.cancel()
      const next = new URL(location, current)
      if (next.origin !== current.origin)
        headers = withoutAuthorization(headers)
      // Fetch standard: 303 (and 301/302 after POST) become GET without a body.
      if (
        response.status === 303 ||
        (method === 'POST' && response.status < 303)
      ) {
        method = 'GET'
        body = undefined
      }
      current = next
    }
    throw new RegistryError({
      reason: 'invalid-response',
      message: `${request.method} ${redactUrl(url)}: more than ${MAX_REDIRECTS} redirects`,
      method: request.method,
      url: redactUrl(url)
    })
  }
}

function isRedirect(status: number): boolean {
  return [301, 302, 303, 307, 308].includes(status)
}

function withoutAuthorization(
  headers: Record<string, string>
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(
      ([name]) => name.toLowerCase() !== 'authorization'
    )
  )
}

async function defaultSleep(ms: number): Promise<void> {
  await new Promise(resolve => setTimeout(resolve, ms))
}
