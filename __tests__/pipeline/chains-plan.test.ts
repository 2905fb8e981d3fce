/**
 * What the plan does with references to images built here (issue 11 part
 * 1): skipped by default, naming the Dockerfile that builds them and why
 * a tag is unverified; with pin-built-here, a child waits while its parent
 * (or any ancestor) changes in the same run; a cycle is never waited on.
 */
import { describe, expect, it } from 'vitest'
import { buildChains } from '../../src/core/chains/graph.js'
import { markBuiltHere } from '../../src/core/chains/in-repo.js'
import type { Chains, Producer } from '../../src/core/chains/model.js'
import type { ImageSite } from '../../src/core/image-site.js'
import type { PlanRow } from '../../src/core/plan.js'
import { scanFile } from '../../src/core/scan.js'
import type { FileDone } from '../../src/pipeline/finish-files.js'
import { pinBuiltHereAdjuster, rebuildSet } from '../../src/pipeline/chains.js'

function producer(
  repository: string,
  dockerfile: string,
  tags?: string[]
): Producer {
  return {
    dockerfile,
    context: dockerfile.slice(0, dockerfile.lastIndexOf('/')),
    repository,
    ...(tags === undefined ? {} : { tags }),
    source: 'build-push-action',
    declaredIn: { file: '.github/workflows/images.yml', line: 9 }
  }
}

const FILES: Record<string, string> = {
  'base/Dockerfile': 'FROM node:20\n',
  'mid/Dockerfile': 'FROM ghcr.io/acme/base:1\n',
  'app/Dockerfile':
    'FROM ghcr.io/acme/mid:1 AS build\nFROM ghcr.io/acme/base:2\nCOPY --from=build /x /x\n',
  'other/Dockerfile': 'FROM ghcr.io/acme/base\n'
}

function setup(producers: Producer[]): { sites: ImageSite[]; chains: Chains } {
  const sites = Object.entries(FILES).flatMap(([file, text]) =>
    scanFile(file, text)
  )
  return { sites, chains: buildChains(producers, sites, []) }
}

const reasons = (sites: readonly ImageSite[]): string[] =>
  sites.map(
    s =>
      `${s.file}:${s.line} ${s.skip === undefined ? 'asked' : s.skip.message}`
  )

describe('markBuiltHere', () => {
  it('skips every FROM of an image built here, saying which Dockerfile builds it and why a tag is unverified', () => {
    const { sites, chains } = setup([
      producer('ghcr.io/acme/base', 'base/Dockerfile', ['1']),
      producer('ghcr.io/acme/mid', 'mid/Dockerfile')
    ])

    expect(reasons(markBuiltHere(sites, chains))).toEqual([
      'base/Dockerfile:1 asked',
      'mid/Dockerfile:1 built in this repository (base/Dockerfile)',
      'app/Dockerfile:1 built in this repository (mid/Dockerfile) — tag unverified: mid/Dockerfile is tagged when it is built (.github/workflows/images.yml:9), so whether it builds :1 is not known; name the tag in the images setting to confirm it.',
      "app/Dockerfile:2 built in this repository (base/Dockerfile) — tag unverified: base/Dockerfile is built as :1 (.github/workflows/images.yml:9), not :2; check the FROM's tag.",
      "other/Dockerfile:1 built in this repository (base/Dockerfile) — tag unverified: base/Dockerfile is built as :1 (.github/workflows/images.yml:9), not :latest; check the FROM's tag."
    ])
  })

  it('leaves a Dockerfile building on its own image alone (no edge)', () => {
    const { sites, chains } = setup([
      producer('docker.io/library/node', 'base/Dockerfile', ['20'])
    ])

    expect(reasons(markBuiltHere(sites, chains))[0]).toBe(
      'base/Dockerfile:1 asked'
    )
  })
})

/** A finished file whose plan changes it (a pin) or not. */
function done(file: string, changed: boolean): FileDone {
  const row: PlanRow = {
    file,
    line: 1,
    image: 'x',
    source: 'from',
    decision: changed ? 'pin' : 'up to date',
    warnings: []
  }
  return { plan: { rows: [row], files: [] } }
}

describe('pinBuiltHereAdjuster', () => {
  const chainsOf = (): { sites: ImageSite[]; chains: Chains } =>
    setup([
      producer('ghcr.io/acme/base', 'base/Dockerfile', ['1', '2', 'latest']),
      producer('ghcr.io/acme/mid', 'mid/Dockerfile', ['1'])
    ])

  async function adjust(
    changed: ReadonlySet<string>,
    file: string
  ): Promise<string[]> {
    const { sites, chains } = chainsOf()
    const plans = new Map(
      Object.keys(FILES).map(f => [f, done(f, changed.has(f))])
    )
    const adjusted = await pinBuiltHereAdjuster(chains)(
      file,
      sites.filter(s => s.file === file),
      (f): Promise<FileDone> | undefined => {
        const plan = plans.get(f)
        return plan === undefined ? undefined : Promise.resolve(plan)
      }
    )
    return reasons(adjusted)
  }

  it('lets a child pin while no parent or ancestor changes', async () => {
    expect(await adjust(new Set(), 'app/Dockerfile')).toEqual([
      'app/Dockerfile:1 asked',
      'app/Dockerfile:2 asked'
    ])
  })

  it('makes a child wait while its parent, or its parent’s parent, is rebuilt', async () => {
    const WAIT_BASE =
      'waits for base/Dockerfile to be rebuilt: its new digest does not exist yet'
    const WAIT_MID =
      'waits for mid/Dockerfile to be rebuilt: its new digest does not exist yet'

    expect(
      await adjust(new Set(['base/Dockerfile']), 'app/Dockerfile')
    ).toEqual([`app/Dockerfile:1 ${WAIT_MID}`, `app/Dockerfile:2 ${WAIT_BASE}`])
    expect(await adjust(new Set(['mid/Dockerfile']), 'app/Dockerfile')).toEqual(
      [`app/Dockerfile:1 ${WAIT_MID}`, 'app/Dockerfile:2 asked']
    )
  })

  it('never waits on a cycle: its members are skipped saying so', async () => {
    const files = {
      'a/Dockerfile': 'FROM ghcr.io/acme/b:1\n',
      'b/Dockerfile': 'FROM ghcr.io/acme/a:1\n'
    }
    const sites = Object.entries(files).flatMap(([f, t]) => scanFile(f, t))
    const chains = buildChains(
      [
        producer('ghcr.io/acme/a', 'a/Dockerfile', ['1']),
        producer('ghcr.io/acme/b', 'b/Dockerfile', ['1'])
      ],
      sites,
      []
    )
    const never = new Promise<FileDone>(() => {})

    const adjusted = await pinBuiltHereAdjuster(chains)(
      'a/Dockerfile',
      sites.filter(s => s.file === 'a/Dockerfile'),
      async () => never
    )

    expect(reasons(adjusted)).toEqual([
      'a/Dockerfile:1 built in this repository (b/Dockerfile), in a build cycle (a/Dockerfile, b/Dockerfile): not pinned, as no build order exists; break the cycle.'
    ])
  })
})

describe('rebuildSet', () => {
  it('is the changed Dockerfiles and every descendant, in levels; YAML files are not built', () => {
    const { chains } = setup([
      producer('ghcr.io/acme/base', 'base/Dockerfile', ['1', '2', 'latest']),
      producer('ghcr.io/acme/mid', 'mid/Dockerfile', ['1'])
    ])

    expect(
      rebuildSet(chains, [
        { file: 'base/Dockerfile', edits: [] },
        { file: 'compose.yaml', kind: 'compose', edits: [] }
      ])
    ).toEqual([
      ['base/Dockerfile'],
      ['mid/Dockerfile', 'other/Dockerfile'],
      ['app/Dockerfile']
    ])
  })
})
