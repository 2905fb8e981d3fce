/**
 * GitHub faults, second part: rate limits on writes (retried within the run,
 * bounded), a rebuild workflow GitHub does not know, and runs racing each
 * other. Same shape as github-faults.itg.test.ts: the faulty run says what
 * happened, the next run converges, the token never shows.
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

const SECONDARY = {
  message:
    'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  documentation_url:
    'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits'
}

describe('rate limits on a write', () => {
  it('403 secondary rate limit with retry-after: waits and retries in the same run, at most twice', async () => {
    const s = await h.standIn()
    const limited = {
      status: 403,
      body: SECONDARY,
      headers: { 'retry-after': '1' }
    }
    s.failNext({ operationId: 'pulls/create' }, limited)

    const run = await h.act(s)

    expect(run.code, run.stdout).toBe(0)
    expect(run.outputs['pull-request-operation']).toBe('created')
    expect(requestsFor(s, 'pulls/create')).toEqual([403, 201])
    expect(stepWarnings(run)).toMatch(
      /secondary rate limit on POST .*pulls; retrying after 1 s/
    )
    await h.expectConverged(s)

    // It does not let up: three requests, then the step says so.
    const stuck = await h.standIn()
    stuck.failNext({ operationId: 'pulls/create' }, limited, 3)
    const failed = await h.act(stuck)
    expect(failed.code).toBe(1)
    expect(requestsFor(stuck, 'pulls/create')).toEqual([403, 403, 403])
    const said = stepErrors(failed)
    expect(said).toContain(
      'GitHub API: creating the pull request for "freshbase/all" failed (403): You have exceeded a secondary rate limit'
    )
    expect(said).toMatch(/rate limit was still in force.*re-run/i)
    const next = await h.act(stuck)
    expect(next.code, next.stdout).toBe(0)
    await h.expectConverged(stuck)

    recordFault({
      suite: 'github',
      fault:
        '403 secondary rate limit (retry-after: 1) on pull request creation',
      userSees:
        'warning "secondary rate limit … retrying after 1 s", run succeeds; if it persists: step fails after 3 requests with "… rate limit was still in force … re-run"',
      verified: [
        '2 requests, then 3 when it persists (bounded)',
        'same run succeeds',
        ...CONVERGED
      ]
    })
  })

  it('429 with retry-after (no "secondary" in the message): waits and retries in the same run, at most twice', async () => {
    const s = await h.standIn()
    const limited = {
      status: 429,
      body: { message: 'Too Many Requests' },
      headers: { 'retry-after': '1' }
    }
    s.failNext({ operationId: 'git/create-commit' }, limited)

    const run = await h.act(s)

    expect(run.code, run.stdout).toBe(0)
    expect(requestsFor(s, 'git/create-commit')).toEqual([429, 201])
    expect(stepWarnings(run)).toMatch(
      /rate limit on POST .*git\/commits; retrying after 1 s/
    )
    await h.expectConverged(s)

    const stuck = await h.standIn()
    stuck.failNext({ operationId: 'git/create-commit' }, limited, 3)
    const failed = await h.act(stuck)
    expect(failed.code).toBe(1)
    expect(requestsFor(stuck, 'git/create-commit')).toEqual([429, 429, 429])
    expect(stepErrors(failed)).toMatch(
      /creating the commit failed \(429\): Too Many Requests\. GitHub's rate limit .* re-run/i
    )
    expect(await freshbaseBranches(stuck)).toEqual(new Map())
    const next = await h.act(stuck)
    expect(next.code, next.stdout).toBe(0)
    await h.expectConverged(stuck)

    recordFault({
      suite: 'github',
      fault: '429 Too Many Requests (retry-after: 1) on the commit creation',
      userSees:
        'warning "rate limit … retrying after 1 s", run succeeds; if it persists: step fails after 3 requests with "… (429) … re-run"',
      verified: [
        '2 requests, then 3 when it persists (bounded)',
        'same run succeeds',
        ...CONVERGED
      ]
    })
  })

  it('a retry-after longer than two minutes is not sat out: one request, and the step says to wait and re-run', async () => {
    const s = await h.standIn()
    s.failNext(
      { operationId: 'git/create-tree' },
      { status: 429, body: SECONDARY, headers: { 'retry-after': '3600' } }
    )
    const started = Date.now()

    const failed = await h.act(s)

    expect(failed.code).toBe(1)
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(requestsFor(s, 'git/create-tree')).toEqual([429])
    expect(stepWarnings(failed)).toContain(
      'giving up: GitHub asks to wait 3600 s'
    )
    expect(stepErrors(failed)).toMatch(/Wait a few minutes, then re-run/)
    const next = await h.act(s)
    expect(next.code, next.stdout).toBe(0)
    await h.expectConverged(s)

    recordFault({
      suite: 'github',
      fault:
        '429 secondary rate limit with retry-after: 3600 on the tree write',
      userSees:
        'warning "giving up: GitHub asks to wait 3600 s"; step fails: "… Wait a few minutes, then re-run the job"',
      verified: ['1 request (no hour-long wait)', ...CONVERGED]
    })
  })
})

describe('the rebuild dispatch', () => {
  it('404 for the rebuild workflow: the PR stays, the step names the workflow and what to check, and the next run dispatches again', async () => {
    const s = await h.standIn({
      files: {
        '.github/workflows/rebuild.yml':
          'on:\n  workflow_dispatch:\n    inputs:\n      files:\n      images:\n'
      }
    })
    s.failNext(
      { operationId: 'actions/create-workflow-dispatch' },
      {
        status: 404,
        body: {
          message: 'Not Found',
          documentation_url:
            'https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event'
        }
      }
    )
    const inputs = { 'rebuild-workflow': 'rebuild.yml' }

    const failed = await h.act(s, inputs)

    expect(failed.code).toBe(1)
    expect(failed.outputs['pull-request-operation']).toBe('created')
    const said = stepErrors(failed)
    expect(said).toContain(
      'Could not dispatch workflow "rebuild.yml" on freshbase/all'
    )
    expect(said).toContain('it must exist on the default branch')
    expect(said).toContain('on: workflow_dispatch')
    expect(said).toContain('(404)')
    expect(said).toContain('The next run dispatches the rebuild of #1 again')
    expect(s.dispatches).toEqual([])
    expect(s.pulls.filter(p => p.state === 'open')).toHaveLength(1)

    const next = await h.act(s, inputs)
    expect(next.code, next.stdout).toBe(0)
    expect(s.dispatches).toHaveLength(1)
    expect(s.dispatches[0]).toMatchObject({
      workflow_id: 'rebuild.yml',
      ref: 'freshbase/all'
    })
    expect(s.pulls[0]?.body).not.toContain('rebuild-pending')
    await h.expectConverged(s)

    const quiet = await h.act(s, inputs)
    expect(quiet.outputs['pull-request-operation']).toBe('unchanged')
    expect(s.dispatches).toHaveLength(1)

    recordFault({
      suite: 'github',
      fault: '404 for the rebuild workflow (unknown workflow file)',
      userSees:
        'PR opened; step fails: \'Could not dispatch workflow "rebuild.yml" … must exist on the default branch, declare "on: workflow_dispatch" … (404) … The next run dispatches the rebuild of #1 again\'',
      verified: [
        'PR kept',
        'next run dispatches once, then not again',
        ...CONVERGED
      ]
    })
  })
})

describe('two runs started at the same moment', () => {
  // Both creations of the branch wait at the stand-in, so both runs found no
  // branch and no PR, and both try to create them.
  const WIDEN_MS = 1500

  it('end with one pull request when the branch creation race is widened', async () => {
    const s = await h.standIn()
    s.delayNext({ operationId: 'git/create-ref' }, WIDEN_MS, 2)

    const [a, b] = await Promise.all([h.act(s), h.act(s)])

    expect([a.code, b.code], a.stdout + b.stdout).toEqual([0, 0])
    expect(requestsFor(s, 'git/create-ref').sort((x, y) => x - y)).toEqual([
      201, 422
    ])
    const operations = [
      a.outputs['pull-request-operation'] ?? '',
      b.outputs['pull-request-operation'] ?? ''
    ]
    expect(operations.filter(o => o === 'created')).toHaveLength(1)
    expect(s.pulls).toHaveLength(1)
    await h.expectConverged(s)
    const again = await h.act(s)
    expect(again.outputs['pull-request-operation']).toBe('unchanged')

    recordFault({
      suite: 'github',
      fault: `two runs at once, branch creation delayed ${WIDEN_MS} ms for both`,
      userSees:
        'both steps succeed, exactly one says "created"; the loser of the ref race moves the branch instead',
      verified: [
        'both tried to create the branch (201 + 422)',
        'one PR',
        'third run: unchanged',
        ...CONVERGED
      ]
    })
  })

  it('end with one pull request per image when grouped by image', async () => {
    const s = await h.standIn()
    s.delayNext({ operationId: 'git/create-ref' }, WIDEN_MS, 4)
    const inputs = { 'group-by': 'image' }

    const [a, b] = await Promise.all([h.act(s, inputs), h.act(s, inputs)])

    expect([a.code, b.code], a.stdout + b.stdout).toEqual([0, 0])
    expect(requestsFor(s, 'git/create-ref')).toHaveLength(4)
    expect(s.pulls).toHaveLength(2)
    await h.expectConverged(s, 2)
    const again = await h.act(s, inputs)
    expect(
      (
        JSON.parse(again.outputs['pull-requests'] ?? '[]') as {
          operation: string
        }[]
      ).map(p => p.operation)
    ).toEqual(['unchanged', 'unchanged'])

    recordFault({
      suite: 'github',
      fault: `two runs at once grouped by image, branch creations delayed ${WIDEN_MS} ms`,
      userSees: 'both steps succeed',
      verified: [
        'one PR per image',
        'third run: unchanged',
        ...CONVERGED.slice(1)
      ]
    })
  })
})
