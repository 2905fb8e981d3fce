/**
 * Words: the text of an image token or ARG value, split into literal text
 * and variable references, with the raw offsets of each part. The offsets
 * are what lets a digest be written back into exactly the text that
 * produced the end of the reference.
 */
import type { LineIndex } from './lines.js'

/** What lexing needs to know about the file being scanned. */
export interface WordSource {
  readonly text: string
  readonly index: LineIndex
  /** The escape directive's character: `\` or a backtick. */
  readonly escape: string
}

export interface LiteralPart {
  readonly kind: 'literal'
  /** The characters as the shell sees them (escapes and quotes removed). */
  readonly text: string
  readonly start: number
  readonly end: number
}

export interface VariablePart {
  readonly kind: 'variable'
  readonly name: string
  /** '' for $X and ${X}; otherwise the operator as written, e.g. ':-', '-', ':+', '%%'. */
  readonly operator: string
  /** The word after ':-' or '-'. */
  readonly fallback?: Word
  readonly start: number
  readonly end: number
}

export type Part = LiteralPart | VariablePart

export interface Word {
  readonly start: number
  readonly end: number
  readonly parts: readonly Part[]
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/
const OPERATOR = /^(?::-|:\+|:\?|:|-|\+|\?|##|#|%%|%|\/\/|\/)/

/**
 * Lexes `text[start, end)` like BuildKit's shell lexer does for expansion
 * (shell/lex.go, FACTS.md §5.4): quotes are dropped, single quotes keep `$`
 * literal, the escape character escapes the next one, and a line
 * continuation (with comment lines after it) is skipped.
 */
export function lexWord(
  text: string,
  start: number,
  end: number,
  escape: string
): Word {
  const parts = new WordLexer(text, end, escape).lex(start)
  return { start, end, parts }
}

/** The state of one `lexWord` call: the open quote and the literal run being collected. */
class WordLexer {
  private readonly parts: Part[] = []
  private literal: { text: string; start: number; end: number } | undefined
  private quote: string | undefined

  constructor(
    private readonly text: string,
    private readonly end: number,
    private readonly escape: string
  ) {}

  lex(start: number): Part[] {
    let i = start
    while (i < this.end) i = this.step(i)
    this.flush()
    return this.parts
  }

  /** Consumes what starts at `i` and returns the offset after it. */
  private step(i: number): number {
    const ch = this.text[i] ?? ''
    if (ch === this.escape) {
      // BuildKit joins continued lines before it reads quotes, so a
      // continuation counts inside single quotes too.
      const after = continuationEnd(this.text, i + 1, this.end)
      if (after !== undefined) {
        this.flush()
        return after
      }
      if (this.quote !== "'") return this.escaped(i)
    }
    if (
      (ch === '"' || ch === "'") &&
      (this.quote === undefined || this.quote === ch)
    ) {
      this.flush()
      this.quote = this.quote === undefined ? ch : undefined
      return i + 1
    }
    const variable =
      ch === '$' && this.quote !== "'"
        ? lexVariable(this.text, i, this.end, this.escape)
        : undefined
    if (variable === undefined) {
      this.add(ch, i, i + 1)
      return i + 1
    }
    this.flush()
    this.parts.push(variable)
    return variable.end
  }

  /** The escape character at `i` (not a continuation): the next character taken literally. */
  private escaped(i: number): number {
    this.add(this.text[i + 1] ?? '', i, Math.min(i + 2, this.end))
    return i + 2
  }

  private add(ch: string, from: number, to: number): void {
    this.literal = {
      text: (this.literal?.text ?? '') + ch,
      start: this.literal?.start ?? from,
      end: to
    }
  }

  private flush(): void {
    if (this.literal !== undefined)
      this.parts.push({ kind: 'literal', ...this.literal })
    this.literal = undefined
  }
}

/** After an escape character: the offset past the line break and any comment or blank lines, if this is a continuation. */
export function continuationEnd(
  text: string,
  from: number,
  end: number
): number | undefined {
  const rest = text.slice(from, end)
  const brk = /^[ \t]*(?:\r\n|\r|\n)/.exec(rest)
  if (brk === null) return undefined
  const skipped = /^(?:[ \t]*(?:#[^\r\n]*)?(?:\r\n|\r|\n))*/.exec(
    rest.slice(brk[0].length)
  )
  return from + brk[0].length + (skipped?.[0].length ?? 0)
}

function lexVariable(
  text: string,
  at: number,
  end: number,
  escape: string
): VariablePart | undefined {
  const braced = text[at + 1] === '{'
  const nameStart = at + (braced ? 2 : 1)
  const name = NAME.exec(text.slice(nameStart, end))?.[0]
  if (name === undefined) return undefined
  const afterName = nameStart + name.length
  if (!braced) {
    return { kind: 'variable', name, operator: '', start: at, end: afterName }
  }
  const operator = OPERATOR.exec(text.slice(afterName, end))?.[0] ?? ''
  const close = closingBrace(text, afterName + operator.length, end, escape)
  if (close === undefined) return undefined
  if (operator === '' && close !== afterName) return undefined
  const wordStart = afterName + operator.length
  const fallback =
    operator === ':-' || operator === '-'
      ? lexWord(text, wordStart, close, escape)
      : undefined
  return {
    kind: 'variable',
    name,
    operator,
    ...(fallback === undefined ? {} : { fallback }),
    start: at,
    end: close + 1
  }
}

function closingBrace(
  text: string,
  from: number,
  end: number,
  escape: string
): number | undefined {
  let depth = 0
  for (let i = from; i < end; i++) {
    const ch = text[i]
    if (ch === escape) i++
    else if (ch === '$' && text[i + 1] === '{') depth++
    else if (ch === '}' && depth-- === 0) return i
  }
  return undefined
}

/** Every variable reference in `word`, including those inside `:-` defaults. */
export function variables(word: Word | undefined): VariablePart[] {
  return (word?.parts ?? []).flatMap(part =>
    part.kind === 'variable' ? [part, ...variables(part.fallback)] : []
  )
}
