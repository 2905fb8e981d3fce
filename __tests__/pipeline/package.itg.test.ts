/**
 * The package people install: `npm pack` of this repository (the committed
 * dist/, as `npm publish` would ship it), installed offline with an empty
 * npm cache into a temporary prefix — which only works because the bundle
 * needs no dependencies — then the installed `freshbase` bin run as a user
 * runs it: `--version`, and `check --json` against the real Distribution
 * registry, with a `--config` file so the lazily loaded YAML chunk is
 * exercised too.
 */
import { execFile } from 'node:child_process'
import {
  access,
  mkdir,
  mkdtemp,
  readFile,
  rm,
  writeFile
} from 'node:fs/promises'
import { isBuiltin } from 'node:module'
import { tmpdir } from 'node:os'
import { join, posix, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRegistry } from '../support/registry.js'
import type { SeededIndex, TestRegistry } from '../support/registry.js'

const ROOT = resolve(import.meta.dirname, '../..')

interface Run {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

async function run(
  file: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv }
): Promise<Run> {
  return new Promise(done => {
    execFile(
      file,
      args,
      { ...options, timeout: 30_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code =
          error === null ? 0 : typeof error.code === 'number' ? error.code : -1
        done({ code, stdout, stderr })
      }
    )
  })
}

/** Relative and bare module specifiers of one esbuild ESM output file. */
function specifiers(text: string): string[] {
  const found: string[] = []
  const patterns = [
    // import … from "x"; export … from "x"; import "x"; (esbuild puts each at a line start)
    /^(?:import|export)\b[^;"]*?(?:\bfrom\s*)?"([^"]+)";?$/gm,
    /\bimport\(\s*"([^"]+)"\s*\)/g,
    /\brequire\(\s*"([^"]+)"\s*\)/g
  ]
  for (const pattern of patterns)
    for (const match of text.matchAll(pattern))
      if (match[1] !== undefined) found.push(match[1])
  return found
}

/** dist/cli.js and every chunk it imports, statically or on demand. */
async function cliClosure(): Promise<{ files: string[]; bare: string[] }> {
  const files = new Set<string>()
  const bare = new Set<string>()
  const queue = ['dist/cli.js']
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (files.has(file)) continue
    files.add(file)
    for (const spec of specifiers(await readFile(join(ROOT, file), 'utf8'))) {
      if (spec.startsWith('./') || spec.startsWith('../'))
        queue.push(posix.join(posix.dirname(file), spec))
      else if (!isBuiltin(spec)) bare.add(spec)
    }
  }
  return { files: [...files].sort(), bare: [...bare].sort() }
}

describe('the npm package', () => {
  let work: string
  let npmEnv: NodeJS.ProcessEnv
  let tarball: string
  let packed: string[]
  let bin: string
  let pkg: { version: string; name: string }

  beforeAll(async () => {
    await access(join(ROOT, 'dist/cli.js')).catch(() => {
      throw new Error('dist/cli.js is missing: run "npm run build" first')
    })
    pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      version: string
      name: string
    }
    work = await mkdtemp(join(tmpdir(), 'freshbase-package-'))
    await writeFile(join(work, 'npmrc'), '')
    // Nothing from the npm that started the tests (npm_config_* when run by
    // `npm test`) or from the user's npm config: an empty cache and no registry.
    npmEnv = {
      ...Object.fromEntries(
        Object.entries(process.env).filter(
          ([name]) => !name.toLowerCase().startsWith('npm_')
        )
      ),
      npm_config_cache: join(work, 'npm-cache'),
      npm_config_userconfig: join(work, 'npmrc'),
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false'
    }

    const pack = await run(
      'npm',
      ['pack', '--json', '--ignore-scripts', '--pack-destination', work],
      { cwd: ROOT, env: npmEnv }
    )
    expect(pack.stderr).not.toMatch(/npm error/)
    expect(pack.code).toBe(0)
    const [info] = JSON.parse(pack.stdout) as {
      filename: string
      files: { path: string }[]
    }[]
    if (info === undefined) throw new Error(`npm pack printed ${pack.stdout}`)
    tarball = join(work, info.filename)
    packed = info.files.map(f => f.path).sort()

    const prefix = join(work, 'prefix')
    await mkdir(prefix)
    const install = await run(
      'npm',
      ['install', '--offline', '--no-save', '--prefix', prefix, tarball],
      { cwd: prefix, env: npmEnv }
    )
    expect(install.stderr).not.toMatch(/npm error/)
    expect(install.code).toBe(0)
    bin = join(prefix, 'node_modules/.bin/freshbase')
  })
  afterAll(async () => {
    if (work !== undefined) await rm(work, { recursive: true, force: true })
  })

  it('ships the CLI bundle and its chunks, the docs and licenses, and nothing else', async () => {
    const closure = await cliClosure()

    expect(closure.bare).toEqual([])
    expect(packed).toEqual(
      [
        'CHANGELOG.md',
        'LICENSE',
        'README.md',
        'dist/licenses.txt',
        'package.json',
        ...closure.files
      ].sort()
    )
    expect(packed).not.toContain('dist/index.js')
  })

  it('installs with no dependencies: the bundle carries them', async () => {
    const installed = JSON.parse(
      await readFile(
        join(work, 'prefix/node_modules/.package-lock.json'),
        'utf8'
      )
    ) as { packages: Record<string, unknown> }

    expect(Object.keys(installed.packages)).toEqual(['node_modules/freshbase'])
  })

  it('the installed bin prints the version of package.json', async () => {
    const result = await run(bin, ['--version'], {
      cwd: work,
      env: { PATH: process.env['PATH'] ?? '', HOME: work }
    })

    expect(result).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' })
  })

  describe('the installed bin against a registry', () => {
    let registry: TestRegistry
    let alpine: SeededIndex

    beforeAll(async () => {
      registry = await startRegistry()
      alpine = await registry.seedImage('library/alpine', '3.20', {
        platforms: ['linux/amd64', 'linux/arm64']
      })
    })
    afterAll(async () => {
      await registry.stop()
    })

    it('check --json reports the digest the tag points to, with options from a --config file', async () => {
      const repo = join(work, 'repo')
      await mkdir(join(repo, 'skipped'), { recursive: true })
      const dockerfile = 'FROM alpine:3.20 AS base\nRUN true\n'
      await writeFile(join(repo, 'Dockerfile'), dockerfile)
      // Would fail (no such repository) if the config file were not applied.
      await writeFile(
        join(repo, 'skipped/Dockerfile'),
        'FROM docker.io/library/nope:1\n'
      )
      const config = join(work, 'freshbase.yml')
      await writeFile(config, 'exclude:\n  - skipped/**\nconcurrency: 2\n')

      const result = await run(
        bin,
        [
          'check',
          repo,
          '--json',
          '--config',
          config,
          '--registry-map',
          `docker.io=${registry.host}`
        ],
        {
          cwd: work,
          env: {
            PATH: process.env['PATH'] ?? '',
            HOME: work,
            DOCKER_CONFIG: join(work, 'no-docker-config')
          }
        }
      )

      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
      const plan = JSON.parse(result.stdout) as {
        mode: string
        rows: {
          file: string
          line: number
          image: string
          decision: string
          newDigest?: string
        }[]
      }
      expect(plan.mode).toBe('check')
      expect(
        plan.rows.map(({ file, line, image, decision, newDigest }) => ({
          file,
          line,
          image,
          decision,
          newDigest
        }))
      ).toEqual([
        {
          file: 'Dockerfile',
          line: 1,
          image: 'alpine:3.20',
          decision: 'pin',
          newDigest: alpine.indexDigest
        }
      ])
      expect(await readFile(join(repo, 'Dockerfile'), 'utf8')).toBe(dockerfile)
    })
  })
})
