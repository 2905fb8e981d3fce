/**
 * kustomization.yaml `images:` entries `{name, newName?, newTag?, digest?}`
 * (source `kustomize`, YAML.md §2.3), pinned the way kustomize reads them:
 * the image is `(newName ?? name):newTag`, and the pin goes into `newTag`
 * as `tag@sha256:…` (kustomize writes `name:tag@sha256:…` into every
 * workload that names `name`). When `newName` itself carries the tag
 * (`newName: ghcr.io/o/app:1.2`) and there is no `newTag`, the site is the
 * `newName` scalar. Every other shape is skipped with the reason:
 *
 * - `digest` together with `newTag` (or a tagged `newName`): kustomize
 *   ignores the tag when a digest is set; keep one;
 * - `digest` alone: no tag to track (digest-only);
 * - only `name`/`newName`, no tag: the entry renames; the tag is in the
 *   workload, where the Kubernetes scanner pins it;
 * - a `newTag` YAML reads as a number (`newTag: 1.25`): quote it;
 * - a `newTag` that is a digest (`sha256:…`): belongs in `digest:`.
 */
import type { Document } from 'yaml'
import type { ImageSite } from '../image-site.js'
import type { YamlFile } from './document.js'
import { mapGet, mapGetRaw, seqItems } from './document.js'
import type { FieldPlace } from './image-field.js'
import {
  isSet,
  literalImageSite,
  numberTagSkip,
  skippedField,
  textOf
} from './image-field.js'

interface Entry {
  readonly yaml: YamlFile
  readonly document: Document.Parsed
  readonly node: unknown
  readonly path: string
  /** The image the entry changes to, before its tag: newName ?? name. */
  readonly image: string
}

export function scanKustomization(yaml: YamlFile): ImageSite[] {
  const sites: ImageSite[] = []
  for (const document of yaml.documents) {
    const images = mapGet(document, document.contents, 'images')
    for (const [i, node] of seqItems(document, images).entries()) {
      const site = entrySite(yaml, document, node, `images[${i}]`)
      if (site !== undefined) sites.push(site)
    }
  }
  return sites
}

function entrySite(
  yaml: YamlFile,
  document: Document.Parsed,
  node: unknown,
  path: string
): ImageSite | undefined {
  const name = textOf(document, mapGet(document, node, 'name'))
  const newName = textOf(document, mapGet(document, node, 'newName'))
  const place = (field: string): FieldPlace => ({
    source: 'kustomize',
    yamlPath: `${path}.${field}`
  })
  if (name === undefined) {
    return skippedField(yaml, document, node, place('name'), newName ?? '', {
      code: 'invalid',
      message: `${path} has no name:, so kustomize changes no image with it; add the name the workloads use.`
    })
  }
  const entry: Entry = { yaml, document, node, path, image: newName ?? name }
  const newTag = mapGetRaw(document, node, 'newTag')
  const digest = mapGetRaw(document, node, 'digest')
  if (isSet(document, digest)) return digestSite(entry, digest, newTag)
  if (isSet(document, newTag)) return newTagSite(entry, newTag)
  const newNameNode = mapGetRaw(document, node, 'newName')
  if (newName !== undefined && carriesTag(newName)) {
    return literalImageSite(
      yaml,
      document,
      newNameNode,
      place('newName'),
      'kustomize'
    )
  }
  return skippedField(
    yaml,
    document,
    newName === undefined ? mapGetRaw(document, node, 'name') : newNameNode,
    place(newName === undefined ? 'name' : 'newName'),
    entry.image,
    {
      code: 'unsupported',
      message: `${path} (${entry.image}) only renames the image; its tag is in the workloads that use it, where Freshbase pins it. Add newTag: to pin it here instead.`
    }
  )
}

function digestSite(entry: Entry, digest: unknown, newTag: unknown): ImageSite {
  const { yaml, document, path } = entry
  const value = textOf(document, digest) ?? ''
  const place: FieldPlace = { source: 'kustomize', yamlPath: `${path}.digest` }
  const tag = textOf(document, newTag)
  if (isSet(document, newTag) || carriesTag(entry.image)) {
    const image = tag === undefined ? entry.image : `${entry.image}:${tag}`
    return skippedField(yaml, document, digest, place, `${image}@${value}`, {
      code: 'unsupported',
      message: `${path} sets both a tag and digest:, and kustomize ignores the tag when a digest is set; keep one: remove digest: and write newTag: tag@sha256:… to let Freshbase pin the tag you follow.`
    })
  }
  return skippedField(
    yaml,
    document,
    digest,
    place,
    `${entry.image}@${value}`,
    {
      code: 'digest-only',
      message: `${path} sets only digest:, so there is no tag to track; write newTag: tag@sha256:… instead (kustomize then writes name:tag@sha256:…) to let Freshbase follow the tag.`
    }
  )
}

function newTagSite(entry: Entry, newTag: unknown): ImageSite {
  const { yaml, document, path } = entry
  const place: FieldPlace = { source: 'kustomize', yamlPath: `${path}.newTag` }
  const imageOf = (tag: string): string => `${entry.image}:${tag}`
  const number = numberTagSkip(yaml, document, newTag, place, imageOf)
  if (number !== undefined) return number
  const tag = textOf(document, newTag) ?? ''
  if (tag.startsWith('sha256:')) {
    return skippedField(
      yaml,
      document,
      newTag,
      place,
      `${entry.image}@${tag}`,
      {
        code: 'invalid',
        message: `${path}.newTag holds a digest, which kustomize reads as a tag; write newTag: tag@sha256:… (or the digest under digest:) to let Freshbase pin it.`
      }
    )
  }
  return literalImageSite(
    yaml,
    document,
    newTag,
    { ...place, imageOf },
    'kustomize'
  )
}

/** Whether a name carries its own tag or digest (`app:1.2`, `app@sha256:…`, not `host:5000/app`). */
function carriesTag(name: string): boolean {
  return (
    name.includes('@') || name.slice(name.lastIndexOf('/') + 1).includes(':')
  )
}
