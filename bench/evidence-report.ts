/**
 * The benchmark's evidence table (issue 9 "Costs"): the first run with
 * `check --explain` (evidence on) against the same first run without it,
 * and the steady state with `--explain`, which must read no evidence at
 * all. Medians over --repeat; request counts are the same in every repeat
 * (a range is shown when they are not).
 */
export interface EvidenceFound {
  /** Distinct (image, old digest, new digest) the JSON carries evidence for. */
  readonly changes: number
  /** Of those, updates (an old digest) whose package delta was found. */
  readonly packageDeltas: number
  /** Package changes summed over those deltas. */
  readonly packageChanges: number
  /** Fixed vulnerabilities summed over the updates (each counted per image). */
  readonly fixed: number
  readonly compareLinks: number
}

export interface EvidenceRow {
  readonly scenario: 'first run' | 'steady state'
  readonly evidence: boolean
  readonly files: number
  readonly tags: number
  readonly moved: number
  readonly wallMs: number
  readonly peakRssMb: number
  /** Registry requests by kind (countsByKind). */
  readonly counts: Record<string, number>
  /** Distinct paths of the GETs by digest and of the blob GETs. */
  readonly distinct: {
    readonly manifestGets: number
    readonly blobGets: number
  }
  /** OSV stand-in requests by operation. */
  readonly osv: Record<string, number>
  readonly tokens: number
  readonly peakInFlight: number
  readonly exitCode: number | null
  readonly found?: EvidenceFound
}

const LABELS = [
  ['first run', false, 'first run, `check`'],
  ['first run', true, 'first run, `check --explain`'],
  ['steady state', true, 'steady state, `check --explain`']
] as const

const HEADER = [
  '| run | wall time (median) | ÷ evidence off | peak RSS (median) | manifest HEAD | manifest GET by tag | manifest GET by digest (distinct) | blob GET (distinct) | OSV querybatch | OSV vulns | token requests | peak in flight |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
]

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2
}

function range(values: readonly number[]): string {
  const low = Math.min(...values)
  const high = Math.max(...values)
  return low === high ? String(low) : `${low}–${high}`
}

function count(c: Record<string, number>, prefix: string): number {
  return Object.entries(c)
    .filter(([kind]) => kind.startsWith(prefix))
    .reduce((sum, [, n]) => sum + n, 0)
}

function group(
  rows: readonly EvidenceRow[],
  scenario: string,
  evidence: boolean
): EvidenceRow[] {
  return rows.filter(r => r.scenario === scenario && r.evidence === evidence)
}

function renderRow(
  label: string,
  rows: readonly EvidenceRow[],
  off: readonly EvidenceRow[]
): string {
  const failed = rows.filter(r => r.exitCode !== 0).map(r => r.exitCode)
  const of = (pick: (r: EvidenceRow) => number) => range(rows.map(pick))
  const wall = median(rows.map(r => r.wallMs))
  const withDistinct = (n: (r: EvidenceRow) => number, d: number[]) =>
    `${of(n)} (${range(d)})`
  const cells = [
    `${label} ×${rows.length}${failed.length > 0 ? ` (exit ${failed.join(', ')})` : ''}`,
    `${(wall / 1000).toFixed(2)} s`,
    `${(wall / median(off.map(r => r.wallMs))).toFixed(2)}×`,
    `${median(rows.map(r => r.peakRssMb)).toFixed(0)} MB`,
    of(r => count(r.counts, 'manifest-head')),
    of(r => r.counts['manifest-get by tag'] ?? 0),
    withDistinct(
      r => r.counts['manifest-get by digest'] ?? 0,
      rows.map(r => r.distinct.manifestGets)
    ),
    withDistinct(
      r => r.counts['blob-get'] ?? 0,
      rows.map(r => r.distinct.blobGets)
    ),
    of(r => r.osv['querybatch'] ?? 0),
    of(r => r.osv['vulns'] ?? 0),
    of(r => r.tokens),
    of(r => r.peakInFlight)
  ]
  return `| ${cells.join(' | ')} |`
}

export function renderEvidenceTable(
  rows: readonly EvidenceRow[],
  concurrency: number
): string {
  if (rows.length === 0) return ''
  const off = group(rows, 'first run', false)
  const on = group(rows, 'first run', true)
  const steady = group(rows, 'steady state', true)
  const first = rows[0] as EvidenceRow
  const lines = [
    '#### Evidence (`check --explain`, issue 9)',
    '',
    `${first.files} Dockerfiles over ${first.tags} unique tags (${first.moved} pinned tags that moved), each tag pushed twice as Docker Official Images publish it: two platforms, each with a BuildKit attestation manifest (an SPDX SBOM of 200 Debian 12 packages, SLSA provenance), the source on the index descriptors; each bump changes 6 packages, adds 1 and removes 1. The OSV stand-in (loopback, no added delay) knows 3 vulnerabilities each bump fixes and 1 it keeps. Same registry, proxy (+30 ms per request) and concurrency (${concurrency}) as above; each first run on a fresh copy; the steady state after \`apply\`. In parentheses: distinct paths.`,
    '',
    ...HEADER,
    ...LABELS.flatMap(([scenario, evidence, label]) => {
      const runs = group(rows, scenario, evidence)
      return runs.length === 0 ? [] : [renderRow(label, runs, off)]
    }),
    '',
    ...checks(on, steady, off, concurrency)
  ]
  return lines.join('\n')
}

function checks(
  on: readonly EvidenceRow[],
  steady: readonly EvidenceRow[],
  off: readonly EvidenceRow[],
  concurrency: number
): string[] {
  const reads = (r: EvidenceRow) =>
    (r.counts['manifest-get by digest'] ?? 0) +
    (r.counts['blob-get'] ?? 0) +
    count(r.osv, '')
  const found = on.flatMap(r => (r.found === undefined ? [] : [r.found]))
  const onceEach = on.every(
    r =>
      (r.counts['blob-get'] ?? 0) === r.distinct.blobGets &&
      (r.counts['manifest-get by digest'] ?? 0) === r.distinct.manifestGets
  )
  const extra = (pick: (r: EvidenceRow) => number) =>
    range(on.map(pick).map(n => n - median(off.map(pick))))
  const requests = (r: EvidenceRow) => count(r.counts, '')
  const wall = median(on.map(r => r.wallMs)) / median(off.map(r => r.wallMs))
  const rss =
    median(on.map(r => r.peakRssMb)) / median(off.map(r => r.peakRssMb))
  return [
    `- Evidence on ÷ off, first run: wall time ${wall.toFixed(2)}×, peak RSS ${rss.toFixed(2)}×, ${extra(requests)} more registry requests (${extra(r => r.counts['blob-get'] ?? 0)} blob GETs, ${extra(r => r.counts['manifest-get by digest'] ?? 0)} manifest GETs by digest) and ${range(on.map(r => count(r.osv, '')))} OSV requests.`,
    `- What evidence found per run: ${range(found.map(f => f.changes))} changes with evidence, ${range(found.map(f => f.packageDeltas))} package deltas (${range(found.map(f => f.packageChanges))} package changes), ${range(found.map(f => f.fixed))} fixed vulnerabilities, ${range(found.map(f => f.compareLinks))} compare links.`,
    `- Each manifest and blob read once per run: ${verdict(onceEach)}. Steady state with \`--explain\` reads no evidence (manifest GETs by digest, blob GETs, OSV requests: ${range(steady.map(reads))}): ${verdict(steady.every(r => reads(r) === 0))}. Peak in flight ≤ concurrency: ${verdict([...on, ...steady].every(r => r.peakInFlight <= concurrency))}.`
  ]
}

function verdict(ok: boolean): string {
  return ok ? 'met' : '**missed**'
}
