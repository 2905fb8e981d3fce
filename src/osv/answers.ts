/**
 * Reading OSV's answers (google/osv.dev docs/osv_service_v1.swagger.json;
 * docs/api/post-v1-querybatch.md): what the client relies on is checked,
 * the rest of a record is dropped. Pure.
 */
import type { OsvQuery, OsvRecord } from '../core/evidence/types.js'

/** One querybatch result: the ids of this page and the token of the next. */
export interface BatchResult {
  readonly ids: readonly string[]
  readonly nextPageToken?: string
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function strings(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined
  return value.filter((item): item is string => typeof item === 'string')
}

/**
 * The request body, with the proto field names OSV's docs use
 * (`page_token`; the service also accepts `pageToken`).
 */
export function batchBody(
  queries: readonly OsvQuery[],
  tokens: readonly (string | undefined)[]
): string {
  return JSON.stringify({
    queries: queries.map((query, i) => {
      const token = tokens[i]
      return {
        package: { ecosystem: query.ecosystem, name: query.name },
        version: query.version,
        ...(token === undefined ? {} : { page_token: token })
      }
    })
  })
}

/**
 * `{results: [{vulns: [{id, modified}], next_page_token?} | {}, …]}`, one
 * result per query in input order; a string saying what is wrong otherwise.
 */
export function parseBatch(
  body: unknown,
  expected: number
): BatchResult[] | string {
  const results = isRecord(body) ? body.results : undefined
  if (!Array.isArray(results)) return 'the answer has no results list'
  if (results.length !== expected) {
    return `the answer has ${results.length} results for ${expected} queries`
  }
  const parsed: BatchResult[] = []
  for (const [i, result] of results.entries()) {
    const one = parseResult(result)
    if (typeof one === 'string') return `result ${i}: ${one}`
    parsed.push(one)
  }
  return parsed
}

function parseResult(result: unknown): BatchResult | string {
  if (!isRecord(result)) return 'not an object'
  const vulns = result.vulns ?? []
  if (!Array.isArray(vulns)) return 'vulns is not a list'
  const ids: string[] = []
  for (const vuln of vulns) {
    if (!isRecord(vuln) || typeof vuln.id !== 'string' || vuln.id === '') {
      return 'a vulnerability without an id'
    }
    ids.push(vuln.id)
  }
  // The service writes proto names; the description says nextPageToken.
  const token = result.next_page_token ?? result.nextPageToken
  if (token === undefined || token === '') return { ids }
  if (typeof token !== 'string') return 'next_page_token is not a string'
  return { ids, nextPageToken: token }
}

/** The fields of a record we read; a wrongly typed optional field is dropped. */
export function parseRecord(body: unknown): OsvRecord | string {
  if (!isRecord(body)) return 'the answer is not a JSON object'
  if (typeof body.id !== 'string' || body.id === '') {
    return 'the record has no id'
  }
  const text = (key: string): Record<string, unknown> =>
    typeof body[key] === 'string' ? { [key]: body[key] } : {}
  const list = (key: string): Record<string, string[]> => {
    const items = strings(body[key])
    return items === undefined ? {} : { [key]: items }
  }
  const severity = Array.isArray(body.severity)
    ? body.severity.filter(
        (s): s is { type: string; score: string } =>
          isRecord(s) &&
          typeof s.type === 'string' &&
          typeof s.score === 'string'
      )
    : undefined
  const specific = body.database_specific ?? body.databaseSpecific
  return {
    id: body.id,
    ...list('aliases'),
    ...list('upstream'),
    ...text('summary'),
    ...text('details'),
    ...text('withdrawn'),
    ...(severity === undefined
      ? {}
      : { severity: severity.map(s => ({ type: s.type, score: s.score })) }),
    ...(isRecord(specific) ? { database_specific: specific } : {})
  }
}
