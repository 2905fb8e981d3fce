import { describe, expect, it } from 'vitest'
import type { PlatformVerdict } from '../../../src/core/behind/model.js'
import {
  answerRecorded,
  answerWithoutRead,
  overallStatus
} from '../../../src/core/behind/verdict.js'
import type { BaseSide } from '../../../src/core/behind/verdict.js'
import type { Digest } from '../../../src/core/digest.js'

const d = (c: string): Digest => `sha256:${c.repeat(64)}` as Digest
const AMD64 = { os: 'linux', architecture: 'amd64' }
const ARM64 = { os: 'linux', architecture: 'arm64' }
const M = 'application/vnd.oci.image.manifest.v1+json'

function index(digest: Digest, amd: Digest, arm: Digest): BaseSide {
  return {
    digest,
    platforms: [
      { platform: AMD64, digest: amd, mediaType: M },
      { platform: { ...ARM64, variant: 'v8' }, digest: arm, mediaType: M }
    ]
  }
}

const now = index(d('1'), d('a'), d('b'))

describe('recorded base digest vs. the base now', () => {
  it('is current without a read when the recorded digest is the index or the platform manifest now', () => {
    expect(answerWithoutRead(d('1'), now, AMD64)).toEqual({
      status: 'current',
      builtOn: d('1')
    })
    expect(answerWithoutRead(d('a'), now, AMD64)).toEqual({
      status: 'current',
      builtOn: d('a')
    })
    expect(answerWithoutRead(d('b'), now, AMD64)).toBeUndefined()
  })

  it('is current when only attestations or another platform changed', () => {
    const old = index(d('0'), d('a'), d('c'))
    const answer = answerRecorded(
      d('0'),
      { kind: 'read', side: old },
      now,
      AMD64
    )
    expect(answer).toMatchObject({ status: 'current', builtOn: d('0') })
    expect(answer.status === 'current' ? answer.note : '').toContain(
      'only attestations or other platforms changed'
    )
    expect(
      answerRecorded(d('0'), { kind: 'read', side: old }, now, ARM64)
    ).toEqual({ status: 'behind', builtOn: d('0'), now: d('1') })
  })

  it('is behind for a recorded platform manifest that is not the platform now', () => {
    expect(
      answerRecorded(
        d('9'),
        { kind: 'read', side: { digest: d('9') } },
        now,
        AMD64
      )
    ).toEqual({
      status: 'behind',
      builtOn: d('9'),
      now: d('a')
    })
  })

  it('is behind, saying so, when the old index cannot be read', () => {
    expect(
      answerRecorded(
        d('0'),
        { kind: 'unreadable', why: 'not found' },
        now,
        AMD64
      )
    ).toEqual({
      status: 'behind',
      builtOn: d('0'),
      now: d('1'),
      note: 'changed (the old base index could not be read to compare platforms: not found)'
    })
  })

  it('compares a single-manifest base with the recorded index entry', () => {
    const single = { digest: d('a') }
    expect(
      answerRecorded(
        d('0'),
        { kind: 'read', side: index(d('0'), d('a'), d('c')) },
        single,
        AMD64
      )
    ).toMatchObject({ status: 'current' })
  })

  it('is unknown when the base has no such platform now', () => {
    expect(
      answerRecorded(d('0'), { kind: 'unreadable', why: 'x' }, now, {
        os: 'linux',
        architecture: 's390x'
      })
    ).toMatchObject({
      status: 'unknown',
      why: expect.stringContaining(
        'the base has no linux/s390x image now'
      ) as string
    })
  })
})

describe('overallStatus', () => {
  const current: PlatformVerdict = {
    status: 'current',
    platform: 'linux/amd64',
    method: 'layers',
    builtOn: d('a')
  }
  const behind: PlatformVerdict = {
    status: 'behind',
    platform: 'linux/arm64',
    method: 'layers',
    now: d('1')
  }
  const unknown: PlatformVerdict = {
    status: 'unknown',
    platform: 'linux/arm64',
    why: 'x'
  }
  it('behind if any platform is behind, unknown if none answered, else current', () => {
    expect(overallStatus([current, behind, unknown])).toBe('behind')
    expect(overallStatus([current, unknown])).toBe('current')
    expect(overallStatus([unknown])).toBe('unknown')
    expect(overallStatus([])).toBe('unknown')
  })
})
