/**
 * Workflow files and the token (issue 10): the built action, run as the
 * runner runs it, on a repository with a Dockerfile and a workflow whose
 * job container is an image. A GITHUB_TOKEN may not change workflow files
 * (YAML.md §3.4): the workflow change goes in its own group, GitHub (the
 * stand-in) refuses it in either of the shapes seen, the Dockerfile's pull
 * request is still opened, and the step says what to grant without failing.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { runAction } from '../support/action-runner.js'
import type { ActionRun } from '../support/action-runner.js'
import { startGitHubStandIn } from '../support/github-stand-in.js'
import type {
  GitHubStandIn,
  WorkflowRefusal
} from '../support/github-stand-in.js'
import { startRegistry } from '../support/registry.js'
import type { SeededIndex, TestRegistry } from '../support/registry.js'

const TOKEN = `ghs_${'w'.repeat(8)}${Math.random().toString(36).slice(2, 12)}`
const OWNER = 'acme'
const REPO = 'shop'
const CI = '.github/workflows/ci.yml'

let registry: TestRegistry
let node: SeededIndex
let x: SeededIndex
const standIns: GitHubStandIn[] = []

beforeAll(async () => {
  registry = await startRegistry()
  node = await registry.seedImage('library/node', '20', {
    platforms: ['linux/amd64']
  })
  x = await registry.seedImage('x', '1', { platforms: ['linux/amd64'] })
})
afterAll(async () => {
  await registry.stop()
})
afterEach(async () => {
  for (const s of standIns.splice(0)) {
    try {
      expect(s.violations).toEqual([])
      expect(s.responseViolations).toEqual([])
      await s.fsck()
    } finally {
      await s.stop()
    }
  }
})

function files(): Record<string, string> {
  return {
    Dockerfile: 'FROM node:20\nRUN make\n',
    [CI]: [
      'on: push',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      `    container: ${registry.host}/x:1`,
      '    steps:',
      '      - run: make test',
      ''
    ].join('\n')
  }
}

async function standIn(
  refusal?: WorkflowRefusal,
  seed: Record<string, string> = files()
): Promise<GitHubStandIn> {
  const s = await startGitHubStandIn({
    owner: OWNER,
    repo: REPO,
    files: seed,
    token: TOKEN,
    ...(refusal === undefined ? {} : { refuseWorkflowChanges: refusal })
  })
  standIns.push(s)
  return s
}

async function act(s: GitHubStandIn): Promise<ActionRun> {
  return runAction({
    apiUrl: s.url,
    repository: `${OWNER}/${REPO}`,
    token: TOKEN,
    inputs: { 'registry-map': `docker.io=${registry.host}`, osv: 'false' }
  })
}

function operations(run: ActionRun): [string, string][] {
  const entries = JSON.parse(run.outputs['pull-requests'] ?? '[]') as {
    branch: string
    operation: string
  }[]
  return entries.map(e => [e.branch, e.operation])
}

/** The summary's Markdown escapes undone, to read its sentences. */
function plain(markdown: string): string {
  return markdown.replace(/\\(.)/g, '$1')
}

const GRANT =
  'this token cannot change workflow files. To let Freshbase pin images there, run it with a GitHub App token that has Workflows: write, or a personal access token with the `workflow` scope (input `token`)'

describe('a workflow change GitHub refuses', () => {
  it.each<WorkflowRefusal & { readonly message: string }>([
    // release-please-action#704: the Git Database API with GITHUB_TOKEN.
    {
      status: 403,
      at: 'tree',
      message: 'Resource not accessible by integration'
    },
    // octokit/rest.js#368: createCommit without the scope.
    { status: 404, at: 'commit', message: 'Not Found' },
    {
      status: 403,
      at: 'ref',
      message: 'Resource not accessible by integration'
    },
    { status: 404, at: 'ref', message: 'Not Found' }
  ])(
    '$status at $at: the Dockerfile’s pull request is opened, the workflows group says what to grant, the step succeeds',
    async ({ status, at, message }) => {
      const seed = files()
      const s = await standIn({ status, at }, seed)

      const run = await act(s)

      expect(run.code, run.stdout + run.stderr).toBe(0)
      expect(run.stdout).not.toMatch(/^::error/m)
      expect(operations(run)).toEqual([
        ['freshbase/all', 'created'],
        ['freshbase/workflows', 'needs-permission']
      ])
      expect(run.outputs['pull-request-operation']).toBe('created')
      expect(s.pulls.map(p => p.head.ref)).toEqual(['freshbase/all'])
      expect(await s.readFile('freshbase/all', 'Dockerfile')).toBe(
        `FROM node:20@${node.indexDigest}\nRUN make\n`
      )
      // The Dockerfile's commit leaves the workflow as it is.
      expect(await s.readFile('freshbase/all', CI)).toBe(seed[CI])
      expect(await s.branchHead('freshbase/workflows')).toBeUndefined()
      const refused = s.requests.filter(r => r.status === status)
      expect(refused.length).toBeGreaterThan(0)

      const note = `GitHub refused the change to ${CI} (${status}: ${message}): ${GRANT}`
      // A warning annotation (the runner's ::warning command), not an error.
      const warning = /^::warning::(.*)$/m.exec(
        run.stdout
          .split('\n')
          .filter(l => l.includes(CI))
          .join('\n')
      )
      expect(warning?.[1]).toContain(note)
      expect(warning?.[1]).toContain(
        'The other pull requests were published as usual.'
      )
      expect(plain(run.summary)).toContain(
        '**Needs permission** `freshbase/workflows` · 1 reference'
      )
      expect(plain(run.summary)).toContain(note)
    }
  )

  it('opens the workflows group’s own pull request when the token may change workflow files', async () => {
    const seed = files()
    const s = await standIn(undefined, seed)

    const run = await act(s)

    expect(run.code, run.stdout + run.stderr).toBe(0)
    expect(operations(run)).toEqual([
      ['freshbase/all', 'created'],
      ['freshbase/workflows', 'created']
    ])
    expect(await s.readFile('freshbase/workflows', CI)).toBe(
      (seed[CI] ?? '').replace(
        `${registry.host}/x:1`,
        `${registry.host}/x:1@${x.indexDigest}`
      )
    )
    expect(await s.readFile('freshbase/workflows', 'Dockerfile')).toBe(
      seed['Dockerfile']
    )
    expect(s.pulls.map(p => [p.head.ref, p.title])).toEqual([
      ['freshbase/all', 'chore(deps): refresh digest pins for 1 base image'],
      [
        'freshbase/workflows',
        'chore(deps): refresh digest pins for 1 base image in GitHub workflows'
      ]
    ])
  })

  it('closes the workflows pull request like any other once the base branch has its pins', async () => {
    const seed = files()
    const s = await standIn(undefined, seed)
    await act(s)
    const pinnedCi = await s.readFile('freshbase/workflows', CI)
    await s.commitFile('main', CI, pinnedCi ?? '', 'ci: pin the container')

    const run = await act(s)

    expect(run.code, run.stdout + run.stderr).toBe(0)
    expect(operations(run)).toEqual([
      ['freshbase/all', 'updated'],
      ['freshbase/workflows', 'closed']
    ])
    expect(s.pulls.map(p => [p.head.ref, p.state])).toEqual([
      ['freshbase/all', 'open'],
      ['freshbase/workflows', 'closed']
    ])
    expect(await s.branchHead('freshbase/workflows')).toBeUndefined()
  })

  it('deletes a leftover workflows branch (no pull request, nothing left to propose)', async () => {
    const seed = files()
    const s = await standIn(undefined, seed)
    await act(s)
    const workflows = s.pulls.find(p => p.head.ref === 'freshbase/workflows')
    // Merged in a repository that keeps merged branches.
    await s.mergePullRequest(workflows?.number ?? 0)

    const run = await act(s)

    expect(run.code, run.stdout + run.stderr).toBe(0)
    expect(operations(run)).toContainEqual(['freshbase/workflows', 'deleted'])
    expect(await s.branchHead('freshbase/workflows')).toBeUndefined()
  })
})
