import {
  chmod,
  mkdir,
  mkdtemp,
  readFile,
  rm,
  writeFile
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import {
  configKeyHost,
  credentialFromEntry,
  decodeAuth,
  dockerConfigCredentials,
  findConfigKey,
  helperFor,
  parseAuthConfigEnv,
  parseDockerConfig,
  parseHelperOutput
} from '../../src/registry/credentials.js'
import type {
  Credential,
  DockerAuthEntry,
  DockerConfig,
  DockerConfigOptions
} from '../../src/registry/credentials.js'

const HUB_KEY = 'https://index.docker.io/v1/'

function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64')
}

describe('decodeAuth', () => {
  it.each<[string, string, { username: string; password: string } | undefined]>(
    [
      [
        'user:password',
        b64('user:pass'),
        { username: 'user', password: 'pass' }
      ],
      [
        'split at the first colon',
        b64('user:pa:ss'),
        { username: 'user', password: 'pa:ss' }
      ],
      [
        'trailing NULs trimmed',
        b64('user:pass\0\0'),
        { username: 'user', password: 'pass' }
      ],
      ['empty password', b64('AWS:'), { username: 'AWS', password: '' }],
      ['no colon', b64('userpass'), undefined],
      ['empty username', b64(':pass'), undefined],
      ['not base64', 'not base64!', undefined],
      ['missing padding', b64('user:pw').replace(/=+$/, ''), undefined]
    ]
  )('%s', (_label, auth, expected) => {
    expect(decodeAuth(auth)).toEqual(expected)
  })
})

describe('configKeyHost strips scheme and path (ConvertToHostname)', () => {
  it.each<[string, string]>([
    ['ghcr.io', 'ghcr.io'],
    ['https://ghcr.io', 'ghcr.io'],
    ['http://localhost:5000/v2/', 'localhost:5000'],
    [HUB_KEY, 'index.docker.io'],
    ['HTTPS://Registry.Example.com:8443/v1/', 'registry.example.com:8443']
  ])('%s → %s', (key, host) => {
    expect(configKeyHost(key)).toBe(host)
  })
})

describe('findConfigKey', () => {
  it.each<[string, string[], string, string | undefined]>([
    ['Hub uses the index URL key', [HUB_KEY], 'docker.io', HUB_KEY],
    [
      'Hub accepts index.docker.io',
      ['index.docker.io'],
      'docker.io',
      'index.docker.io'
    ],
    ['Hub accepts docker.io', ['docker.io'], 'docker.io', 'docker.io'],
    [
      'Hub accepts registry-1.docker.io',
      ['https://registry-1.docker.io'],
      'docker.io',
      'https://registry-1.docker.io'
    ],
    [
      'registry-1.docker.io is looked up as Hub',
      [HUB_KEY],
      'registry-1.docker.io',
      HUB_KEY
    ],
    [
      'the exact key wins over a legacy one',
      ['https://ghcr.io', 'ghcr.io'],
      'ghcr.io',
      'ghcr.io'
    ],
    [
      'Hub index URL wins over an alias',
      ['docker.io', HUB_KEY],
      'docker.io',
      HUB_KEY
    ],
    ['legacy https key', ['https://ghcr.io'], 'ghcr.io', 'https://ghcr.io'],
    [
      'legacy key with port and path',
      ['https://reg.example:5000/v1/'],
      'reg.example:5000',
      'https://reg.example:5000/v1/'
    ],
    ['the port must match', ['reg.example:5000'], 'reg.example', undefined],
    ['another registry does not match', ['ghcr.io'], 'quay.io', undefined],
    ['Hub keys do not match other registries', [HUB_KEY], 'ghcr.io', undefined]
  ])('%s', (_label, keys, registry, expected) => {
    expect(findConfigKey(keys, registry)).toBe(expected)
  })
})

describe('credentialFromEntry', () => {
  it.each<[string, DockerAuthEntry, Credential | undefined]>([
    ['auth', { auth: b64('u:p') }, { username: 'u', password: 'p' }],
    [
      'auth wins over username/password',
      { auth: b64('u:p'), username: 'x', password: 'y' },
      { username: 'u', password: 'p' }
    ],
    [
      'username and password',
      { username: 'u', password: 'p' },
      { username: 'u', password: 'p' }
    ],
    [
      'identity token',
      { username: 'u', identitytoken: 'idt' },
      { username: 'u', identityToken: 'idt' }
    ],
    ['registry token', { registrytoken: 'rt' }, { registryToken: 'rt' }],
    ['empty entry', {}, undefined],
    ['username only', { username: 'u' }, undefined],
    ['empty strings', { auth: '', password: '' }, undefined]
  ])('%s', (_label, entry, expected) => {
    expect(credentialFromEntry(entry)).toEqual(expected)
  })
})

describe('parseHelperOutput', () => {
  it.each<[string, string, Credential | undefined]>([
    [
      'username and secret',
      '{"ServerURL":"ghcr.io","Username":"u","Secret":"s"}',
      { username: 'u', password: 's' }
    ],
    [
      '<token> means identity token',
      '{"ServerURL":"x","Username":"<token>","Secret":"refresh"}',
      { identityToken: 'refresh' }
    ],
    ['empty secret', '{"ServerURL":"x","Username":"","Secret":""}', undefined],
    [
      'trailing newline',
      '{"Username":"u","Secret":"s"}\n',
      { username: 'u', password: 's' }
    ]
  ])('%s', (_label, stdout, expected) => {
    expect(parseHelperOutput(stdout)).toEqual(expected)
  })
})

describe('parseDockerConfig', () => {
  it('reads auths, credHelpers and credsStore', () => {
    const text = JSON.stringify({
      auths: { 'ghcr.io': { auth: b64('u:p'), email: 'x@example.com' } },
      credHelpers: { 'gcr.io': 'gcloud' },
      credsStore: 'desktop',
      experimental: 'enabled'
    })

    const config = parseDockerConfig(text, '/cfg/config.json')

    expect(config).toEqual({
      auths: { 'ghcr.io': { auth: b64('u:p') } },
      credHelpers: { 'gcr.io': 'gcloud' },
      credsStore: 'desktop'
    })
  })

  it('treats an empty file as no configuration', () => {
    expect(parseDockerConfig(' \n', '/cfg/config.json')).toEqual({
      auths: {},
      credHelpers: {}
    })
  })

  it.each<[string, string, string]>([
    [
      'invalid JSON, with the place',
      '{\n  "auths": {\n    "ghcr.io": {"auth": "c2VjcmV0OnB3ZA=="},\n  }\n}',
      'The Docker config /cfg/config.json is not valid JSON (line 4, column 3). Fix the file, or remove it and run docker login again.'
    ],
    [
      'not an object',
      '["secret"]',
      'The Docker config /cfg/config.json is not a JSON object. Fix the file, or remove it and run docker login again.'
    ],
    [
      'auths not an object',
      '{"auths": "secret"}',
      'The Docker config /cfg/config.json is invalid: "auths" must be an object. Fix the file, or remove it and run docker login again.'
    ],
    [
      'a field that is not a string',
      '{"auths": {"ghcr.io": {"password": 42}}}',
      'The Docker config /cfg/config.json is invalid: "password" of "auths" entry "ghcr.io" must be a string. Fix the file, or remove it and run docker login again.'
    ],
    [
      'auth that does not decode',
      `{"auths": {"ghcr.io": {"auth": "${b64('secretnocolon')}"}}}`,
      'The Docker config /cfg/config.json is invalid: "auth" of "auths" entry "ghcr.io" is not base64 of "username:password". Fix the file, or remove it and run docker login again.'
    ],
    [
      'credHelpers with a non-string',
      '{"credHelpers": {"gcr.io": true}}',
      'The Docker config /cfg/config.json is invalid: "credHelpers" must map registries to helper names. Fix the file, or remove it and run docker login again.'
    ]
  ])('rejects %s, naming the file', (_label, text, message) => {
    expect(() => parseDockerConfig(text, '/cfg/config.json')).toThrow(
      new Error(message)
    )
  })
})

describe('parseAuthConfigEnv (DOCKER_AUTH_CONFIG)', () => {
  it('reads auths with auth only', () => {
    const text = JSON.stringify({ auths: { 'ghcr.io': { auth: b64('u:p') } } })

    expect(parseAuthConfigEnv(text)).toEqual({
      auths: { 'ghcr.io': { auth: b64('u:p') } },
      credHelpers: {}
    })
  })

  it.each<[string, string, string]>([
    [
      'not JSON',
      'u:p',
      'DOCKER_AUTH_CONFIG is not valid JSON. Fix the variable, or unset it.'
    ],
    [
      'an unknown top-level field',
      '{"auths":{},"credsStore":"x"}',
      'DOCKER_AUTH_CONFIG is invalid: unknown field "credsStore". It must look like {"auths":{"<registry>":{"auth":"<base64 user:password>"}}}.'
    ],
    [
      'an entry with other fields',
      '{"auths":{"ghcr.io":{"username":"u","password":"p"}}}',
      'DOCKER_AUTH_CONFIG is invalid: the entry for "ghcr.io" must have one field, "auth". It must look like {"auths":{"<registry>":{"auth":"<base64 user:password>"}}}.'
    ]
  ])('rejects %s', (_label, text, message) => {
    expect(() => parseAuthConfigEnv(text)).toThrow(new Error(message))
  })
})

describe('helperFor', () => {
  const config: DockerConfig = {
    auths: {},
    credHelpers: { 'gcr.io': 'gcloud', [HUB_KEY]: 'hub' },
    credsStore: 'desktop'
  }

  it.each<[string, string | undefined]>([
    ['gcr.io', 'gcloud'],
    ['docker.io', 'hub'],
    ['ghcr.io', 'desktop']
  ])('%s → %s', (registry, helper) => {
    expect(helperFor(config, registry)).toBe(helper)
  })
})

describe('dockerConfigCredentials', () => {
  let dir: string
  let binDir: string
  let home: string

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'freshbase-credentials-'))
    binDir = join(dir, 'bin')
    home = join(dir, 'home')
    await mkdir(binDir)
    await mkdir(join(home, '.docker'), { recursive: true })
  })

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  /** The helper's PATH comes from options.env only: binDir is not on ours. */
  function options(
    extra: Partial<DockerConfigOptions> = {}
  ): DockerConfigOptions {
    return {
      env: {
        PATH: `${binDir}:/usr/bin:/bin`,
        FBTEST_LOG: join(dir, 'stdin.log')
      },
      homeDir: home,
      ...extra
    }
  }

  async function writeConfig(
    config: unknown,
    path = join(home, '.docker', 'config.json')
  ): Promise<string> {
    await writeFile(path, JSON.stringify(config))
    return path
  }

  /** A real docker-credential-<name> that logs each stdin, then runs `body`. */
  async function writeHelper(name: string, body: string): Promise<void> {
    const path = join(binDir, `docker-credential-${name}`)
    const script = [
      '#!/bin/sh',
      '[ "$1" = get ] || exit 9',
      '{ cat; echo; } >> "$FBTEST_LOG"',
      body,
      ''
    ].join('\n')
    await writeFile(path, script)
    await chmod(path, 0o755)
  }

  async function helperStdin(): Promise<string[]> {
    const log = await readFile(join(dir, 'stdin.log'), 'utf8').catch(() => '')
    return log.split('\n').filter(line => line !== '')
  }

  it('reads auths from ~/.docker/config.json: auth, username/password, tokens', async () => {
    await writeConfig({
      auths: {
        'ghcr.io': { auth: b64('octocat:ghp_secret') },
        'quay.io': { username: 'org+robot', password: 'robot-secret' },
        'reg.example': { username: 'u', identitytoken: 'refresh-token' },
        'localhost:5000': { registrytoken: 'bearer-token' }
      }
    })
    const source = await dockerConfigCredentials(options())

    const found = await Promise.all(
      ['ghcr.io', 'quay.io', 'reg.example', 'localhost:5000', 'gcr.io'].map(
        async r => source.get(r)
      )
    )

    expect(found).toEqual([
      { username: 'octocat', password: 'ghp_secret' },
      { username: 'org+robot', password: 'robot-secret' },
      { username: 'u', identityToken: 'refresh-token' },
      { registryToken: 'bearer-token' },
      undefined
    ])
  })

  it('maps Docker Hub to https://index.docker.io/v1/ and reads legacy keys', async () => {
    await writeConfig({
      auths: {
        [HUB_KEY]: { auth: b64('hubuser:hubpass') },
        'https://ghcr.io': { auth: b64('gh:ghpass') },
        'https://reg.example:5000/v1/': { auth: b64('r:rpass') }
      }
    })
    const source = await dockerConfigCredentials(options())

    const found = await Promise.all(
      ['docker.io', 'registry-1.docker.io', 'ghcr.io', 'reg.example:5000'].map(
        async r => source.get(r)
      )
    )

    expect(found).toEqual([
      { username: 'hubuser', password: 'hubpass' },
      { username: 'hubuser', password: 'hubpass' },
      { username: 'gh', password: 'ghpass' },
      { username: 'r', password: 'rpass' }
    ])
  })

  it('prefers an explicit path, then $DOCKER_CONFIG, then the home directory', async () => {
    await writeConfig({ auths: { 'ghcr.io': { auth: b64('home:1') } } })
    const configDir = join(dir, 'docker-config')
    await mkdir(configDir)
    await writeConfig(
      { auths: { 'ghcr.io': { auth: b64('env:2') } } },
      join(configDir, 'config.json')
    )
    const explicit = await writeConfig(
      { auths: { 'ghcr.io': { auth: b64('explicit:3') } } },
      join(dir, 'explicit.json')
    )
    const withEnv = { ...options().env, DOCKER_CONFIG: configDir }

    const sources = await Promise.all([
      dockerConfigCredentials(options()),
      dockerConfigCredentials(options({ env: withEnv })),
      dockerConfigCredentials(options({ env: withEnv, path: explicit }))
    ])
    const found = await Promise.all(sources.map(async s => s.get('ghcr.io')))

    expect(found).toEqual([
      { username: 'home', password: '1' },
      { username: 'env', password: '2' },
      { username: 'explicit', password: '3' }
    ])
  })

  it('treats a missing config file as no credentials', async () => {
    const source = await dockerConfigCredentials(
      options({ path: join(dir, 'nope.json') })
    )

    expect(await source.get('docker.io')).toBeUndefined()
  })

  it('rejects invalid JSON with an error naming the file, without its text', async () => {
    const path = join(home, '.docker', 'config.json')
    await writeFile(path, '{"auths": {"ghcr.io": {"auth": "c2VjcmV0OnB3ZA=="}}')

    const loading = dockerConfigCredentials(options())

    await expect(loading).rejects.toThrow(
      `The Docker config ${path} is not valid JSON (line 1, column 52). Fix the file, or remove it and run docker login again.`
    )
  })

  it('rejects a config path that cannot be read', async () => {
    const source = dockerConfigCredentials(options({ path: dir }))

    await expect(source).rejects.toThrow(
      `Cannot read the Docker config ${dir} (EISDIR). Make it readable, or set DOCKER_CONFIG to a directory whose config.json is.`
    )
  })

  it('runs the credsStore helper with the server URL on stdin, once per registry', async () => {
    await writeHelper(
      'fbtest',
      `printf '{"ServerURL":"x","Username":"helper-user","Secret":"helper-secret"}'`
    )
    await writeConfig({
      auths: { [HUB_KEY]: {}, 'ghcr.io': { auth: b64('ignored:pw') } },
      credsStore: 'fbtest'
    })
    const source = await dockerConfigCredentials(options())

    const hub = await source.get('docker.io')
    const ghcr = await source.get('ghcr.io')
    await source.get('docker.io')

    expect([hub, ghcr]).toEqual([
      { username: 'helper-user', password: 'helper-secret' },
      { username: 'helper-user', password: 'helper-secret' }
    ])
    expect(await helperStdin()).toEqual([HUB_KEY, 'ghcr.io'])
  })

  it('lets credHelpers override credsStore', async () => {
    await writeHelper(
      'fbtest',
      `printf '{"ServerURL":"gcr.io","Username":"<token>","Secret":"refresh"}'`
    )
    await writeHelper(
      'fbmiss',
      'echo "credentials not found in native keychain"; exit 1'
    )
    await writeConfig({
      credHelpers: { 'gcr.io': 'fbtest' },
      credsStore: 'fbmiss'
    })
    const source = await dockerConfigCredentials(options())

    const gcr = await source.get('gcr.io')
    const quay = await source.get('quay.io')

    expect(gcr).toEqual({ identityToken: 'refresh' })
    expect(quay).toBeUndefined()
    expect(await helperStdin()).toEqual(['gcr.io', 'quay.io'])
  })

  it('reports a helper that is not installed, saying what to do', async () => {
    await writeConfig({ credsStore: 'fbnope' })
    const source = await dockerConfigCredentials(options())

    const lookup = source.get('ghcr.io')

    await expect(lookup).rejects.toThrow(
      'The Docker config names the credential helper docker-credential-fbnope for ghcr.io, but it is not installed (not found on PATH). Install it, or remove it from "credsStore"/"credHelpers" in the Docker config.'
    )
  })

  it('reports a helper that fails for another reason', async () => {
    await writeHelper('fbbroken', 'echo "keychain is locked" >&2; exit 3')
    await writeConfig({ credHelpers: { 'ghcr.io': 'fbbroken' } })
    const source = await dockerConfigCredentials(options())

    const lookup = source.get('ghcr.io')

    await expect(lookup).rejects.toThrow(
      'docker-credential-fbbroken failed to get credentials for ghcr.io (exit 3: keychain is locked). Check it with "docker-credential-fbbroken get", or run docker login ghcr.io again.'
    )
  })

  it('reports helper output that is not JSON', async () => {
    await writeHelper('fbgarbage', 'echo "user=secret"')
    await writeConfig({ credsStore: 'fbgarbage' })
    const source = await dockerConfigCredentials(options())

    const lookup = source.get('ghcr.io')

    await expect(lookup).rejects.toThrow(
      'docker-credential-fbgarbage returned output that is not the JSON Docker expects for ghcr.io. Check the helper with "docker-credential-fbgarbage get".'
    )
  })

  it('lets DOCKER_AUTH_CONFIG overlay the file and the helpers', async () => {
    await writeHelper(
      'fbtest',
      `printf '{"Username":"helper-user","Secret":"helper-secret"}'`
    )
    await writeConfig({
      auths: { 'quay.io': { auth: b64('file:filepass') } },
      credHelpers: { 'gcr.io': 'fbtest' }
    })
    const overlay = JSON.stringify({
      auths: {
        [HUB_KEY]: { auth: b64('envhub:envpass') },
        'gcr.io': { auth: b64('envgcr:gcrpass') }
      }
    })
    const source = await dockerConfigCredentials(
      options({ env: { ...options().env, DOCKER_AUTH_CONFIG: overlay } })
    )

    const found = await Promise.all(
      ['docker.io', 'gcr.io', 'quay.io'].map(async r => source.get(r))
    )

    expect(found).toEqual([
      { username: 'envhub', password: 'envpass' },
      { username: 'envgcr', password: 'gcrpass' },
      { username: 'file', password: 'filepass' }
    ])
    expect(await helperStdin()).toEqual([])
  })

  it('rejects an invalid DOCKER_AUTH_CONFIG', async () => {
    const env = { ...options().env, DOCKER_AUTH_CONFIG: '{"auths":' }

    const loading = dockerConfigCredentials(options({ env }))

    await expect(loading).rejects.toThrow(
      'DOCKER_AUTH_CONFIG is not valid JSON'
    )
  })

  it('calls onSecret for every password and token found', async () => {
    await writeHelper(
      'fbtest',
      `printf '{"Username":"helper-user","Secret":"helper-secret"}'`
    )
    await writeConfig({
      auths: {
        'ghcr.io': { auth: b64('octocat:ghp_secret') },
        'quay.io': { username: 'robot', password: 'robot-secret' },
        'reg.example': {
          identitytoken: 'refresh-token',
          registrytoken: 'bearer-token'
        }
      },
      credHelpers: { 'gcr.io': 'fbtest' }
    })
    const secrets: string[] = []
    const env = {
      ...options().env,
      DOCKER_AUTH_CONFIG: JSON.stringify({
        auths: { 'x.io': { auth: b64('x:env-secret') } }
      })
    }
    const source = await dockerConfigCredentials(
      options({ env, onSecret: s => secrets.push(s) })
    )

    await source.get('gcr.io')

    expect(secrets).toEqual([
      b64('octocat:ghp_secret'),
      'ghp_secret',
      'robot-secret',
      'refresh-token',
      'bearer-token',
      b64('x:env-secret'),
      'env-secret',
      'helper-secret'
    ])
  })
})
