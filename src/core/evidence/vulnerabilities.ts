/**
 * Which vulnerabilities a package delta fixes or introduces (issue 9
 * "Vulnerabilities", EVIDENCE.md §3.2, §3.3). Pure: builds the OSV queries
 * and reads the answers; pipeline/evidence.ts does the I/O.
 *
 * Distro records are keyed by SOURCE package name (openssl, not libssl3), so
 * OSV is asked with PackageChange.source ?? name and the binary's version.
 * Per source package: fixed = ids(old versions) − ids(new versions),
 * introduced = the reverse. Limitation: only changed binaries are asked, so
 * a source package whose other, unchanged binary still carries the old
 * version counts as fixed (the SBOM delta does not list unchanged ones).
 */
import { SEVERITY_LEVELS, severityOf, severityRank } from './severity.js'
import type {
  OsvQuery,
  OsvRecord,
  PackageChange,
  Vulnerability
} from './types.js'

/** Which side(s) of the delta a query stands for, and its source package. */
export interface QueryOwner {
  readonly package: string
  readonly old: boolean
  readonly new: boolean
}

export interface OsvQueryPlan {
  /** Deduplicated by (name, version). */
  readonly queries: OsvQuery[]
  /** owners[i] belongs to queries[i]. */
  readonly owners: QueryOwner[]
}

/** Old versions (updated + removed) and new versions (updated + added), deduplicated. */
export function osvQueries(
  changes: readonly PackageChange[],
  ecosystem: string
): OsvQueryPlan {
  const byKey = new Map<string, { query: OsvQuery; owner: QueryOwner }>()
  const add = (name: string, version: string, side: 'old' | 'new'): void => {
    const key = `${name}\0${version}`
    const seen = byKey.get(key)
    const owner = {
      package: name,
      old: side === 'old' || seen?.owner.old === true,
      new: side === 'new' || seen?.owner.new === true
    }
    byKey.set(key, { query: { ecosystem, name, version }, owner })
  }
  for (const change of changes) {
    const name = change.source ?? change.name
    if (change.change !== 'added' && change.oldVersion !== undefined) {
      add(name, change.oldVersion, 'old')
    }
    if (change.change !== 'removed' && change.newVersion !== undefined) {
      add(name, change.newVersion, 'new')
    }
  }
  const entries = [...byKey.values()]
  return {
    queries: entries.map(e => e.query),
    owners: entries.map(e => e.owner)
  }
}

/** Vulnerability id → the source packages it concerns (sorted). */
export interface VulnerabilityDelta {
  readonly fixed: ReadonlyMap<string, readonly string[]>
  readonly introduced: ReadonlyMap<string, readonly string[]>
}

/** results[i] = the ids OSV answered for plan.queries[i] (VulnerabilityDatabase.queryBatch). */
export function vulnerabilityDelta(
  plan: OsvQueryPlan,
  results: readonly (readonly string[])[]
): VulnerabilityDelta {
  const sides = new Map<string, { old: Set<string>; new: Set<string> }>()
  plan.owners.forEach((owner, index) => {
    const ids = results[index] ?? []
    const entry = sides.get(owner.package) ?? { old: new Set(), new: new Set() }
    sides.set(owner.package, entry)
    for (const id of ids) {
      if (owner.old) entry.old.add(id)
      if (owner.new) entry.new.add(id)
    }
  })
  const fixed = new Map<string, string[]>()
  const introduced = new Map<string, string[]>()
  const note = (map: Map<string, string[]>, id: string, pkg: string): void => {
    map.set(id, [...(map.get(id) ?? []), pkg])
  }
  for (const [pkg, { old, new: next }] of sides) {
    for (const id of old) if (!next.has(id)) note(fixed, id, pkg)
    for (const id of next) if (!old.has(id)) note(introduced, id, pkg)
  }
  const sorted = (map: Map<string, string[]>): Map<string, string[]> =>
    new Map([...map].map(([id, pkgs]) => [id, [...new Set(pkgs)].sort()]))
  return { fixed: sorted(fixed), introduced: sorted(introduced) }
}

/** Every id the delta needs a record for (GET /v1/vulns/{id}), sorted. */
export function differingIds(delta: VulnerabilityDelta): string[] {
  return [
    ...new Set([...delta.fixed.keys(), ...delta.introduced.keys()])
  ].sort()
}

const CVE = /CVE-\d{4}-\d{4,}/

/**
 * CVE ids from `aliases` and `upstream` (Alpine links its CVE through
 * `upstream` only: osv-schema "aliases should not be used to refer to
 * vulnerabilities in packages upstream") and from the id itself
 * (DEBIAN-CVE-2024-1234, ALPINE-CVE-…), deduplicated and sorted.
 */
function cvesOf(id: string, record?: OsvRecord): string[] {
  const texts = [id, ...(record?.aliases ?? []), ...(record?.upstream ?? [])]
  const cves = texts
    .map(t => CVE.exec(t)?.[0])
    .filter((t): t is string => t !== undefined)
  return [...new Set(cves)].sort()
}

const SUMMARY_MAX = 120

/** The record's summary, else the first line of its details, on one line, ~120 characters. */
function summaryOf(record: OsvRecord): string | undefined {
  const summary = oneLine(record.summary ?? '')
  const text =
    summary !== ''
      ? summary
      : oneLine(
          (record.details ?? '').split(/\r?\n/).find(l => l.trim() !== '') ?? ''
        )
  if (text === '') return undefined
  return text.length <= SUMMARY_MAX
    ? text
    : `${text.slice(0, SUMMARY_MAX - 1).trimEnd()}…`
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

export function toVulnerability(
  record: OsvRecord,
  packages: readonly string[]
): Vulnerability {
  const severity = severityOf(record)
  const summary = summaryOf(record)
  return {
    id: record.id,
    cves: cvesOf(record.id, record),
    ...(severity === undefined ? {} : { severity }),
    ...(summary === undefined ? {} : { summary }),
    url: `https://osv.dev/vulnerability/${encodeURIComponent(record.id)}`,
    packages: [...packages]
  }
}

/**
 * The vulnerabilities of one side of the delta, withdrawn records dropped,
 * ordered by severity (critical first) then id. An id whose record could not
 * be read still shows, with what its id says (its CVE, the link).
 */
export function vulnerabilityList(
  ids: ReadonlyMap<string, readonly string[]>,
  records: ReadonlyMap<string, OsvRecord>
): Vulnerability[] {
  const list: Vulnerability[] = []
  for (const [id, packages] of ids) {
    const record = records.get(id)
    if (record?.withdrawn !== undefined) continue
    list.push(toVulnerability(record ?? { id }, packages))
  }
  return list.sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}

/**
 * How many distinct vulnerabilities a list holds: one per CVE, whichever
 * records name it (Debian's DEBIAN-CVE-2024-1234 and the DSA-5678-1 that
 * fixes it are one), counted at the highest severity among those records; a
 * record without a CVE counts alone. A DSA fixing two CVEs counts two, so
 * the count matches the CVEs the table lists. Every id stays in the list
 * (each links its own advisory).
 */
export function countVulnerabilities(list: readonly Vulnerability[]): {
  readonly total: number
  readonly bySeverity: ReadonlyMap<string, number>
} {
  const ranks = new Map<string, number>()
  for (const v of list) {
    const rank = severityRank(v.severity)
    for (const name of v.cves.length === 0 ? [`\0${v.id}`] : v.cves)
      ranks.set(name, Math.min(rank, ranks.get(name) ?? rank))
  }
  const bySeverity = new Map<string, number>()
  for (const rank of ranks.values()) {
    const name = SEVERITY_LEVELS[rank] ?? 'unknown'
    bySeverity.set(name, (bySeverity.get(name) ?? 0) + 1)
  }
  return { total: ranks.size, bySeverity }
}
