/**
 * An open pull request is not touched for a bump no counted platform
 * changes (issue 9): what the open PRs propose is read from their plan
 * blocks, looked up per image, and the proposed index is read only when the
 * tag moved on from it.
 */
import { describe, expect, it } from 'vitest'
import type { Digest } from '../../src/core/digest.js'
import { parseImageRef } from '../../src/core/image-ref.js'
import type { ImageSite } from '../../src/core/dockerfile/scan.js'
import {
  keptProposal,
  proposedByKey,
  targetName
} from '../../src/core/kept-proposal.js'
import {
  parseProposedPlan,
  planComment,
  proposedDigests
} from '../../src/core/publish/proposed-plan.js'
import { firstLook, secondLook } from '../../src/core/resolve-requests.js'
import type { Resolved } from '../../src/core/resolution.js'

const d = (ch: string): Digest => `sha256:${ch.repeat(64)}` as Digest
const KEY = 'docker.io/library/node:20'
const TAG = d('a')
const BASE = d('b')
const PROPOSED = d('c')
const OTHER = d('e')

const entry = (architecture: string, digest: Digest) => ({
  platform: { os: 'linux', architecture },
  digest,
  mediaType: 'application/vnd.oci.image.manifest.v1+json'
})

function site(image: string): ImageSite {
  const parsed = parseImageRef(image)
  if (!parsed.ok) throw new Error(parsed.error)
  return { file: 'Dockerfile', line: 1, source: 'from', image, ref: parsed.ref }
}

const resolved = (extra: Partial<Resolved> = {}): Resolved => ({
  kind: 'resolved',
  key: KEY,
  digest: TAG,
  mediaType: 'application/vnd.oci.image.index.v1+json',
  ...extra
})

describe('proposedDigests', () => {
  it('reads every digest of version 1 blocks by target, and nothing of version 2 or missing blocks', () => {
    const one = parseProposedPlan(
      planComment({
        version: 1,
        group: 'all',
        targets: {
          [targetName('Dockerfile', KEY)]: PROPOSED,
          [targetName('a/Dockerfile', KEY)]: `${PROPOSED},${OTHER}`
        }
      })
    )
    const two = parseProposedPlan(
      planComment({
        version: 2,
        group: 'other',
        targets: {},
        fingerprint: '0'.repeat(32)
      })
    )

    const proposed = proposedDigests([one, two, undefined])

    expect([...proposed]).toEqual([
      [`Dockerfile ${KEY}`, [PROPOSED]],
      [`a/Dockerfile ${KEY}`, [PROPOSED, OTHER]]
    ])
    expect([...proposedByKey(proposed)]).toEqual([[KEY, [PROPOSED, OTHER]]])
  })
})

describe('keptProposal', () => {
  const counted = ['linux/amd64']
  const next = [entry('amd64', d('1')), entry('s390x', d('2'))]
  const before = resolved({
    manifests: next,
    previousManifests: {
      [PROPOSED]: [entry('amd64', d('1')), entry('s390x', d('3'))]
    }
  })

  it('keeps the proposed index when only an uncounted platform changed since', () => {
    expect(keptProposal(before, TAG, BASE, [PROPOSED], counted)).toEqual({
      digest: PROPOSED,
      why: 'only linux/s390x changed'
    })
  })

  it('keeps nothing when a counted platform changed, the target is a platform pin, or the PR already has the tag', () => {
    expect(
      keptProposal(before, TAG, BASE, [PROPOSED], ['linux/s390x'])
    ).toBeUndefined()
    expect(
      keptProposal(before, d('1'), BASE, [PROPOSED], counted)
    ).toBeUndefined()
    expect(
      keptProposal(before, TAG, BASE, [PROPOSED, TAG], counted)
    ).toBeUndefined()
    expect(keptProposal(before, TAG, BASE, undefined, counted)).toBeUndefined()
  })
})

describe('secondLook with what open pull requests propose', () => {
  const request = {
    key: KEY,
    registry: 'registry-1.docker.io',
    repository: 'library/node',
    tag: '20',
    currentDigests: [BASE],
    needsManifestBody: false
  }
  const asked = firstLook(site(`node:20@${BASE}`), {})
  if (asked === undefined) throw new Error('no first look')

  it('reads the proposed index, with the first answer, once the tag moved on from it', () => {
    const first = resolved({ manifests: [entry('amd64', d('1'))] })

    expect(secondLook(request, asked, first, [PROPOSED])).toEqual({
      ...request,
      currentDigests: [PROPOSED],
      needsManifestBody: false,
      after: first
    })
  })

  it('reads nothing when the tag still points to it, it is an entry of the index, it was read, or the index was not read', () => {
    const read = resolved({
      manifests: [entry('amd64', OTHER)],
      previousManifests: { [PROPOSED]: [] }
    })

    expect(secondLook(request, asked, resolved(), [PROPOSED])).toBeUndefined()
    expect(
      secondLook(request, asked, resolved({ manifests: [] }), [TAG])
    ).toBeUndefined()
    expect(secondLook(request, asked, read, [OTHER, PROPOSED])).toBeUndefined()
    expect(secondLook(request, asked, read, [])).toBeUndefined()
  })
})
