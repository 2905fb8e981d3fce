import { describe, expect, it } from 'vitest'
import type { Digest } from '../../src/core/digest.js'
import {
  comparePlatforms,
  countedPlatforms,
  proposalVerdict
} from '../../src/core/evidence/platform-delta.js'
import type { PlatformManifest } from '../../src/core/resolution.js'

const digest = (n: number): Digest =>
  `sha256:${n.toString(16).padStart(64, '0')}` as Digest

const entry = (text: string, n: number): PlatformManifest => {
  const [os = '', architecture = '', variant] = text.split('/')
  return {
    platform:
      variant === undefined
        ? { os, architecture }
        : { os, architecture, variant },
    digest: digest(n),
    mediaType: 'application/vnd.oci.image.manifest.v1+json'
  }
}

describe('countedPlatforms', () => {
  it('uses the platforms setting when given, over the line', () => {
    expect(countedPlatforms(['linux/amd64'], 'linux/arm64')).toEqual([
      'linux/amd64'
    ])
  })
  it("uses the line's literal --platform when there is no setting", () => {
    expect(countedPlatforms([], 'linux/arm64')).toEqual(['linux/arm64'])
  })
  it.each(['$BUILDPLATFORM', '${TARGETPLATFORM}', 'linux/$ARCH'])(
    'counts all platforms for a --platform=%s line (not literal)',
    platform => {
      expect(countedPlatforms([], platform)).toEqual([])
    }
  )
  it('counts all platforms with no setting and no --platform', () => {
    expect(countedPlatforms([], undefined)).toEqual([])
  })
  it('ignores a --platform that is not os/arch[/variant]', () => {
    expect(countedPlatforms([], 'linux')).toEqual([])
  })
})

describe('comparePlatforms', () => {
  it('matches arm64 with arm64/v8 and names it as the new index writes it', () => {
    const deltas = comparePlatforms(
      [entry('linux/amd64', 1), entry('linux/arm64', 2)],
      [entry('linux/amd64', 1), entry('linux/arm64/v8', 3)],
      []
    )
    expect(deltas).toEqual([
      {
        platform: 'linux/amd64',
        change: 'unchanged',
        counted: true,
        from: digest(1),
        to: digest(1)
      },
      {
        platform: 'linux/arm64/v8',
        change: 'changed',
        counted: true,
        from: digest(2),
        to: digest(3)
      }
    ])
  })

  it('reports added and removed platforms, removed last in old order', () => {
    const deltas = comparePlatforms(
      [
        entry('linux/386', 9),
        entry('linux/amd64', 1),
        entry('linux/ppc64le', 8)
      ],
      [entry('linux/riscv64', 4), entry('linux/amd64', 1)],
      ['linux/amd64']
    )
    expect(deltas.map(d => [d.platform, d.change, d.counted])).toEqual([
      ['linux/riscv64', 'added', false],
      ['linux/amd64', 'unchanged', true],
      ['linux/386', 'removed', false],
      ['linux/ppc64le', 'removed', false]
    ])
    expect(deltas[0]).not.toHaveProperty('from')
    expect(deltas[2]).not.toHaveProperty('to')
  })

  it('ignores attestation entries (unknown/unknown)', () => {
    const deltas = comparePlatforms(
      [entry('linux/amd64', 1), entry('unknown/unknown', 5)],
      [entry('linux/amd64', 1), entry('unknown/unknown', 6)],
      []
    )
    expect(deltas.map(d => d.platform)).toEqual(['linux/amd64'])
  })

  it('counts only the platforms asked for, matched by the one matcher', () => {
    const deltas = comparePlatforms(
      [entry('linux/arm64/v8', 2), entry('linux/s390x', 7)],
      [entry('linux/arm64/v8', 3), entry('linux/s390x', 8)],
      ['linux/arm64']
    )
    expect(deltas.map(d => d.counted)).toEqual([true, false])
  })
})

describe('proposalVerdict', () => {
  it('proposes when a counted platform changed', () => {
    const deltas = comparePlatforms(
      [entry('linux/amd64', 1), entry('linux/arm64', 2)],
      [entry('linux/amd64', 11), entry('linux/arm64', 2)],
      []
    )
    expect(proposalVerdict(deltas)).toEqual({ propose: true })
  })

  it('says "attestations only" when no runnable platform changed', () => {
    const deltas = comparePlatforms(
      [entry('linux/amd64', 1), entry('unknown/unknown', 5)],
      [entry('linux/amd64', 1), entry('unknown/unknown', 6)],
      []
    )
    expect(proposalVerdict(deltas)).toEqual({
      propose: false,
      reason: 'attestations only'
    })
  })

  it('does not propose when only another architecture changed', () => {
    const deltas = comparePlatforms(
      [entry('linux/amd64', 1), entry('linux/s390x', 7)],
      [entry('linux/amd64', 1), entry('linux/s390x', 8)],
      countedPlatforms([], 'linux/amd64')
    )
    expect(proposalVerdict(deltas)).toEqual({
      propose: false,
      reason: 'only linux/s390x changed'
    })
  })

  it('names uncounted platforms that were added and removed', () => {
    const deltas = comparePlatforms(
      [entry('linux/amd64', 1), entry('linux/s390x', 7), entry('linux/386', 9)],
      [
        entry('linux/amd64', 1),
        entry('linux/s390x', 8),
        entry('linux/riscv64', 4)
      ],
      ['linux/amd64']
    )
    expect(proposalVerdict(deltas)).toEqual({
      propose: false,
      reason: 'only linux/s390x changed; linux/riscv64 added; linux/386 removed'
    })
  })

  it.each([
    [
      'added',
      [entry('linux/amd64', 1)],
      [entry('linux/amd64', 1), entry('linux/arm64', 2)]
    ],
    [
      'removed',
      [entry('linux/amd64', 1), entry('linux/arm64', 2)],
      [entry('linux/amd64', 1)]
    ]
  ])('proposes when a counted platform was %s', (_change, old, next) => {
    const deltas = comparePlatforms(old, next, ['linux/arm64/v8'])
    expect(proposalVerdict(deltas)).toEqual({ propose: true })
  })

  it('with an explicit platforms setting, a line --platform does not count', () => {
    const counted = countedPlatforms(['linux/arm64'], 'linux/amd64')
    const deltas = comparePlatforms(
      [entry('linux/amd64', 1), entry('linux/arm64', 2)],
      [entry('linux/amd64', 11), entry('linux/arm64', 2)],
      counted
    )
    expect(proposalVerdict(deltas)).toEqual({
      propose: false,
      reason: 'only linux/amd64 changed'
    })
  })

  it('proposes when none of the counted platforms is published at all', () => {
    const deltas = comparePlatforms(
      [entry('windows/amd64', 1)],
      [entry('windows/amd64', 2)],
      ['linux/amd64']
    )
    expect(proposalVerdict(deltas)).toEqual({ propose: true })
  })
})
