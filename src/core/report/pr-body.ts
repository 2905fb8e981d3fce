/**
 * The pull request body, and the Markdown pieces the job summary shares:
 * escaping for text that comes from users' files or from registries, the
 * per-file update tables, and fitting a document under a size limit by
 * dropping detail first and never the parts that must stay.
 */
import { shortDigest } from '../digest.js'
import type { Update } from '../publish/groups.js'
import { parseImageRef } from '../image-ref.js'
import type { PlanRow } from '../plan.js'
import type { ImageDetails, PrTextInput } from './pr-text.js'
import { planComment, proposedPlan } from '../publish/proposed-plan.js'

/** GitHub rejects pull request bodies longer than this many characters. */
export const PR_BODY_LIMIT = 65_536

/**
 * A document: text blocks, rows (a table or a list) that may be cut short
 * with "… and N more.", and optional blocks replaced by `fallback` when the
 * whole does not fit.
 */
export type Block =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'rows'
      /** A heading shown only with at least one of the rows. */
      readonly title?: string
      readonly head?: string
      readonly rows: readonly string[]
    }
  | {
      readonly kind: 'optional'
      readonly text: string
      readonly fallback: string
    }

export const textBlock = (text: string): Block => ({ kind: 'text', text })

/**
 * Everything; else without optional blocks; else the most rows (in document
 * order) that fit. Text blocks always stay, so a document whose fixed parts
 * alone are too long comes back too long.
 */
export function fitBlocks(
  blocks: readonly Block[],
  fits: (text: string) => boolean
): string {
  const total = blocks.reduce(
    (n, b) => n + (b.kind === 'rows' ? b.rows.length : 0),
    0
  )
  const full = renderBlocks(blocks, true, total)
  if (fits(full)) return full
  let low = 0
  let high = total
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (fits(renderBlocks(blocks, false, mid))) low = mid
    else high = mid - 1
  }
  return renderBlocks(blocks, false, low)
}

function renderBlocks(
  blocks: readonly Block[],
  optional: boolean,
  budget: number
): string {
  let left = budget
  const parts: string[] = []
  // Tables left out whole (with their titles) are counted in one line, so
  // thousands of files cost one sentence, not a heading each.
  let dropped = { rows: 0, tables: 0 }
  const flush = (): void => {
    if (dropped.rows > 0) parts.push(droppedLine(dropped.rows, dropped.tables))
    dropped = { rows: 0, tables: 0 }
  }
  for (const block of blocks) {
    if (block.kind !== 'rows') {
      flush()
      if (block.kind === 'text') parts.push(block.text)
      else parts.push(optional ? block.text : block.fallback)
      continue
    }
    const shown = Math.min(left, block.rows.length)
    left -= shown
    const omitted = block.rows.length - shown
    if (shown === 0) {
      if (omitted > 0)
        dropped = { rows: dropped.rows + omitted, tables: dropped.tables + 1 }
      continue
    }
    flush()
    parts.push(
      [
        block.title ?? '',
        [block.head, ...block.rows.slice(0, shown)].filter(isText).join('\n'),
        omitted === 0 ? '' : `… and ${omitted} more.`
      ]
        .filter(p => p !== '')
        .join('\n\n')
    )
  }
  flush()
  return parts.filter(p => p !== '').join('\n\n')
}

function droppedLine(rows: number, tables: number): string {
  return tables === 1
    ? `… and ${rows} more.`
    : `… and ${rows} more in ${tables} more tables.`
}

const isText = (s: string | undefined): s is string => s !== undefined

/** "1 base image", "3 base images". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;'
}

/**
 * Prose from a file or a registry, shown as text: no HTML, emphasis, links
 * or code; "@name" gets a word joiner so it never mentions anyone.
 */
export function escapeText(text: string): string {
  return text
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/[&<>]/g, c => ENTITIES[c] ?? c)
    .replace(/[\\`*_[\]~]/g, '\\$&')
    .replace(/@(?=\w)/g, '@\u2060')
}

/**
 * Inline code showing `text` verbatim (no HTML, links or mentions render in
 * code): a fence longer than any backtick run inside, padded when the text
 * starts or ends with a backtick or a space.
 */
export function inlineCode(text: string): string {
  const flat = text.replace(/\p{Cc}+/gu, ' ')
  if (flat === '') return '—'
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map(r => r.length))
  const fence = '`'.repeat(longest + 1)
  const pad = /^[` ]|[` ]$/.test(flat) ? ' ' : ''
  return `${fence}${pad}${flat}${pad}${fence}`
}

/** A table row; "|" is escaped in every cell, inside code spans too (GFM). */
export function tableRow(cells: readonly string[]): string {
  return `| ${cells.map(c => c.replaceAll('|', '\\|')).join(' | ')} |`
}

function tableHead(columns: readonly string[], right = 0): string {
  const rule = columns.map((_, i) => (i < right ? '---:' : '---'))
  return `${tableRow(columns)}\n${tableRow(rule)}`
}

/** Only http(s), with the characters that could end a Markdown link encoded. */
export function markdownLink(label: string, url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined
  const safe = url.replace(
    /[\s()<>[\]`"\\]/g,
    c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
  )
  return `[${label}](${safe})`
}

/** Link to the image's page on Docker Hub / GHCR / Quay, when there is one. */
export function imagePageUrl(key: string): string | undefined {
  const parsed = parseImageRef(key)
  if (!parsed.ok) return undefined
  const { registry, repository } = parsed.ref
  if (registry === 'docker.io') {
    const official = /^library\/([^/]+)$/.exec(repository)?.[1]
    return official === undefined
      ? `https://hub.docker.com/r/${repository}`
      : `https://hub.docker.com/_/${official}`
  }
  if (registry === 'ghcr.io') return `https://ghcr.io/${repository}`
  if (registry === 'quay.io') return `https://quay.io/repository/${repository}`
  return undefined
}

export function withoutDigest(image: string): string {
  const at = image.indexOf('@')
  return at < 0 ? image : image.slice(0, at)
}

function tagOf(key: string): string {
  const colon = key.lastIndexOf(':')
  return colon > key.lastIndexOf('/') ? key.slice(colon + 1) : 'latest'
}

export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

const UPDATE_HEAD = tableHead(
  ['Line', 'Image', 'Tag', 'Old → New', 'Platforms', 'Created'],
  1
)

/** Per file (sorted): a heading and a table of its updates by line. */
export function updateTables(
  updates: readonly Update[],
  images: ReadonlyMap<string, ImageDetails>,
  heading: string
): Block[] {
  const files = [...new Set(updates.map(u => u.file))].sort(byCodeUnit)
  return files.flatMap(file => {
    const rows = updates
      .filter(u => u.file === file)
      .sort((a, b) => a.line - b.line || byCodeUnit(a.image, b.image))
      .map(u => updateRow(u, images.get(u.key)))
    return [
      {
        kind: 'rows',
        title: `${heading} ${inlineCode(file)}`,
        head: UPDATE_HEAD,
        rows
      }
    ]
  })
}

function updateRow(update: Update, details: ImageDetails | undefined): string {
  const image = inlineCode(withoutDigest(update.image))
  const page = imagePageUrl(update.key)
  const to = inlineCode(shortDigest(update.to))
  const change =
    update.from === undefined
      ? `— → ${to} (pinned)`
      : `${inlineCode(shortDigest(update.from))} → ${to} (updated)`
  // The index's platforms say nothing about a single-platform pin.
  const platforms =
    details?.digest === update.to ? details.platforms.map(escapeText) : []
  return tableRow([
    String(update.line),
    (page === undefined ? undefined : markdownLink(image, page)) ?? image,
    inlineCode(tagOf(update.key)),
    change,
    platforms.length === 0 ? '—' : platforms.join(', '),
    details?.created === undefined ? '—' : escapeText(details.created)
  ])
}

/** Full digests per distinct image and change, inside a collapsed block. */
function fullDigests(updates: readonly Update[]): Block {
  const seen = new Map<string, string>()
  for (const u of updates) {
    const from = u.from === undefined ? '—' : inlineCode(u.from)
    const row = tableRow([inlineCode(u.key), from, inlineCode(u.to)])
    seen.set(`${u.key}\0${u.from ?? ''}\0${u.to}`, row)
  }
  const rows = [...seen].sort((a, b) => byCodeUnit(a[0], b[0]))
  return {
    kind: 'optional',
    text: [
      '<details>',
      '<summary>Full digests</summary>',
      '',
      tableHead(['Image', 'Old', 'New']),
      ...rows.map(([, row]) => row),
      '',
      '</details>'
    ].join('\n'),
    fallback:
      'Full digests are left out to keep this description under ' +
      "GitHub's size limit; the diff shows them."
  }
}

const SKIPPED_HEAD = tableHead(['Where', 'Image', 'Reason'])
const FAILED_HEAD = tableHead(['Where', 'Image', 'Reason', 'What to do'])

/** "Skipped" and "Failed" sections, each only when it has rows. */
export function problemTables(
  skipped: readonly PlanRow[],
  failed: readonly PlanRow[],
  heading: string
): Block[] {
  const sorted = (rows: readonly PlanRow[]): PlanRow[] =>
    [...rows].sort((a, b) => byCodeUnit(a.file, b.file) || a.line - b.line)
  const cells = (row: PlanRow): string[] => [
    inlineCode(`${row.file}:${row.line}`),
    inlineCode(row.image),
    row.reason === undefined ? '—' : escapeText(row.reason)
  ]
  const hint = (row: PlanRow): string =>
    row.hint === undefined ? '—' : escapeText(row.hint)
  const section = (title: string, head: string, rows: string[]): Block[] =>
    rows.length === 0
      ? []
      : [textBlock(`${heading} ${title}`), { kind: 'rows', head, rows }]
  return [
    ...section(
      'Skipped',
      SKIPPED_HEAD,
      sorted(skipped).map(r => tableRow(cells(r)))
    ),
    ...section(
      'Failed',
      FAILED_HEAD,
      sorted(failed).map(r => tableRow([...cells(r), hint(r)]))
    )
  ]
}

function intro(updates: readonly Update[]): string {
  const updated = updates.filter(u => u.from !== undefined).length
  const pinned = updates.length - updated
  const were = pinned === 1 ? 'was' : 'were'
  const changes = [
    updated === 0 ? '' : `updates ${plural(updated, 'digest pin')}`,
    pinned === 0
      ? ''
      : `pins ${plural(pinned, 'reference')} that ${were} not pinned yet`
  ].filter(p => p !== '')
  return (
    'Freshbase pins base images to digests so builds are reproducible, and ' +
    'refreshes the pins when their tags move upstream. This pull request ' +
    `${changes.join(' and ')}, each to the digest its tag points to now, so ` +
    'the next build starts from the rebuilt upstream images and picks up ' +
    'their fixes, security patches included.'
  )
}

export function renderBody(input: PrTextInput): string {
  const { group, images } = input
  const blocks: Block[] = [
    textBlock(intro(group.updates)),
    ...updateTables(group.updates, images, '###'),
    fullDigests(group.updates),
    ...problemTables(group.skipped, group.failed, '###'),
    textBlock(planComment(proposedPlan(group)))
  ]
  return fitBlocks(blocks, body => body.length <= PR_BODY_LIMIT)
}
