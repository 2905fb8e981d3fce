/**
 * The CLI end to end (src/cli/main.ts → wiring → run) against the real
 * Distribution registry and real files: tag-only → pinned, stale pin →
 * updated, current pin → byte-identical, unknown tag → failure while the
 * other files still update, Basic auth from a Docker config file and from a
 * credential helper, Bearer against the registry's own token verification.
 */
import {
  chmod,
  mkdir,
  mkdtemp,
  readFile,
  rm,
  writeFile
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/main.js'
import type { Blob } from '../support/images.js'
import { buildImageManifest, buildIndex, Pusher } from '../support/images.js'
import { startRegistry } from '../support/registry.js'
import type { SeededIndex, TestRegistry } from '../support/registry.js'

let work: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'freshbase-cli-'))
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

interface CliResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

async function cli(
  args: string[],
  env: Record<string, string> = {}
): Promise<CliResult> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, {
    stdout: text => out.push(text),
    stderr: text => err.push(text),
    // An empty Docker config dir: nothing from the machine running the tests leaks in.
    env: {
      DOCKER_CONFIG: join(work, 'no-docker-config'),
      PATH: process.env['PATH'] ?? '',
      ...env
    }
  })
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}

async function makeRepo(
  name: string,
  files: Record<string, string>
): Promise<string> {
  const root = join(work, name)
  for (const [file, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, file)), { recursive: true })
    await writeFile(join(root, file), text)
  }
  return root
}

const read = async (root: string, file: string): Promise<string> =>
  readFile(join(root, file), 'utf8')

describe('freshbase check/apply against a plain registry', () => {
  let registry: TestRegistry
  let node20: SeededIndex
  let base1: SeededIndex
  let oldBase: SeededIndex
  let alpine: SeededIndex

  beforeAll(async () => {
    registry = await startRegistry()
    node20 = await registry.seedImage('library/node', '20', {
      platforms: ['linux/amd64', 'linux/arm64']
    })
    oldBase = await registry.seedImage('acme/base', '1')
    base1 = await registry.seedImage('acme/base', '1') // the tag moved
    alpine = await registry.seedImage('library/alpine', '3.20')
  })
  afterAll(async () => {
    await registry.stop()
  })

  it('pins, updates, keeps current pins byte-identical, and reports an unknown tag without stopping the rest', async () => {
    const h = registry.host
    const current = `FROM ${h}/library/alpine:3.20@${alpine.indexDigest}\n`
    const root = await makeRepo('mixed', {
      // BOM + CRLF, a stale pin, a tag-only reference, a stage alias, a comment
      Dockerfile:
        `\uFEFF# build\r\nFROM --platform=linux/arm64 ${h}/acme/base:1@${oldBase.indexDigest} AS build\r\n` +
        `RUN make\r\nfrom ${h}/library/node:20\r\nCOPY --from=build /out /out\r\n`,
      'svc/api.Dockerfile': current,
      'broken/Dockerfile': `FROM ${h}/library/nope:1\n`,
      'args/Containerfile': `ARG BASE="${h}/library/node:20"\nFROM \${BASE}\n`
    })

    const check = await cli(['check', root])
    const checkedText = await read(root, 'Dockerfile')
    const apply = await cli(['apply', root])
    const again = await cli(['apply', root, '--json'])

    expect(check.code).toBe(1)
    expect(
      checkedText.startsWith('\uFEFF# build\r\nFROM --platform=linux/arm64')
    ).toBe(true)
    expect(checkedText).toContain(oldBase.indexDigest)
    expect(apply.code).toBe(1)
    expect(await read(root, 'Dockerfile')).toBe(
      `\uFEFF# build\r\nFROM --platform=linux/arm64 ${h}/acme/base:1@${base1.indexDigest} AS build\r\n` +
        `RUN make\r\nfrom ${h}/library/node:20@${node20.indexDigest}\r\nCOPY --from=build /out /out\r\n`
    )
    expect(await read(root, 'svc/api.Dockerfile')).toBe(current)
    expect(await read(root, 'broken/Dockerfile')).toBe(
      `FROM ${h}/library/nope:1\n`
    )
    expect(await read(root, 'args/Containerfile')).toBe(
      `ARG BASE="${h}/library/node:20@${node20.indexDigest}"\nFROM \${BASE}\n`
    )
    expect(apply.stdout).toMatch(/broken\/Dockerfile:1 .*failed: .*nope:1/)
    expect(apply.stdout).toMatch(/Dockerfile:2 .*update/)
    expect(apply.stdout).toMatch(/svc\/api\.Dockerfile:1 .*up to date/)
    const rows = (
      JSON.parse(again.stdout) as { rows: { file: string; decision: string }[] }
    ).rows
    expect(rows.map(r => `${r.file} ${r.decision}`)).toEqual([
      'Dockerfile up to date',
      'Dockerfile up to date',
      'args/Containerfile up to date',
      'broken/Dockerfile failed',
      'svc/api.Dockerfile up to date'
    ])
    expect(
      (JSON.parse(again.stdout) as { changedFiles: string[] }).changedFiles
    ).toEqual([])
  })

  it('resolves Docker Hub names through --registry-map and writes the original spelling', async () => {
    const root = await makeRepo('mapped', {
      Dockerfile: 'FROM node:20\nFROM docker.io/library/alpine:3.20 AS x\n'
    })

    const result = await cli([
      'apply',
      root,
      '--registry-map',
      `docker.io=${registry.host}`,
      '--diff'
    ])

    expect(result.code).toBe(0)
    expect(await read(root, 'Dockerfile')).toBe(
      `FROM node:20@${node20.indexDigest}\nFROM docker.io/library/alpine:3.20@${alpine.indexDigest} AS x\n`
    )
    expect(result.stdout).toContain(`+FROM node:20@${node20.indexDigest}`)
    expect(result.stdout).toMatch(/2 unique images: 2 to pin/)
  })

  it('only refreshes existing pins with --no-pin-unpinned, and honors --ignore', async () => {
    const h = registry.host
    const root = await makeRepo('policy', {
      Dockerfile: `FROM ${h}/library/node:20\nFROM ${h}/acme/base:1@${oldBase.indexDigest}\nFROM ${h}/library/alpine:3.20\n`
    })

    const result = await cli([
      'apply',
      root,
      '--no-pin-unpinned',
      '--ignore',
      '*/acme/*'
    ])

    expect(result.code).toBe(0)
    expect(await read(root, 'Dockerfile')).toBe(
      `FROM ${h}/library/node:20\nFROM ${h}/acme/base:1@${oldBase.indexDigest}\nFROM ${h}/library/alpine:3.20\n`
    )
    expect(result.stdout).toMatch(/matches ignore pattern "\*\/acme\/\*"/)
    expect(result.stdout).toMatch(/pin-unpinned is off/)
  })

  it('warns on the line when a literal --platform is not in the new index', async () => {
    const root = await makeRepo('platform', {
      Dockerfile: `FROM --platform=linux/s390x ${registry.host}/library/node:20\n`
    })

    const result = await cli(['apply', root])

    expect(result.code).toBe(0)
    expect(result.stderr).toContain(
      `warning: Dockerfile:1: --platform=linux/s390x is not in the new index of "${registry.host}/library/node:20" (it has: linux/amd64, linux/arm64)`
    )
    expect(await read(root, 'Dockerfile')).toContain(node20.indexDigest)
  })

  it('reads options from a YAML config file, command line on top', async () => {
    const root = await makeRepo('configured', {
      'a/Dockerfile': `FROM ${registry.host}/library/node:20\n`,
      'b/Dockerfile': `FROM ${registry.host}/library/node:20\n`
    })
    const configFile = join(work, 'freshbase.yml')
    await writeFile(configFile, 'exclude:\n  - b/**\nconcurrency: 2\n')

    const result = await cli(['apply', root, '--config', configFile])

    expect(result.code).toBe(0)
    expect(await read(root, 'a/Dockerfile')).toContain('@sha256:')
    expect(await read(root, 'b/Dockerfile')).toBe(
      `FROM ${registry.host}/library/node:20\n`
    )
  })
})

describe('usage and configuration errors exit 2 naming the option', () => {
  it.each([
    [
      ['frobnicate'],
      /unknown command "frobnicate": use "check", "apply" or "behind"/
    ],
    [
      ['check', '--concurrency', '0'],
      /'concurrency' must be a whole number from 1 to 64, got "0"/
    ],
    [
      ['check', '--registry-map', 'nope'],
      /'registry-map': "nope" must be from=to/
    ],
    [['check', '--bogus'], /Unknown option '--bogus'/],
    [
      ['check', '--config', '/nonexistent.yml'],
      /--config: cannot read "\/nonexistent.yml": ENOENT/
    ],
    [
      ['check', '--docker-config', '/nonexistent.json'],
      /'docker-config': "\/nonexistent.json" does not exist/
    ],
    [
      ['check', '--platforms', 'linux/amd64,linux'],
      /'platforms': "linux" is not a platform; use os\/arch\[\/variant\]/
    ],
    [
      ['check', '--osv-url', 'ftp://osv.local'],
      /'osv-url': "ftp:\/\/osv.local" is not an http\(s\) URL/
    ],
    [
      ['check', '--osv', '--no-osv'],
      /--osv and --no-osv contradict each other; pass one/
    ]
  ])('%j', async (args, message) => {
    const result = await cli(args)

    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(message)
  })

  it('prints help with every option', async () => {
    const result = await cli(['--help'])

    expect(result.code).toBe(0)
    for (const option of [
      '--include',
      '--exclude',
      '--config',
      '--docker-config',
      '--insecure-registry',
      '--registry-map',
      '--concurrency',
      '--no-pin-unpinned',
      '--ignore',
      '--json',
      '--explain',
      '--platforms',
      '--no-osv',
      '--osv-url'
    ]) {
      expect(result.stdout).toContain(option)
    }
  })
})

describe('credentials', () => {
  const user = 'ci-bot'
  const password = `pw-${Math.random().toString(36).slice(2)}`

  it('Basic (htpasswd): from a Docker config file and from a credential helper; never printed', async () => {
    const registry = await startRegistry({
      auth: { htpasswd: { user, password } }
    })
    try {
      const seeded = await registry.seedImage('team/app', '2')
      const dockerfile = `FROM ${registry.host}/team/app:2\n`
      const viaFile = await makeRepo('basic-file', { Dockerfile: dockerfile })
      const viaHelper = await makeRepo('basic-helper', {
        Dockerfile: dockerfile
      })
      const anonymous = await makeRepo('basic-none', { Dockerfile: dockerfile })
      const configFile = join(work, 'basic-config.json')
      await writeFile(
        configFile,
        JSON.stringify({
          auths: {
            [registry.host]: {
              auth: Buffer.from(`${user}:${password}`).toString('base64')
            }
          }
        })
      )
      const helperDir = join(work, 'helper-bin')
      await mkdir(helperDir, { recursive: true })
      await writeFile(
        join(helperDir, 'docker-credential-fbtest'),
        `#!/bin/sh\nread server\necho "$server" > "${join(work, 'helper-stdin')}"\n` +
          `printf '{"ServerURL":"%s","Username":"${user}","Secret":"${password}"}' "$server"\n`
      )
      await chmod(join(helperDir, 'docker-credential-fbtest'), 0o755)
      const helperConfigDir = join(work, 'helper-config')
      await mkdir(helperConfigDir, { recursive: true })
      await writeFile(
        join(helperConfigDir, 'config.json'),
        JSON.stringify({ credHelpers: { [registry.host]: 'fbtest' } })
      )

      const fromFile = await cli([
        'apply',
        viaFile,
        '--docker-config',
        configFile
      ])
      const fromHelper = await cli(['apply', viaHelper], {
        DOCKER_CONFIG: helperConfigDir,
        PATH: `${helperDir}:${process.env['PATH'] ?? ''}`
      })
      const without = await cli(['check', anonymous])

      expect(fromFile.code).toBe(0)
      expect(await read(viaFile, 'Dockerfile')).toBe(
        `FROM ${registry.host}/team/app:2@${seeded.indexDigest}\n`
      )
      expect(fromHelper.code).toBe(0)
      expect(await read(viaHelper, 'Dockerfile')).toBe(
        `FROM ${registry.host}/team/app:2@${seeded.indexDigest}\n`
      )
      expect((await readFile(join(work, 'helper-stdin'), 'utf8')).trim()).toBe(
        registry.host
      )
      expect(without.code).toBe(1)
      expect(without.stdout).toMatch(/failed: .*team\/app:2/)
      for (const output of [fromFile, fromHelper, without]) {
        expect(output.stdout + output.stderr).not.toContain(password)
      }
    } finally {
      await registry.stop()
    }
  })

  it('Bearer: the registry verifies tokens from the issuer; credentials reach a private repository', async () => {
    const registry = await startRegistry({
      auth: {
        token: {
          users: { [user]: password },
          privateRepositories: { 'team/private': [user] }
        }
      }
    })
    try {
      const open = await registry.seedImage('team/open', '1')
      const closed = await registry.seedImage('team/private', '1')
      const dockerfile = `FROM ${registry.host}/team/open:1\nFROM ${registry.host}/team/private:1\n`
      const anonymous = await makeRepo('bearer-anon', {
        Dockerfile: dockerfile
      })
      const withCreds = await makeRepo('bearer-creds', {
        Dockerfile: dockerfile
      })
      const configFile = join(work, 'bearer-config.json')
      await writeFile(
        configFile,
        JSON.stringify({
          auths: { [registry.host]: { username: user, password } }
        })
      )

      const anon = await cli(['apply', anonymous])
      const authed = await cli([
        'apply',
        withCreds,
        '--docker-config',
        configFile
      ])

      expect(anon.code).toBe(1)
      expect(await read(anonymous, 'Dockerfile')).toBe(
        `FROM ${registry.host}/team/open:1@${open.indexDigest}\nFROM ${registry.host}/team/private:1\n`
      )
      expect(anon.stdout).toMatch(/failed: .*team\/private:1/)
      expect(authed.code).toBe(0)
      expect(await read(withCreds, 'Dockerfile')).toBe(
        `FROM ${registry.host}/team/open:1@${open.indexDigest}\nFROM ${registry.host}/team/private:1@${closed.indexDigest}\n`
      )
      expect(
        anon.stdout + anon.stderr + authed.stdout + authed.stderr
      ).not.toContain(password)
    } finally {
      await registry.stop()
    }
  })
})

describe('a bump no platform you build changes (issue 9)', () => {
  let registry: TestRegistry
  /** v1 → v2: only linux/s390x changed; v1 → v3: linux/amd64 changed too. */
  const index: Partial<Record<'v1' | 'v2' | 'v3', Blob>> = {}
  const digestOf = (v: 'v1' | 'v2' | 'v3'): string => index[v]?.digest ?? ''
  const pointTag = async (v: 'v1' | 'v2' | 'v3'): Promise<void> => {
    const item = index[v]
    if (item !== undefined)
      await registry.putManifest('library/node', '20', item)
  }

  beforeAll(async () => {
    registry = await startRegistry()
    const pusher = new Pusher(registry.url, () => ({}))
    const [amd, amdNext, s390, s390Next] = [
      'linux/amd64',
      'linux/amd64',
      'linux/s390x',
      'linux/s390x'
    ].map(p => buildImageManifest(p, 'oci'))
    if (!amd || !amdNext || !s390 || !s390Next) throw new Error('seed')
    for (const m of [amd, amdNext, s390, s390Next])
      await pusher.pushImage('library/node', m, m.digest)
    index.v1 = buildIndex([amd, s390], undefined, 'oci', undefined)
    index.v2 = buildIndex([amd, s390Next], undefined, 'oci', undefined)
    index.v3 = buildIndex([amdNext, s390Next], undefined, 'oci', undefined)
    for (const item of Object.values(index))
      await registry.putManifest('library/node', item.digest, item)
  })
  afterAll(async () => {
    await registry.stop()
  })

  it('is skipped with --platforms or by the line --platform; proposed when every platform counts', async () => {
    await pointTag('v2')
    const h = registry.host
    const text = `FROM ${h}/library/node:20@${digestOf('v1')}\n`
    const lineText = `FROM --platform=linux/amd64 ${h}/library/node:20@${digestOf('v1')}\n`
    const root = await makeRepo('not-proposed', {
      Dockerfile: text,
      'line/Dockerfile': lineText
    })
    type Row = { file: string; decision: string; reason?: string }
    const rowsOf = (r: CliResult): Row[] =>
      (JSON.parse(r.stdout) as { rows: Row[] }).rows

    const counted = await cli(['apply', root, '--platforms', 'linux/amd64'])
    const byLine = await cli(['check', root, '--json'])

    expect(counted.code).toBe(0)
    expect(counted.stdout).toContain('skipped: only linux/s390x changed')
    expect(await read(root, 'Dockerfile')).toBe(text)
    expect(await read(root, 'line/Dockerfile')).toBe(lineText)
    expect(
      rowsOf(byLine).map(r => [r.file, r.decision, r.reason?.split(':')[0]])
    ).toEqual([
      ['Dockerfile', 'update', undefined],
      ['line/Dockerfile', 'skipped', 'only linux/s390x changed']
    ])
  })

  it('reads --platforms, --no-osv and --osv-url from a YAML config file too', async () => {
    await pointTag('v2')
    const root = await makeRepo('not-proposed-config', {
      Dockerfile: `FROM ${registry.host}/library/node:20@${digestOf('v1')}\n`
    })
    const configFile = join(work, 'evidence.yml')
    await writeFile(
      configFile,
      'platforms:\n  - linux/amd64\nosv: false\nosv-url: http://127.0.0.1:9/\n'
    )

    const result = await cli(['check', root, '--config', configFile, '--json'])

    expect(result.code).toBe(0)
    const rows = (JSON.parse(result.stdout) as { rows: { reason?: string }[] })
      .rows
    expect(rows[0]?.reason).toMatch(/^only linux\/s390x changed: /)
  })

  it('--explain prints the platforms a bump changes; --json carries evidence', async () => {
    await pointTag('v3')
    const root = await makeRepo('explain', {
      Dockerfile: `FROM ${registry.host}/library/node:20@${digestOf('v1')}\n`
    })

    const text = await cli(['check', root, '--explain', '--no-osv'])
    const json = await cli(['check', root, '--explain', '--no-osv', '--json'])

    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/linux\/amd64\s+changed/)
    expect(text.stdout).toMatch(/linux\/s390x\s+changed/)
    const rows = (
      JSON.parse(json.stdout) as {
        rows: {
          decision: string
          evidence?: { platforms?: { kind: string } }
        }[]
      }
    ).rows
    expect(rows[0]?.decision).toBe('update')
    expect(rows[0]?.evidence?.platforms?.kind).toBe('found')
  })
})
