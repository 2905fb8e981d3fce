/**
 * Global ARG expansion the way BuildKit does it for `FROM` (FACTS.md §5.4),
 * keeping for every piece of the result the part of the text that produced
 * it, so the digest can later be placed in that text.
 */
import type { ArgDecl, Args } from './args.js'
import type { Part, VariablePart, Word } from './words.js'

/**
 * BuildKit's automatic platform ARGs are global and set per build platform
 * (FACTS.md §5.4): an image that depends on them has no single digest.
 */
const PLATFORM_ARGS = new Set([
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT'
])

export interface Expansion {
  readonly text: string
  readonly pieces: readonly Piece[]
}

/** A part of a word and where its expansion lies in `Expansion.text`. */
export interface Piece {
  readonly part: Part
  readonly from: number
  readonly to: number
  /** For a variable: the word it expanded to, and the ARG it came from unless it was the `:-` default. */
  readonly inner?: Expansion
  readonly decl?: ArgDecl
}

export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string }

export function fail<T>(reason: string): Result<T> {
  return { ok: false, reason }
}

/**
 * Expands `word` as seen from global declaration `order` (Infinity: from a
 * FROM line). `whole`: the word is all of the reference, not a part of it.
 */
export function expandWord(
  args: Args,
  word: Word,
  order: number,
  whole = true
): Result<Expansion> {
  let text = ''
  const pieces: Piece[] = []
  for (const part of word.parts) {
    if (part.kind === 'literal') {
      pieces.push({
        part,
        from: text.length,
        to: text.length + part.text.length
      })
      text += part.text
      continue
    }
    const alone = whole && word.parts.length === 1
    const resolved = resolveVariable(args, part, order, alone)
    if (!resolved.ok) return resolved
    const { inner, decl } = resolved.value
    pieces.push({
      part,
      from: text.length,
      to: text.length + inner.text.length,
      inner,
      ...(decl === undefined ? {} : { decl })
    })
    text += inner.text
  }
  return { ok: true, value: { text, pieces } }
}

function resolveVariable(
  args: Args,
  part: VariablePart,
  order: number,
  whole: boolean
): Result<{ inner: Expansion; decl?: ArgDecl }> {
  const { name, operator } = part
  if (PLATFORM_ARGS.has(name)) {
    return fail(
      `the image depends on ${name}, which BuildKit sets per target platform, so no single digest can pin it; use one multi-platform tag instead`
    )
  }
  if (operator !== '' && operator !== ':-' && operator !== '-') {
    return fail(
      `\${${name}${operator}…} is not supported for pinning; only $${name}, \${${name}} and \${${name}:-default} are. Put the whole image in one ARG with a default value`
    )
  }
  const decl = args.lookup(name, order)
  if (decl?.value !== undefined) {
    const value = expandWord(args, decl.value, decl.order, whole)
    if (!value.ok) return value
    if (value.value.text !== '' || operator !== ':-') {
      return { ok: true, value: { inner: value.value, decl } }
    }
  }
  if (part.fallback === undefined) return fail(noValue(args, name, decl, whole))
  if (decl !== undefined && decl.value === undefined && operator === '-') {
    return fail(
      `ARG ${name} is declared without a value, and whether \${${name}-…} then uses its default differs between BuildKit versions; write \${${name}:-…} or give ARG ${name} a default value`
    )
  }
  const fallback = expandWord(args, part.fallback, order, whole)
  return fallback.ok ? { ok: true, value: { inner: fallback.value } } : fallback
}

function noValue(
  args: Args,
  name: string,
  decl: ArgDecl | undefined,
  whole: boolean
): string {
  if (decl !== undefined) {
    // A variable that is only part of the reference (a tag, a registry)
    // takes that part as its default, not a whole image.
    const example = whole
      ? `one (ARG ${name}=image:tag)`
      : `the value you build with as its default (ARG ${name}=…)`
    return `ARG ${name} has no default value, so the image is only known at build time; give it ${example} to pin it`
  }
  const staged = args.staged.get(name)
  if (staged !== undefined) {
    return `ARG ${name} is declared inside a stage (line ${staged + 1}), where FROM cannot see it; declare it with a default value above the first FROM to pin this image`
  }
  return `ARG ${name} is not declared above the first FROM, so it expands to nothing; declare it there with a default value to pin this image`
}
