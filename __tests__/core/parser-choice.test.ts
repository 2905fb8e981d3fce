/**
 * Why the scanner is built on dockerfile-ast and not docker-file-parser: the
 * latter reads heredoc bodies as instructions and reports the line where a
 * continued instruction ends rather than where it starts. Measured with
 * 1.0.7; skipped when docker-file-parser is not installed.
 */
import { describe, expect, it } from 'vitest'

import { scanDockerfile } from '../../src/core/dockerfile/scan.js'

/** docker-file-parser's own index.d.ts, narrowed to what these tests read. */
interface CommandEntry {
  readonly name: string
  readonly args: unknown
  readonly lineno: number
}

interface DockerFileParser {
  parse(
    contents: string,
    options?: { readonly includeComments: boolean }
  ): CommandEntry[]
}

type Loaded = Partial<DockerFileParser> & { default?: DockerFileParser }

// A specifier in a variable keeps TypeScript from resolving the package, so
// the type check passes while it is not installed.
const specifier = 'docker-file-parser'
const loaded = (await import(specifier).catch(() => undefined)) as
  Loaded | undefined
// CommonJS: `parse` is on the default export, and maybe re-exported by name.
const dfp: DockerFileParser | undefined =
  loaded?.default ??
  (loaded?.parse === undefined ? undefined : (loaded as DockerFileParser))

function theirFroms(text: string): [unknown, number][] {
  return (dfp?.parse(text, { includeComments: false }) ?? [])
    .filter(command => command.name === 'FROM')
    .map(command => [command.args, command.lineno])
}

function ourFroms(text: string): [string, number][] {
  return scanDockerfile('Dockerfile', text)
    .filter(site => site.source === 'from')
    .map(site => [site.image, site.line])
}

describe.skipIf(dfp === undefined)('parser choice: docker-file-parser', () => {
  it('reads a FROM line inside a heredoc body as an instruction', () => {
    const text = `FROM node:20
RUN <<EOF
FROM evil:1
EOF
`

    expect(theirFroms(text)).toEqual([
      ['node:20', 1],
      ['evil:1', 3]
    ])
    expect(ourFroms(text)).toEqual([['node:20', 1]])
  })

  it('reports the last line of a FROM continued after a multi-line RUN', () => {
    const text = `FROM node:20 AS build
RUN npm ci \\
  && npm run build
FROM \\
  node:20-slim
`

    expect(theirFroms(text).map(([, line]) => line)).toEqual([1, 5])
    expect(ourFroms(text)).toEqual([
      ['node:20', 1],
      ['node:20-slim', 4]
    ])
  })
})
