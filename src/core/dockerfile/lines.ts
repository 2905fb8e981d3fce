/**
 * Positions in a Dockerfile's text. dockerfile-ast reports line/character
 * positions; rewriting needs offsets into the text as read, so every module
 * of the scanner converts through this one index.
 */

export interface LineIndex {
  readonly text: string
  /** Offset where each line starts; breaks are \r\n, \r and \n, as in the LSP TextDocument dockerfile-ast uses. */
  readonly starts: readonly number[]
}

export interface Position {
  readonly line: number
  readonly character: number
}

export function indexLines(text: string): LineIndex {
  const starts = [0]
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '\r' && text[i + 1] === '\n') i++
    if (ch === '\r' || ch === '\n') starts.push(i + 1)
  }
  return { text, starts }
}

/**
 * dockerfile-ast positions count UTF-16 units within a line and keep a BOM
 * as character 0 of line 0, so this is the offset into the original text.
 */
export function offsetAt(index: LineIndex, position: Position): number {
  return (index.starts[position.line] ?? index.text.length) + position.character
}

/** 0-based line containing `offset`. */
export function lineAt(index: LineIndex, offset: number): number {
  let low = 0
  let high = index.starts.length - 1
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if ((index.starts[mid] ?? 0) <= offset) low = mid
    else high = mid - 1
  }
  return low
}

/** The line's text without its line break. */
export function lineText(index: LineIndex, line: number): string {
  const start = index.starts[line] ?? index.text.length
  const next = index.starts[line + 1] ?? index.text.length
  return index.text.slice(start, next).replace(/\r?\n$|\r$/, '')
}
