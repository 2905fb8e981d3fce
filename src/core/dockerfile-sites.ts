/**
 * Sites from instructions: `FROM` (with global ARG expansion) and the
 * `COPY --from` / `RUN --mount=…,from=` flags (literal images only).
 */
import type { Copy, From, Instruction, Run } from 'dockerfile-ast'
import {
  literalExpansion,
  refDraft,
  sentence,
  skipped
} from './dockerfile-drafts.js'
import type { Draft, SiteContext } from './dockerfile-drafts.js'
import { expandWord } from './dockerfile-expand.js'
import { offsetAt } from './dockerfile-lines.js'
import type { Position } from './dockerfile-lines.js'
import { lexWord } from './dockerfile-words.js'
import type { Word } from './dockerfile-words.js'
import type { ImageSite, SiteSource, SkipCode } from './image-site.js'

type Stage = { index: number; name?: string }

const NO_IMAGE = 'FROM names no image; BuildKit rejects this line.'
const IGNORED =
  'Marked "# freshbase: ignore" in the comment above the instruction.'

export function fromSite(
  context: SiteContext,
  instruction: From,
  stage: Stage,
  earlierStages: ReadonlySet<string>
): Draft {
  const line = instruction.getRange().start.line
  const platform = literalPlatform(context, instruction)
  const base = {
    file: context.file,
    line: line + 1,
    source: 'from' as const,
    stage,
    ...(platform === undefined ? {} : { platform })
  }
  const range = instruction.getImageRange()
  if (range === null) {
    return skipped({ ...base, image: '' }, 'invalid', NO_IMAGE)
  }
  const word = wordAt(context, range)
  context.args.recordUses(word, Infinity, context.index, 'FROM')
  const expanded = expandWord(context.args, word, Infinity)
  const image = expanded.ok
    ? expanded.value.text
    : context.text.slice(word.start, word.end)
  if (context.isIgnored(line)) {
    return skipped({ ...base, image }, 'ignored', IGNORED)
  }
  if (!expanded.ok) {
    return skipped({ ...base, image }, 'variable', sentence(expanded.reason))
  }
  const other = notAnImage(image, earlierStages)
  if (other !== undefined) return skipped({ ...base, image }, ...other)
  return refDraft(context, { ...base, image }, expanded.value)
}

/** The --platform value when it has no variables; its variables count as ARG uses. */
function literalPlatform(
  context: SiteContext,
  instruction: From
): string | undefined {
  const flag = instruction.getPlatformFlag()
  const range = flag?.getValueRange() ?? null
  if (range === null) return undefined
  const word = wordAt(context, range)
  context.args.recordUses(word, Infinity, context.index, 'FROM --platform')
  const value = flag?.getValue() ?? ''
  return value === '' || value.includes('$') ? undefined : value
}

/** `scratch` and earlier stages (FACTS.md §5.5) are FROM values that are not images. */
function notAnImage(
  image: string,
  earlierStages: ReadonlySet<string>
): [SkipCode, string] | undefined {
  if (image === 'scratch') {
    return [
      'scratch',
      '"scratch" is the empty base image; there is nothing to pin.'
    ]
  }
  if (earlierStages.has(image.toLowerCase())) {
    return ['stage', `"${image}" is an earlier build stage, not an image.`]
  }
  return undefined
}

export function copySites(
  context: SiteContext,
  instruction: Copy,
  stage: ImageSite['stage']
): Draft[] {
  const drafts: Draft[] = []
  for (const flag of instruction.getFlags()) {
    const range = flag.getValueRange()
    // Flag names are case-sensitive in BuildKit (`--FROM` is an error).
    if (flag.getName() !== 'from' || range === null) continue
    const draft = fromFlagSite(context, instruction, 'copy-from', range, stage)
    if (draft !== undefined) drafts.push(draft)
  }
  return drafts
}

/** Only bind and cache mounts read `from` (FACTS.md §5.6); the default type is bind. */
export function mountSites(
  context: SiteContext,
  instruction: Run,
  stage: ImageSite['stage']
): Draft[] {
  const drafts: Draft[] = []
  for (const flag of instruction.getFlags()) {
    if (flag.getName() !== 'mount') continue
    const options = flag.getOptions()
    const type =
      options.find(o => o.getName().toLowerCase() === 'type')?.getValue() ??
      'bind'
    if (type.toLowerCase() !== 'bind' && type.toLowerCase() !== 'cache')
      continue
    for (const option of options) {
      const range = option.getValueRange()
      if (option.getName().toLowerCase() !== 'from' || range === null) continue
      const draft = fromFlagSite(
        context,
        instruction,
        'mount-from',
        range,
        stage
      )
      if (draft !== undefined) drafts.push(draft)
    }
  }
  return drafts
}

/** Stage names (any stage) and numeric stage indexes are not images, so they get no site. */
function fromFlagSite(
  context: SiteContext,
  instruction: Instruction,
  source: SiteSource,
  range: { start: Position; end: Position },
  stage: ImageSite['stage']
): Draft | undefined {
  const start = offsetAt(context.index, range.start)
  const end = offsetAt(context.index, range.end)
  const image = context.text.slice(start, end)
  if (
    image === '' ||
    /^\d+$/.test(image) ||
    context.stageNames.has(image.toLowerCase())
  )
    return undefined
  const line = instruction.getRange().start.line
  const base = {
    file: context.file,
    line: line + 1,
    source,
    image,
    ...(stage === undefined ? {} : { stage })
  }
  if (context.isIgnored(line)) return skipped(base, 'ignored', IGNORED)
  if (image.includes('$')) {
    const where =
      source === 'copy-from'
        ? 'COPY --from (BuildKit rejects it)'
        : "a mount's from= when pinning"
    return skipped(
      base,
      'variable',
      `Variables are not supported in ${where}; write the image literally to pin it.`
    )
  }
  return refDraft(context, base, literalExpansion(image, start, end))
}

function wordAt(
  context: SiteContext,
  range: { start: Position; end: Position }
): Word {
  return lexWord(
    context.text,
    offsetAt(context.index, range.start),
    offsetAt(context.index, range.end),
    context.escape
  )
}
