import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/config/config.js'
import type { RawConfig } from '../../src/config/fields.js'
import { FieldReader } from '../../src/config/fields.js'
import { parsePublishConfig } from '../../src/config/publish-config.js'

/** One field read from one raw record: the value and the problems. */
function read<T>(
  raw: RawConfig,
  how: (fields: FieldReader) => T
): { value: T; problems: string[] } {
  const problems: string[] = []
  const value = how(new FieldReader(raw, problems))
  return { value, problems }
}

describe('FieldReader', () => {
  it.each<[string, RawConfig['x'], string | undefined]>([
    ['missing', undefined, undefined],
    ['empty', '', undefined],
    ['blank', '  ', undefined],
    ['trimmed', '  main \n', 'main'],
    ['kept inside', 'a b', 'a b']
  ])('string: %s', (_name, x, expected) => {
    expect(read({ x }, f => f.string('x'))).toEqual({
      value: expected,
      problems: []
    })
  })

  it('string: anything else is a problem naming the key', () => {
    expect(read({ x: 3 }, f => f.string('x'))).toEqual({
      value: undefined,
      problems: [`'x' must be a single string, got 3.`]
    })
  })

  it.each<[string, RawConfig['x'], string[]]>([
    ['missing', undefined, []],
    ['lines and commas', 'a\n b , c\n\n# note', ['a', 'b', 'c']],
    ['an array (YAML, repeated flags)', ['a', 'b, c'], ['a', 'b', 'c']]
  ])('list: %s', (_name, x, expected) => {
    expect(read({ x }, f => f.list('x'))).toEqual({
      value: expected,
      problems: []
    })
  })

  it('list: a number is a problem', () => {
    expect(read({ x: 5 }, f => f.list('x')).problems).toEqual([
      `'x' must be a list of strings, got 5.`
    ])
  })

  it.each<[RawConfig['x'], boolean, string[]]>([
    [undefined, true, []],
    ['', true, []],
    [true, true, []],
    [false, false, []],
    ['FALSE', false, []],
    [' true ', true, []],
    ['yes', true, [`'x' must be true or false, got "yes".`]],
    [1, true, [`'x' must be true or false, got 1.`]]
  ])('boolean %j (default true)', (x, value, problems) => {
    expect(read({ x }, f => f.boolean('x', true))).toEqual({ value, problems })
  })

  it.each<[RawConfig['x'], number, boolean]>([
    [undefined, 8, true],
    ['', 8, true],
    ['3', 3, true],
    [' 3 ', 3, true],
    [3, 3, true],
    ['64', 64, true],
    ['0', 8, false],
    ['65', 8, false],
    ['2.5', 8, false],
    [2.5, 8, false],
    ['0x10', 8, false],
    ['1e1', 8, false],
    ['+5', 8, false],
    ['soon', 8, false]
  ])('integer %j (1-64, default 8)', (x, value, valid) => {
    const result = read({ x }, f => f.integer('x', 1, 64, 8))

    expect(result.value).toBe(value)
    expect(result.problems).toEqual(
      valid
        ? []
        : [`'x' must be a whole number from 1 to 64, got ${JSON.stringify(x)}.`]
    )
  })

  it.each<[RawConfig['x'], string, string[]]>([
    [undefined, 'all', []],
    ['FILE', 'file', []],
    [' image ', 'image', []],
    ['repo', 'all', [`'x' must be one of all, file, image, got "repo".`]]
  ])('oneOf %j', (x, value, problems) => {
    const allowed = ['all', 'file', 'image'] as const

    expect(read({ x }, f => f.oneOf('x', allowed, 'all'))).toEqual({
      value,
      problems
    })
  })

  it.each<[RawConfig['x'], string[], string[]]>([
    ['b, A', ['a', 'b'], []],
    [['c', 'a,b'], ['a', 'b', 'c'], []],
    [undefined, ['a', 'b', 'c'], []],
    ['', ['a', 'b', 'c'], []],
    ['a, z', ['a'], [`'x': "z" is not one of a, b, c.`]],
    [3, ['a', 'b', 'c'], [`'x' must be a list of strings, got 3.`]]
  ])('listOf %j → %j', (x, value, problems) => {
    const allowed = ['a', 'b', 'c'] as const

    expect(read({ x }, f => f.listOf('x', allowed, allowed))).toEqual({
      value,
      problems
    })
  })

  it('keyValues: one per line, commas kept in values, bad lines named', () => {
    expect(
      read(
        { x: 'platforms=linux/amd64,linux/arm64\n# note\n\n a = b \nbroken' },
        f => f.keyValues('x')
      )
    ).toEqual({
      value: { platforms: 'linux/amd64,linux/arm64', a: 'b' },
      problems: [`'x': "broken" must be name=value (one per line).`]
    })
  })
})

describe('one rule for the CLI and the Action', () => {
  const env = { GITHUB_REPOSITORY: 'o/r' }

  // The same setting, as argv (booleans from flags, repeated options as
  // arrays), as Action inputs (strings) and as YAML (numbers, arrays).
  it('reads a core setting the same way whatever its spelling', () => {
    const asArgv = parseConfig({
      include: ['a/**', 'b/**'],
      'pin-unpinned': false,
      concurrency: '4',
      'docker-config': ' /cfg/config.json '
    })
    const asInputs = parseConfig({
      include: 'a/**\nb/**',
      'pin-unpinned': 'False',
      concurrency: ' 4',
      'docker-config': '/cfg/config.json'
    })
    const asYaml = parseConfig({
      include: ['a/**', 'b/**'],
      'pin-unpinned': false,
      concurrency: 4,
      'docker-config': '/cfg/config.json'
    })

    expect(asInputs).toEqual(asArgv)
    expect(asYaml).toEqual(asArgv)
  })

  it('reads a publishing boolean and list by the same rules as a core one', () => {
    const problems: string[] = []
    const publish = parsePublishConfig(
      {
        token: 't',
        draft: true,
        labels: ['deps', 'docker'],
        'dry-run': 'TRUE'
      },
      env,
      problems
    )

    expect(problems).toEqual([])
    expect(publish.draft).toBe(true)
    expect(publish.dryRun).toBe(true)
    expect(publish.labels).toEqual(['deps', 'docker'])
  })
})
