/**
 * Where an existing digest is refreshed when the whole reference cannot be
 * rewritten in one place (issue 8 §6): `FROM node:${TAG}@sha256:…`,
 * `FROM node:20@${DIGEST}`, `FROM node:${TAG}${HASH}`. The digest bytes are
 * replaced where they are written, and nothing else: the tag keeps coming
 * from where it comes from, and the digest keeps overriding a --build-arg of
 * the tag exactly as it does before the refresh.
 */
import type { ArgDecl } from './args.js'
import type { Expansion } from './expand.js'
import { throughVariable } from './pin.js'
import type { PinTarget } from './pin.js'
import type { LiteralPart, WordSource } from './words.js'
import type { SkipCode } from '../image-site.js'

export type DigestTarget =
  | { readonly ok: true; readonly value: PinTarget }
  | {
      readonly ok: false
      readonly code: SkipCode
      readonly reason: string
      /** The ARG that holds the digest bytes, when it also holds other text. */
      readonly crowded?: ArgDecl
    }

/** The ARG whose value holds the text being searched, and that value expanded. */
interface Holder {
  readonly decl: ArgDecl
  readonly text: string
}

const SPLIT =
  'the digest is not written in one piece (quotes, an escape, a line continuation or a variable splits it), so it cannot be replaced in place; write it in one piece, in the FROM line or alone in an ARG, to refresh it'

/**
 * The digest is the end of the reference, so it is in the text that
 * produces the end: a literal of the FROM line, or the value of the ARG the
 * reference ends with, recursively. It is refreshed only where its bytes are
 * written plainly in one piece, in the FROM line or in an ARG value that
 * holds nothing but the digest (with or without "@"). Whether the ARGs on
 * the way have other uses is settled with the other ARG pins
 * (shared-args.ts), through `chain` and `path`.
 */
export function locateDigest(
  source: WordSource,
  expansion: Expansion,
  digest: string,
  holder?: Holder
): DigestTarget {
  // Empty pieces after the digest (an empty ARG) add nothing to it.
  const last = expansion.pieces.findLast(p => p.to > p.from)
  if (last === undefined || !expansion.text.endsWith(digest)) return split()
  if (last.part.kind === 'literal') {
    return literalDigest(source, last.part, digest, holder)
  }
  const inner = last.inner
  if (inner === undefined || inner.text.length < digest.length) return split()
  // A `:-` default is written where the variable is, so the holder stays.
  const next =
    last.decl === undefined ? holder : { decl: last.decl, text: inner.text }
  const found = locateDigest(source, inner, digest, next)
  if (!found.ok) return found
  return {
    ok: true,
    value: throughVariable(found.value, holder?.decl, last.part.start)
  }
}

/** The literal that ends the reference: the digest bytes must end it, written plainly. */
function literalDigest(
  source: WordSource,
  part: LiteralPart,
  digest: string,
  holder: Holder | undefined
): DigestTarget {
  const { end } = part
  const start = end - digest.length
  const written = source.text.slice(start, end)
  if (!part.text.endsWith(digest) || written !== digest) return split()
  if (holder === undefined) {
    return {
      ok: true,
      value: { start, end, chain: [], path: [], digestOnly: true }
    }
  }
  const { decl, text } = holder
  if (text !== digest && text !== `@${digest}`) {
    return {
      ok: false,
      code: 'variable',
      reason: `ARG ${decl.name} holds other text besides the digest; an existing digest is refreshed on its own only where it is written in the FROM line or alone in an ARG (e.g. ARG ${decl.name}_DIGEST=${algorithm(digest)}:… and FROM …@\${${decl.name}_DIGEST}), so move it to one of those to refresh it`,
      crowded: decl
    }
  }
  const value = {
    start,
    end,
    arg: decl,
    chain: [decl],
    path: [],
    digestOnly: true
  }
  return { ok: true, value }
}

function algorithm(digest: string): string {
  return digest.slice(0, digest.indexOf(':'))
}

function split(): DigestTarget {
  return { ok: false, code: 'invalid', reason: SPLIT }
}
