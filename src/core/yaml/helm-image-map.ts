/**
 * A Helm values image mapping (helm-values.ts): `{registry?, repository,
 * tag}` gives one site at `tag`, image `registry/repository:tag`; every
 * other shape near it is skipped with the reason and how to make it
 * pinnable. Returns undefined for a mapping that is no image shape at all
 * (the walk then looks inside it: `image: {image: nginx:1.27}` is a string
 * image one level down).
 */
import type { Document, YAMLMap } from 'yaml'
import type { ImageSite } from '../image-site.js'
import type { YamlFile } from './document.js'
import { mapGet, mapGetRaw, resolved } from './document.js'
import type { FieldPlace } from './image-field.js'
import {
  isSet,
  literalImageSite,
  numberTagSkip,
  skippedField,
  textOf
} from './image-field.js'

interface ImageMap {
  readonly yaml: YamlFile
  readonly document: Document.Parsed
  readonly map: YAMLMap
  readonly path: string
}

export function imageMapSites(
  yaml: YamlFile,
  document: Document.Parsed,
  map: YAMLMap,
  path: string
): ImageSite[] | undefined {
  const m: ImageMap = { yaml, document, map, path }
  const repository = textOf(document, mapGet(document, map, 'repository'))
  if (repository === undefined) return withoutRepository(m)
  const registry = textOf(document, mapGet(document, map, 'registry'))
  const name = registry === undefined ? repository : `${registry}/${repository}`
  const imageOf = (tag: string): string => `${name}:${tag}`
  const tag = mapGetRaw(document, map, 'tag')
  const digest = mapGetRaw(document, map, 'digest')
  if (isSet(document, digest)) {
    const shown = textOf(document, digest) ?? ''
    const tagText = textOf(document, tag)
    return [
      skipAt(
        m,
        digest,
        'digest',
        `${tagText === undefined ? name : imageOf(tagText)}@${shown}`,
        `${path} has a separate digest: key, which charts read in their own way (many use it instead of the tag); put the digest in tag as tag@sha256:… or remove digest: to let Freshbase pin it.`
      )
    ]
  }
  if (!isSet(document, tag)) {
    const version = mapGetRaw(document, map, 'version')
    if (isSet(document, version)) {
      const text = textOf(document, version) ?? ''
      return [
        skipAt(
          m,
          version,
          'version',
          imageOf(text),
          `${path} names its tag in version:, which Freshbase does not read as the tag; pin it by hand, or write it as tag: if the chart reads that, to let Freshbase pin it.`
        )
      ]
    }
    return [
      skipAt(
        m,
        tag ?? mapGetRaw(document, map, 'repository'),
        'tag',
        name,
        `${path}.tag is empty, so the chart fills in its own default (often its appVersion); write the tag you run, e.g. tag: "1.2.3", to let Freshbase pin it.`
      )
    ]
  }
  const place: FieldPlace = { source: 'helm-values', yamlPath: `${path}.tag` }
  const number = numberTagSkip(yaml, document, tag, place, imageOf)
  if (number !== undefined) return [number]
  return [literalImageSite(yaml, document, tag, { ...place, imageOf }, 'Helm')]
}

/** `{image: name, tag}` (nested image.image) or `{tag}` alone: skipped; anything else is no image map. */
function withoutRepository(m: ImageMap): ImageSite[] | undefined {
  const { document, map, path } = m
  const tag =
    mapGetRaw(document, map, 'tag') ?? mapGetRaw(document, map, 'version')
  if (!isSet(document, tag)) return undefined
  const tagText = textOf(document, tag) ?? written(m, tag)
  const inner = mapGetRaw(document, map, 'image')
  const innerName = textOf(document, inner)
  if (innerName !== undefined) {
    return [
      skipAt(
        m,
        inner,
        'image',
        `${innerName}:${tagText}`,
        `${path}.image names the image and its tag is beside it, a shape only the chart's templates know how to join; Freshbase pins {registry?, repository, tag} mappings or a whole image:tag string, so write one of those if the chart reads it, or pin it by hand.`
      )
    ]
  }
  return [
    skipAt(
      m,
      tag,
      'tag',
      tagText,
      `${path} sets a tag with no repository: beside it (an override of an image named elsewhere), so Freshbase cannot tell which image it tags; write repository: beside it to let Freshbase pin it.`
    )
  ]
}

/** A scalar as written in the file (a number tag keeps its spelling). */
function written(m: ImageMap, node: unknown): string {
  const range = resolved(m.document, node)?.range
  return range === undefined || range === null
    ? ''
    : m.yaml.text.slice(range[0], range[1])
}

function skipAt(
  m: ImageMap,
  node: unknown,
  field: string,
  image: string,
  message: string
): ImageSite {
  return skippedField(
    m.yaml,
    m.document,
    node,
    { source: 'helm-values', yamlPath: `${m.path}.${field}` },
    image,
    { code: 'unsupported', message }
  )
}
