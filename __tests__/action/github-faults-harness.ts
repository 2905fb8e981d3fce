/**
 * Shared by the GitHub fault suites: the built action against the
 * OpenAPI-checked stand-in and the real registry, with the checks every
 * fault test ends on: the next run converges (one open PR per group with the
 * right branch content, plan block and parent; no orphan freshbase/ branch)
 * and the token never shows.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { parseProposedPlan } from '../../src/core/publish/proposed-plan.js'
import { runAction } from '../support/action-runner.js'
import type { ActionRun } from '../support/action-runner.js'
import { startGitHubStandIn } from '../support/github-stand-in.js'
import type {
  GitHubStandIn,
  GitHubStandInOptions
} from '../support/github-stand-in.js'
import { startRegistry } from '../support/registry.js'
import type { TestRegistry } from '../support/registry.js'

export const TOKEN = `ghs_${'f'.repeat(8)}${Math.random().toString(36).slice(2, 12)}`
export const OWNER = 'acme'
export const REPO = 'shop'

export const FILES = {
  Dockerfile:
    'FROM node:20 AS build\nRUN make\nFROM alpine:3.20\nCOPY --from=build /out /out\n',
  'worker/Dockerfile': 'FROM node:20\nCMD ["node", "worker.js"]\n',
  'docs/README.md': '# docs\n'
} as const

const IMAGES = {
  node: { repository: 'library/node', tag: '20', short: 'node:20' },
  alpine: { repository: 'library/alpine', tag: '3.20', short: 'alpine:3.20' }
} as const

type ImageName = keyof typeof IMAGES

export interface FaultHarness {
  readonly registry: TestRegistry
  /** The digest each tag points to now. */
  digest(image: ImageName): string
  /** Pushes a new index under the tag: the next run has something to update. */
  moveTag(image: ImageName): Promise<void>
  /** The stand-in over FILES plus `files` (e.g. a workflow under .github/workflows/). */
  standIn(options?: {
    readonly files?: GitHubStandInOptions['files']
  }): Promise<GitHubStandIn>
  /** Runs the built action; fails the test if the token shows anywhere. */
  act(s: GitHubStandIn, inputs?: Record<string, string>): Promise<ActionRun>
  /** One open PR per group, right content, right plan, on the base head, no orphan branch. */
  expectConverged(s: GitHubStandIn, groups?: number): Promise<void>
}

/** Registers the hooks (registry, stand-in checks) and returns the helpers. */
export function useFaultHarness(): FaultHarness {
  let registry: TestRegistry | undefined
  const digests = new Map<ImageName, string>()
  const standIns: GitHubStandIn[] = []

  beforeAll(async () => {
    registry = await startRegistry()
    for (const name of Object.keys(IMAGES) as ImageName[]) {
      await seed(name)
    }
  })
  afterAll(async () => {
    await registry?.stop()
  })
  afterEach(async () => {
    for (const s of standIns.splice(0)) {
      try {
        expect(
          s.violations,
          `requests that do not match GitHub OpenAPI: ${JSON.stringify(s.violations)}`
        ).toEqual([])
        expect(s.responseViolations).toEqual([])
        await s.fsck()
      } finally {
        await s.stop()
      }
    }
  })

  const requireRegistry = (): TestRegistry => {
    if (registry === undefined) throw new Error('registry not started')
    return registry
  }
  async function seed(name: ImageName): Promise<void> {
    const { repository, tag } = IMAGES[name]
    const seeded = await requireRegistry().seedImage(repository, tag, {
      platforms: ['linux/amd64']
    })
    digests.set(name, seeded.indexDigest)
  }
  const digest = (name: ImageName): string => digests.get(name) ?? ''

  return {
    get registry() {
      return requireRegistry()
    },
    digest,
    moveTag: seed,
    standIn: async (options = {}) => {
      const s = await startGitHubStandIn({
        owner: OWNER,
        repo: REPO,
        files: { ...FILES, ...options.files },
        token: TOKEN
      })
      standIns.push(s)
      return s
    },
    act: async (s, inputs = {}) => {
      const run = await runAction({
        apiUrl: s.url,
        repository: `${OWNER}/${REPO}`,
        token: TOKEN,
        inputs: {
          'registry-map': `docker.io=${requireRegistry().host}`,
          ...inputs
        }
      })
      expectNoToken(s, run)
      return run
    },
    expectConverged: async (s, groups = 1) => expectConverged(s, groups, digest)
  }
}

/** The token is masked by the runner from `::add-mask::` on; it must appear nowhere else. */
export function expectNoToken(s: GitHubStandIn, run: ActionRun): void {
  expect(run.stdout).toContain(`::add-mask::${TOKEN}`)
  const logged = run.stdout.replace(/^::add-mask::.*$/gm, '')
  for (const text of [
    logged,
    run.stderr,
    run.summary,
    JSON.stringify(run.outputs)
  ]) {
    expect(text).not.toContain(TOKEN)
  }
  for (const pull of s.pulls) {
    expect(pull.body ?? '').not.toContain(TOKEN)
    for (const comment of pull.comments)
      expect(comment.body).not.toContain(TOKEN)
  }
}

/** `::error::` messages as the runner shows them (workflow-command escapes undone). */
export function stepErrors(run: ActionRun): string {
  return [...run.stdout.matchAll(/^::error(?: [^:]*)?::(.*)$/gm)]
    .map(m =>
      (m[1] ?? '')
        .replace(/%0A/g, '\n')
        .replace(/%0D/g, '\r')
        .replace(/%25/g, '%')
    )
    .join('\n')
}

export function stepWarnings(run: ActionRun): string {
  return [...run.stdout.matchAll(/^::warning(?: [^:]*)?::(.*)$/gm)]
    .map(m => (m[1] ?? '').replace(/%0A/g, '\n').replace(/%25/g, '%'))
    .join('\n')
}

const git = promisify(execFile)

/** Every `freshbase/` branch of the stand-in's repository, with its head. */
export async function freshbaseBranches(
  s: GitHubStandIn
): Promise<Map<string, string>> {
  const { stdout } = await git(
    'git',
    [
      'for-each-ref',
      '--format=%(refname:strip=2) %(objectname)',
      'refs/heads/freshbase/'
    ],
    { env: { ...process.env, GIT_DIR: s.gitDir } }
  )
  const branches = new Map<string, string>()
  for (const line of stdout.split('\n')) {
    const [name, sha] = line.split(' ')
    if (name !== undefined && name !== '' && sha !== undefined)
      branches.set(name, sha)
  }
  return branches
}

/** Requests the stand-in answered for one operation. */
export function requestsFor(s: GitHubStandIn, operationId: string): number[] {
  return s.requests
    .filter(r => r.operationId === operationId)
    .map(r => r.status)
}

async function expectConverged(
  s: GitHubStandIn,
  groups: number,
  digest: (name: ImageName) => string
): Promise<void> {
  const baseHead = await s.branchHead('main')
  const open = s.pulls.filter(p => p.state === 'open')
  const branches = await freshbaseBranches(s)
  expect(open).toHaveLength(groups)
  // No orphan: every freshbase/ branch backs an open PR, and every open PR has its branch.
  expect([...branches.keys()].sort()).toEqual(open.map(p => p.head.ref).sort())
  const proposed: Record<string, string> = {}
  for (const pull of open) {
    const branch = pull.head.ref
    expect(pull.head.sha).toBe(branches.get(branch))
    const plan = parseProposedPlan(pull.body)
    expect(plan, `plan block of #${pull.number}`).toBeDefined()
    const targets = plan?.targets ?? {}
    Object.assign(proposed, targets)
    const [head] = await s.log(branch)
    expect(head?.parents).toEqual([baseHead])
    expect(s.isVerified(head?.sha ?? '')).toBe(true)
    for (const file of Object.keys(FILES)) {
      const base = (await s.readFile('main', file)) ?? ''
      expect(await s.readFile(branch, file), `${branch}:${file}`).toBe(
        pinnedBy(base, file, targets)
      )
    }
  }
  expect(proposed).toEqual({
    'Dockerfile docker.io/library/alpine:3.20': digest('alpine'),
    'Dockerfile docker.io/library/node:20': digest('node'),
    'worker/Dockerfile docker.io/library/node:20': digest('node')
  })
}

/** The base text with exactly the plan's targets in `file` pinned. */
function pinnedBy(
  text: string,
  file: string,
  targets: Readonly<Record<string, string>>
): string {
  let pinned = text
  for (const [target, digest] of Object.entries(targets)) {
    const space = target.indexOf(' ')
    if (target.slice(0, space) !== file) continue
    const short = target.slice(space + 1).replace(/^docker\.io\/library\//, '')
    pinned = pinned.split(short).join(`${short}@${digest}`)
  }
  return pinned
}
