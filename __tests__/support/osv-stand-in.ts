/**
 * An OSV API stand-in for tests (issue 9): an HTTP server on 127.0.0.1
 * serving `POST /v1/querybatch` and `GET /v1/vulns/{id}` from a list of
 * records in the OSV schema.
 *
 * Every request is checked against OSV's published API description
 * (google/osv.dev docs/osv_service_v1.swagger.json, extracted into
 * osv-openapi.json by scripts/extract-osv-schema.mjs): an unknown field, a
 * wrong type, both `version` and a versioned purl, or more than 1000 queries
 * is answered with 400 and kept in `requests[i].errors` (so `violations()`
 * fails a test that sent one). Field names follow the proto3 JSON mapping:
 * `page_token` and `pageToken` are both accepted; answers use the proto
 * names (`next_page_token`), as the service and its docs do.
 *
 * Answers: querybatch gives, in input order, `{vulns:[{id,modified}]}` or
 * `{}` for no hits, and `next_page_token` when a query has more than
 * `pageSize` hits (only those queries need resending, with `page_token`).
 * Matching (osv-stand-in/matching.ts): exact `affected[].versions[]`, the
 * ecosystem as OSV indexes it (`Debian:12` entries are found by `Debian:12`
 * and by bare `Debian` queries; a bare-`Debian` entry only by bare queries).
 * GET /v1/vulns/{id} gives the record as given, or 404.
 *
 * Faults (setFault): a status (5xx), a timeout (no answer), or garbage (200
 * with a body that is not JSON), for the next `times` requests.
 */
import type { OsvStandInRecord } from './osv-stand-in/matching.js'
import { OsvServer } from './osv-stand-in/server.js'
import type { OsvFault, OsvRequestRecord } from './osv-stand-in/server.js'
import { OsvSchema } from './osv-stand-in/schema.js'

export type { OsvStandInRecord } from './osv-stand-in/matching.js'
export type {
  OsvFault,
  OsvOperation,
  OsvRequestRecord
} from './osv-stand-in/server.js'
export { MAX_BATCH_QUERIES } from './osv-stand-in/querybatch.js'

export interface OsvStandInOptions {
  readonly records: readonly OsvStandInRecord[]
  /** Vulnerabilities per query per answer before `next_page_token` (default 1000). */
  readonly pageSize?: number
}

export interface OsvStandIn {
  /** http://127.0.0.1:<port>, to pass as the client's `url` (osv-url). */
  readonly url: string
  /** Every request, in arrival order. */
  readonly requests: readonly OsvRequestRecord[]
  /** "METHOD path: reason" for each request answered as invalid. */
  violations(): string[]
  /** Answers that do not fit the description (a bug in the stand-in or its records). */
  readonly responseViolations: readonly string[]
  /** The queries of each querybatch request, as sent. */
  batches(): unknown[][]
  setFault(fault: OsvFault | undefined): void
  close(): Promise<void>
}

let schema: OsvSchema | undefined

export async function startOsvStandIn(
  options: OsvStandInOptions
): Promise<OsvStandIn> {
  schema ??= new OsvSchema()
  const server = new OsvServer(
    schema,
    options.records,
    options.pageSize ?? 1000
  )
  await server.listen()
  return {
    url: server.url,
    requests: server.requests,
    responseViolations: server.responseViolations,
    violations: () =>
      server.requests.flatMap(r =>
        r.errors.map(error => `${r.method} ${r.path}: ${error}`)
      ),
    batches: () =>
      server.requests
        .filter(r => r.operation === 'querybatch')
        .map(r => {
          const body = r.body as { queries?: unknown[] } | undefined
          return body?.queries ?? []
        }),
    setFault: fault => server.setFault(fault),
    close: async () => server.close()
  }
}
