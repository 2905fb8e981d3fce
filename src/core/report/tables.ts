/**
 * The tables the pull request body and the job summary share: per file, the
 * updates by line; the skipped and failed references with their reasons.
 */
import { byCodeUnit } from '../code-unit-order.js'
import { shortDigest } from '../digest.js'
import type { PlanRow } from '../plan.js'
import type { Update } from '../publish/groups.js'
import type { Block } from './blocks.js'
import { textBlock } from './blocks.js'
import type { ImageDetails } from './image-details.js'
import {
  escapeText,
  imagePageUrl,
  inlineCode,
  markdownLink,
  tableHead,
  tableRow,
  tagOf,
  withoutDigest
} from './markdown.js'

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
    update.editLine === undefined
      ? String(update.line)
      : `${update.line} (digest on ${update.editLine})`,
    (page === undefined ? undefined : markdownLink(image, page)) ?? image,
    inlineCode(tagOf(update.key)),
    change,
    platforms.length === 0 ? '—' : platforms.join(', '),
    details?.created === undefined ? '—' : escapeText(details.created)
  ])
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
