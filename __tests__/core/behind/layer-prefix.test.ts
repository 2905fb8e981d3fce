import { describe, expect, it } from 'vitest'
import {
  compareLayers,
  readImageConfig
} from '../../../src/core/behind/layer-prefix.js'
import type { Digest } from '../../../src/core/digest.js'

const d = (c: string): Digest => `sha256:${c.repeat(64)}` as Digest

describe('compareLayers', () => {
  it('is current when the base diff_ids are an ordered prefix of the image', () => {
    expect(compareLayers([d('1'), d('2')], [d('1'), d('2'), d('3')])).toEqual({
      status: 'current'
    })
    expect(compareLayers([d('1'), d('2')], [d('1'), d('2')])).toEqual({
      status: 'current'
    })
  })

  it('is behind when they are not (out of order counts as not)', () => {
    expect(compareLayers([d('1'), d('2')], [d('1'), d('9'), d('3')])).toEqual({
      status: 'behind'
    })
    expect(compareLayers([d('1'), d('2')], [d('2'), d('1'), d('3')])).toEqual({
      status: 'behind'
    })
  })

  it('is unknown for an image with fewer layers than its base (squashed), saying what to do', () => {
    expect(compareLayers([d('1'), d('2')], [d('9')])).toEqual({
      status: 'unknown',
      why: "the image has 1 layer, fewer than its base's 2: it was squashed or not built on this base; add base annotations or keep provenance on"
    })
    expect(compareLayers([], [d('1')])).toMatchObject({ status: 'unknown' })
  })
})

describe('readImageConfig', () => {
  const bytes = (value: unknown): Uint8Array =>
    new TextEncoder().encode(JSON.stringify(value))

  it('reads diff_ids, created, labels and the platform', () => {
    expect(
      readImageConfig(
        bytes({
          architecture: 'arm64',
          os: 'linux',
          variant: 'v8',
          created: '2024-01-01T00:00:00Z',
          config: { Labels: { a: 'b', n: 1 } },
          rootfs: { type: 'layers', diff_ids: [d('1'), d('2')] }
        })
      )
    ).toEqual({
      diffIds: [d('1'), d('2')],
      created: '2024-01-01T00:00:00Z',
      labels: { a: 'b' },
      platform: { os: 'linux', architecture: 'arm64', variant: 'v8' }
    })
  })

  it('throws, naming the entry, on a malformed diff_id', () => {
    expect(() =>
      readImageConfig(bytes({ rootfs: { diff_ids: [d('1'), 'x'] } }))
    ).toThrow(
      'image config rootfs.diff_ids[1] is not a digest (sha256:<64 hex>)'
    )
    expect(() => readImageConfig(new TextEncoder().encode('nope'))).toThrow(
      'image config is not valid UTF-8 JSON'
    )
  })
})
