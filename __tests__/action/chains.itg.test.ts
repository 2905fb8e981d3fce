/**
 * In-repo image chains (issue 11 part 1), end to end: the built action, run
 * as the runner runs it, against the GitHub stand-in and the real registry,
 * on a repository whose three Dockerfiles build on each other. Each link is
 * declared another way: base/Dockerfile is pushed as <registry>/acme/base:1
 * by a docker/build-push-action step, mid/Dockerfile (FROM acme/base:1) is
 * built as acme/mid:1 by a Compose service with build + image, and
 * app/Dockerfile (FROM acme/mid:1) is acme/app:1 in the `images` input.
 * base/Dockerfile's external base moved.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { runAction } from '../support/action-runner.js'
import type { ActionRun } from '../support/action-runner.js'
import { startGitHubStandIn } from '../support/github-stand-in.js'
import type { GitHubStandIn } from '../support/github-stand-in.js'
import { startRegistry } from '../support/registry.js'
import type { SeededIndex, TestRegistry } from '../support/registry.js'

const TOKEN = `ghs_${'c'.repeat(8)}${Math.random().toString(36).slice(2, 12)}`
const OWNER = 'acme'
const REPO = 'shop'
const LEVELS = [['base/Dockerfile'], ['mid/Dockerfile'], ['app/Dockerfile']]

let registry: TestRegistry
/** node:20 when base/Dockerfile was pinned, and now. */
let oldNode: SeededIndex
let node: SeededIndex
let base: SeededIndex
let mid: SeededIndex
const standIns: GitHubStandIn[] = []

beforeAll(async () => {
  registry = await startRegistry()
  const platforms = { platforms: ['linux/amd64'] }
  oldNode = await registry.seedImage('library/node', '20', platforms)
  node = await registry.seedImage('library/node', '20', platforms)
  base = await registry.seedImage('acme/base', '1', platforms)
  mid = await registry.seedImage('acme/mid', '1', platforms)
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

/** The repository; base/Dockerfile pins node:20 to `nodeDigest`. */
function files(nodeDigest: string): Record<string, string> {
  const host = registry.host
  return {
    'base/Dockerfile': `FROM node:20@${nodeDigest}\nRUN echo base\n`,
    'mid/Dockerfile': `FROM ${host}/acme/base:1\nRUN echo mid\n`,
    'app/Dockerfile': `FROM ${host}/acme/mid:1\nRUN echo app\n`,
    'compose.yaml': [
      'services:',
      '  mid:',
      '    build:',
      '      context: mid',
      `    image: ${host}/acme/mid:1`,
      ''
    ].join('\n'),
    '.github/workflows/images.yml': [
      'name: images',
      'on:',
      '  push:',
      '    branches: [main]',
      'jobs:',
      '  base:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - uses: docker/build-push-action@v6',
      '        with:',
      '          context: base',
      '          push: true',
      `          tags: ${host}/acme/base:1`,
      ''
    ].join('\n'),
    '.github/workflows/rebuild.yml': [
      'name: rebuild',
      'on:',
      '  workflow_dispatch:',
      '    inputs:',
      '      files:',
      '        required: false',
      '      levels:',
      '        required: false',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo rebuild',
      ''
    ].join('\n')
  }
}

async function standIn(seed: Record<string, string>): Promise<GitHubStandIn> {
  const s = await startGitHubStandIn({
    owner: OWNER,
    repo: REPO,
    files: seed,
    token: TOKEN
  })
  standIns.push(s)
  return s
}

async function act(
  s: GitHubStandIn,
  inputs: Record<string, string> = {}
): Promise<ActionRun> {
  return runAction({
    apiUrl: s.url,
    repository: `${OWNER}/${REPO}`,
    token: TOKEN,
    inputs: {
      'registry-map': `docker.io=${registry.host}`,
      osv: 'false',
      images: `${registry.host}/acme/app:1=app/Dockerfile`,
      'rebuild-workflow': 'rebuild.yml',
      ...inputs
    }
  })
}

/** The summary's Markdown escapes undone, to read its sentences. */
function plain(markdown: string): string {
  return markdown.replace(/\\(.)/g, '$1')
}

describe('a three-level chain across build-push-action, Compose and the images input', () => {
  it('leaves the in-repo FROMs unpinned, bumps only the base, and hands the levels on', async () => {
    const seed = files(oldNode.indexDigest)
    const s = await standIn(seed)

    const run = await act(s)

    expect(run.code, run.stdout + run.stderr).toBe(0)
    // The PR changes base/Dockerfile only.
    expect(JSON.parse(run.outputs['changed-files'] ?? '')).toEqual([
      'base/Dockerfile'
    ])
    expect(await s.readFile('freshbase/all', 'base/Dockerfile')).toBe(
      `FROM node:20@${node.indexDigest}\nRUN echo base\n`
    )
    for (const file of ['mid/Dockerfile', 'app/Dockerfile', 'compose.yaml'])
      expect(await s.readFile('freshbase/all', file)).toBe(seed[file])
    // The in-repo FROMs are skipped, saying which Dockerfile builds them.
    const summary = plain(run.summary)
    expect(summary).toContain('built in this repository (base/Dockerfile)')
    expect(summary).toContain('built in this repository (mid/Dockerfile)')
    // The rebuild set, in order, for a matrix and for the dispatch.
    expect(JSON.parse(run.outputs['build-levels'] ?? '')).toEqual(LEVELS)
    expect(JSON.parse(run.outputs['build-matrix'] ?? '')).toEqual([
      { dockerfile: 'base/Dockerfile', context: 'base', level: 0 },
      { dockerfile: 'mid/Dockerfile', context: 'mid', level: 1 },
      { dockerfile: 'app/Dockerfile', context: 'app', level: 2 }
    ])
    expect(s.dispatches).toEqual([
      {
        workflow_id: 'rebuild.yml',
        ref: 'freshbase/all',
        inputs: {
          files: JSON.stringify([
            'base/Dockerfile',
            'mid/Dockerfile',
            'app/Dockerfile'
          ]),
          levels: JSON.stringify(LEVELS)
        }
      }
    ])
    // The reviewer reads what the bump rebuilds.
    const body = s.pulls[0]?.body ?? ''
    const line =
      'Bumping `node:20` in base/Dockerfile also rebuilds app/Dockerfile, mid/Dockerfile.'
    expect(body).toContain(line)
    expect(summary).toContain(line)
  })

  it('with pin-built-here, pins an in-repo FROM only once its parent is not being rebuilt', async () => {
    // The external base moved: mid and app wait for their parents.
    const moved = await standIn(files(oldNode.indexDigest))

    const waiting = await act(moved, { 'pin-built-here': 'true' })

    expect(waiting.code, waiting.stdout + waiting.stderr).toBe(0)
    expect(JSON.parse(waiting.outputs['changed-files'] ?? '')).toEqual([
      'base/Dockerfile'
    ])
    const said = plain(waiting.summary)
    expect(said).toContain(
      'waits for base/Dockerfile to be rebuilt: its new digest does not exist yet'
    )
    expect(said).toContain(
      'waits for mid/Dockerfile to be rebuilt: its new digest does not exist yet'
    )

    // The external base is current: mid's FROM is pinned to base:1 as
    // built now; app's FROM waits, as mid is rebuilt by that pin.
    const current = files(node.indexDigest)
    const still = await standIn(current)

    const pinned = await act(still, { 'pin-built-here': 'true' })

    expect(pinned.code, pinned.stdout + pinned.stderr).toBe(0)
    expect(JSON.parse(pinned.outputs['changed-files'] ?? '')).toEqual([
      'mid/Dockerfile'
    ])
    expect(await still.readFile('freshbase/all', 'mid/Dockerfile')).toBe(
      `FROM ${registry.host}/acme/base:1@${base.indexDigest}\nRUN echo mid\n`
    )
    expect(await still.readFile('freshbase/all', 'app/Dockerfile')).toBe(
      current['app/Dockerfile']
    )
    expect(plain(pinned.summary)).toContain(
      'waits for mid/Dockerfile to be rebuilt: its new digest does not exist yet'
    )
    expect(JSON.parse(pinned.outputs['build-levels'] ?? '')).toEqual([
      ['mid/Dockerfile'],
      ['app/Dockerfile']
    ])
    expect(mid.indexDigest).not.toBe(base.indexDigest)
  })
})
