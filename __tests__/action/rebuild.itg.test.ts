/**
 * The rebuild after a push (FACTS.md §6.4, issue 8 part 2), end to end: the
 * built action against the stand-in, which checks each workflow_dispatch
 * against the workflow file in its repository as GitHub does (422 for an
 * undeclared input or a missing trigger).
 */
import { describe, expect, it } from 'vitest'
import { stepErrors, useFaultHarness } from './github-faults-harness.js'

const h = useFaultHarness()

/** A rebuild workflow whose workflow_dispatch declares `inputs`. */
function workflow(inputs: readonly string[]): string {
  const declared = inputs.map(
    name => `      ${name}:\n        required: false\n`
  )
  return [
    'name: Rebuild\n',
    'on:\n',
    '  workflow_dispatch:\n',
    ...(inputs.length === 0 ? [] : ['    inputs:\n', ...declared]),
    'jobs:\n',
    '  build:\n',
    '    runs-on: ubuntu-latest\n',
    '    steps:\n',
    '      - run: echo rebuild\n'
  ].join('')
}

describe('the rebuild', () => {
  it('dispatches the rebuild workflow on the PR branch, and a repository_dispatch with the plan', async () => {
    const s = await h.standIn({
      files: {
        '.github/workflows/rebuild.yml': workflow(['files', 'images', 'push'])
      }
    })

    const run = await h.act(s, {
      'rebuild-workflow': 'rebuild.yml',
      'rebuild-inputs': 'push=false',
      'dispatch-event-type': 'freshbase-bump'
    })

    expect(run.code, run.stdout).toBe(0)
    expect(s.dispatches).toEqual([
      {
        workflow_id: 'rebuild.yml',
        ref: 'freshbase/all',
        inputs: {
          push: 'false',
          files: JSON.stringify(['Dockerfile', 'worker/Dockerfile']),
          images: JSON.stringify(['alpine:3.20', 'node:20'])
        }
      }
    ])
    expect(s.repositoryDispatches).toHaveLength(1)
    expect(s.repositoryDispatches[0]).toMatchObject({
      event_type: 'freshbase-bump',
      client_payload: {
        branch: 'freshbase/all',
        pull_request: s.pulls[0]?.number,
        files: ['Dockerfile', 'worker/Dockerfile']
      }
    })
    expect(run.summary).not.toContain('No CI will run')

    // Only the wording changes: the PR follows, nothing is rebuilt.
    const reworded = await h.act(s, {
      'rebuild-workflow': 'rebuild.yml',
      title: 'deps: refresh base image digests'
    })
    expect(reworded.code, reworded.stdout).toBe(0)
    expect(reworded.outputs['pull-request-operation']).toBe('updated')
    expect(reworded.outputs['updated']).toBe('false')
    expect(s.pulls[0]?.title).toBe('deps: refresh base image digests')
    expect(s.dispatches).toHaveLength(1)
  })

  it('dispatches the workflow the user already has, with only the inputs it declares, and says which were left out', async () => {
    const none = await h.standIn({
      files: {
        '.github/workflows/rebuild.yml':
          'name: CI\non: [push, workflow_dispatch]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n'
      }
    })
    const some = await h.standIn({
      files: { '.github/workflows/rebuild.yml': workflow(['files']) }
    })
    const inputs = {
      'rebuild-workflow': 'rebuild.yml',
      'rebuild-inputs': 'push=false'
    }

    const bare = await h.act(none, inputs)
    const partial = await h.act(some, inputs)

    expect(bare.code, bare.stdout).toBe(0)
    expect(none.dispatches).toEqual([
      { workflow_id: 'rebuild.yml', ref: 'freshbase/all', inputs: {} }
    ])
    expect(bare.summary).toContain(
      'Not sent to rebuild.yml: push (rebuild-inputs), files (Freshbase), images (Freshbase).'
    )
    expect(bare.summary).toContain(
      '.github/workflows/rebuild.yml declares no such input under on.workflow\\_dispatch.inputs'
    )
    expect(partial.code, partial.stdout).toBe(0)
    expect(some.dispatches).toEqual([
      {
        workflow_id: 'rebuild.yml',
        ref: 'freshbase/all',
        inputs: { files: JSON.stringify(['Dockerfile', 'worker/Dockerfile']) }
      }
    ])
    expect(partial.summary).toContain(
      'Not sent to rebuild.yml: push (rebuild-inputs), images (Freshbase).'
    )
  })

  it('reports a rebuild workflow that is missing or has no workflow_dispatch before anything is pushed', async () => {
    const missing = await h.standIn()
    const pushOnly = await h.standIn({
      files: {
        '.github/workflows/rebuild.yml':
          'name: Rebuild\non:\n  push:\n    branches: [main]\njobs: {}\n'
      }
    })
    const inputs = { 'rebuild-workflow': 'rebuild.yml' }

    const notThere = await h.act(missing, inputs)
    const noTrigger = await h.act(pushOnly, inputs)

    expect(notThere.code).toBe(1)
    expect(missing.writes()).toEqual([])
    expect(stepErrors(notThere)).toContain(
      'rebuild-workflow: .github/workflows/rebuild.yml is not on main'
    )
    expect(stepErrors(notThere)).toContain('"on: workflow_dispatch"')
    expect(noTrigger.code).toBe(1)
    expect(pushOnly.writes()).toEqual([])
    const said = stepErrors(noTrigger)
    expect(said).toContain(
      'rebuild-workflow: .github/workflows/rebuild.yml on main has no workflow_dispatch trigger'
    )
    expect(said).toContain(
      'add the line "  workflow_dispatch:" under "on:" (line 2)'
    )
    expect(said).toContain('Nothing was pushed.')
  })
})
