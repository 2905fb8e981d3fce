import { describe, expect, it } from 'vitest'
import type { Digest } from '../../src/core/digest.js'
import type { ImageSite } from '../../src/core/dockerfile/scan.js'
import { parseImageRef } from '../../src/core/image-ref.js'
import { planUpdates } from '../../src/core/plan.js'
import type { Resolution } from '../../src/core/resolution.js'

const d = (ch: string): Digest => `sha256:${ch.repeat(64)}` as Digest
const INDEX = d('a')
const OLD = d('b')
const ARM = d('c')
const OLD_ARM = d('e')

/** A FROM site whose span is the reference token itself, starting at offset 5. */
function site(image: string, extra: Partial<ImageSite> = {}): ImageSite {
  const parsed = parseImageRef(image)
  if (!parsed.ok) throw new Error(parsed.error)
  const at = image.indexOf('@')
  return {
    file: 'Dockerfile',
    line: 1,
    source: 'from',
    image,
    span: { start: 5, end: 5 + image.length },
    spanText: image,
    spanPrefixLength: at < 0 ? image.length : at,
    spanLine: 1,
    ref: parsed.ref,
    ...extra
  }
}

const resolved = (key: string, extra = {}): Resolution => ({
  kind: 'resolved',
  key,
  digest: INDEX,
  mediaType: 'application/vnd.oci.image.index.v1+json',
  ...extra
})

describe('planUpdates', () => {
  it('pins, updates and keeps up-to-date references', () => {
    const sites = [
      site('node:20'),
      site(`node:20@${OLD}`, { line: 2 }),
      site(`node:20@${INDEX}`, { line: 3 })
    ]

    const plan = planUpdates(sites, [resolved('docker.io/library/node:20')], {
      pinUnpinned: true
    })

    expect(
      plan.rows.map(r => [r.line, r.decision, r.currentDigest, r.newDigest])
    ).toEqual([
      [1, 'pin', undefined, INDEX],
      [2, 'update', OLD, INDEX],
      [3, 'up to date', INDEX, INDEX]
    ])
    expect(plan.files).toEqual([
      {
        file: 'Dockerfile',
        edits: [
          {
            span: { start: 5, end: 12 },
            expected: 'node:20',
            replacement: `node:20@${INDEX}`,
            key: 'docker.io/library/node:20'
          },
          {
            span: { start: 5, end: 5 + 8 + 71 },
            expected: `node:20@${OLD}`,
            replacement: `node:20@${INDEX}`,
            key: 'docker.io/library/node:20'
          }
        ]
      }
    ])
  })

  it('leaves tag-only references alone when pin-unpinned is off', () => {
    const plan = planUpdates(
      [site('node:20')],
      [resolved('docker.io/library/node:20')],
      {
        pinUnpinned: false
      }
    )

    expect(plan.rows[0]?.decision).toBe('skipped')
    expect(plan.rows[0]?.reason).toMatch(/not pinned and pin-unpinned is off/)
    expect(plan.files).toEqual([])
  })

  it('reports a failed image and still plans the others', () => {
    const failure: Resolution = {
      kind: 'failed',
      key: 'docker.io/library/nope:1',
      failure: {
        code: 'NOT_FOUND',
        status: 404,
        message: 'tag "1" of "nope" not found',
        hint: 'Check the tag.'
      }
    }

    const plan = planUpdates(
      [site('nope:1'), site('node:20', { line: 2 })],
      [failure, resolved('docker.io/library/node:20')],
      { pinUnpinned: true }
    )

    expect(plan.rows.map(r => r.decision)).toEqual(['failed', 'pin'])
    expect(plan.rows[0]).toMatchObject({
      reason: 'tag "1" of "nope" not found',
      hint: 'Check the tag.'
    })
    expect(plan.files[0]?.edits).toHaveLength(1)
  })

  it('keeps a single-platform pin single-platform, and an index entry counts as up to date', () => {
    const manifests = [
      {
        platform: { os: 'linux', architecture: 'arm64' },
        digest: ARM,
        mediaType: 'm'
      }
    ]
    const resolution = resolved('docker.io/library/node:20', {
      manifests,
      platformPins: { [OLD_ARM]: ARM }
    })

    const plan = planUpdates(
      [site(`node:20@${OLD_ARM}`), site(`node:20@${ARM}`, { line: 2 })],
      [resolution],
      { pinUnpinned: true }
    )

    expect(plan.rows.map(r => [r.decision, r.newDigest])).toEqual([
      ['update', ARM],
      ['up to date', ARM]
    ])
  })

  it('warns when a literal --platform is not in the new index', () => {
    const manifests = [
      {
        platform: { os: 'linux', architecture: 'amd64' },
        digest: ARM,
        mediaType: 'm'
      }
    ]

    const plan = planUpdates(
      [
        site('node:20', { platform: 'linux/s390x' }),
        site('node:20', { platform: 'linux/amd64', line: 2 })
      ],
      [resolved('docker.io/library/node:20', { manifests })],
      { pinUnpinned: true }
    )

    expect(plan.rows[0]?.warnings).toEqual([
      'Dockerfile:1: --platform=linux/s390x is not in the new index of "node:20" (it has: linux/amd64); the build will fail for that platform. Check the platform or pick a tag that publishes it.'
    ])
    expect(plan.rows[1]?.warnings).toEqual([])
  })

  it('matches --platform by the one platform rule: arm64 and arm64/v8 are one platform', () => {
    const entry = (variant?: string) => ({
      platform: {
        os: 'linux',
        architecture: 'arm64',
        ...(variant === undefined ? {} : { variant })
      },
      digest: ARM,
      mediaType: 'm'
    })
    const warningsWith = (platform: string, offered?: string) =>
      planUpdates(
        [site('node:20', { platform })],
        [
          resolved('docker.io/library/node:20', { manifests: [entry(offered)] })
        ],
        { pinUnpinned: true }
      ).rows[0]?.warnings

    expect(warningsWith('linux/arm64/v8')).toEqual([])
    expect(warningsWith('linux/arm64', 'v8')).toEqual([])
    expect(warningsWith('linux/arm64/v8', 'v8')).toEqual([])
    expect(warningsWith('linux/arm64/v9', 'v8')).toHaveLength(1)
  })

  it('writes a shared ARG span once, and refuses it when the FROMs disagree', () => {
    const shared = {
      span: { start: 9, end: 16 },
      spanText: 'node:20',
      spanPrefixLength: 7
    }
    const agree = planUpdates(
      [site('node:20', shared), site('node:20', { ...shared, line: 2 })],
      [resolved('docker.io/library/node:20')],
      { pinUnpinned: true }
    )
    const disagree = planUpdates(
      [site('node:20', shared), site('node:22', { ...shared, line: 2 })],
      [
        resolved('docker.io/library/node:20'),
        resolved('docker.io/library/node:22', { digest: OLD })
      ],
      { pinUnpinned: true }
    )

    expect(agree.files[0]?.edits).toHaveLength(1)
    expect(disagree.files).toEqual([])
    expect(disagree.rows.map(r => r.decision)).toEqual(['failed', 'failed'])
  })

  it('passes scanner skips through with their reason', () => {
    const skipped = site('scratch', {
      skip: { code: 'scratch', message: 'scratch is not an image' }
    })

    const plan = planUpdates([skipped], [], { pinUnpinned: true })

    expect(plan.rows[0]).toMatchObject({
      decision: 'skipped',
      reason: 'scratch is not an image'
    })
  })
})

describe('planUpdates: a bump no counted platform changes is not proposed', () => {
  const KEY = 'docker.io/library/node:20'
  const AMD = d('1')
  const S390 = d('2')
  const NEW_S390 = d('3')
  const NEW_AMD = d('4')
  const entry = (architecture: string, digest: Digest) => ({
    platform: { os: 'linux', architecture },
    digest,
    mediaType: 'application/vnd.oci.image.manifest.v1+json'
  })
  const OLD_ENTRIES = [entry('amd64', AMD), entry('s390x', S390)]
  const bump = (next: ReturnType<typeof entry>[]) =>
    resolved(KEY, {
      manifests: next,
      previousManifests: { [OLD]: OLD_ENTRIES }
    })

  it('skips an update whose only change is an uncounted platform, keeping newDigest and no edit', () => {
    const plan = planUpdates(
      [site(`node:20@${OLD}`, { platform: 'linux/amd64' })],
      [bump([entry('amd64', AMD), entry('s390x', NEW_S390)])],
      { pinUnpinned: true, platforms: [] }
    )

    expect(plan.rows[0]).toMatchObject({
      decision: 'skipped',
      notProposed: true,
      platform: 'linux/amd64',
      currentDigest: OLD,
      newDigest: INDEX
    })
    expect(plan.rows[0]?.reason).toMatch(
      /^only linux\/s390x changed: "node:20@/
    )
    expect(plan.files).toEqual([])
  })

  it('says "attestations only" when no runnable platform changed', () => {
    const plan = planUpdates([site(`node:20@${OLD}`)], [bump(OLD_ENTRIES)], {
      pinUnpinned: true,
      platforms: []
    })

    expect(plan.rows[0]?.decision).toBe('skipped')
    expect(plan.rows[0]?.reason).toMatch(/^attestations only: /)
    expect(plan.files).toEqual([])
  })

  it('proposes when the platforms setting counts the changed platform', () => {
    const plan = planUpdates(
      [site(`node:20@${OLD}`, { platform: 'linux/amd64' })],
      [bump([entry('amd64', AMD), entry('s390x', NEW_S390)])],
      { pinUnpinned: true, platforms: ['linux/s390x'] }
    )

    expect(plan.rows[0]?.decision).toBe('update')
    expect(plan.rows[0]?.notProposed).toBeUndefined()
    expect(plan.files[0]?.edits).toHaveLength(1)
  })

  it('proposes when every platform counts and one changed', () => {
    const plan = planUpdates(
      [site(`node:20@${OLD}`)],
      [bump([entry('amd64', NEW_AMD), entry('s390x', S390)])],
      { pinUnpinned: true }
    )

    expect(plan.rows[0]?.decision).toBe('update')
  })

  it('proposes as before when the old index is unknown, and always pins first', () => {
    const unknownOld = resolved(KEY, {
      manifests: [entry('amd64', AMD), entry('s390x', NEW_S390)]
    })
    const plan = planUpdates(
      [
        site(`node:20@${OLD}`, { platform: 'linux/amd64' }),
        site('node:20', { line: 2 })
      ],
      [unknownOld],
      { pinUnpinned: true, platforms: ['linux/amd64'] }
    )

    expect(plan.rows.map(r => r.decision)).toEqual(['update', 'pin'])
  })
})

describe('planUpdates: an open pull request is kept while only uncounted platforms move', () => {
  const KEY = 'docker.io/library/node:20'
  const PROPOSED = d('5')
  const AMD = d('1')
  const NEXT_AMD = d('4')
  const S390 = d('2')
  const NEXT_S390 = d('3')
  const entry = (architecture: string, digest: Digest) => ({
    platform: { os: 'linux', architecture },
    digest,
    mediaType: 'application/vnd.oci.image.manifest.v1+json'
  })
  /** Base pin OLD (amd64 AMD); the open PR proposes PROPOSED (amd64 NEXT_AMD); the tag is INDEX now. */
  const moved = (next: ReturnType<typeof entry>[]) =>
    resolved(KEY, {
      manifests: next,
      previousManifests: {
        [OLD]: [entry('amd64', AMD), entry('s390x', S390)],
        [PROPOSED]: [entry('amd64', NEXT_AMD), entry('s390x', S390)]
      }
    })
  const proposed = new Map([[`Dockerfile ${KEY}`, [PROPOSED]]])
  const sites = [site(`node:20@${OLD}`)]

  it('keeps the proposed digest when the tag moved on from it only in linux/s390x', () => {
    const plan = planUpdates(
      sites,
      [moved([entry('amd64', NEXT_AMD), entry('s390x', NEXT_S390)])],
      { pinUnpinned: true, platforms: ['linux/amd64'], proposed }
    )

    expect(plan.rows[0]).toMatchObject({
      decision: 'update',
      currentDigest: OLD,
      newDigest: PROPOSED
    })
    expect(plan.rows[0]?.warnings).toEqual([
      `Dockerfile:1: "node:20@${OLD}": kept ${PROPOSED}, which the open pull request proposes: the tag moved on to ${INDEX}, but since ${PROPOSED} only linux/s390x changed, none of them a platform you build, so the pull request is left as it is (the 'platforms' setting says which platforms count).`
    ])
    expect(plan.files[0]?.edits[0]?.replacement).toBe(`node:20@${PROPOSED}`)
  })

  it('keeps it when only attestations changed since, whatever platforms count', () => {
    const plan = planUpdates(
      sites,
      [moved([entry('amd64', NEXT_AMD), entry('s390x', S390)])],
      { pinUnpinned: true, proposed }
    )

    expect(plan.rows[0]?.newDigest).toBe(PROPOSED)
    expect(plan.rows[0]?.warnings[0]).toContain(
      `since ${PROPOSED} only attestations changed`
    )
  })

  it('moves to the tag when a counted platform changed since the proposal', () => {
    const plan = planUpdates(
      sites,
      [moved([entry('amd64', d('6')), entry('s390x', NEXT_S390)])],
      { pinUnpinned: true, platforms: ['linux/amd64'], proposed }
    )

    expect(plan.rows[0]).toMatchObject({ decision: 'update', newDigest: INDEX })
    expect(plan.rows[0]?.warnings).toEqual([])
  })

  it('does nothing without a proposal for this file, or when the proposed index was not read', () => {
    const next = [entry('amd64', NEXT_AMD), entry('s390x', NEXT_S390)]
    const otherFile = planUpdates(sites, [moved(next)], {
      pinUnpinned: true,
      platforms: ['linux/amd64'],
      proposed: new Map([[`other/Dockerfile ${KEY}`, [PROPOSED]]])
    })
    const unread = planUpdates(
      sites,
      [
        resolved(KEY, {
          manifests: next,
          previousManifests: {
            [OLD]: [entry('amd64', AMD), entry('s390x', S390)]
          }
        })
      ],
      { pinUnpinned: true, platforms: ['linux/amd64'], proposed }
    )

    expect(otherFile.rows[0]?.newDigest).toBe(INDEX)
    expect(unread.rows[0]?.newDigest).toBe(INDEX)
  })

  it('never moves a site that is already at the tag back to the proposed digest', () => {
    const plan = planUpdates(
      [site(`node:20@${INDEX}`)],
      [moved([entry('amd64', NEXT_AMD), entry('s390x', NEXT_S390)])],
      {
        pinUnpinned: true,
        platforms: ['linux/amd64'],
        proposed: new Map([[`Dockerfile ${KEY}`, [PROPOSED]]])
      }
    )

    expect(plan.rows[0]).toMatchObject({
      decision: 'up to date',
      newDigest: INDEX,
      warnings: []
    })
  })

  it('still skips a bump the base pin itself does not need (no counted change since OLD)', () => {
    const plan = planUpdates(
      sites,
      [moved([entry('amd64', AMD), entry('s390x', NEXT_S390)])],
      { pinUnpinned: true, platforms: ['linux/amd64'], proposed }
    )

    expect(plan.rows[0]).toMatchObject({
      decision: 'skipped',
      notProposed: true,
      newDigest: INDEX
    })
  })
})
