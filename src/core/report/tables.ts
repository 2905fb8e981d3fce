/**
 * The tables the pull request body and the job summary share: the skipped
 * and failed references with their reasons (the updates are image-blocks.ts).
 */
import { byCodeUnit } from '../code-unit-order.js'
import type { PlanRow } from '../plan.js'
import type { Block } from './blocks.js'
import { textBlock } from './blocks.js'
import { escapeText, inlineCode, tableHead, tableRow } from './markdown.js'

const SKIPPED_HEAD = tableHead(['Where', 'Image', 'Reason'])
const FAILED_HEAD = tableHead(['Where', 'Image', 'Reason', 'What to do'])
const FAILED_NOTE =
  'A failed lookup blocks nothing: the updates above are proposed without ' +
  'it, and these references keep their pins until a later run resolves them.'

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
  const section = (
    title: string,
    head: string,
    rows: string[],
    note?: string
  ): Block[] =>
    rows.length === 0
      ? []
      : [
          textBlock(`${heading} ${title}`),
          ...(note === undefined ? [] : [textBlock(note)]),
          { kind: 'rows', head, rows }
        ]
  return [
    ...section(
      'Skipped',
      SKIPPED_HEAD,
      sorted(skipped).map(r => tableRow(cells(r)))
    ),
    ...section(
      'Failed',
      FAILED_HEAD,
      sorted(failed).map(r => tableRow([...cells(r), hint(r)])),
      FAILED_NOTE
    )
  ]
}
