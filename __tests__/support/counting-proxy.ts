/**
 * A plain-HTTP proxy on 127.0.0.1 in front of a registry: counts requests by
 * kind, can add a fixed delay per request (the benchmark uses 30 ms), rewrite
 * response headers, or answer some requests itself. Bytes pass unchanged.
 */
import { Agent, createServer, request as httpRequest } from 'node:http'
import type {
  IncomingMessage,
  OutgoingHttpHeaders,
  ServerResponse
} from 'node:http'

export type RequestCategory =
  | 'manifest-head'
  | 'manifest-get'
  | 'blob-head'
  | 'blob-get'
  | 'ping'
  | 'other'
  /** Bytes that are not HTTP, e.g. a TLS ClientHello from an HTTPS attempt. */
  | 'not-http'

export interface ProxiedRequest {
  readonly method: string
  readonly path: string
  readonly kind: RequestCategory
  readonly headers: IncomingMessage['headers']
  /** performance.now() when it arrived (the benchmark's startup measure). */
  readonly at?: number
}

export interface SyntheticResponse {
  readonly status: number
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string
}

export interface CountingProxyOptions {
  /** host:port of the registry. */
  readonly target: string
  readonly delayMs?: number
  /** Answer instead of forwarding when this returns a response. */
  readonly respond?: (request: ProxiedRequest) => SyntheticResponse | undefined
  /** Change the registry's response headers (lowercase names) before they are sent. */
  readonly rewrite?: (
    request: ProxiedRequest,
    headers: Record<string, string | string[] | undefined>
  ) => void
}

export interface CountingProxy {
  readonly host: string
  readonly url: string
  /** Requests per category since the last reset. */
  readonly counts: Readonly<Record<string, number>>
  /** Every request since the last reset, in arrival order. */
  readonly requests: readonly ProxiedRequest[]
  /** Most requests in flight at once since the last reset. */
  readonly peakInFlight: number
  total(): number
  reset(): void
  setOptions(options: Partial<Omit<CountingProxyOptions, 'target'>>): void
  stop(): Promise<void>
}

export function categorize(method: string, path: string): RequestCategory {
  const pathname = path.split('?')[0] ?? ''
  if (pathname === '/v2/' || pathname === '/v2') return 'ping'
  const resource = /^\/v2\/.+\/(?<kind>manifests|blobs)\/[^/]+$/.exec(pathname)
    ?.groups?.['kind']
  if (resource === 'manifests' && method === 'HEAD') return 'manifest-head'
  if (resource === 'manifests' && method === 'GET') return 'manifest-get'
  if (resource === 'blobs' && method === 'HEAD') return 'blob-head'
  if (resource === 'blobs' && method === 'GET') return 'blob-get'
  return 'other'
}

export async function startCountingProxy(
  initial: CountingProxyOptions
): Promise<CountingProxy> {
  let options = initial
  let counts: Record<string, number> = {}
  let requests: ProxiedRequest[] = []
  let inFlight = 0
  let peakInFlight = 0
  const agent = new Agent({ keepAlive: true })
  const record = (entry: ProxiedRequest): void => {
    counts[entry.kind] = (counts[entry.kind] ?? 0) + 1
    requests.push({ ...entry, at: performance.now() })
  }
  const server = createServer((req, res) => {
    const entry: ProxiedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      kind: categorize(req.method ?? 'GET', req.url ?? '/'),
      headers: req.headers
    }
    record(entry)
    inFlight += 1
    peakInFlight = Math.max(peakInFlight, inFlight)
    res.on('close', () => {
      inFlight -= 1
    })
    void delay(options.delayMs ?? 0).then(() => {
      const synthetic = options.respond?.(entry)
      if (synthetic !== undefined) {
        req.resume()
        res.writeHead(synthetic.status, synthetic.headers).end(synthetic.body)
        return
      }
      forward(req, res, entry, options, agent)
    })
  })
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code?.startsWith('HPE_') === true) {
      record({ method: '', path: '', kind: 'not-http', headers: {} })
    }
    socket.destroy()
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port =
    typeof address === 'object' && address !== null ? address.port : 0
  return {
    host: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    get counts() {
      return counts
    },
    get requests() {
      return requests
    },
    get peakInFlight() {
      return peakInFlight
    },
    total: () => requests.filter(r => r.kind !== 'not-http').length,
    reset: () => {
      counts = {}
      requests = []
      peakInFlight = inFlight
    },
    setOptions: next => {
      options = { ...options, ...next }
    },
    stop: async () => {
      server.closeAllConnections()
      agent.destroy()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  }
}

function forward(
  req: IncomingMessage,
  res: ServerResponse,
  entry: ProxiedRequest,
  options: CountingProxyOptions,
  agent: Agent
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
    answer => {
      const headers: Record<string, string | string[] | undefined> = {
        ...answer.headers
      }
      options.rewrite?.(entry, headers)
      res.writeHead(answer.statusCode ?? 502, headers as OutgoingHttpHeaders)
      answer.pipe(res)
    }
  )
  upstream.on('error', error => {
    if (!res.headersSent) res.writeHead(502)
    res.end(String(error))
  })
  req.pipe(upstream)
}

async function delay(ms: number): Promise<void> {
  if (ms > 0) await new Promise(resolve => setTimeout(resolve, ms))
}
