/**
 * `freshbase behind` end to end (src/cli/main.ts → wiring → runBehind →
 * checkBehind) against the real Distribution registry and real files: the
 * images this repository publishes, found from a build-push-action step and
 * the images setting (--image); one behind its base (provenance), one
 * current, one stale by --max-age, one FROM scratch and one whose tag only
 * metadata-action knows (unknown, with why), one that does not exist
 * (exit 1); --fail-on-behind (exit 3), --json, --explain.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/main.js'
import { pushAppOn, pushBaseVersion, tarLayer } from '../support/behind-seed.js'
import type { SeededImage } from '../support/behind-seed.js'
import { startRegistry } from '../support/registry.js'
import type { TestRegistry } from '../support/registry.js'

const AMD64 = 'linux/amd64'

let work: string
let registry: TestRegistry
let host: string
let root: string
let oldBase: SeededImage
let newBase: SeededImage

const appLayer = tarLayer({ 'app/run.sh': '#!/bin/sh\necho app\n' })

/** An app image built on `base` (recorded by BuildKit provenance). */
async function pushApp(
  repository: string,
  base: SeededImage,
  version: string,
  created: string
): Promise<SeededImage> {
  return pushAppOn(registry, {
    repository,
    base,
    baseName: `${host}/acme/base`,
    version,
    created,
    appLayer,
    slsa: 'v0.2'
  })
}

async function makeRepo(files: Record<string, string>): Promise<string> {
  const dir = join(work, 'repo')
  for (const [file, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, file)), { recursive: true })
    await writeFile(join(dir, file), text)
  }
  return dir
}

interface CliResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

async function cli(args: string[]): Promise<CliResult> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, {
    stdout: text => out.push(text),
    stderr: text => err.push(text),
    env: {
      DOCKER_CONFIG: join(work, 'no-docker-config'),
      PATH: process.env['PATH'] ?? ''
    }
  })
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'freshbase-behind-cli-'))
  registry = await startRegistry()
  host = registry.host
  const push = async (version: string): Promise<SeededImage> =>
    pushBaseVersion(registry, version)
  oldBase = await push('1.0')
  await pushApp('acme/app', oldBase, '1.0', '2026-11-30T00:00:00Z')
  newBase = await push('1.1')
  await pushApp('acme/current', newBase, '1.1', '2026-11-30T00:00:00Z')
  await pushApp('acme/old', newBase, '1.1', '2020-01-01T00:00:00Z')
  const from = `FROM ${host}/acme/base:1 AS runtime\nCOPY run.sh /app/\n`
  root = await makeRepo({
    'app/Dockerfile': `FROM golang:1.23 AS build\n${from}FROM runtime\n`,
    'current/Dockerfile': from,
    'old/Dockerfile': from,
    'static/Dockerfile': 'FROM scratch\nCOPY app /app\n',
    'meta/Dockerfile': from,
    '.github/workflows/build.yml': [
      'on: push',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: docker/build-push-action@v6',
      '        with:',
      '          file: app/Dockerfile',
      '          context: app',
      `          tags: ${host}/acme/app:1`,
      '      - id: meta',
      '        uses: docker/metadata-action@v5',
      '        with:',
      `          images: ${host}/acme/meta`,
      '      - uses: docker/build-push-action@v6',
      '        with:',
      '          file: meta/Dockerfile',
      '          context: meta',
      '          tags: ${{ steps.meta.outputs.tags }}',
      ''
    ].join('\n')
  })
}, 120_000)

afterAll(async () => {
  await registry.stop()
  await rm(work, { recursive: true, force: true })
})

const images = (): string[] => [
  '--image',
  `${host}/acme/current:1=current/Dockerfile`,
  '--image',
  `${host}/acme/old:1=old/Dockerfile`,
  '--image',
  `${host}/acme/static:1=static/Dockerfile`
]

interface JsonImage {
  image: { image: string; dockerfile: string; base: string }
  status: string
  rebuild: boolean
  stale: { days: number; created: string } | null
  platforms: {
    platform: string
    status: string
    method?: string
    builtOn?: string
    now?: string
  }[]
  evidence?: { platforms: { status: string } } | null
  error?: string
}

interface JsonReport {
  mode: string
  images: JsonImage[]
  unchecked: { image: string; why: string }[]
  levels: string[][]
  warning?: string
}

function byImage(report: JsonReport, name: string): JsonImage {
  const found = report.images.find(i => i.image.image === `${host}/${name}`)
  if (found === undefined) throw new Error(`no ${name} in the report`)
  return found
}

describe('freshbase behind', () => {
  it('--json: one image behind (provenance), others current; exit 0: behind is a finding', async () => {
    const result = await cli(['behind', root, '--json', ...images()])
    expect(result.stderr).not.toMatch(/error:/)
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as JsonReport
    expect(report.mode).toBe('behind')
    const app = byImage(report, 'acme/app:1')
    expect(app.image).toMatchObject({
      dockerfile: 'app/Dockerfile',
      base: `${host}/acme/base:1`
    })
    expect(app.status).toBe('behind')
    expect(app.rebuild).toBe(true)
    expect(app.platforms).toEqual([
      expect.objectContaining({
        platform: AMD64,
        status: 'behind',
        method: 'provenance',
        builtOn: oldBase.digest,
        now: newBase.digest
      })
    ])
    const current = byImage(report, 'acme/current:1')
    expect(current.status).toBe('current')
    expect(current.rebuild).toBe(false)
    expect(current.platforms[0]).toMatchObject({ builtOn: newBase.digest })
    // Without --max-age, age does not count.
    expect(byImage(report, 'acme/old:1')).toMatchObject({
      status: 'current',
      rebuild: false,
      stale: null
    })
    expect(report.levels).toEqual([['app/Dockerfile']])
  })

  it('says what it cannot check, and why: FROM scratch, a tag only metadata-action knows', async () => {
    const result = await cli(['behind', root, '--json', ...images()])
    const report = JSON.parse(result.stdout) as JsonReport
    const why = (image: string): string | undefined =>
      report.unchecked.find(u => u.image.startsWith(`${host}/${image}`))?.why
    expect(why('acme/static:1')).toBe(
      'static/Dockerfile:1: built FROM scratch: no base to be behind.'
    )
    expect(why('acme/meta')).toMatch(
      /has no tag known before the build .*Name the tag in the images setting, e\.g\. ".*acme\/meta:latest=meta\/Dockerfile"/
    )
  })

  it('the table: image, platform, status, method, built-on → now, why; a summary', async () => {
    const result = await cli(['behind', root, ...images()])
    expect(result.code).toBe(0)
    const lines = result.stdout.split('\n')
    expect(lines[0]).toMatch(
      /^IMAGE\s+PLATFORM\s+STATUS\s+METHOD\s+BUILT ON → NOW\s+WHY$/
    )
    const app = lines.find(l => l.startsWith(`${host}/acme/app:1 `))
    expect(app).toMatch(
      new RegExp(
        `linux/amd64\\s+behind\\s+provenance\\s+${oldBase.digest.slice(0, 19)}.* → ${newBase.digest.slice(0, 19)}`
      )
    )
    expect(result.stdout).toMatch(
      /5 published images: 1 behind, 2 current, 2 unknown/
    )
    expect(result.stdout).toContain('Rebuild, in order: app/Dockerfile.')
  })

  it('--fail-on-behind: exit 3 when an image is behind', async () => {
    const result = await cli(['behind', root, '--fail-on-behind', ...images()])
    expect(result.code).toBe(3)
  })

  it('--max-age: an image older than N days is stale, rebuilt too, with the source-date warning', async () => {
    const result = await cli([
      'behind',
      root,
      '--json',
      '--max-age',
      '30',
      ...images()
    ])
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as JsonReport
    const old = byImage(report, 'acme/old:1')
    expect(old.status).toBe('current')
    expect(old.rebuild).toBe(true)
    expect(old.stale?.created).toBe('2020-01-01T00:00:00Z')
    expect(old.stale?.days).toBeGreaterThan(2000)
    // Built three days ago: not stale.
    expect(byImage(report, 'acme/current:1').stale).toBeNull()
    expect(report.warning).toMatch(/SOURCE_DATE_EPOCH/)
    expect(result.stderr).toMatch(/Stale images: .*source date/)
    expect(report.levels).toEqual([['app/Dockerfile', 'old/Dockerfile']])
    const table = await cli(['behind', root, '--max-age', '30', ...images()])
    expect(table.stdout).toMatch(
      /current, stale .*created 2020-01-01T00:00:00Z/
    )
  })

  it('--explain: the evidence of the base move old → new', async () => {
    const result = await cli([
      'behind',
      root,
      '--json',
      '--explain',
      '--no-osv',
      ...images()
    ])
    const report = JSON.parse(result.stdout) as JsonReport
    const evidence = byImage(report, 'acme/app:1').evidence
    expect(evidence?.platforms.status).toBe('found')
    expect(byImage(report, 'acme/current:1').evidence).toBeUndefined()
    const text = await cli([
      'behind',
      root,
      '--explain',
      '--no-osv',
      ...images()
    ])
    expect(text.stdout).toContain(`${host}/acme/app:1  on ${host}/acme/base:1`)
    expect(text.stdout).toMatch(/platforms:\n\s+linux\/amd64\s+changed/)
  })

  it('exit 1 when an image could not be checked; the others still are', async () => {
    const result = await cli([
      'behind',
      root,
      '--json',
      ...images(),
      '--image',
      `${host}/acme/missing:1=current/Dockerfile`
    ])
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout) as JsonReport
    expect(byImage(report, 'acme/missing:1').error).toContain('acme/missing')
    expect(byImage(report, 'acme/app:1').status).toBe('behind')
  })

  it('usage: a bad --max-age is a configuration error (exit 2)', async () => {
    const result = await cli(['behind', root, '--max-age', 'soon'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(
      "'max-age' must be a whole number from 1 to 3650"
    )
  })
})
