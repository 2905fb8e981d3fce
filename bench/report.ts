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

const HEADER = [
  '| run | Dockerfiles | unique tags | pinned tags that moved | wall time | floor client | wall time ÷ floor | peak RSS | manifest requests | limit (tags + 2 × moved) | requests ÷ floor | HEAD by tag | GET by tag | HEAD by digest | GET by digest | token requests | other | peak in flight |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |'
]

export function renderTable(
  rows: readonly Row[],
  startup: readonly number[],
  setting: Setting
): string {
  const { uniqueTags, repositories, delayMs, concurrency } = setting
  const lines = [
    `${uniqueTags} tags in ${repositories} repositories, +${delayMs} ms per registry request, token auth, concurrency ${concurrency}; the bundled CLI (\`apply\`) and the floor client (one HEAD per unique tag, keep-alive, same concurrency, nothing else) each as a child process, the floor measured just before each CLI run.`,
    '',
    ...HEADER,
    ...rows.map(renderRow)
  ]
  const sorted = [...startup].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN
  lines.push(
    '',
    `Startup, from spawning the CLI bundle to its first request at the registry (the HTTPS attempt; 1 Dockerfile, ${sorted.length} runs): median ${median.toFixed(0)} ms (min ${(sorted[0] ?? NaN).toFixed(0)}, max ${(sorted[sorted.length - 1] ?? NaN).toFixed(0)}).`
  )
  return lines.join('\n')
}

function renderRow(r: Row): string {
  const c = r.counts
  const manifests = manifestRequests(c)
  const other = Object.entries(c)
    .filter(([k]) => !k.startsWith('manifest'))
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')
  const failed = r.exitCode === 0 ? '' : ` (exit ${String(r.exitCode)})`
  const floorFailed =
    r.floor.exitCode === 0 ? '' : ` (exit ${String(r.floor.exitCode)})`
  const cells = [
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
  return `| ${cells.join(' | ')} |`
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`
}
