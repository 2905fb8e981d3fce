/**
 * Requests to the registry API: per-attempt timeout, bounded retries honoring
 * Retry-After, own redirect following, capped bodies, HTTPS with a plain-HTTP
 * fallback for loopback and insecure registries, and request slots per host
 * (issue 8: `--concurrency` applies per registry, so a slow registry never
 * holds back a fast one).
 */
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
import type { HttpRequest, HttpResponse, RequestKind } from './http-types.js'
import { HostHealth } from './host-health.js'
import { fetchTransport, nodeTransport } from './transport.js'
import type { Transport } from './transport.js'

export type { HttpRequest, HttpResponse, RequestKind } from './http-types.js'

export interface HttpOptions {
  readonly timeoutMs: number
  /** Retries of temporary failures; a timed-out request is retried once at most. */
  readonly retries: number
  readonly insecureRegistries?: readonly string[]
  /** A longer Retry-After fails the request as temporary instead of sleeping. */
  readonly maxRetryAfterMs?: number
  readonly counter?: RequestCounter
  readonly logger?: Logger
  /** Tests without a network; default: node:http(s) with keep-alive. */
  readonly fetch?: typeof fetch
  readonly sleep?: (ms: number) => Promise<void>
  readonly random?: () => number
  readonly now?: () => number
  /** Requests in flight at once per host (default: unlimited). */
  readonly maxInFlight?: number
}

const MAX_REDIRECTS = 5

type Scheme = 'https' | 'http'

export class RegistryHttp {
  private readonly schemes = new Map<string, Scheme>()
  private readonly probes = new Map<string, Promise<void>>()
  private readonly health: HostHealth
  private readonly transport: Transport

  constructor(private readonly options: HttpOptions) {
    this.health = new HostHealth(
      options.maxInFlight ?? Number.POSITIVE_INFINITY,
      options.timeoutMs
    )
    this.transport =
      options.fetch === undefined
        ? nodeTransport
        : fetchTransport(options.fetch)
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
    const host = new URL(url).host
    return this.health
      .slots(host)
      .run(async () => this.sendHolding(url, host, request, probe))
  }

  // The slot is held through back-off and retries: a struggling registry
  // gets no more requests at once, and a retry does not queue behind new
  // requests, so one image's time stays bounded (issue 8: a timed-out
  // request is retried once; about twice the per-request timeout in all).
  private async sendHolding(
    url: string,
    host: string,
    request: HttpRequest,
    probe: boolean
  ): Promise<HttpResponse> {
    let timeouts = 0
    for (let attempt = 0; ; attempt++) {
      const silent = this.health.silent(host)
      if (silent !== undefined) throw silent
      let response: HttpResponse
      try {
        response = await this.attempt(url, request)
        this.health.answered(host)
        this.count(request.kind, request.registry)
      } catch (error) {
        const failure = asRegistryError(error, request.method, url)
        this.count(
          probe && failure.reason === 'network' ? 'ping' : request.kind,
          request.registry
        )
        if (failure.reason === 'timeout') timeouts++
        const last =
          probe ||
          !failure.temporary ||
          attempt >= this.options.retries ||
          timeouts > 1
        if (last && failure.reason === 'timeout') this.health.timedOut(host)
        if (last) throw failure
        await this.pause(this.backoff(attempt))
        continue
      }
      if (
        !isRetryableStatus(response.status) ||
        attempt >= this.options.retries
      ) {
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
    const signal = AbortSignal.timeout(this.options.timeoutMs)
    let current = new URL(url)
    let headers: Record<string, string> = { ...request.headers }
    let method: string = request.method
    let body = request.body
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const answer = await this.transport({
        url: current,
        method,
        headers,
        signal,
        ...(body === undefined ? {} : { body })
      })
      const location = answer.headers.get('location')
      if (!isRedirect(answer.status) || location === null) {
        return readResponse(answer, method, current, request.maxBodyBytes)
      }
      answer.discard()
      const next = new URL(location, current)
      if (next.origin !== current.origin)
        headers = withoutAuthorization(headers)
      // Fetch standard: 303 (and 301/302 after POST) become GET without a body.
      if (answer.status === 303 || (method === 'POST' && answer.status < 303)) {
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
