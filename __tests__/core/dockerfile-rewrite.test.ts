import { describe, expect, it } from 'vitest'

import { applyEdits, verifyRewrite } from '../../src/core/rewrite.js'
import type { Edit } from '../../src/core/rewrite.js'
import {
  pinnedSpanText,
  scanDockerfile
} from '../../src/core/dockerfile/scan.js'

const OLD = `sha256:${'a'.repeat(64)}`
const NEW = `sha256:${'b'.repeat(64)}`

/** The edits the planner would make: every pinnable site gets `digest`. */
function pinAll(text: string, digest: string): Edit[] {
  return scanDockerfile('Dockerfile', text).flatMap(site =>
    site.span === undefined || site.spanText === undefined
      ? []
      : [
          {
            span: site.span,
            expected: site.spanText,
            replacement: pinnedSpanText(site, digest)
          }
        ]
  )
}

function rewrite(text: string, edits: readonly Edit[]): string {
  const result = applyEdits(text, edits)
  if (!result.ok) throw new Error(result.error)
  return result.text
}

describe('applyEdits', () => {
  it('splices only the references and keeps everything else byte for byte', () => {
    const before = `# syntax=docker/dockerfile:1
FROM  node:20   AS build   # not a comment, an argument
  # a comment
from --platform=linux/arm64 alpine:3@${OLD} as Run
COPY --from=build /app /app
`

    const after = rewrite(before, pinAll(before, NEW))

    expect(after).toBe(`# syntax=docker/dockerfile:1@${NEW}
FROM  node:20@${NEW}   AS build   # not a comment, an argument
  # a comment
from --platform=linux/arm64 alpine:3@${NEW} as Run
COPY --from=build /app /app
`)
  })

  it('keeps a BOM and CRLF line endings', () => {
    const before =
      '\uFEFFFROM node:20 AS build\r\nRUN echo hi\r\nFROM \\\r\n  alpine:3\r\n'

    const after = rewrite(before, pinAll(before, NEW))

    expect(after).toBe(
      `\uFEFFFROM node:20@${NEW} AS build\r\nRUN echo hi\r\nFROM \\\r\n  alpine:3@${NEW}\r\n`
    )
  })

  it('pins inside the quotes of an ARG value used by two FROMs, once', () => {
    const before = `ARG BASE="node:20"
ARG TAG='3.12'
FROM \${BASE} AS deps
FROM $BASE AS build
FROM python:\${TAG}
`

    const edits = pinAll(before, NEW)
    const after = rewrite(before, edits)

    expect(edits).toHaveLength(3)
    expect(after).toBe(`ARG BASE="node:20@${NEW}"
ARG TAG='3.12@${NEW}'
FROM \${BASE} AS deps
FROM $BASE AS build
FROM python:\${TAG}
`)
  })

  it('replaces an existing digest and is a no-op the second time', () => {
    const before = `FROM node:20@${OLD}\r\nFROM ghcr.io/o/app:1\r\n`

    const once = rewrite(before, pinAll(before, NEW))
    const twice = rewrite(once, pinAll(once, NEW))

    expect(once).toBe(`FROM node:20@${NEW}\r\nFROM ghcr.io/o/app:1@${NEW}\r\n`)
    expect(twice).toBe(once)
  })

  it('returns the text unchanged for no edits', () => {
    expect(applyEdits('FROM node:20\n', [])).toEqual({
      ok: true,
      text: 'FROM node:20\n'
    })
  })

  it('refuses overlapping edits', () => {
    const text = 'FROM node:20\n'
    const edits: Edit[] = [
      { span: { start: 5, end: 12 }, expected: 'node:20', replacement: 'x' },
      { span: { start: 10, end: 12 }, expected: '20', replacement: 'y' }
    ]

    expect(applyEdits(text, edits)).toEqual({
      ok: false,
      error:
        'two edits on line 1 touch the same text ("node:20" → "x" and "20" → "y"); nothing was written. Give each image its own ARG or FROM.'
    })
  })

  it('refuses two different replacements for one span', () => {
    const text = 'ARG BASE=node:20\n'
    const span = { start: 9, end: 16 }

    const result = applyEdits(text, [
      { span, expected: 'node:20', replacement: `node:20@${OLD}` },
      { span, expected: 'node:20', replacement: `node:20@${NEW}` }
    ])

    expect(result.ok).toBe(false)
  })

  it('refuses an edit whose text changed since the scan', () => {
    const text = 'FROM node:22\n'
    const edit = {
      span: { start: 5, end: 12 },
      expected: 'node:20',
      replacement: `node:20@${NEW}`
    }

    expect(applyEdits(text, [edit])).toEqual({
      ok: false,
      error:
        'line 1 should hold "node:20" but holds "node:22"; the file changed since it was scanned. Run freshbase again.'
    })
  })

  it('refuses an edit outside the file', () => {
    const edit = {
      span: { start: 5, end: 40 },
      expected: 'x',
      replacement: 'y'
    }

    expect(applyEdits('FROM node:20\n', [edit])).toEqual({
      ok: false,
      error:
        'an edit points outside the file (offsets 5-40 of 13); the file changed since it was scanned. Run freshbase again.'
    })
  })
})

describe('verifyRewrite', () => {
  const before = `ARG BASE=node:20
FROM \${BASE} AS build
FROM alpine:3
COPY --from=build /a /b
`

  it('accepts a rewrite that only pins the planned references', () => {
    const edits = pinAll(before, NEW)

    const after = rewrite(before, edits)

    expect(verifyRewrite('Dockerfile', before, after, edits)).toEqual({
      ok: true
    })
  })

  it('accepts pinning a reference without a tag as :latest', () => {
    const text = 'ARG IMG=busybox\nFROM node\nFROM $IMG\n'
    const edits = pinAll(text, NEW)

    const after = rewrite(text, edits)

    expect(after).toBe(
      `ARG IMG=busybox:latest@${NEW}\nFROM node:latest@${NEW}\nFROM $IMG\n`
    )
    expect(verifyRewrite('Dockerfile', text, after, edits)).toEqual({
      ok: true
    })
  })

  it('accepts refreshing only the digest bytes, and catches a digest-only edit that writes no digest', () => {
    const text = `ARG TAG=20\nARG D=${OLD}\nFROM node:\${TAG}@\${D}\n`
    const edits = pinAll(text, NEW)
    const after = rewrite(text, edits)
    const broken: Edit[] = edits.map(e => ({ ...e, replacement: 'latest' }))

    expect(after).toBe(`ARG TAG=20\nARG D=${NEW}\nFROM node:\${TAG}@\${D}\n`)
    expect(verifyRewrite('Dockerfile', text, after, edits)).toEqual({
      ok: true
    })
    expect(
      verifyRewrite('Dockerfile', text, rewrite(text, broken), broken)
    ).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^after the rewrite, the from reference on line 3 \(".*"\) is now skipped \(Invalid image reference "node:20@latest"/
      ) as string
    })
  })

  it('catches a change outside the spans', () => {
    const edits = pinAll(before, NEW)
    const after = rewrite(before, edits).replace('/a /b', '/a /c')

    expect(verifyRewrite('Dockerfile', before, after, edits)).toEqual({
      ok: false,
      error:
        'the rewrite changed line 4 outside the image references; nothing was written.'
    })
  })

  it('catches an edit that changes the image instead of pinning it', () => {
    const edits: Edit[] = [
      {
        span: { start: 9, end: 16 },
        expected: 'node:20',
        replacement: `node:22@${NEW}`
      }
    ]
    const after = rewrite(before, edits)

    expect(verifyRewrite('Dockerfile', before, after, edits)).toEqual({
      ok: false,
      error: `after the rewrite, the from reference on line 2 ("node:20") became "node:22@${NEW}" instead of "node:20@${NEW}"; nothing was written.`
    })
  })

  it('catches an edit that touches no image reference', () => {
    const start = before.indexOf('build')
    const edits: Edit[] = [
      {
        span: { start, end: start + 5 },
        expected: 'build',
        replacement: 'other'
      }
    ]
    const after = rewrite(before, edits)

    expect(verifyRewrite('Dockerfile', before, after, edits)).toEqual({
      ok: false,
      error:
        'the edit of "build" does not replace an image reference; nothing was written.'
    })
  })

  it('catches an edit that turns a reference into something else', () => {
    const text = 'FROM node:20\nFROM alpine:3\n'
    const edits: Edit[] = [
      {
        span: { start: 5, end: 12 },
        expected: 'node:20',
        replacement: 'scratch'
      }
    ]

    const result = verifyRewrite(
      'Dockerfile',
      text,
      rewrite(text, edits),
      edits
    )

    expect(result).toEqual({
      ok: false,
      error:
        'after the rewrite, the from reference on line 1 ("node:20") is now skipped ("scratch" is the empty base image; there is nothing to pin); nothing was written.'
    })
  })
})
