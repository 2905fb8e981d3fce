/**
 * npm run bench [-- --files 1000 --tags 200 --delay 30 --repeat 3 --evidence-files 1000]
 *
 * A generated repository of Dockerfiles (bench/repository.ts) over a fixed
 * number of unique tags, resolved by the bundled CLI (a child process, as a
 * user runs it) against the real Distribution registry with token auth,
 * behind a proxy that adds a fixed delay per registry request. Two runs per
 * size: the first (pins and updates) and the cron steady state (nothing
 * changed). Before each, the floor client (bench/floor-client.ts: one HEAD
 * per unique tag, nothing else) runs against the same registry and proxy,
 * and the table gives the CLI's wall time and manifest requests as ratios
 * to it (issue 8, "Resolve at the limit").
 *
 * Then the mixed repository (issue 10 "Performance", --mixed-files, 0 =
 * none; bench/mixed-repository.ts): Dockerfiles, Compose, Kubernetes,
 * Helm, kustomize, workflows and GitLab CI over the same tags, with as many
 * YAML files that name no image, the same runs and targets, the CLI with
 * --verbose so its debug lines say what the scan parsed and turned away
 * and how long the scan took, and the steady state once more after the
 * YAML without images is deleted: its cost, measured.
 *
 * Then the evidence section (issue 9 "Costs", --evidence-files, 0 = none):
 * one size over images that carry attestations, the first run with and
 * without `--explain`, and the steady state with it (bench/evidence-run.ts).
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startCountingProxy } from '../__tests__/support/counting-proxy.js'
import { startRegistry } from '../__tests__/support/registry.js'
import { buildBundles, runFloor, runNode } from './processes.js'
import type { Bundles } from './processes.js'
import { measureCheckCost } from './mixed-check-cost.js'
import { generateMixedRepository } from './mixed-repository.js'
import { renderMixedTable, WITHOUT_IMAGELESS } from './mixed-report.js'
import type { MixedSize } from './mixed-report.js'
import {
  countsByKind,
  manifestRequests,
  renderTable,
  scanFigures
} from './report.js'
import type { Row, Setting } from './report.js'
import { startOsvStandIn } from '../__tests__/support/osv-stand-in.js'
import { renderEvidenceTable } from './evidence-report.js'
import type { EvidenceRow } from './evidence-report.js'
import { measureEvidence } from './evidence-run.js'
import { osvRecords, seedEvidenceImages } from './evidence-seed.js'
import { generateRepository, seed } from './repository.js'
import type { Image, UsedTag } from './repository.js'

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '10,100,1000,10000' },
    tags: { type: 'string', default: '200' },
    delay: { type: 'string', default: '30' },
    repositories: { type: 'string', default: '40' },
    concurrency: { type: 'string', default: '8' },
    repeat: { type: 'string', default: '1' },
    'evidence-files': { type: 'string', default: '1000' },
    'mixed-files': { type: 'string', default: '1000' },
    verbose: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false }
  }
})
const sizes = (values.files ?? '10,100,1000,10000')
  .split(',')
  .map(Number)
  .filter(n => Number.isInteger(n) && n > 0)
const mixedSizes = (values['mixed-files'] ?? '1000')
  .split(',')
  .map(Number)
  .filter(n => Number.isInteger(n) && n > 0)
const evidenceFiles = Number(values['evidence-files'])
const setting: Setting = {
  uniqueTags: Number(values.tags),
  repositories: Number(values.repositories),
  delayMs: Number(values.delay),
  concurrency: Number(values.concurrency)
}
const repeat = Math.max(1, Number(values.repeat))

const registry = await startRegistry({ auth: { token: true } })
const proxy = await startCountingProxy({
  target: registry.host,
  delayMs: setting.delayMs
})
const work = await mkdtemp(join(tmpdir(), 'freshbase-bench-'))
try {
  const bundles = await buildBundles(join(work, 'bundle'))
  const images = await seed(registry, setting.uniqueTags, setting.repositories)
  const startup = await measureStartup(bundles, join(work, 'startup'), images)
  const rows: Row[] = []
  for (const files of sizes) {
    const template = join(work, `template-${files}`)
    const used = await generateRepository(template, files, images)
    for (let i = 0; i < repeat; i++) {
      const root = join(work, `repo-${files}-${i}`)
      await cp(template, root, { recursive: true })
      const moved = used.filter(t => t.moved).length
      rows.push(await measure(bundles, 'first run', root, files, used, moved))
      rows.push(await measure(bundles, 'steady state', root, files, used, 0))
      console.error(
        rows
          .slice(-2)
          .map(r => JSON.stringify(r))
          .join('\n')
      )
      await rm(root, { recursive: true, force: true })
    }
  }
  const mixed = await measureMixedSection(bundles, images)
  const evidence =
    Number.isInteger(evidenceFiles) && evidenceFiles > 0
      ? await measureEvidenceSection(bundles, evidenceFiles)
      : []
  const table = [
    renderTable(rows, startup, setting),
    renderMixedTable(mixed.rows, setting, mixed.sizes),
    renderEvidenceTable(evidence, setting.concurrency)
  ]
    .filter(Boolean)
    .join('\n\n')
  console.log(`\n${table}`)
  await mkdir('reports', { recursive: true })
  await writeFile('reports/bench.md', `${table}\n`)
  // The measurements themselves, to render the table again (bench/render.ts).
  await writeFile(
    'reports/bench.json',
    `${JSON.stringify({ setting, rows, startup, mixed, evidence }, null, 2)}\n`
  )
} finally {
  await rm(work, { recursive: true, force: true })
  await proxy.stop()
  await registry.stop()
}

/**
 * Issue 10 "Performance": each size of the mixed repository, first run and
 * steady state, then the steady state again without the YAML that names no
 * image (same image files, same registry state), all with --verbose.
 */
async function measureMixedSection(
  bundles: Bundles,
  images: readonly Image[]
): Promise<{ rows: Row[]; sizes: MixedSize[] }> {
  const rows: Row[] = []
  const sizes: MixedSize[] = []
  for (const files of mixedSizes) {
    const template = join(work, `mixed-template-${files}`)
    const repo = await generateMixedRepository(template, files, images)
    const checkCost = await measureCheckCost(template, repo.imageless)
    sizes.push({ files, kinds: repo.kinds, checkCost })
    const moved = repo.used.filter(t => t.moved).length
    const imageless = repo.kinds['YAML without images'] ?? 0
    const run = async (scenario: string, root: string, n: number, m: number) =>
      measure(bundles, scenario, root, n, repo.used, m, true)
    for (let i = 0; i < repeat; i++) {
      const root = join(work, `mixed-${files}-${i}`)
      await cp(template, root, { recursive: true })
      rows.push(await run('first run', root, files, moved))
      rows.push(await run('steady state', root, files, 0))
      for (const folder of repo.imageless)
        await rm(join(root, folder), { recursive: true, force: true })
      rows.push(await run(WITHOUT_IMAGELESS, root, files - imageless, 0))
      console.error(
        rows
          .slice(-3)
          .map(r => JSON.stringify(r))
          .join('\n')
      )
      await rm(root, { recursive: true, force: true })
    }
  }
  return { rows, sizes }
}

/**
 * Issue 9 "Costs": the first run with evidence on against the same run
 * without it, and the steady state with --explain, over images that carry
 * attestations (bench/evidence-seed.ts) and an OSV stand-in.
 */
async function measureEvidenceSection(
  bundles: Bundles,
  files: number
): Promise<EvidenceRow[]> {
  const images = await seedEvidenceImages(
    registry,
    setting.uniqueTags,
    setting.repositories
  )
  const template = join(work, `evidence-template-${files}`)
  const used = await generateRepository(template, files, images)
  const osv = await startOsvStandIn({ records: osvRecords() })
  try {
    const bench = {
      bundles,
      proxy,
      registry,
      osv,
      work,
      concurrency: setting.concurrency
    }
    const rows = await measureEvidence(bench, { template, files, used }, repeat)
    const invalid = osv.violations()
    if (invalid.length > 0)
      console.error(
        `OSV requests the service would reject:\n${invalid.join('\n')}`
      )
    return rows
  } finally {
    await osv.close()
  }
}

async function measure(
  bundles: Bundles,
  scenario: string,
  root: string,
  files: number,
  used: readonly UsedTag[],
  moved: number,
  verbose = values.verbose === true
): Promise<Row> {
  proxy.reset()
  const floorSpawned = performance.now()
  const floor = await runFloor(bundles.floor, work, {
    host: proxy.host,
    concurrency: setting.concurrency,
    images: used.map(({ repository, tag }) => ({ repository, tag }))
  })
  if (floor.code !== 0) console.error(floor.stderr.slice(0, 4000))
  const floorManifests = manifestRequests(countsByKind(proxy))
  const floorTimes = proxy.requests.map(
    r => (r.at ?? floorSpawned) - floorSpawned
  )
  proxy.reset()
  const tokensBefore = registry.tokenIssuer?.requests ?? 0
  const load = loadavg()[0] ?? NaN
  const spawned = performance.now()
  const cli = await runCli(bundles, root, verbose)
  const scan = verbose ? scanFigures(cli.stderr) : undefined
  if (verbose && scan === undefined)
    console.error(`${scenario} ${files}: no scan debug lines in the output`)
  const times = proxy.requests.map(r => (r.at ?? spawned) - spawned)
  console.error(
    `${scenario} ${files}: first request ${Math.min(...times).toFixed(0)} ms, last ${Math.max(...times).toFixed(0)} ms, exit ${cli.wallMs.toFixed(0)} ms; floor: first ${Math.min(...floorTimes).toFixed(0)} ms, last ${Math.max(...floorTimes).toFixed(0)} ms, exit ${floor.wallMs.toFixed(0)} ms`
  )
  return {
    scenario,
    files,
    tags: used.length,
    moved,
    wallMs: cli.wallMs,
    peakRssMb: cli.peakRssMb,
    counts: countsByKind(proxy),
    tokens: (registry.tokenIssuer?.requests ?? 0) - tokensBefore,
    exitCode: cli.code,
    peakInFlight: proxy.peakInFlight,
    floor: {
      wallMs: floor.wallMs,
      manifests: floorManifests,
      exitCode: floor.code
    },
    ...(scan === undefined ? {} : { scan, cpuMs: cli.cpuMs, load })
  }
}

async function runCli(
  bundles: Bundles,
  root: string,
  verbose = values.verbose === true
): ReturnType<typeof runNode> {
  const result = await runNode(
    [
      bundles.cli,
      'apply',
      root,
      '--json',
      '--concurrency',
      String(setting.concurrency),
      '--registry-map',
      `docker.io=${proxy.host}`,
      ...(verbose ? ['--verbose'] : [])
    ],
    { DOCKER_CONFIG: join(work, 'none') },
    values.profile === true
      ? ['--cpu-prof', '--cpu-prof-dir=.tmp/profiles']
      : []
  )
  if (result.code !== 0) console.error(result.stderr.slice(0, 4000))
  if (values.verbose === true)
    console.error(
      result.stderr.match(/^.* took \d+ ms$|^debug: scan: .*$/gm)?.join('\n')
    )
  return result
}

/**
 * Time from spawning the bundled CLI to the first bytes that reach the
 * registry proxy, over several runs: how long the bundle takes to start and
 * plan before it touches the network.
 */
async function measureStartup(
  bundles: Bundles,
  root: string,
  images: readonly Image[]
): Promise<number[]> {
  await generateRepository(root, 1, images)
  const samples: number[] = []
  for (let i = 0; i < 7; i++) {
    proxy.reset()
    const started = performance.now()
    await runCli(bundles, root)
    // The first thing that reaches the registry: the HTTPS attempt (a TLS
    // ClientHello; this loopback registry speaks plain HTTP) or a request.
    const first = Math.min(...proxy.requests.map(r => r.at ?? Infinity))
    if (Number.isFinite(first)) samples.push(first - started)
  }
  return samples
}
