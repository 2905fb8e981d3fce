/**
 * The OSV API as the evidence of a bump needs it (issue 9, EVIDENCE.md §3.1):
 * `POST /v1/querybatch` for the ids affecting each package version, every
 * page read, and `GET /v1/vulns/{id}` for a full record, cached per id.
 *
 * - At most 1000 queries per request (`maxBatchQueries` in google/osv.dev);
 *   more are sent as consecutive chunks, one request at a time (the public
 *   service is rate limited, and a run asks for a few hundred at most).
 * - Identical queries are asked once; each gets the same answer.
 * - A query whose result carries `next_page_token` is resent, alone with the
 *   other unfinished ones, with `page_token`, until no token comes back.
 * - Failures reject with an OsvError naming the service and what to do; the
 *   pipeline shows them as "evidence unavailable" and blocks nothing.
 */
import type { OsvQuery, OsvRecord } from '../core/evidence/types.js'
import type {
  Logger,
  RequestCounter,
  VulnerabilityDatabase
} from '../pipeline/ports.js'
import { batchBody, parseBatch, parseRecord } from './answers.js'
import { OSV_ADVICE, OsvError, requestJson, service } from './request.js'
import type { OsvRequestOptions } from './request.js'

export { OsvError } from './request.js'

export const DEFAULT_OSV_API = 'https://api.osv.dev'
/** Queries per querybatch request: the service's limit. */
export const MAX_BATCH_QUERIES = 1000
/** Pages per query before giving up (1000 ids a page: far past any real package). */
const MAX_PAGES = 100
/** OSV's own cap over HTTP/1.1 (EVIDENCE.md §3.1). */
const BATCH_BODY_LIMIT = 32 * 1024 * 1024
/** Distro records list every affected version; the largest are a few MB. */
const RECORD_BODY_LIMIT = 16 * 1024 * 1024

export interface OsvClientOptions {
  /** Base URL of the API (default https://api.osv.dev): input osv-url, CLI --osv-url. */
  readonly url?: string
  /** Per request attempt, the body included (default 20 s). */
  readonly timeoutMs?: number
  readonly logger: Logger
  /** Default: the global fetch. */
  readonly fetch?: typeof fetch
  /** Retries of 5xx, 429 and network errors (default 2); timeouts are not retried. */
  readonly retries?: number
  /** First retry delay, doubled per retry (default 500 ms). */
  readonly backoffMs?: number
  /** Counts requests by kind ("osv-querybatch", "osv-vuln") for the benchmark. */
  readonly counter?: RequestCounter
}

interface Pending {
  /** Index into the unique queries. */
  readonly index: number
  readonly token?: string
}

export class OsvClient implements VulnerabilityDatabase {
  private readonly request: OsvRequestOptions
  private readonly records = new Map<string, Promise<OsvRecord>>()

  constructor(options: OsvClientOptions) {
    const url = (options.url ?? DEFAULT_OSV_API).replace(/\/+$/, '')
    if (!URL.canParse(url) || !/^https?:/i.test(url)) {
      throw new Error(
        `osv-url "${url}" is not an http(s) URL of an OSV API; use ${DEFAULT_OSV_API} (the default) or your mirror's base URL.`
      )
    }
    this.request = {
      baseUrl: url,
      timeoutMs: options.timeoutMs ?? 20_000,
      retries: options.retries ?? 2,
      backoffMs: options.backoffMs ?? 500,
      fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
      logger: options.logger,
      ...(options.counter === undefined ? {} : { counter: options.counter })
    }
  }

  async queryBatch(queries: readonly OsvQuery[]): Promise<string[][]> {
    const slots = new Map<string, number>()
    const unique: OsvQuery[] = []
    const slotOf = queries.map(query => {
      const key = JSON.stringify([query.ecosystem, query.name, query.version])
      let slot = slots.get(key)
      if (slot === undefined) {
        slot = unique.push(query) - 1
        slots.set(key, slot)
      }
      return slot
    })
    const ids = await this.allPages(unique)
    return slotOf.map(slot => [...(ids[slot] ?? [])])
  }

  async vulnerability(id: string): Promise<OsvRecord> {
    let record = this.records.get(id)
    if (record === undefined) {
      record = this.fetchRecord(id)
      this.records.set(id, record)
      // A failure is not cached: a later caller may try again.
      record.catch(() => this.records.delete(id))
    }
    return record
  }

  private async allPages(queries: readonly OsvQuery[]): Promise<string[][]> {
    const ids = queries.map(() => new Set<string>())
    let pending: Pending[] = queries.map((_, index) => ({ index }))
    for (let page = 1; pending.length > 0; page++) {
      if (page > MAX_PAGES) {
        throw new OsvError(
          `${service(this.request)}: POST /v1/querybatch still had more pages after ${MAX_PAGES} for ${pending.length} queries; stopped. ${OSV_ADVICE}`
        )
      }
      const next: Pending[] = []
      for (let at = 0; at < pending.length; at += MAX_BATCH_QUERIES) {
        const chunk = pending.slice(at, at + MAX_BATCH_QUERIES)
        next.push(...(await this.askChunk(queries, chunk, ids)))
      }
      pending = next
    }
    return ids.map(set => [...set])
  }

  /** One querybatch request; returns the queries that have another page. */
  private async askChunk(
    queries: readonly OsvQuery[],
    chunk: readonly Pending[],
    ids: readonly Set<string>[]
  ): Promise<Pending[]> {
    const body = batchBody(
      chunk.map(p => queries[p.index] as OsvQuery),
      chunk.map(p => p.token)
    )
    const answer = await requestJson(this.request, {
      method: 'POST',
      path: '/v1/querybatch',
      body,
      maxBytes: BATCH_BODY_LIMIT,
      kind: 'osv-querybatch'
    })
    const results = parseBatch(answer, chunk.length)
    if (typeof results === 'string') {
      throw new OsvError(
        `${service(this.request)}: the answer to POST /v1/querybatch does not fit its ${chunk.length} queries (${results}); check that osv-url points at an OSV API. ${OSV_ADVICE}`
      )
    }
    const next: Pending[] = []
    results.forEach((result, j) => {
      const pending = chunk[j] as Pending
      result.ids.forEach(id => ids[pending.index]?.add(id))
      const token = result.nextPageToken
      if (token === undefined) return
      if (token === pending.token) {
        throw new OsvError(
          `${service(this.request)}: POST /v1/querybatch gave the same next_page_token twice; stopped paging. ${OSV_ADVICE}`
        )
      }
      next.push({ index: pending.index, token })
    })
    return next
  }

  private async fetchRecord(id: string): Promise<OsvRecord> {
    const path = `/v1/vulns/${encodeURIComponent(id)}`
    let answer: unknown
    try {
      answer = await requestJson(this.request, {
        method: 'GET',
        path,
        maxBytes: RECORD_BODY_LIMIT,
        kind: 'osv-vuln'
      })
    } catch (error) {
      if (error instanceof OsvError && error.status === 404) {
        throw new OsvError(
          `${service(this.request)} has no record ${id} (GET ${path} answered 404); it may have been withdrawn or merged into another id.`,
          404
        )
      }
      throw error
    }
    const record = parseRecord(answer)
    if (typeof record === 'string') {
      throw new OsvError(
        `${service(this.request)}: GET ${path} did not give an OSV record (${record}); check that osv-url points at an OSV API. ${OSV_ADVICE}`
      )
    }
    return record
  }
}
