/**
 * Issue 9 "Platforms": a bump that changes no platform the user builds is
 * not proposed, and an open pull request is not touched for it. Runs the
 * Action's publishing in-process against the real Distribution registry
 * and the OpenAPI-checked GitHub stand-in.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { RawConfig } from '../../src/config/fields.js'
import type { PublishReport } from '../../src/pipeline/publish-run.js'
import { startGitHubStandIn } from '../support/github-stand-in.js'
import type { GitHubStandIn } from '../support/github-stand-in.js'
import type { Blob } from '../support/images.js'
import {
  publishInProcess,
  seedPlatformVersions
} from '../support/publish-in-process.js'
import { startRegistry } from '../support/registry.js'
import type { TestRegistry } from '../support/registry.js'

const TOKEN = 'ghs_notproposedtoken'
const REPO = 'library/node'

let registry: TestRegistry
let standIn: GitHubStandIn | undefined
/** v1 → v2: only linux/s390x changed; v1 → v3: linux/amd64 changed too. */
const index: Record<'v1' | 'v2' | 'v3', Blob> = {} as never

beforeAll(async () => {
  registry = await startRegistry()
  Object.assign(
    index,
    await seedPlatformVersions(registry, REPO, {
      v1: { amd64: 1, s390x: 1 },
      v2: { amd64: 1, s390x: 2 },
      v3: { amd64: 2, s390x: 2 }
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

describe('a bump no counted platform changes', () => {
  it('is skipped as not proposed, and the open pull request is kept untouched', async () => {
    const s = await startGitHubStandIn({
      owner: 'acme',
      repo: 'shop',
      token: TOKEN,
      files: { Dockerfile: `FROM node:20@${index.v1.digest}\nRUN make\n` }
    })
    standIn = s
    await pointTag('v3')
    const opened = await publishOnce(s, { platforms: 'linux/amd64' })
    expect(opened.published.outcomes.map(o => o.operation)).toEqual(['created'])
    const before = s.pulls[0]
    const writes = s.writes().length

    await pointTag('v2')
    const kept = await publishOnce(s, { platforms: 'linux/amd64' })

    const [row] = kept.report.plan.rows
    expect(row).toMatchObject({
      decision: 'skipped',
      notProposed: true,
      newDigest: index.v2.digest
    })
    expect(row?.reason).toMatch(/^only linux\/s390x changed: /)
    expect(kept.published.outcomes.map(o => o.operation)).toEqual(['kept'])
    expect(s.writes().length).toBe(writes)
    expect(s.pulls[0]).toEqual(before)
  })

  it('is proposed when the platform that changed counts (platforms unset: every platform)', async () => {
    const s = await startGitHubStandIn({
      owner: 'acme',
      repo: 'shop',
      token: TOKEN,
      files: { Dockerfile: `FROM node:20@${index.v1.digest}\n` }
    })
    standIn = s
    await pointTag('v2')

    const run = await publishOnce(s, {})

    expect(run.report.plan.rows[0]?.decision).toBe('update')
    expect(run.published.outcomes.map(o => o.operation)).toEqual(['created'])
    expect(s.pulls[0]?.body).toContain(index.v2.digest)
  })

  it('an open pull request whose image is now up to date is still closed', async () => {
    const s = await startGitHubStandIn({
      owner: 'acme',
      repo: 'shop',
      token: TOKEN,
      files: { Dockerfile: `FROM node:20@${index.v1.digest}\n` }
    })
    standIn = s
    await pointTag('v3')
    await publishOnce(s, {})

    await pointTag('v1')
    const run = await publishOnce(s, {})

    expect(run.published.outcomes.map(o => o.operation)).toEqual(['closed'])
    expect(s.pulls[0]?.state).toBe('closed')
  })
})
