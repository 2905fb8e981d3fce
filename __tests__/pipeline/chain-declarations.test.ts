/**
 * The build declarations a run reads (issue 11 part 1): workflows and
 * Compose files whatever `kinds` says, the bake files at the root, the
 * images setting; an HCL bake file through `docker buildx bake --print`
 * when buildx answers, else reported as not read while the JSON bake files
 * are still read. The buildx adapter runs against a stand-in `docker`
 * script (no docker here): its arguments, its clean environment, its
 * failures.
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
import { afterEach, describe, expect, it } from 'vitest'
import { createBuildxBake } from '../../src/buildx/bake-print.js'
import type { KindSetting } from '../../src/core/file-kind.js'
import { KIND_SETTINGS } from '../../src/core/file-kind.js'
import { createFileStore } from '../../src/files/file-store.js'
import { createTreeFileStore } from '../../src/files/tree-file-store.js'
import type { BakePrinter } from '../../src/pipeline/chain-declarations.js'
import { readDeclarations } from '../../src/pipeline/chain-declarations.js'

const dirs: string[] = []
afterEach(async () => {
  for (const dir of dirs.splice(0))
    await rm(dir, { recursive: true, force: true })
})

async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'freshbase-chains-'))
  dirs.push(root)
  for (const [file, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, file)), { recursive: true })
    await writeFile(join(root, file), text)
  }
  return root
}

const BAKE_JSON = JSON.stringify({
  target: {
    base: { context: 'base', tags: ['ghcr.io/acme/base:1'] }
  }
})

const PRINTED = JSON.stringify({
  group: { default: { targets: ['app'] } },
  target: {
    app: {
      context: 'app',
      dockerfile: 'Dockerfile',
      tags: ['ghcr.io/acme/app:2']
    }
  }
})

const HCL_NOT_READ =
  'not read: docker-bake.hcl is HCL; install buildx on the runner (docker/setup-buildx-action) so `docker buildx bake --print` resolves it, or list the images in the images setting.'

async function declarations(
  root: string,
  bake: BakePrinter | undefined,
  options: {
    kinds?: KindSetting[]
    images?: Record<string, string>
    githubRepository?: string
  } = {}
): Promise<Awaited<ReturnType<typeof readDeclarations>>> {
  const files = createFileStore()
  const config = {
    root,
    include: [],
    exclude: [],
    kinds: options.kinds ?? KIND_SETTINGS,
    images: options.images ?? {},
    ...(options.githubRepository === undefined
      ? {}
      : { githubRepository: options.githubRepository })
  }
  const found = await files.discover(config)
  return readDeclarations(found, files, config, bake)
}

const summary = (
  read: Awaited<ReturnType<typeof readDeclarations>>
): string[] =>
  read.producers.map(
    p => `${p.repository} ${p.dockerfile} ${p.context} ${p.source}`
  )

describe('readDeclarations', () => {
  it('reads workflows and Compose files even with their kinds turned off, and the images setting', async () => {
    const root = await tree({
      'base/Dockerfile': 'FROM node:20\n',
      'mid/Dockerfile': 'FROM ghcr.io/acme/base:1\n',
      'compose.yaml':
        'services:\n  mid:\n    build: mid\n    image: ghcr.io/acme/mid:1\n',
      '.github/workflows/images.yml': [
        'on: push',
        'jobs:',
        '  base:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: docker/build-push-action@v6',
        '        with:',
        '          context: base',
        '          tags: ghcr.io/acme/base:1',
        ''
      ].join('\n')
    })

    const read = await declarations(root, undefined, {
      kinds: ['dockerfile'],
      images: { 'ghcr.io/acme/app': 'app/Dockerfile' }
    })

    expect(summary(read).sort()).toEqual([
      'ghcr.io/acme/app app/Dockerfile app config',
      'ghcr.io/acme/base base/Dockerfile base build-push-action',
      'ghcr.io/acme/mid mid/Dockerfile mid compose'
    ])
    expect(read.problems).toEqual([])
    expect([...read.texts.keys()].sort()).toEqual([
      '.github/workflows/images.yml',
      'compose.yaml'
    ])
  })

  it('without buildx, reports the HCL file as not read and still reads docker-bake.json', async () => {
    const root = await tree({
      'docker-bake.hcl': 'target "app" {}\n',
      'docker-bake.json': BAKE_JSON,
      'base/Dockerfile': 'FROM node:20\n'
    })
    const absent = createBuildxBake({
      root,
      timeoutMs: 5000,
      env: { PATH: '' },
      docker: join(root, 'no-such-docker')
    })

    for (const bake of [absent, undefined]) {
      const read = await declarations(root, bake)

      expect(read.problems).toEqual([
        { file: 'docker-bake.hcl', line: 1, message: HCL_NOT_READ }
      ])
      expect(summary(read)).toEqual([
        'ghcr.io/acme/base base/Dockerfile base bake'
      ])
    }
  })

  it('reads only the bake files at the root', async () => {
    const root = await tree({
      'sub/docker-bake.json': BAKE_JSON,
      'sub/docker-bake.hcl': 'target "x" {}\n'
    })

    const read = await declarations(root, undefined)

    expect(read.producers).toEqual([])
    expect(read.problems).toEqual([])
  })

  it('reads the same declarations from the base branch tree (the Action)', async () => {
    const texts: Record<string, string> = {
      'docker-bake.json': BAKE_JSON,
      'sub/docker-bake.json': BAKE_JSON.replace('base:1', 'other:1'),
      'docker-bake.hcl': 'target "x" {}\n',
      'compose.yaml':
        'services:\n  mid:\n    build: mid\n    image: ghcr.io/acme/mid:1\n'
    }
    const files = createTreeFileStore(
      {
        files: new Map(
          Object.keys(texts).map(path => [
            path,
            { path, sha: path, mode: '100644' }
          ])
        ),
        readBlob: async sha => Promise.resolve(texts[sha] ?? '')
      },
      { paths: [] }
    )
    const config = {
      root: '.',
      include: [],
      exclude: [],
      kinds: ['dockerfile' as const],
      images: {}
    }

    const read = await readDeclarations(
      await files.discover(config),
      files,
      config,
      undefined
    )

    expect(summary(read).sort()).toEqual([
      'ghcr.io/acme/base base/Dockerfile base bake',
      'ghcr.io/acme/mid mid/Dockerfile mid compose'
    ])
    expect(read.problems.map(p => p.message)).toEqual([HCL_NOT_READ])
  })

  it('with buildx, reads what bake --print resolves from every bake file, in bake order, with a clean environment', async () => {
    const root = await tree({
      'docker-bake.hcl': 'target "app" {}\n',
      'docker-bake.json': BAKE_JSON
    })
    const log = join(root, 'calls.log')
    const docker = await fakeDocker(root, [
      `echo "$* | SECRET=\${SECRET:-unset} HOME=\${HOME:-unset}" >> '${log}'`,
      'if [ "$2" = "version" ]; then echo "github.com/docker/buildx v0.20.0"; exit 0; fi',
      `cat <<'JSON'\n${PRINTED}\nJSON`
    ])
    const bake = createBuildxBake({
      root,
      timeoutMs: 5000,
      env: { PATH: process.env['PATH'], HOME: '/home/runner', SECRET: 's3' },
      docker
    })

    const read = await declarations(root, bake)

    expect(read.problems).toEqual([])
    expect(summary(read)).toEqual(['ghcr.io/acme/app app/Dockerfile app bake'])
    expect((await readFile(log, 'utf8')).trim().split('\n')).toEqual([
      'buildx version | SECRET=unset HOME=/home/runner',
      'buildx bake --print -f docker-bake.json -f docker-bake.hcl | SECRET=unset HOME=/home/runner'
    ])
  })

  it('says why bake --print failed, and reads the JSON file directly', async () => {
    const root = await tree({
      'docker-bake.hcl': 'target "app" {\n',
      'docker-bake.json': BAKE_JSON
    })
    const docker = await fakeDocker(root, [
      'if [ "$2" = "version" ]; then exit 0; fi',
      'echo "ERROR: docker-bake.hcl:2,1-1: Unclosed configuration block" >&2',
      'exit 1'
    ])
    const bake = createBuildxBake({ root, timeoutMs: 5000, env: {}, docker })

    const read = await declarations(root, bake)

    expect(read.problems).toEqual([
      {
        file: 'docker-bake.hcl',
        line: 1,
        message:
          'not read: `docker buildx bake --print` failed for docker-bake.hcl (ERROR: docker-bake.hcl:2,1-1: Unclosed configuration block); fix the bake file, or list the images it builds in the images setting.'
      }
    ])
    expect(summary(read)).toEqual([
      'ghcr.io/acme/base base/Dockerfile base bake'
    ])
  })

  it('stops a bake --print that hangs at the timeout', async () => {
    const root = await tree({ 'docker-bake.hcl': 'target "app" {}\n' })
    const docker = await fakeDocker(root, [
      'if [ "$2" = "version" ]; then exit 0; fi',
      'sleep 5'
    ])
    const bake = createBuildxBake({ root, timeoutMs: 300, env: {}, docker })

    const started = Date.now()
    const printed = await bake.print(['docker-bake.hcl'])

    expect(printed).toEqual({ kind: 'failed', message: 'timed out' })
    expect(Date.now() - started).toBeLessThan(4000)
  })
})

/** A `docker` stand-in: a shell script with `lines` as its body. */
async function fakeDocker(dir: string, lines: string[]): Promise<string> {
  const file = join(dir, 'docker')
  await writeFile(file, ['#!/bin/sh', ...lines, ''].join('\n'))
  await chmod(file, 0o755)
  return file
}

describe('${{ github.repository }} in a workflow', () => {
  const WORKFLOW = `on: push
env:
  IMAGE_NAME: \${{ github.repository }}
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/build-push-action@v6
        with:
          context: base
          tags: ghcr.io/\${{ env.IMAGE_NAME }}:1
`

  it('is the repository the run is for (GITHUB_REPOSITORY)', async () => {
    const root = await tree({ '.github/workflows/images.yml': WORKFLOW })
    const read = await declarations(root, undefined, {
      githubRepository: 'acme/base'
    })
    expect(
      read.producers.map(p => [p.repository, p.dockerfile, p.tags])
    ).toEqual([['ghcr.io/acme/base', 'base/Dockerfile', ['1']]])
    expect(read.problems).toEqual([])
  })

  it('without it, the step is a problem that says what to do', async () => {
    const root = await tree({ '.github/workflows/images.yml': WORKFLOW })
    const read = await declarations(root, undefined)
    expect(read.producers).toEqual([])
    expect(read.problems.map(p => [p.file, p.message])).toEqual([
      ['.github/workflows/images.yml', expect.stringMatching(/images setting/)]
    ])
  })
})
