/**
 * From an image reference as a build declaration writes it (a tag given to
 * build-push-action, a Compose `image:`, a bake `tags` entry, an `images`
 * key) to the repository it names and the tag, when that is known.
 */
import { followedTag, parseImageRef, repositoryOf } from '../image-ref.js'

export type Named =
  | { readonly ok: true; readonly repository: string; readonly tag?: string }
  | { readonly ok: false; readonly error: string }

/** A literal reference: its normalized repository and tag (none for a digest-only one). */
export function namedImage(text: string): Named {
  const parsed = parseImageRef(text)
  if (!parsed.ok) return { ok: false, error: parsed.error }
  const { ref } = parsed
  const repository = repositoryOf(ref)
  const tag = followedTag(ref)
  return tag === undefined
    ? { ok: true, repository }
    : { ok: true, repository, tag }
}

/**
 * A reference whose tag part alone is only known at run time
 * (`ghcr.io/acme/app:${{ github.sha }}`, `app:${TAG}`): the text before
 * the first run-time part is `name:`; its repository, tag unknown.
 * Undefined when the name itself holds the run-time part.
 */
export function runTimeTag(text: string, start: number): Named | undefined {
  const before = text.slice(0, start)
  const colon = before.lastIndexOf(':')
  if (colon < 0 || colon < before.lastIndexOf('/')) return undefined
  const named = namedImage(before.slice(0, colon))
  return named.ok ? { ok: true, repository: named.repository } : named
}

/**
 * The items of a list input: a YAML list's strings, or one string split at
 * newlines and commas (build-push-action's `getInputList`), trimmed, empty
 * items dropped. Commas inside `${{ }}` do not split.
 */
export function listItems(value: string | readonly string[]): string[] {
  if (typeof value !== 'string') {
    return value.map(v => v.trim()).filter(v => v !== '')
  }
  const items: string[] = []
  let current = ''
  let depth = 0
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] ?? ''
    if (value.startsWith('${{', i)) depth++
    else if (depth > 0 && value.startsWith('}}', i)) depth--
    if (depth === 0 && (ch === ',' || ch === '\n' || ch === '\r')) {
      items.push(current)
      current = ''
    } else current += ch
  }
  items.push(current)
  return items.map(v => v.trim()).filter(v => v !== '')
}
