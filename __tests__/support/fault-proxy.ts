/**
 * A fault-injecting plain-HTTP proxy on loopback, in front of a registry or
 * a token issuer. Each rule picks requests by method, path (with the query)
 * and occurrence, and answers them with a fault: a status with or without a
 * challenge, a reset connection, a hang, a truncated body, edited headers, a
 * replaced body, a redirect. Everything else is forwarded unchanged. Every
 * request is recorded with its headers (did a credential arrive here?).
 */
import { createHash } from 'node:crypto'
import { Agent, createServer, request as httpRequest } from 'node:http'
import type {
  IncomingHttpHeaders,
  IncomingMessage,
  OutgoingHttpHeaders,
  ServerResponse
} from 'node:http'

export type ResponseHeaders = Record<string, string | string[] | undefined>

export type FaultAction =
  /** Answer with this status, headers and body instead of forwarding. */
  | {
      readonly kind: 'answer'
      readonly status: number
      readonly headers?: Readonly<Record<string, string>>
      readonly body?: string
    }
  /** Destroy the socket with a TCP RST before answering. */
  | { readonly kind: 'reset' }
  /** Never answer (until the client gives up or the proxy stops). */
  | { readonly kind: 'hang' }
  /** Forward, then send half the body under the full Content-Length and close. */
  | { readonly kind: 'truncate' }
  /** Forward with the response headers (lowercase names) changed. */
  | {
      readonly kind: 'edit-headers'
      readonly edit: (h: ResponseHeaders) => void
    }
  /** Answer 200 with this body; Docker-Content-Digest of the body, or none. */
  | {
      readonly kind: 'body'
      readonly contentType: string
      readonly body: string
      readonly digestHeader: 'of-body' | 'none'
    }
  /** 307 to `location(path)`. */
  | { readonly kind: 'redirect'; readonly location: (path: string) => string }

export interface FaultRule {
  /** Any method when absent. */
  readonly method?: string
  /** Tested against the request target: path and query. */
  readonly path: RegExp
  /** 1-based occurrences among the requests this rule matches; all when absent. */
  readonly nth?: readonly number[]
  readonly action: FaultAction
}

export interface SeenRequest {
  readonly method: string
  /** Path and query. */
  readonly path: string
  readonly headers: IncomingHttpHeaders
  /** The fault applied, if any. */
  readonly fault?: FaultAction['kind']
}

export interface FaultProxyOptions {
  /** host:port to forward to. */
  readonly target: string
  readonly rules?: readonly FaultRule[]
  /** Change every forwarded response's headers (e.g. point a realm elsewhere). */
  readonly rewrite?: (headers: ResponseHeaders) => void
  /** The host name this proxy is addressed by (default 127.0.0.1); it listens on 127.0.0.1. */
  readonly hostName?: string
}

export interface FaultProxy {
  /** "<hostName>:<port>" */
  readonly host: string
  /** "http://<hostName>:<port>" */
  readonly url: string
  /** Every request, in arrival order. */
  readonly requests: readonly SeenRequest[]
  /** Requests whose method (any when undefined) and path match. */
  count(method: string | undefined, path: RegExp): number
  /** Every Authorization header value that arrived. */
  authorizations(): string[]
  setRules(rules: readonly FaultRule[]): void
  stop(): Promise<void>
}

export async function startFaultProxy(
  options: FaultProxyOptions
): Promise<FaultProxy> {
  let rules = options.rules ?? []
  const seen = new Map<FaultRule, number>()
  const requests: SeenRequest[] = []
  const agent = new Agent({ keepAlive: true })
  const server = createServer((req, res) => {
    const method = req.method ?? 'GET'
    const path = req.url ?? '/'
    const rule = rules.find(r => matches(r, method, path))
    let action: FaultAction | undefined
    if (rule !== undefined) {
      const occurrence = (seen.get(rule) ?? 0) + 1
      seen.set(rule, occurrence)
      if (rule.nth === undefined || rule.nth.includes(occurrence))
        action = rule.action
    }
    requests.push({
      method,
      path,
      headers: req.headers,
      ...(action === undefined ? {} : { fault: action.kind })
    })
    apply(action, req, res, options)
  })
  server.on('clientError', (_error, socket) => {
    socket.destroy()
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port =
    typeof address === 'object' && address !== null ? address.port : 0
  const host = `${options.hostName ?? '127.0.0.1'}:${port}`
  return {
    host,
    url: `http://${host}`,
    requests,
    count: (method, path) =>
      requests.filter(
        r => (method === undefined || r.method === method) && path.test(r.path)
      ).length,
    authorizations: () =>
      requests.flatMap(r =>
        r.headers.authorization === undefined ? [] : [r.headers.authorization]
      ),
    setRules: next => {
      rules = next
      seen.clear()
    },
    stop: async () => {
      server.closeAllConnections()
      agent.destroy()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  }

  function apply(
    action: FaultAction | undefined,
    req: IncomingMessage,
    res: ServerResponse,
    proxyOptions: FaultProxyOptions
  ): void {
    switch (action?.kind) {
      case undefined:
        forward(req, res, proxyOptions, agent, headers =>
          proxyOptions.rewrite?.(headers)
        )
        return
      case 'answer': {
        req.resume()
        const body = action.body ?? ''
        res
          .writeHead(action.status, {
            'Content-Length': String(Buffer.byteLength(body)),
            ...action.headers
          })
          .end(body)
        return
      }
      case 'reset':
        req.socket.resetAndDestroy()
        return
      case 'hang':
        req.resume()
        return
      case 'truncate':
        forwardTruncated(req, res, proxyOptions, agent)
        return
      case 'edit-headers':
        forward(req, res, proxyOptions, agent, headers => {
          proxyOptions.rewrite?.(headers)
          action.edit(headers)
        })
        return
      case 'body': {
        req.resume()
        const digest = `sha256:${createHash('sha256').update(action.body).digest('hex')}`
        res
          .writeHead(200, {
            'Content-Type': action.contentType,
            'Content-Length': String(Buffer.byteLength(action.body)),
            ...(action.digestHeader === 'of-body'
              ? { 'Docker-Content-Digest': digest }
              : {})
          })
          .end(action.body)
        return
      }
      case 'redirect':
        req.resume()
        res
          .writeHead(307, {
            Location: action.location(req.url ?? '/'),
            'Content-Length': '0'
          })
          .end()
        return
    }
  }
}

function matches(rule: FaultRule, method: string, path: string): boolean {
  return (
    (rule.method === undefined || rule.method === method) &&
    rule.path.test(path)
  )
}

function upstreamRequest(
  req: IncomingMessage,
  options: FaultProxyOptions,
  agent: Agent,
  onAnswer: (answer: IncomingMessage) => void,
  res: ServerResponse
): void {
  const [hostname = '127.0.0.1', port = '80'] = options.target.split(':')
  const upstream = httpRequest(
    {
      hostname,
      port: Number(port),
      method: req.method,
      path: req.url,
      headers: req.headers,
      agent
    },
    onAnswer
  )
  upstream.on('error', error => {
    if (!res.headersSent) res.writeHead(502)
    res.end(String(error))
  })
  req.pipe(upstream)
}

function forward(
  req: IncomingMessage,
  res: ServerResponse,
  options: FaultProxyOptions,
  agent: Agent,
  edit: (headers: ResponseHeaders) => void
): void {
  upstreamRequest(
    req,
    options,
    agent,
    answer => {
      const headers: ResponseHeaders = { ...answer.headers }
      edit(headers)
      res.writeHead(answer.statusCode ?? 502, headers as OutgoingHttpHeaders)
      answer.pipe(res)
    },
    res
  )
}

function forwardTruncated(
  req: IncomingMessage,
  res: ServerResponse,
  options: FaultProxyOptions,
  agent: Agent
): void {
  upstreamRequest(
    req,
    options,
    agent,
    answer => {
      const chunks: Buffer[] = []
      answer.on('data', (chunk: Buffer) => chunks.push(chunk))
      answer.on('end', () => {
        const body = Buffer.concat(chunks)
        const headers: ResponseHeaders = {
          ...answer.headers,
          'content-length': String(body.byteLength)
        }
        res.writeHead(answer.statusCode ?? 502, headers as OutgoingHttpHeaders)
        res.flushHeaders()
        res.write(body.subarray(0, Math.floor(body.byteLength / 2)), () => {
          res.destroy()
        })
      })
    },
    res
  )
}

/** An OCI error body (distribution-spec "Error Codes"). */
export function ociErrorBody(code: string, message: string): string {
  return JSON.stringify({ errors: [{ code, message, detail: null }] })
}

/** Ready-made faults, named as the registry answers them. */
export const faults = {
  /** 401, with the given WWW-Authenticate challenge or none. */
  unauthorized: (challenge?: string): FaultAction => ({
    kind: 'answer',
    status: 401,
    headers: {
      'Content-Type': 'application/json',
      ...(challenge === undefined ? {} : { 'WWW-Authenticate': challenge })
    },
    body: ociErrorBody('UNAUTHORIZED', 'authentication required')
  }),
  /** 403 DENIED without WWW-Authenticate, as GHCR answers. */
  denied: (): FaultAction => ({
    kind: 'answer',
    status: 403,
    headers: { 'Content-Type': 'application/json' },
    body: ociErrorBody('DENIED', 'requested access to the resource is denied')
  }),
  manifestUnknown: (): FaultAction => ({
    kind: 'answer',
    status: 404,
    headers: { 'Content-Type': 'application/json' },
    body: ociErrorBody('MANIFEST_UNKNOWN', 'manifest unknown')
  }),
  nameUnknown: (): FaultAction => ({
    kind: 'answer',
    status: 404,
    headers: { 'Content-Type': 'application/json' },
    body: ociErrorBody('NAME_UNKNOWN', 'repository name not known to registry')
  }),
  tooManyRequests: (retryAfter?: string): FaultAction => ({
    kind: 'answer',
    status: 429,
    headers: {
      'Content-Type': 'application/json',
      ...(retryAfter === undefined ? {} : { 'Retry-After': retryAfter })
    },
    body: ociErrorBody('TOOMANYREQUESTS', 'too many requests')
  }),
  status: (status: number, body = `${status} from the fault proxy`) =>
    ({
      kind: 'answer',
      status,
      headers: { 'Content-Type': 'text/plain' },
      body
    }) satisfies FaultAction,
  reset: (): FaultAction => ({ kind: 'reset' }),
  hang: (): FaultAction => ({ kind: 'hang' }),
  truncate: (): FaultAction => ({ kind: 'truncate' }),
  withoutHeader: (name: string): FaultAction => ({
    kind: 'edit-headers',
    edit: headers => {
      delete headers[name.toLowerCase()]
    }
  }),
  withHeader: (name: string, value: string): FaultAction => ({
    kind: 'edit-headers',
    edit: headers => {
      headers[name.toLowerCase()] = value
    }
  }),
  body: (
    contentType: string,
    body: string,
    digestHeader: 'of-body' | 'none' = 'of-body'
  ): FaultAction => ({ kind: 'body', contentType, body, digestHeader }),
  redirect: (location: (path: string) => string): FaultAction => ({
    kind: 'redirect',
    location
  })
}

/** A path pattern for one repository's manifests by `reference` (tag or digest). */
export function manifestPath(repository: string, reference: string): RegExp {
  return new RegExp(
    `^/v2/${escape(repository)}/manifests/${escape(reference)}$`
  )
}

/** The token request for one repository's pull scope (URL-encoded in the query). */
export function tokenPath(repository: string): RegExp {
  const scope = encodeURIComponent(`repository:${repository}:pull`)
  return new RegExp(`^/token\\?.*scope=${escape(scope)}(&|$)`)
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
