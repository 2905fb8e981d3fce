/**
 * The repository the registry fault suites run the real CLI over: one file
 * with the faulty image, two files with healthy images (one tag-only, one
 * stale pin), and one file mixing a healthy image with the faulty one. A
 * fault proxy sits between the CLI and the real registry.
 */
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { expect } from 'vitest'
import { runCli } from '../../src/cli/main.js'
import type { Digest } from '../../src/core/digest.js'
import { startFaultProxy } from './fault-proxy.js'
import type { FaultProxy, FaultProxyOptions } from './fault-proxy.js'
import type { TestRegistry } from './registry.js'

export const FAULTY = 'team/faulty'
export const FAULTY_TAG = '1'

export interface SeededScenario {
  readonly faulty: Digest
  readonly appA: Digest
  readonly appBOld: Digest
  readonly appB: Digest
}

export async function seedScenario(
  registry: TestRegistry
): Promise<SeededScenario> {
  const faulty = await registry.seedImage(FAULTY, FAULTY_TAG)
  const appA = await registry.seedImage('team/app-a', '1', {
    platforms: ['linux/amd64', 'linux/arm64']
  })
  const appBOld = await registry.seedImage('team/app-b', '2')
  const appB = await registry.seedImage('team/app-b', '2') // the tag moved
  return {
    faulty: faulty.indexDigest,
    appA: appA.indexDigest,
    appBOld: appBOld.indexDigest,
    appB: appB.indexDigest
  }
}

export interface CliResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
  readonly ms: number
}

export interface ScenarioOptions extends Omit<FaultProxyOptions, 'target'> {
  /** Where to forward (default the registry). */
  readonly target?: string
  /** `--platform=linux/amd64` on the faulty FROMs. */
  readonly readsBody?: boolean
  /**
   * The faulty FROMs pinned to the tag's current digest: resolved with one
   * HEAD by tag (issue 8), where by default (tag-only) it is one GET by tag.
   */
  readonly pinned?: boolean
}

export interface Scenario {
  readonly proxy: FaultProxy
  /** The registry host the Dockerfiles name (the proxy). */
  readonly host: string
  readonly root: string
  readonly files: Readonly<Record<string, string>>
  /** `freshbase apply <root> --timeout 2 ...args` in process. */
  apply(args?: readonly string[]): Promise<CliResult>
  /** Every file as expected: healthy images written, the faulty one pinned to `faulty` or left. */
  expectFiles(faulty?: Digest): Promise<void>
  /** The failed rows name the image, say what happened and what to do. */
  expectFailed(result: CliResult, what: RegExp, hint: string): void
  expectNoTempFiles(): Promise<void>
  /** Docker config JSON file with `user:password` for the proxy host. */
  dockerConfig(user: string, password: string): Promise<string>
}

export class ScenarioSet {
  private readonly proxies: FaultProxy[] = []
  private work = ''
  private serial = 0

  constructor(
    private readonly registry: () => TestRegistry,
    private readonly seeded: () => SeededScenario
  ) {}

  async start(): Promise<void> {
    this.work = await mkdtemp(join(tmpdir(), 'freshbase-faults-'))
    await mkdir(join(this.work, 'empty-docker-config'))
  }

  async stop(): Promise<void> {
    await Promise.all(this.proxies.map(async p => p.stop()))
  }

  /** A proxy that is not the scenario's (e.g. a redirect target); stopped with the set. */
  async extraProxy(options: FaultProxyOptions): Promise<FaultProxy> {
    const proxy = await startFaultProxy(options)
    this.proxies.push(proxy)
    return proxy
  }

  async scenario(options: ScenarioOptions = {}): Promise<Scenario> {
    const { target, readsBody, pinned, ...proxyOptions } = options
    const shape = { readsBody: readsBody === true, pinned: pinned === true }
    const proxy = await this.extraProxy({
      ...proxyOptions,
      target: target ?? this.registry().host
    })
    const root = join(this.work, `repo-${++this.serial}`)
    const files = scenarioFiles(proxy.host, this.seeded(), shape)
    for (const [file, text] of Object.entries(files)) {
      await mkdir(dirname(join(root, file)), { recursive: true })
      await writeFile(join(root, file), text)
    }
    const work = this.work
    const seeded = this.seeded()
    const host = proxy.host
    return {
      proxy,
      host,
      root,
      files,
      apply: async (args = []) =>
        runApply(['apply', root, '--timeout', '2', ...args], work),
      expectFiles: async faulty => {
        const expected = scenarioFiles(host, seeded, shape, {
          written: true,
          ...(faulty === undefined ? {} : { faulty })
        })
        for (const [file, text] of Object.entries(expected)) {
          expect(await readFile(join(root, file), 'utf8'), file).toBe(text)
        }
      },
      expectFailed: (result, what, hint) => {
        const image = `${host}/${FAULTY}:${FAULTY_TAG}`
        for (const location of ['faulty/Dockerfile:1', 'mixed/Dockerfile:3']) {
          const row = result.stdout
            .split('\n')
            .find(line => line.startsWith(`${location} `))
          expect(row, location).toBeDefined()
          expect(row).toContain(`failed: cannot resolve ${image}: `)
          expect(row).toMatch(what)
          expect(row).toContain(hint)
        }
        expect(result.stdout).toMatch(/\b2 failed; wrote 3 files\.$/m)
        expect(result.code).toBe(1)
      },
      expectNoTempFiles: async () => {
        const names = await readdir(root, { recursive: true })
        expect(names.filter(n => /\.freshbase-.*\.tmp$/.test(n))).toEqual([])
      },
      dockerConfig: async (user, password) => {
        const file = join(work, `docker-config-${++this.serial}.json`)
        await writeFile(
          file,
          JSON.stringify({
            auths: {
              [host]: {
                auth: Buffer.from(`${user}:${password}`).toString('base64')
              }
            }
          })
        )
        return file
      }
    }
  }
}

interface Outcome {
  readonly written: boolean
  readonly faulty?: Digest
}

function scenarioFiles(
  host: string,
  seeded: SeededScenario,
  shape: { readonly readsBody: boolean; readonly pinned: boolean },
  outcome: Outcome = { written: false }
): Record<string, string> {
  const platform = shape.readsBody ? '--platform=linux/amd64 ' : ''
  const pin = (digest: Digest | undefined): string =>
    outcome.written && digest !== undefined ? `@${digest}` : ''
  const faultyPin = shape.pinned ? `@${seeded.faulty}` : pin(outcome.faulty)
  const faulty = `${platform}${host}/${FAULTY}:${FAULTY_TAG}${faultyPin}`
  const appA = `${host}/team/app-a:1${pin(seeded.appA)}`
  const appB = `${host}/team/app-b:2@${outcome.written ? seeded.appB : seeded.appBOld}`
  return {
    'faulty/Dockerfile': `FROM ${faulty}\nRUN true\n`,
    'a/Dockerfile': `FROM ${appA}\n`,
    'b/Containerfile': `# base\nFROM ${appB} AS base\nRUN make\n`,
    'mixed/Dockerfile': `FROM ${appA} AS build\nRUN make\nFROM ${faulty}\nCOPY --from=build /out /out\n`
  }
}

async function runApply(
  args: readonly string[],
  work: string
): Promise<CliResult> {
  const out: string[] = []
  const err: string[] = []
  const started = performance.now()
  const code = await runCli(args, {
    stdout: text => out.push(text),
    stderr: text => err.push(text),
    // Nothing from the machine running the tests leaks in.
    env: {
      DOCKER_CONFIG: join(work, 'empty-docker-config'),
      PATH: process.env['PATH'] ?? ''
    }
  })
  return {
    code,
    stdout: out.join('\n'),
    stderr: err.join('\n'),
    ms: performance.now() - started
  }
}

/** None of `secrets` (password, tokens, Basic header) appears in the output. */
export function expectNoSecrets(
  result: CliResult,
  secrets: readonly string[]
): void {
  const output = `${result.stdout}\n${result.stderr}`
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThan(3)
    expect(output.includes(secret), 'a secret in the output').toBe(false)
  }
}

/** The Bearer tokens and Basic payloads that passed through a proxy. */
export function credentialsSeen(proxies: readonly FaultProxy[]): string[] {
  return proxies
    .flatMap(p => p.authorizations())
    .map(value => value.replace(/^(Bearer|Basic) /i, ''))
}
