/** The HTTP server: records, validates, injects faults, answers. */
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { OsvStandInRecord } from './matching.js'
import { queryBatch } from './querybatch.js'
import type { OsvSchema } from './schema.js'

export type OsvOperation = 'querybatch' | 'vulns'

/**
 * A fault for the next `times` requests (default: every request) to `on`
 * (default: both operations). The request is still recorded and validated.
 */
export type OsvFault =
  | {
      readonly kind: 'status'
      readonly status: number
      /** Sent as the Retry-After header (seconds). */
      readonly retryAfter?: number
      readonly times?: number
      readonly on?: OsvOperation
    }
  /** Never answers (the connection stays open until close()). */
  | {
      readonly kind: 'timeout'
      readonly times?: number
      readonly on?: OsvOperation
    }
  /** 200 with a body that is not JSON. */
  | {
      readonly kind: 'garbage'
      readonly times?: number
      readonly on?: OsvOperation
    }

export interface OsvRequestRecord {
  readonly method: string
  /** Path as sent (percent-encoding kept). */
  readonly path: string
  readonly operation: OsvOperation | 'unknown'
  /** The parsed JSON body, as sent (proto names kept). */
  readonly body: unknown
  status: number
  /** Why the request was rejected as invalid (empty when it was valid). */
  errors: string[]
}

interface Reply {
  readonly status: number
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: unknown
  readonly raw?: string
  readonly hang?: boolean
}

/** google.rpc.Status, as OSV answers errors (`rpcStatus` in the description). */
function status(http: number, code: number, message: string): Reply {
  return { status: http, body: { code, message, details: [] } }
}

export class OsvServer {
  readonly requests: OsvRequestRecord[] = []
  readonly responseViolations: string[] = []
  private fault: (OsvFault & { left: number }) | undefined
  private readonly server: Server
  private baseUrl = ''

  constructor(
    private readonly schema: OsvSchema,
    private readonly records: readonly OsvStandInRecord[],
    private readonly pageSize: number
  ) {
    this.server = createServer((request, response) => {
      void this.serve(request, response)
    })
  }

  get url() {
    return this.baseUrl
  }

  async listen() {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(0, '127.0.0.1', () => resolve())
    })
    const { port } = this.server.address() as AddressInfo
    this.baseUrl = `http://127.0.0.1:${port}`
  }

  setFault(fault: OsvFault | undefined) {
    this.fault =
      fault === undefined
        ? undefined
        : { ...fault, left: fault.times ?? Infinity }
  }

  async close() {
    this.server.closeAllConnections()
    await new Promise<void>(resolve => this.server.close(() => resolve()))
  }

  private async serve(request: IncomingMessage, response: ServerResponse) {
    let raw: Buffer
    try {
      raw = await readBody(request)
    } catch {
      response.destroy()
      return
    }
    const path = request.url ?? '/'
    const method = request.method ?? 'GET'
    const operation = operationOf(method, path)
    const body = parseJson(raw)
    const record: OsvRequestRecord = {
      method,
      path,
      operation,
      body: body.ok ? body.value : raw.toString('utf8'),
      status: 0,
      errors: []
    }
    this.requests.push(record)
    const valid = this.answer(record, request, raw, body)
    const reply = this.takeFault(operation) ?? valid
    record.status = reply.hang === true ? 0 : reply.status
    if (reply.hang === true) return
    if (reply.raw !== undefined) {
      response.writeHead(reply.status, { 'content-type': 'application/json' })
      response.end(reply.raw)
      return
    }
    const text = JSON.stringify(reply.body)
    response.writeHead(reply.status, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(text)),
      ...reply.headers
    })
    response.end(text)
  }

  private takeFault(
    operation: OsvRequestRecord['operation']
  ): Reply | undefined {
    const fault = this.fault
    if (fault === undefined || fault.left <= 0) return undefined
    if (fault.on !== undefined && fault.on !== operation) return undefined
    fault.left -= 1
    switch (fault.kind) {
      case 'status':
        return {
          ...status(fault.status, 14, 'injected fault: service unavailable'),
          ...(fault.retryAfter === undefined
            ? {}
            : { headers: { 'retry-after': String(fault.retryAfter) } })
        }
      case 'timeout':
        return { status: 0, hang: true }
      case 'garbage':
        return { status: 200, raw: '<html>upstream connect error' }
    }
  }

  private answer(
    record: OsvRequestRecord,
    request: IncomingMessage,
    raw: Buffer,
    body: ParsedJson
  ): Reply {
    const reject = (errors: string[]) => {
      record.errors.push(...errors)
      return status(400, 3, errors.join('; '))
    }
    const url = new URL(record.path, 'http://stand-in')
    if (record.operation === 'unknown') {
      record.errors.push(
        `${record.method} ${url.pathname} is not an OSV operation we use`
      )
      return status(404, 5, `${record.method} ${url.pathname}: Not Found`)
    }
    if ([...url.searchParams.keys()].length > 0) {
      return reject([`unknown query parameters: ${url.search}`])
    }
    if (record.operation === 'vulns') {
      if (raw.length > 0) return reject(['GET /v1/vulns/{id} takes no body'])
      const id = decodeId(url.pathname.slice('/v1/vulns/'.length))
      if (id === undefined) {
        return reject([`${url.pathname}: the id is not percent-encoded UTF-8`])
      }
      return this.vulnerability(id)
    }
    const type = request.headers['content-type'] ?? ''
    if (!/^application\/json\b/i.test(type)) {
      return reject([`content-type must be application/json, not '${type}'`])
    }
    if (!body.ok) return reject(['request body is not valid JSON'])
    const checked = this.schema.checkBatchBody(body.value)
    if (checked.errors.length > 0) return reject(checked.errors)
    const outcome = queryBatch(
      checked.body as Parameters<typeof queryBatch>[0],
      this.records,
      this.pageSize
    )
    if (outcome.kind === 'invalid') return reject(outcome.errors)
    if (outcome.kind === 'unsupported') {
      record.errors.push(outcome.message)
      return status(501, 12, outcome.message)
    }
    return this.checked('v1BatchVulnerabilityList', {
      results: outcome.results
    })
  }

  private vulnerability(id: string): Reply {
    const found = this.records.find(record => record.id === id)
    if (found === undefined) return status(404, 5, `Bug not found: ${id}`)
    return this.checked('osvVulnerability', found)
  }

  private checked(definition: string, body: unknown): Reply {
    this.responseViolations.push(...this.schema.checkResponse(definition, body))
    return { status: 200, body }
  }
}

function operationOf(
  method: string,
  path: string
): OsvRequestRecord['operation'] {
  const pathname = path.split('?', 1)[0] ?? ''
  if (method === 'POST' && pathname === '/v1/querybatch') return 'querybatch'
  if (method === 'GET' && /^\/v1\/vulns\/[^/]+$/.test(pathname)) return 'vulns'
  return 'unknown'
}

function decodeId(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

type ParsedJson = { ok: true; value: unknown } | { ok: false }

function parseJson(raw: Buffer): ParsedJson {
  if (raw.length === 0) return { ok: false }
  try {
    return { ok: true, value: JSON.parse(raw.toString('utf8')) as unknown }
  } catch {
    return { ok: false }
  }
}

async function readBody(request: IncomingMessage) {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
