/**
 * One image scalar → one ImageSite with the exact span to rewrite
 * (YAML.md §5.2): a plain or quoted scalar whose bytes between the quotes
 * are exactly its value. Block scalars, escapes and values folded over
 * several lines are skipped with the reason: rewriting them exactly is not
 * possible by splicing. An alias is reported where it is used, with the
 * span of its anchor, so the anchored scalar is edited once.
 */
import type { Document } from 'yaml'
import { isAlias, isScalar, Scalar } from 'yaml'
import { parseImageRef } from '../image-ref.js'
import type { ImageSite, SiteSource, SkipCode } from '../image-site.js'
import type { YamlFile } from './document.js'
import { resolved } from './document.js'

/** How `$` in a value is read, per file format. */
export type Variables = 'compose' | 'gitlab' | 'github' | 'none'

export interface ScalarPlace {
  readonly source: SiteSource
  /** e.g. `services.web.image`, `spec.template.spec.containers[0].image`. */
  readonly yamlPath: string
  readonly variables: Variables
  /** Text the value starts with that is not part of the image (`docker://`). */
  readonly prefix?: string
  /**
   * The image the value stands for, when the scalar is only part of it: a
   * Helm or kustomize tag field (`repository:` + value). The pin goes into
   * the scalar. Absent = the value is the image.
   */
  readonly imageOf?: (value: string) => string
  /** The platform the place runs the image on (Compose `platform:`), literal only. */
  readonly platform?: string
}

/** The reason every YAML place gives for a `# freshbase: ignore` line. */
export const IGNORED =
  'Marked "# freshbase: ignore" on the line or in the comment above it.'
const digestOnly = (path: string): string =>
  `${path} has no tag to track; add the tag you want to follow, e.g. image:tag@sha256:….`

export function scalarSite(
  yaml: YamlFile,
  document: Document.Parsed,
  node: unknown,
  place: ScalarPlace
): ImageSite {
  const target = resolved(document, node)
  const useRange = (isAlias(node) ? node.range : target?.range) ?? [0, 0, 0]
  const base: ImageSite = {
    file: yaml.file,
    kind: yaml.kind,
    yamlPath: place.yamlPath,
    line: yaml.lineAt(useRange[0]),
    source: place.source,
    image: '',
    ...(place.platform === undefined ? {} : { platform: place.platform })
  }
  if (isScalar(target) && (target.value === null || target.value === ''))
    return skip(
      base,
      'invalid',
      `${place.yamlPath} has no value; write the image there, or remove the key.`
    )
  if (!isScalar(target) || typeof target.value !== 'string') {
    const shown = isScalar(target) ? String(target.value) : 'not a string'
    return skip(
      { ...base, image: shown },
      'invalid',
      `${place.yamlPath} is not an image name (${shown}).`
    )
  }
  const value = target.value
  if (
    yaml.ignoredAt(base.line) ||
    yaml.ignoredAt(yaml.lineAt(target.range?.[0] ?? 0))
  )
    return skip({ ...base, image: imageOf(place, value) }, 'ignored', IGNORED)
  const inner = innerRange(yaml.text, target)
  if (inner === undefined)
    return skip(
      { ...base, image: imageOf(place, value) },
      'unsupported',
      unsupported(target, place)
    )
  return valueSite(yaml, base, value, inner.start, place)
}

function valueSite(
  yaml: YamlFile,
  base: ImageSite,
  value: string,
  start: number,
  place: ScalarPlace
): ImageSite {
  const prefix = place.prefix ?? ''
  if (!value.startsWith(prefix))
    return skip(
      { ...base, image: value },
      'invalid',
      `${place.yamlPath} does not start with "${prefix}".`
    )
  const body = value.slice(prefix.length)
  const variable = readVariables(body, place)
  if (!variable.ok)
    return skip(
      { ...base, image: imageOf(place, body) },
      'variable',
      variable.reason
    )
  const image = imageOf(place, variable.text)
  const parsed = parseImageRef(image)
  if (!parsed.ok)
    return skip(
      { ...base, image },
      'invalid',
      sentence(`${place.yamlPath} holds an ${parsed.error}`)
    )
  const withRef: ImageSite = { ...base, image, ref: parsed.ref }
  const digest = parsed.ref.digest
  if (parsed.ref.tag === undefined && digest !== undefined)
    return skip(withRef, 'digest-only', digestOnly(place.yamlPath))
  const spanStart = start + prefix.length + variable.offset
  const spanText = variable.text
  if (digest !== undefined && !spanText.endsWith(`@${digest}`))
    return skip(
      withRef,
      'unsupported',
      `${place.yamlPath}: the digest is not at the end of the value; write it as name:tag@sha256:….`
    )
  return {
    ...withRef,
    span: { start: spanStart, end: spanStart + spanText.length },
    spanText,
    spanPrefixLength:
      digest === undefined
        ? spanText.length
        : spanText.length - digest.length - 1,
    spanLine: yaml.lineAt(spanStart)
  }
}

function imageOf(place: ScalarPlace, text: string): string {
  return place.imageOf === undefined ? text : place.imageOf(text)
}

type VariableReading =
  | { readonly ok: true; readonly text: string; readonly offset: number }
  | { readonly ok: false; readonly reason: string }

/** A Compose `${VAR:-default}` (or `${VAR-default}`) that is the whole value (YAML.md §1.3). */
const COMPOSE_DEFAULT = /^\$\{([_a-zA-Z][_a-zA-Z0-9]*):?-([^${}]+)\}$/

function readVariables(text: string, place: ScalarPlace): VariableReading {
  if (place.variables === 'github' && text.includes('${{')) {
    return {
      ok: false,
      reason: `${place.yamlPath} uses a GitHub expression (\${{ … }}), which is only known when the workflow runs; write the image literally to let Freshbase pin it.`
    }
  }
  if (!text.includes('$')) return { ok: true, text, offset: 0 }
  if (place.variables === 'compose') {
    const whole = COMPOSE_DEFAULT.exec(text)
    const name = whole?.[1]
    const fallback = whole?.[2]
    if (name !== undefined && fallback !== undefined) {
      return {
        ok: true,
        text: fallback,
        offset: text.indexOf(fallback, name.length + 2)
      }
    }
    return {
      ok: false,
      reason: `${place.yamlPath} uses a variable ("${text}"), which Compose fills in when it runs; write the whole value as \${VAR:-image:tag} to let Freshbase pin the default, or pin the image where the variable is set.`
    }
  }
  if (place.variables === 'gitlab') {
    return {
      ok: false,
      reason: `${place.yamlPath} uses a CI/CD variable ("${text}"), which GitLab fills in when the job runs; write the image literally to let Freshbase pin it, or pin it where the variable is set.`
    }
  }
  if (place.variables === 'github') return { ok: true, text, offset: 0 }
  return { ok: true, text, offset: 0 }
}

/** The offsets of the value's characters in the text, when they are exactly its value. */
function innerRange(
  text: string,
  scalar: Scalar
): { start: number; end: number } | undefined {
  const range = scalar.range
  if (range === undefined || range === null) return undefined
  const [start, end] = range
  const value = String(scalar.value)
  switch (scalar.type) {
    case Scalar.PLAIN:
      return text.slice(start, end) === value ? { start, end } : undefined
    case Scalar.QUOTE_SINGLE:
    case Scalar.QUOTE_DOUBLE:
      return text.slice(start + 1, end - 1) === value
        ? { start: start + 1, end: end - 1 }
        : undefined
    default:
      return undefined
  }
}

function unsupported(scalar: Scalar, place: ScalarPlace): string {
  if (
    scalar.type === Scalar.BLOCK_FOLDED ||
    scalar.type === Scalar.BLOCK_LITERAL
  )
    return `${place.yamlPath} is written as a block scalar (> or |); write the image on one line, plain or quoted, to let Freshbase pin it.`
  return `${place.yamlPath} is written with escapes or over several lines; write the image on one line without escapes to let Freshbase pin it.`
}

export function skip(
  site: ImageSite,
  code: SkipCode,
  message: string
): ImageSite {
  return { ...site, skip: { code, message } }
}

/** A sentence that starts with the yamlPath as written (not capitalized), with its final period. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`
}
