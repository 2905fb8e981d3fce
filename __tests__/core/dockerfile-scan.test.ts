import { describe, expect, it } from 'vitest'

import {
  pinnedSpanText,
  scanDockerfile
} from '../../src/core/dockerfile/scan.js'
import type { ImageSite, TextSpan } from '../../src/core/dockerfile/scan.js'

const D = `sha256:${'a'.repeat(64)}`
const NEW = `sha256:${'b'.repeat(64)}`

/** Scans and checks the invariant every site must keep: the span holds spanText. */
function scan(text: string): ImageSite[] {
  const sites = scanDockerfile('Dockerfile', text)
  for (const site of sites) {
    if (site.span === undefined) continue
    expect(text.slice(site.span.start, site.span.end)).toBe(site.spanText)
  }
  return sites
}

/** The site without `file` (always "Dockerfile") and `ref` (image-ref's own tests cover it). */
function brief(site: ImageSite | undefined): Omit<ImageSite, 'file' | 'ref'> {
  const { file: _file, ref: _ref, ...rest } = site ?? ({} as ImageSite)
  return rest
}

function briefs(text: string): Omit<ImageSite, 'file' | 'ref'>[] {
  return scan(text).map(brief)
}

/** The span of the `nth` occurrence (0-based) of `needle` in `text`. */
function at(text: string, needle: string, nth = 0): TextSpan {
  let start = -1
  for (let i = 0; i <= nth; i++) start = text.indexOf(needle, start + 1)
  return { start, end: start + needle.length }
}

/** A pinnable site whose span is the `nth` occurrence of `spanText`. */
function literal(
  text: string,
  line: number,
  image: string,
  stage: ImageSite['stage'],
  extra: Partial<ImageSite> = {}
): Omit<ImageSite, 'file' | 'ref'> {
  const spanText = extra.spanText ?? image
  const span = extra.span ?? at(text, spanText)
  const at_ = spanText.indexOf('@')
  return {
    line,
    source: 'from',
    image,
    span,
    spanText,
    spanPrefixLength: at_ < 0 ? spanText.length : at_,
    spanLine: line,
    ...(stage === undefined ? {} : { stage }),
    ...extra
  }
}

describe('scanDockerfile: FROM shapes', () => {
  it('returns nothing for a file without FROM', () => {
    expect(scan('')).toEqual([])
    expect(scan('# just a comment\nARG A=1\n')).toEqual([])
  })

  it('reads a bare name (no tag: the planner decides what latest means)', () => {
    const text = 'FROM node\n'

    const [site] = scan(text)

    expect(brief(site)).toEqual(literal(text, 1, 'node', { index: 0 }))
    expect(site?.ref).toMatchObject({
      name: 'node',
      repository: 'library/node'
    })
    expect(site?.ref?.tag).toBeUndefined()
  })

  it('reads a tag', () => {
    const text = 'FROM node:20\n'

    const [site] = scan(text)

    expect(site).toEqual({
      file: 'Dockerfile',
      line: 1,
      source: 'from',
      image: 'node:20',
      span: { start: 5, end: 12 },
      spanText: 'node:20',
      spanPrefixLength: 7,
      spanLine: 1,
      stage: { index: 0 },
      ref: site?.ref
    })
    expect(site?.ref).toMatchObject({ registry: 'docker.io', tag: '20' })
  })

  it('reads tag + digest, with the prefix ending before "@"', () => {
    const text = `FROM node:20@${D}\n`

    const [site] = scan(text)

    expect(brief(site)).toEqual(literal(text, 1, `node:20@${D}`, { index: 0 }))
    expect(site?.spanPrefixLength).toBe(7)
    expect(site?.ref?.digest).toBe(D)
  })

  it('skips a digest-only reference: there is no tag to track', () => {
    const text = `FROM node@${D}\n`

    expect(briefs(text)).toEqual([
      {
        line: 1,
        source: 'from',
        image: `node@${D}`,
        stage: { index: 0 },
        skip: {
          code: 'digest-only',
          message:
            'no tag to track; add the tag you want to follow, e.g. image:tag@sha256:…'
        }
      }
    ])
  })

  it('reads AS in any case and keeps the stage name as written', () => {
    const text = `FROM node:20 AS build
FROM node:20 as Test
FROM node:20 aS lint
`

    expect(scan(text).map(s => s.stage)).toEqual([
      { index: 0, name: 'build' },
      { index: 1, name: 'Test' },
      { index: 2, name: 'lint' }
    ])
  })

  it('reads lowercase keywords, tabs and abnormal spacing', () => {
    const text = '  \tfrom\t\tnode:20   aS   Build  \n'

    expect(briefs(text)).toEqual([
      literal(text, 1, 'node:20', { index: 0, name: 'Build' })
    ])
  })

  it('reads registries with ports, with and without tags, and namespaces', () => {
    const text = `FROM localhost:5000/app:1
FROM localhost:5000/app
FROM ghcr.io/owner/team/app:1.2.3
FROM [::1]:5000/app:2
`

    const sites = scan(text)

    expect(sites.map(s => [s.image, s.ref?.registry, s.ref?.tag])).toEqual([
      ['localhost:5000/app:1', 'localhost:5000', '1'],
      ['localhost:5000/app', 'localhost:5000', undefined],
      ['ghcr.io/owner/team/app:1.2.3', 'ghcr.io', '1.2.3'],
      ['[::1]:5000/app:2', '[::1]:5000', '2']
    ])
    expect(sites.every(s => s.skip === undefined)).toBe(true)
  })

  it('reads a FROM split over continuation lines, with comment lines inside', () => {
    const text = `FROM \\
  # the base image
  --platform=linux/amd64 \\

  node:20 \\
  AS build
`

    expect(briefs(text)).toEqual([
      literal(
        text,
        1,
        'node:20',
        { index: 0, name: 'build' },
        {
          spanLine: 5,
          platform: 'linux/amd64'
        }
      )
    ])
  })

  it('honours the backtick escape directive, also inside FROM', () => {
    const text = `# escape=\`
FROM --platform=linux/arm64 \`
  node:20 \`
  AS build
RUN echo \\
FROM alpine:3
`

    expect(briefs(text)).toEqual([
      literal(
        text,
        2,
        'node:20',
        { index: 0, name: 'build' },
        {
          spanLine: 3,
          platform: 'linux/arm64'
        }
      ),
      literal(text, 6, 'alpine:3', { index: 1 })
    ])
  })

  it('keeps offsets into the original text when it starts with a BOM', () => {
    const text = '\uFEFFFROM node:20\n'

    expect(briefs(text)).toEqual([
      literal(text, 1, 'node:20', { index: 0 }, { span: { start: 6, end: 13 } })
    ])
  })

  it('keeps offsets into the original text with CRLF line endings', () => {
    const text = 'FROM node:20\r\nFROM \\\r\n  alpine:3 AS x\r\n'

    expect(briefs(text)).toEqual([
      literal(
        text,
        1,
        'node:20',
        { index: 0 },
        { span: { start: 5, end: 12 } }
      ),
      literal(
        text,
        2,
        'alpine:3',
        { index: 1, name: 'x' },
        {
          span: { start: 24, end: 32 },
          spanLine: 3
        }
      )
    ])
  })

  it('reads a lone carriage return as whitespace inside the line, as BuildKit does', () => {
    const text = 'RUN echo hi\rFROM evil:1\nFROM node:20\r\n'

    expect(briefs(text)).toEqual([
      literal(
        text,
        2,
        'node:20',
        { index: 0 },
        { span: { start: 29, end: 36 } }
      )
    ])
  })

  it('counts offsets in UTF-16 code units', () => {
    const text = '# 🐳 café\nFROM node:20\n'

    expect(scan(text)[0]?.span).toEqual({ start: 15, end: 22 })
  })

  it('handles BOM, CRLF and a syntax directive together', () => {
    const text = '\uFEFF# syntax=docker/dockerfile:1\r\nFROM node:20\r\n'

    expect(briefs(text)).toEqual([
      {
        line: 1,
        source: 'syntax',
        image: 'docker/dockerfile:1',
        span: { start: 10, end: 29 },
        spanText: 'docker/dockerfile:1',
        spanPrefixLength: 19,
        spanLine: 1
      },
      literal(
        text,
        2,
        'node:20',
        { index: 0 },
        { span: { start: 36, end: 43 } }
      )
    ])
  })

  it('reports scratch as a site that is skipped', () => {
    expect(briefs('FROM scratch\n')).toEqual([
      {
        line: 1,
        source: 'from',
        image: 'scratch',
        stage: { index: 0 },
        skip: {
          code: 'scratch',
          message: '"scratch" is the empty base image; there is nothing to pin.'
        }
      }
    ])
  })

  it('treats only stages defined above as stages, case-insensitively', () => {
    const text = `FROM builder
FROM node:20 AS builder
FROM Builder
`

    expect(briefs(text)).toEqual([
      literal(text, 1, 'builder', { index: 0 }),
      literal(text, 2, 'node:20', { index: 1, name: 'builder' }),
      {
        line: 3,
        source: 'from',
        image: 'Builder',
        stage: { index: 2 },
        skip: {
          code: 'stage',
          message: '"Builder" is an earlier build stage, not an image.'
        }
      }
    ])
  })

  it('keeps a literal --platform and omits one with variables', () => {
    const text = `FROM --platform=linux/arm64/v8 node:20
FROM --platform=$BUILDPLATFORM golang:1.22 AS build
`

    const sites = scan(text)

    expect(sites.map(s => s.platform)).toEqual(['linux/arm64/v8', undefined])
    expect(sites.map(s => s.skip)).toEqual([undefined, undefined])
  })

  it('skips an invalid reference with the parser message, and an empty FROM', () => {
    const text = 'FROM Node:20\nFROM\n'

    expect(briefs(text)).toEqual([
      {
        line: 1,
        source: 'from',
        image: 'Node:20',
        stage: { index: 0 },
        skip: {
          code: 'invalid',
          message:
            'Invalid image reference "Node:20": repository name must be lowercase.'
        }
      },
      {
        line: 2,
        source: 'from',
        image: '',
        stage: { index: 1 },
        skip: {
          code: 'invalid',
          message: 'FROM names no image; BuildKit rejects this line.'
        }
      }
    ])
  })
})

describe('scanDockerfile: heredocs are never instructions', () => {
  it('ignores FROM inside RUN <<EOF', () => {
    const text = `FROM a:1
RUN <<EOF
FROM evil:1
EOF
FROM b:2
`

    expect(scan(text).map(s => s.image)).toEqual(['a:1', 'b:2'])
  })

  it('ignores FROM inside COPY <<EOT /x and ADD heredocs', () => {
    const text = `FROM a:1
COPY <<EOT /app/Dockerfile
FROM evil:1
COPY --from=evil:2 / /
EOT
ADD <<EOF /y
FROM evil:3
EOF
FROM b:2
`

    expect(scan(text).map(s => s.image)).toEqual(['a:1', 'b:2'])
  })

  it('handles <<-EOF with tab-indented terminators and quoted delimiters', () => {
    const text = `FROM a:1
RUN <<-"EOF" cat
\tFROM evil:1
\tEOF
RUN <<'END'
FROM evil:2
END
FROM b:2
`

    expect(scan(text).map(s => [s.image, s.line])).toEqual([
      ['a:1', 1],
      ['b:2', 8]
    ])
  })

  it('handles several heredocs on one line and a body that looks like a comment', () => {
    const text = `FROM a:1
RUN <<A <<B
# freshbase: ignore
FROM evil:1
A
FROM evil:2
B
FROM b:2
`

    expect(briefs(text)).toEqual([
      literal(text, 1, 'a:1', { index: 0 }),
      literal(text, 8, 'b:2', { index: 1 })
    ])
  })

  it('handles a file-descriptor heredoc (RUN 3<<EOF), which dockerfile-ast misses', () => {
    const text = `FROM a:1
RUN cat /dev/fd/3 3<<EOF
FROM evil:1
EOF
FROM b:2
`

    expect(scan(text).map(s => [s.image, s.line])).toEqual([
      ['a:1', 1],
      ['b:2', 5]
    ])
  })
})

describe('scanDockerfile: COPY --from, RUN --mount and # syntax', () => {
  it('skips COPY --from stage names (any case) and indexes, and reads images', () => {
    const text = `FROM node:20 AS build
COPY --from=build /a /b
COPY --from=BUILD /a /b
COPY --from=0 /a /b
COPY --chown=1:1 --from=busybox:1.36 /bin/sh /sh
COPY --from=later /a /b
FROM alpine:3 AS later
`

    expect(briefs(text)).toEqual([
      literal(text, 1, 'node:20', { index: 0, name: 'build' }),
      literal(
        text,
        5,
        'busybox:1.36',
        { index: 0, name: 'build' },
        {
          source: 'copy-from'
        }
      ),
      literal(text, 7, 'alpine:3', { index: 1, name: 'later' })
    ])
  })

  it('refuses variables in COPY --from, which BuildKit rejects', () => {
    const text = 'FROM a:1\nCOPY --from=${IMG} /a /b\n'

    expect(brief(scan(text)[1])).toEqual({
      line: 2,
      source: 'copy-from',
      image: '${IMG}',
      stage: { index: 0 },
      skip: {
        code: 'variable',
        message:
          'Variables are not supported in COPY --from (BuildKit rejects it); write the image literally to pin it.'
      }
    })
  })

  it('reads from= in bind and cache mounts, not in other mount types or stages', () => {
    const text = `FROM golang:1.22 AS build
RUN --mount=from=busybox:1,target=/x --mount=type=cache,from=redis:7,target=/c make
RUN --mount=type=tmpfs,from=nope:1,target=/t --mount=type=bind,from=build,target=/b make
`

    expect(briefs(text)).toEqual([
      literal(text, 1, 'golang:1.22', { index: 0, name: 'build' }),
      literal(
        text,
        2,
        'busybox:1',
        { index: 0, name: 'build' },
        {
          source: 'mount-from'
        }
      ),
      literal(
        text,
        2,
        'redis:7',
        { index: 0, name: 'build' },
        {
          source: 'mount-from'
        }
      )
    ])
  })

  it('reads # syntax on the first line, with spaces around "=" and extra words', () => {
    const text = `# syntax = docker/dockerfile:1.7 --extra
FROM a:1
`

    expect(brief(scan(text)[0])).toEqual({
      line: 1,
      source: 'syntax',
      image: 'docker/dockerfile:1.7',
      span: { start: 11, end: 32 },
      spanText: 'docker/dockerfile:1.7',
      spanPrefixLength: 21,
      spanLine: 1
    })
  })

  it('reads # syntax after other directives and a shebang', () => {
    const text = `#!/usr/bin/env buildctl
# check=skip=all
#SYNTAX=docker/dockerfile:1@${D}
FROM a:1
`

    expect(scan(text)[0]).toMatchObject({
      line: 3,
      source: 'syntax',
      image: `docker/dockerfile:1@${D}`,
      spanPrefixLength: 19
    })
  })

  it('ignores # syntax that is not a directive at the very top', () => {
    const notTop = [
      'FROM a:1\n# syntax=docker/dockerfile:1\n',
      '# a comment\n# syntax=docker/dockerfile:1\nFROM a:1\n',
      '\n# syntax=docker/dockerfile:1\nFROM a:1\n',
      '  # syntax=docker/dockerfile:1\nFROM a:1\n',
      '# escape=\\\n# escape=\\\n# syntax=docker/dockerfile:1\nFROM a:1\n'
    ]

    for (const text of notTop) {
      expect(scan(text).map(s => s.source)).toEqual(['from'])
    }
  })
})

describe('scanDockerfile: global ARGs', () => {
  it('pins into the ARG value and keeps the FROM line', () => {
    const text = `ARG BASE=node:20
FROM \${BASE} AS build
`

    expect(briefs(text)).toEqual([
      {
        line: 2,
        source: 'from',
        image: 'node:20',
        span: { start: 9, end: 16 },
        spanText: 'node:20',
        spanPrefixLength: 7,
        spanLine: 1,
        spanArg: 'BASE',
        stage: { index: 0, name: 'build' }
      }
    ])
  })

  it('pins inside the quotes of a quoted value, for $NAME too', () => {
    const text = `ARG A="node:20" B='python:3.12'
FROM $A
FROM \${B}
`

    expect(briefs(text)).toEqual([
      literal(text, 2, 'node:20', { index: 0 }, { spanLine: 1, spanArg: 'A' }),
      literal(
        text,
        3,
        'python:3.12',
        { index: 1 },
        {
          spanLine: 1,
          spanArg: 'B'
        }
      )
    ])
  })

  it('keeps an existing digest in the ARG value as the part to replace', () => {
    const text = `ARG BASE=node:20@${D}
FROM \${BASE}
`

    expect(brief(scan(text)[0])).toEqual(
      literal(
        text,
        2,
        `node:20@${D}`,
        { index: 0 },
        {
          spanLine: 1,
          spanArg: 'BASE'
        }
      )
    )
  })

  it('uses the last global declaration when an ARG is declared twice', () => {
    const text = `ARG BASE=node:18
ARG BASE="node:20"
FROM \${BASE}
`

    expect(scan(text)[0]).toMatchObject({
      image: 'node:20',
      span: at(text, 'node:20'),
      spanLine: 2
    })
  })

  it('shares one span between FROMs that use the same ARG the same way', () => {
    const text = `ARG BASE=node:20
FROM \${BASE} AS deps
FROM $BASE AS build
`

    const sites = scan(text)

    expect(sites.map(s => [s.line, s.image, s.span, s.skip])).toEqual([
      [2, 'node:20', { start: 9, end: 16 }, undefined],
      [3, 'node:20', { start: 9, end: 16 }, undefined]
    ])
  })

  it('pins the tag ARG when the reference ends with it: FROM node:${TAG}', () => {
    const text = `ARG TAG=20
FROM node:\${TAG}
`

    expect(brief(scan(text)[0])).toEqual({
      line: 2,
      source: 'from',
      image: 'node:20',
      span: { start: 8, end: 10 },
      spanText: '20',
      spanPrefixLength: 2,
      spanLine: 1,
      spanArg: 'TAG',
      stage: { index: 0 }
    })
  })

  it('refreshes only the digest bytes when the tag comes from an ARG (issue 8 §6)', () => {
    const text = `ARG TAG=20
ARG DIGEST="${D}"
FROM node:\${TAG}@\${DIGEST}
FROM node:\${TAG}-slim@${D}
`

    expect(briefs(text)).toEqual([
      {
        line: 3,
        source: 'from',
        image: `node:20@${D}`,
        span: at(text, D),
        spanText: D,
        spanPrefixLength: 0,
        spanLine: 2,
        spanArg: 'DIGEST',
        spanIsDigest: true,
        stage: { index: 0 }
      },
      {
        line: 4,
        source: 'from',
        image: `node:20-slim@${D}`,
        span: at(text, D, 1),
        spanText: D,
        spanPrefixLength: 0,
        spanLine: 4,
        spanIsDigest: true,
        stage: { index: 1 }
      }
    ])
    expect(pinnedSpanText(scan(text)[0] as ImageSite, NEW)).toBe(NEW)
  })

  it('follows an ARG whose value uses an earlier ARG to the text that ends the reference', () => {
    const text = `ARG VERSION=20-slim
ARG BASE="node:\${VERSION}"
ARG REG=ghcr.io
ARG APP=\${REG}/owner/app:1
FROM \${BASE}
FROM \${APP}
`

    expect(briefs(text)).toEqual([
      literal(
        text,
        5,
        'node:20-slim',
        { index: 0 },
        {
          spanText: '20-slim',
          spanLine: 1,
          spanArg: 'VERSION'
        }
      ),
      literal(
        text,
        6,
        'ghcr.io/owner/app:1',
        { index: 1 },
        {
          spanText: '${REG}/owner/app:1',
          spanLine: 4,
          spanArg: 'APP'
        }
      )
    ])
  })

  it('keeps a variable registry in the FROM token and pins after the literal tag', () => {
    const text = `ARG REG=ghcr.io
FROM \${REG}/owner/app:1.2
`

    expect(brief(scan(text)[0])).toEqual(
      literal(
        text,
        2,
        'ghcr.io/owner/app:1.2',
        { index: 0 },
        {
          spanText: '${REG}/owner/app:1.2'
        }
      )
    )
  })

  it('pins inside ${NAME:-default} when NAME has no value, and into NAME when it has', () => {
    const text = `ARG EMPTY=
ARG SET=python:3.12
FROM \${UNDECLARED:-node:20}
FROM \${EMPTY:-alpine:3}
FROM \${SET:-ignored:1}
FROM golang:\${GO:-1.22}
`

    expect(briefs(text)).toEqual([
      literal(text, 3, 'node:20', { index: 0 }),
      literal(text, 4, 'alpine:3', { index: 1 }),
      literal(
        text,
        5,
        'python:3.12',
        { index: 2 },
        {
          spanLine: 2,
          spanArg: 'SET'
        }
      ),
      literal(
        text,
        6,
        'golang:1.22',
        { index: 3 },
        {
          span: at(text, '1.22'),
          spanText: '1.22'
        }
      )
    ])
  })

  it('skips an ARG without a default and says how to fix it', () => {
    const text = `ARG BASE
FROM \${BASE}
`

    expect(brief(scan(text)[0])).toEqual({
      line: 2,
      source: 'from',
      image: '${BASE}',
      stage: { index: 0 },
      skip: {
        code: 'variable',
        message:
          'ARG BASE has no default value, so the image is only known at build time; give it one (ARG BASE=image:tag) to pin it.'
      }
    })
  })

  it('skips ${X-default} when X is declared without a value', () => {
    const text = `ARG BASE
FROM \${BASE-node:20}
FROM \${OTHER-node:22}
`

    expect(scan(text).map(s => [s.image, s.skip?.code])).toEqual([
      ['${BASE-node:20}', 'variable'],
      ['node:22', undefined]
    ])
  })

  it('skips an undeclared variable', () => {
    expect(scan('FROM node:${TAG}\n')[0]?.skip).toEqual({
      code: 'variable',
      message:
        'ARG TAG is not declared above the first FROM, so it expands to nothing; declare it there with a default value to pin this image.'
    })
  })

  it('does not let FROM see an ARG declared inside a stage (BuildKit scoping)', () => {
    const text = `FROM node:20
ARG NEXT=python:3.12
FROM \${NEXT}
`

    expect(brief(scan(text)[1])).toEqual({
      line: 3,
      source: 'from',
      image: '${NEXT}',
      stage: { index: 1 },
      skip: {
        code: 'variable',
        message:
          'ARG NEXT is declared inside a stage (line 2), where FROM cannot see it; declare it with a default value above the first FROM to pin this image.'
      }
    })
  })

  it('skips a tag made of several ARGs', () => {
    const text = `ARG MAJOR=20
ARG MINOR=11
FROM node:\${MAJOR}.\${MINOR}
`

    expect(brief(scan(text)[0])).toEqual({
      line: 3,
      source: 'from',
      image: 'node:20.11',
      stage: { index: 0 },
      skip: {
        code: 'variable',
        message:
          'The tag comes from several ARGs (MAJOR, MINOR), and a digest can only follow one of them; put the whole tag in one ARG to pin it.'
      }
    })
  })

  it('skips both FROMs when one ARG ends one reference and sits inside another', () => {
    const text = `ARG TAG=20
FROM node:\${TAG}
FROM node:\${TAG}-slim
`

    expect(scan(text).map(s => s.skip)).toEqual([
      {
        code: 'variable',
        message:
          'ARG TAG is also used by FROM on line 3, which a digest in its value would change too; give this image its own ARG (e.g. ARG TAG_IMAGE=node:20) to pin it.'
      },
      {
        code: 'variable',
        message:
          'The tag depends on ARG TAG but the reference ends in fixed text, so a digest there would silently ignore a --build-arg that changes the tag; put the whole tag in one ARG to pin it.'
      }
    ])
  })

  it('skips both FROMs when one ARG would need two different digests', () => {
    const text = `ARG TAG=3
FROM python:\${TAG}
FROM ruby:\${TAG}
`

    const message =
      'ARG TAG is used by several FROM lines for different images (python:3, ruby:3), and one digest cannot pin them all; give each image its own ARG.'
    expect(scan(text).map(s => s.skip)).toEqual([
      { code: 'variable', message },
      { code: 'variable', message }
    ])
  })

  it('skips an ARG that a stage imports, since the digest would reach the stage', () => {
    const text = `ARG NODE=node:20
FROM \${NODE}
ARG NODE
RUN echo "$NODE"
`

    expect(scan(text)[0]?.skip).toEqual({
      code: 'variable',
      message:
        'ARG NODE is also used by ARG NODE in a stage on line 3, which a digest in its value would change too; give this image its own ARG (e.g. ARG NODE_IMAGE=node:20) to pin it.'
    })
  })

  it('ignores uses inside ARG values that nothing uses', () => {
    const text = `ARG NODE=node:20
ARG UNUSED=x-\${NODE}
FROM \${NODE}
`

    expect(scan(text)[0]?.skip).toBeUndefined()
  })

  it('skips ${X:+…} and pattern operators', () => {
    const text = `ARG X=1
FROM node:\${X:+20}
FROM node:\${X%%.*}
`

    expect(scan(text).map(s => s.skip?.code)).toEqual(['variable', 'variable'])
    expect(scan(text)[0]?.skip?.message).toBe(
      '${X:+…} is not supported for pinning; only $X, ${X} and ${X:-default} are. Put the whole image in one ARG with a default value.'
    )
  })

  it('skips automatic platform ARGs, which differ per build platform', () => {
    expect(scan('FROM example/app:${TARGETARCH}\n')[0]?.skip).toEqual({
      code: 'variable',
      message:
        'The image depends on TARGETARCH, which BuildKit sets per target platform, so no single digest can pin it; use one multi-platform tag instead.'
    })
  })

  it('skips a reference that ends with an empty ARG', () => {
    const text = `ARG SUFFIX=
FROM node:20\${SUFFIX}
`

    expect(scan(text)[0]?.skip?.message).toBe(
      'The reference ends with $SUFFIX, which is empty; move the tag into ARG SUFFIX or remove the variable.'
    )
  })

  it('treats an ARG that expands to an earlier stage name as that stage', () => {
    const text = `ARG FROM_STAGE=build
FROM node:20 AS build
FROM \${FROM_STAGE}
`

    expect(scan(text)[1]?.skip?.code).toBe('stage')
  })

  it('does not expand single-quoted values (they stay literal, and invalid)', () => {
    const text = `ARG V=20
ARG BASE='node:\${V}'
FROM \${BASE}
`

    expect(scan(text)[0]?.skip?.code).toBe('invalid')
  })
})

describe('scanDockerfile: # freshbase: ignore', () => {
  it('skips the instruction under the comment, in any spacing and case', () => {
    const text = `# freshbase: ignore
FROM node:18
FROM node:20
#FreshBase :  IGNORE until the migration
# more words
COPY --from=busybox:1 /a /b
# freshbase: ignore

FROM node:22
`

    const message =
      'Marked "# freshbase: ignore" in the comment above the instruction.'
    expect(scan(text).map(s => [s.line, s.skip])).toEqual([
      [2, { code: 'ignored', message }],
      [3, undefined],
      [6, { code: 'ignored', message }],
      [9, undefined]
    ])
  })
})

describe('pinnedSpanText', () => {
  it('appends the digest, or replaces the existing one', () => {
    const sites = scan(`FROM node:20\nFROM alpine:3@${D}\n`)
    const digest = `sha256:${'b'.repeat(64)}`

    expect(sites.map(s => pinnedSpanText(s, digest))).toEqual([
      `node:20@${digest}`,
      `alpine:3@${digest}`
    ])
  })

  it('adds :latest to a reference without a tag, so it stays trackable', () => {
    const sites = scan('ARG IMG=busybox\nFROM node\nFROM $IMG\n')
    const digest = `sha256:${'b'.repeat(64)}`

    expect(sites.map(s => pinnedSpanText(s, digest))).toEqual([
      `node:latest@${digest}`,
      `busybox:latest@${digest}`
    ])
  })
})
