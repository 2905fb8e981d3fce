/**
 * Parses a Dockerfile with dockerfile-ast, working around the one heredoc
 * form it misreads so that heredoc bodies never look like instructions.
 */
import { DockerfileParser } from 'dockerfile-ast'
import type { Dockerfile } from 'dockerfile-ast'
import { lineText, offsetAt } from './dockerfile-lines.js'
import type { LineIndex } from './dockerfile-lines.js'
import type { TextSpan } from './image-site.js'

const HEREDOC_CAPABLE = new Set(['RUN', 'COPY', 'ADD'])
const FD_HEREDOC = /^(?<fd>\d+)<<-?[^<]/

/**
 * dockerfile-ast misses heredocs with a file-descriptor prefix (`RUN 3<<EOF`),
 * which BuildKit accepts (`^(\d*)<<(-?)…`, FACTS.md §5.3), and would then
 * report lines of the body as instructions. The digits are replaced by
 * spaces (same length, so every offset stays valid) and the text re-parsed.
 */
export function parseDockerfile(text: string, index: LineIndex): Dockerfile {
  let masked = text
  for (let round = 0; round < 20; round++) {
    const dockerfile = DockerfileParser.parse(masked)
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
