/**
 * Runs the built action (dist/index.js) exactly as the runner does: a child
 * process with INPUT_* variables (defaults from action.yml filled in, as the
 * runner fills them), GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, and
 * GITHUB_API_URL pointing at the stand-in.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'

export interface ActionRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  readonly outputs: Record<string, string>
  readonly summary: string
}

export interface ActionRunOptions {
  readonly apiUrl: string
  readonly repository: string
  readonly token: string
  readonly inputs?: Readonly<Record<string, string>>
  /** A checkout of the repository (GITHUB_WORKSPACE); none by default. */
  readonly workspace?: string
  readonly env?: Readonly<Record<string, string>>
}

const ROOT = resolve(import.meta.dirname, '../..')

async function actionDefaults(token: string): Promise<Record<string, string>> {
  const action = parse(await readFile(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>
  }
  const defaults: Record<string, string> = {}
  for (const [name, spec] of Object.entries(action.inputs)) {
    if (spec.default === undefined) continue
    defaults[name] =
      spec.default === '${{ github.token }}' ? token : spec.default
  }
  return defaults
}

/** The runner's name mangling: spaces → '_', upper case, hyphens kept (FACTS.md §7.2). */
function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

export async function runAction(options: ActionRunOptions): Promise<ActionRun> {
  const dir = await mkdtemp(join(tmpdir(), 'freshbase-action-'))
  try {
    const outputFile = join(dir, 'output')
    const summaryFile = join(dir, 'summary')
    await writeFile(outputFile, '')
    await writeFile(summaryFile, '')
    const inputs = {
      ...(await actionDefaults(options.token)),
      ...options.inputs
    }
    const env: Record<string, string> = {
      PATH: process.env['PATH'] ?? '',
      HOME: dir,
      DOCKER_CONFIG: join(dir, 'docker'),
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_API_URL: options.apiUrl,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: options.repository,
      RUNNER_TEMP: dir,
      // Against the stand-in, no need to wait 1 s between writes or a whole retry-after second.
      FRESHBASE_GITHUB_WRITE_INTERVAL_MS: '0',
      FRESHBASE_GITHUB_RETRY_AFTER_UNIT_MS: '20',
      ...(options.workspace === undefined
        ? {}
        : { GITHUB_WORKSPACE: options.workspace }),
      ...options.env
    }
    for (const [name, value] of Object.entries(inputs))
      env[inputVariable(name)] = value
    // FRESHBASE_TEST_ACTION_ENTRY: a bundle of the working tree built
    // elsewhere, to run these tests before dist/ is rebuilt.
    const entry =
      process.env['FRESHBASE_TEST_ACTION_ENTRY'] ?? join(ROOT, 'dist/index.js')
    const child = spawn(process.execPath, [entry], {
      env,
      cwd: dir
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>(done =>
      child.on('close', done)
    )
    return {
      code,
      stdout,
      stderr,
      outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
      summary: await readFile(summaryFile, 'utf8')
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** `name<<delimiter\nvalue\ndelimiter` blocks, as @actions/core writes them. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '')
    if (match === null) continue
    const [, name = '', delimiter = ''] = match
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== delimiter; i++)
      value.push(lines[i] ?? '')
    outputs[name] = value.join('\n')
  }
  return outputs
}
