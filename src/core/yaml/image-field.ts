/**
 * What the Kubernetes, kustomize and Helm values scanners share: an image
 * scalar read where nothing expands variables (a `$` is then a placeholder
 * some other tool fills in, said as such), a skipped field that is not a
 * pinnable scalar (it still honours `# freshbase: ignore`), and the tag
 * field YAML reads as a number.
 */
import type { Document } from 'yaml'
import { isAlias, isScalar } from 'yaml'
import type { ImageSite, SkipCode } from '../image-site.js'
import type { YamlFile } from './document.js'
import { resolved } from './document.js'
import type { ScalarPlace } from './scalar.js'
import { IGNORED, scalarSite, skip } from './scalar.js'

/**
 * The site of an image scalar in a format that expands no variables
 * (`variables: 'none'`). `reader` names what reads the value ("Kubernetes",
 * "Helm"), for the sentence about a `$` in it.
 */
export function literalImageSite(
  yaml: YamlFile,
  document: Document.Parsed,
  node: unknown,
  place: Omit<ScalarPlace, 'variables'>,
  reader: string
): ImageSite {
  const site = scalarSite(yaml, document, node, {
    ...place,
    variables: 'none'
  })
  if (site.skip?.code !== 'invalid' || !site.image.includes('$')) return site
  return skip(
    site,
    'variable',
    `${place.yamlPath} holds a placeholder ("${site.image}"), which ${reader} does not expand in an image; some other tool (envsubst, a CI step) fills it in before use. Write the image literally to let Freshbase pin it, or pin it where the value comes from.`
  )
}

export interface FieldPlace {
  readonly source: ImageSite['source']
  readonly yamlPath: string
}

/**
 * A skipped site at `node` (its alias's line when it is one), for a value
 * that cannot be pinned where it is written; `# freshbase: ignore` wins.
 */
export function skippedField(
  yaml: YamlFile,
  document: Document.Parsed,
  node: unknown,
  place: FieldPlace,
  image: string,
  reason: { readonly code: SkipCode; readonly message: string }
): ImageSite {
  const target = resolved(document, node)
  const range = isAlias(node) ? node.range : target?.range
  const line = yaml.lineAt(range?.[0] ?? 0)
  const site: ImageSite = {
    file: yaml.file,
    kind: yaml.kind,
    yamlPath: place.yamlPath,
    line,
    source: place.source,
    image
  }
  if (yaml.ignoredAt(line)) return skip(site, 'ignored', IGNORED)
  return skip(site, reason.code, reason.message)
}

/** The scalar's value when it is a non-empty string. */
export function textOf(
  document: Document.Parsed,
  node: unknown
): string | undefined {
  const value = resolved(document, node)
  return isScalar(value) &&
    typeof value.value === 'string' &&
    value.value !== ''
    ? value.value
    : undefined
}

/** Whether a field holds something: not absent, not `null`, not `""`. */
export function isSet(document: Document.Parsed, node: unknown): boolean {
  const value = resolved(document, node)
  if (value === undefined) return false
  if (!isScalar(value)) return true
  return value.value !== null && value.value !== ''
}

/**
 * The tag field as written when YAML reads it as a number (`tag: 1.25`,
 * `tag: 1.10` is the number 1.1): Helm and kustomize then see a number, and
 * writing `1.25@sha256:…` would turn it into a string that no longer says
 * what the file meant. Such a tag is skipped: "quote the tag".
 */
export function numberTagSkip(
  yaml: YamlFile,
  document: Document.Parsed,
  node: unknown,
  place: FieldPlace,
  imageOf: (tag: string) => string
): ImageSite | undefined {
  const value = resolved(document, node)
  if (!isScalar(value) || typeof value.value !== 'number') return undefined
  const [start, end] = value.range ?? [0, 0]
  const written = yaml.text.slice(start, end)
  const key = place.yamlPath.slice(place.yamlPath.lastIndexOf('.') + 1)
  return skippedField(yaml, document, node, place, imageOf(written), {
    code: 'unsupported',
    message: `${place.yamlPath} is written ${written}, which YAML reads as the number ${String(value.value)}, not a tag; quote it (${key}: "${written}") to let Freshbase pin it.`
  })
}
