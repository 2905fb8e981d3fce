import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../../src/config/config.js'
import { parseConfigFile } from '../../src/config/config-file.js'

describe('parseConfig', () => {
  it('fills defaults', () => {
    const config = parseConfig({})

    expect(config).toEqual({
      root: '.',
      kinds: [
        'dockerfile',
        'compose',
        'kubernetes',
        'github-actions',
        'gitlab-ci'
      ],
      include: [],
      exclude: [],
      insecureRegistries: [],
      registryMap: {},
      concurrency: 8,
      pinUnpinned: true,
      ignore: [],
      timeoutMs: 30_000,
      platforms: [],
      osv: true,
      osvUrl: 'https://api.osv.dev',
      images: {},
      pinBuiltHere: false
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

describe('parseConfig: kinds (issue 10)', () => {
  const problemsOf = (raw: Parameters<typeof parseConfig>[0]): string[] => {
    try {
      parseConfig(raw)
    } catch (e) {
      if (e instanceof ConfigError) return [...e.problems]
      throw e
    }
    return []
  }

  it.each<[string, Parameters<typeof parseConfig>[0]['kinds'], string[]]>([
    [
      'comma-separated, any case',
      'Compose, KUBERNETES',
      ['compose', 'kubernetes']
    ],
    ['one per line', 'gitlab-ci\ndockerfile', ['dockerfile', 'gitlab-ci']],
    [
      'a list (argv, YAML)',
      ['github-actions', 'compose,dockerfile'],
      ['dockerfile', 'compose', 'github-actions']
    ],
    [
      'each once, in the order of the settings',
      'compose,compose,dockerfile',
      ['dockerfile', 'compose']
    ],
    [
      'empty = all',
      ' ',
      ['dockerfile', 'compose', 'kubernetes', 'github-actions', 'gitlab-ci']
    ]
  ])('reads %s', (_name, kinds, expected) => {
    expect(parseConfig({ kinds }).kinds).toEqual(expected)
  })

  it.each<[Parameters<typeof parseConfig>[0]['kinds'], string[]]>([
    ['helm', ['helm']],
    ['compose, yaml, github', ['yaml', 'github']],
    [['docker'], ['docker']]
  ])('names each unknown kind in %j and the allowed ones', (kinds, unknown) => {
    expect(problemsOf({ kinds })).toEqual(
      unknown.map(
        word =>
          `'kinds': "${word}" is not one of dockerfile, compose, kubernetes, github-actions, gitlab-ci.`
      )
    )
  })

  it('reads kinds from the config file, as the other settings', () => {
    const raw = parseConfigFile('f.yml', 'kinds: [compose, gitlab-ci]\n', [
      'kinds'
    ])

    expect(parseConfig(raw).kinds).toEqual(['compose', 'gitlab-ci'])
  })
})

describe('parseConfig: evidence settings', () => {
  const problemsOf = (raw: Parameters<typeof parseConfig>[0]): string[] => {
    try {
      parseConfig(raw)
    } catch (e) {
      if (e instanceof ConfigError) return [...e.problems]
      throw e
    }
    return []
  }

  it('reads platforms, osv and osv-url', () => {
    const config = parseConfig({
      platforms: 'linux/amd64, linux/arm64/v8\nlinux/arm/v7',
      osv: 'False',
      'osv-url': 'http://osv.mirror.local:8080/api/'
    })

    expect(config.platforms).toEqual([
      'linux/amd64',
      'linux/arm64/v8',
      'linux/arm/v7'
    ])
    expect(config.osv).toBe(false)
    expect(config.osvUrl).toBe('http://osv.mirror.local:8080/api')
  })

  it('takes platforms as a YAML list too', () => {
    expect(parseConfig({ platforms: ['linux/amd64'] }).platforms).toEqual([
      'linux/amd64'
    ])
  })

  it.each([
    'linux',
    'amd64/',
    'linux/amd64/v8/x',
    '$BUILDPLATFORM',
    'linux/$ARCH'
  ])('names the platforms setting for "%s"', platform => {
    expect(problemsOf({ platforms: platform })).toEqual([
      `'platforms': "${platform}" is not a platform; use os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8.`
    ])
  })

  it.each([
    'api.osv.dev',
    'ftp://api.osv.dev',
    'https://u:p@api.osv.dev',
    'https://api.osv.dev/?q=1'
  ])('names the osv-url setting for "%s"', url => {
    expect(problemsOf({ 'osv-url': url })).toEqual([
      `'osv-url': "${url}" is not an http(s) URL of an OSV API; use e.g. https://api.osv.dev (the default) or your mirror's base URL, without query or credentials.`
    ])
  })

  it('names osv when it is not a boolean', () => {
    expect(problemsOf({ osv: 'no' })).toEqual([
      `'osv' must be true or false, got "no".`
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
