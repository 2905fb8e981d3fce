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
import type { PinTarget } from './pin.js'
import type { WordSource } from './words.js'
import type { SkipCode } from '../image-site.js'

export type DigestTarget =
  | { readonly ok: true; readonly value: PinTarget }
  | { readonly ok: false; readonly code: SkipCode; readonly reason: string }

const SPLIT =
  'the digest is not written in one piece (quotes, an escape, a line continuation or a variable splits it), so it cannot be replaced in place; write it in one piece, in the FROM line or alone in an ARG, to refresh it'

/**
 * The digest is the end of the reference, so it is in the text that
 * produces the end: a literal of the FROM line, or the value of the ARG the
 * reference ends with, recursively. It is refreshed only where its bytes are
 * written plainly in one piece, in the FROM line or in an ARG value that
 * holds nothing but the digest (with or without "@"). Whether that ARG has
 * other uses is settled with the other ARG pins (shared-args.ts).
 */
export function locateDigest(
  source: WordSource,
  expansion: Expansion,
  digest: string,
  from?: ArgDecl
): DigestTarget {
  // Empty pieces after the digest (an empty ARG) add nothing to it.
  const last = expansion.pieces.findLast(p => p.to > p.from)
  if (last === undefined || !expansion.text.endsWith(digest)) return split()
  if (last.part.kind === 'literal') {
    const { end } = last.part
    const start = end - digest.length
    const written = source.text.slice(start, end)
    if (!last.part.text.endsWith(digest) || written !== digest) return split()
    const chain = from === undefined ? [] : [from]
    const target = { start, end, chain, path: [], digestOnly: true }
    return {
      ok: true,
      value: from === undefined ? target : { ...target, arg: from }
    }
  }
  const inner = last.inner
  if (inner === undefined || inner.text.length < digest.length) return split()
  const decl = last.decl
  if (decl !== undefined && !holdsOnly(inner.text, digest)) {
    return {
      ok: false,
      code: 'variable',
      reason: `ARG ${decl.name} holds other text besides the digest; an existing digest is refreshed on its own only where it is written in the FROM line or alone in an ARG (e.g. ARG ${decl.name}_DIGEST=${algorithm(digest)}:… and FROM …@\${${decl.name}_DIGEST}), so move it to one of those to refresh it`
    }
  }
  const found = locateDigest(source, inner, digest, decl ?? from)
  if (!found.ok) return found
  const chain = new Set([
    ...(from === undefined ? [] : [from]),
    ...found.value.chain
  ])
  return {
    ok: true,
    value: {
      ...found.value,
      chain: [...chain],
      path: [last.part.start, ...found.value.path]
    }
  }
}

/** The value is the digest, with or without the "@" before it. */
function holdsOnly(value: string, digest: string): boolean {
  return value === digest || value === `@${digest}`
}

function algorithm(digest: string): string {
  return digest.slice(0, digest.indexOf(':'))
}

function split(): DigestTarget {
  return { ok: false, code: 'invalid', reason: SPLIT }
}
