/**
 * The two programs the benchmark times, each bundled by esbuild into .tmp
 * (the CLI as scripts/build.mjs bundles it, so dist/ is left alone) and run
 * as a child process: wall time from spawn to exit, peak RSS from
 * process.resourceUsage() at exit.
 */
import { spawn } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { build } from 'esbuild'

export interface Bundles {
  readonly cli: string
  readonly floor: string
}

export interface Measured {
  readonly code: number | null
  readonly wallMs: number
  readonly peakRssMb: number
  /** User + system CPU time of the child (process.resourceUsage() at exit). */
  readonly cpuMs: number
  readonly stderr: string
  /** Only when asked for (`captureStdout`); else the child's stdout is discarded. */
  readonly stdout?: string
}

const BANNER =
  "import { createRequire as __freshbaseCreateRequire } from 'node:module';" +
  'const require = __freshbaseCreateRequire(import.meta.url);'

export async function buildBundles(dir: string): Promise<Bundles> {
  await build({
    entryPoints: { cli: 'src/cli.ts', floor: 'bench/floor-client.ts' },
    outdir: dir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    splitting: true,
    target: 'node20',
    banner: { js: BANNER },
    legalComments: 'none',
    logLevel: 'warning'
  })
  return { cli: join(dir, 'cli.js'), floor: join(dir, 'floor.js') }
}

const MAXRSS_HOOK =
  'data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("\\nmaxrss="+u.maxRSS+" cpu="+(u.userCPUTime+u.systemCPUTime)+"\\n")})'

export async function runNode(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  extraNodeArgs: readonly string[] = [],
  captureStdout = false
): Promise<Measured> {
  const started = performance.now()
  const child = spawn(
    process.execPath,
    ['--import', MAXRSS_HOOK, ...extraNodeArgs, ...args],
    {
      stdio: ['ignore', captureStdout ? 'pipe' : 'ignore', 'pipe'],
      env: { ...process.env, ...env }
    }
  )
  let stderr = ''
  const stdout: Buffer[] = []
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk))
  const code = await new Promise<number | null>(resolve =>
    child.on('close', resolve)
  )
  const wallMs = performance.now() - started
  const maxRssKb = Number(/maxrss=(\d+)/.exec(stderr)?.[1] ?? 0)
  const cpuUs = Number(/maxrss=\d+ cpu=(\d+)/.exec(stderr)?.[1] ?? NaN)
  return {
    code,
    wallMs,
    peakRssMb: maxRssKb / 1024,
    cpuMs: cpuUs / 1000,
    stderr,
    ...(captureStdout ? { stdout: Buffer.concat(stdout).toString() } : {})
  }
}

export async function runFloor(
  bundle: string,
  work: string,
  job: {
    readonly host: string
    readonly concurrency: number
    readonly images: readonly { repository: string; tag: string }[]
  }
): Promise<Measured> {
  const file = join(work, 'floor-job.json')
  await writeFile(file, JSON.stringify(job))
  return runNode([bundle, file], {})
}
