/**
 * The Action's `mode: behind` end to end, in process with the Action's own
 * wiring (buildActionPorts → runBehindMode → the step outputs and summary),
 * against the real registry and the OpenAPI-checked GitHub stand-in: an
 * image behind its base dispatches the rebuild workflow on the default
 * branch with the images and files it declares, and nothing else is
 * written (no branch, no pull request); nothing behind dispatches nothing;
 * max-age makes an old image stale and rebuilt; repository_dispatch
 * carries the same as client_payload.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  writeBehindOutputs,
  behindMarkdown
} from '../../src/action/behind-outputs.js'
import { parseBehindConfig } from '../../src/config/behind-config.js'
import { parseConfig } from '../../src/config/config.js'
import type { RawConfig } from '../../src/config/fields.js'
import { parsePublishConfig } from '../../src/config/publish-config.js'
import { buildActionPorts } from '../../src/github-wiring.js'
import { createConsoleLogger } from '../../src/log/logger.js'
import type { BehindPublishReport } from '../../src/pipeline/behind-publish.js'
import { runBehindMode } from '../../src/pipeline/behind-publish.js'
import { pushAppOn, pushBaseVersion, tarLayer } from '../support/behind-seed.js'
import type { SeededImage } from '../support/behind-seed.js'
import { startGitHubStandIn } from '../support/github-stand-in.js'
import type { GitHubStandIn } from '../support/github-stand-in.js'
import { startRegistry } from '../support/registry.js'
import type { TestRegistry } from '../support/registry.js'

const AMD64 = 'linux/amd64'
const TOKEN = `ghs_${'b'.repeat(8)}behind`

let registry: TestRegistry
let host: string
let oldBase: SeededImage
let newBase: SeededImage
let app: SeededImage
let work: string
const standIns: GitHubStandIn[] = []

const appLayer = tarLayer({ 'srv/app': 'app\n' })

async function pushApp(
  repository: string,
  base: SeededImage,
  version: string,
  created: string,
  baseRepository = 'acme/base'
): Promise<SeededImage> {
  return pushAppOn(registry, {
    repository,
    base,
    baseName: `${host}/${baseRepository}`,
    version,
    created,
    appLayer,
    slsa: 'v1'
  })
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'freshbase-behind-action-'))
  registry = await startRegistry()
  host = registry.host
  const push = async (version: string): Promise<SeededImage> =>
    pushBaseVersion(registry, version)
  oldBase = await push('1.0')
  app = await pushApp('acme/app', oldBase, '1.0', '2026-12-01T00:00:00Z')
  newBase = await push('1.1')
  await pushApp('acme/api', newBase, '1.1', '2026-12-01T00:00:00Z')
  await pushApp('acme/legacy', newBase, '1.1', '2019-06-01T00:00:00Z')
  // Built here on acme/app as it is published now.
  await pushApp('acme/child', app, '1.0', '2026-12-01T00:00:00Z', 'acme/app')
}, 120_000)

afterAll(async () => {
  await registry.stop()
  await rm(work, { recursive: true, force: true })
})

afterEach(async () => {
  for (const s of standIns.splice(0)) {
    try {
      expect(s.violations).toEqual([])
      expect(s.responseViolations).toEqual([])
    } finally {
      await s.stop()
    }
  }
})

const REBUILD = [
  'name: Rebuild',
  'on:',
  '  workflow_dispatch:',
  '    inputs:',
  '      images:',
  '        required: true',
  '      files:',
  '        required: true',
  'jobs:',
  '  build:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - run: echo "${{ inputs.images }}"',
  ''
].join('\n')

async function standIn(): Promise<GitHubStandIn> {
  const from = `FROM ${host}/acme/base:1\nCOPY app /srv/app\n`
  const s = await startGitHubStandIn({
    owner: 'acme',
    repo: 'shop',
    defaultBranch: 'trunk',
    token: TOKEN,
    files: {
      'app/Dockerfile': from,
      'api/Dockerfile': from,
      'legacy/Dockerfile': from,
      'child/Dockerfile': `FROM ${host}/acme/app:1\nCOPY more /srv/more\n`,
      '.github/workflows/rebuild.yml': REBUILD
    }
  })
  standIns.push(s)
  return s
}

/** The images setting: which Dockerfile builds which published image. */
function images(...names: string[]): string {
  return names.map(n => `${host}/acme/${n}:1=${n}/Dockerfile`).join('\n')
}

async function behind(
  s: GitHubStandIn,
  inputs: RawConfig
): Promise<BehindPublishReport> {
  const env = {
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_API_URL: s.url,
    FRESHBASE_GITHUB_WRITE_INTERVAL_MS: '0'
  }
  const raw: RawConfig = {
    root: '.',
    token: TOKEN,
    osv: 'false',
    mode: 'behind',
    ...inputs
  }
  const problems: string[] = []
  const publishConfig = parsePublishConfig(raw, env, problems)
  const behindConfig = parseBehindConfig(raw, problems)
  expect(problems).toEqual([])
  expect(behindConfig.mode).toBe('behind')
  const logger = createConsoleLogger({ verbose: false, write: () => {} })
  const config = parseConfig(raw)
  const ports = buildActionPorts(config, publishConfig, logger, env)
  return runBehindMode(config, behindConfig, publishConfig, ports)
}

/** The step outputs as the runner reads them from GITHUB_OUTPUT. */
async function outputsOf(
  result: BehindPublishReport
): Promise<Record<string, string>> {
  const file = join(work, `output-${Math.random().toString(36).slice(2)}`)
  await writeFile(file, '')
  const saved = process.env['GITHUB_OUTPUT']
  process.env['GITHUB_OUTPUT'] = file
  try {
    writeBehindOutputs(result)
  } finally {
    if (saved === undefined) delete process.env['GITHUB_OUTPUT']
    else process.env['GITHUB_OUTPUT'] = saved
  }
  const text = await readFile(file, 'utf8')
  const outputs: Record<string, string> = {}
  for (const m of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm))
    outputs[m[1] ?? ''] = m[3] ?? ''
  return outputs
}

describe('mode: behind', () => {
  it('dispatches the rebuild workflow on the default branch with the images behind; no branch, no pull request', async () => {
    const s = await standIn()
    const result = await behind(s, {
      images: images('app', 'api'),
      'rebuild-workflow': 'rebuild.yml'
    })

    expect(result.problems).toEqual([])
    expect(result.branch).toBe('trunk')
    expect(s.dispatches).toEqual([
      {
        workflow_id: 'rebuild.yml',
        ref: 'trunk',
        inputs: {
          images: JSON.stringify([`${host}/acme/app:1`]),
          files: JSON.stringify(['app/Dockerfile'])
        }
      }
    ])
    // The only write is the dispatch: no tree, commit, ref or pull request.
    expect(s.writes().map(w => `${w.method} ${w.path}`)).toEqual([
      'POST /repos/acme/shop/actions/workflows/rebuild.yml/dispatches'
    ])
    expect(s.pulls).toEqual([])
    expect(result.notes).toContain(
      'Dispatched workflow "rebuild.yml" on trunk.'
    )
    expect(result.notes.join(' ')).toContain(
      'Not sent to rebuild.yml: levels (Freshbase).'
    )

    const outputs = await outputsOf(result)
    expect(outputs['behind-count']).toBe('1')
    expect(JSON.parse(outputs['build-matrix'] ?? '')).toEqual([
      { dockerfile: 'app/Dockerfile', context: 'app', level: 0 }
    ])
    expect(JSON.parse(outputs['build-levels'] ?? '')).toEqual([
      ['app/Dockerfile']
    ])
    expect(JSON.parse(outputs['behind'] ?? '')).toEqual([
      expect.objectContaining({
        image: `${host}/acme/app:1`,
        dockerfile: 'app/Dockerfile',
        base: `${host}/acme/base:1`,
        status: 'behind',
        platforms: [AMD64],
        from: oldBase.digest,
        to: newBase.digest,
        stale: false
      })
    ])
    const summary = behindMarkdown(result)
    expect(summary).toContain(
      '| Image | Platform | Status | Method | Built on → now | Why |'
    )
    expect(summary).toMatch(
      new RegExp(
        `\\| \`${host}/acme/app:1\` \\| linux/amd64 \\| behind \\| provenance \\|`
      )
    )
    expect(summary).toMatch(
      new RegExp(`\\| \`${host}/acme/api:1\` \\| linux/amd64 \\| current \\|`)
    )
    // What the base's move brings, for the image behind only.
    const evidence = summary.split('What the base change brings')[1] ?? ''
    expect(evidence).toContain(
      `- \`${host}/acme/app:1\`, base \`${host}/acme/base:1\`: `
    )
    expect(evidence).toMatch(/linux\/amd64 changed/i)
    expect(evidence).not.toContain('acme/api:1')
  })

  it('a rebuild workflow that is not on the default branch stops the run before any image is read', async () => {
    const s = await standIn()
    const run = behind(s, {
      images: images('app'),
      'rebuild-workflow': 'missing.yml'
    })
    await expect(run).rejects.toThrow(
      /\.github\/workflows\/missing\.yml is not on trunk, .* No image was checked and nothing was dispatched\.$/
    )
    expect(s.dispatches).toEqual([])
    expect(s.writes()).toEqual([])
  })

  it('nothing behind: no dispatch, behind-count 0', async () => {
    const s = await standIn()
    const result = await behind(s, {
      images: images('api'),
      'rebuild-workflow': 'rebuild.yml',
      'dispatch-event-type': 'rebuild-images'
    })
    expect(result.problems).toEqual([])
    expect(s.dispatches).toEqual([])
    expect(s.repositoryDispatches).toEqual([])
    expect(s.writes()).toEqual([])
    const outputs = await outputsOf(result)
    expect(outputs['behind-count']).toBe('0')
    expect(outputs['behind']).toBe('[]')
    expect(behindMarkdown(result)).toContain(
      'Every image checked is built on the base its Dockerfile names now.'
    )
  })

  it('max-age: an image older than N days is stale and rebuilt, said with the source-date caveat', async () => {
    const s = await standIn()
    const inputs = {
      images: images('api', 'legacy'),
      'rebuild-workflow': 'rebuild.yml'
    }
    const without = await behind(s, inputs)
    expect(without.behind.entries.every(e => e.stale === undefined)).toBe(true)
    expect(s.dispatches).toEqual([])

    const result = await behind(s, { ...inputs, 'max-age': '90' })
    expect(s.dispatches).toEqual([
      {
        workflow_id: 'rebuild.yml',
        ref: 'trunk',
        inputs: {
          images: JSON.stringify([`${host}/acme/legacy:1`]),
          files: JSON.stringify(['legacy/Dockerfile'])
        }
      }
    ])
    const outputs = await outputsOf(result)
    expect(outputs['behind-count']).toBe('1')
    expect(JSON.parse(outputs['behind'] ?? '')).toEqual([
      expect.objectContaining({
        image: `${host}/acme/legacy:1`,
        status: 'current',
        stale: true,
        created: '2019-06-01T00:00:00Z'
      })
    ])
    expect(behindMarkdown(result)).toMatch(
      /current, stale .*Stale: created 2019-06-01T00:00:00Z/
    )
    expect(behindMarkdown(result)).toContain('SOURCE_DATE_EPOCH')
  })

  it('repository_dispatch carries the images, files, levels and base digests as client_payload', async () => {
    const s = await standIn()
    await behind(s, {
      images: images('app', 'api'),
      'dispatch-event-type': 'rebuild-images'
    })
    expect(s.dispatches).toEqual([])
    expect(s.repositoryDispatches).toEqual([
      {
        event_type: 'rebuild-images',
        client_payload: {
          mode: 'behind',
          branch: 'trunk',
          images: [`${host}/acme/app:1`],
          files: ['app/Dockerfile'],
          levels: [['app/Dockerfile']],
          behind: [
            expect.objectContaining({
              image: `${host}/acme/app:1`,
              from: oldBase.digest,
              to: newBase.digest
            })
          ]
        }
      }
    ])
  })

  it('an image built here on one that is behind is rebuilt after it: levels, files and images carry both', async () => {
    const s = await standIn()
    const result = await behind(s, {
      images: images('app', 'child'),
      'dispatch-event-type': 'rebuild-images'
    })
    const status = Object.fromEntries(
      result.behind.entries.map(e => [e.report.image.image, e.report.status])
    )
    expect(status).toEqual({
      [`${host}/acme/app:1`]: 'behind',
      [`${host}/acme/child:1`]: 'current'
    })
    expect(s.repositoryDispatches[0]?.client_payload).toMatchObject({
      images: [`${host}/acme/app:1`, `${host}/acme/child:1`],
      files: ['app/Dockerfile', 'child/Dockerfile'],
      levels: [['app/Dockerfile'], ['child/Dockerfile']]
    })
    const outputs = await outputsOf(result)
    expect(outputs['behind-count']).toBe('1')
    expect(JSON.parse(outputs['build-matrix'] ?? '')).toEqual([
      { dockerfile: 'app/Dockerfile', context: 'app', level: 0 },
      { dockerfile: 'child/Dockerfile', context: 'child', level: 1 }
    ])
  })

  it('dry-run: says what is behind, dispatches nothing', async () => {
    const s = await standIn()
    const result = await behind(s, {
      images: images('app'),
      'rebuild-workflow': 'rebuild.yml',
      'dry-run': 'true'
    })
    expect(s.dispatches).toEqual([])
    expect(result.behind.entries[0]?.report.status).toBe('behind')
    expect(behindMarkdown(result)).toContain('(dry run: nothing dispatched)')
  })
})
