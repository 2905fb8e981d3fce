/**
 * The benchmark table (markdown, printed and written to reports/bench.md,
 * from where the README's benchmark section is generated). Every figure of
 * the CLI is shown next to the floor client's, measured just before it in
 * the same run against the same registry and proxy.
 */
import type { CountingProxy } from '../__tests__/support/counting-proxy.js'

export interface Row {
  readonly scenario: string
  readonly files: number
  /** Unique tags the generated repository names. */
  readonly tags: number
  /** Pinned tags whose pin is stale (0 in the steady state). */
  readonly moved: number
  readonly wallMs: number
  readonly peakRssMb: number
  readonly counts: Record<string, number>
  readonly tokens: number
  readonly exitCode: number | null
  readonly peakInFlight: number
  readonly floor: {
    readonly wallMs: number
    readonly manifests: number
    readonly exitCode: number | null
  }
  /** The scan stage's figures, from the CLI's --verbose debug lines (mixed repository). */
  readonly scan?: ScanFigures
  /** The CLI's user + system CPU time (mixed repository). */
  readonly cpuMs?: number
  /** The machine's 1-minute load average when the CLI was spawned (mixed repository). */
  readonly load?: number
}

export interface ScanFigures {
  readonly read: number
  readonly yamlParsed: number
  readonly yamlSkipped: number
  /** How long the scan stage took (its "Scan took N ms" debug line). */
  readonly ms: number
}

/**
 * The figures of the debug lines `--verbose` prints: `scan: N files read,
 * … P YAML parsed, S YAML skipped by the content check` and `Scan took N ms`.
 */
export function scanFigures(stderr: string): ScanFigures | undefined {
  const counts =
    /^debug: scan: (\d+) files read, .*?(\d+) YAML parsed, (\d+) YAML skipped/m.exec(
      stderr
    )
  const took = /^debug: Scan took (\d+) ms$/m.exec(stderr)
  if (counts === null || took === null) return undefined
  return {
    read: Number(counts[1]),
    yamlParsed: Number(counts[2]),
    yamlSkipped: Number(counts[3]),
    ms: Number(took[1])
  }
}

export interface Setting {
  readonly uniqueTags: number
  readonly repositories: number
  readonly delayMs: number
  readonly concurrency: number
}

/** Splits manifest requests into by-tag and by-digest, which is what the targets speak of. */
export function countsByKind(p: CountingProxy): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const r of p.requests) {
    const byDigest = /\/manifests\/sha256:/.test(r.path)
    const kind = r.kind.startsWith('manifest')
      ? `${r.kind} by ${byDigest ? 'digest' : 'tag'}`
      : r.kind
    counts[kind] = (counts[kind] ?? 0) + 1
  }
  return counts
}

export function manifestRequests(counts: Record<string, number>): number {
  return Object.entries(counts)
    .filter(([kind]) => kind.startsWith('manifest'))
    .reduce((sum, [, n]) => sum + n, 0)
}

const COLUMNS = [
  'run',
  'unique tags',
  'pinned tags that moved',
  'wall time',
  'floor client',
  'wall time ÷ floor',
  'peak RSS',
  'manifest requests',
  'limit (tags + 2 × moved)',
  'requests ÷ floor',
  'HEAD by tag',
  'GET by tag',
  'HEAD by digest',
  'GET by digest',
  'token requests',
  'other',
  'peak in flight'
]

/** The table's header: the files column named for what the repository holds, then `extra` columns. */
export function tableHeader(
  filesLabel: string,
  extra: readonly string[] = []
): string[] {
  const names = [COLUMNS[0], filesLabel, ...COLUMNS.slice(1), ...extra]
  const aligns = names.map(name =>
    name === 'run' || name === 'other' ? '---' : '---:'
  )
  return [`| ${names.join(' | ')} |`, `| ${aligns.join(' | ')} |`]
}

export function renderTable(
  rows: readonly Row[],
  startup: readonly number[],
  setting: Setting
): string {
  const { uniqueTags, repositories, delayMs, concurrency } = setting
  const lines = [
    renderTargets(rows, setting),
    '',
    `${uniqueTags} tags in ${repositories} repositories, +${delayMs} ms per registry request, token auth, concurrency ${concurrency}; the bundled CLI (\`apply\`) and the floor client (one HEAD per unique tag, keep-alive, same concurrency, nothing else) each as a child process, the floor measured just before each CLI run.`,
    '',
    ...tableHeader('Dockerfiles'),
    ...rows.map(r => `| ${rowCells(r).join(' | ')} |`)
  ]
  const sorted = [...startup].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN
  lines.push(
    '',
    `Startup, from spawning the CLI bundle to its first request at the registry (the HTTPS attempt; 1 Dockerfile, ${sorted.length} runs): median ${median.toFixed(0)} ms (min ${(sorted[0] ?? NaN).toFixed(0)}, max ${(sorted[sorted.length - 1] ?? NaN).toFixed(0)}).`
  )
  return lines.join('\n')
}

/** One row's cells, in the order of tableHeader. */
export function rowCells(r: Row): (string | number)[] {
  const c = r.counts
  const manifests = manifestRequests(c)
  const other = Object.entries(c)
    .filter(([k]) => !k.startsWith('manifest'))
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')
  const failed = r.exitCode === 0 ? '' : ` (exit ${String(r.exitCode)})`
  const floorFailed =
    r.floor.exitCode === 0 ? '' : ` (exit ${String(r.floor.exitCode)})`
  return [
    `${r.scenario}${failed}`,
    r.files,
    r.tags,
    r.moved,
    seconds(r.wallMs),
    `${seconds(r.floor.wallMs)}${floorFailed}`,
    `${(r.wallMs / r.floor.wallMs).toFixed(2)}×`,
    `${r.peakRssMb.toFixed(0)} MB`,
    manifests,
    r.tags + 2 * r.moved,
    `${(manifests / r.floor.manifests).toFixed(2)}×`,
    c['manifest-head by tag'] ?? 0,
    c['manifest-get by tag'] ?? 0,
    c['manifest-head by digest'] ?? 0,
    c['manifest-get by digest'] ?? 0,
    r.tokens,
    other || '-',
    r.peakInFlight
  ]
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`
}

/**
 * Issue 8's targets, each checked against every row it speaks of, so the
 * README says met or missed from the same measurements as the table.
 */
export function renderTargets(rows: readonly Row[], setting: Setting): string {
  const at = (files: number): Row[] => rows.filter(r => r.files === files)
  const lines = [
    '| target (issue 8) | measured | |',
    '| --- | --- | --- |',
    requestTarget(rows),
    tokenTarget(rows, setting),
    ratioTarget(at(1000)),
    rssTarget(at(1000), 100, '1,000'),
    rssTarget(at(10000), 250, '10,000'),
    firstRunTarget(at(10000))
  ]
  return lines.filter(line => line !== '').join('\n')
}

function verdict(ok: boolean): string {
  return ok ? 'met' : '**missed**'
}

function range(values: readonly number[], digits: number, unit = ''): string {
  const low = Math.min(...values).toFixed(digits)
  const high = Math.max(...values).toFixed(digits)
  return low === high ? `${low}${unit}` : `${low}–${high}${unit}`
}

function requestTarget(rows: readonly Row[]): string {
  const ok = rows.every(r => {
    const n = manifestRequests(r.counts)
    return r.moved === 0 ? n === r.tags : n <= r.tags + 2 * r.moved
  })
  const first = rows.filter(r => r.scenario === 'first run')
  const over = first.map(r => manifestRequests(r.counts) - r.tags)
  const slack = first.map(
    r => r.tags + 2 * r.moved - manifestRequests(r.counts)
  )
  const steady = rows
    .filter(r => r.moved === 0)
    .every(r => manifestRequests(r.counts) === r.tags)
  return `| manifest requests ≤ unique tags + 2 × pinned tags that moved; steady state = unique tags | first runs: unique tags + ${range(over, 0)}, ${slack.every(n => n === 0) ? 'exactly the limit' : `${range(slack, 0)} under the limit`}; steady state: ${steady ? 'exactly the unique tags' : 'more than the unique tags'} | ${verdict(ok)} |`
}

function tokenTarget(rows: readonly Row[], setting: Setting): string {
  const ok = rows.every(r => r.tokens <= setting.repositories)
  return `| one token per registry + repository | ${range(
    rows.map(r => r.tokens),
    0
  )} for at most ${setting.repositories} repositories | ${verdict(ok)} |`
}

function ratioTarget(rows: readonly Row[]): string {
  if (rows.length === 0) return ''
  const ratio = (scenario: string): number[] =>
    rows
      .filter(r => r.scenario === scenario)
      .map(r => r.wallMs / r.floor.wallMs)
  const first = ratio('first run')
  const steady = ratio('steady state')
  const ok = [...first, ...steady].every(x => x <= 1.2)
  return `| wall time ≤ 1.2 × the floor client at 1,000 files, first run and steady state | first run ${range(first, 2, '×')}; steady state ${range(steady, 2, '×')} | ${verdict(ok)} |`
}

function rssTarget(
  rows: readonly Row[],
  limitMb: number,
  size: string
): string {
  if (rows.length === 0) return ''
  const rss = rows.map(r => r.peakRssMb)
  return `| peak RSS ≤ ${limitMb} MB at ${size} files | ${range(rss, 0, ' MB')} | ${verdict(rss.every(x => x <= limitMb))} |`
}

function firstRunTarget(rows: readonly Row[]): string {
  const first = rows.filter(r => r.scenario === 'first run').map(r => r.wallMs)
  if (first.length === 0) return ''
  return `| 10,000 files, first run < 6 s | ${range(
    first.map(ms => ms / 1000),
    2,
    ' s'
  )} | ${verdict(first.every(ms => ms < 6000))} |`
}
