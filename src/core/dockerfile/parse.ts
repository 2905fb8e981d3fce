/**
 * Parses a Dockerfile with dockerfile-ast, working around what it reads
 * differently from BuildKit: the heredoc form it misses, so that heredoc
 * bodies never look like instructions, and the parser directives it stops
 * at too early or too late, so that it uses BuildKit's escape character.
 */
import { DockerfileParser } from 'dockerfile-ast'
import type { Dockerfile } from 'dockerfile-ast'
import { lineText, offsetAt } from './lines.js'
import type { LineIndex } from './lines.js'
import type { TextSpan } from '../image-site.js'

const HEREDOC_CAPABLE = new Set(['RUN', 'COPY', 'ADD'])
const FD_HEREDOC = /^(?<fd>\d+)<<-?[^<]/

/**
 * dockerfile-ast misses heredocs with a file-descriptor prefix (`RUN 3<<EOF`),
 * which BuildKit accepts (`^(\d*)<<(-?)…`, FACTS.md §5.3), and would then
 * report lines of the body as instructions. The digits are replaced by
 * spaces (same length, so every offset stays valid) and the text re-parsed.
 */
export function parseDockerfile(text: string, index: LineIndex): Dockerfile {
  const directives = buildkitDirectives(text, index)
  let masked = text
  for (let round = 0; round < 20; round++) {
    const dockerfile = DockerfileParser.parse(masked)
    if (round === 0 && dockerfile.getEscapeCharacter() !== directives.escape) {
      masked = maskDirectives(text, index, directives)
      continue
    }
    // Cheap pre-check: the argument walk below is most of a scan's cost.
    if (!/\d<</.test(masked)) return dockerfile
    const digits = fdHeredocDigits(dockerfile, index)
    if (digits.length === 0) return dockerfile
    for (const { start, end } of digits) {
      masked =
        masked.slice(0, start) + ' '.repeat(end - start) + masked.slice(end)
    }
  }
  return DockerfileParser.parse(masked)
}

function fdHeredocDigits(dockerfile: Dockerfile, index: LineIndex): TextSpan[] {
  const escape = dockerfile.getEscapeCharacter()
  const found: TextSpan[] = []
  for (const instruction of dockerfile.getInstructions()) {
    if (!HEREDOC_CAPABLE.has(instruction.getKeyword())) continue
    const last = commandEndLine(
      index,
      escape,
      instruction.getRange().start.line
    )
    for (const argument of instruction.getArguments()) {
      const fd = FD_HEREDOC.exec(argument.getValue())?.groups?.['fd']
      const start = argument.getRange().start
      if (fd === undefined || start.line > last) continue
      const offset = offsetAt(index, start)
      found.push({ start: offset, end: offset + fd.length })
    }
  }
  return found
}

/** Last line of an instruction's command (before any heredoc body): continuations and the comment or blank lines inside them. */
function commandEndLine(
  index: LineIndex,
  escape: string,
  first: number
): number {
  const e = escape === '`' ? '`' : '\\\\'
  const continues = new RegExp(`(?:^|[^${e}])${e}[ \\t]*$`)
  const skippable = (line: number): boolean =>
    /^\s*(?:#.*)?$/.test(lineText(index, line))
  let line = first
  while (
    continues.test(lineText(index, line)) &&
    line + 1 < index.starts.length
  ) {
    line++
    while (skippable(line) && line + 1 < index.starts.length) line++
  }
  return line
}

/** Go's unicode.IsSpace, which BuildKit trims before reading a directive. */
const GO_SPACES =
  /^[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*/
/** parser/directives.go `directiveRegexp`; Go's `\s` is [\t\n\f\r ]. */
const DIRECTIVE =
  /^([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*([^]+?)[\t\n\f\r ]*$/
const DIRECTIVE_KEYS = new Set(['syntax', 'escape', 'check'])

interface DirectiveBlock {
  /** How many lines at the top are directives. */
  readonly lines: number
  readonly escape: string
  /** 0-based line of the escape directive. */
  readonly escapeLine?: number
}

/**
 * The parser directives as BuildKit reads them (parser/directives.go
 * `DirectiveParser.ParseLine`, FACTS.md §5.2): from the top, `#key=value`
 * lines with a known key, each at most once; the first other line ends them.
 * BuildKit rejects a repeated key or an escape other than \ and `; the block
 * ends there too, since no build uses such a file.
 */
function buildkitDirectives(text: string, index: LineIndex): DirectiveBlock {
  const seen = new Set<string>()
  let block: DirectiveBlock = { lines: 0, escape: '\\' }
  for (let line = 0; line < index.starts.length; line++) {
    const { start, end } = lineContent(text, index, line)
    const content = text.slice(start, end).replace(GO_SPACES, '')
    if (!content.startsWith('#')) return block
    const match = DIRECTIVE.exec(content.slice(1).replace(GO_SPACES, ''))
    const key = match?.[1]?.toLowerCase() ?? ''
    const value = match?.[2] ?? ''
    if (!DIRECTIVE_KEYS.has(key) || seen.has(key)) return block
    if (key === 'escape' && value !== '\\' && value !== '`') return block
    seen.add(key)
    block =
      key === 'escape'
        ? { lines: line + 1, escape: value, escapeLine: line }
        : { ...block, lines: line + 1 }
  }
  return block
}

/** A line without its line break, and without the BOM on line 0. */
function lineContent(text: string, index: LineIndex, line: number): TextSpan {
  const first = index.starts[line] ?? text.length
  const start = line === 0 && text.startsWith('\uFEFF') ? first + 1 : first
  return { start, end: first + lineText(index, line).length }
}

/**
 * dockerfile-ast ends the directives at whitespace after a value (so
 * `# syntax=docker/dockerfile:1 ` hides a following `# escape=\``) and reads
 * `#key=value` lines with any key as directives (so `# foo=bar` does not
 * hide one). When its escape character differs from BuildKit's, the text it
 * parses gets BuildKit's directive lines rewritten in a form it reads
 * (`#   x=y`, `#   escape=\``) and the comment line after them blanked
 * (`#    `), each keeping its length, so every offset stays valid. Comment
 * text is read from the original text, never from this parse.
 */
function maskDirectives(
  text: string,
  index: LineIndex,
  block: DirectiveBlock
): string {
  let masked = text
  const rewrite = (line: number, make: (length: number) => string): void => {
    const { start, end } = lineContent(text, index, line)
    const replacement = make(end - start)
    // Offsets must stay valid; BuildKit's directive lines are long enough.
    if (replacement.length !== end - start) return
    masked = masked.slice(0, start) + replacement + masked.slice(end)
  }
  for (let line = 0; line < block.lines; line++) {
    const body = line === block.escapeLine ? `escape=${block.escape}` : 'x=y'
    rewrite(line, length => `#${body.padStart(length - 1, ' ')}`)
  }
  const { start, end } = lineContent(text, index, block.lines)
  const comment = /^[ \t]*#/.exec(text.slice(start, end))?.[0]
  if (block.lines < index.starts.length && comment !== undefined) {
    rewrite(block.lines, length => comment.padEnd(length, ' '))
  }
  return masked
}
