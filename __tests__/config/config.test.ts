import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../../src/config/config.js'
import { parseConfigFile } from '../../src/config/config-file.js'

describe('parseConfig', () => {
  it('fills defaults', () => {
    const config = parseConfig({})

    expect(config).toEqual({
      root: '.',
      include: [],
      exclude: [],
      insecureRegistries: [],
      registryMap: {},
      concurrency: 8,
      pinUnpinned: true,
      ignore: [],
      timeoutMs: 30_000
    })
    expect(Object.isFrozen(config)).toBe(true)
  })

  it('reads lists from newline or comma separated strings and arrays', () => {
    const config = parseConfig({
      include: 'a/**\nb/**, c/**',
      exclude: ['x/**', 'y/**'],
      'insecure-registries': 'Reg.Local:5000',
      'registry-map': 'index.docker.io=mirror.local:5000',
      'pin-unpinned': 'FALSE',
      concurrency: '3',
      timeout: 5
    })

    expect(config.include).toEqual(['a/**', 'b/**', 'c/**'])
    expect(config.exclude).toEqual(['x/**', 'y/**'])
    expect(config.insecureRegistries).toEqual(['reg.local:5000'])
    expect(config.registryMap).toEqual({ 'docker.io': 'mirror.local:5000' })
    expect(config.pinUnpinned).toBe(false)
    expect(config.concurrency).toBe(3)
    expect(config.timeoutMs).toBe(5000)
  })

  it('lists every problem at once, each naming the option and what is allowed', () => {
    let error: unknown

    try {
      parseConfig({
        concurrency: '0',
        'pin-unpinned': 'yes',
        'registry-map': 'docker.io',
        'insecure-registries': 'http://x',
        timeout: 'soon'
      })
    } catch (e) {
      error = e
    }

    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).problems).toEqual([
      `'insecure-registries': "http://x" is not a registry host; use host or host:port, e.g. registry.local:5000.`,
      `'registry-map': "docker.io" must be from=to with two registry hosts, e.g. docker.io=mirror.local:5000.`,
      `'concurrency' must be a whole number from 1 to 64, got "0".`,
      `'pin-unpinned' must be true or false, got "yes".`,
      `'timeout' must be a whole number from 1 to 600, got "soon".`
    ])
  })
})

describe('parseConfigFile', () => {
  const keys = ['include', 'concurrency', 'ignore']

  it('reads the same keys as the inputs', () => {
    const raw = parseConfigFile(
      'f.yml',
      'include: [a/**]\nconcurrency: 4\n',
      keys
    )

    expect(raw).toEqual({ include: ['a/**'], concurrency: 4 })
  })

  it('names the file and the unknown key', () => {
    expect(() => parseConfigFile('f.yml', 'includes: x\n', keys)).toThrow(
      "f.yml: unknown key 'includes'. Allowed keys: include, concurrency, ignore."
    )
  })

  it('names the file on a YAML syntax error', () => {
    expect(() => parseConfigFile('f.yml', 'include: [a\n', keys)).toThrow(
      /^f\.yml: not valid YAML/
    )
  })

  it('treats an empty file as no settings', () => {
    expect(parseConfigFile('f.yml', '', keys)).toEqual({})
  })
})
