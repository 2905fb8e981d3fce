import { describe, expect, it } from 'vitest'
import {
  BASE_DIGEST,
  BASE_NAME,
  baseFromAnnotations
} from '../../../src/core/behind/annotations-base.js'
import { baseRefOf } from '../../../src/core/behind/base-ref.js'
import type { BaseRef } from '../../../src/core/behind/base-ref.js'

const A = `sha256:${'a'.repeat(64)}`
const B = `sha256:${'b'.repeat(64)}`

function ref(text: string): BaseRef {
  const parsed = baseRefOf(text)
  if (parsed === undefined) throw new Error(text)
  return parsed
}

describe('baseFromAnnotations', () => {
  it('looks in the manifest, the descriptor, the index, then the config labels', () => {
    const all = {
      manifest: { [BASE_DIGEST]: A },
      descriptor: { [BASE_DIGEST]: B },
      index: { [BASE_DIGEST]: B },
      config: { [BASE_DIGEST]: B }
    }
    const base = ref('alpine:3.21')
    expect(baseFromAnnotations(all, base)).toEqual({
      kind: 'found',
      digest: A,
      where: 'manifest'
    })
    expect(baseFromAnnotations({ ...all, manifest: {} }, base)).toMatchObject({
      where: 'descriptor',
      digest: B
    })
    expect(
      baseFromAnnotations(
        { index: { [BASE_DIGEST]: A }, config: { [BASE_DIGEST]: B } },
        base
      )
    ).toMatchObject({ where: 'index', digest: A })
    expect(
      baseFromAnnotations({ config: { [BASE_DIGEST]: B } }, base)
    ).toMatchObject({ where: 'config', digest: B })
  })

  it('accepts base.name in every spelling of the Dockerfile base', () => {
    for (const name of [
      'alpine:3.21',
      'docker.io/library/alpine:3.21',
      'index.docker.io/library/alpine:3.21',
      'alpine'
    ]) {
      expect(
        baseFromAnnotations(
          { manifest: { [BASE_NAME]: name, [BASE_DIGEST]: A } },
          ref('alpine:3.21')
        )
      ).toMatchObject({ kind: 'found', name })
    }
  })

  it('cannot answer for another repository, saying so', () => {
    const found = baseFromAnnotations(
      { index: { [BASE_NAME]: 'debian:12', [BASE_DIGEST]: A } },
      ref('alpine:3.21')
    )
    expect(found).toEqual({
      kind: 'none',
      why: `its index annotation ${BASE_NAME} is debian:12, not alpine the Dockerfile's base: the image was built from another base (or another Dockerfile)`
    })
  })

  it('says what is wrong with a bad digest, and when nothing is recorded', () => {
    expect(
      baseFromAnnotations(
        { config: { [BASE_DIGEST]: 'latest' } },
        ref('alpine')
      )
    ).toEqual({
      kind: 'none',
      why: `its config label ${BASE_DIGEST} "latest" is not a digest (sha256:<64 hex>)`
    })
    expect(
      baseFromAnnotations(
        { manifest: { [BASE_NAME]: 'alpine:3.21' } },
        ref('alpine')
      )
    ).toEqual({
      kind: 'none',
      why: `it has no ${BASE_DIGEST} annotation or label`
    })
  })
})
