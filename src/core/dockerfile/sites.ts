/**
 * Sites from instructions: `FROM` (with global ARG expansion) and the
 * `COPY --from` / `RUN --mount=…,from=` flags (literal images only).
 */
import type { Copy, From, Instruction, Run } from 'dockerfile-ast'
import { refDraft, sentence, skipped } from './drafts.js'
import type { Draft, SiteContext } from './drafts.js'
import { expandWord } from './expand.js'
import { offsetAt } from './lines.js'
import type { Position } from './lines.js'
import { continuationEnd, lexWord } from './words.js'
import type { Word, WordSource } from './words.js'
import type {
  ImageSite,
  SiteSource,
  SkipCode,
  TextSpan
} from '../image-site.js'

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
    const draft = fromFlagSite(
      context,
      instruction,
      'copy-from',
      spanAt(context, range),
      stage
    )
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
    const range = flag.getValueRange()
    if (flag.getName() !== 'mount' || range === null) continue
    const options = mountOptions(context, spanAt(context, range))
    const type = options.find(o => o.name === 'type')?.value ?? 'bind'
    if (type.toLowerCase() !== 'bind' && type.toLowerCase() !== 'cache')
      continue
    for (const option of options) {
      if (option.name !== 'from') continue
      const draft = fromFlagSite(
        context,
        instruction,
        'mount-from',
        option.span,
        stage
      )
      if (draft !== undefined) drafts.push(draft)
    }
  }
  return drafts
}

interface MountOption {
  /** Lowercased key. */
  readonly name: string
  readonly value: string
  /** Where the value is written. */
  readonly span: TextSpan
}

/**
 * The `key=value` fields of a --mount value. BuildKit joins continued lines,
 * removes the flag's quotes and escapes, then splits the value at commas;
 * dockerfile-ast's option ranges ignore continuations inside the value, so
 * the fields are read here, each value with the span it is written at.
 */
function mountOptions(source: WordSource, span: TextSpan): MountOption[] {
  const options: MountOption[] = []
  let field: CookedChar[] = []
  for (const c of [...cookedChars(source, span), undefined]) {
    if (c !== undefined && c.ch !== ',') {
      field.push(c)
      continue
    }
    const eq = field.findIndex(f => f.ch === '=')
    const at = field[eq]
    if (at !== undefined) {
      const value = field.slice(eq + 1)
      options.push({
        name: joined(field.slice(0, eq)).toLowerCase(),
        value: joined(value),
        span: {
          start: value[0]?.start ?? at.end,
          end: value.at(-1)?.end ?? at.end
        }
      })
    }
    field = []
  }
  return options
}

/** A character as BuildKit reads it, and where it is written. */
interface CookedChar {
  readonly ch: string
  readonly start: number
  readonly end: number
}

/** `text[span]` with continuations joined, quotes removed and escapes applied. */
function cookedChars(source: WordSource, span: TextSpan): CookedChar[] {
  const { text, escape } = source
  const chars: CookedChar[] = []
  let quote: string | undefined
  for (let i = span.start; i < span.end; i++) {
    const ch = text[i] ?? ''
    const after =
      ch === escape ? continuationEnd(text, i + 1, span.end) : undefined
    if (after !== undefined) {
      i = after - 1
    } else if (ch === escape && quote !== "'" && i + 1 < span.end) {
      chars.push({ ch: text[i + 1] ?? '', start: i, end: i + 2 })
      i++
    } else if (
      (ch === '"' || ch === "'") &&
      (quote === undefined || quote === ch)
    ) {
      quote = quote === undefined ? ch : undefined
    } else {
      chars.push({ ch, start: i, end: i + 1 })
    }
  }
  return chars
}

function joined(chars: readonly CookedChar[]): string {
  return chars.map(c => c.ch).join('')
}

/** Stage names (any stage) and numeric stage indexes are not images, so they get no site. */
function fromFlagSite(
  context: SiteContext,
  instruction: Instruction,
  source: SiteSource,
  span: TextSpan,
  stage: ImageSite['stage']
): Draft | undefined {
  // Lexed like FROM: BuildKit removes quotes and joins continued lines.
  const word = lexWord(context.text, span.start, span.end, context.escape)
  const literal = word.parts.every(part => part.kind === 'literal')
  const image = literal
    ? word.parts
        .map(part => (part.kind === 'literal' ? part.text : ''))
        .join('')
    : context.text.slice(word.start, word.end)
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
  const expanded = literal ? expandWord(context.args, word, Infinity) : null
  if (expanded === null || !expanded.ok) {
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
  return refDraft(context, base, expanded.value)
}

function spanAt(
  context: SiteContext,
  range: { start: Position; end: Position }
): TextSpan {
  return {
    start: offsetAt(context.index, range.start),
    end: offsetAt(context.index, range.end)
  }
}

function wordAt(
  context: SiteContext,
  range: { start: Position; end: Position }
): Word {
  const { start, end } = spanAt(context, range)
  return lexWord(context.text, start, end, context.escape)
}
