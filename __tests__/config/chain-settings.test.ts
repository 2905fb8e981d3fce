import { describe, expect, it } from 'vitest'
import { ConfigError, CORE_KEYS, parseConfig } from '../../src/config/config.js'
import { parseConfigFile } from '../../src/config/config-file.js'
import type { RawConfig } from '../../src/config/fields.js'

function problemsOf(raw: RawConfig): string[] {
  try {
    parseConfig(raw)
  } catch (e) {
    if (e instanceof ConfigError) return [...e.problems]
    throw e
  }
  return []
}

describe('parseConfig: images (issue 11)', () => {
  it('reads image=path and image: path lines, as the Action input takes them', () => {
    const config = parseConfig({
      images: [
        'ghcr.io/acme/base=base/Dockerfile',
        '  ghcr.io/acme/mid:1: ./mid/Dockerfile  ',
        '# a comment',
        '',
        '127.0.0.1:5000/acme/app:2 = app/Dockerfile.app'
      ].join('\n')
    })

    expect(config.images).toEqual({
      'ghcr.io/acme/base': 'base/Dockerfile',
      'ghcr.io/acme/mid:1': 'mid/Dockerfile',
      '127.0.0.1:5000/acme/app:2': 'app/Dockerfile.app'
    })
  })

  it('reads repeated CLI values (--image) as a list', () => {
    expect(
      parseConfig({
        images: ['node-base=base/Dockerfile', 'x/y:1=y/Dockerfile']
      }).images
    ).toEqual({ 'node-base': 'base/Dockerfile', 'x/y:1': 'y/Dockerfile' })
  })

  it('reads a YAML mapping from the config file', () => {
    const raw = parseConfigFile(
      'freshbase.yml',
      'images:\n  ghcr.io/acme/base: base/Dockerfile\n  "ghcr.io/acme/app:1": app/Dockerfile\n',
      CORE_KEYS
    )

    expect(parseConfig(raw).images).toEqual({
      'ghcr.io/acme/base': 'base/Dockerfile',
      'ghcr.io/acme/app:1': 'app/Dockerfile'
    })
  })

  it('refuses a mapping whose values are not strings', () => {
    expect(() =>
      parseConfigFile('f.yml', 'images:\n  a: {b: c}\n', ['images'])
    ).toThrow(
      "f.yml: 'images' must be a string, number, boolean, list of strings or a mapping of strings."
    )
  })

  it.each([
    [
      'ghcr.io/acme/base',
      `'images': "ghcr.io/acme/base" must be image=Dockerfile (one per line), e.g. ghcr.io/acme/base=base/Dockerfile or ghcr.io/acme/base:1: base/Dockerfile.`
    ],
    [
      'ghcr.io/acme/base:base/Dockerfile',
      `'images': "ghcr.io/acme/base:base/Dockerfile" must be image=Dockerfile (one per line), e.g. ghcr.io/acme/base=base/Dockerfile or ghcr.io/acme/base:1: base/Dockerfile.`
    ],
    [
      'Acme/Base=base/Dockerfile',
      `'images': "Acme/Base" is not an image repository with an optional tag (invalid image reference "Acme/Base": `
    ],
    [
      `ghcr.io/acme/base@sha256:${'a'.repeat(64)}=base/Dockerfile`,
      `is not an image repository with an optional tag (a digest names one build, not what a Dockerfile builds)`
    ],
    [
      'ghcr.io/acme/base=../other/Dockerfile',
      `'images': "../other/Dockerfile" (for ghcr.io/acme/base) must be the path of a Dockerfile relative to the repository root, e.g. base/Dockerfile.`
    ],
    [
      'ghcr.io/acme/base=/abs/Dockerfile',
      `'images': "/abs/Dockerfile" (for ghcr.io/acme/base) must be the path`
    ]
  ])('names the setting and what is allowed for %j', (line, problem) => {
    const problems = problemsOf({ images: line })

    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain(problem)
  })

  it('lists every wrong line at once', () => {
    expect(problemsOf({ images: 'a\nb=c\nd' })).toHaveLength(2)
  })
})

describe('parseConfig: pin-built-here (issue 11)', () => {
  it('is off by default, read as a boolean', () => {
    expect(parseConfig({}).pinBuiltHere).toBe(false)
    expect(parseConfig({ 'pin-built-here': 'TRUE' }).pinBuiltHere).toBe(true)
    expect(parseConfig({ 'pin-built-here': true }).pinBuiltHere).toBe(true)
  })

  it('names the setting for a wrong value', () => {
    expect(problemsOf({ 'pin-built-here': 'yes' })).toEqual([
      `'pin-built-here' must be true or false, got "yes".`
    ])
  })
})

describe('parseConfig: the repository from GITHUB_REPOSITORY (issue 11)', () => {
  it.each<[string | undefined, string | undefined]>([
    ['acme/base', 'acme/base'],
    [' acme/base ', 'acme/base'],
    ['', undefined],
    ['not-a-repository', undefined],
    [undefined, undefined]
  ])('%j → %j', (value, expected) => {
    const config = parseConfig({}, { GITHUB_REPOSITORY: value })
    expect(config.githubRepository).toBe(expected)
  })
})
