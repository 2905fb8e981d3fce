/**
 * In-repo chains through the CLI (issue 11 part 1), against the real
 * registry: a base built by a workflow step, a child built by Compose and
 * a grandchild named with --image; an HCL bake file the runner cannot read
 * (no buildx here). The text output warns and says which Dockerfiles are
 * rebuilt after which; --json carries the chains and the rebuild levels;
 * apply writes only the external base's pin, and the in-repo references
 * are never asked of the registry.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/main.js'
import { startRegistry } from '../support/registry.js'
import type { SeededIndex, TestRegistry } from '../support/registry.js'

let registry: TestRegistry
let node: SeededIndex
let work: string

beforeAll(async () => {
  registry = await startRegistry()
  node = await registry.seedImage('library/node', '20', {
    platforms: ['linux/amd64']
  })
  work = await mkdtemp(join(tmpdir(), 'freshbase-chains-cli-'))
})
afterAll(async () => {
  await registry.stop()
  await rm(work, { recursive: true, force: true })
})

async function repo(): Promise<string> {
  const host = registry.host
  const root = await mkdtemp(join(work, 'repo-'))
  const files: Record<string, string> = {
    'base/Dockerfile': 'FROM node:20\nRUN echo base\n',
    // Not pushed anywhere: asking the registry for them would fail.
    'mid/Dockerfile': `FROM ${host}/acme/base:1\n`,
    'app/Dockerfile': `FROM ${host}/acme/mid:1\nFROM ${host}/acme/base:2\n`,
    'compose.yaml': `services:\n  mid:\n    build: mid\n    image: ${host}/acme/mid:1\n`,
    '.github/workflows/images.yml': [
      'on: push',
      'jobs:',
      '  base:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: docker/build-push-action@v6',
      '        with:',
      '          context: base',
      `          tags: ${host}/acme/base:1`,
      ''
    ].join('\n'),
    'docker-bake.hcl': 'target "x" {}\n'
  }
  for (const [file, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, file)), { recursive: true })
    await writeFile(join(root, file), text)
  }
  return root
}

async function cli(
  args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(
    [
      ...args,
      '--registry-map',
      `docker.io=${registry.host}`,
      '--image',
      `${registry.host}/acme/app:1=app/Dockerfile`,
      '--no-osv'
    ],
    {
      stdout: text => out.push(text),
      stderr: text => err.push(text),
      env: {
        DOCKER_CONFIG: join(work, 'no-docker-config'),
        // No docker on PATH: buildx is unavailable.
        PATH: ''
      }
    }
  )
  return { code, stdout: out.join('\n'), stderr: err.join('\n') }
}

describe('freshbase check on in-repo chains', () => {
  it('skips the in-repo FROMs, warns about the HCL file, and says what is rebuilt after what', async () => {
    const root = await repo()

    const run = await cli(['check', root])

    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toContain(
      'docker-bake.hcl:1: not read: docker-bake.hcl is HCL; install buildx on the runner'
    )
    expect(run.stdout).toContain(
      'skipped: built in this repository (base/Dockerfile)'
    )
    expect(run.stdout).toContain(
      'skipped: built in this repository (mid/Dockerfile)'
    )
    expect(run.stdout).toContain(
      'skipped: built in this repository (base/Dockerfile) — tag unverified: base/Dockerfile is built as :1 (.github/workflows/images.yml:'
    )
    expect(run.stdout).not.toContain('failed:')
    expect(run.stdout).toContain('0 failed')
    expect(run.stdout).toContain(
      'rebuild in order: [["base/Dockerfile"],["mid/Dockerfile"],["app/Dockerfile"]]'
    )
    expect(run.stdout).toContain(
      `  mid/Dockerfile:1 builds on ${registry.host}/acme/base:1 (base/Dockerfile): rebuilt after it`
    )
  })

  it('puts the chains and the rebuild levels in --json, and apply writes only the external pin', async () => {
    const root = await repo()

    const json = await cli(['check', root, '--json'])
    const plan = JSON.parse(json.stdout) as {
      chains: {
        edges: { parent: string; child: string; tagVerified: boolean }[]
        levels: string[][]
        problems: { file: string }[]
      }
      rebuild: string[][]
    }
    const applied = await cli(['apply', root])

    expect(
      plan.chains.edges.map(e => `${e.parent} → ${e.child} ${e.tagVerified}`)
    ).toEqual([
      'mid/Dockerfile → app/Dockerfile true',
      'base/Dockerfile → app/Dockerfile false',
      'base/Dockerfile → mid/Dockerfile true'
    ])
    expect(plan.chains.levels).toEqual([
      ['base/Dockerfile'],
      ['mid/Dockerfile'],
      ['app/Dockerfile']
    ])
    expect(plan.chains.problems.map(p => p.file)).toEqual(['docker-bake.hcl'])
    expect(plan.rebuild).toEqual(plan.chains.levels)
    expect(applied.code, applied.stderr).toBe(0)
    expect(await readFile(join(root, 'base/Dockerfile'), 'utf8')).toBe(
      `FROM node:20@${node.indexDigest}\nRUN echo base\n`
    )
    expect(await readFile(join(root, 'mid/Dockerfile'), 'utf8')).toBe(
      `FROM ${registry.host}/acme/base:1\n`
    )
  })
})
