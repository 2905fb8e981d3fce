/**
 * The collapsed details under an image's summary line: the package delta,
 * the vulnerabilities fixed and (flagged) introduced, the packages not
 * checked, and the platforms and full digests. Only columns that carry
 * information are shown; tables are cut at `limits.rows` with a line saying
 * where the rest is.
 */
import type { Digest } from '../digest.js'
import { shortDigest } from '../digest.js'
import type {
  ImageEvidence,
  PackageChange,
  PackageEvidence,
  PlatformDelta,
  Vulnerability,
  VulnerabilityEvidence
} from '../evidence/types.js'
import type { ImageEntry } from './image-entries.js'
import {
  escapeText,
  inlineCode,
  markdownLink,
  tableHead,
  tableRow
} from './markdown.js'
import { vulnerabilityCount } from './vulnerability-count.js'

export interface DetailLimits {
  /** Rows per table. */
  readonly rows: number
  /** Where the rows past the limit are, e.g. "the job summary lists them all". */
  readonly rest: string
}

/** Each a `<details>` block; none for parts that were not found. */
export function detailBlocks(
  e: ImageEvidence | undefined,
  entry: ImageEntry,
  limits: DetailLimits
): string[] {
  const blocks: (string | undefined)[] = []
  if (e?.packages.kind === 'found')
    blocks.push(packageDetails(e.packages.value, limits))
  if (e?.vulnerabilities.kind === 'found') {
    const v = e.vulnerabilities.value
    blocks.push(vulnerabilityDetails(v.introduced, 'introduced', limits))
    blocks.push(vulnerabilityDetails(v.fixed, 'fixed', limits))
    blocks.push(notCheckedDetails(v, limits))
  }
  blocks.push(platformDetails(e, entry))
  return blocks.filter(b => b !== undefined)
}

function details(summary: string, body: readonly string[]): string {
  return [
    '<details>',
    `<summary>${summary}</summary>`,
    '',
    ...body,
    '',
    '</details>'
  ].join('\n')
}

/**
 * A table without the columns whose every cell is "—"; rows past the limit
 * become one line saying how many and where they are.
 */
export function compactTable(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  limits: DetailLimits
): string[] {
  const keep = columns.map((_, i) => rows.some(r => (r[i] ?? '—') !== '—'))
  const pick = (cells: readonly string[]): string[] =>
    cells.filter((_, i) => keep[i])
  const shown = rows.slice(0, limits.rows).map(r => tableRow(pick(r)))
  const more = rows.length - shown.length
  return [
    tableHead(pick(columns)),
    ...shown,
    ...(more > 0 ? ['', `… and ${more} more; ${limits.rest}.`] : [])
  ]
}

function packageDetails(
  p: PackageEvidence,
  limits: DetailLimits
): string | undefined {
  if (p.changes.length === 0) return undefined
  const kinds = new Set(p.changes.map(c => c.change))
  const where = [p.distro, p.platform].filter(x => x !== undefined)
  const counts = (['updated', 'added', 'removed'] as const)
    .map(k => [k, p.changes.filter(c => c.change === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
  const rows = p.changes.map(c => [
    // One kind of change is said by the summary; the column would repeat it.
    kinds.size === 1 ? '—' : c.change,
    packageName(c),
    versions(c)
  ])
  return details(
    `Packages: ${counts.join(', ')} (${escapeText(where.join(', '))})`,
    compactTable(['Change', 'Package', 'Old → New'], rows, limits)
  )
}

function packageName(c: PackageChange): string {
  const name = inlineCode(c.name)
  return c.source === undefined || c.source === c.name
    ? name
    : `${name} (source ${inlineCode(c.source)})`
}

function versions(c: PackageChange): string {
  const v = (text: string | undefined): string =>
    text === undefined ? '—' : inlineCode(text)
  return `${v(c.oldVersion)} → ${v(c.newVersion)}`
}

function vulnerabilityDetails(
  list: readonly Vulnerability[],
  kind: 'fixed' | 'introduced',
  limits: DetailLimits
): string | undefined {
  if (list.length === 0) return undefined
  const summary =
    kind === 'fixed'
      ? `Fixes ${vulnerabilityCount(list)}`
      : `⚠️ <strong>Introduces ${vulnerabilityCount(list)}</strong>`
  const rows = list.map(v => [
    markdownLink(escapeText(v.id), v.url) ?? escapeText(v.id),
    v.cves.length === 0 ? '—' : escapeText(v.cves.join(', ')),
    v.severity === undefined ? '—' : escapeText(v.severity),
    v.summary === undefined ? '—' : escapeText(v.summary),
    v.packages.length === 0 ? '—' : v.packages.map(inlineCode).join(', ')
  ])
  return details(
    summary,
    compactTable(['ID', 'CVE', 'Severity', 'Summary', 'Packages'], rows, limits)
  )
}

function notCheckedDetails(
  v: VulnerabilityEvidence,
  limits: DetailLimits
): string | undefined {
  if (v.notChecked.length === 0) return undefined
  const shown = v.notChecked.slice(0, limits.rows)
  const more = v.notChecked.length - shown.length
  return details(
    `${v.notChecked.length} not checked for vulnerabilities (not "no vulnerabilities")`,
    [
      ...shown.map(text => `- ${escapeText(text)}`),
      ...(more > 0 ? ['', `… and ${more} more; ${limits.rest}.`] : [])
    ]
  )
}

/** The platform table when it says more than the summary, then the full digests. */
function platformDetails(
  e: ImageEvidence | undefined,
  entry: ImageEntry
): string {
  const deltas = e?.platforms.kind === 'found' ? e.platforms.value : []
  const informative =
    entry.from !== undefined &&
    deltas.some(d => !(d.change === 'changed' && d.counted))
  return details(informative ? 'Platforms and digests' : 'Digests', [
    ...(informative ? [...platformTable(deltas), ''] : []),
    ...digestList(entry.from, entry.to)
  ])
}

function platformTable(deltas: readonly PlatformDelta[]): string[] {
  const allCounted = deltas.every(d => d.counted)
  const digest = (x: Digest | undefined): string =>
    x === undefined ? '—' : inlineCode(shortDigest(x))
  const rows = deltas.map(d => [
    escapeText(d.platform),
    d.change,
    allCounted ? '—' : d.counted ? 'yes' : 'no',
    `${digest(d.from)} → ${digest(d.to)}`
  ])
  return compactTable(['Platform', 'Change', 'Built here', 'Old → New'], rows, {
    rows: Number.MAX_SAFE_INTEGER,
    rest: ''
  })
}

function digestList(from: Digest | undefined, to: Digest): string[] {
  return [
    ...(from === undefined ? [] : [`- Old: ${inlineCode(from)}`]),
    `- New: ${inlineCode(to)}`
  ]
}
