/**
 * POST /v1/querybatch: the checks OSV makes beyond the schema, then the
 * answer in input order.
 */
import { answer, decodePageToken } from './matching.js'
import type { OsvStandInRecord, PackageQuery, QueryResult } from './matching.js'

/** `maxBatchQueries` in google/osv.dev (EVIDENCE.md §3.1). */
export const MAX_BATCH_QUERIES = 1000

interface CheckedQuery {
  readonly commit?: string
  readonly version?: string
  readonly pageToken?: string
  readonly package?: {
    readonly name?: string
    readonly ecosystem?: string
    readonly purl?: string
  }
}

export type BatchOutcome =
  | { readonly kind: 'ok'; readonly results: QueryResult[] }
  | { readonly kind: 'invalid'; readonly errors: string[] }
  | { readonly kind: 'unsupported'; readonly message: string }

/** Reasons OSV rejects this (schema-valid) query with 400. */
function queryErrors(query: CheckedQuery, at: string): string[] {
  const purl = query.package?.purl
  if (query.commit !== undefined && query.version !== undefined) {
    return [`${at}: commit and version given; a query takes one`]
  }
  if (purl !== undefined && /@/.test(purl) && query.version !== undefined) {
    // "Top-level version or a versioned purl, never both" (EVIDENCE.md §3.1).
    return [`${at}: version given twice (in the purl and in version)`]
  }
  if (query.commit === undefined && query.package === undefined) {
    return [`${at}: a query needs a package or a commit`]
  }
  if (purl === undefined && query.package !== undefined) {
    const missing = (['name', 'ecosystem'] as const).filter(
      field => !query.package?.[field]
    )
    if (missing.length > 0) {
      return [`${at}/package: ${missing.join(' and ')} required without purl`]
    }
  }
  return []
}

function asPackageQuery(query: CheckedQuery): PackageQuery | undefined {
  const { name, ecosystem, purl } = query.package ?? {}
  if (purl !== undefined || query.commit !== undefined) return undefined
  if (name === undefined || ecosystem === undefined) return undefined
  if (query.version === undefined) return undefined
  return { name, ecosystem, version: query.version }
}

export function queryBatch(
  body: { readonly queries?: readonly CheckedQuery[] },
  records: readonly OsvStandInRecord[],
  pageSize: number
): BatchOutcome {
  const queries = body.queries ?? []
  if (queries.length > MAX_BATCH_QUERIES) {
    return {
      kind: 'invalid',
      errors: [
        `body/queries: ${queries.length} queries; at most ${MAX_BATCH_QUERIES} per batch`
      ]
    }
  }
  const errors = queries.flatMap((q, i) => queryErrors(q, `body/queries/${i}`))
  if (errors.length > 0) return { kind: 'invalid', errors }
  const results: QueryResult[] = []
  for (const [i, query] of queries.entries()) {
    const wanted = asPackageQuery(query)
    if (wanted === undefined) {
      return {
        kind: 'unsupported',
        message: `body/queries/${i}: the OSV stand-in answers only {package:{ecosystem,name},version} queries`
      }
    }
    let offset = 0
    if (query.pageToken !== undefined) {
      const decoded = decodePageToken(wanted, query.pageToken)
      if (typeof decoded === 'string') {
        return { kind: 'invalid', errors: [`body/queries/${i}: ${decoded}`] }
      }
      offset = decoded
    }
    results.push(answer(records, wanted, offset, pageSize))
  }
  return { kind: 'ok', results }
}
