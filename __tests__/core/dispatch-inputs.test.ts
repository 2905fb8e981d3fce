/**
 * Reading a workflow's `on.workflow_dispatch.inputs` (issue 8 part 2): the
 * rebuild sends only the inputs the workflow declares, and a workflow
 * GitHub would refuse to dispatch is reported with the line to change.
 */
import { describe, expect, it } from 'vitest'
import {
  chooseDispatchInputs,
  withRebuildInputs,
  readDispatchTrigger
} from '../../src/core/publish/dispatch-inputs.js'

describe('readDispatchTrigger', () => {
  it.each([
    ['string form', 'on: workflow_dispatch\n', []],
    ['list form', 'on: [push, workflow_dispatch]\n', []],
    ['block list form', 'on:\n  - push\n  - workflow_dispatch\n', []],
    ['null value', 'on:\n  workflow_dispatch:\n', []],
    ['true value', 'on:\n  workflow_dispatch: true\n', []],
    ['empty map', 'on:\n  workflow_dispatch: {}\n', []],
    ['inputs: null', 'on:\n  workflow_dispatch:\n    inputs:\n', []],
    ['flow map', 'on: { push: {}, workflow_dispatch: }\n', []],
    [
      'declared inputs, in file order',
      'name: Rebuild\non:\n  push:\n  workflow_dispatch:\n    inputs:\n      images:\n        required: false\n      push:\n        type: boolean\n      files:\n',
      ['images', 'push', 'files']
    ],
    [
      'quoted "on" key',
      '"on":\n  workflow_dispatch:\n    inputs:\n      files: {}\n',
      ['files']
    ],
    [
      'YAML 1.1, where on is the boolean true',
      '%YAML 1.1\n---\non:\n  workflow_dispatch:\n    inputs:\n      files: {}\n',
      ['files']
    ],
    [
      'input names that are not strings in YAML',
      'on:\n  workflow_dispatch:\n    inputs:\n      1: {}\n      null: {}\n',
      ['1', 'null']
    ]
  ])('%s', (_name, text, inputs) => {
    expect(readDispatchTrigger(text)).toEqual({ kind: 'dispatchable', inputs })
  })

  it.each([
    [
      'string form',
      'name: CI\non: push\n',
      'change line 2 to "on: [push, workflow_dispatch]"'
    ],
    [
      'list form',
      'name: CI\n\non: [push, pull_request]\n',
      'add workflow_dispatch to the list of events on line 3'
    ],
    [
      'map form',
      'name: CI\non:\n  push:\n    branches: [main]\n',
      'add the line "  workflow_dispatch:" under "on:" (line 2)'
    ],
    [
      'inputs written straight under workflow_call',
      'on:\n  workflow_call:\n    inputs:\n      files: {}\n',
      'add the line "  workflow_dispatch:" under "on:" (line 1)'
    ],
    [
      'no on key',
      'name: CI\njobs: {}\n',
      'add the line "on: workflow_dispatch" (the file has no "on:" key)'
    ]
  ])('no trigger: %s', (_name, text, fix) => {
    expect(readDispatchTrigger(text)).toEqual({ kind: 'no-trigger', fix })
  })

  it('reports a file that is not YAML with its line', () => {
    const read = readDispatchTrigger('name: CI\non: [push\njobs: {}\n')
    expect(read).toMatchObject({ kind: 'invalid', line: 3 })
  })

  it('reports a file that is not a mapping', () => {
    expect(readDispatchTrigger('- push\n')).toMatchObject({
      kind: 'invalid',
      line: 1
    })
  })
})

describe('chooseDispatchInputs', () => {
  it('sends the declared inputs and lists the others with where they came from', () => {
    const chosen = chooseDispatchInputs(
      ['files', 'push'],
      [
        { name: 'push', value: 'false', source: 'rebuild-inputs' },
        { name: 'env', value: 'ci', source: 'rebuild-inputs' },
        { name: 'files', value: '["Dockerfile"]', source: 'Freshbase' },
        { name: 'images', value: '["node:20"]', source: 'Freshbase' }
      ]
    )

    expect(chosen.send).toEqual({ push: 'false', files: '["Dockerfile"]' })
    expect(chosen.leftOut.map(i => [i.name, i.source])).toEqual([
      ['env', 'rebuild-inputs'],
      ['images', 'Freshbase']
    ])
  })
})

describe('withRebuildInputs', () => {
  it("puts the user's inputs first and lets Freshbase's own names win", () => {
    const ours = [
      { name: 'files', value: '["a/Dockerfile"]', source: 'Freshbase' },
      { name: 'levels', value: '[["a/Dockerfile"]]', source: 'Freshbase' }
    ]
    expect(
      withRebuildInputs(ours, { environment: 'staging', files: 'mine' })
    ).toEqual([
      { name: 'environment', value: 'staging', source: 'rebuild-inputs' },
      ...ours
    ])
  })
})
