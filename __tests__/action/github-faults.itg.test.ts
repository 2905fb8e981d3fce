/**
 * GitHub faults on the publishing path (issue "Prove it holds"): the built
 * action runs once with the fault injected into the stand-in, then again
 * without it. The faulty run must say what happened and what to do; the
 * next run must converge on one open pull request with the right content
 * and leave no orphan branch. Rate limits, the rebuild dispatch and racing
 * runs are in github-faults-limits.itg.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { recordFault } from '../support/reliability.js'
import {
  freshbaseBranches,
  requestsFor,
  stepErrors,
  stepWarnings,
  useFaultHarness
} from './github-faults-harness.js'

const h = useFaultHarness()

const CONVERGED = [
  'next run: one open PR',
  'branch content and plan block right',
  'head commit on the base head',
  'no orphan branch',
  'no token in output'
]

const REF_FAULTS = {
  409: { message: 'Reference update failed' },
  422: { message: 'Reference cannot be updated' }
} as const

describe('a fault on the branch update (PATCH git/refs)', () => {
  for (const status of [409, 422] as const) {
    it(`${status}: re-reads and retries once; when that fails too the step says re-run and the next run converges`, async () => {
      const s = await h.standIn()
      const created = await h.act(s)
      expect(created.code).toBe(0)
      await s.commitFile('main', 'docs/README.md', '# moved\n', 'docs: move')
      const before = await s.branchHead('freshbase/all')
      const body = s.pulls[0]?.body

      // Both attempts (the first and the retry after re-reading) fail.
      s.failNext(
        { operationId: 'git/update-ref' },
        { status, body: REF_FAULTS[status] },
        2
      )
      const failed = await h.act(s)

      expect(failed.code).toBe(1)
      const said = stepErrors(failed)
      expect(said).toContain(
        `GitHub API: updating branch "freshbase/all" failed (${status})`
      )
      expect(said).toMatch(/re-run/i)
      expect(requestsFor(s, 'git/update-ref')).toEqual([status, status])
      expect(await s.branchHead('freshbase/all')).toBe(before)
      expect(s.pulls[0]?.body).toBe(body)

      const next = await h.act(s)
      expect(next.code, next.stdout).toBe(0)
      expect(next.outputs['pull-request-operation']).toBe('updated')
      await h.expectConverged(s)

      // Once: the retry after re-reading the branch settles it in the same run.
      await s.commitFile('main', 'docs/README.md', '# again\n', 'docs: again')
      s.failNext(
        { operationId: 'git/update-ref' },
        { status, body: REF_FAULTS[status] }
      )
      const retried = await h.act(s)
      expect(retried.code, retried.stdout).toBe(0)
      expect(retried.outputs['pull-request-operation']).toBe('updated')
      await h.expectConverged(s)
      expect(requestsFor(s, 'git/update-ref').slice(3)).toEqual([status, 200])

      recordFault({
        suite: 'github',
        fault: `${status} on the branch update (PATCH git/refs)`,
        userSees:
          'once: retried after re-reading the branch, run succeeds; twice: step fails: "GitHub API: updating branch … failed (' +
          `${status}) … re-run"`,
        verified: [
          '2 update attempts (bounded)',
          'PR untouched by the failed run',
          ...CONVERGED
        ]
      })
    })
  }
})

describe('a fault on the branch creation (POST git/refs)', () => {
  for (const status of [409, 422] as const) {
    it(`${status}: re-reads and retries once; when that fails too the step says re-run and the next run converges`, async () => {
      const s = await h.standIn()
      s.failNext(
        { operationId: 'git/create-ref' },
        { status, body: REF_FAULTS[status] },
        2
      )

      const failed = await h.act(s)

      expect(failed.code).toBe(1)
      const said = stepErrors(failed)
      expect(said).toContain(
        `GitHub API: creating branch "freshbase/all" failed (${status})`
      )
      expect(said).toMatch(/re-run/i)
      expect(requestsFor(s, 'git/create-ref')).toEqual([status, status])
      expect(await freshbaseBranches(s)).toEqual(new Map())
      expect(s.pulls).toEqual([])

      const next = await h.act(s)
      expect(next.code, next.stdout).toBe(0)
      expect(next.outputs['pull-request-operation']).toBe('created')
      await h.expectConverged(s)

      const once = await h.standIn()
      once.failNext(
        { operationId: 'git/create-ref' },
        { status, body: REF_FAULTS[status] }
      )
      const retried = await h.act(once)
      expect(retried.code, retried.stdout).toBe(0)
      expect(retried.outputs['pull-request-operation']).toBe('created')
      expect(requestsFor(once, 'git/create-ref')).toEqual([status, 201])
      await h.expectConverged(once)

      recordFault({
        suite: 'github',
        fault: `${status} on the branch creation (POST git/refs)`,
        userSees:
          'once: retried after re-reading, PR opened in the same run; twice: step fails: "GitHub API: creating branch … failed (' +
          `${status}) … re-run"`,
        verified: [
          '2 create attempts (bounded)',
          'nothing left behind',
          ...CONVERGED
        ]
      })
    })
  }
})

describe('a fault on the pull request calls', () => {
  it('422 "A pull request already exists" when none is open: asks again once, then says re-run; the next run opens it', async () => {
    const exists = {
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: 'A pull request already exists for acme:freshbase/all.'
          }
        ],
        documentation_url:
          'https://docs.github.com/rest/pulls/pulls#create-a-pull-request'
      }
    }
    const s = await h.standIn()
    s.failNext({ operationId: 'pulls/create' }, exists, 2)

    const failed = await h.act(s)

    expect(failed.code).toBe(1)
    const said = stepErrors(failed)
    expect(said).toContain('A pull request already exists')
    expect(said).toMatch(/re-run/i)
    expect(requestsFor(s, 'pulls/create')).toEqual([422, 422])
    expect(s.pulls).toEqual([])

    const next = await h.act(s)
    expect(next.code, next.stdout).toBe(0)
    expect(next.outputs['pull-request-operation']).toBe('created')
    await h.expectConverged(s)

    const once = await h.standIn()
    once.failNext({ operationId: 'pulls/create' }, exists)
    const retried = await h.act(once)
    expect(retried.code, retried.stdout).toBe(0)
    expect(retried.outputs['pull-request-operation']).toBe('created')
    await h.expectConverged(once)

    recordFault({
      suite: 'github',
      fault: '422 "A pull request already exists" but none is listed',
      userSees:
        'once: asked again, PR opened in the same run; twice: step fails: "… A pull request already exists … re-run"',
      verified: ['2 create attempts (bounded)', ...CONVERGED]
    })
  })

  it('500 on pull request creation after the branch was pushed: retried, then says re-run; the next run opens the PR for that branch', async () => {
    const s = await h.standIn()
    // One try and plugin-retry's three retries.
    s.failNext(
      { operationId: 'pulls/create' },
      { status: 500, body: { message: 'Server Error' } },
      4
    )

    const failed = await h.act(s)

    expect(failed.code).toBe(1)
    const said = stepErrors(failed)
    expect(said).toContain(
      'GitHub API: creating the pull request for "freshbase/all" failed (500)'
    )
    expect(said).toMatch(/re-run/i)
    expect(requestsFor(s, 'pulls/create')).toEqual([500, 500, 500, 500])
    expect([...(await freshbaseBranches(s)).keys()]).toEqual(['freshbase/all'])
    expect(s.pulls).toEqual([])

    const next = await h.act(s)
    expect(next.code, next.stdout).toBe(0)
    expect(next.outputs['pull-request-operation']).toBe('created')
    await h.expectConverged(s)

    const once = await h.standIn()
    once.failNext(
      { operationId: 'pulls/create' },
      { status: 500, body: { message: 'Server Error' } }
    )
    const retried = await h.act(once)
    expect(retried.code, retried.stdout).toBe(0)
    expect(requestsFor(once, 'pulls/create')).toEqual([500, 201])
    await h.expectConverged(once)

    recordFault({
      suite: 'github',
      fault: '500 on pull request creation after the branch was pushed',
      userSees:
        "once: retried, PR opened; 4 times: step fails: 'GitHub API: creating the pull request … failed (500) … re-run'",
      verified: ['4 create attempts (bounded)', ...CONVERGED]
    })
  })

  it('500 on pull request creation, then the base gets the digests another way: the next run deletes the leftover branch and nothing else', async () => {
    const s = await h.standIn()
    s.failNext(
      { operationId: 'pulls/create' },
      { status: 500, body: { message: 'Server Error' } },
      4
    )
    const failed = await h.act(s)
    expect(failed.code).toBe(1)
    expect([...(await freshbaseBranches(s)).keys()]).toEqual(['freshbase/all'])
    // A human pins the base by hand, exactly as the branch proposed.
    for (const file of ['Dockerfile', 'worker/Dockerfile']) {
      const pinned = (await s.readFile('freshbase/all', file)) ?? ''
      await s.commitFile('main', file, pinned, `pin ${file}`)
    }
    // A branch under the prefix that Freshbase did not name is never touched.
    const mainHead = (await s.branchHead('main')) ?? ''
    await git('update-ref', 'refs/heads/freshbase/experiment', mainHead)

    const next = await h.act(s)

    expect(next.code, next.stdout).toBe(0)
    expect(next.outputs['pull-request-operation']).toBe('deleted')
    expect(next.summary).toContain('Branch deleted')
    expect([...(await freshbaseBranches(s)).keys()]).toEqual([
      'freshbase/experiment'
    ])
    expect(s.pulls).toEqual([])
    const again = await h.act(s)
    expect(again.code, again.stdout).toBe(0)
    expect(again.outputs['pull-request-operation']).toBe('none')
    expect(
      s.writes().filter(w => w.operationId === 'git/delete-ref')
    ).toHaveLength(1)

    recordFault({
      suite: 'github',
      fault:
        '500 on pull request creation, then the base branch gets the digests by hand',
      userSees:
        "next run: 'freshbase/all had no open pull request and nothing left to propose; deleted.'",
      verified: [
        'leftover branch deleted',
        'a branch Freshbase did not name kept',
        'no pull request opened',
        'no token in output'
      ]
    })

    async function git(...args: string[]): Promise<void> {
      const { execFile } = await import('node:child_process')
      const { promisify } = await import('node:util')
      await promisify(execFile)('git', args, {
        env: { ...process.env, GIT_DIR: s.gitDir }
      })
    }
  })

  it('500 after GitHub opened the pull request (answer lost): the retry finds it, and it still gets its labels, reviewers and assignees', async () => {
    const s = await h.standIn()
    s.failNext(
      { operationId: 'pulls/create' },
      { status: 500, body: { message: 'Server Error' }, afterEffect: true }
    )
    const inputs = {
      labels: 'dependencies',
      reviewers: 'alice',
      assignees: 'bob'
    }

    const run = await h.act(s, inputs)

    expect(run.code, run.stdout).toBe(0)
    expect(requestsFor(s, 'pulls/create')).toEqual([500, 422])
    expect(s.pulls).toHaveLength(1)
    expect(s.pulls[0]).toMatchObject({
      labels: ['dependencies'],
      requestedReviewers: ['alice'],
      assignees: ['bob']
    })
    await h.expectConverged(s)
    const next = await h.act(s, inputs)
    expect(next.outputs['pull-request-operation']).toBe('unchanged')

    recordFault({
      suite: 'github',
      fault:
        '500 on pull request creation after GitHub created it (answer lost)',
      userSees:
        'run succeeds: the retry gets "already exists", finds the PR and decorates it',
      verified: [
        'one PR',
        'labels, reviewers, assignees applied',
        'next run: unchanged',
        ...CONVERGED.slice(1)
      ]
    })
  })

  it('502 on the pull request update: the branch moved but the body did not; the next run updates the body', async () => {
    const s = await h.standIn()
    expect((await h.act(s)).code).toBe(0)
    const number = s.pulls[0]?.number
    const oldBody = s.pulls[0]?.body
    await h.moveTag('node')
    s.failNext(
      { operationId: 'pulls/update' },
      { status: 502, body: { message: 'Server Error' } },
      4
    )

    const failed = await h.act(s)

    expect(failed.code).toBe(1)
    const said = stepErrors(failed)
    expect(said).toContain(
      `GitHub API: updating pull request #${number} failed (502)`
    )
    expect(said).toMatch(/re-run/i)
    expect(requestsFor(s, 'pulls/update')).toEqual([502, 502, 502, 502])
    expect(s.pulls[0]?.body).toBe(oldBody)

    const next = await h.act(s)
    expect(next.code, next.stdout).toBe(0)
    expect(next.outputs['pull-request-operation']).toBe('updated')
    expect(next.outputs['pull-request-number']).toBe(String(number))
    await h.expectConverged(s)
    expect(s.pulls).toHaveLength(1)

    recordFault({
      suite: 'github',
      fault: '502 on the pull request body update (PATCH pulls)',
      userSees:
        "step fails: 'GitHub API: updating pull request #1 failed (502) … re-run'",
      verified: [
        '4 update attempts (bounded)',
        'next run: same PR, body names the new digest',
        ...CONVERGED
      ]
    })
  })

  it('403 "not permitted to create pull requests": names the setting, keeps the branch; the next run opens the PR for it', async () => {
    const s = await h.standIn()
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

    const refused = await h.act(s)

    expect(refused.outputs['pull-request-operation']).toBe('not-permitted')
    const said = `${stepErrors(refused)}\n${stepWarnings(refused)}`
    expect(said).toContain(
      'Allow GitHub Actions to create and approve pull requests'
    )
    expect(requestsFor(s, 'pulls/create')).toEqual([403])
    expect([...(await freshbaseBranches(s)).keys()]).toEqual(['freshbase/all'])

    const next = await h.act(s)
    expect(next.code, next.stdout).toBe(0)
    expect(next.outputs['pull-request-operation']).toBe('created')
    await h.expectConverged(s)

    recordFault({
      suite: 'github',
      fault: '403 "GitHub Actions is not permitted to create … pull requests"',
      userSees: `exit ${String(refused.code)}; annotation names Settings → Actions → "Allow GitHub Actions to create and approve pull requests"; compare URL in outputs`,
      verified: ['branch kept for a manual PR', ...CONVERGED]
    })
  })
})
