/**
 * Global ARG collection: the declarations above the first FROM, the ARGs
 * declared inside stages (for messages), and every reference to a global
 * ARG. The references matter because a digest written into an ARG value
 * reaches every one of them.
 */
import type { Arg, Instruction } from 'dockerfile-ast'
import { lineAt, offsetAt } from './lines.js'
import type { LineIndex } from './lines.js'
import { continuationEnd, lexWord, variables } from './words.js'
import type { Word, WordSource } from './words.js'
import type { TextSpan } from '../image-site.js'

export interface ArgDecl {
  readonly name: string
  /** 0-based line of the ARG instruction. */
  readonly line: number
  /** Position among global declarations; a value sees only earlier ones. */
  readonly order: number
  /** Absent when declared without `=`. */
  readonly value?: Word
}

/** A reference to a global ARG that a digest in its value would change. */
export interface ArgUse {
  readonly decl: ArgDecl
  /** Offset of the `$`, or of the name for a stage's `ARG NAME`. */
  readonly start: number
  /** 0-based line. */
  readonly line: number
  /** What holds the reference, for messages: "FROM", "ARG X", … */
  readonly by: string
  /** The declaration whose value holds the reference, when in an ARG value. */
  readonly inside?: ArgDecl
}

export class Args {
  readonly globals: ArgDecl[] = []
  /** ARGs declared inside stages, for messages: name → first 0-based line. */
  readonly staged = new Map<string, number>()
  readonly uses: ArgUse[] = []

  /** The declaration a reference sees: the last global one before `order`. */
  lookup(name: string, order: number): ArgDecl | undefined {
    return this.globals.findLast(d => d.name === name && d.order < order)
  }

  /** Records every name an ARG instruction declares, as global or in a stage. */
  declare(instruction: Arg, inStage: boolean, source: WordSource): void {
    const { text, index, escape } = source
    const line = instruction.getRange().start.line
    for (const { start, end } of argWords(instruction, source)) {
      const raw = text.slice(start, end)
      const eq = raw.indexOf('=')
      const name = eq < 0 ? raw : raw.slice(0, eq)
      const value =
        eq < 0 ? undefined : lexWord(text, start + eq + 1, end, escape)
      if (inStage) this.declareInStage(name, line, start, value)
      else this.declareGlobal(name, line, value, index)
    }
  }

  private declareGlobal(
    name: string,
    line: number,
    value: Word | undefined,
    index: LineIndex
  ): void {
    const order = this.globals.length
    const decl: ArgDecl = {
      name,
      line,
      order,
      ...(value === undefined ? {} : { value })
    }
    this.globals.push(decl)
    this.recordUses(value, order, index, `ARG ${name}`, decl)
  }

  /** `ARG NAME` without a value inside a stage imports the global value, so a digest there would reach the stage too. */
  private declareInStage(
    name: string,
    line: number,
    start: number,
    value: Word | undefined
  ): void {
    if (!this.staged.has(name)) this.staged.set(name, line)
    const decl = this.lookup(name, Infinity)
    if (value === undefined && decl !== undefined)
      this.uses.push({ decl, start, line, by: `ARG ${name} in a stage` })
  }

  /** Records the references in `word` that resolve to a global ARG. */
  recordUses(
    word: Word | undefined,
    order: number,
    index: LineIndex,
    by: string,
    inside?: ArgDecl
  ): void {
    for (const variable of variables(word)) {
      const decl = this.lookup(variable.name, order)
      if (decl === undefined) continue
      const line = lineAt(index, variable.start)
      this.uses.push({
        decl,
        start: variable.start,
        line,
        by,
        ...(inside === undefined ? {} : { inside })
      })
    }
  }

  /**
   * Uses that matter: outside ARG values, or inside the value of an ARG that
   * is itself used. References only point to earlier declarations, so one
   * pass from the last declaration back settles it.
   */
  liveUses(): ArgUse[] {
    const live = new Set(
      this.uses.filter(u => u.inside === undefined).map(u => u.decl)
    )
    for (const decl of [...this.globals].reverse()) {
      if (!live.has(decl)) continue
      for (const use of this.uses) if (use.inside === decl) live.add(use.decl)
    }
    return this.uses.filter(u => u.inside === undefined || live.has(u.inside))
  }
}

/**
 * dockerfile-ast splits arguments at whitespace even inside quotes (and
 * reads `ARG A B=1` as one property), so words are rebuilt from the
 * whitespace-separated tokens by joining those inside an open quote.
 */
function argWords(instruction: Instruction, source: WordSource): TextSpan[] {
  const words: TextSpan[] = []
  let open: TextSpan | undefined
  let quote: string | undefined
  for (const argument of instruction.getArguments()) {
    const start = offsetAt(source.index, argument.getRange().start)
    const end = offsetAt(source.index, argument.getRange().end)
    open = { start: open?.start ?? start, end }
    quote = quoteAfter(source.text.slice(start, end), quote, source.escape)
    if (quote !== undefined) continue
    words.push(open)
    open = undefined
  }
  if (open !== undefined) words.push(open)
  return words
}

/**
 * The quote open after `raw`. A line continuation (with the comment lines
 * after it) is skipped in any quote: BuildKit joins the lines first.
 */
function quoteAfter(
  raw: string,
  quote: string | undefined,
  escape: string
): string | undefined {
  let open = quote
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]
    const after =
      ch === escape ? continuationEnd(raw, i + 1, raw.length) : undefined
    if (after !== undefined) i = after - 1
    else if (ch === escape && open !== "'") i++
    else if (ch === '"' || ch === "'")
      open = open === undefined ? ch : open === ch ? undefined : open
  }
  return open
}
