/**
 * Counterexamples the fuzz properties found (__tests__/fuzz/properties.ts),
 * kept as plain cases: the shrunk input, or the realistic file that shows
 * the same bug, with what the scanner must report for it.
 */
import { describe, expect, it } from 'vitest'

import { scanDockerfile } from '../../src/core/dockerfile/scan.js'
import type { ImageSite } from '../../src/core/dockerfile/scan.js'
import { checkPinRoundTrip } from './properties.js'

const D = `sha256:${'a'.repeat(64)}`

/** source, line, image and skip code of each site. */
function sites(text: string): [string, number, string, string | undefined][] {
  return scanDockerfile('Dockerfile', text).map((s: ImageSite) => [
    s.source,
    s.line,
    s.image,
    s.skip?.code
  ])
}

describe('fuzz regressions: the escape directive is read as BuildKit reads it', () => {
  // dockerfile-ast stopped reading directives at whitespace after a value,
  // so a later `# escape=`` was a comment and backtick continuations broke.
  it('after a directive with trailing blanks (shrunk counterexample)', () => {
    const text =
      '#  syntax=[2001:db8::1]:26049/xluz-xr-znmk/x7829-o7.akkxu/1o1hw.qsi4t--h0  \n' +
      '# escape=`\nCOPY `\n--link --from=${IMG} `\n/src /dst'

    expect(sites(text)).toEqual([
      [
        'syntax',
        1,
        '[2001:db8::1]:26049/xluz-xr-znmk/x7829-o7.akkxu/1o1hw.qsi4t--h0',
        undefined
      ],
      ['copy-from', 3, '${IMG}', 'variable']
    ])
  })

  it('after "# syntax=… --extra", in a Windows Dockerfile', () => {
    const text = `# syntax = docker/dockerfile:1.7 --extra
# escape=\`
FROM mcr.microsoft.com/windows/servercore:ltsc2022 \`
    AS build
COPY . C:\\app\\
FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
`

    expect(sites(text)).toEqual([
      ['syntax', 1, 'docker/dockerfile:1.7', undefined],
      ['from', 3, 'mcr.microsoft.com/windows/servercore:ltsc2022', undefined],
      ['from', 6, 'mcr.microsoft.com/windows/nanoserver:ltsc2022', undefined]
    ])
    expect(scanDockerfile('Dockerfile', text)[1]?.stage).toEqual({
      index: 0,
      name: 'build'
    })
    expect(() => checkPinRoundTrip(text, 1)).not.toThrow()
  })

  it('not after a comment that is no directive (dockerfile-ast read "# foo=bar" as one)', () => {
    const text = '# foo=bar\n# escape=`\nFROM \\\n  node:20\n'

    expect(sites(text)).toEqual([['from', 3, 'node:20', undefined]])
    expect(() => checkPinRoundTrip(text, 1)).not.toThrow()
  })

  it('with blanks before the "#", and not below a shebang', () => {
    expect(sites('  # escape=`\nFROM `\n  node:20\n')).toEqual([
      ['from', 2, 'node:20', undefined]
    ])
    expect(
      sites('#!/usr/bin/env buildctl\n# escape=`\nFROM \\\n  node:20\n')
    ).toEqual([['from', 3, 'node:20', undefined]])
  })

  it('keeps reading "# freshbase: ignore" from the file where the parse was masked', () => {
    const text =
      '# syntax=docker/dockerfile:1 \n# escape=`\n# freshbase: ignore\nFROM `\n  node:20\n'

    expect(sites(text)).toEqual([
      ['syntax', 1, 'docker/dockerfile:1', undefined],
      ['from', 4, 'node:20', 'ignored']
    ])
  })
})

describe('fuzz regressions: line continuations inside words', () => {
  // dockerfile-ast keeps the continuation in the stage name, so a later
  // `from=deps` / `FROM deps` was taken for an image.
  it('joins a stage name split over two lines (shrunk counterexample)', () => {
    const text =
      'fROM node:${TARGETARCH} AS \\\nd\\\neps\nRUN --mount=target=/m,FROM=deps make'

    expect(sites(text)).toEqual([['from', 1, 'node:${TARGETARCH}', 'variable']])
    expect(scanDockerfile('Dockerfile', text)[0]?.stage).toEqual({
      index: 0,
      name: 'deps'
    })
  })

  it('treats FROM of that stage as the stage', () => {
    const text = 'FROM node:20 AS d\\\neps\nFROM deps\n'

    expect(sites(text)).toEqual([
      ['from', 1, 'node:20', undefined],
      ['from', 3, 'deps', 'stage']
    ])
  })

  // BuildKit joins continued lines before it reads quotes; the lexer kept the
  // escape, the line break and the comment inside single quotes.
  it('joins a continuation inside single quotes (shrunk counterexample)', () => {
    const text = `ARG BASE='M\\\n# COPY --from=evil:2 / /\nyReg:50491/qdfj:f...--@${D}'\nFROM $BASE`

    expect(sites(text)).toEqual([
      ['from', 4, `MyReg:50491/qdfj:f...--@${D}`, undefined]
    ])
    expect(() => checkPinRoundTrip(text, 1)).not.toThrow()
  })

  // The ARG word splitter counted the quote in a comment line inside a
  // continuation, so it merged the next declaration into this one.
  it('ignores quotes in comment lines inside an ARG word (shrunk counterexample)', () => {
    const text =
      '# foo=bar\n# escape=`\nARG VERSION=2\\\n# \'\n0 \\\nV="node:${VERSION}"\nFROM ${V}'

    expect(sites(text)).toEqual([['from', 7, 'node:20', undefined]])
    expect(() => checkPinRoundTrip(text, 1)).not.toThrow()
  })

  it('pins an ARG value split inside single quotes', () => {
    const text = "ARG BASE='node:\\\n# the tag\n20'\nFROM $BASE\n"

    const [site] = scanDockerfile('Dockerfile', text)

    expect(site).toMatchObject({
      image: 'node:20',
      spanText: 'node:\\\n# the tag\n20',
      spanArg: 'BASE'
    })
    expect(() => checkPinRoundTrip(text, 1)).not.toThrow()
  })
})

describe('fuzz regressions: COPY --from and mount from= values are lexed', () => {
  // The raw flag text was taken as the image, quotes and continuations
  // included, so BuildKit's `node:20` was reported as an invalid reference.
  it('removes quotes and joins continued lines, and pins inside them', () => {
    const text = `FROM a:1 AS build
COPY --from="node:20" /a /b
COPY --from=busy\\
box:1 /a /b
RUN --mount=type=bind,from='redis:7',target=/r make
COPY --from="build" /a /b
`

    expect(sites(text)).toEqual([
      ['from', 1, 'a:1', undefined],
      ['copy-from', 2, 'node:20', undefined],
      ['copy-from', 3, 'busybox:1', undefined],
      ['mount-from', 5, 'redis:7', undefined]
    ])
    expect(scanDockerfile('Dockerfile', text)[1]?.spanText).toBe('node:20')
    expect(() => checkPinRoundTrip(text, 2)).not.toThrow()
  })
})

describe('fuzz regressions: --mount values are split as BuildKit splits them', () => {
  // dockerfile-ast's option ranges ignore the flag's quotes and continuations
  // inside the value: the image came out as `busybox:1"` or `m=busybox`, or
  // lost its tag (`busy\` + `box:1` read as "busybox", so a pin would have
  // been written before ":1").
  it('reads from= in a quoted --mount value (shrunk counterexample)', () => {
    expect(sites('run --mount="target=/m,FROM=a" make')).toEqual([
      ['mount-from', 1, 'a', undefined]
    ])
    expect(
      sites('FROM a:1\nRUN --mount="target=/m,from=busybox:1" make\n')
    ).toEqual([
      ['from', 1, 'a:1', undefined],
      ['mount-from', 2, 'busybox:1', undefined]
    ])
  })

  it('reads a --mount value continued on the next line', () => {
    const text = `FROM a:1
RUN --mount=type=bind,target=/b,\\
from=busybox:1 --mount=type=cache,target=/c,from=redis:7\\
-alpine make
`

    expect(sites(text)).toEqual([
      ['from', 1, 'a:1', undefined],
      ['mount-from', 2, 'busybox:1', undefined],
      ['mount-from', 2, 'redis:7-alpine', undefined]
    ])
    expect(scanDockerfile('Dockerfile', text)[2]?.spanText).toBe(
      'redis:7\\\n-alpine'
    )
    expect(() => checkPinRoundTrip(text, 3)).not.toThrow()
  })
})

describe('fuzz regressions: a digest that is not written in one piece', () => {
  // Pinning replaced from the "@" to the end of the span, which dropped the
  // continuation: the file lost a line and verifyRewrite refused it.
  it('skips a digest split by a continuation (shrunk counterexample)', () => {
    const text =
      'ARG V=LOCALDOMAIN:52035/nxpk8.bhobz_4opxr/w--x4eqq-qvez2:NiF.-m@\\\n' +
      `sha512:${'2f'.repeat(64)}\nFROM \\\n\${V}`

    expect(sites(text)).toEqual([
      [
        'from',
        3,
        `LOCALDOMAIN:52035/nxpk8.bhobz_4opxr/w--x4eqq-qvez2:NiF.-m@sha512:${'2f'.repeat(64)}`,
        'invalid'
      ]
    ])
    expect(() => checkPinRoundTrip(text, 0)).not.toThrow()
  })

  it('says why when the "@" and the digest are apart in an ARG value', () => {
    const text = `ARG V=node:20@\\\n${D}\nFROM \${V}\n`

    expect(scanDockerfile('Dockerfile', text)[0]?.skip).toEqual({
      code: 'invalid',
      message:
        'The digest is not written right after "@" at the end of the reference text (a line continuation, an escape or quotes split them), so it cannot be replaced in place; write the reference and its digest in one piece to refresh it.'
    })
  })

  it('says why when the digest itself is split, and pins the other references', () => {
    const text = `FROM node:20@sha256:aa\\\n${'a'.repeat(62)}\nFROM alpine:3\n`

    const [split, other] = scanDockerfile('Dockerfile', text)

    expect(split?.skip).toEqual({
      code: 'invalid',
      message:
        'The digest is not written in one piece (quotes, an escape, a line continuation or a variable splits it), so it cannot be replaced in place; write it in one piece, in the FROM line or alone in an ARG, to refresh it.'
    })
    expect(other?.skip).toBeUndefined()
    expect(() => checkPinRoundTrip(text, 0)).not.toThrow()
  })

  // The whole-reference pin used to go before the "@": the digest bytes
  // alone are the span now (issue 8 §6).
  it('refreshes only the digest bytes when a continuation parts them from the "@"', () => {
    const text = `FROM node:20@\\\n${D}\nFROM alpine:3\n`

    const [apart, other] = scanDockerfile('Dockerfile', text)

    expect(apart).toMatchObject({
      spanText: D,
      spanLine: 2,
      spanIsDigest: true
    })
    expect(other?.skip).toBeUndefined()
    expect(() => checkPinRoundTrip(text, 0)).not.toThrow()
  })

  // The pin went before it ("…@sha256:old@sha256:new"), then it was skipped;
  // now the digest bytes in the ARG value are the span (issue 8 §6).
  it('refreshes a digest from its own ARG in place', () => {
    const text = `ARG D=${D}\nFROM node:20@\${D}\n`

    expect(sites(text)).toEqual([['from', 2, `node:20@${D}`, undefined]])
    expect(scanDockerfile('Dockerfile', text)[0]).toMatchObject({
      span: { start: 6, end: 6 + D.length },
      spanArg: 'D',
      spanIsDigest: true
    })
    expect(() => checkPinRoundTrip(text, 0)).not.toThrow()
  })

  it('still replaces a digest written in one piece after a split tag', () => {
    const text = `FROM node:\\\n20@${D}\n`

    const [site] = scanDockerfile('Dockerfile', text)

    expect(site).toMatchObject({
      spanText: `node:\\\n20@${D}`,
      spanPrefixLength: 'node:\\\n20'.length
    })
    expect(() => checkPinRoundTrip(text, 0)).not.toThrow()
  })
})
