import { describe, expect, it } from 'vitest'
import { baseRefOf } from '../../../src/core/behind/base-ref.js'
import type { BaseRef } from '../../../src/core/behind/base-ref.js'
import {
  imageMaterials,
  pickBaseMaterial
} from '../../../src/core/behind/provenance-base.js'

const V02 = 'https://slsa.dev/provenance/v0.2'
const V1 = 'https://slsa.dev/provenance/v1'
const AMD64 = { os: 'linux', architecture: 'amd64' }
const hex = (c: string): string => c.repeat(64)

function ref(text: string): BaseRef {
  const parsed = baseRefOf(text)
  if (parsed === undefined) throw new Error(text)
  return parsed
}

function material(
  uri: string,
  c: string
): { uri: string; digest: { sha256: string } } {
  return { uri, digest: { sha256: hex(c) } }
}

/** What BuildKit lists for `FROM --platform=$BUILDPLATFORM golang AS build` + `FROM alpine:3.21`. */
const listed = [
  material('pkg:docker/docker/dockerfile@1?platform=linux%2Famd64', 'd'),
  material('pkg:docker/golang@1.22?platform=linux%2Farm64', 'e'),
  material('pkg:docker/alpine@3.21?platform=linux%2Farm64', 'b'),
  material('pkg:docker/alpine@3.21?platform=linux%2Famd64', 'a'),
  { uri: 'https://github.com/acme/app.git#abc', digest: { sha1: 'abc' } }
]

describe('imageMaterials', () => {
  it('reads SLSA v0.2 materials and v1 resolvedDependencies alike, docker purls only', () => {
    const v02 = imageMaterials(V02, { materials: listed })
    const v1 = imageMaterials(V1, {
      buildDefinition: { resolvedDependencies: listed }
    })
    expect(v02).toEqual(v1)
    expect(v02.map(m => [m.ref.registry, m.ref.repository, m.ref.tag])).toEqual(
      [
        ['docker.io', 'docker/dockerfile', '1'],
        ['docker.io', 'library/golang', '1.22'],
        ['docker.io', 'library/alpine', '3.21'],
        ['docker.io', 'library/alpine', '3.21']
      ]
    )
    expect(v02[3]).toMatchObject({
      platform: AMD64,
      digest: `sha256:${hex('a')}`
    })
  })

  it('normalizes a registry host in the purl name and keeps a digest-only material untagged', () => {
    const found = imageMaterials(V02, {
      materials: [
        material('pkg:docker/ghcr.io/acme/base@1?platform=linux%2Famd64', 'c'),
        material(
          `pkg:docker/localhost:5000/base?digest=sha256:${hex('f')}`,
          'f'
        ),
        material(`pkg:docker/alpine@sha256:${hex('f')}`, 'f'),
        material(
          `pkg:docker/alpine@3.21?digest=sha256:${hex('f')}&platform=linux%2Farm64%2Fv8`,
          'f'
        )
      ]
    })
    expect(found).toHaveLength(4)
    expect(found[2]?.ref).toMatchObject({ repository: 'library/alpine' })
    expect(found[2]?.ref.tag).toBeUndefined()
    expect(found[3]?.ref.tag).toBe('3.21')
    expect(found[3]?.platform).toEqual({
      os: 'linux',
      architecture: 'arm64',
      variant: 'v8'
    })
    expect(found[0]?.ref).toMatchObject({
      registry: 'ghcr.io',
      repository: 'acme/base',
      tag: '1'
    })
    expect(found[1]?.ref).toMatchObject({
      registry: 'localhost:5000',
      repository: 'base'
    })
    expect(found[1]?.ref.tag).toBeUndefined()
  })

  it('is empty for another predicate or a malformed one', () => {
    expect(
      imageMaterials('https://spdx.dev/Document', { materials: listed })
    ).toEqual([])
    expect(imageMaterials(V02, { materials: 'x' })).toEqual([])
    expect(
      imageMaterials(V02, {
        materials: [{ uri: 'pkg:docker/alpine@3', digest: { sha256: 'zz' } }]
      })
    ).toEqual([])
  })
})

describe('pickBaseMaterial', () => {
  const materials = imageMaterials(V02, { materials: listed })

  it('picks the final base by repository, tag and platform, in any spelling of the base', () => {
    for (const base of [
      'alpine:3.21',
      'docker.io/library/alpine:3.21',
      'index.docker.io/library/alpine:3.21'
    ]) {
      const pick = pickBaseMaterial(materials, ref(base), AMD64)
      expect(pick).toMatchObject({
        kind: 'found',
        material: { digest: `sha256:${hex('a')}` }
      })
    }
    const arm = pickBaseMaterial(materials, ref('alpine:3.21'), {
      os: 'linux',
      architecture: 'arm64',
      variant: 'v8'
    })
    expect(arm).toMatchObject({
      kind: 'found',
      material: { digest: `sha256:${hex('b')}` }
    })
  })

  it('takes a material with no platform qualifier when none names the platform', () => {
    const plain = imageMaterials(V02, {
      materials: [material('pkg:docker/alpine@3.21', '9')]
    })
    expect(pickBaseMaterial(plain, ref('alpine:3.21'), AMD64)).toMatchObject({
      kind: 'found'
    })
  })

  it('says why when the base is not listed, listed under another tag, or only for other platforms', () => {
    expect(pickBaseMaterial(materials, ref('debian:12'), AMD64)).toEqual({
      kind: 'none',
      why: 'its provenance lists no image from debian (it lists docker/dockerfile:1 (linux/amd64), golang:1.22 (linux/arm64), alpine:3.21 (linux/arm64), alpine:3.21 (linux/amd64))'
    })
    expect(
      pickBaseMaterial(materials, ref('alpine:3.22'), AMD64)
    ).toMatchObject({
      kind: 'none',
      why: expect.stringContaining(
        'not the tag 3.22 the Dockerfile names now'
      ) as string
    })
    expect(
      pickBaseMaterial(materials, ref('golang:1.22'), AMD64)
    ).toMatchObject({
      kind: 'none',
      why: 'its provenance lists golang:1.22 (linux/arm64) only for other platforms than linux/amd64'
    })
  })

  it('matches a Dockerfile base pinned by digest only to any tag of its repository', () => {
    const pinned = ref(`alpine@sha256:${hex('0')}`)
    expect(pickBaseMaterial(materials, pinned, AMD64)).toMatchObject({
      kind: 'found'
    })
  })
})
