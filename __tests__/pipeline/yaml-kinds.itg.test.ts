/**
 * The CLI end to end over every kind of file (issue 10) against the real
 * Distribution registry: a Dockerfile, a Compose file (one service built
 * here, one pinnable), a Deployment with a ConfigMap whose text looks like
 * an image, a workflow job container, a .gitlab-ci.yml and the file it
 * includes by local path, a Helm template. `--kinds` chooses what is read;
 * `apply` writes exactly the image bytes; a second run changes nothing.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/main.js'
import { startRegistry } from '../support/registry.js'
import type { SeededIndex, TestRegistry } from '../support/registry.js'

let work: string
let registry: TestRegistry
let alpine: SeededIndex
let node: SeededIndex
let postgres: SeededIndex

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'freshbase-yaml-'))
  registry = await startRegistry()
  alpine = await registry.seedImage('library/alpine', '3.20')
  node = await registry.seedImage('library/node', '20', {
    platforms: ['linux/amd64', 'linux/arm64']
  })
  postgres = await registry.seedImage('library/postgres', '16')
})
afterAll(async () => {
  await registry.stop()
  await rm(work, { recursive: true, force: true })
})

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

interface JsonRun {
  readonly filesScanned: number
  readonly changedFiles: string[]
  readonly rows: {
    file: string
    line: number
    source: string
    decision: string
    kind?: string
    yamlPath?: string
    reason?: string
  }[]
}

async function json(args: string[]): Promise<JsonRun & { code: number }> {
  const result = await cli([...args, '--json'])
  return { code: result.code, ...(JSON.parse(result.stdout) as JsonRun) }
}

/** One row as "file:line source decision [yamlPath]". */
const brief = (row: JsonRun['rows'][number]): string =>
  `${row.file}:${row.line} ${row.source} ${row.decision}${row.yamlPath === undefined ? '' : ` ${row.yamlPath}`}`

/** The repository's files, before; `h` is the registry host. */
function repository(h: string): Record<string, string> {
  return {
    Dockerfile: `FROM ${h}/library/alpine:3.20\nRUN true\n`,
    'compose.yaml':
      `services:\n  web:\n    build: .\n    image: ${h}/acme/web:1\n` +
      `  db:\n    image: "${h}/library/postgres:16" # the database\n`,
    'k8s/app.yaml':
      `apiVersion: apps/v1\r\nkind: Deployment\r\nmetadata:\r\n  name: app\r\nspec:\r\n` +
      `  template:\r\n    spec:\r\n      containers:\r\n        - name: app\r\n` +
      `          image: ${h}/library/node:20 # runtime\r\n---\r\n` +
      `apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: notes\r\ndata:\r\n` +
      `  snippet: |\r\n    image: ${h}/library/node:20\r\n`,
    '.github/workflows/ci.yml':
      `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n` +
      `    container: ${h}/library/node:20\n    steps:\n      - run: echo hi\n`,
    '.gitlab-ci.yml': `include:\n  - local: /ci/jobs.yml\nimage: '${h}/library/alpine:3.20'\n`,
    'ci/jobs.yml': `test:\n  image: ${h}/library/node:20\n  script: [echo]\n`,
    'chart/templates/deploy.yaml':
      `apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n` +
      `      containers:\n        - image: {{ .Values.image }}\n`,
    'notes/other.yaml': `title: not a manifest\nimage: none\n`
  }
}

/** What apply must leave: only the image scalars' bytes changed. */
function pinned(h: string): Record<string, string> {
  const files = repository(h)
  const pin = (text: string | undefined, image: string, digest: string) =>
    (text ?? '').replace(image, `${image}@${digest}`)
  return {
    ...files,
    Dockerfile: pin(
      files['Dockerfile'],
      `${h}/library/alpine:3.20`,
      alpine.indexDigest
    ),
    'compose.yaml': pin(
      files['compose.yaml'],
      `${h}/library/postgres:16`,
      postgres.indexDigest
    ),
    // The first mention only: the ConfigMap's text stays as it is.
    'k8s/app.yaml': pin(
      files['k8s/app.yaml'],
      `${h}/library/node:20`,
      node.indexDigest
    ),
    '.github/workflows/ci.yml': pin(
      files['.github/workflows/ci.yml'],
      `${h}/library/node:20`,
      node.indexDigest
    ),
    '.gitlab-ci.yml': pin(
      files['.gitlab-ci.yml'],
      `${h}/library/alpine:3.20`,
      alpine.indexDigest
    ),
    'ci/jobs.yml': pin(
      files['ci/jobs.yml'],
      `${h}/library/node:20`,
      node.indexDigest
    )
  }
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

async function readAll(
  root: string,
  files: Record<string, string>
): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const file of Object.keys(files))
    out[file] = await readFile(join(root, file), 'utf8')
  return out
}

describe('freshbase over Compose, Kubernetes, workflows and GitLab CI', () => {
  it('plans every kind: the built service and the template are said once, the ConfigMap is no image', async () => {
    const root = await makeRepo('check', repository(registry.host))

    const run = await json(['check', root])

    expect(run.code).toBe(0)
    expect(run.rows.map(brief)).toEqual([
      '.github/workflows/ci.yml:5 job-container pin jobs.test.container',
      '.gitlab-ci.yml:3 gitlab-image pin image',
      'Dockerfile:1 from pin',
      'chart/templates/deploy.yaml:7 file skipped',
      'ci/jobs.yml:2 gitlab-image pin test.image',
      'compose.yaml:4 compose skipped services.web.image',
      'compose.yaml:6 compose pin services.db.image',
      'k8s/app.yaml:10 container pin spec.template.spec.containers[0].image'
    ])
    expect(run.rows.map(row => row.kind)).toEqual([
      'workflow',
      'gitlab-ci',
      undefined,
      'kubernetes',
      'gitlab-ci',
      'compose',
      'compose',
      'kubernetes'
    ])
    expect(run.rows[3]?.reason).toMatch(/template/)
    expect(run.rows[5]?.reason).toMatch(/build/)
    expect(run.changedFiles).toEqual([
      '.github/workflows/ci.yml',
      '.gitlab-ci.yml',
      'Dockerfile',
      'ci/jobs.yml',
      'compose.yaml',
      'k8s/app.yaml'
    ])
    expect(await readAll(root, repository(registry.host))).toEqual(
      repository(registry.host)
    )
  })

  it.each<[string, string[]]>([
    [
      'compose,gitlab-ci',
      [
        '.gitlab-ci.yml:3 gitlab-image pin image',
        'ci/jobs.yml:2 gitlab-image pin test.image',
        'compose.yaml:4 compose skipped services.web.image',
        'compose.yaml:6 compose pin services.db.image'
      ]
    ],
    [
      'kubernetes',
      [
        'chart/templates/deploy.yaml:7 file skipped',
        'k8s/app.yaml:10 container pin spec.template.spec.containers[0].image'
      ]
    ],
    [
      'github-actions,dockerfile',
      [
        '.github/workflows/ci.yml:5 job-container pin jobs.test.container',
        'Dockerfile:1 from pin'
      ]
    ]
  ])('--kinds %s reads only those kinds', async (kinds, expected) => {
    const root = await makeRepo(
      `kinds-${kinds.replace(/,/g, '-')}`,
      repository(registry.host)
    )

    const run = await json(['check', root, '--kinds', kinds])

    expect(run.code).toBe(0)
    expect(run.rows.map(brief)).toEqual(expected)
  })

  it('apply writes exactly the image bytes; a second run finds everything up to date', async () => {
    const h = registry.host
    const root = await makeRepo('apply', repository(h))

    const apply = await cli(['apply', root])
    const after = await readAll(root, repository(h))
    const again = await json(['apply', root])

    expect(apply.code).toBe(0)
    expect(apply.stdout).toContain('wrote 6 files')
    expect(after).toEqual(pinned(h))
    expect(again.changedFiles).toEqual([])
    expect(
      again.rows.filter(r => r.decision !== 'skipped').map(r => r.decision)
    ).toEqual(Array.from({ length: 6 }, () => 'up to date'))
    expect(await readAll(root, repository(h))).toEqual(pinned(h))
  })

  it('applies the ignore globs to YAML images as to Dockerfile ones', async () => {
    const root = await makeRepo('ignore', repository(registry.host))

    const run = await json(['check', root, '--ignore', '*/library/node:*'])

    expect(
      run.rows
        .filter(row => row.reason?.includes('ignore pattern') === true)
        .map(brief)
    ).toEqual([
      '.github/workflows/ci.yml:5 job-container skipped jobs.test.container',
      'ci/jobs.yml:2 gitlab-image skipped test.image',
      'k8s/app.yaml:10 container skipped spec.template.spec.containers[0].image'
    ])
  })

  it('names the kinds setting and the allowed kinds for an unknown kind', async () => {
    const result = await cli(['check', work, '--kinds', 'compose,helm'])

    expect(result.code).toBe(2)
    expect(result.stderr).toContain(
      `'kinds': "helm" is not one of dockerfile, compose, kubernetes, github-actions, gitlab-ci.`
    )
  })
})
