/**
 * Generators for the fuzz properties: image references from the grammar of
 * FACTS.md §1.1, Dockerfiles from the constructs of FACTS.md §5 (every shape
 * the scanner reads), noise, WWW-Authenticate challenges and Docker config
 * files with secrets in them.
 *
 * A Dockerfile is generated as plain data (`DockerfileSpec`) and rendered to
 * text, so fast-check shrinks the structure and prints the text. Rendering
 * also says which sites the scanner must report (source, line, and the image
 * when it is written literally): the oracle of the "sees every construct"
 * property.
 */
import fc from 'fast-check'

import type { SiteSource } from '../../src/core/image-site.js'

// ---------------------------------------------------------------- characters

const LOWER = 'abcdefghijklmnopqrstuvwxyz'
const DIGITS = '0123456789'
const HEX = '0123456789abcdef'
/** RFC 7230 §3.2.6 tchar. */
export const TCHARS = `!#$%&'*+-.^_\`|~${DIGITS}${LOWER}${LOWER.toUpperCase()}`

function chars(
  alphabet: string,
  min: number,
  max: number
): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max })
    .map(list => list.join(''))
}

/** `arbitrary` with probability `chance`, else undefined. */
function maybe<T>(
  arbitrary: fc.Arbitrary<T>,
  chance: number
): fc.Arbitrary<T | undefined> {
  const weight = Math.round(chance * 100)
  return fc.oneof(
    { weight: 100 - weight, arbitrary: fc.constant(undefined) },
    { weight, arbitrary }
  )
}

/** Any UTF-16 code unit, lone surrogates included: what a mis-decoded file can hold. */
export const codeUnitString = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 80 })
  .map(units => String.fromCharCode(...units))

/** Random bytes read as UTF-8 (invalid sequences become U+FFFD) or Latin-1. */
export const decodedBytes = fc
  .tuple(fc.uint8Array({ maxLength: 200 }), fc.boolean())
  .map(([bytes, utf8]) => Buffer.from(bytes).toString(utf8 ? 'utf8' : 'latin1'))

/** Text on one line: no line breaks, no escape characters, no heredoc markers. */
const inlineText = fc
  .string({ unit: 'grapheme', maxLength: 20 })
  .map(text => text.replace(/[\r\n\\`<\u2028\u2029\u0085]/g, '_'))

// ------------------------------------------------------------ image references

export const sha256 = chars(HEX, 64, 64).map(hex => `sha256:${hex}`)
const sha512 = chars(HEX, 128, 128).map(hex => `sha512:${hex}`)
export const digestArb = fc.oneof(
  { weight: 5, arbitrary: sha256 },
  { weight: 1, arbitrary: sha512 }
)

const ALNUM = LOWER + DIGITS
const pathComponent = fc
  .tuple(
    chars(ALNUM, 1, 6),
    fc.array(
      fc.tuple(fc.constantFrom('.', '_', '__', '-', '--'), chars(ALNUM, 1, 5)),
      { maxLength: 2 }
    )
  )
  .map(([head, rest]) => head + rest.map(([sep, part]) => sep + part).join(''))

const domainComponent = fc.oneof(
  chars(ALNUM + 'ABC', 1, 1),
  fc
    .tuple(
      chars(ALNUM + 'XY', 1, 1),
      chars(ALNUM + '-Q', 0, 6),
      chars(ALNUM, 1, 1)
    )
    .map(parts => parts.join(''))
)

const host = fc.oneof(
  fc.constantFrom(
    'localhost',
    'docker.io',
    'index.docker.io',
    'registry-1.docker.io',
    'ghcr.io',
    '127.0.0.1',
    '[::1]',
    '[2001:db8::1]',
    'Registry.Example.COM',
    'LOCALDOMAIN',
    'MyReg'
  ),
  fc
    .array(domainComponent, { minLength: 2, maxLength: 3 })
    .map(parts => parts.join('.'))
)

/** `host[:port]` that distribution/reference reads as a domain: localhost, or with '.', ':' or uppercase. */
const domain = fc
  .tuple(host, maybe(fc.integer({ min: 1, max: 65535 }), 0.4))
  .map(([h, port]) => (port === undefined ? h : `${h}:${port}`))
  .filter(d => d === 'localhost' || /[.:]/.test(d) || d !== d.toLowerCase())

export const tagArb = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^\w[\w.-]{0,12}$/) },
  { weight: 1, arbitrary: fc.constantFrom('latest', '1', 'V1.2.3', '_x') },
  { weight: 1, arbitrary: fc.stringMatching(/^\w[\w.-]{127}$/) }
)

/** The parts of a valid reference, to know the user's spelling of each. */
export interface RefParts {
  readonly domain?: string
  readonly path: string
  readonly tag?: string
  readonly digest?: string
}

export const refPartsArb: fc.Arbitrary<RefParts> = fc
  .record(
    {
      domain,
      path: fc
        .array(pathComponent, { minLength: 1, maxLength: 3 })
        .map(parts => parts.join('/')),
      tag: tagArb,
      digest: digestArb
    },
    { requiredKeys: ['path'] }
  )
  .filter(
    parts =>
      parts.domain !== undefined ||
      // Without a domain, a first component with '.' is read as one.
      (!/^[^/]*\.[^/]*\//.test(parts.path) &&
        !/^[a-f0-9]{64}$/.test(parts.path))
  )

export function formatRef(parts: RefParts): string {
  const name =
    parts.domain === undefined ? parts.path : `${parts.domain}/${parts.path}`
  const tag = parts.tag === undefined ? '' : `:${parts.tag}`
  const digest = parts.digest === undefined ? '' : `@${parts.digest}`
  return name + tag + digest
}

export const validRef = refPartsArb.map(formatRef)

/** References people write: short Hub names and tags, most of them valid. */
const commonRef = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'node:20',
      'alpine:3',
      'node',
      'busybox:1.36',
      'python:3.12-slim',
      'ghcr.io/owner/app:1'
    )
  },
  { weight: 3, arbitrary: validRef },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'Node:20',
      'node:',
      'a//b:1',
      'node:-x',
      'x@sha256:abc',
      ':1'
    )
  }
)

/** Near-grammar strings: the characters references are made of, in any order. */
export const referenceLike = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...`abz09AZ.:/@_-[]`) },
      { weight: 1, arbitrary: sha256.map(d => `@${d}`) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          'localhost',
          'sha256:',
          'docker.io/',
          'library/',
          '__',
          '--'
        )
      }
    ),
    { maxLength: 30 }
  )
  .map(parts => parts.join(''))

// ----------------------------------------------------------------- Dockerfiles

export type Escape = '\\' | '`'

/** A separator between two words of an instruction: blanks, or a line continuation. */
type Gap =
  | { readonly kind: 'space'; readonly text: string }
  | {
      readonly kind: 'continue'
      /** Blanks after the escape character. */
      readonly trail: string
      /** Comment and empty lines inside the continuation. */
      readonly inner: readonly string[]
      readonly indent: string
    }

/** A site the instruction must produce; `image` when it is written literally. */
interface SiteNote {
  readonly source: SiteSource
  readonly image?: string
  /** COPY/mount `from` values: no site when it names a stage or an index. */
  readonly fromValue?: string
}

/** A line continuation inside a word: `FR\` + `OM`, `node:\` + `# c` + `20`. */
interface WordSplit {
  readonly at: number
  /** Comment and empty lines inside the continuation. */
  readonly inner: readonly string[]
}

interface InstructionItem {
  readonly kind: 'instruction'
  readonly indent: string
  readonly words: readonly string[]
  readonly gaps: readonly Gap[]
  readonly splits: readonly (WordSplit | undefined)[]
  readonly sites: readonly SiteNote[]
  /** The stage name a FROM declares. */
  readonly stage?: string
}

interface HeredocItem {
  readonly kind: 'heredoc'
  readonly head: string
  readonly bodies: readonly { lines: readonly string[]; end: string }[]
}

interface LinesItem {
  readonly kind: 'lines'
  readonly lines: readonly string[]
}

type Item = InstructionItem | HeredocItem | LinesItem

export interface DockerfileSpec {
  readonly bom: boolean
  readonly shebang: boolean
  /** Parser directive lines at the top, e.g. `# syntax=…`; at most one of each key. */
  readonly directives: readonly DirectiveLine[]
  readonly escape: Escape
  readonly items: readonly Item[]
  /** 0: LF, 1: CRLF, 2: mixed by line. */
  readonly eol: 0 | 1 | 2
  readonly eolBits: number
  readonly finalEol: boolean
}

export interface ExpectedSite {
  readonly source: SiteSource
  /** 1-based. */
  readonly line: number
  readonly image?: string
}

export interface RenderedDockerfile {
  readonly text: string
  readonly expected: readonly ExpectedSite[]
}

const ARG_NAMES = ['BASE', 'TAG', 'REG', 'V'] as const
const STAGE_NAMES = ['build', 'deps', 'Runtime', 'base', 'node'] as const

const argName = fc.constantFrom(...ARG_NAMES)
const stageName = fc.constantFrom(...STAGE_NAMES)
const blanks = fc.constantFrom(' ', ' ', '  ', '\t', ' \t ')
const indent = fc.constantFrom('', '', '', ' ', '  ', '\t', ' \t')

const commentText = fc.oneof(
  fc.constantFrom(
    '# a comment',
    '  # indented comment',
    '#',
    '# FROM node:1',
    '#\tFROM incomment:1 AS x',
    '# COPY --from=incomment:2 / /',
    '# ☃ café 🐳'
  ),
  inlineText.map(text => `# ${text}`)
)

const innerLine = fc.oneof(
  { weight: 3, arbitrary: commentText },
  { weight: 1, arbitrary: fc.constantFrom('', '  ', '\t') }
)

const gap: fc.Arbitrary<Gap> = fc.oneof(
  {
    weight: 4,
    arbitrary: blanks.map(text => ({ kind: 'space' as const, text }))
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('continue' as const),
      trail: fc.constantFrom('', '', ' ', '\t '),
      inner: fc.array(innerLine, { maxLength: 2 }),
      indent: indent
    })
  }
)

const wordSplit: fc.Arbitrary<WordSplit> = fc.record({
  at: fc.nat(),
  inner: fc.array(innerLine, { maxLength: 1 })
})

function instruction(
  words: fc.Arbitrary<readonly string[]>,
  sites: (words: readonly string[]) => SiteNote[],
  stage?: (words: readonly string[]) => string | undefined
): fc.Arbitrary<InstructionItem> {
  return words.chain(list =>
    fc
      .tuple(
        indent,
        fc.array(gap, {
          minLength: list.length - 1,
          maxLength: list.length - 1
        }),
        fc.array(maybe(wordSplit, 0.06), {
          minLength: list.length,
          maxLength: list.length
        })
      )
      .map(([ind, gaps, splits]) => {
        const name = stage?.(list)
        return {
          kind: 'instruction' as const,
          indent: ind,
          words: list,
          gaps,
          splits,
          sites: sites(list),
          ...(name === undefined ? {} : { stage: name })
        }
      })
  )
}

/** What FROM can name: literal references, scratch, stages, ARG expansions. */
const fromImage: fc.Arbitrary<{ word: string; image?: string }> = fc.oneof(
  { weight: 6, arbitrary: commonRef.map(ref => ({ word: ref, image: ref })) },
  { weight: 1, arbitrary: fc.constant({ word: 'scratch', image: 'scratch' }) },
  {
    weight: 1,
    arbitrary: stageName.map(name => ({ word: name, image: name }))
  },
  {
    weight: 1,
    arbitrary: commonRef.map(ref => ({ word: `"${ref}"`, image: ref }))
  },
  {
    weight: 5,
    arbitrary: fc
      .tuple(
        argName,
        commonRef,
        fc.constantFrom('node', 'ghcr.io/o/app', 'alpine')
      )
      .chain(([name, ref, repo]) =>
        fc.constantFrom(
          `\${${name}}`,
          `\${${name}}`,
          `$${name}`,
          `\${${name}:-${ref}}`,
          `\${${name}-${ref}}`,
          `${repo}:\${${name}}`,
          `${repo}:\${${name}}`,
          `${repo}:\${${name}:-20}`,
          `\${${name}}/owner/app:1`,
          `\${${name}:+x}`,
          `${repo}:\${TARGETARCH}`
        )
      )
      .map(word => ({ word }))
  }
)

const mixedCase = (word: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(word) },
    { weight: 1, arbitrary: fc.constant(word.toLowerCase()) },
    { weight: 1, arbitrary: fc.mixedCase(fc.constant(word)) }
  )

const platform = fc.constantFrom(
  '--platform=linux/amd64',
  '--platform=linux/arm64/v8',
  '--platform=$BUILDPLATFORM',
  '--platform=${TARGETPLATFORM}',
  '--platform=$BASE'
)

function fromInstruction(
  image: fc.Arbitrary<{ word: string; image?: string }>
): fc.Arbitrary<InstructionItem> {
  return image.chain(({ word, image: expected }) =>
    instruction(
      fc
        .tuple(
          mixedCase('FROM'),
          maybe(platform, 0.25),
          maybe(fc.tuple(mixedCase('AS'), stageName), 0.4)
        )
        .map(([keyword, flag, as]) => [
          keyword,
          ...(flag === undefined ? [] : [flag]),
          word,
          ...(as ?? [])
        ]),
      () => [
        {
          source: 'from',
          ...(expected === undefined ? {} : { image: expected })
        }
      ],
      words => {
        const as = words.at(-2)
        return as?.toLowerCase() === 'as' ? words.at(-1) : undefined
      }
    )
  )
}

const fromItem = fromInstruction(fromImage)

/**
 * An existing digest written apart from a tag that comes from an ARG, each
 * shape of issue 8 §6: in the FROM line, or alone in an ARG (with or
 * without its "@").
 */
function digestApart(
  name: string,
  q: string,
  tag: string,
  repo: string,
  digest: string
): { name: string; decls: string[]; word: string; image: string }[] {
  return [
    {
      name,
      decls: [`${name}=${q}${tag}${q}`],
      word: `${repo}:\${${name}}@${digest}`,
      image: `${repo}:${tag}@${digest}`
    },
    {
      name,
      decls: ['VERSION=20', `${name}=${q}@${digest}${q}`],
      word: `node:\${VERSION}\${${name}}`,
      image: `node:20@${digest}`
    },
    {
      name,
      decls: ['VERSION=20', `${name}=${q}${digest}${q}`],
      word: `node:\${VERSION}@\${${name}}`,
      image: `node:20@${digest}`
    },
    {
      name,
      decls: [`${name}=${q}${digest}${q}`],
      word: `${repo}:20@$${name}`,
      image: `${repo}:20@${digest}`
    }
  ]
}

/** A global ARG and the FROM lines that read it, in each way a digest can go into the ARG. */
interface ArgUse {
  readonly name: string
  readonly args: InstructionItem[]
  readonly froms: InstructionItem[]
}

const argUse: fc.Arbitrary<ArgUse> = fc
  .tuple(
    argName,
    fc.constantFrom('', '"', "'"),
    commonRef,
    fc.constantFrom('20-slim', '3.12', 'latest'),
    fc.constantFrom('node', 'ghcr.io/o/app'),
    sha256
  )
  .chain(([name, q, ref, tag, repo, digest]) =>
    fc.constantFrom(
      ...digestApart(name, q, tag, repo, digest),
      {
        name,
        decls: [`${name}=${q}${ref}${q}`],
        word: `\${${name}}`,
        image: ref
      },
      { name, decls: [`${name}=${q}${ref}${q}`], word: `$${name}`, image: ref },
      {
        name,
        decls: [`${name}=${q}${ref}${q}`],
        word: `\${${name}:-x:1}`,
        image: ref
      },
      {
        name,
        decls: [`${name}=${q}${tag}${q}`],
        word: `${repo}:\${${name}}`,
        image: `${repo}:${tag}`
      },
      {
        name,
        decls: [`${name}=ghcr.io`],
        word: `\${${name}}/owner/app:1`,
        image: 'ghcr.io/owner/app:1'
      },
      {
        name,
        decls: ['VERSION=20', `${name}="node:\${VERSION}"`],
        word: `\${${name}}`,
        image: 'node:20'
      },
      {
        name,
        decls: [`${name}=${q}${ref}${q}`],
        word: `\${${name}:-\${V:-x:1}}`,
        image: ref
      }
    )
  )
  .chain(({ name, decls, word, image }) =>
    fc.record({
      name: fc.constant(name),
      args: fc.tuple(instruction(fc.constant(['ARG', ...decls]), () => [])),
      froms: fc.array(fromInstruction(fc.constant({ word, image })), {
        minLength: 1,
        maxLength: 2
      })
    })
  )

const flagFrom = fc.oneof(
  { weight: 4, arbitrary: commonRef },
  { weight: 1, arbitrary: commonRef.map(ref => `"${ref}"`) },
  { weight: 2, arbitrary: stageName },
  { weight: 1, arbitrary: fc.constantFrom('0', '1', '12') },
  { weight: 1, arbitrary: argName.map(n => `\${${n}}`) }
)

const copyItem = instruction(
  fc
    .tuple(
      mixedCase('COPY'),
      maybe(fc.constantFrom('--chown=1:1', '--link'), 0.3),
      flagFrom
    )
    .map(([keyword, other, from]) => [
      keyword,
      ...(other === undefined ? [] : [other]),
      `--from=${from}`,
      '/src',
      '/dst'
    ]),
  words => {
    const from = words.find(w => w.startsWith('--from='))?.slice(7) ?? ''
    return [{ source: 'copy-from', fromValue: from }]
  }
)

const mountOptions = fc
  .tuple(
    fc.constantFrom(
      undefined,
      'type=bind',
      'type=cache',
      'type=BIND',
      'Type=cache',
      'type=tmpfs',
      'type=secret'
    ),
    flagFrom,
    fc.constantFrom('FROM', 'from', 'from'),
    fc.boolean(),
    fc.boolean()
  )
  .map(([type, from, key, fromFirst, quoteAll]) => {
    const fromOption = `${key}=${from}`
    const list = [
      ...(type === undefined ? [] : [type]),
      ...(fromFirst ? [fromOption, 'target=/m'] : ['target=/m', fromOption])
    ].join(',')
    const reads = type === undefined || /^type=(bind|cache)$/i.test(type)
    // BuildKit removes the flag's quotes before it splits the fields.
    const text = quoteAll && !from.includes('"') ? `"${list}"` : list
    return { text, from: reads ? from : undefined }
  })

const runMountItem = fc
  .tuple(
    mixedCase('RUN'),
    fc.array(mountOptions, { minLength: 1, maxLength: 2 })
  )
  .chain(([keyword, mounts]) =>
    instruction(
      fc.constant([keyword, ...mounts.map(m => `--mount=${m.text}`), 'make']),
      () =>
        mounts.flatMap(m =>
          m.from === undefined
            ? []
            : [{ source: 'mount-from' as const, fromValue: m.from }]
        )
    )
  )

const globalArgValue = fc.oneof(
  commonRef,
  commonRef.map(ref => `"${ref}"`),
  commonRef.map(ref => `'${ref}'`),
  fc.constantFrom(
    '',
    '""',
    '20-slim',
    '"node:${V}"',
    '${REG}/owner/app:1',
    "'node:${V}'",
    'ghcr.io',
    '"a b"'
  )
)

const argItem = instruction(
  fc
    .array(fc.tuple(argName, maybe(globalArgValue, 0.85)), {
      minLength: 1,
      maxLength: 2
    })
    .chain(decls =>
      mixedCase('ARG').map(keyword => [
        keyword,
        ...decls.map(([name, value]) =>
          value === undefined ? name : `${name}=${value}`
        )
      ])
    ),
  () => []
)

const HEREDOC_BODY = [
  'FROM inheredoc:1',
  'from inheredoc:2 AS x',
  'COPY --from=inheredoc:3 / /',
  'RUN --mount=from=inheredoc:4,target=/x make',
  '# freshbase: ignore',
  '# syntax=inheredoc:5',
  'ARG BASE=inheredoc:6',
  '',
  'echo hi',
  'FROM \\',
  'FROM `',
  '  FROM inheredoc:7'
]

const heredocItem: fc.Arbitrary<HeredocItem> = fc
  .tuple(
    fc.constantFrom(
      'RUN <<EOF',
      'run <<EOF',
      'RUN <<-EOF',
      'RUN <<"EOF" cat',
      "RUN <<'EOF'",
      'RUN cat /dev/fd/3 3<<EOF',
      'COPY <<EOF /app/Dockerfile',
      'ADD <<EOF /y',
      'RUN <<EOF <<EOT',
      'RUN <<EOF cat > /x'
    ),
    fc.array(fc.array(fc.constantFrom(...HEREDOC_BODY), { maxLength: 4 }), {
      minLength: 2,
      maxLength: 2
    })
  )
  .map(([head, [first = [], second = []]]) => {
    const tabs = head.includes('<<-')
    const body = (lines: readonly string[]) =>
      tabs ? lines.map(line => `\t${line}`) : lines
    const bodies = [{ lines: body(first), end: tabs ? '\tEOF' : 'EOF' }]
    if (head.includes('<<EOT')) bodies.push({ lines: second, end: 'EOT' })
    return { kind: 'heredoc' as const, head, bodies }
  })

const noiseLines = fc.oneof(
  { weight: 3, arbitrary: commentText.map(line => [line]) },
  { weight: 2, arbitrary: fc.constantFrom([''], ['   '], ['\t'], ['', '']) },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(
        'RUN echo hi',
        'ENV A=b',
        'WORKDIR /app',
        'LABEL x="FROM y"',
        'RUN echo FROM node:1',
        'ONBUILD COPY --from=onbuildonly:1 / /',
        'CMD ["node"]',
        'USER 1000',
        'ARG STAGE_ONLY=python:3',
        'ARG BASE',
        'RUN echo "$BASE" ${TAG}',
        'EXPOSE 80'
      )
      .map(line => [line])
  },
  { weight: 1, arbitrary: inlineText.map(text => [`RUN echo ${text}`]) }
)

const noiseItem: fc.Arbitrary<LinesItem> = noiseLines.map(lines => ({
  kind: 'lines' as const,
  lines
}))

const ignoreComment = fc.constantFrom(
  '# freshbase: ignore',
  '#FreshBase :  IGNORE until the migration',
  '# freshbase: ignored (not the marker)'
)

const bodyItem: fc.Arbitrary<Item[]> = fc
  .tuple(
    maybe(ignoreComment, 0.1),
    fc.oneof(
      { weight: 5, arbitrary: fromItem },
      { weight: 2, arbitrary: copyItem },
      { weight: 2, arbitrary: runMountItem },
      { weight: 2, arbitrary: argItem },
      { weight: 2, arbitrary: heredocItem },
      { weight: 4, arbitrary: noiseItem }
    )
  )
  .map(([ignore, item]) =>
    ignore === undefined ? [item] : [{ kind: 'lines', lines: [ignore] }, item]
  )

interface DirectiveLine {
  readonly key: string
  readonly line: string
  readonly image?: string
}

const directive: fc.Arbitrary<DirectiveLine> = fc.oneof(
  validRef.chain(ref =>
    fc
      .constantFrom(
        `# syntax=${ref}`,
        `#syntax = ${ref} --extra`,
        `# SYNTAX=${ref}`,
        `#  syntax=${ref}  `
      )
      .map(line => ({ key: 'syntax', line, image: ref }))
  ),
  fc.constantFrom(
    { key: 'check', line: '# check=skip=all' },
    { key: 'check', line: '#check = error=true' }
  )
)

/** Lines that end BuildKit's directives (FACTS.md §5.2); dockerfile-ast reads some as directives. */
const directiveBreaker = fc.constantFrom(
  '# foo=bar',
  '# Syntax2=x',
  '# a-b=c',
  '# a comment',
  ''
)

export const dockerfileSpec: fc.Arbitrary<DockerfileSpec> = fc
  .record({
    bom: fc.boolean(),
    shebang: fc.boolean(),
    directives: fc.uniqueArray(directive, {
      maxLength: 2,
      selector: d => d.key
    }),
    escape: fc.constantFrom<Escape>('\\', '\\', '`'),
    escapeAt: fc.nat(2),
    explicitEscape: fc.boolean(),
    escapeIndent: fc.constantFrom('', '', '', ' ', '\t'),
    breaker: maybe(directiveBreaker, 0.2),
    prelude: fc
      .tuple(fc.nat(3), fc.array(argItem, { minLength: 1, maxLength: 4 }))
      .map(([none, args]) => (none === 0 ? [] : args)),
    argUses: fc.uniqueArray(argUse, {
      maxLength: 2,
      selector: use => use.name
    }),
    items: fc.array(bodyItem, { maxLength: 10 }),
    eol: fc.constantFrom<0 | 1 | 2>(0, 0, 1, 2),
    eolBits: fc.nat(),
    finalEol: fc.boolean()
  })
  .map(spec => {
    // BuildKit reads no escape directive below a shebang (only # syntax).
    const shebang = spec.shebang && spec.escape === '\\'
    const written = shebang ? '`' : spec.escape
    const escapeLine =
      spec.escape === '`' || spec.explicitEscape
        ? [{ key: 'escape', line: `${spec.escapeIndent}# escape=${written}` }]
        : []
    const directives: DirectiveLine[] = [...spec.directives]
    directives.splice(spec.escapeAt, 0, ...escapeLine)
    // Below a line that ends the directives, an escape directive is a comment.
    const ignored =
      spec.escape === '\\' ? [{ key: 'escape', line: '# escape=`' }] : []
    if (spec.breaker !== undefined) {
      directives.push({ key: 'comment', line: spec.breaker }, ...ignored)
    }
    return {
      bom: spec.bom,
      shebang,
      directives,
      escape: spec.escape,
      items: [
        ...spec.prelude,
        ...spec.argUses.flatMap(use => use.args),
        ...spec.argUses.flatMap(use => use.froms),
        ...spec.items.flat()
      ],
      eol: spec.eol,
      eolBits: spec.eolBits,
      finalEol: spec.finalEol
    }
  })

/**
 * Where a word is split by a continuation: anywhere in the keyword, an image
 * or a stage name, after the first "=" of an ARG, `--from=` or `--mount=`.
 * Not in other flags or in variables, which dockerfile-ast and the scanner
 * read from the raw text (a known limit).
 */
function splitPoint(
  word: string,
  index: number,
  split: WordSplit | undefined
): number | undefined {
  const flag = word.startsWith('--') && !/^--(from|mount)=/.test(word)
  if (split === undefined || flag || word.includes('$')) return undefined
  const from = index === 0 ? 1 : word.indexOf('=') + 1 || 1
  if (word.length - from < 1) return undefined
  return from + (split.at % (word.length - from))
}

/** The text and the sites the scanner must report for it. */
export function renderDockerfile(spec: DockerfileSpec): RenderedDockerfile {
  const lines: string[] = []
  const pending: { line: number; note: SiteNote }[] = []
  const stages = new Set<string>()
  const expected: ExpectedSite[] = []
  if (spec.shebang) lines.push('#!/usr/bin/env buildctl')
  // DetectSyntax reads `#key=value` lines from the very top, unindented.
  let syntaxReadable = true
  for (const d of spec.directives) {
    if (/^\s/.test(d.line)) syntaxReadable = false
    if (d.image !== undefined && syntaxReadable) {
      expected.push({
        source: 'syntax',
        line: lines.length + 1,
        image: d.image
      })
    }
    lines.push(d.line)
  }
  for (const item of spec.items) {
    if (item.kind === 'lines') lines.push(...item.lines)
    else if (item.kind === 'heredoc') {
      lines.push(item.head)
      for (const body of item.bodies) lines.push(...body.lines, body.end)
    } else {
      const line = lines.length + 1
      let current = item.indent
      for (const [i, word] of item.words.entries()) {
        const g = i === 0 ? undefined : item.gaps[i - 1]
        if (g?.kind === 'space') current += g.text
        else if (g?.kind === 'continue') {
          lines.push(`${current} ${spec.escape}${g.trail}`, ...g.inner)
          current = g.indent
        }
        const at = splitPoint(word, i, item.splits[i])
        if (at === undefined) current += word
        else {
          // A continuation joins the lines as they are: no blanks around it.
          // dockerfile-ast misses a comment line inside a split keyword.
          const inner = i === 0 ? [] : (item.splits[i]?.inner ?? [])
          lines.push(`${current}${word.slice(0, at)}${spec.escape}`, ...inner)
          current = word.slice(at)
        }
      }
      lines.push(current)
      if (item.stage !== undefined) stages.add(item.stage.toLowerCase())
      for (const note of item.sites) pending.push({ line, note })
    }
  }
  for (const { line, note } of pending) {
    const from = note.fromValue
    if (from === undefined) {
      expected.push({
        source: note.source,
        line,
        ...(note.image === undefined ? {} : { image: note.image })
      })
    } else {
      const image = from.replace(/^"(.*)"$/, '$1')
      const stage = image === '' || /^\d+$/.test(image)
      if (!stage && !stages.has(image.toLowerCase()))
        expected.push({ source: note.source, line, image })
    }
  }
  expected.sort((a, b) => a.line - b.line)
  let text = spec.bom ? '\uFEFF' : ''
  for (const [i, line] of lines.entries()) {
    const last = i === lines.length - 1
    const crlf =
      spec.eol === 1 ||
      (spec.eol === 2 && ((spec.eolBits >>> (i % 31)) & 1) === 1)
    text += line + (last && !spec.finalEol ? '' : crlf ? '\r\n' : '\n')
  }
  return { text, expected }
}

export const dockerfile = dockerfileSpec.map(
  spec => renderDockerfile(spec).text
)

/** Fragments that change how a Dockerfile reads: breaks, escapes, quotes, heredocs. */
const fragment = fc.oneof(
  fc.constantFrom(
    '\n',
    '\r\n',
    '\r',
    ' \\\n',
    '\\',
    '`',
    ' `\r\n',
    '<<EOF\n',
    '\nEOF\n',
    '3<<',
    '${',
    '}',
    '$',
    '"',
    "'",
    '#',
    '# freshbase: ignore\n',
    '# escape=`\n',
    '\uFEFF',
    ':',
    '/',
    '@',
    'FROM ',
    '\nFROM node:20\n',
    ' AS ',
    ' as stage ',
    '--from=',
    '--mount=from=',
    ',from=',
    '=',
    ':-',
    '\t',
    '\u0000',
    '\u2028',
    '\uD800',
    '🐳'
  ),
  sha256.map(d => `@${d}`),
  fc.string({ unit: 'binary', maxLength: 6 })
)

/** A generated Dockerfile with fragments inserted and slices deleted anywhere. */
export const noisyDockerfile = fc
  .tuple(
    dockerfile,
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.oneof(
          fragment,
          fc.nat(8).map(n => -n - 1)
        )
      ),
      { minLength: 1, maxLength: 6 }
    )
  )
  .map(([text, changes]) =>
    changes.reduce((out, [at, change]) => {
      const i = at % (out.length + 1)
      return typeof change === 'string'
        ? out.slice(0, i) + change + out.slice(i)
        : out.slice(0, i) + out.slice(i - change - 1)
    }, text)
  )

/** Anything a file can hold, weighted toward what looks like a Dockerfile. */
export const anyText = fc.oneof(
  { weight: 3, arbitrary: dockerfile },
  { weight: 4, arbitrary: noisyDockerfile },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: codeUnitString },
  { weight: 1, arbitrary: decodedBytes }
)

// ----------------------------------------------------------- WWW-Authenticate

export interface ChallengeSpec {
  readonly scheme: string
  readonly token68?: string
  readonly params: readonly {
    readonly name: string
    readonly value: string
    readonly quoted: boolean
    readonly beforeEq: string
    readonly afterEq: string
  }[]
}

const token = chars(TCHARS, 1, 10)
/** Value characters that force quoting: commas, quotes, backslashes, spaces, unicode. */
const quotedValue = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...`ab:/.=-_ 09`) },
    { weight: 3, arbitrary: fc.constantFrom(',', '"', '\\', ', ', '\t') },
    {
      weight: 1,
      arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })
    }
  ),
  maxLength: 30
})

const challengeParam = fc.oneof(
  fc.record({
    name: token,
    value: token,
    quoted: fc.constant(false),
    beforeEq: fc.constantFrom('', '', ' '),
    afterEq: fc.constantFrom('', '', ' ')
  }),
  fc.record({
    name: token,
    value: quotedValue,
    quoted: fc.constant(true),
    beforeEq: fc.constantFrom('', '', ' \t'),
    afterEq: fc.constantFrom('', '', ' ')
  })
)

export const challengeSpec: fc.Arbitrary<ChallengeSpec> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      scheme: token,
      params: fc.array(challengeParam, { maxLength: 4 })
    })
  },
  {
    weight: 1,
    arbitrary: fc.record({
      scheme: token,
      token68: fc.stringMatching(/^[A-Za-z0-9\-._~+/]{1,12}={0,2}$/),
      params: fc.constant([])
    })
  }
)

/** Quoted-string with `"` and `\` escaped, and sometimes a harmless escape of another character. */
export function quote(value: string, escapeAll: boolean): string {
  const escaped = [...value]
    .map(ch =>
      ch === '"' || ch === '\\' || (escapeAll && ch === 'a') ? `\\${ch}` : ch
    )
    .join('')
  return `"${escaped}"`
}

export function renderChallenges(
  challenges: readonly ChallengeSpec[],
  separator: string,
  escapeAll: boolean
): string {
  return challenges
    .map(c => {
      if (c.token68 !== undefined) return `${c.scheme} ${c.token68}`
      const params = c.params
        .map(
          p =>
            `${p.name}${p.beforeEq}=${p.afterEq}${p.quoted ? quote(p.value, escapeAll) : p.value}`
        )
        .join(separator)
      return params === '' ? c.scheme : `${c.scheme} ${params}`
    })
    .join(separator)
}

export const headerLike = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 120 }),
  codeUnitString,
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          'Bearer',
          'Basic',
          ' ',
          ',',
          '=',
          '"',
          '\\',
          'realm',
          'a==',
          '\t'
        ),
        token
      ),
      { maxLength: 25 }
    )
    .map(parts => parts.join(''))
)

// -------------------------------------------------------------- Docker config

/** A recognisable secret: long enough never to occur by chance in a message. */
export const secret = fc
  .stringMatching(/^[A-Za-z0-9+/!#%&()*;<>?@^_{|}~ -]{10,24}$/)
  .map(s => `Sk${s}`)

const configKey = fc.constantFrom(
  'https://index.docker.io/v1/',
  'ghcr.io',
  'localhost:5000',
  'https://registry.example.com',
  'auths',
  '__proto__',
  'constructor',
  ''
)

/** A JSON value where a secret may hide: right, wrong types and nesting. */
const jsonWithSecret = (s: string): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constant(s),
    fc.constant(Buffer.from(`user:${s}`).toString('base64')),
    fc.constant(`${Buffer.from(`user:${s}`).toString('base64')}!`),
    fc.constant(Buffer.from(s).toString('base64')),
    fc.constant([s]),
    fc.constant({ auth: s }),
    fc.constant(42),
    fc.constant(null),
    fc.constant(true)
  )

const authEntry = (s: string): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.dictionary(
      fc.constantFrom(
        'auth',
        'username',
        'password',
        'identitytoken',
        'registrytoken',
        'email',
        'Auth'
      ),
      jsonWithSecret(s),
      { maxKeys: 4 }
    ),
    jsonWithSecret(s)
  )

export interface ConfigCase {
  readonly text: string
  readonly secret: string
}

/** Docker config text holding a secret: valid, wrongly typed, or broken JSON. */
export const configCase: fc.Arbitrary<ConfigCase> = secret.chain(s =>
  fc
    .tuple(
      fc.dictionary(
        fc.constantFrom(
          'auths',
          'credHelpers',
          'credsStore',
          'HttpHeaders',
          'proxies'
        ),
        fc.oneof(
          fc.dictionary(configKey, authEntry(s), { maxKeys: 3 }),
          jsonWithSecret(s)
        ),
        { maxKeys: 4 }
      ),
      fc.oneof(
        { weight: 4, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.nat() },
        {
          weight: 1,
          arbitrary: fc.constantFrom('{', '"', ',', '}', '\\', '\u0000', 'x')
        }
      ),
      fc.boolean()
    )
    .map(([root, cut, pretty]) => {
      const json = JSON.stringify(root, null, pretty ? 2 : undefined)
      const text =
        cut === undefined
          ? json
          : typeof cut === 'number'
            ? json.slice(0, cut % (json.length + 1))
            : json.replace(/:/, `:${cut}`)
      return { text, secret: s }
    })
)
