/**
 * Helm values files (`values*.yaml`, source `helm-values`, YAML.md §2.4).
 * A chart's templates decide what a value means, so only two shapes are
 * read, under a key named `image` or ending in `image`/`Image` (`initImage`,
 * `sidecarImage`), at any depth (in sequences too):
 *
 * - a whole reference string with a tag (`image: nginx:1.27`), pinned in
 *   place. A string without a tag may be only a repository the chart joins
 *   with a tag from elsewhere: skipped, never pinned to `latest`;
 * - a mapping `{registry?, repository, tag}`: the image is
 *   `registry/repository:tag` and the pin goes into `tag` (`tag:
 *   1.27@sha256:…`, the shape charts pass through as `repository:tag`).
 *
 * Everything else near an image is skipped with its reason (helm-image-map.ts):
 * an empty `tag:` (the chart's default applies; Renovate writes a literal
 * "undefined"), a separate non-empty `digest:` (charts read it their own way,
 * often instead of the tag), `version:` instead of `tag:`, a nested
 * `image: {image: name, tag: …}`, a `tag` without `repository` (an override
 * of a tag named elsewhere), and a tag YAML reads as a number (`tag: 1.25`
 * is the number 1.25, `tag: 1.10` is 1.1: "quote the tag", since writing
 * `1.25@sha256:…` would change what the value is). `pullPolicy` and the
 * other fields are not images. Helm expands no variables in values: a `$`
 * is a placeholder, skipped as `variable`. An aliased image is reported
 * where it is used, with the span of its anchor; the anchored node is not
 * walked twice.
 */
import type { Document } from 'yaml'
import { isAlias, isMap, isScalar, isSeq } from 'yaml'
import type { ImageSite } from '../image-site.js'
import type { YamlFile } from './document.js'
import { resolved } from './document.js'
import { imageMapSites } from './helm-image-map.js'
import { literalImageSite, skippedField } from './image-field.js'

const IMAGE_KEY = /(?:image|Image)$/

export function scanHelmValues(yaml: YamlFile): ImageSite[] {
  const sites: ImageSite[] = []
  for (const document of yaml.documents) {
    walk(yaml, document, document.contents, '', sites)
  }
  return sites
}

function walk(
  yaml: YamlFile,
  document: Document.Parsed,
  node: unknown,
  path: string,
  sites: ImageSite[]
): void {
  // An alias is walked where its anchor is written; only an image key reads through it.
  if (isAlias(node)) return
  if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      walk(yaml, document, item, `${path}[${i}]`, sites)
    }
    return
  }
  if (!isMap(node)) return
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined
    // An inline `<<: {…}` merge adds its keys to this mapping: same path.
    const merge = key === '<<' || typeof key === 'symbol'
    const keyText = typeof key === 'string' ? key : String(key)
    const at = merge ? path : path === '' ? keyText : `${path}.${keyText}`
    if (!merge && typeof key === 'string' && IMAGE_KEY.test(key)) {
      const found = imageSites(yaml, document, pair.value, at)
      if (found !== undefined) {
        sites.push(...found)
        continue
      }
    }
    walk(yaml, document, pair.value, at, sites)
  }
}

/** The sites an image key's value gives, or undefined when it is no image shape (walk on). */
function imageSites(
  yaml: YamlFile,
  document: Document.Parsed,
  node: unknown,
  path: string
): ImageSite[] | undefined {
  const value = resolved(document, node)
  if (isMap(value)) return imageMapSites(yaml, document, value, path)
  if (!isScalar(value) || typeof value.value !== 'string') return undefined
  if (value.value === '') return []
  return [stringSite(yaml, document, node, path)]
}

function stringSite(
  yaml: YamlFile,
  document: Document.Parsed,
  node: unknown,
  yamlPath: string
): ImageSite {
  const site = literalImageSite(
    yaml,
    document,
    node,
    { source: 'helm-values', yamlPath },
    'Helm'
  )
  if (site.skip !== undefined || site.ref?.tag !== undefined) return site
  return skippedField(
    yaml,
    document,
    node,
    { source: 'helm-values', yamlPath },
    site.image,
    {
      code: 'unsupported',
      message: `${yamlPath} (${site.image}) has no tag, and a chart may join it with a tag set elsewhere; write the whole reference with its tag (${site.image}:1.2.3) if the chart reads it whole, or use {repository, tag}, to let Freshbase pin it.`
    }
  )
}
