/**
 * Issue 9 "Platforms": an open pull request is not touched for a bump no
 * counted platform changes. The PR proposes X→Y; the tag then moves to Z,
 * which differs from Y only in linux/s390x (not built): the PR stays at Y
 * (no push, no edit) and the row says why. When a counted platform changes
 * since Y, the PR is updated as usual. The Action's publishing runs
 * in-process against the real Distribution registry and the
 * OpenAPI-checked GitHub stand-in.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { RawConfig } from '../../src/config/fields.js'
import { parseProposedPlan } from '../../src/core/publish/proposed-plan.js'
import type { PublishReport } from '../../src/pipeline/publish-run.js'
import { startCountingProxy } from '../support/counting-proxy.js'
import type { CountingProxy } from '../support/counting-proxy.js'
import { startGitHubStandIn } from '../support/github-stand-in.js'
import type { GitHubStandIn } from '../support/github-stand-in.js'
import type { Blob } from '../support/images.js'
import {
  publishInProcess,
  seedPlatformVersions
} from '../support/publish-in-process.js'
import { startRegistry } from '../support/registry.js'
import type { TestRegistry } from '../support/registry.js'

const TOKEN = 'ghs_stickyproposaltoken'
const REPO = 'library/node'
const KEY = 'docker.io/library/node:20'

let registry: TestRegistry
let standIn: GitHubStandIn | undefined
/**
 * X: the base branch's pin. Y: amd64 changed (what the first run proposes).
 * Z: Y with only linux/s390x changed. W: Z with linux/amd64 changed again.
 */
const index: Record<'X' | 'Y' | 'Z' | 'W', Blob> = {} as never

beforeAll(async () => {
  registry = await startRegistry()
  Object.assign(
    index,
    await seedPlatformVersions(registry, REPO, {
      X: { amd64: 1, s390x: 1 },
      Y: { amd64: 2, s390x: 1 },
      Z: { amd64: 2, s390x: 2 },
      W: { amd64: 3, s390x: 2 }
    })
  )
})
afterAll(async () => {
  await registry.stop()
})
afterEach(async () => {
  const s = standIn
  standIn = undefined
  if (s === undefined) return
  try {
    expect(s.violations).toEqual([])
  } finally {
    await s.stop()
  }
})

async function pointTag(version: keyof typeof index): Promise<void> {
  await registry.putManifest(REPO, '20', index[version])
}

async function publishOnce(
  s: GitHubStandIn,
  inputs: RawConfig
): Promise<PublishReport> {
  return publishInProcess(registry, s, TOKEN, inputs)
}

/** The digests the open pull request's hidden plan block proposes. */
function proposedInPull(s: GitHubStandIn): string | undefined {
  const plan = parseProposedPlan(s.pulls[0]?.body)
  return plan?.targets[`Dockerfile ${KEY}`]
}

async function openAtY(): Promise<GitHubStandIn> {
  const s = await startGitHubStandIn({
    owner: 'acme',
    repo: 'shop',
    token: TOKEN,
    files: { Dockerfile: `FROM node:20@${index.X.digest}\nRUN make\n` }
  })
  standIn = s
  await pointTag('Y')
  const opened = await publishOnce(s, { platforms: 'linux/amd64' })
  expect(opened.published.outcomes.map(o => o.operation)).toEqual(['created'])
  expect(proposedInPull(s)).toBe(index.Y.digest)
  return s
}

describe('an open pull request and a tag that moved on only in platforms not built', () => {
  it('keeps the pull request at Y untouched (no push, no edit), and the row says why', async () => {
    const s = await openAtY()
    const before = s.pulls[0]
    const writes = s.writes().length

    await pointTag('Z')
    const kept = await publishOnce(s, { platforms: 'linux/amd64' })

    const [row] = kept.report.plan.rows
    expect(row).toMatchObject({
      decision: 'update',
      currentDigest: index.X.digest,
      newDigest: index.Y.digest
    })
    expect(row?.warnings).toEqual([
      expect.stringContaining(
        `kept ${index.Y.digest}, which the open pull request proposes: the tag moved on to ${index.Z.digest}, but since ${index.Y.digest} only linux/s390x changed`
      )
    ])
    expect(kept.published.outcomes.map(o => o.operation)).toEqual(['unchanged'])
    expect(kept.published.pushed).toEqual([])
    expect(s.writes().length).toBe(writes)
    expect(s.pulls[0]).toEqual(before)
    expect(kept.images.get(KEY)?.digest).toBe(index.Y.digest)
  })

  it('updates the pull request to W once linux/amd64 changes again', async () => {
    const s = await openAtY()
    const headBefore = s.pulls[0]?.head.sha
    await pointTag('Z')
    await publishOnce(s, { platforms: 'linux/amd64' })
    expect(s.pulls[0]?.head.sha).toBe(headBefore)

    await pointTag('W')
    const moved = await publishOnce(s, { platforms: 'linux/amd64' })

    const [row] = moved.report.plan.rows
    expect(row).toMatchObject({
      decision: 'update',
      newDigest: index.W.digest,
      warnings: []
    })
    expect(moved.published.outcomes.map(o => o.operation)).toEqual(['updated'])
    expect(proposedInPull(s)).toBe(index.W.digest)
    expect(s.pulls[0]?.head.sha).not.toBe(headBefore)
    expect(s.pulls[0]?.body).not.toContain(index.Y.digest)
  })

  it('asks the registry nothing more while the tag still points to what the pull request proposes', async () => {
    const proxy = await startCountingProxy({ target: registry.host })
    const seen = (p: CountingProxy): string[] =>
      p.requests.map(r => `${r.method} ${r.path}`).sort()
    try {
      const s = await startGitHubStandIn({
        owner: 'acme',
        repo: 'shop',
        token: TOKEN,
        files: { Dockerfile: `FROM node:20@${index.X.digest}\n` }
      })
      standIn = s
      const inputs = {
        platforms: 'linux/amd64',
        'registry-map': `docker.io=${proxy.host}`
      }
      await pointTag('Y')
      await publishOnce(s, inputs)
      const first = seen(proxy)
      proxy.reset()

      const again = await publishOnce(s, inputs)

      expect(proposedInPull(s)).toBe(index.Y.digest)
      expect(again.published.outcomes.map(o => o.operation)).toEqual([
        'unchanged'
      ])
      expect(first).toContain(`GET /v2/${REPO}/manifests/${index.X.digest}`)
      expect(seen(proxy)).toEqual(first)
    } finally {
      await proxy.stop()
    }
  })

  it('updates the pull request to Z when every platform counts (platforms unset)', async () => {
    const s = await startGitHubStandIn({
      owner: 'acme',
      repo: 'shop',
      token: TOKEN,
      files: { Dockerfile: `FROM node:20@${index.X.digest}\n` }
    })
    standIn = s
    await pointTag('Y')
    await publishOnce(s, {})
    expect(proposedInPull(s)).toBe(index.Y.digest)

    await pointTag('Z')
    const run = await publishOnce(s, {})

    expect(run.report.plan.rows[0]).toMatchObject({
      decision: 'update',
      newDigest: index.Z.digest,
      warnings: []
    })
    expect(run.published.outcomes.map(o => o.operation)).toEqual(['updated'])
    expect(proposedInPull(s)).toBe(index.Z.digest)
  })
})
