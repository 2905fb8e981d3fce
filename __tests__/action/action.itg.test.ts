/**
 * The built action (dist/index.js) end to end, run as the runner runs it,
 * against the real Distribution registry and the OpenAPI-checked GitHub
 * stand-in whose state is a real git repository.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { parseProposedPlan } from '../../src/core/publish/proposed-plan.js'
import { runAction } from '../support/action-runner.js'
import type { ActionRun } from '../support/action-runner.js'
import { startGitHubStandIn } from '../support/github-stand-in.js'
import type { GitHubStandIn, SeedFile } from '../support/github-stand-in.js'
import { startRegistry } from '../support/registry.js'
import type { SeededIndex, TestRegistry } from '../support/registry.js'

const TOKEN = `ghs_${'x'.repeat(8)}${Math.random().toString(36).slice(2, 12)}`
const OWNER = 'acme'
const REPO = 'shop'

let registry: TestRegistry
let node: SeededIndex
let alpine: SeededIndex
const standIns: GitHubStandIn[] = []

beforeAll(async () => {
  registry = await startRegistry()
  node = await registry.seedImage('library/node', '20', {
    platforms: ['linux/amd64', 'linux/arm64']
  })
  alpine = await registry.seedImage('library/alpine', '3.20', {
    platforms: ['linux/amd64']
  })
})
afterAll(async () => {
  await registry.stop()
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

const FILES = {
  Dockerfile:
    'FROM node:20 AS build\nRUN make\nFROM alpine:3.20\nCOPY --from=build /out /out\n',
  'worker/Dockerfile': 'FROM node:20\nCMD ["node", "worker.js"]\n',
  'docs/README.md': '# docs\n'
}

async function standIn(
  options: { allowAutoMerge?: boolean } = {}
): Promise<GitHubStandIn> {
  const s = await startGitHubStandIn({
    owner: OWNER,
    repo: REPO,
    files: FILES,
    token: TOKEN,
    ...options
  })
  standIns.push(s)
  return s
}

async function act(
  s: GitHubStandIn,
  inputs: Record<string, string> = {},
  workspace?: string
): Promise<ActionRun> {
  const run = await runAction({
    apiUrl: s.url,
    repository: `${OWNER}/${REPO}`,
    token: TOKEN,
    inputs: { 'registry-map': `docker.io=${registry.host}`, ...inputs },
    ...(workspace === undefined ? {} : { workspace })
  })
  // ::add-mask:: is the runner's own masking command: it consumes the line and hides the value.
  const logged = run.stdout.replace(/^::add-mask::.*$/gm, '')
  for (const text of [
    logged,
    run.stderr,
    run.summary,
    JSON.stringify(run.outputs)
  ]) {
    expect(text).not.toContain(TOKEN)
  }
  expect(run.stdout).toContain(`::add-mask::${TOKEN}`)
  for (const pull of s.pulls) expect(pull.body ?? '').not.toContain(TOKEN)
  return run
}

function pinned(text: string): string {
  return text
    .replace(/node:20/g, `node:20@${node.indexDigest}`)
    .replace(/alpine:3\.20/g, `alpine:3.20@${alpine.indexDigest}`)
}

describe('the action', () => {
  it('opens one pull request with a verified commit on top of the base, and a second run writes nothing', async () => {
    const s = await standIn()
    const baseHead = await s.branchHead('main')

    const first = await act(s)
    const writesAfterFirst = s.writes().length
    const second = await act(s)

    expect(first.code, first.stdout + first.stderr).toBe(0)
    expect(first.outputs['pull-request-operation']).toBe('created')
    expect(first.outputs['updated']).toBe('true')
    expect(first.outputs['branch']).toBe('freshbase/all')
    expect(s.pulls).toHaveLength(1)
    const pull = s.pulls[0]
    expect(pull?.head.ref).toBe('freshbase/all')
    expect(first.outputs['pull-request-number']).toBe(String(pull?.number))
    const [commit] = await s.log('freshbase/all')
    expect(commit?.parents).toEqual([baseHead])
    expect(commit?.author.name).toBe('github-actions[bot]')
    expect(s.isVerified(commit?.sha ?? '')).toBe(true)
    expect(await s.readFile('freshbase/all', 'Dockerfile')).toBe(
      pinned(FILES.Dockerfile)
    )
    expect(await s.readFile('freshbase/all', 'worker/Dockerfile')).toBe(
      pinned(FILES['worker/Dockerfile'])
    )
    expect(await s.readFile('main', 'Dockerfile')).toBe(FILES.Dockerfile)
    expect(JSON.parse(first.outputs['changed-files'] ?? '')).toEqual([
      'Dockerfile',
      'worker/Dockerfile'
    ])
    expect(JSON.parse(first.outputs['build-matrix'] ?? '')).toEqual([
      { dockerfile: 'Dockerfile', context: '.', level: 0 },
      { dockerfile: 'worker/Dockerfile', context: 'worker', level: 0 }
    ])
    expect(JSON.parse(first.outputs['build-levels'] ?? '')).toEqual([
      ['Dockerfile', 'worker/Dockerfile']
    ])
    expect(JSON.parse(first.outputs['updates'] ?? '')).toHaveLength(3)
    expect(parseProposedPlan(pull?.body)?.targets).toEqual({
      [`Dockerfile docker.io/library/alpine:3.20`]: alpine.indexDigest,
      [`Dockerfile docker.io/library/node:20`]: node.indexDigest,
      [`worker/Dockerfile docker.io/library/node:20`]: node.indexDigest
    })
    expect(pull?.body).toContain('linux/arm64')
    expect(first.summary).toContain('No CI will run on this pull request')
    expect(second.code).toBe(0)
    expect(second.outputs['pull-request-operation']).toBe('unchanged')
    expect(second.outputs['updated']).toBe('false')
    expect(s.writes().length).toBe(writesAfterFirst)
  })

  it("keeps a 300-file proposal under GitHub's body limit and still knows it next run", async () => {
    const files: Record<string, SeedFile> = {}
    for (let i = 0; i < 300; i++) {
      files[`services/svc-${String(i).padStart(3, '0')}/Dockerfile`] =
        'FROM node:20\n'
    }
    // An executable file keeps its mode through the inline tree entries.
    files['services/svc-150/Dockerfile'] = {
      content: 'FROM node:20\r\n',
      mode: '100755'
    }
    const s = await startGitHubStandIn({
      owner: OWNER,
      repo: REPO,
      files,
      token: TOKEN
    })
    standIns.push(s)

    const first = await act(s)
    const writes = s.writes().length
    const second = await act(s)

    expect(first.code, first.stdout + first.stderr).toBe(0)
    expect(first.outputs['pull-request-operation']).toBe('created')
    const body = s.pulls[0]?.body ?? ''
    expect(body.length).toBeLessThanOrEqual(65_536)
    // One image in 300 files is one entry listing its files and lines.
    expect(body.match(/^### \[`node:20`\]/gm)).toHaveLength(1)
    expect(body).toContain('\n- `services/svc-299/Dockerfile` line 1\n')
    expect(parseProposedPlan(body)?.version).toBe(2)
    expect(
      await s.readFile('freshbase/all', 'services/svc-299/Dockerfile')
    ).toBe(`FROM node:20@${node.indexDigest}\n`)
    const listed = await s.listFiles('freshbase/all')
    expect(
      listed.find(f => f.path === 'services/svc-150/Dockerfile')?.mode
    ).toBe('100755')
    expect(
      await s.readFile('freshbase/all', 'services/svc-150/Dockerfile')
    ).toBe(`FROM node:20@${node.indexDigest}\r\n`)
    // The 300 files go inline in 3 tree requests of 100, not 300 blob writes.
    const ops = s.writes().map(w => w.operationId)
    expect(ops.filter(o => o === 'git/create-tree')).toHaveLength(3)
    expect(ops).not.toContain('git/create-blob')
    expect(second.outputs['pull-request-operation']).toBe('unchanged')
    expect(s.writes().length).toBe(writes)
    // A scale case, not a timed one (speed lives in the benchmark): two
    // Action runs over 300 files, each file read through the stand-in's git.
  }, 180_000)

  it('updates the same pull request when the tag moves, and rebuilds on a moved base', async () => {
    const s = await standIn()
    await act(s)
    const number = s.pulls[0]?.number

    const moved = await registry.seedImage('library/node', '20', {
      platforms: ['linux/amd64']
    })
    const afterMove = await act(s)
    const humanCommit = await s.commitFile(
      'main',
      'docs/README.md',
      '# docs, edited\n',
      'docs: edit'
    )
    const afterBase = await act(s)
    node = moved

    expect(afterMove.outputs['pull-request-operation']).toBe('updated')
    expect(afterMove.outputs['pull-request-number']).toBe(String(number))
    expect(s.pulls.filter(p => p.state === 'open')).toHaveLength(1)
    expect(await s.readFile('freshbase/all', 'worker/Dockerfile')).toBe(
      `FROM node:20@${moved.indexDigest}\nCMD ["node", "worker.js"]\n`
    )
    expect(afterBase.outputs['pull-request-operation']).toBe('updated')
    const [commit] = await s.log('freshbase/all')
    expect(commit?.parents).toEqual([humanCommit])
    expect(await s.readFile('freshbase/all', 'docs/README.md')).toBe(
      '# docs, edited\n'
    )
  })

  it('plans against the base head, not an older checkout', async () => {
    const s = await standIn()
    const workspace = await mkdtemp(join(tmpdir(), 'freshbase-checkout-'))
    try {
      await writeFile(join(workspace, 'Dockerfile'), FILES.Dockerfile)
      const edited = FILES.Dockerfile.replace(
        'RUN make',
        'RUN make && make test'
      )
      await s.commitFile('main', 'Dockerfile', edited, 'build: run the tests')

      const run = await act(s, {}, workspace)

      expect(run.code).toBe(0)
      expect(await s.readFile('freshbase/all', 'Dockerfile')).toBe(
        pinned(edited)
      )
    } finally {
      await rm(workspace, { recursive: true, force: true })
    }
  })

  it('closes its pull request and deletes the branch when the base already has the digests', async () => {
    const s = await standIn()
    await act(s)
    await s.commitFile(
      'main',
      'Dockerfile',
      pinned(FILES.Dockerfile),
      'pin by hand'
    )
    await s.commitFile(
      'main',
      'worker/Dockerfile',
      pinned(FILES['worker/Dockerfile']),
      'pin by hand'
    )

    const run = await act(s)

    expect(run.outputs['pull-request-operation']).toBe('closed')
    expect(s.pulls[0]?.state).toBe('closed')
    expect(s.pulls[0]?.comments[0]?.body).toMatch(/already pins these images/)
    expect(await s.branchHead('freshbase/all')).toBeUndefined()
  })

  it('does not reopen a proposal a human closed, but proposes a newer digest', async () => {
    const s = await standIn()
    await act(s)
    s.closePullRequest(s.pulls[0]?.number ?? 0)

    const again = await act(s)
    const moved = await registry.seedImage('library/alpine', '3.20', {
      platforms: ['linux/amd64']
    })
    const newer = await act(s)
    alpine = moved

    expect(again.outputs['pull-request-operation']).toBe('declined')
    expect(s.pulls).toHaveLength(2)
    expect(newer.outputs['pull-request-operation']).toBe('created')
    expect(s.pulls[1]?.state).toBe('open')
  })

  it('groups by file and by image on deterministic branches', async () => {
    const byFile = await standIn()
    const byImage = await standIn()

    const files = await act(byFile, { 'group-by': 'file' })
    const images = await act(byImage, { 'group-by': 'image' })

    expect(files.code).toBe(0)
    expect(byFile.pulls.map(p => p.head.ref).sort()).toEqual([
      expect.stringMatching(/^freshbase\/file-dockerfile-[0-9a-f]{8}$/),
      expect.stringMatching(/^freshbase\/file-worker-dockerfile-[0-9a-f]{8}$/)
    ])
    expect(images.code).toBe(0)
    const branches = byImage.pulls.map(p => p.head.ref).sort()
    expect(branches).toEqual([
      expect.stringMatching(
        /^freshbase\/image-docker-io-library-alpine-3-20-[0-9a-f]{8}$/
      ),
      expect.stringMatching(
        /^freshbase\/image-docker-io-library-node-20-[0-9a-f]{8}$/
      )
    ])
    const alpineBranch = branches[0] ?? ''
    expect(await byImage.readFile(alpineBranch, 'Dockerfile')).toBe(
      FILES.Dockerfile.replace(
        'alpine:3.20',
        `alpine:3.20@${alpine.indexDigest}`
      )
    )
    const again = await act(byImage, { 'group-by': 'image' })
    expect(
      (
        JSON.parse(again.outputs['pull-requests'] ?? '[]') as {
          operation: string
        }[]
      ).map(p => p.operation)
    ).toEqual(['unchanged', 'unchanged'])
  })

  it('makes no write call in dry-run mode', async () => {
    const s = await standIn()

    const run = await act(s, { 'dry-run': 'true' })

    expect(run.code).toBe(0)
    expect(run.outputs['pull-request-operation']).toBe('dry-run')
    expect(s.writes()).toEqual([])
    expect(run.summary).toMatch(/dry run/i)
  })

  it('says which setting to change when Actions may not create pull requests, and leaves the branch', async () => {
    const s = await standIn()
    s.failNext(
      { operationId: 'pulls/create' },
      {
        status: 403,
        body: {
          message:
            'GitHub Actions is not permitted to create or approve pull requests.',
          documentation_url:
            'https://docs.github.com/rest/pulls/pulls#create-a-pull-request'
        }
      }
    )

    const run = await act(s)

    expect(run.outputs['pull-request-operation']).toBe('not-permitted')
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error::GitHub Actions is not permitted to create pull requests/
    )
    expect(await s.branchHead('freshbase/all')).toBeDefined()
    expect(run.summary).toContain(
      'Allow GitHub Actions to create and approve pull requests'
    )
    const [entry] = JSON.parse(run.outputs['pull-requests'] ?? '[]') as {
      compare_url: string
    }[]
    expect(entry?.compare_url).toBe(
      `https://github.com/${OWNER}/${REPO}/compare/main...freshbase%2Fall?expand=1`
    )
    expect(s.pulls).toEqual([])
  })

  it('ends with one pull request when two runs start at the same moment', async () => {
    const s = await standIn()
    s.delayNext({ operationId: 'pulls/create' }, 300, 2)

    const [a, b] = await Promise.all([act(s), act(s)])

    expect([a.code, b.code]).toEqual([0, 0])
    expect(s.pulls.filter(p => p.state === 'open')).toHaveLength(1)
    expect(
      [
        a.outputs['pull-request-operation'] ?? '',
        b.outputs['pull-request-operation'] ?? ''
      ].sort((x, y) => x.localeCompare(y))
    ).toEqual(['created', 'updated'])
  })

  it('labels, requests reviewers, assigns, opens as draft and enables auto-merge', async () => {
    const allowed = await standIn({ allowAutoMerge: true })
    const forbidden = await standIn({ allowAutoMerge: false })
    const inputs = {
      labels: 'dependencies, docker',
      reviewers: 'alice',
      'team-reviewers': 'platform',
      assignees: 'bob',
      draft: 'true',
      'auto-merge': 'squash'
    }

    const ok = await act(allowed, inputs)
    const warned = await act(forbidden, inputs)

    expect(ok.code).toBe(0)
    expect(allowed.pulls[0]).toMatchObject({
      draft: true,
      labels: ['dependencies', 'docker'],
      requestedReviewers: ['alice'],
      requestedTeams: ['platform'],
      assignees: ['bob']
    })
    expect(allowed.pulls[0]?.autoMerge).toMatchObject({
      mergeMethod: expect.stringMatching(/^squash$/i) as unknown
    })
    expect(warned.code).toBe(0)
    expect(warned.stdout).toMatch(
      /::warning::Auto-merge is not allowed in this repository/
    )
    expect(forbidden.pulls[0]?.autoMerge).toBeNull()
  })

  it('never changes or closes an open pull request because a lookup failed', async () => {
    const s = await standIn()
    await act(s)
    const before = s.writes().length
    const pullBefore = s.pulls[0]

    // The registry is unreachable for this run: every lookup fails.
    const run = await act(s, {
      'registry-map': 'docker.io=127.0.0.1:9',
      timeout: '2'
    })

    expect(run.code).toBe(1)
    expect(run.outputs['pull-request-operation']).toBe('kept')
    expect(s.writes().length).toBe(before)
    expect(s.pulls[0]).toEqual(pullBefore)
    expect(run.stdout).toContain(
      '::error title=Freshbase%3A node%3A20,file=Dockerfile,line=1::cannot resolve'
    )
  })

  it('lists every invalid input at once, each by name', async () => {
    const s = await standIn()

    const run = await act(s, {
      'group-by': 'folder',
      'auto-merge': 'yes',
      concurrency: '0'
    })

    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      "Input 'concurrency' must be a whole number from 1 to 64"
    )
    expect(run.stdout).toContain(
      "Input 'group-by' must be one of all, file, image"
    )
    expect(run.stdout).toContain(
      "Input 'auto-merge' must be one of off, merge, squash, rebase"
    )
    expect(s.writes()).toEqual([])
  })
})
