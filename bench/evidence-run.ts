/**
 * The benchmark's evidence runs (issue 9 "Costs"): per repeat, on fresh
 * copies of one generated repository, the first run as `check` (evidence
 * off) and as `check --explain --osv-url <stand-in>` (evidence on), then
 * `apply` (not measured) and the steady state with `--explain`. Registry
 * requests are counted at the proxy, OSV requests at the stand-in.
 */
import { cp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { ImageEvidence } from '../src/core/evidence/types.js'
import type { CountingProxy } from '../__tests__/support/counting-proxy.js'
import type { OsvStandIn } from '../__tests__/support/osv-stand-in.js'
import type { TestRegistry } from '../__tests__/support/registry.js'
import type { EvidenceFound, EvidenceRow } from './evidence-report.js'
import { runNode } from './processes.js'
import type { Bundles, Measured } from './processes.js'
import { countsByKind } from './report.js'
import type { UsedTag } from './repository.js'

export interface EvidenceBench {
  readonly bundles: Bundles
  readonly proxy: CountingProxy
  readonly registry: TestRegistry
  readonly osv: OsvStandIn
  readonly work: string
  readonly concurrency: number
}

export interface EvidenceRepository {
  /** The generated repository, copied fresh for each first run. */
  readonly template: string
  readonly files: number
  readonly used: readonly UsedTag[]
}

export async function measureEvidence(
  bench: EvidenceBench,
  repo: EvidenceRepository,
  repeat: number
): Promise<EvidenceRow[]> {
  const rows: EvidenceRow[] = []
  for (let i = 0; i < repeat; i++) {
    const off = join(bench.work, `evidence-off-${i}`)
    const on = join(bench.work, `evidence-on-${i}`)
    await cp(repo.template, off, { recursive: true })
    await cp(repo.template, on, { recursive: true })
    rows.push(await measure(bench, repo, off, 'first run', false))
    rows.push(await measure(bench, repo, on, 'first run', true))
    const applied = await runCli(bench, 'apply', on, false)
    if (applied.code !== 0)
      console.error(`apply before the steady state: exit ${applied.code}`)
    rows.push(await measure(bench, repo, on, 'steady state', true))
    console.error(
      rows
        .slice(-3)
        .map(r => JSON.stringify({ ...r, counts: r.counts, found: r.found }))
        .join('\n')
    )
    await rm(off, { recursive: true, force: true })
    await rm(on, { recursive: true, force: true })
  }
  return rows
}

async function measure(
  bench: EvidenceBench,
  repo: EvidenceRepository,
  root: string,
  scenario: EvidenceRow['scenario'],
  evidence: boolean
): Promise<EvidenceRow> {
  const { proxy, registry, osv } = bench
  proxy.reset()
  const osvBefore = osv.requests.length
  const tokensBefore = registry.tokenIssuer?.requests ?? 0
  const cli = await runCli(bench, 'check', root, evidence)
  const osvCounts: Record<string, number> = {}
  for (const r of osv.requests.slice(osvBefore))
    osvCounts[r.operation] = (osvCounts[r.operation] ?? 0) + 1
  const distinct = (pattern: RegExp) =>
    new Set(
      proxy.requests
        .filter(r => r.method === 'GET' && pattern.test(r.path))
        .map(r => r.path)
    ).size
  const found = evidence ? foundIn(cli.stdout ?? '') : undefined
  return {
    scenario,
    evidence,
    files: repo.files,
    tags: repo.used.length,
    moved: scenario === 'first run' ? repo.used.filter(t => t.moved).length : 0,
    wallMs: cli.wallMs,
    peakRssMb: cli.peakRssMb,
    counts: countsByKind(proxy),
    distinct: {
      manifestGets: distinct(/\/manifests\/sha256:/),
      blobGets: distinct(/\/blobs\/sha256:/)
    },
    osv: osvCounts,
    tokens: (registry.tokenIssuer?.requests ?? 0) - tokensBefore,
    peakInFlight: proxy.peakInFlight,
    exitCode: cli.code,
    ...(found === undefined ? {} : { found })
  }
}

async function runCli(
  bench: EvidenceBench,
  command: 'check' | 'apply',
  root: string,
  evidence: boolean
): Promise<Measured> {
  const result = await runNode(
    [
      bench.bundles.cli,
      command,
      root,
      '--json',
      '--concurrency',
      String(bench.concurrency),
      '--registry-map',
      `docker.io=${bench.proxy.host}`,
      ...(evidence ? ['--explain', '--osv-url', bench.osv.url] : [])
    ],
    { DOCKER_CONFIG: join(bench.work, 'none') },
    [],
    true
  )
  if (result.code !== 0) console.error(result.stderr.slice(0, 4000))
  return result
}

/** What the evidence of one run told, from the CLI's `--json --explain` (rows carry ImageEvidence). */
export function foundIn(stdout: string): EvidenceFound {
  let rows: readonly { readonly evidence?: ImageEvidence | null }[] = []
  try {
    rows = (JSON.parse(stdout) as { rows?: typeof rows }).rows ?? []
  } catch {
    console.error(
      `check --explain --json printed no JSON:\n${stdout.slice(0, 2000)}`
    )
  }
  const byChange = new Map<string, ImageEvidence>()
  for (const { evidence: e } of rows) {
    if (e !== undefined && e !== null)
      byChange.set(`${e.key} ${e.from ?? ''} ${e.to}`, e)
  }
  const all = [...byChange.values()]
  const deltas = all.flatMap(e =>
    e.packages.kind === 'found' ? [e.packages.value] : []
  )
  return {
    changes: all.length,
    packageDeltas: deltas.length,
    packageChanges: deltas.reduce((sum, d) => sum + d.changes.length, 0),
    fixed: all.reduce(
      (sum, e) =>
        sum +
        (e.vulnerabilities.kind === 'found'
          ? e.vulnerabilities.value.fixed.length
          : 0),
      0
    ),
    compareLinks: all.filter(
      e => e.source.kind === 'found' && e.source.value.link?.kind === 'compare'
    ).length
  }
}
