/** The HTTP server: authenticates, validates, injects faults, answers. */
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { faultMatches } from './faults.js'
import type { Fault } from './faults.js'
import { checkGraphql, enableAutoMerge } from './graphql.js'
import { readBody, send, violationOf } from './http-io.js'
import type { MutableRecord } from './http-io.js'
import type { OpenApiCatalog } from './openapi-catalog.js'
import type { Route } from './openapi-schema.js'
import { ApiFailure, failure } from './replies.js'
import type { ApiInput, Handler, Reply } from './replies.js'
import type { RepositoryState } from './repository-state.js'
import { routeHandlers } from './routes.js'
import { parseJson, safeDecode } from './shared.js'
import type { GitHubStandInOptions, MergeMethod, Violation } from './types.js'
import { workflowRefusal } from './workflow-refusal.js'

export class StandInServer {
  readonly requests: MutableRecord[] = []
  readonly violations: Violation[] = []
  readonly responseViolations: Violation[] = []
  readonly faults: Fault[] = []
  private readonly server: Server
  private state: RepositoryState | undefined
  private handlers: Readonly<Record<string, Handler>> = {}
  private baseUrl = ''

  constructor(
    private readonly catalog: OpenApiCatalog,
    private readonly options: GitHubStandInOptions
  ) {
    this.server = createServer((request, response) => {
      void this.serve(request, response)
    })
  }

  async listen() {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(0, '127.0.0.1', () => resolve())
    })
    const { port } = this.server.address() as AddressInfo
    this.baseUrl = `http://127.0.0.1:${port}`
    return this.baseUrl
  }

  get url() {
    return this.baseUrl
  }

  attach(state: RepositoryState) {
    this.state = state
    this.handlers = routeHandlers(state)
  }

  async close() {
    this.server.closeAllConnections()
    await new Promise<void>(resolve => this.server.close(() => resolve()))
  }

  private async serve(request: IncomingMessage, response: ServerResponse) {
    try {
      const reply = await this.record(request)
      send(response, reply)
    } catch {
      // Only reading the body can get here: the client went away.
      response.destroy()
    }
  }

  private async record(request: IncomingMessage): Promise<Reply> {
    const url = new URL(request.url ?? '/', this.baseUrl)
    const raw = await readBody(request)
    const record: MutableRecord = {
      method: request.method ?? 'GET',
      path: safeDecode(url.pathname),
      query: Object.fromEntries(url.searchParams),
      operationId: 'unknown',
      status: 0,
      body: parseJson(raw)
    }
    this.requests.push(record)
    let reply: Reply
    try {
      reply = await this.process(request, url, raw, record)
    } catch (error) {
      reply = this.internalError(record, error)
    }
    record.status = reply.status
    return reply
  }

  private async process(
    request: IncomingMessage,
    url: URL,
    raw: Buffer,
    record: MutableRecord
  ): Promise<Reply> {
    const isGraphql = record.method === 'POST' && url.pathname === '/graphql'
    const matched = this.catalog.match(record.method, url.pathname)
    record.operationId = isGraphql
      ? 'graphql'
      : (matched?.route.operation.operationId ?? 'unknown')
    // GitHub authenticates before it routes.
    const denied = this.checkAuth(request)
    if (denied !== undefined) return denied
    if (isGraphql) return this.graphql(record)
    if (matched === undefined) {
      this.violate(record, [`no operation ${record.method} ${record.path}`])
      return { status: 404, body: failure(404, 'Not Found').body }
    }
    const { route } = matched
    const checked = this.catalog.checkRequest(route, {
      params: matched.params,
      query: url.searchParams,
      body: raw,
      contentType: request.headers['content-type']
    })
    if (checked.errors.length > 0) return this.violate(record, checked.errors)
    if (!this.isOurRepository(checked.params)) {
      return { status: 404, body: failure(404, 'Not Found').body }
    }
    const injected = await this.applyFaults(record)
    if (injected !== undefined && injected.afterEffect !== true) return injected
    const input = { ...checked, url }
    const { operationId } = route.operation
    // A refusal is GitHub's own answer outside the description: not shaped.
    const refused = await this.refusal(operationId, input)
    if (refused !== undefined) return refused
    const reply = await this.answer(operationId, input)
    if (injected !== undefined) return injected
    return (
      (await this.refusal(operationId, input, reply)) ??
      this.shape(route, record, reply)
    )
  }

  /** options.refuseWorkflowChanges: before the handler, or on its reply. */
  private async refusal(operationId: string, input: ApiInput, reply?: Reply) {
    const refusal = this.options.refuseWorkflowChanges
    if (refusal === undefined) return undefined
    const state = this.requireState()
    return workflowRefusal(state, refusal, operationId, input, reply)
  }

  private async answer(operationId: string, input: ApiInput) {
    const handler = this.handlers[operationId]
    if (handler === undefined) throw new Error(`no handler for ${operationId}`)
    try {
      return await handler(input)
    } catch (error) {
      if (error instanceof ApiFailure) {
        return { status: error.status, body: error.body }
      }
      throw error
    }
  }

  private shape(route: Route, record: MutableRecord, reply: Reply): Reply {
    const body = this.catalog.shapeResponse(route, reply.status, reply.body)
    const errors = this.catalog.checkResponse(route, reply.status, body)
    if (errors.length > 0) {
      this.responseViolations.push({ ...violationOf(record), errors })
    }
    return { ...reply, body }
  }

  private checkAuth(request: IncomingMessage): Reply | undefined {
    const { token } = this.options
    if (token === undefined) return undefined
    const header = request.headers.authorization ?? ''
    const match = /^(?:token|bearer) (.+)$/i.exec(header)
    if (match?.[1] === token) return undefined
    const message =
      header === '' ? 'Requires authentication' : 'Bad credentials'
    return { status: 401, body: failure(401, message).body }
  }

  private isOurRepository(params: Readonly<Record<string, unknown>>) {
    const same = (a: unknown, b: string) =>
      String(a).toLowerCase() === b.toLowerCase()
    return (
      same(params.owner, this.options.owner) &&
      same(params.repo, this.options.repo)
    )
  }

  private violate(record: MutableRecord, errors: readonly string[]): Reply {
    this.violations.push({ ...violationOf(record), errors })
    const message = `Invalid request.\n\n${errors.join('\n')}`
    return { status: 422, body: failure(422, message).body }
  }

  // A stand-in bug must fail the test, not look like a GitHub error.
  private internalError(record: MutableRecord, error: unknown): Reply {
    const message = error instanceof Error ? error.message : String(error)
    this.violations.push({
      ...violationOf(record),
      errors: [`stand-in internal error: ${message}`]
    })
    return { status: 500, body: { message } }
  }

  private async applyFaults(record: MutableRecord) {
    for (const fault of this.faults) {
      if (fault.remaining <= 0 || !faultMatches(fault.match, record)) continue
      fault.remaining--
      if (fault.delayMs !== undefined) await sleep(fault.delayMs)
      if (fault.response !== undefined) return fault.response
    }
    return undefined
  }

  private async graphql(record: MutableRecord): Promise<Reply> {
    const { errors, pullRequestId, mergeMethod } = checkGraphql(record.body)
    if (errors.length > 0) return this.violate(record, errors)
    const injected = await this.applyFaults(record)
    if (injected !== undefined) return injected
    const method = mergeMethod.toLowerCase() as MergeMethod
    return enableAutoMerge(this.requireState(), pullRequestId, method)
  }

  private requireState() {
    if (this.state === undefined) throw new Error('stand-in not attached')
    return this.state
  }
}
