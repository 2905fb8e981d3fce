/**
 * Byte-exact rewrites: only the planned spans change (MODELS.md 3.7,
 * "Exact-range edits"); line endings, a BOM, comments, spacing and case stay
 * as the user wrote them. The result is re-scanned before anyone writes it.
 */
import type { FileKind } from './file-kind.js'
import type { ImageSite, TextSpan } from './image-site.js'
import { scanFile } from './scan.js'

export interface Edit {
  readonly span: TextSpan
  /** The text the span holds now; a mismatch means the file changed since it was scanned. */
  readonly expected: string
  readonly replacement: string
}

export type RewriteResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly error: string }

export type VerifyResult =
  { readonly ok: true } | { readonly ok: false; readonly error: string }

type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: string }

export function applyEdits(
  text: string,
  edits: readonly Edit[]
): RewriteResult {
  const checked = orderEdits(text, edits)
  if (!checked.ok) return checked
  let out = ''
  let cursor = 0
  for (const edit of checked.value) {
    out += text.slice(cursor, edit.span.start) + edit.replacement
    cursor = edit.span.end
  }
  return { ok: true, text: out + text.slice(cursor) }
}

/**
 * The one way a new text is made for writing or committing: the edits
 * spliced in, then the re-scan check; a text that fails it is never returned.
 */
export function rewriteChecked(
  file: string,
  before: string,
  edits: readonly Edit[],
  beforeSites?: readonly ImageSite[],
  kind: FileKind = 'dockerfile'
): RewriteResult {
  const applied = applyEdits(before, edits)
  if (!applied.ok) return applied
  const verdict = verifyRewrite(
    file,
    before,
    applied.text,
    edits,
    beforeSites,
    kind
  )
  return verdict.ok ? applied : verdict
}

/**
 * Sorted, duplicates removed (several FROMs can share one ARG value), and
 * refused when two edits touch the same bytes differently or the file no
 * longer holds what was scanned.
 */
function orderEdits(text: string, edits: readonly Edit[]): Checked<Edit[]> {
  const sorted = [...edits].sort(
    (a, b) => a.span.start - b.span.start || a.span.end - b.span.end
  )
  const unique: Edit[] = []
  for (const edit of sorted) {
    const problem = staleProblem(text, edit)
    if (problem !== undefined) return { ok: false, error: problem }
    const previous = unique.at(-1)
    if (previous !== undefined && sameEdit(previous, edit)) continue
    // Equal zero-width spans overlap too: the order of the inserts is undefined.
    const overlaps =
      previous !== undefined &&
      (edit.span.start < previous.span.end || sameSpan(previous, edit))
    if (overlaps) {
      return { ok: false, error: overlapProblem(text, previous, edit) }
    }
    unique.push(edit)
  }
  return { ok: true, value: unique }
}

function staleProblem(text: string, edit: Edit): string | undefined {
  const { start, end } = edit.span
  if (start < 0 || end < start || end > text.length) {
    return `an edit points outside the file (offsets ${start}-${end} of ${text.length}); the file changed since it was scanned. Run freshbase again.`
  }
  const found = text.slice(start, end)
  if (found === edit.expected) return undefined
  return `line ${lineOf(text, start)} should hold "${edit.expected}" but holds "${found}"; the file changed since it was scanned. Run freshbase again.`
}

function overlapProblem(text: string, a: Edit, b: Edit): string {
  return `two edits on line ${lineOf(text, b.span.start)} touch the same text ("${a.expected}" → "${a.replacement}" and "${b.expected}" → "${b.replacement}"); nothing was written. Give each image its own ARG or FROM.`
}

function sameSpan(a: Edit, b: Edit): boolean {
  return a.span.start === b.span.start && a.span.end === b.span.end
}

function sameEdit(a: Edit, b: Edit): boolean {
  return (
    sameSpan(a, b) &&
    a.expected === b.expected &&
    a.replacement === b.replacement
  )
}

/** 1-based line of `offset` (\r\n, \r and \n end lines, as in the scanner). */
function lineOf(text: string, offset: number): number {
  const breaks = text.slice(0, offset).match(/\r\n|\r|\n/g)
  return (breaks?.length ?? 0) + 1
}

/**
 * Re-scans both texts and accepts `after` only when it is `before` with the
 * edits spliced in, and the scanner sees the same sites with only the edited
 * ones changed, each now carrying the digest its edit wrote.
 */
export function verifyRewrite(
  file: string,
  before: string,
  after: string,
  edits: readonly Edit[],
  /** The sites of `before` when the caller already scanned it. */
  beforeSites?: readonly ImageSite[],
  kind: FileKind = 'dockerfile'
): VerifyResult {
  const checked = orderEdits(before, edits)
  if (!checked.ok) return checked
  const spliced = splicedProblem(before, after, checked.value)
  if (spliced !== undefined) return { ok: false, error: spliced }
  const problem = sitesProblem(
    beforeSites ?? scanFile(file, before, kind),
    scanFile(file, after, kind),
    checked.value
  )
  return problem === undefined ? { ok: true } : { ok: false, error: problem }
}

/** Every byte outside the spans is unchanged, and each span holds its replacement. */
function splicedProblem(
  before: string,
  after: string,
  edits: readonly Edit[]
): string | undefined {
  let from = 0
  let to = 0
  for (const edit of edits) {
    const kept = before.slice(from, edit.span.start)
    if (after.slice(to, to + kept.length) !== kept) {
      return outsideProblem(before, after, from, to)
    }
    to += kept.length
    if (after.slice(to, to + edit.replacement.length) !== edit.replacement) {
      return `line ${lineOf(after, to)} does not hold "${edit.replacement}" after the rewrite; nothing was written.`
    }
    to += edit.replacement.length
    from = edit.span.end
  }
  if (after.slice(to) !== before.slice(from)) {
    return outsideProblem(before, after, from, to)
  }
  return undefined
}

function outsideProblem(
  before: string,
  after: string,
  from: number,
  to: number
): string {
  let i = 0
  while (before[from + i] === after[to + i] && from + i < before.length) i++
  return `the rewrite changed line ${lineOf(after, to + i)} outside the image references; nothing was written.`
}

function sitesProblem(
  before: readonly ImageSite[],
  after: readonly ImageSite[],
  edits: readonly Edit[]
): string | undefined {
  const unused = edits.find(e => !before.some(s => spanIs(s, e.span)))
  if (unused !== undefined) {
    return `the edit of "${unused.expected}" does not replace an image reference; nothing was written.`
  }
  if (before.length !== after.length) {
    return `the rewrite changed the number of image references from ${before.length} to ${after.length}; nothing was written.`
  }
  for (const [i, was] of before.entries()) {
    const now = after[i]
    const edit = edits.find(e => spanIs(was, e.span))
    const problem =
      now === undefined
        ? 'is missing'
        : edit === undefined
          ? unchangedProblem(was, now, edits)
          : pinnedProblem(was, now, edit, edits)
    if (problem !== undefined) {
      return `after the rewrite, the ${was.source} reference on line ${was.line} ("${was.image}") ${problem}; nothing was written.`
    }
  }
  return undefined
}

function spanIs(site: ImageSite, span: TextSpan): boolean {
  return site.span?.start === span.start && site.span.end === span.end
}

/** A site nobody meant to change: identical, its span moved by the edits before it. */
function unchangedProblem(
  was: ImageSite,
  now: ImageSite,
  edits: readonly Edit[]
): string | undefined {
  const moved =
    was.span === undefined ? was : { ...was, span: shifted(was.span, edits) }
  return canonical(moved) === canonical(now)
    ? undefined
    : `changed to "${now.image}"${now.skip === undefined ? '' : ` (${clause(now.skip.message)})`}`
}

function pinnedProblem(
  was: ImageSite,
  now: ImageSite,
  edit: Edit,
  edits: readonly Edit[]
): string | undefined {
  // A digest-only span (spanIsDigest) is replaced without an "@".
  const digest = edit.replacement.slice(edit.replacement.lastIndexOf('@') + 1)
  if (now.skip !== undefined)
    return `is now skipped (${clause(now.skip.message)})`
  const image = pinnedImage(was, digest)
  if (now.image !== image || now.ref?.digest !== digest) {
    return `became "${now.image}" instead of "${image}"`
  }
  const span = shifted(edit.span, edits)
  if (now.span?.start !== span.start || now.spanText !== edit.replacement) {
    return `is no longer where the edit wrote "${edit.replacement}"`
  }
  if (now.line !== was.line || now.source !== was.source) return 'moved'
  return undefined
}

/** The reference the build should see once pinned, spelled as pinnedSpanText writes it. */
function pinnedImage(site: ImageSite, digest: string): string {
  const at = site.image.indexOf('@')
  const name = at < 0 ? site.image : site.image.slice(0, at)
  const tag =
    site.ref !== undefined && site.ref.tag === undefined ? ':latest' : ''
  return `${name}${tag}@${digest}`
}

/** Where `span` (outside every edit, or equal to one) starts and ends after the edits before it. */
function shifted(span: TextSpan, edits: readonly Edit[]): TextSpan {
  let delta = 0
  for (const edit of edits) {
    if (edit.span.end > span.start || sameSpanAs(edit, span)) break
    delta += edit.replacement.length - (edit.span.end - edit.span.start)
  }
  return { start: span.start + delta, end: span.end + delta }
}

function sameSpanAs(edit: Edit, span: TextSpan): boolean {
  return edit.span.start === span.start && edit.span.end === span.end
}

/** A sentence without its final period, to nest it in another one. */
function clause(sentence: string): string {
  return sentence.replace(/\.$/, '')
}

/** JSON with sorted keys, so two records compare by content. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0
          )
        )
      : v
  )
}
