import { randomUUID } from 'node:crypto'
import { Octokit } from '@octokit/rest'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startGitHubStandIn } from './github-stand-in.js'
import type { GitHubStandIn, GitHubStandInOptions } from './github-stand-in.js'

const OWNER = 'octo-org'
const REPO = 'service'
const TOKEN = 'ghs_standin_test_token'
const BRANCH = 'freshbase/pin-base-images'
const BOT_EMAIL = '41898282+github-actions[bot]@users.noreply.github.com'

const SEED: GitHubStandInOptions['files'] = {
  Dockerfile: 'FROM node:20\n',
  'svc/api/Dockerfile': 'FROM alpine:3.20\n',
  'scripts/build.sh': { content: '#!/bin/sh\necho build\n', mode: '100755' }
}

// Expected 4xx answers would otherwise be logged by Octokit's request log.
const quiet = {
  debug: () => undefined,
  info: () => undefined,
  warn: console.warn,
  error: () => undefined
}

function client(standIn: GitHubStandIn, auth?: string) {
  return new Octokit({ baseUrl: standIn.url, auth, log: quiet })
}

const repo = { owner: OWNER, repo: REPO }

/** blob → tree (nested path + executable bit) → commit, as the action does. */
async function commitChanges(octokit: Octokit, marker: string) {
  const { data: ref } = await octokit.rest.git.getRef({
    ...repo,
    ref: 'heads/main'
  })
  const parent = ref.object.sha
  const { data: base } = await octokit.rest.git.getCommit({
    ...repo,
    commit_sha: parent
  })
  const { data: blob } = await octokit.rest.git.createBlob({
    ...repo,
    content: `FROM alpine:3.20@sha256:${marker}\n`,
    encoding: 'utf-8'
  })
  const script = Buffer.from(`#!/bin/sh\necho ${marker}\n`).toString('base64')
  const { data: tree } = await octokit.rest.git.createTree({
    ...repo,
    base_tree: base.tree.sha,
    tree: [
      {
        path: 'svc/api/Dockerfile',
        mode: '100644',
        type: 'blob',
        sha: blob.sha
      },
      {
        path: 'scripts/build.sh',
        mode: '100755',
        type: 'blob',
        content: script
      }
    ]
  })
  const { data: commit } = await octokit.rest.git.createCommit({
    ...repo,
    message: `Pin base images (${marker})`,
    tree: tree.sha,
    parents: [parent]
  })
  return { parent, commit }
}

async function openPullRequest(octokit: Octokit, marker: string) {
  const { commit } = await commitChanges(octokit, marker)
  await octokit.rest.git.createRef({
    ...repo,
    ref: `refs/heads/${BRANCH}`,
    sha: commit.sha
  })
  const { data: pull } = await octokit.rest.pulls.create({
    ...repo,
    title: 'Pin base images',
    head: `${OWNER}:${BRANCH}`,
    base: 'main',
    body: marker
  })
  return { commit, pull }
}

describe('GitHub stand-in', () => {
  let standIn: GitHubStandIn
  let octokit: Octokit

  beforeEach(async () => {
    standIn = await startGitHubStandIn({
      owner: OWNER,
      repo: REPO,
      token: TOKEN,
      files: SEED
    })
    octokit = client(standIn, TOKEN)
  })

  afterEach(async () => {
    // Our own answers must match GitHub's response schemas in every test.
    const responseViolations = standIn.responseViolations
    await standIn.stop()
    expect(responseViolations).toEqual([])
  })

  it('publishes blob → tree → commit → ref → PR → labels as real git objects', async () => {
    const marker = randomUUID()

    const { data: repository } = await octokit.rest.repos.get(repo)
    const { commit, pull } = await openPullRequest(octokit, marker)
    const parentSha = commit.parents[0]?.sha
    await octokit.rest.issues.addLabels({
      ...repo,
      issue_number: pull.number,
      labels: ['dependencies', 'docker']
    })
    await octokit.rest.pulls.requestReviewers({
      ...repo,
      pull_number: pull.number,
      reviewers: ['alice'],
      team_reviewers: ['platform']
    })
    const { data: listed } = await octokit.rest.pulls.list({
      ...repo,
      state: 'open',
      head: `${OWNER}:${BRANCH}`,
      base: 'main'
    })

    expect(repository.default_branch).toBe('main')
    expect(commit.verification).toMatchObject({
      verified: true,
      reason: 'valid'
    })
    expect(pull).toMatchObject({
      number: 1,
      html_url: `https://github.com/${OWNER}/${REPO}/pull/1`,
      head: { ref: BRANCH, sha: commit.sha, label: `${OWNER}:${BRANCH}` },
      base: { ref: 'main', sha: parentSha }
    })
    expect(listed.map(p => [p.number, p.labels.map(l => l.name)])).toEqual([
      [1, ['dependencies', 'docker']]
    ])
    expect(standIn.pulls[0]).toMatchObject({
      requestedReviewers: ['alice'],
      requestedTeams: ['platform']
    })
    expect(standIn.violations).toEqual([])
    expect(standIn.responseViolations).toEqual([])
  })

  it('leaves a repository that git fsck accepts, with the bot as author', async () => {
    const marker = randomUUID()

    const { commit } = await openPullRequest(octokit, marker)
    const fsck = await standIn.fsck()
    const [head] = await standIn.log(BRANCH)
    const files = await standIn.listFiles(BRANCH)

    expect(fsck).not.toMatch(/error|warning/i)
    expect(head).toMatchObject({
      sha: commit.sha,
      parents: [await standIn.branchHead('main')],
      author: { name: 'github-actions[bot]', email: BOT_EMAIL },
      subject: `Pin base images (${marker})`
    })
    expect(standIn.isVerified(commit.sha)).toBe(true)
    expect(await standIn.readFile(BRANCH, 'svc/api/Dockerfile')).toBe(
      `FROM alpine:3.20@sha256:${marker}\n`
    )
    expect(files.map(f => [f.path, f.mode])).toEqual([
      ['Dockerfile', '100644'],
      ['scripts/build.sh', '100755'],
      ['svc/api/Dockerfile', '100644']
    ])
  })

  it('reads trees recursively and blobs as wrapped base64', async () => {
    const { data: tree } = await octokit.rest.git.getTree({
      ...repo,
      tree_sha: 'main',
      recursive: 'true'
    })
    const file = tree.tree.find(entry => entry.path === 'svc/api/Dockerfile')
    const { data: blob } = await octokit.rest.git.getBlob({
      ...repo,
      file_sha: file?.sha ?? ''
    })

    expect(tree.truncated).toBe(false)
    expect(tree.tree.map(entry => [entry.path, entry.type])).toEqual([
      ['Dockerfile', 'blob'],
      ['scripts', 'tree'],
      ['scripts/build.sh', 'blob'],
      ['svc', 'tree'],
      ['svc/api', 'tree'],
      ['svc/api/Dockerfile', 'blob']
    ])
    expect(file?.size).toBe('FROM alpine:3.20\n'.length)
    expect(Buffer.from(blob.content, 'base64').toString()).toBe(
      'FROM alpine:3.20\n'
    )
    expect(standIn.violations).toEqual([])
  })

  it('records a wrongly typed body field as a violation and answers 422', async () => {
    const request = octokit.rest.pulls.create({
      ...repo,
      title: 'x',
      head: 'main',
      base: 'main',
      draft: 'yes' as unknown as boolean
    })

    await expect(request).rejects.toMatchObject({ status: 422 })
    expect(standIn.violations).toEqual([
      {
        operationId: 'pulls/create',
        method: 'POST',
        path: `/repos/${OWNER}/${REPO}/pulls`,
        errors: [expect.stringContaining('body/draft must be boolean')]
      }
    ])
    expect(standIn.pulls).toEqual([])
  })

  it('records unknown operations, query parameters and body fields', async () => {
    const unknownRoute = octokit.request(
      'GET /repos/{owner}/{repo}/branches',
      repo
    )
    const unknownQuery = octokit.request('GET /repos/{owner}/{repo}/pulls', {
      ...repo,
      status: 'open'
    })
    const misspelt = octokit.request('POST /repos/{owner}/{repo}/git/refs', {
      ...repo,
      ref: 'refs/heads/x',
      sha: '0'.repeat(40),
      forced: true
    })

    await expect(unknownRoute).rejects.toMatchObject({ status: 404 })
    await expect(unknownQuery).rejects.toMatchObject({ status: 422 })
    await expect(misspelt).rejects.toMatchObject({ status: 422 })
    expect(standIn.violations.map(v => [v.operationId, v.errors])).toEqual([
      ['unknown', [`no operation GET /repos/${OWNER}/${REPO}/branches`]],
      ['pulls/list', ["unknown query parameter 'status'"]],
      ['git/create-ref', [expect.stringContaining('body/forced')]]
    ])
  })

  it('deletes nested paths with sha: null and refuses deleting a missing one', async () => {
    const { data: main } = await octokit.rest.git.getCommit({
      ...repo,
      commit_sha: (await standIn.branchHead('main')) ?? ''
    })
    const remove = async (path: string) =>
      octokit.rest.git.createTree({
        ...repo,
        base_tree: main.tree.sha,
        tree: [{ path, mode: '100644', type: 'blob', sha: null }]
      })

    const { data: tree } = await remove('svc/api/Dockerfile')
    const missing = remove('svc/web/Dockerfile')

    expect(tree.tree.map(entry => entry.path)).toEqual([
      'Dockerfile',
      'scripts'
    ])
    await expect(missing).rejects.toMatchObject({ status: 422 })
    expect(standIn.violations).toEqual([])
  })

  it('pages the pull request list with Link headers, newest first', async () => {
    const { commit } = await commitChanges(octokit, randomUUID())
    for (const branch of ['a', 'b', 'c']) {
      await octokit.rest.git.createRef({
        ...repo,
        ref: `refs/heads/${branch}`,
        sha: commit.sha
      })
      await octokit.rest.pulls.create({
        ...repo,
        title: branch,
        head: `${OWNER}:${branch}`,
        base: 'main'
      })
    }

    const firstPage = await octokit.rest.pulls.list({ ...repo, per_page: 2 })
    const all = await octokit.paginate(octokit.rest.pulls.list, {
      ...repo,
      per_page: 2
    })
    const ignoredHead = await octokit.rest.pulls.list({ ...repo, head: 'a' })

    expect(firstPage.headers.link).toContain('rel="next"')
    expect(all.map(pull => pull.title)).toEqual(['c', 'b', 'a'])
    expect(ignoredHead.data).toHaveLength(3)
    expect(standIn.violations).toEqual([])
  })

  it('refuses a second pull request for the same head and base', async () => {
    await openPullRequest(octokit, randomUUID())

    const again = octokit.rest.pulls.create({
      ...repo,
      title: 'Again',
      head: `${OWNER}:${BRANCH}`,
      base: 'main'
    })

    await expect(again).rejects.toMatchObject({
      status: 422,
      response: {
        data: {
          message: 'Validation Failed',
          errors: [
            {
              resource: 'PullRequest',
              code: 'custom',
              message: `A pull request already exists for ${OWNER}:${BRANCH}.`
            }
          ]
        }
      }
    })
    expect(standIn.pulls).toHaveLength(1)
    expect(standIn.violations).toEqual([])
  })

  it('refuses a non-fast-forward ref update unless forced', async () => {
    const { commit } = await openPullRequest(octokit, randomUUID())
    const { commit: sibling } = await commitChanges(octokit, randomUUID())
    const update = { ...repo, ref: `heads/${BRANCH}`, sha: sibling.sha }

    const refused = octokit.rest.git.updateRef(update)
    await expect(refused).rejects.toMatchObject({
      status: 422,
      response: { data: { message: 'Update is not a fast forward' } }
    })
    expect(await standIn.branchHead(BRANCH)).toBe(commit.sha)

    await octokit.rest.git.updateRef({ ...update, force: true })
    expect(await standIn.branchHead(BRANCH)).toBe(sibling.sha)
    expect(standIn.pulls[0]?.head.sha).toBe(sibling.sha)
    expect(standIn.violations).toEqual([])
  })

  it('refuses to create a ref that already exists', async () => {
    const { commit } = await openPullRequest(octokit, randomUUID())

    const again = octokit.rest.git.createRef({
      ...repo,
      ref: `refs/heads/${BRANCH}`,
      sha: commit.sha
    })

    await expect(again).rejects.toMatchObject({
      status: 422,
      response: { data: { message: 'Reference already exists' } }
    })
  })

  it('answers injected failures without touching state', async () => {
    standIn.failNext(
      { operationId: 'pulls/create' },
      { status: 500, body: { message: 'Server Error' } }
    )
    standIn.failNext(
      { method: 'PATCH', path: /\/pulls\/\d+$/ },
      { status: 429, headers: { 'retry-after': '7' } }
    )

    const failed = openPullRequest(octokit, randomUUID())
    await expect(failed).rejects.toMatchObject({ status: 500 })
    const branchCreated = await standIn.branchHead(BRANCH)
    const { data: pull } = await octokit.rest.pulls.create({
      ...repo,
      title: 'Pin base images',
      head: `${OWNER}:${BRANCH}`,
      base: 'main'
    })
    const throttled = octokit.rest.pulls.update({
      ...repo,
      pull_number: pull.number,
      title: 'New title'
    })

    expect(branchCreated).toBeDefined()
    await expect(throttled).rejects.toMatchObject({
      status: 429,
      response: { headers: { 'retry-after': '7' } }
    })
    expect(standIn.pulls.map(p => [p.number, p.title])).toEqual([
      [1, 'Pin base images']
    ])
    expect(standIn.writes().map(w => [w.operationId, w.status])).toEqual([
      ['git/create-blob', 201],
      ['git/create-tree', 201],
      ['git/create-commit', 201],
      ['git/create-ref', 201],
      ['pulls/create', 500],
      ['pulls/create', 201],
      ['pulls/update', 429]
    ])
  })

  it('widens a race with delayNext: one of two concurrent creates wins', async () => {
    const { commit } = await commitChanges(octokit, randomUUID())
    await octokit.rest.git.createRef({
      ...repo,
      ref: `refs/heads/${BRANCH}`,
      sha: commit.sha
    })
    standIn.delayNext({ operationId: 'pulls/create' }, 200)
    const create = async () =>
      octokit.rest.pulls.create({
        ...repo,
        title: 'Pin',
        head: `${OWNER}:${BRANCH}`,
        base: 'main'
      })

    const results = await Promise.allSettled([create(), create()])

    expect(results.map(r => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    expect(standIn.pulls).toHaveLength(1)
  })

  it('rejects requests without the token', async () => {
    const anonymous = client(standIn)

    await expect(anonymous.rest.repos.get(repo)).rejects.toMatchObject({
      status: 401
    })
    expect(standIn.requests.at(-1)).toMatchObject({
      operationId: 'repos/get',
      status: 401
    })
    expect(standIn.violations).toEqual([])
  })

  it('checks workflow dispatches against the workflow file, as GitHub does', async () => {
    await standIn.commitFile(
      'main',
      '.github/workflows/rebuild.yml',
      'name: Rebuild\non:\n  push:\n  workflow_dispatch:\n    inputs:\n      images:\n        required: false\n',
      'ci: rebuild workflow'
    )
    await standIn.commitFile(
      'main',
      '.github/workflows/ci.yml',
      'on: [push, pull_request]\n',
      'ci: push workflow'
    )
    const dispatch = async (
      workflow: string,
      inputs?: Record<string, string>
    ) =>
      octokit.rest.actions.createWorkflowDispatch({
        ...repo,
        workflow_id: workflow,
        ref: 'main',
        ...(inputs === undefined ? {} : { inputs })
      })

    await expect(dispatch('other.yml')).rejects.toMatchObject({ status: 404 })
    await expect(dispatch('ci.yml')).rejects.toMatchObject({
      status: 422,
      response: {
        data: { message: "Workflow does not have 'workflow_dispatch' trigger" }
      }
    })
    await expect(
      dispatch('rebuild.yml', { files: '[]', images: 'alpine', push: 'no' })
    ).rejects.toMatchObject({
      status: 422,
      response: {
        data: { message: 'Unexpected inputs provided: ["files", "push"]' }
      }
    })
    // The run uses the copy on the dispatched ref: one without it is refused.
    const seed = (await standIn.log('main')).at(-1)?.sha ?? ''
    await octokit.rest.git.createRef({
      ...repo,
      ref: 'refs/heads/before-workflows',
      sha: seed
    })
    await expect(
      octokit.rest.actions.createWorkflowDispatch({
        ...repo,
        workflow_id: 'rebuild.yml',
        ref: 'before-workflows'
      })
    ).rejects.toMatchObject({ status: 422 })
    const plain = await dispatch('rebuild.yml', { images: 'alpine' })
    const detailed = await octokit.rest.actions.createWorkflowDispatch({
      ...repo,
      workflow_id: 'rebuild.yml',
      ref: 'main',
      return_run_details: true
    })
    const event = await octokit.rest.repos.createDispatchEvent({
      ...repo,
      event_type: 'freshbase-pinned',
      client_payload: { pr: 1 }
    })

    expect([plain.status, detailed.status, event.status]).toEqual([
      204, 200, 204
    ])
    expect(Object.keys(detailed.data as object).sort()).toEqual([
      'html_url',
      'run_url',
      'workflow_run_id'
    ])
    expect(standIn.dispatches).toEqual([
      { workflow_id: 'rebuild.yml', ref: 'main', inputs: { images: 'alpine' } },
      { workflow_id: 'rebuild.yml', ref: 'main', inputs: {} }
    ])
    expect(standIn.repositoryDispatches).toEqual([
      { event_type: 'freshbase-pinned', client_payload: { pr: 1 } }
    ])
    expect(standIn.violations).toEqual([])
  })

  it('refuses GraphQL auto-merge when the repository does not allow it', async () => {
    const { pull } = await openPullRequest(octokit, randomUUID())

    const enable = octokit.graphql(
      `mutation($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!) {
        enablePullRequestAutoMerge(input: {pullRequestId: $pullRequestId, mergeMethod: $mergeMethod}) {
          pullRequest { number }
        }
      }`,
      { pullRequestId: pull.node_id, mergeMethod: 'SQUASH' }
    )

    await expect(enable).rejects.toThrow(
      'Pull request Auto merge is not allowed for this repository'
    )
    expect(standIn.pulls[0]?.autoMerge).toBeNull()
    expect(standIn.violations).toEqual([])
  })

  it('merges a pull request on a moved base with a merge commit', async () => {
    const { pull } = await openPullRequest(octokit, randomUUID())
    const human = await standIn.commitFile(
      'main',
      'README.md',
      '# service\n',
      'Add README'
    )

    const merged = await standIn.mergePullRequest(pull.number)
    const [mergeCommit] = await standIn.log('main')

    expect(mergeCommit?.parents).toEqual([human, pull.head.sha])
    expect(mergeCommit?.sha).toBe(merged)
    expect(standIn.pulls[0]).toMatchObject({ state: 'closed', merged: true })
    expect(standIn.isVerified(human)).toBe(false)
    expect(await standIn.fsck()).not.toMatch(/error|warning/i)
  })
})

describe('GitHub stand-in with auto-merge allowed', () => {
  it('enables auto-merge through GraphQL', async () => {
    const standIn = await startGitHubStandIn({
      owner: OWNER,
      repo: REPO,
      files: SEED,
      allowAutoMerge: true
    })
    try {
      const octokit = client(standIn)
      const { pull } = await openPullRequest(octokit, randomUUID())

      await octokit.graphql(
        'mutation($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!) { enablePullRequestAutoMerge(input: {pullRequestId: $pullRequestId, mergeMethod: $mergeMethod}) { clientMutationId } }',
        { pullRequestId: pull.node_id, mergeMethod: 'SQUASH' }
      )
      const { data: fetched } = await octokit.rest.pulls.get({
        ...repo,
        pull_number: pull.number
      })

      expect(fetched.auto_merge).toMatchObject({ merge_method: 'squash' })
      expect(standIn.violations).toEqual([])
      expect(standIn.responseViolations).toEqual([])
    } finally {
      await standIn.stop()
    }
  })
})

describe('GitHub stand-in refusing workflow changes', () => {
  const WORKFLOW = '.github/workflows/ci.yml'
  const seed = {
    ...SEED,
    [WORKFLOW]:
      'on: push\njobs:\n  a:\n    runs-on: x\n    container: node:20\n'
  }
  const standIns: GitHubStandIn[] = []
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

  async function start(refusal: GitHubStandInOptions['refuseWorkflowChanges']) {
    const s = await startGitHubStandIn({
      owner: OWNER,
      repo: REPO,
      token: TOKEN,
      files: seed,
      ...(refusal === undefined ? {} : { refuseWorkflowChanges: refusal })
    })
    standIns.push(s)
    return s
  }

  type Step = 'tree' | 'commit' | 'ref'
  interface Attempt {
    readonly failedAt?: Step
    readonly status?: number
    readonly body?: unknown
  }

  /** tree (inline content) → commit → a new ref, as Freshbase publishes; where it stops. */
  async function publishFiles(
    octokit: Octokit,
    files: Readonly<Record<string, string>>,
    branch: string
  ): Promise<Attempt> {
    let step: Step = 'tree'
    try {
      const { data: ref } = await octokit.rest.git.getRef({
        ...repo,
        ref: 'heads/main'
      })
      const { data: base } = await octokit.rest.git.getCommit({
        ...repo,
        commit_sha: ref.object.sha
      })
      const { data: tree } = await octokit.rest.git.createTree({
        ...repo,
        base_tree: base.tree.sha,
        tree: Object.entries(files).map(([path, content]) => ({
          path,
          mode: '100644' as const,
          type: 'blob' as const,
          content
        }))
      })
      step = 'commit'
      const { data: commit } = await octokit.rest.git.createCommit({
        ...repo,
        message: 'pin',
        tree: tree.sha,
        parents: [base.sha]
      })
      step = 'ref'
      await octokit.rest.git.createRef({
        ...repo,
        ref: `refs/heads/${branch}`,
        sha: commit.sha
      })
      return {}
    } catch (error) {
      const e = error as { status?: number; response?: { data?: unknown } }
      return {
        failedAt: step,
        ...(e.status === undefined ? {} : { status: e.status }),
        body: e.response?.data
      }
    }
  }

  const DOCS = {
    tree: 'https://docs.github.com/rest/git/trees#create-a-tree',
    commit: 'https://docs.github.com/rest/git/commits#create-a-commit',
    ref: 'https://docs.github.com/rest/git/refs'
  }
  const MESSAGE = {
    403: 'Resource not accessible by integration',
    404: 'Not Found'
  } as const

  describe.each([403, 404] as const)('with status %s', status => {
    it.each(['tree', 'commit', 'ref'] as const)(
      'refuses at %s a commit that changes a workflow file, the way GitHub answers, and moves nothing',
      async at => {
        const s = await start({ status, at })
        const octokit = client(s, TOKEN)

        const attempt = await publishFiles(
          octokit,
          {
            Dockerfile: 'FROM node:20@sha256:1\n',
            [WORKFLOW]: `${seed[WORKFLOW]}# pinned\n`
          },
          'freshbase/workflows'
        )

        expect(attempt).toEqual({
          failedAt: at,
          status,
          body: {
            message: MESSAGE[status],
            documentation_url: DOCS[at],
            status: String(status)
          }
        })
        expect(await s.branchHead('freshbase/workflows')).toBeUndefined()
        const refused = s.requests.filter(r => r.status === status)
        expect(refused.map(r => r.operationId)).toEqual([
          {
            tree: 'git/create-tree',
            commit: 'git/create-commit',
            ref: 'git/create-ref'
          }[at]
        ])
      }
    )

    it.each(['tree', 'commit', 'ref'] as const)(
      'at %s lets through commits that leave .github/workflows/ as it is',
      async at => {
        const s = await start({ status, at })
        const octokit = client(s, TOKEN)

        const dockerfile = await publishFiles(
          octokit,
          { Dockerfile: 'FROM node:20@sha256:2\n' },
          'freshbase/all'
        )
        // GitHub runs only the top folder's workflows; a nested one is a plain file.
        const nested = await publishFiles(
          octokit,
          { 'sub/.github/workflows/ci.yml': 'on: push\n' },
          'freshbase/nested'
        )
        // Same content: the tree does not change there.
        const same = await publishFiles(
          octokit,
          { [WORKFLOW]: seed[WORKFLOW] },
          'freshbase/same'
        )

        expect([dockerfile, nested, same]).toEqual([{}, {}, {}])
        expect(await s.readFile('freshbase/all', 'Dockerfile')).toBe(
          'FROM node:20@sha256:2\n'
        )
      }
    )
  })

  it('refuses a new workflow file, and an update-ref onto a commit that only makes one executable', async () => {
    const s = await start({ status: 403, at: 'ref' })
    const octokit = client(s, TOKEN)
    await publishFiles(octokit, { Dockerfile: 'FROM a\n' }, 'freshbase/x')
    const head = await s.branchHead('freshbase/x')

    const added = await publishFiles(
      octokit,
      { '.github/workflows/new.yaml': 'on: push\n' },
      'freshbase/y'
    )
    const { data: main } = await octokit.rest.git.getCommit({
      ...repo,
      commit_sha: (await s.branchHead('main')) ?? ''
    })
    const { data: tree } = await octokit.rest.git.createTree({
      ...repo,
      base_tree: main.tree.sha,
      tree: [
        {
          path: WORKFLOW,
          mode: '100755',
          type: 'blob',
          content: seed[WORKFLOW]
        }
      ]
    })
    const { data: commit } = await octokit.rest.git.createCommit({
      ...repo,
      message: 'mode only',
      tree: tree.sha,
      parents: [main.sha]
    })
    const moved = await octokit.rest.git
      .updateRef({
        ...repo,
        ref: 'heads/freshbase/x',
        sha: commit.sha,
        force: true
      })
      .then(
        () => 200,
        (error: { status: number }) => error.status
      )

    expect(added).toMatchObject({ failedAt: 'ref', status: 403 })
    expect(moved).toBe(403)
    expect(await s.branchHead('freshbase/x')).toBe(head)
  })

  it('refuses nothing without the option', async () => {
    const s = await start(undefined)
    const attempt = await publishFiles(
      client(s, TOKEN),
      { [WORKFLOW]: 'on: push\n' },
      'freshbase/workflows'
    )
    expect(attempt).toEqual({})
    expect(await s.readFile('freshbase/workflows', WORKFLOW)).toBe('on: push\n')
  })
})
