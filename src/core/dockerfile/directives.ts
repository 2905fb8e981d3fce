/**
 * Comment lines with a meaning: the `# syntax=` parser directive, which
 * names the frontend image and so is a site itself, and the
 * `# freshbase: ignore` marker, which exempts the instruction below it.
 */
import type { Dockerfile } from 'dockerfile-ast'
import { literalExpansion, refDraft } from './drafts.js'
import type { Draft, SiteContext } from './drafts.js'
import { lineText } from './lines.js'
import type { LineIndex } from './lines.js'

const IGNORE_COMMENT = /^freshbase\s*:\s*ignore(?![\w-])/i

/** Where the `# syntax=` image is written. */
interface SyntaxDirective {
  /** 0-based line. */
  readonly line: number
  /** Offset of the image in the text. */
  readonly start: number
  readonly image: string
}

/**
 * `# freshbase: ignore` in the comment block directly above the instruction.
 * The comment text comes from the file, not from the parse, which may have
 * seen a masked line (dockerfile-parse.ts).
 */
export function ignoreChecker(
  dockerfile: Dockerfile,
  index: LineIndex
): (line: number) => boolean {
  const commentLines = new Set<number>()
  const ignoreLines = new Set<number>()
  for (const comment of dockerfile.getComments()) {
    const line = comment.getRange().start.line
    commentLines.add(line)
    const content = lineText(index, line).replace(/^\uFEFF?\s*#\s*/, '')
    if (IGNORE_COMMENT.test(content)) ignoreLines.add(line)
  }
  return line => {
    for (let above = line - 1; commentLines.has(above); above--) {
      if (ignoreLines.has(above)) return true
    }
    return false
  }
}

/** The site of the `# syntax=` frontend image, if the file names one. */
export function syntaxSite(context: SiteContext): Draft | undefined {
  const directive = findSyntaxDirective(context.text, context.index)
  if (directive === undefined) return undefined
  const { line, start, image } = directive
  const base = {
    file: context.file,
    line: line + 1,
    source: 'syntax' as const,
    image
  }
  return refDraft(
    context,
    base,
    literalExpansion(image, start, start + image.length)
  )
}

/**
 * The frontend image, read the way BuildKit's DetectSyntax does
 * (parser/directives.go): after a BOM and an optional `#!` line, only
 * consecutive `#key=value` lines at the very top with a known key, each at
 * most once; the image is the first space-separated word of the value.
 */
function findSyntaxDirective(
  text: string,
  index: LineIndex
): SyntaxDirective | undefined {
  const seen = new Set<string>()
  for (let line = 0; line < index.starts.length; line++) {
    const skip = line === 0 && text.startsWith('\uFEFF') ? 1 : 0
    const content = lineText(index, line).slice(skip)
    if (line === 0 && content.startsWith('#!')) continue
    if (!content.startsWith('#')) return undefined
    const body = content.slice(1).trimStart()
    const match = /^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/d.exec(body)
    const key = match?.[1]?.toLowerCase()
    const valueAt = match?.indices?.[2]?.[0]
    if (key === undefined || valueAt === undefined || seen.has(key))
      return undefined
    if (key !== 'syntax' && key !== 'escape' && key !== 'check')
      return undefined
    seen.add(key)
    if (key !== 'syntax') continue
    const start =
      (index.starts[line] ?? 0) + skip + content.length - body.length + valueAt
    const image = (match?.[2] ?? '').split(' ')[0] ?? ''
    return { line, start, image }
  }
  return undefined
}
