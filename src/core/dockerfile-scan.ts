/**
 * Finds every image mention in one Dockerfile (FACTS.md §5): `FROM`,
 * `COPY --from`, `RUN --mount=…,from=` and the `# syntax=` directive.
 *
 * dockerfile-ast gives the instruction structure (continuations, comments,
 * heredoc bodies, the escape directive) and exact ranges. On top of it this
 * module expands global ARGs the way BuildKit does for `FROM` and decides
 * where a digest can be written so that the build sees `name:tag@digest`.
 *
 * Not scanned: `ONBUILD` triggers (they run in downstream builds, FACTS.md
 * §5.6) and the `// syntax=` / JSON directive forms (not Dockerfile syntax).
 */
import { Arg, Copy, DockerfileParser, From, Run } from 'dockerfile-ast'
import type { Dockerfile, Instruction } from 'dockerfile-ast'
import { parseImageRef } from './image-ref.js'
import type { ImageRef } from './image-ref.js'

export type SiteSource = 'from' | 'copy-from' | 'mount-from' | 'syntax'

export type SkipCode =
  'scratch' | 'stage' | 'digest-only' | 'variable' | 'ignored' | 'invalid'

export interface SkipReason {
  readonly code: SkipCode
  /** Full sentence for the user: why, and how to make it pinnable when it can be. */
  readonly message: string
}

/** Offsets are UTF-16 code unit indexes into the file text as read (BOM included). */
export interface TextSpan {
  readonly start: number
  readonly end: number
}

/**
 * One image mention. The span fields (`span`, `spanText`, `spanPrefixLength`,
 * `spanLine`, `spanArg`) are present exactly when `skip` is absent: a skipped
 * site has nothing to rewrite.
 */
export interface ImageSite {
  readonly file: string
  /** 1-based line of the instruction that mentions the image (the FROM/COPY/RUN/# syntax line). */
  readonly line: number
  readonly source: SiteSource
  /**
   * The reference as the build sees it, after ARG expansion, e.g.
   * "node:20@sha256:…". When expansion is impossible, the text as written.
   */
  readonly image: string
  /**
   * The exact span to replace with the pinned text. For a literal reference
   * it is the reference token; when the reference comes from an ARG default
   * it is the ARG value (inside quotes) or the `${X:-default}` default.
   */
  readonly span?: TextSpan
  /** The text currently at `span`. */
  readonly spanText?: string
  /**
   * What `spanText` must become, as a function of the new digest, is
   * `pinnedSpanText(site, digest)`: spanText with its digest part replaced.
   * `spanPrefixLength` is the length of spanText before any existing "@digest".
   */
  readonly spanPrefixLength?: number
  /** 1-based line where the span starts (differs from `line` for ARG values). */
  readonly spanLine?: number
  /** The global ARG whose value holds `span`, when the pin goes into an ARG. */
  readonly spanArg?: string
  /** The literal --platform value, when given without variables. */
  readonly platform?: string
  /** The stage the FROM starts, or the stage the COPY/RUN belongs to. Absent for `# syntax`. */
  readonly stage?: { readonly index: number; readonly name?: string }
  readonly ref?: ImageRef
  readonly skip?: SkipReason
}

/**
 * `spanText` with its digest part replaced: what the planner writes at `span`.
 * A reference without a tag gets `:latest`, the tag it resolved through, so
 * the result stays trackable: `node@sha256:…` would have no tag to follow
 * (skip code 'digest-only') on the next run.
 */
export function pinnedSpanText(site: ImageSite, digest: string): string {
  const text = site.spanText ?? ''
  const tag =
    site.ref !== undefined && site.ref.tag === undefined ? ':latest' : ''
  return `${text.slice(0, site.spanPrefixLength ?? text.length)}${tag}@${digest}`
}

export function scanDockerfile(file: string, text: string): ImageSite[] {
  const index = indexLines(text)
  const dockerfile = parseDockerfile(text, index)
  const scan = new Scan(file, text, index, dockerfile)
  return scan.sites()
}

// ---------------------------------------------------------------------------
// Positions

interface LineIndex {
  readonly text: string
  /** Offset where each line starts; breaks are \r\n, \r and \n, as in the LSP TextDocument dockerfile-ast uses. */
  readonly starts: readonly number[]
}

interface Position {
  readonly line: number
  readonly character: number
}

function indexLines(text: string): LineIndex {
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
function offsetAt(index: LineIndex, position: Position): number {
  return (index.starts[position.line] ?? index.text.length) + position.character
}

/** 0-based line containing `offset`. */
function lineAt(index: LineIndex, offset: number): number {
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
function lineText(index: LineIndex, line: number): string {
  const start = index.starts[line] ?? index.text.length
  const next = index.starts[line + 1] ?? index.text.length
  return index.text.slice(start, next).replace(/\r?\n$|\r$/, '')
}

// ---------------------------------------------------------------------------
// Parsing

/**
 * dockerfile-ast misses heredocs with a file-descriptor prefix (`RUN 3<<EOF`),
 * which BuildKit accepts (`^(\d*)<<(-?)…`, FACTS.md §5.3), and would then
 * report lines of the body as instructions. The digits are replaced by
 * spaces (same length, so every offset stays valid) and the text re-parsed.
 */
function parseDockerfile(text: string, index: LineIndex): Dockerfile {
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

const HEREDOC_CAPABLE = new Set(['RUN', 'COPY', 'ADD'])
const FD_HEREDOC = /^(?<fd>\d+)<<-?[^<]/

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

// ---------------------------------------------------------------------------
// Words: the text of an image token or ARG value, split into literal text and
// variable references, with the raw offsets of each part.

interface LiteralPart {
  readonly kind: 'literal'
  /** The characters as the shell sees them (escapes and quotes removed). */
  readonly text: string
  readonly start: number
  readonly end: number
}

interface VariablePart {
  readonly kind: 'variable'
  readonly name: string
  /** '' for $X and ${X}; otherwise the operator as written, e.g. ':-', '-', ':+', '%%'. */
  readonly operator: string
  /** The word after ':-' or '-'. */
  readonly fallback?: Word
  readonly start: number
  readonly end: number
}

type Part = LiteralPart | VariablePart

interface Word {
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
function lexWord(
  text: string,
  start: number,
  end: number,
  escape: string
): Word {
  const parts: Part[] = []
  let literal: { text: string; start: number; end: number } | undefined
  const flush = (): void => {
    if (literal !== undefined) parts.push({ kind: 'literal', ...literal })
    literal = undefined
  }
  const add = (ch: string, from: number, to: number): void => {
    literal = {
      text: (literal?.text ?? '') + ch,
      start: literal?.start ?? from,
      end: to
    }
  }
  let quote: string | undefined
  let i = start
  while (i < end) {
    const ch = text[i] ?? ''
    if (ch === escape && quote !== "'") {
      const after = continuationEnd(text, i + 1, end)
      if (after !== undefined) {
        flush()
        i = after
      } else {
        add(text[i + 1] ?? '', i, Math.min(i + 2, end))
        i += 2
      }
    } else if (
      (ch === '"' || ch === "'") &&
      (quote === undefined || quote === ch)
    ) {
      flush()
      quote = quote === undefined ? ch : undefined
      i++
    } else {
      const variable =
        ch === '$' && quote !== "'"
          ? lexVariable(text, i, end, escape)
          : undefined
      if (variable === undefined) {
        add(ch, i, i + 1)
        i++
      } else {
        flush()
        parts.push(variable)
        i = variable.end
      }
    }
  }
  flush()
  return { start, end, parts }
}

/** After an escape character: the offset past the line break and any comment or blank lines, if this is a continuation. */
function continuationEnd(
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

function variables(word: Word | undefined): VariablePart[] {
  return (word?.parts ?? []).flatMap(part =>
    part.kind === 'variable' ? [part, ...variables(part.fallback)] : []
  )
}

// ---------------------------------------------------------------------------
// Global ARGs and expansion

interface ArgDecl {
  readonly name: string
  /** 0-based line of the ARG instruction. */
  readonly line: number
  /** Position among global declarations; a value sees only earlier ones. */
  readonly order: number
  /** Absent when declared without `=`. */
  readonly value?: Word
}

/** A reference to a global ARG that a digest in its value would change. */
interface ArgUse {
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

/**
 * BuildKit's automatic platform ARGs are global and set per build platform
 * (FACTS.md §5.4): an image that depends on them has no single digest.
 */
const PLATFORM_ARGS = new Set([
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT'
])

interface Expansion {
  readonly text: string
  readonly pieces: readonly Piece[]
}

/** A part of a word and where its expansion lies in `Expansion.text`. */
interface Piece {
  readonly part: Part
  readonly from: number
  readonly to: number
  /** For a variable: the word it expanded to, and the ARG it came from unless it was the `:-` default. */
  readonly inner?: Expansion
  readonly decl?: ArgDecl
}

type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string }

class Args {
  readonly globals: ArgDecl[] = []
  /** ARGs declared inside stages, for messages: name → first 0-based line. */
  readonly staged = new Map<string, number>()
  readonly uses: ArgUse[] = []

  /** The declaration a reference sees: the last global one before `order`. */
  lookup(name: string, order: number): ArgDecl | undefined {
    return this.globals.findLast(d => d.name === name && d.order < order)
  }

  expand(word: Word, order: number): Result<Expansion> {
    let text = ''
    const pieces: Piece[] = []
    for (const part of word.parts) {
      if (part.kind === 'literal') {
        pieces.push({
          part,
          from: text.length,
          to: text.length + part.text.length
        })
        text += part.text
        continue
      }
      const resolved = this.resolve(part, order)
      if (!resolved.ok) return resolved
      const { inner, decl } = resolved.value
      pieces.push({
        part,
        from: text.length,
        to: text.length + inner.text.length,
        inner,
        ...(decl === undefined ? {} : { decl })
      })
      text += inner.text
    }
    return { ok: true, value: { text, pieces } }
  }

  private resolve(
    part: VariablePart,
    order: number
  ): Result<{ inner: Expansion; decl?: ArgDecl }> {
    const { name, operator } = part
    if (PLATFORM_ARGS.has(name)) {
      return fail(
        `the image depends on ${name}, which BuildKit sets per target platform, so no single digest can pin it; use one multi-platform tag instead`
      )
    }
    if (operator !== '' && operator !== ':-' && operator !== '-') {
      return fail(
        `\${${name}${operator}…} is not supported for pinning; only $${name}, \${${name}} and \${${name}:-default} are. Put the whole image in one ARG with a default value`
      )
    }
    const decl = this.lookup(name, order)
    if (decl?.value !== undefined) {
      const value = this.expand(decl.value, decl.order)
      if (!value.ok) return value
      if (value.value.text !== '' || operator !== ':-') {
        return { ok: true, value: { inner: value.value, decl } }
      }
    }
    if (part.fallback === undefined) return fail(this.noValue(name, decl))
    if (decl !== undefined && decl.value === undefined && operator === '-') {
      return fail(
        `ARG ${name} is declared without a value, and whether \${${name}-…} then uses its default differs between BuildKit versions; write \${${name}:-…} or give ARG ${name} a default value`
      )
    }
    const fallback = this.expand(part.fallback, order)
    return fallback.ok
      ? { ok: true, value: { inner: fallback.value } }
      : fallback
  }

  private noValue(name: string, decl: ArgDecl | undefined): string {
    if (decl !== undefined) {
      return `ARG ${name} has no default value, so the image is only known at build time; give it one (ARG ${name}=image:tag) to pin it`
    }
    const staged = this.staged.get(name)
    if (staged !== undefined) {
      return `ARG ${name} is declared inside a stage (line ${staged + 1}), where FROM cannot see it; declare it with a default value above the first FROM to pin this image`
    }
    return `ARG ${name} is not declared above the first FROM, so it expands to nothing; declare it there with a default value to pin this image`
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

function fail<T>(reason: string): Result<T> {
  return { ok: false, reason }
}

// ---------------------------------------------------------------------------
// Where the digest goes

interface PinTarget {
  readonly start: number
  readonly end: number
  readonly prefixLength: number
  /** The ARG whose value holds the span. */
  readonly arg?: ArgDecl
  /** Every ARG whose value the digest changes (the target's ARG and those that reference it on the way). */
  readonly chain: readonly ArgDecl[]
  /** The `$` offsets of the references followed to get there. */
  readonly path: readonly number[]
}

/**
 * The digest is appended at the end of the reference, so it goes into the
 * text that produces the end: the literal tail of the word (span = the whole
 * word as written), or, when the word ends with a variable, that variable's
 * value or `:-` default, recursively. Any other variable must stay out of the
 * tag: a digest would otherwise silently outlive a `--build-arg` that changes
 * the tag. `tagStart` is where the tag begins in this word's expansion.
 */
function locatePin(
  text: string,
  expansion: Expansion,
  tagStart: number,
  from?: ArgDecl
): Result<PinTarget> {
  const last = expansion.pieces.at(-1)
  if (last === undefined) return fail('the reference is empty')
  const inTag = expansion.pieces.filter(
    p =>
      p !== last &&
      p.part.kind === 'variable' &&
      (p.to > tagStart || (p.from === p.to && p.from > tagStart))
  )
  const names = inTag.map(p => (p.part.kind === 'variable' ? p.part.name : ''))
  if (last.part.kind === 'literal') {
    if (names.length > 0) {
      return fail(
        `the tag depends on ARG ${names.join(', ')} but the reference ends in fixed text, so a digest there would silently ignore a --build-arg that changes the tag; put the whole tag in one ARG to pin it`
      )
    }
    const start = expansion.pieces[0]?.part.start ?? last.part.start
    const spanText = text.slice(start, last.part.end)
    const at = expansion.text.includes('@') ? spanText.lastIndexOf('@') : -1
    const prefixLength = at < 0 ? spanText.length : at
    return {
      ok: true,
      value: {
        start,
        end: last.part.end,
        prefixLength,
        ...(from === undefined ? {} : { arg: from }),
        chain: from === undefined ? [] : [from],
        path: []
      }
    }
  }
  if (names.length > 0) {
    return fail(
      `the tag comes from several ARGs (${[...names, last.part.name].join(', ')}), and a digest can only follow one of them; put the whole tag in one ARG to pin it`
    )
  }
  if (last.inner === undefined || last.inner.text === '') {
    return fail(
      `the reference ends with $${last.part.name}, which is empty; move the tag into ARG ${last.part.name} or remove the variable`
    )
  }
  const holder = last.decl ?? from
  const inner = locatePin(text, last.inner, tagStart - last.from, holder)
  if (!inner.ok) return inner
  const chain = new Set([
    ...(from === undefined ? [] : [from]),
    ...inner.value.chain
  ])
  return {
    ok: true,
    value: {
      ...inner.value,
      chain: [...chain],
      path: [last.part.start, ...inner.value.path]
    }
  }
}

// ---------------------------------------------------------------------------
// The scan

interface Draft {
  readonly site: ImageSite
  readonly pin?: PinTarget
}

const IGNORE_COMMENT = /^freshbase\s*:\s*ignore(?![\w-])/i
const NO_IMAGE = 'FROM names no image; BuildKit rejects this line.'
const IGNORED =
  'Marked "# freshbase: ignore" in the comment above the instruction.'
const DIGEST_ONLY =
  'no tag to track; add the tag you want to follow, e.g. image:tag@sha256:…'

class Scan {
  private readonly escape: string
  private readonly args = new Args()
  private readonly commentLines = new Set<number>()
  private readonly ignoreLines = new Set<number>()
  /** Lowercased names of every stage (COPY --from and mounts may name any stage). */
  private readonly stageNames = new Set<string>()

  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly index: LineIndex,
    private readonly dockerfile: Dockerfile
  ) {
    this.escape = dockerfile.getEscapeCharacter()
    for (const comment of dockerfile.getComments()) {
      const line = comment.getRange().start.line
      this.commentLines.add(line)
      if (IGNORE_COMMENT.test(comment.getContent())) this.ignoreLines.add(line)
    }
    for (const from of dockerfile.getFROMs()) {
      const name = from.getBuildStage()
      if (name !== null) this.stageNames.add(name.toLowerCase())
    }
  }

  sites(): ImageSite[] {
    const drafts: Draft[] = []
    const syntax = this.syntaxSite()
    if (syntax !== undefined) drafts.push(syntax)
    drafts.push(...this.instructionSites())
    return this.settleSharedArgs(drafts).map(finish)
  }

  private instructionSites(): Draft[] {
    const drafts: Draft[] = []
    const earlierStages = new Set<string>()
    let stage: { index: number; name?: string } | undefined
    for (const instruction of this.dockerfile.getInstructions()) {
      if (instruction instanceof From) {
        const name = instruction.getBuildStage() ?? undefined
        const index = (stage?.index ?? -1) + 1
        stage = name === undefined ? { index } : { index, name }
        drafts.push(this.fromSite(instruction, stage, earlierStages))
        if (name !== undefined) earlierStages.add(name.toLowerCase())
      } else if (instruction instanceof Arg) {
        this.declareArgs(instruction, stage !== undefined)
      } else if (instruction instanceof Copy) {
        drafts.push(...this.copySites(instruction, stage))
      } else if (instruction instanceof Run) {
        drafts.push(...this.mountSites(instruction, stage))
      }
    }
    return drafts
  }

  // -- ARG ------------------------------------------------------------------

  private declareArgs(instruction: Arg, inStage: boolean): void {
    const line = instruction.getRange().start.line
    for (const { start, end } of this.argWords(instruction)) {
      const raw = this.text.slice(start, end)
      const eq = raw.indexOf('=')
      const name = eq < 0 ? raw : raw.slice(0, eq)
      const value =
        eq < 0
          ? undefined
          : lexWord(this.text, start + eq + 1, end, this.escape)
      if (inStage) this.declareStageArg(name, line, start, value)
      else this.declareGlobalArg(name, line, value)
    }
  }

  private declareGlobalArg(
    name: string,
    line: number,
    value: Word | undefined
  ): void {
    const order = this.args.globals.length
    const decl: ArgDecl = {
      name,
      line,
      order,
      ...(value === undefined ? {} : { value })
    }
    this.args.globals.push(decl)
    this.args.recordUses(value, order, this.index, `ARG ${name}`, decl)
  }

  /** `ARG NAME` without a value inside a stage imports the global value, so a digest there would reach the stage too. */
  private declareStageArg(
    name: string,
    line: number,
    start: number,
    value: Word | undefined
  ): void {
    if (!this.args.staged.has(name)) this.args.staged.set(name, line)
    const decl = this.args.lookup(name, Infinity)
    if (value === undefined && decl !== undefined)
      this.args.uses.push({ decl, start, line, by: `ARG ${name} in a stage` })
  }

  /**
   * dockerfile-ast splits arguments at whitespace even inside quotes (and
   * reads `ARG A B=1` as one property), so words are rebuilt from the
   * whitespace-separated tokens by joining those inside an open quote.
   */
  private argWords(instruction: Instruction): TextSpan[] {
    const words: TextSpan[] = []
    let open: TextSpan | undefined
    let quote: string | undefined
    for (const argument of instruction.getArguments()) {
      const start = offsetAt(this.index, argument.getRange().start)
      const end = offsetAt(this.index, argument.getRange().end)
      open = { start: open?.start ?? start, end }
      quote = quoteAfter(this.text.slice(start, end), quote, this.escape)
      if (quote !== undefined) continue
      words.push(open)
      open = undefined
    }
    if (open !== undefined) words.push(open)
    return words
  }

  // -- FROM -----------------------------------------------------------------

  private fromSite(
    instruction: From,
    stage: { index: number; name?: string },
    earlierStages: ReadonlySet<string>
  ): Draft {
    const line = instruction.getRange().start.line
    const platform = this.literalPlatform(instruction)
    const base = {
      file: this.file,
      line: line + 1,
      source: 'from' as const,
      stage,
      ...(platform === undefined ? {} : { platform })
    }
    const range = instruction.getImageRange()
    if (range === null) {
      return skipped({ ...base, image: '' }, 'invalid', NO_IMAGE)
    }
    const word = this.wordAt(range)
    this.args.recordUses(word, Infinity, this.index, 'FROM')
    const expanded = this.args.expand(word, Infinity)
    const image = expanded.ok
      ? expanded.value.text
      : this.text.slice(word.start, word.end)
    if (this.isIgnored(line)) {
      return skipped({ ...base, image }, 'ignored', IGNORED)
    }
    if (!expanded.ok) {
      return skipped({ ...base, image }, 'variable', sentence(expanded.reason))
    }
    const other = notAnImage(image, earlierStages)
    if (other !== undefined) return skipped({ ...base, image }, ...other)
    return this.refDraft({ ...base, image }, expanded.value)
  }

  /** The --platform value when it has no variables; its variables count as ARG uses. */
  private literalPlatform(instruction: From): string | undefined {
    const flag = instruction.getPlatformFlag()
    const range = flag?.getValueRange() ?? null
    if (range === null) return undefined
    const word = this.wordAt(range)
    this.args.recordUses(word, Infinity, this.index, 'FROM --platform')
    const value = flag?.getValue() ?? ''
    return value === '' || value.includes('$') ? undefined : value
  }

  /** A reference that parsed: pin it unless it is digest-only or its text cannot carry the digest. */
  private refDraft(base: Omit<ImageSite, 'ref'>, expansion: Expansion): Draft {
    const parsed = parseImageRef(base.image)
    if (!parsed.ok) return skipped(base, 'invalid', sentence(parsed.error))
    const withRef = { ...base, ref: parsed.ref }
    if (parsed.ref.tag === undefined && parsed.ref.digest !== undefined) {
      return skipped(withRef, 'digest-only', DIGEST_ONLY)
    }
    const pin = locatePin(this.text, expansion, parsed.ref.name.length)
    if (!pin.ok) return skipped(withRef, 'variable', sentence(pin.reason))
    return { site: this.withSpan(withRef, pin.value), pin: pin.value }
  }

  private withSpan(site: ImageSite, pin: PinTarget): ImageSite {
    const spanText = this.text.slice(pin.start, pin.end)
    return {
      ...site,
      span: { start: pin.start, end: pin.end },
      spanText,
      spanPrefixLength: pin.prefixLength,
      spanLine: lineAt(this.index, pin.start) + 1,
      ...(pin.arg === undefined ? {} : { spanArg: pin.arg.name })
    }
  }

  // -- COPY --from and RUN --mount=from= --------------------------------------

  private copySites(instruction: Copy, stage: ImageSite['stage']): Draft[] {
    const drafts: Draft[] = []
    for (const flag of instruction.getFlags()) {
      const range = flag.getValueRange()
      // Flag names are case-sensitive in BuildKit (`--FROM` is an error).
      if (flag.getName() !== 'from' || range === null) continue
      const draft = this.fromFlagSite(instruction, 'copy-from', range, stage)
      if (draft !== undefined) drafts.push(draft)
    }
    return drafts
  }

  /** Only bind and cache mounts read `from` (FACTS.md §5.6); the default type is bind. */
  private mountSites(instruction: Run, stage: ImageSite['stage']): Draft[] {
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
        if (option.getName().toLowerCase() !== 'from' || range === null)
          continue
        const draft = this.fromFlagSite(instruction, 'mount-from', range, stage)
        if (draft !== undefined) drafts.push(draft)
      }
    }
    return drafts
  }

  /** Stage names (any stage) and numeric stage indexes are not images, so they get no site. */
  private fromFlagSite(
    instruction: Instruction,
    source: SiteSource,
    range: { start: Position; end: Position },
    stage: ImageSite['stage']
  ): Draft | undefined {
    const start = offsetAt(this.index, range.start)
    const end = offsetAt(this.index, range.end)
    const image = this.text.slice(start, end)
    if (
      image === '' ||
      /^\d+$/.test(image) ||
      this.stageNames.has(image.toLowerCase())
    )
      return undefined
    const line = instruction.getRange().start.line
    const base = {
      file: this.file,
      line: line + 1,
      source,
      image,
      ...(stage === undefined ? {} : { stage })
    }
    if (this.isIgnored(line)) return skipped(base, 'ignored', IGNORED)
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
    const literal: LiteralPart = { kind: 'literal', text: image, start, end }
    return this.refDraft(base, {
      text: image,
      pieces: [{ part: literal, from: 0, to: image.length }]
    })
  }

  // -- # syntax= ----------------------------------------------------------------

  /**
   * The frontend image, read the way BuildKit's DetectSyntax does
   * (parser/directives.go): after a BOM and an optional `#!` line, only
   * consecutive `#key=value` lines at the very top with a known key, each at
   * most once; the image is the first space-separated word of the value.
   */
  private syntaxSite(): Draft | undefined {
    const seen = new Set<string>()
    for (let line = 0; line < this.index.starts.length; line++) {
      const skip = line === 0 && this.text.startsWith('\uFEFF') ? 1 : 0
      const content = lineText(this.index, line).slice(skip)
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
        (this.index.starts[line] ?? 0) +
        skip +
        content.length -
        body.length +
        valueAt
      const image = (match?.[2] ?? '').split(' ')[0] ?? ''
      return this.syntaxDraft(line, start, image)
    }
    return undefined
  }

  private syntaxDraft(line: number, start: number, image: string): Draft {
    const base = {
      file: this.file,
      line: line + 1,
      source: 'syntax' as const,
      image
    }
    const literal: LiteralPart = {
      kind: 'literal',
      text: image,
      start,
      end: start + image.length
    }
    return this.refDraft(base, {
      text: image,
      pieces: [{ part: literal, from: 0, to: image.length }]
    })
  }

  // -- shared ARG values --------------------------------------------------------

  /**
   * A digest written into an ARG value changes every use of that ARG. That is
   * fine only when each use is one of the FROM lines being pinned to the same
   * image through that very reference; otherwise every site that would write
   * there is skipped with the use that blocks it.
   */
  private settleSharedArgs(drafts: readonly Draft[]): Draft[] {
    const uses = this.args.liveUses()
    const groups = new Map<number, Draft[]>()
    for (const draft of drafts) {
      if (draft.pin?.arg === undefined) continue
      groups.set(draft.pin.start, [
        ...(groups.get(draft.pin.start) ?? []),
        draft
      ])
    }
    const blocked = new Map<Draft, string>()
    for (const group of groups.values()) {
      const reason = this.sharingProblem(group, uses)
      if (reason !== undefined)
        for (const draft of group) blocked.set(draft, reason)
    }
    return drafts.map(draft => {
      const reason = blocked.get(draft)
      return reason === undefined
        ? draft
        : skipped(draft.site, 'variable', reason)
    })
  }

  private sharingProblem(
    group: readonly Draft[],
    uses: readonly ArgUse[]
  ): string | undefined {
    const images = [...new Set(group.map(d => d.site.image))]
    const arg = group[0]?.pin?.arg?.name ?? ''
    if (images.length > 1) {
      return `ARG ${arg} is used by several FROM lines for different images (${images.join(', ')}), and one digest cannot pin them all; give each image its own ARG.`
    }
    const chain = new Set(group.flatMap(d => d.pin?.chain ?? []))
    const followed = new Set(group.flatMap(d => d.pin?.path ?? []))
    const other = uses.find(u => chain.has(u.decl) && !followed.has(u.start))
    if (other === undefined) return undefined
    return `ARG ${other.decl.name} is also used by ${other.by} on line ${other.line + 1}, which a digest in its value would change too; give this image its own ARG (e.g. ARG ${arg}_IMAGE=${images[0] ?? 'image:tag'}) to pin it.`
  }

  // -- helpers --------------------------------------------------------------------

  private wordAt(range: { start: Position; end: Position }): Word {
    return lexWord(
      this.text,
      offsetAt(this.index, range.start),
      offsetAt(this.index, range.end),
      this.escape
    )
  }

  /** `# freshbase: ignore` in the comment block directly above the instruction. */
  private isIgnored(line: number): boolean {
    for (let above = line - 1; this.commentLines.has(above); above--) {
      if (this.ignoreLines.has(above)) return true
    }
    return false
  }
}

function quoteAfter(
  raw: string,
  quote: string | undefined,
  escape: string
): string | undefined {
  let open = quote
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]
    if (ch === escape && open !== "'") i++
    else if (ch === '"' || ch === "'")
      open = open === undefined ? ch : open === ch ? undefined : open
  }
  return open
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

function skipped(site: ImageSite, code: SkipCode, message: string): Draft {
  return { site: { ...site, skip: { code, message } } }
}

/** Skipped sites carry no span: there is nothing to rewrite. */
function finish(draft: Draft): ImageSite {
  if (draft.site.skip === undefined) return draft.site
  const {
    span: _span,
    spanText: _text,
    spanPrefixLength: _prefix,
    spanLine: _line,
    spanArg: _arg,
    ...site
  } = draft.site
  return site
}

function sentence(reason: string): string {
  const text = reason.charAt(0).toUpperCase() + reason.slice(1)
  return /[.!?]$/.test(text) ? text : `${text}.`
}
