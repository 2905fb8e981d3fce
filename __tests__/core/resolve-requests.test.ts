/**
 * The dedupe and the choice of each image's looks (issue 8, "Resolve at the
 * limit"): a tag-only reference is one GET by tag, a pinned one one HEAD by
 * tag; after the scan, only stale pins the first look did not cover are
 * looked at again, and never by tag.
 */
import { describe, expect, it } from 'vitest'
import type { Digest } from '../../src/core/digest.js'
import type { ImageSite } from '../../src/core/dockerfile/scan.js'
import { parseImageRef } from '../../src/core/image-ref.js'
import {
  buildRequests,
  firstLook,
  secondLook
} from '../../src/core/resolve-requests.js'
import type { Resolved } from '../../src/core/resolution.js'

const d = (ch: string): Digest => `sha256:${ch.repeat(64)}` as Digest
const INDEX = d('a')
const OLD = d('b')
const OTHER = d('c')

function site(image: string, extra: Partial<ImageSite> = {}): ImageSite {
  const parsed = parseImageRef(image)
  if (!parsed.ok) throw new Error(parsed.error)
  return {
    file: 'Dockerfile',
    line: 1,
    source: 'from',
    image,
    span: { start: 5, end: 5 + image.length },
    spanText: image,
    spanPrefixLength: image.length,
    spanLine: 1,
    ref: parsed.ref,
    ...extra
  }
}

const resolved = (key: string): Resolved => ({
  kind: 'resolved',
  key,
  digest: INDEX,
  mediaType: 'application/vnd.oci.image.index.v1+json'
})

describe('buildRequests', () => {
  it('makes one request per registry/repository:tag, spelled any way; GET by tag only when no site is pinned', () => {
    const sites = [
      site('node:20'),
      site('docker.io/library/node:20'),
      site(`index.docker.io/library/node:20@${OLD}`),
      site('node:22', { platform: 'linux/arm64' }),
      site('ghcr.io/acme/app:1')
    ]

    const requests = buildRequests(sites, { 'ghcr.io': 'mirror.local:5000' })

    expect(requests).toEqual([
      {
        key: 'docker.io/library/node:20',
        registry: 'docker.io',
        repository: 'library/node',
        tag: '20',
        currentDigests: [OLD],
        needsManifestBody: false
      },
      {
        key: 'docker.io/library/node:22',
        registry: 'docker.io',
        repository: 'library/node',
        tag: '22',
        currentDigests: [],
        needsManifestBody: true
      },
      {
        key: 'ghcr.io/acme/app:1',
        registry: 'mirror.local:5000',
        repository: 'acme/app',
        tag: '1',
        currentDigests: [],
        needsManifestBody: true
      }
    ])
  })
})

describe('firstLook', () => {
  it('is a GET by tag for a site without a pin, a HEAD by tag carrying the pin otherwise', () => {
    expect(firstLook(site('node:20'), {})).toMatchObject({
      currentDigests: [],
      needsManifestBody: true
    })
    expect(firstLook(site(`node:20@${OLD}`), {})).toMatchObject({
      currentDigests: [OLD],
      needsManifestBody: false
    })
  })
})

describe('secondLook', () => {
  const key = 'docker.io/library/node:20'

  it('is needed only for stale pins the first look did not cover, and carries the first answer', () => {
    const [all] = buildRequests(
      [site('node:20'), site(`node:20@${OLD}`), site(`node:20@${INDEX}`)],
      {}
    )
    const asked = firstLook(site('node:20'), {})
    if (all === undefined || asked === undefined) throw new Error('no request')
    const first = resolved(key)

    expect(secondLook(all, asked, first)).toEqual({
      ...all,
      currentDigests: [OLD],
      needsManifestBody: false,
      after: first
    })
  })

  it('is not needed when the first look covered the stale pin, or nothing is stale', () => {
    const [stale] = buildRequests([site(`node:20@${OLD}`)], {})
    const [fresh] = buildRequests([site(`node:20@${INDEX}`)], {})
    const askedStale = firstLook(site(`node:20@${OLD}`), {})
    const askedFresh = firstLook(site(`node:20@${INDEX}`), {})
    if (!stale || !fresh || !askedStale || !askedFresh) throw new Error('none')

    expect(secondLook(stale, askedStale, resolved(key))).toBeUndefined()
    expect(secondLook(fresh, askedFresh, resolved(key))).toBeUndefined()
  })

  it('is not needed after a failed first look', () => {
    const [stale] = buildRequests(
      [site(`node:20@${OLD}`), site(`node:20@${OTHER}`)],
      {}
    )
    const asked = firstLook(site(`node:20@${OLD}`), {})
    if (stale === undefined || asked === undefined) throw new Error('none')

    expect(
      secondLook(stale, asked, {
        kind: 'failed',
        key,
        failure: { code: 'NETWORK', message: 'down', hint: 'retry' }
      })
    ).toBeUndefined()
  })
})
