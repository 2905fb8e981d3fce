/**
 * How the rebuild set is handed on (issue 11 part 1): build-matrix entries,
 * the dispatch's files, the --json chains, the CLI's warnings and edge
 * lines, and the PR body's "also rebuilds" line.
 */
import { describe, expect, it } from 'vitest'
import type { Chains, Producer } from '../../../src/core/chains/model.js'
import {
  buildMatrix,
  chainWarnings,
  chainsJson,
  dispatchFiles,
  rebuiltEdgeLines
} from '../../../src/core/chains/rebuild-plan.js'
import { chainLines } from '../../../src/core/report/chain-lines.js'

function producer(
  dockerfile: string,
  context: string,
  source: Producer['source']
): Producer {
  return {
    dockerfile,
    context,
    repository: `ghcr.io/acme/${dockerfile.split('/')[0] ?? ''}`,
    source,
    declaredIn: { file: 'compose.yaml', line: 3 }
  }
}

const CHAINS: Chains = {
  producers: [
    producer('base/Dockerfile', 'base', 'config'),
    producer('base/Dockerfile', '.', 'build-push-action'),
    producer('app/Dockerfile', 'app', 'compose')
  ],
  edges: [
    {
      parent: 'base/Dockerfile',
      child: 'app/Dockerfile',
      image: 'ghcr.io/acme/base:1',
      line: 1,
      tagVerified: true
    },
    {
      parent: 'base/Dockerfile',
      child: 'worker/Dockerfile',
      image: 'ghcr.io/acme/base',
      line: 2,
      tagVerified: false
    }
  ],
  levels: [['base/Dockerfile'], ['app/Dockerfile', 'worker/Dockerfile']],
  cycles: [['x/Dockerfile', 'y/Dockerfile']],
  problems: [{ file: 'docker-bake.hcl', line: 1, message: 'not read: …' }]
}

describe('buildMatrix', () => {
  it('lists the levels in order; a declared context wins over the images setting, else the folder', () => {
    expect(
      buildMatrix(
        [
          ['base/Dockerfile', 'Dockerfile'],
          ['app/Dockerfile', 'worker/Dockerfile']
        ],
        CHAINS
      )
    ).toEqual([
      { dockerfile: 'base/Dockerfile', context: '.', level: 0 },
      { dockerfile: 'Dockerfile', context: '.', level: 0 },
      { dockerfile: 'app/Dockerfile', context: 'app', level: 1 },
      { dockerfile: 'worker/Dockerfile', context: 'worker', level: 1 }
    ])
  })
})

describe('dispatchFiles', () => {
  it('keeps the changed files first, as before, then adds the descendants in level order', () => {
    expect(
      dispatchFiles(
        ['compose.yaml', 'base/Dockerfile'],
        [['base/Dockerfile'], ['worker/Dockerfile', 'app/Dockerfile']]
      )
    ).toEqual([
      'compose.yaml',
      'base/Dockerfile',
      'worker/Dockerfile',
      'app/Dockerfile'
    ])
  })
})

describe('the plan in words and JSON', () => {
  it('has chains in --json, empty without any', () => {
    expect(chainsJson(CHAINS)).toEqual({
      edges: CHAINS.edges,
      levels: CHAINS.levels,
      cycles: CHAINS.cycles,
      problems: CHAINS.problems
    })
    expect(chainsJson(undefined)).toEqual({
      edges: [],
      levels: [],
      cycles: [],
      problems: []
    })
  })

  it('warns about declarations not read and cycles, naming the files', () => {
    expect(chainWarnings(CHAINS)).toEqual([
      'docker-bake.hcl:1: not read: …',
      "build cycle: x/Dockerfile, y/Dockerfile build on each other's images, so no build order exists; they are in no rebuild level. Break the cycle (one of them must build FROM an image not built here)."
    ])
  })

  it('says the edges whose parent is rebuilt, and only those', () => {
    expect(rebuiltEdgeLines(CHAINS, [['base/Dockerfile']])).toEqual([
      'app/Dockerfile:1 builds on ghcr.io/acme/base:1 (base/Dockerfile): rebuilt after it',
      'worker/Dockerfile:2 builds on ghcr.io/acme/base (base/Dockerfile): rebuilt after it (tag unverified)'
    ])
    expect(rebuiltEdgeLines(CHAINS, [['app/Dockerfile']])).toEqual([])
  })
})

describe('chainLines', () => {
  it('says once per bumped base what it also rebuilds; bumps of leaves say nothing', () => {
    expect(
      chainLines(
        [
          { file: 'base/Dockerfile', image: 'node:20@sha256:abc' },
          { file: 'base/Dockerfile', image: 'node:20' },
          { file: 'app/Dockerfile', image: 'alpine:3.20' }
        ],
        CHAINS
      )
    ).toEqual([
      'Bumping `node:20` in base/Dockerfile also rebuilds app/Dockerfile, worker/Dockerfile.'
    ])
    expect(
      chainLines([{ file: 'base/Dockerfile', image: 'node:20' }], undefined)
    ).toEqual([])
  })
})
