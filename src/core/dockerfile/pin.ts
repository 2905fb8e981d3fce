/**
 * Where the digest goes: the span of text whose change makes the build see
 * `name:tag@digest`, and every ARG value that change would affect.
 */
import type { ArgDecl } from './args.js'
import { fail } from './expand.js'
import type { Expansion, Piece, Result } from './expand.js'
import type { LiteralPart, VariablePart } from './words.js'

export interface PinTarget {
  readonly start: number
  readonly end: number
  /** The ARG whose value holds the span. */
  readonly arg?: ArgDecl
  /** Every ARG whose value the digest changes (the target's ARG and those that reference it on the way). */
  readonly chain: readonly ArgDecl[]
  /** The `$` offsets of the references followed to get there. */
  readonly path: readonly number[]
  /** The span holds only an existing digest's bytes (digest-pin.ts), not the end of the reference. */
  readonly digestOnly?: boolean
}

/**
 * The digest is appended at the end of the reference, so it goes into the
 * text that produces the end: the literal tail of the word (span = the whole
 * word as written), or, when the word ends with a variable, that variable's
 * value or `:-` default, recursively. Any other variable must stay out of the
 * tag: a digest would otherwise silently outlive a `--build-arg` that changes
 * the tag. `tagStart` is where the tag begins in this word's expansion.
 */
export function locatePin(
  expansion: Expansion,
  tagStart: number,
  from?: ArgDecl
): Result<PinTarget> {
  const last = expansion.pieces.at(-1)
  if (last === undefined) return fail('the reference is empty')
  const inTag = expansion.pieces.filter(
    p =>
      p !== last &&
      p.part.kind === 'variable' &&
      (p.to > tagStart || (p.from === p.to && p.from > tagStart))
  )
  const names = inTag.map(p => (p.part.kind === 'variable' ? p.part.name : ''))
  if (last.part.kind === 'literal') {
    return literalTail(expansion, last.part, names, from)
  }
  return variableTail(last, last.part, names, tagStart, from)
}

/** The word ends in fixed text: the span is the whole word as written. */
function literalTail(
  expansion: Expansion,
  last: LiteralPart,
  names: readonly string[],
  from: ArgDecl | undefined
): Result<PinTarget> {
  if (names.length > 0) {
    return fail(
      `the tag depends on ARG ${names.join(', ')} but the reference ends in fixed text, so a digest there would silently ignore a --build-arg that changes the tag; put the whole tag in one ARG to pin it`
    )
  }
  const start = expansion.pieces[0]?.part.start ?? last.start
  return {
    ok: true,
    value: {
      start,
      end: last.end,
      ...(from === undefined ? {} : { arg: from }),
      chain: from === undefined ? [] : [from],
      path: []
    }
  }
}

/** The word ends with a variable: the digest goes where that variable's value comes from. */
function variableTail(
  last: Piece,
  part: VariablePart,
  names: readonly string[],
  tagStart: number,
  from: ArgDecl | undefined
): Result<PinTarget> {
  if (names.length > 0) {
    return fail(
      `the tag comes from several ARGs (${[...names, part.name].join(', ')}), and a digest can only follow one of them; put the whole tag in one ARG to pin it`
    )
  }
  if (last.inner === undefined || last.inner.text === '') {
    return fail(
      `the reference ends with $${part.name}, which is empty; move the tag into ARG ${part.name} or remove the variable`
    )
  }
  const holder = last.decl ?? from
  const inner = locatePin(last.inner, tagStart - last.from, holder)
  if (!inner.ok) return inner
  return { ok: true, value: throughVariable(inner.value, from, part.start) }
}

/**
 * A target found inside a variable's value, seen from the word that names
 * the variable at `dollar`: the ARG holding that word joins the chain once.
 */
export function throughVariable(
  inner: PinTarget,
  holder: ArgDecl | undefined,
  dollar: number
): PinTarget {
  const chain = new Set([
    ...(holder === undefined ? [] : [holder]),
    ...inner.chain
  ])
  return { ...inner, chain: [...chain], path: [dollar, ...inner.path] }
}
