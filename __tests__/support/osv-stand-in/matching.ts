/**
 * Which records affect a query, and the pages of the answer.
 *
 * Matching is what the stand-in needs, not OSV's version algebra: a record
 * affects (ecosystem, name, version) when one of its `affected[]` entries
 * names the package and lists the version in `versions[]` (OSV fills that
 * list from the ranges for distro ecosystems; ranges are not evaluated here).
 *
 * Ecosystems are matched as OSV indexes them (google/osv.dev
 * go/internal/datastore `computeAffectedVersions`): an entry for
 * `Debian:12` is indexed under `Debian:12` and under the bare `Debian`. So a
 * query for `Debian:12` finds entries for `Debian:12` only, and a query for
 * bare `Debian` finds the entries of every release (and bare `Debian`
 * entries). A record whose entry says bare `Debian` is NOT found by a
 * `Debian:12` query, as in the real index.
 */

/** An OSV record as the API serves it (ossf/osv-schema field names). */
export interface OsvStandInRecord {
  readonly id: string
  readonly modified?: string
  readonly affected?: readonly {
    readonly package?: {
      readonly ecosystem?: string
      readonly name?: string
      readonly purl?: string
    }
    readonly versions?: readonly string[]
    readonly [field: string]: unknown
  }[]
  readonly [field: string]: unknown
}

export interface PackageQuery {
  readonly ecosystem: string
  readonly name: string
  readonly version: string
}

export interface QueryResult {
  readonly vulns?: readonly { readonly id: string; readonly modified: string }[]
  readonly next_page_token?: string
}

const DEFAULT_MODIFIED = '2026-01-01T00:00:00Z'

function indexedUnder(ecosystem: string) {
  const base = ecosystem.split(':', 1)[0] ?? ecosystem
  return new Set([ecosystem, base])
}

export function affects(record: OsvStandInRecord, query: PackageQuery) {
  return (record.affected ?? []).some(
    entry =>
      entry.package?.name === query.name &&
      indexedUnder(entry.package.ecosystem ?? '').has(query.ecosystem) &&
      (entry.versions ?? []).includes(query.version)
  )
}

/** Binds a page token to its query, so a token resent with another query is caught. */
function fingerprint(query: PackageQuery) {
  return JSON.stringify([query.ecosystem, query.name, query.version])
}

export function encodePageToken(query: PackageQuery, offset: number) {
  const text = JSON.stringify({ q: fingerprint(query), o: offset })
  return Buffer.from(text).toString('base64url')
}

/** The offset a token stands for, or a reason it is not a token for this query. */
export function decodePageToken(
  query: PackageQuery,
  token: string
): number | string {
  try {
    const parsed = JSON.parse(
      Buffer.from(token, 'base64url').toString('utf8')
    ) as { q?: unknown; o?: unknown }
    if (parsed.q !== fingerprint(query)) {
      return `page_token ${token} was issued for another query`
    }
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o)) {
      return parsed.o
    }
  } catch {
    // Falls through to the message below.
  }
  return `page_token ${token} is not a token this service issued`
}

/** One query's page from `offset`: `{}` when nothing affects it. */
export function answer(
  records: readonly OsvStandInRecord[],
  query: PackageQuery,
  offset: number,
  pageSize: number
): QueryResult {
  const hits = records
    .filter(record => affects(record, query))
    .map(record => ({
      id: record.id,
      modified: record.modified ?? DEFAULT_MODIFIED
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const page = hits.slice(offset, offset + pageSize)
  if (page.length === 0) return {}
  const next = offset + pageSize
  if (next >= hits.length) return { vulns: page }
  return { vulns: page, next_page_token: encodePageToken(query, next) }
}
