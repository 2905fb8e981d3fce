/**
 * A document as blocks, and fitting it under a size limit by dropping
 * detail first and never the parts that must stay.
 */

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
    parts.push(rowsText(block, shown, omitted))
  }
  flush()
  return parts.filter(p => p !== '').join('\n\n')
}

/** The title, the head and the first `shown` rows, then "… and N more.". */
function rowsText(
  block: Extract<Block, { kind: 'rows' }>,
  shown: number,
  omitted: number
): string {
  return [
    block.title ?? '',
    [block.head, ...block.rows.slice(0, shown)].filter(isText).join('\n'),
    omitted === 0 ? '' : `… and ${omitted} more.`
  ]
    .filter(p => p !== '')
    .join('\n\n')
}

function droppedLine(rows: number, tables: number): string {
  return tables === 1
    ? `… and ${rows} more.`
    : `… and ${rows} more in ${tables} more tables.`
}

const isText = (s: string | undefined): s is string => s !== undefined
