/**
 * npm run bench [-- --files 1000 --tags 200 --delay 30]
 *
 * A generated repository of Dockerfiles (multi-stage files, stale and
 * current pins, global ARGs, literal platforms, COPY --from) over a fixed
 * number of unique tags, resolved by the bundled CLI (dist/cli.js, a child
 * process, as a user runs it) against the real Distribution registry with
 * token auth, behind a proxy that adds a fixed delay per registry request.
 * Two runs per size: the first (pins and updates) and the cron steady state
 * (nothing changed). Prints wall time, peak RSS and registry requests by kind.
 */
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { startCountingProxy } from '../__tests__/support/counting-proxy.js'
import type { CountingProxy } from '../__tests__/support/counting-proxy.js'
import { startRegistry } from '../__tests__/support/registry.js'
import type {
  SeededIndex,
  TestRegistry
} from '../__tests__/support/registry.js'

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '10,100,1000,10000' },
    tags: { type: 'string', default: '200' },
    delay: { type: 'string', default: '30' },
    repositories: { type: 'string', default: '40' },
    verbose: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false }
  }
})
const sizes = (values.files ?? '10,100,1000,10000').split(',').map(Number)
const uniqueTags = Number(values.tags)
const repositories = Number(values.repositories)
const delayMs = Number(values.delay)

interface Image {
  readonly repository: string
  readonly tag: string
  readonly old: SeededIndex
  readonly current: SeededIndex
}

interface Row {
  readonly scenario: string
  readonly files: number
  /** Unique tags the generated repository names. */
  readonly tags: number
  readonly wallMs: number
  readonly peakRssMb: number
  readonly counts: Record<string, number>
  readonly tokens: number
  readonly exitCode: number | null
  readonly peakInFlight: number
}

const registry = await startRegistry({ auth: { token: true } })
const proxy = await startCountingProxy({ target: registry.host, delayMs })
const work = await mkdtemp(join(tmpdir(), 'freshbase-bench-'))
try {
  const images = await seed(registry)
  const startup = await measureStartup(join(work, 'startup'), images)
  const rows: Row[] = []
  for (const files of sizes) {
    const root = join(work, `repo-${files}`)
    const tags = await generateRepository(root, files, images)
    rows.push(await measure('first run', root, files, tags))
    rows.push(await measure('steady state', root, files, tags))
  }
  const table = renderTable(rows, startup)
  console.log(`\n${table}`)
  await mkdir('reports', { recursive: true })
  await writeFile('reports/bench.md', `${table}\n`)
} finally {
  await rm(work, { recursive: true, force: true })
  await proxy.stop()
  await registry.stop()
}

/** Each tag is pushed twice: the first push is the stale pin some files carry. */
async function seed(target: TestRegistry): Promise<Image[]> {
  const specs = Array.from({ length: uniqueTags }, (_, i) => ({
    repository: `library/img${i % repositories}`,
    tag: `v${Math.floor(i / repositories)}.${i % 7}`
  }))
  const images: Image[] = []
  for (let i = 0; i < specs.length; i += 16) {
    const batch = specs.slice(i, i + 16)
    images.push(
      ...(await Promise.all(
        batch.map(async ({ repository, tag }) => {
          const platforms = ['linux/amd64', 'linux/arm64']
          const old = await target.seedImage(repository, tag, { platforms })
          const current = await target.seedImage(repository, tag, { platforms })
          return { repository, tag, old, current }
        })
      ))
    )
  }
  return images
}

/** Deterministic variety: file i uses tags i, i+1 (mod the tag count). */
async function generateRepository(
  root: string,
  files: number,
  images: readonly Image[]
): Promise<number> {
  const used = new Set<string>()
  const name = (img: Image): string =>
    `${img.repository.replace(/^library\//, '')}:${img.tag}`
  for (let i = 0; i < files; i++) {
    const a = images[i % images.length] as Image
    const b = images[(i * 7 + 3) % images.length] as Image
    used.add(name(a))
    // In case 2, b only appears inside a heredoc: text, not a reference.
    if (i % 5 !== 2 && i % 5 !== 4) used.add(name(b))
    const lines = [`# service ${i}`]
    switch (i % 5) {
      case 0:
        lines.push(
          `FROM ${name(a)} AS build`,
          'RUN make',
          `FROM ${name(b)}`,
          'COPY --from=build /out /out'
        )
        break
      case 1:
        lines.push(
          `FROM --platform=linux/arm64 ${name(a)}@${a.old.indexDigest} AS build`,
          'RUN make',
          `FROM ${name(b)}@${b.current.indexDigest}`
        )
        break
      case 2:
        lines.push(
          `ARG BASE="${name(a)}"`,
          'FROM ${BASE}',
          'RUN <<EOF',
          `FROM ${name(b)}`,
          'EOF'
        )
        break
      case 3:
        lines.push(
          `FROM ${name(a)}`,
          `COPY --from=${name(b)} /bin/tool /bin/tool`
        )
        break
      default:
        lines.push(`FROM ${name(a)}@${a.current.indexDigest}`, 'RUN true')
    }
    const file = join(root, `svc${Math.floor(i / 100)}`, `s${i}`, 'Dockerfile')
    await mkdir(dirname(file), { recursive: true })
    await writeFile(file, `${lines.join('\n')}\n`)
  }
  return used.size
}

async function measure(
  scenario: string,
  root: string,
  files: number,
  tags: number
): Promise<Row> {
  proxy.reset()
  const tokensBefore = registry.tokenIssuer?.requests ?? 0
  const started = performance.now()
  const { code, maxRssKb } = await runCli(root, proxy)
  const wallMs = performance.now() - started
  return {
    scenario,
    files,
    tags,
    wallMs,
    peakRssMb: maxRssKb / 1024,
    counts: countsByKind(proxy),
    tokens: (registry.tokenIssuer?.requests ?? 0) - tokensBefore,
    exitCode: code,
    peakInFlight: proxy.peakInFlight
  }
}

/** Splits manifest requests into by-tag and by-digest, which is what the targets speak of. */
function countsByKind(p: CountingProxy): Record<string, number> {
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

async function runCli(
  root: string,
  p: CountingProxy
): Promise<{ code: number | null; maxRssKb: number }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nmaxrss="+process.resourceUsage().maxRSS+"\\n"))',
      ...(values.profile === true
        ? ['--cpu-prof', '--cpu-prof-dir=.tmp/profiles']
        : []),
      'dist/cli.js',
      'apply',
      root,
      '--json',
      '--registry-map',
      `docker.io=${p.host}`,
      ...(values.verbose === true ? ['--verbose'] : [])
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, DOCKER_CONFIG: join(work, 'none') }
    }
  )
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await new Promise<number | null>(resolve =>
    child.on('close', resolve)
  )
  const maxRssKb = Number(/maxrss=(\d+)/.exec(stderr)?.[1] ?? 0)
  if (code !== 0 || values.verbose === true)
    console.error(stderr.slice(0, 4000))
  return { code, maxRssKb }
}

/** Markdown, printed and written to reports/bench.md for the README. */
function renderTable(rows: readonly Row[], startup: readonly number[]): string {
  const lines = [
    `${uniqueTags} unique tags in ${repositories} repositories, +${delayMs} ms per registry request, token auth, the bundled CLI (\`apply\`) as a child process.`,
    '',
    '| run | Dockerfiles | unique tags | wall time | peak RSS | manifest HEAD by tag | per unique tag | manifest HEAD by digest | manifest GET | token requests | other | peak in flight |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |'
  ]
  for (const r of rows) {
    const c = r.counts
    const headTag = c['manifest-head by tag'] ?? 0
    const headDigest = c['manifest-head by digest'] ?? 0
    const get =
      (c['manifest-get by tag'] ?? 0) + (c['manifest-get by digest'] ?? 0)
    const other = Object.entries(c)
      .filter(([k]) => !k.startsWith('manifest'))
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')
    const failed = r.exitCode === 0 ? '' : ` (exit ${String(r.exitCode)})`
    lines.push(
      `| ${r.scenario}${failed} | ${r.files} | ${r.tags} | ${(r.wallMs / 1000).toFixed(2)} s | ${r.peakRssMb.toFixed(0)} MB | ${headTag} | ${(headTag / r.tags).toFixed(2)} | ${headDigest} | ${get} | ${r.tokens} | ${other || '-'} | ${r.peakInFlight} |`
    )
  }
  const sorted = [...startup].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN
  lines.push(
    '',
    `Startup, from spawning \`dist/cli.js\` to its first request at the registry (the HTTPS attempt; 1 Dockerfile, ${sorted.length} runs): median ${median.toFixed(0)} ms (min ${(sorted[0] ?? NaN).toFixed(0)}, max ${(sorted[sorted.length - 1] ?? NaN).toFixed(0)}).`
  )
  return lines.join('\n')
}

/**
 * Time from spawning the bundled CLI to the first bytes that reach the
 * registry proxy, over several runs: how long the bundle takes to start and
 * plan before it touches the network.
 */
async function measureStartup(
  root: string,
  images: readonly Image[]
): Promise<number[]> {
  await generateRepository(root, 1, images)
  const samples: number[] = []
  for (let i = 0; i < 7; i++) {
    proxy.reset()
    const started = performance.now()
    await runCli(root, proxy)
    // The first thing that reaches the registry: the HTTPS attempt (a TLS
    // ClientHello; this loopback registry speaks plain HTTP) or a request.
    const first = Math.min(...proxy.requests.map(r => r.at ?? Infinity))
    if (Number.isFinite(first)) samples.push(first - started)
  }
  return samples
}
