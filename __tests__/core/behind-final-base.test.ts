import { describe, expect, it } from 'vitest'
import { finalBase } from '../../src/core/behind/final-base.js'
import { scanDockerfile } from '../../src/core/dockerfile/scan.js'

const base = (text: string, target?: string): ReturnType<typeof finalBase> =>
  finalBase('app/Dockerfile', scanDockerfile('app/Dockerfile', text), target)

describe('finalBase: the base a Dockerfile names now', () => {
  it('is the last FROM of a single-stage file', () => {
    expect(base('FROM alpine:3.21\nRUN true\n')).toEqual({
      ok: true,
      base: 'alpine:3.21',
      line: 1
    })
  })

  it('follows the final stage back through earlier stages to the external image', () => {
    const text = [
      'FROM golang:1.23 AS build',
      'RUN go build',
      'FROM gcr.io/distroless/static:nonroot AS runtime',
      'FROM runtime AS final',
      'COPY --from=build /out /app',
      'FROM final'
    ].join('\n')
    expect(base(text)).toEqual({
      ok: true,
      base: 'gcr.io/distroless/static:nonroot',
      line: 3
    })
  })

  it('matches stage names case-insensitively, as BuildKit does', () => {
    expect(base('FROM debian:12 AS Base\nFROM base\n')).toMatchObject({
      base: 'debian:12',
      line: 1
    })
  })

  it('applies ARG defaults', () => {
    const text = 'ARG BASE=node\nARG V=20\nFROM ${BASE}:${V}-slim\n'
    expect(base(text)).toMatchObject({
      ok: true,
      base: 'node:20-slim',
      line: 3
    })
  })

  it('keeps a pinned base as written, digest and all', () => {
    const digest = `sha256:${'a'.repeat(64)}`
    expect(base(`FROM alpine:3.21@${digest}\n`)).toMatchObject({
      base: `alpine:3.21@${digest}`
    })
  })

  it('builds the target stage when one is named, not the last', () => {
    const text = 'FROM alpine:3.21 AS small\nFROM debian:12 AS big\n'
    expect(base(text, 'small')).toMatchObject({ base: 'alpine:3.21', line: 1 })
    expect(base(text)).toMatchObject({ base: 'debian:12', line: 2 })
  })

  it('says scratch has no base, naming the file and line', () => {
    const result = base(
      'FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build /a /a\n'
    )
    expect(result).toEqual({
      ok: false,
      why: 'app/Dockerfile:2: built FROM scratch: no base to be behind.'
    })
  })

  it('says scratch reached through a stage', () => {
    const result = base('FROM scratch AS empty\nFROM empty\n')
    expect(result.ok).toBe(false)
    expect(!result.ok && result.why).toContain(
      'app/Dockerfile:1: built FROM scratch'
    )
  })

  it('says why a base known only at build time cannot be checked', () => {
    const result = base('ARG V\nFROM alpine:${V}\n')
    expect(result.ok).toBe(false)
    expect(!result.ok && result.why).toMatch(
      /^app\/Dockerfile:2: the final stage's base "alpine:\$\{V\}" is not an image .*ARG V has no default value/
    )
  })

  it('says a missing target stage and a file without FROM', () => {
    const missing = base('FROM alpine:3.21 AS a\n', 'b')
    expect(!missing.ok && missing.why).toContain('no stage named "b"')
    const none = base('# nothing\n')
    expect(!none.ok && none.why).toBe(
      'app/Dockerfile has no FROM line, so it names no base.'
    )
  })
})
