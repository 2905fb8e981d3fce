/**
 * Finds every image mention in one Dockerfile (FACTS.md §5): `FROM`,
 * `COPY --from`, `RUN --mount=…,from=` and the `# syntax=` directive.
 *
 * dockerfile-ast gives the instruction structure (continuations, comments,
 * heredoc bodies, the escape directive) and exact ranges. On top of it the
 * scanner expands global ARGs the way BuildKit does for `FROM` and decides
 * where a digest can be written so that the build sees `name:tag@digest`.
 * This module is the scanner's public face; the steps live in the
 * `dockerfile-*.ts` modules it imports.
 *
 * Not scanned: `ONBUILD` triggers (they run in downstream builds, FACTS.md
 * §5.6) and the `// syntax=` / JSON directive forms (not Dockerfile syntax).
 */
import { Arg, Copy, From, Run } from 'dockerfile-ast'
import type { Dockerfile } from 'dockerfile-ast'
import { Args } from './args.js'
import { ignoreChecker, syntaxSite } from './directives.js'
import { finish } from './drafts.js'
import type { Draft, SiteContext } from './drafts.js'
import { indexLines, offsetAt } from './lines.js'
import type { LineIndex } from './lines.js'
import { parseDockerfile } from './parse.js'
import { settleSharedArgs } from './shared-args.js'
import { copySites, fromSite, mountSites } from './sites.js'
import { lexWord } from './words.js'
import type { WordSource } from './words.js'
import type { ImageSite } from '../image-site.js'

export type {
  ImageSite,
  SiteSource,
  SkipCode,
  SkipReason,
  TextSpan
} from '../image-site.js'

/**
 * `spanText` with its digest part replaced: what the planner writes at `span`.
 * A reference without a tag gets `:latest`, the tag it resolved through, so
 * the result stays trackable: `node@sha256:…` would have no tag to follow
 * (skip code 'digest-only') on the next run. A span that holds only the
 * digest (`spanIsDigest`) becomes the new digest.
 */
export function pinnedSpanText(site: ImageSite, digest: string): string {
  if (site.spanIsDigest === true) return digest
  const text = site.spanText ?? ''
  const tag =
    site.ref !== undefined && site.ref.tag === undefined ? ':latest' : ''
  return `${text.slice(0, site.spanPrefixLength ?? text.length)}${tag}@${digest}`
}

export function scanDockerfile(file: string, raw: string): ImageSite[] {
  const text = withoutLoneCarriageReturns(raw)
  const index = indexLines(text)
  const dockerfile = parseDockerfile(text, index)
  const context = siteContext(file, text, index, dockerfile)
  const drafts: Draft[] = []
  const syntax = syntaxSite(context)
  if (syntax !== undefined) drafts.push(syntax)
  drafts.push(...instructionSites(context, dockerfile))
  // Only now are all ARG uses known, so shared ARG values can be judged.
  return settleSharedArgs(drafts, context.args.liveUses()).map(finish)
}

/**
 * BuildKit splits lines at \n only (a \r before it is dropped), so a lone
 * \r is whitespace inside a line; dockerfile-ast, like the LSP, breaks the
 * line there, and `RUN echo \rFROM x` would show an instruction BuildKit
 * never runs. Each lone \r is read as a space: same length, so every offset
 * and span still points into the original text.
 */
function withoutLoneCarriageReturns(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, ' ') : text
}

function siteContext(
  file: string,
  text: string,
  index: LineIndex,
  dockerfile: Dockerfile
): SiteContext {
  const escape = dockerfile.getEscapeCharacter()
  const source = { text, index, escape }
  const stageNames = new Set<string>()
  for (const from of dockerfile.getFROMs()) {
    const name = buildStage(source, from)
    if (name !== undefined) stageNames.add(name.toLowerCase())
  }
  return {
    file,
    text,
    index,
    escape,
    args: new Args(),
    isIgnored: ignoreChecker(dockerfile, index),
    stageNames
  }
}

/**
 * The name after AS as BuildKit reads it: a line continuation inside it
 * joins the two halves (dockerfile-ast keeps them in its name).
 */
function buildStage(source: WordSource, from: From): string | undefined {
  const range = from.getBuildStageRange()
  if (range === null) return undefined
  const start = offsetAt(source.index, range.start)
  const end = offsetAt(source.index, range.end)
  const word = lexWord(source.text, start, end, source.escape)
  return word.parts
    .map(p =>
      p.kind === 'literal' ? p.text : source.text.slice(p.start, p.end)
    )
    .join('')
}

/**
 * One pass in file order: an ARG is only visible to what follows it, and a
 * FROM may only name stages started before it.
 */
function instructionSites(
  context: SiteContext,
  dockerfile: Dockerfile
): Draft[] {
  const drafts: Draft[] = []
  const earlierStages = new Set<string>()
  let stage: { index: number; name?: string } | undefined
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction instanceof From) {
      const name = buildStage(context, instruction)
      const index = (stage?.index ?? -1) + 1
      stage = name === undefined ? { index } : { index, name }
      drafts.push(fromSite(context, instruction, stage, earlierStages))
      if (name !== undefined) earlierStages.add(name.toLowerCase())
    } else if (instruction instanceof Arg) {
      context.args.declare(instruction, stage !== undefined, context)
    } else if (instruction instanceof Copy) {
      drafts.push(...copySites(context, instruction, stage))
    } else if (instruction instanceof Run) {
      drafts.push(...mountSites(context, instruction, stage))
    }
  }
  return drafts
}
