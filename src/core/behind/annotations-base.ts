/**
 * The base recorded as `org.opencontainers.image.base.digest` / `.base.name`
 * (image-spec annotations.md; CHAINS.md §B2.1–B2.4): looked for in the
 * platform manifest's annotations (ko, Docker Official Images, buildah),
 * the index descriptor's (DOI), the index's (ko), then the config labels
 * (a user's LABEL or build-push-action `labels:`). The first place with a
 * valid digest answers. `base.name` comes in every spelling (`alpine:3.21`
 * from DOI, `index.docker.io/library/alpine:3.21` from ko) and is compared
 * by normalized repository with the Dockerfile's base: a different
 * repository means the record is about another base, so it cannot answer.
 * The digest may be an index or a platform manifest digest (builders differ).
 */
import { parseDigest } from '../digest.js'
import type { Digest } from '../digest.js'
import { baseRefOf, repositoryName, sameRepository } from './base-ref.js'
import type { BaseRef } from './base-ref.js'

export const BASE_DIGEST = 'org.opencontainers.image.base.digest'
export const BASE_NAME = 'org.opencontainers.image.base.name'

export type AnnotationPlace = 'manifest' | 'descriptor' | 'index' | 'config'

export interface AnnotationPlaces {
  readonly manifest?: Readonly<Record<string, string>>
  readonly descriptor?: Readonly<Record<string, string>>
  readonly index?: Readonly<Record<string, string>>
  /** Config labels. */
  readonly config?: Readonly<Record<string, string>>
}

const ORDER: readonly AnnotationPlace[] = [
  'manifest',
  'descriptor',
  'index',
  'config'
]

export type AnnotatedBase =
  | {
      readonly kind: 'found'
      readonly digest: Digest
      readonly where: AnnotationPlace
      /** base.name as written, when given. */
      readonly name?: string
    }
  | { readonly kind: 'none'; readonly why: string }

export function baseFromAnnotations(
  places: AnnotationPlaces,
  base: BaseRef
): AnnotatedBase {
  for (const where of ORDER) {
    const values = places[where]
    const digestText = values?.[BASE_DIGEST]
    if (values === undefined || digestText === undefined) continue
    const digest = parseDigest(digestText.trim())
    if (digest === undefined)
      return {
        kind: 'none',
        why: `its ${placeName(where)} ${BASE_DIGEST} "${digestText}" is not a digest (sha256:<64 hex>)`
      }
    const name = values[BASE_NAME]
    const problem = name === undefined ? undefined : nameProblem(name, base)
    if (problem !== undefined)
      return { kind: 'none', why: `its ${placeName(where)} ${problem}` }
    return {
      kind: 'found',
      digest,
      where,
      ...(name === undefined ? {} : { name })
    }
  }
  return {
    kind: 'none',
    why: `it has no ${BASE_DIGEST} annotation or label`
  }
}

function nameProblem(name: string, base: BaseRef): string | undefined {
  const named = baseRefOf(name)
  if (named === undefined)
    return `${BASE_NAME} "${name}" is not an image reference`
  if (sameRepository(named, base)) return undefined
  return (
    `${BASE_NAME} is ${name}, not ${repositoryName(base)} the Dockerfile's ` +
    'base: the image was built from another base (or another Dockerfile)'
  )
}

function placeName(where: AnnotationPlace): string {
  switch (where) {
    case 'manifest':
      return 'manifest annotation'
    case 'descriptor':
      return 'index descriptor annotation'
    case 'index':
      return 'index annotation'
    case 'config':
      return 'config label'
  }
}
