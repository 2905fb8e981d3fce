/**
 * The `${{ }}` expressions a workflow reader can settle statically: a
 * `matrix.<key>` of a literal matrix, an `env.<NAME>` with a literal value
 * (workflow, job and step `env`, the nearer winning), and
 * `github.repository` / `github.repository_owner` when the caller knows the
 * repository. Anything else stays as written, and the caller says why.
 */
import type { Document } from 'yaml'
import { mapEntries, mapGet, seqItems } from '../yaml/document.js'
import { scalarText } from './yaml-source.js'

export type Scope = Readonly<Record<string, string>>

const EXPRESSION = /\$\{\{\s*([^}]*?)\s*\}\}/g

/** `text` with every settled expression replaced by its value. */
export function substitute(text: string, scope: Scope): string {
  return text.replace(EXPRESSION, (whole, expr: string) => {
    const value = scope[expr]
    return value === undefined ? whole : value
  })
}

/** Offset of the first expression left in `text`, or -1. */
export function firstExpression(text: string): number {
  return text.indexOf('${{')
}

/** The matrix keys a text uses as `${{ matrix.<key> }}`. */
export function matrixKeys(text: string): string[] {
  return [...text.matchAll(/\$\{\{\s*matrix\.([\w-]+)\s*\}\}/g)].map(
    m => m[1] ?? ''
  )
}

/** `env` entries with literal values, settled against `scope`, as `env.NAME`. */
export function envScope(
  document: Document.Parsed,
  owner: unknown,
  scope: Scope
): Scope {
  const out: Record<string, string> = { ...scope }
  for (const [name, node] of mapEntries(
    document,
    mapGet(document, owner, 'env')
  )) {
    const value = scalarText(document, node)
    if (value !== undefined) out[`env.${name}`] = substitute(value, scope)
  }
  return out
}

export type Combos =
  | { readonly ok: true; readonly combos: Scope[] }
  | { readonly ok: false; readonly why: string }

/**
 * One scope per combination of the used matrix keys, when each is a
 * literal list of strings and the matrix has no include/exclude; or one
 * per entry of a matrix that is only an `include` list of literal entries
 * (GitHub then runs exactly those combinations).
 */
export function matrixCombos(
  document: Document.Parsed,
  job: unknown,
  keys: readonly string[]
): Combos {
  const used = [...new Set(keys)].sort()
  if (used.length === 0) return { ok: true, combos: [{}] }
  const matrix = mapGet(document, mapGet(document, job, 'strategy'), 'matrix')
  const keysOf = mapEntries(document, matrix).map(([key]) => key)
  if (keysOf.length === 1 && keysOf[0] === 'include') {
    return includeCombos(document, mapGet(document, matrix, 'include'), used)
  }
  for (const special of ['include', 'exclude']) {
    if (mapGet(document, matrix, special) !== undefined) {
      return { ok: false, why: `the job's strategy.matrix has ${special}` }
    }
  }
  let combos: Record<string, string>[] = [{}]
  for (const key of used) {
    const node = mapGet(document, matrix, key)
    const values = seqItems(document, node).map(v => scalarText(document, v))
    if (values.length === 0 || values.some(v => v === undefined)) {
      return {
        ok: false,
        why: `strategy.matrix.${key} is not a literal list of strings`
      }
    }
    combos = combos.flatMap(combo =>
      values.map(v => ({ ...combo, [`matrix.${key}`]: v ?? '' }))
    )
  }
  return { ok: true, combos }
}

function includeCombos(
  document: Document.Parsed,
  include: unknown,
  used: readonly string[]
): Combos {
  const combos: Scope[] = []
  for (const entry of seqItems(document, include)) {
    const combo: Record<string, string> = {}
    for (const key of used) {
      const value = scalarText(document, mapGet(document, entry, key))
      if (value === undefined) {
        return {
          ok: false,
          why: `an entry of strategy.matrix.include has no literal ${key}`
        }
      }
      combo[`matrix.${key}`] = value
    }
    combos.push(combo)
  }
  return combos.length === 0
    ? { ok: false, why: 'strategy.matrix.include is not a literal list' }
    : { ok: true, combos }
}
