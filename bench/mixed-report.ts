/**
 * The mixed repository's section of the benchmark (issue 10,
 * "Performance"): the same columns and targets as the Dockerfile table
 * (report.ts), the files by kind, what the scan stage parsed and turned
 * away (from the CLI's --verbose debug lines), and the measured cost of the
 * YAML without images: the steady state of the same repository with and
 * without it.
 */
import type { CheckCost } from './mixed-check-cost.js'
import type { Row, Setting } from './report.js'
import { renderTargets, rowCells, seconds, tableHeader } from './report.js'

export interface MixedSize {
  readonly files: number
  readonly kinds: Record<string, number>
  readonly checkCost?: CheckCost
}

/** The scenario of the steady state run again once the YAML without images is removed. */
export const WITHOUT_IMAGELESS = 'steady state, YAML without images removed'

const SCAN_COLUMNS = [
  'CLI CPU time',
  'load (1 min)',
  'files read',
  'YAML parsed',
  'YAML skipped by the content check',
  'scan stage'
]

export function renderMixedTable(
  rows: readonly Row[],
  setting: Setting,
  sizes: readonly MixedSize[]
): string {
  if (rows.length === 0) return ''
  const { uniqueTags, repositories, delayMs, concurrency } = setting
  return [
    '### Mixed repository: Dockerfiles, Compose, Kubernetes, Helm, kustomize, workflows, GitLab CI (issue 10)',
    '',
    renderTargets(rows, setting),
    '',
    ...sizes.map(
      size =>
        `${size.files.toLocaleString('en-US')} files by kind: ${Object.entries(
          size.kinds
        )
          .map(([kind, n]) => `${n} ${kind}`)
          .join(', ')}.`
    ),
    '',
    `The same ${uniqueTags} tags in ${repositories} repositories, +${delayMs} ms per registry request, token auth, concurrency ${concurrency}; the bundled CLI (\`apply --verbose\`: its debug lines give what the scan stage read, parsed and turned away, and how long it took; its CPU time and the machine's 1-minute load average when it was spawned, since wall times on a loaded machine say little) and the floor client as in the Dockerfile table. The last run of each repetition is the steady state again after the YAML without images is deleted.`,
    '',
    ...tableHeader('files', SCAN_COLUMNS),
    ...rows.map(r => `| ${[...rowCells(r), ...scanCells(r)].join(' | ')} |`),
    ...sizes
      .flatMap(size => [costLine(rows, size), checkLine(size)])
      .filter(line => line !== '')
      .flatMap(line => ['', line])
  ].join('\n')
}

function scanCells(r: Row): (string | number)[] {
  const s = r.scan
  if (s === undefined) return SCAN_COLUMNS.map(() => '-')
  return [
    seconds(r.cpuMs ?? NaN),
    (r.load ?? NaN).toFixed(1),
    s.read,
    s.yamlParsed,
    s.yamlSkipped,
    `${s.ms} ms`
  ]
}

/** The steady state with the YAML without images against the same repository without it, as measured. */
function costLine(rows: readonly Row[], size: MixedSize): string {
  const withIt = rows.filter(
    r => r.files === size.files && r.scenario === 'steady state'
  )
  const imageless = size.kinds['YAML without images'] ?? 0
  const without = rows.filter(
    r => r.files === size.files - imageless && r.scenario === WITHOUT_IMAGELESS
  )
  if (withIt.length === 0 || without.length === 0) return ''
  const mean = (values: number[]): number =>
    values.reduce((sum, x) => sum + x, 0) / values.length
  const wall = (set: Row[]): number => mean(set.map(r => r.wallMs))
  const scan = (set: Row[]): number => mean(set.map(r => r.scan?.ms ?? NaN))
  const rss = (set: Row[]): number => mean(set.map(r => r.peakRssMb))
  const cpu = (set: Row[]): number => mean(set.map(r => r.cpuMs ?? NaN))
  const skipped = withIt[0]?.scan?.yamlSkipped ?? NaN
  return `Cost of the ${imageless.toLocaleString('en-US')} YAML files without images at ${size.files.toLocaleString('en-US')} files (steady state, mean of ${withIt.length}): ${skipped} turned away unparsed by the content check; wall time ${seconds(wall(withIt))} with them, ${seconds(wall(without))} without (${signed(wall(withIt) - wall(without))} ms); CLI CPU time ${seconds(cpu(withIt))} with them, ${seconds(cpu(without))} without (${signed(cpu(withIt) - cpu(without))} ms); scan stage ${scan(withIt).toFixed(0)} ms with them, ${scan(without).toFixed(0)} ms without (${signed(scan(withIt) - scan(without))} ms); peak RSS ${rss(withIt).toFixed(0)} MB with them, ${rss(without).toFixed(0)} MB without.`
}

/** The content check against the parse it saves, in process. */
function checkLine(size: MixedSize): string {
  const c = size.checkCost
  if (c === undefined) return ''
  return `The YAML files without images at ${size.files.toLocaleString('en-US')} files, in process (best of several rounds; ${c.files.toLocaleString('en-US')} files, ${(c.bytes / 1024).toFixed(0)} KiB): reading them ${c.readMs.toFixed(0)} ms, the content check over them ${c.checkMs.toFixed(1)} ms; parsing them as YAML, which the check saves, ${c.parseMs.toFixed(0)} ms.`
}

function signed(x: number): string {
  return `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(0)}`
}
