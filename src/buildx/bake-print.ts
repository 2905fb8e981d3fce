/**
 * `docker buildx bake --print` (issue 11 part 1, CHAINS.md §A1.3): buildx
 * resolves variables, functions, `inherits` and HCL into the JSON shape of
 * docker-bake.json, far more reliably than a re-implementation of HCL.
 *
 * Run with execFile (no shell), in the repository root, with a clean
 * environment (PATH, HOME and Docker's own locations only: bake files read
 * variables from the environment, and the runner's may hold secrets), and
 * a timeout. When `docker buildx version` fails, buildx is "unavailable"
 * and the pipeline falls back to the JSON bake files.
 */
import { execFile } from 'node:child_process'
import type { BakePrinter, BakePrint } from '../pipeline/chain-declarations.js'

export interface BuildxOptions {
  /** The repository root: bake resolves its paths from the working directory. */
  readonly root: string
  readonly timeoutMs: number
  /** The runner's environment; only the variables named in KEPT_ENV are passed on. */
  readonly env: Readonly<Record<string, string | undefined>>
  /** The docker CLI (tests point it at a stand-in). */
  readonly docker?: string
}

/** What buildx needs to find itself and its builders; nothing that can hold a secret value. */
const KEPT_ENV = [
  'PATH',
  'HOME',
  'DOCKER_CONFIG',
  'DOCKER_HOST',
  'DOCKER_CONTEXT',
  'BUILDX_CONFIG',
  'BUILDX_BUILDER'
]

/** The bake JSON may be large for a big farm; anything beyond this is refused, not truncated. */
const MAX_OUTPUT = 16 * 1024 * 1024

export function createBuildxBake(options: BuildxOptions): BakePrinter {
  const docker = options.docker ?? 'docker'
  const env: Record<string, string> = {}
  for (const name of KEPT_ENV) {
    const value = options.env[name]
    if (value !== undefined) env[name] = value
  }
  let available: Promise<boolean> | undefined
  const exec = async (args: readonly string[]): Promise<ExecResult> =>
    run(docker, args, { cwd: options.root, env, timeout: options.timeoutMs })
  return {
    async print(files: readonly string[]): Promise<BakePrint> {
      available ??= exec(['buildx', 'version']).then(r => r.ok)
      if (!(await available)) return { kind: 'unavailable' }
      const args = ['buildx', 'bake', '--print']
      for (const file of files) args.push('-f', file)
      const result = await exec(args)
      if (result.ok) return { kind: 'printed', json: result.stdout }
      return { kind: 'failed', message: result.message }
    }
  }
}

type ExecResult =
  | { readonly ok: true; readonly stdout: string }
  | { readonly ok: false; readonly message: string }

async function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: Record<string, string>; timeout: number }
): Promise<ExecResult> {
  return new Promise(resolve => {
    execFile(
      command,
      [...args],
      { ...options, maxBuffer: MAX_OUTPUT, windowsHide: true },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve({ ok: true, stdout })
          return
        }
        resolve({ ok: false, message: failure(error, stderr) })
      }
    )
  })
}

/** The first line buildx wrote, or why the command did not run. */
function failure(
  error: Error & { code?: unknown; killed?: boolean },
  stderr: string
): string {
  if (error.killed === true) return 'timed out'
  if (error.code === 'ENOENT') return 'docker is not installed'
  const line = stderr
    .split('\n')
    .map(l => l.trim())
    .find(l => l !== '')
  return line ?? error.message.split('\n')[0] ?? 'failed'
}
