/**
 * readRebuildWorkflow: the rebuild workflow read from the base tree before
 * anything is pushed (issue 8 part 2).
 */
import { describe, expect, it } from 'vitest'
import type { PublishConfig } from '../../src/config/publish-config.js'
import type { BaseSnapshot, FileStore } from '../../src/pipeline/ports.js'
import {
  RebuildWorkflowError,
  readRebuildWorkflow
} from '../../src/pipeline/rebuild-workflow.js'

function base(
  files: Record<string, string>,
  truncated = false
): { snapshot: BaseSnapshot; store: FileStore } {
  const entries = Object.keys(files).map(
    path => [path, { path, sha: 'a'.repeat(40), mode: '100644' }] as const
  )
  return {
    snapshot: {
      branch: 'main',
      commitSha: 'b'.repeat(40),
      treeSha: 'c'.repeat(40),
      files: new Map(entries),
      truncated
    },
    store: {
      discover: async () => Promise.resolve([]),
      read: async file => Promise.resolve(files[file] ?? ''),
      write: async () => Promise.resolve()
    }
  }
}

const config = (rebuildWorkflow?: string): PublishConfig =>
  ({
    ...(rebuildWorkflow === undefined ? {} : { rebuildWorkflow })
  }) as PublishConfig

describe('readRebuildWorkflow', () => {
  it('reads the declared inputs of .github/workflows/<name>', async () => {
    const { snapshot, store } = base({
      '.github/workflows/rebuild.yml':
        'on:\n  workflow_dispatch:\n    inputs:\n      files:\n'
    })

    const read = await readRebuildWorkflow(
      config('rebuild.yml'),
      snapshot,
      store
    )

    expect(read).toEqual({
      id: 'rebuild.yml',
      path: '.github/workflows/rebuild.yml',
      declared: ['files']
    })
  })

  it('is nothing to do without rebuild-workflow', async () => {
    const { snapshot, store } = base({})
    expect(await readRebuildWorkflow(config(), snapshot, store)).toBeUndefined()
  })

  it('sends everything, and says why, for a numeric ID or a truncated tree', async () => {
    const { snapshot, store } = base({}, true)

    const numeric = await readRebuildWorkflow(config('1234'), snapshot, store)
    const unlisted = await readRebuildWorkflow(
      config('rebuild.yml'),
      snapshot,
      store
    )

    expect(numeric?.id).toBe('1234')
    expect(numeric?.declared).toBeUndefined()
    expect(numeric?.unchecked).toMatch(/numeric workflow ID/)
    expect(unlisted?.declared).toBeUndefined()
    expect(unlisted?.unchecked).toMatch(/too large to list/)
  })

  it.each([
    ['a missing file', {}, 'rebuild.yml', /is not on main/],
    ['a path', {}, '.github/workflows/rebuild.yml', /not a path/],
    [
      'no trigger',
      { '.github/workflows/rebuild.yml': 'on: push\n' },
      'rebuild.yml',
      /change line 1 to "on: \[push, workflow_dispatch\]"/
    ],
    [
      'invalid YAML',
      { '.github/workflows/rebuild.yml': 'on: [push\njobs: {}\n' },
      'rebuild.yml',
      /rebuild\.yml on main, line 2: not valid workflow YAML/
    ]
  ])('refuses %s before anything is pushed', async (_name, files, id, said) => {
    const { snapshot, store } = base(files)

    const read = readRebuildWorkflow(config(id), snapshot, store)

    await expect(read).rejects.toBeInstanceOf(RebuildWorkflowError)
    await expect(read).rejects.toThrow(said)
    await expect(read).rejects.toThrow(/Nothing was pushed\.$/)
  })
})
