/**
 * `tags: ${{ steps.meta.outputs.tags }}`: the tags docker/metadata-action
 * computes at run time, for the images its `images` input names. Read as
 * the action does (docker/metadata-action src/image.ts `Transform`): one
 * image per line, `name=…,enable=…` fields; a single line of plain names
 * separated by commas is the older list form; names are lowercased.
 */
import type { Document } from 'yaml'
import { mapGet, seqItems, stringOf } from '../yaml/document.js'
import { listItems } from './reference.js'
import { namedImage } from './reference.js'
import { firstExpression, substitute } from './workflow-scope.js'
import type { Scope } from './workflow-scope.js'
import { scalarText } from './yaml-source.js'

export const METADATA_ACTION = 'docker/metadata-action@'

/** The step id a value takes outputs from (`steps.<id>.outputs.…`), if any. */
export function outputsStep(value: string): string | undefined {
  const match = /\$\{\{[^}]*\bsteps\.([\w-]+)\.outputs\b/.exec(value)
  return match?.[1]
}

export type MetadataImages =
  | { readonly ok: true; readonly repositories: string[] }
  | { readonly ok: false; readonly why: string }

/** The repositories the step `id` of `steps` names in `images`. */
export function metadataImages(
  document: Document.Parsed,
  steps: readonly unknown[],
  id: string,
  scope: (step: unknown) => Scope
): MetadataImages {
  const step = steps.find(
    s => stringOf(document, mapGet(document, s, 'id')) === id
  )
  const uses = stringOf(document, mapGet(document, step, 'uses')) ?? ''
  if (step === undefined || !uses.startsWith(METADATA_ACTION)) {
    return {
      ok: false,
      why: `steps.${id} is not a docker/metadata-action step of this job, so the image its outputs name is only known at run time`
    }
  }
  const node = mapGet(document, mapGet(document, step, 'with'), 'images')
  const text = scalarText(document, node)
  const lines =
    text !== undefined
      ? text.split(/\r\n|\r|\n/).map(l => l.trim())
      : seqItems(document, node).map(n => scalarText(document, n) ?? '')
  const names = imageNames(lines.filter(l => l !== '' && !l.startsWith('#')))
  if (names.length === 0) {
    return {
      ok: false,
      why: `steps.${id} (docker/metadata-action) names no image in its images input`
    }
  }
  const repositories: string[] = []
  for (const raw of names) {
    const name = substitute(raw, scope(step)).toLowerCase()
    if (firstExpression(name) >= 0) {
      return {
        ok: false,
        why: `the image "${raw}" in steps.${id}'s images input is only known at run time`
      }
    }
    const named = namedImage(name)
    if (!named.ok) return { ok: false, why: named.error }
    repositories.push(named.repository)
  }
  return { ok: true, repositories: [...new Set(repositories)] }
}

/** The enabled image names of the `images` lines (enable=false drops one). */
function imageNames(lines: readonly string[]): string[] {
  const [only] = lines
  if (lines.length === 1 && only !== undefined && !only.includes('=')) {
    return listItems(only)
  }
  const names: string[] = []
  for (const line of lines) {
    let name = ''
    let enabled = true
    for (const field of listItems(line)) {
      const eq = field.indexOf('=')
      const key = eq < 0 ? 'name' : field.slice(0, eq).trim().toLowerCase()
      const value = eq < 0 ? field : field.slice(eq + 1).trim()
      if (key === 'name') name = value
      else if (key === 'enable' && value === 'false') enabled = false
    }
    if (enabled && name !== '') names.push(name)
  }
  return names
}
