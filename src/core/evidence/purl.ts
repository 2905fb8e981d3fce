/**
 * Package URLs as SBOMs write them (package-url/purl-spec PURL-SPECIFICATION
 * "How to parse a purl string in its components"; EVIDENCE.md §2.2):
 * `pkg:type/namespace/name@version?qualifiers#subpath`, each component
 * percent-decoded (`%2B` in Debian versions, `%3A` for an epoch, `%2F` in
 * a qualifier value). Qualifier keys are lowercased; empty values dropped.
 * Names are kept as written (Debian and Alpine names are lowercase anyway).
 */
export interface Purl {
  /** Lowercased: apk, deb, rpm, alpine (old syft), docker, generic, … */
  readonly type: string
  /** Segments joined by "/": alpine, debian, ubuntu, wolfi, … */
  readonly namespace?: string
  readonly name: string
  readonly version?: string
  readonly qualifiers: Readonly<Record<string, string>>
  readonly subpath?: string
}

/** The parsed purl, or undefined when `text` is not one (no `pkg:`, no name, bad escapes). */
export function parsePurl(text: string): Purl | undefined {
  const scheme = /^pkg:\/*/i.exec(text.trim())
  if (scheme === null) return undefined
  const [rest, subpathText] = splitLast(
    text.trim().slice(scheme[0].length),
    '#'
  )
  const [withoutQualifiers, qualifierText] = splitLast(rest, '?')
  const qualifiers = parseQualifiers(qualifierText)
  const [path, versionText] = splitLast(
    withoutQualifiers.replace(/\/+$/, ''),
    '@'
  )
  const segments = path.split('/').filter(segment => segment !== '')
  const type = segments.shift()?.toLowerCase()
  const name = decode(segments.pop() ?? '')
  const namespace = decodeSegments(segments)
  const version = decode(versionText ?? '')
  const subpath = decodeSegments(
    (subpathText ?? '')
      .split('/')
      .filter(part => part !== '' && part !== '.' && part !== '..')
  )
  if (
    type === undefined ||
    qualifiers === undefined ||
    name === undefined ||
    name === '' ||
    namespace === undefined ||
    version === undefined ||
    subpath === undefined
  )
    return undefined
  return {
    type,
    ...(namespace === '' ? {} : { namespace }),
    name,
    ...(version === '' ? {} : { version }),
    qualifiers,
    ...(subpath === '' ? {} : { subpath })
  }
}

/** [before, after] at the last `separator`, or [text, undefined]. */
function splitLast(
  text: string,
  separator: string
): [string, string | undefined] {
  const at = text.lastIndexOf(separator)
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)]
}

function parseQualifiers(
  text: string | undefined
): Readonly<Record<string, string>> | undefined {
  const qualifiers: Record<string, string> = {}
  if (text === undefined) return qualifiers
  for (const pair of text.split('&')) {
    const equals = pair.indexOf('=')
    if (equals <= 0) continue
    const key = pair.slice(0, equals).toLowerCase()
    const value = decode(pair.slice(equals + 1))
    if (value === undefined) return undefined
    if (value !== '') qualifiers[key] = value
  }
  return qualifiers
}

/** Percent-decoding; `+` stays `+` (a purl is not form-encoded). */
function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text)
  } catch {
    return undefined
  }
}

/** Decoded segments joined by "/", or undefined when one is badly escaped. */
function decodeSegments(segments: readonly string[]): string | undefined {
  const parts = segments.map(decode)
  return parts.includes(undefined) ? undefined : parts.join('/')
}
