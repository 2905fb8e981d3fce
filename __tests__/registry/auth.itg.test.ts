/**
 * Authentication against the real Distribution registry: htpasswd (Basic)
 * with credentials from a real Docker config file, and auth.token (Bearer)
 * where the registry verifies JWTs signed by the test issuer.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  Resolution,
  Resolved,
  ResolveRequest
} from '../../src/core/resolution.js'
import { RegistryClient } from '../../src/registry/client.js'
import { dockerConfigCredentials } from '../../src/registry/credentials.js'
import type { CredentialSource } from '../../src/registry/credentials.js'
import {
  RecordingCounter,
  RecordingLogger,
  fixedCredentials,
  noSleep
} from '../support/recorders.js'
import { startRegistry } from '../support/registry.js'
import type { SeededIndex, TestRegistry } from '../support/registry.js'
import type { TokenIssuer } from '../support/token-issuer.js'

let configDir: string

beforeAll(async () => {
  configDir = await mkdtemp(join(tmpdir(), 'freshbase-docker-config-'))
})

afterAll(async () => {
  await rm(configDir, { recursive: true, force: true })
})

/** Writes a Docker config.json with `auths` and reads it back the real way. */
async function dockerConfig(
  name: string,
  auths: Record<string, { user: string; password: string }>
): Promise<CredentialSource> {
  const path = join(configDir, `${name}.json`)
  const entries = Object.fromEntries(
    Object.entries(auths).map(([host, { user, password }]) => [
      host,
      { auth: Buffer.from(`${user}:${password}`).toString('base64') }
    ])
  )
  await writeFile(path, JSON.stringify({ auths: entries }))
  return dockerConfigCredentials({ path, env: {}, homeDir: configDir })
}

interface Harness {
  readonly client: RegistryClient
  readonly counter: RecordingCounter
  readonly logger: RecordingLogger
}

function harness(credentials: CredentialSource): Harness {
  const counter = new RecordingCounter()
  const logger = new RecordingLogger()
  const client = new RegistryClient({
    credentials,
    insecureRegistries: [],
    logger,
    counter,
    concurrency: 8,
    timeoutMs: 5_000,
    retries: 1,
    sleep: noSleep
  })
  return { client, counter, logger }
}

function req(
  registry: TestRegistry,
  repository: string,
  tag: string
): ResolveRequest {
  return {
    key: `${registry.host}/${repository}:${tag}`,
    registry: registry.host,
    repository,
    tag,
    currentDigests: [],
    needsManifestBody: false
  }
}

function expectResolved(resolution: Resolution | undefined): Resolved {
  if (resolution?.kind !== 'resolved') {
    throw new Error(`expected resolved, got ${JSON.stringify(resolution)}`)
  }
  return resolution
}

function failureOf(resolution: Resolution | undefined): {
  code: string
  message: string
  hint: string
} {
  if (resolution?.kind !== 'failed') {
    throw new Error(`expected failed, got ${JSON.stringify(resolution)}`)
  }
  return resolution.failure
}

describe('htpasswd (Basic) registry', () => {
  const USER = 'alice'
  const PASSWORD = 'wonderland-7f3a'
  let registry: TestRegistry
  let app: SeededIndex
  let other: SeededIndex

  beforeAll(async () => {
    registry = await startRegistry({
      auth: { htpasswd: { user: USER, password: PASSWORD } }
    })
    app = await registry.seedImage('private/app', '1')
    other = await registry.seedImage('private/other', '2')
  })

  afterAll(async () => {
    await registry?.stop()
  })

  it('resolves with credentials from a Docker config file, one 401 (the ping) per registry', async () => {
    const credentials = await dockerConfig('basic-ok', {
      [registry.host]: { user: USER, password: PASSWORD }
    })
    const { client, counter, logger } = harness(credentials)

    const [first, second] = await client.resolveAll([
      req(registry, 'private/app', '1'),
      req(registry, 'private/other', '2')
    ])

    expect(expectResolved(first).digest).toBe(app.indexDigest)
    expect(expectResolved(second).digest).toBe(other.indexDigest)
    // the ping learns "Basic" from its 401; both manifest requests go straight with it
    // (ping also counts the one failed HTTPS attempt to this loopback registry)
    expect(counter.of('ping')).toBe(2)
    expect(counter.of('manifest-head')).toBe(2)
    expect(counter.of('token')).toBe(0)
    expect(logger.secrets).toContain(PASSWORD)
    expect(logger.text()).not.toContain(PASSWORD)
  })

  it('reports a wrong password as UNAUTHORIZED naming the image, with a hint', async () => {
    const credentials = await dockerConfig('basic-wrong', {
      [registry.host]: { user: USER, password: 'not-it' }
    })
    const { client } = harness(credentials)

    const [resolution] = await client.resolveAll([
      req(registry, 'private/app', '1')
    ])

    const failure = failureOf(resolution)
    expect(failure.code).toBe('UNAUTHORIZED')
    expect(failure.message).toContain(`${registry.host}/private/app:1`)
    expect(failure.hint).toContain(`docker login ${registry.host}`)
    expect(failure.hint).toMatch(/public/)
  })

  it('reports missing credentials as UNAUTHORIZED', async () => {
    const { client } = harness(fixedCredentials(undefined))

    const [resolution] = await client.resolveAll([
      req(registry, 'private/app', '1')
    ])

    const failure = failureOf(resolution)
    expect(failure.code).toBe('UNAUTHORIZED')
    expect(failure.message).toContain(`${registry.host}/private/app:1`)
    expect(failure.message).toContain('requires a login')
  })
})

describe('token (Bearer) registry', () => {
  const USER = 'bob'
  const PASSWORD = 'builder-91c2'
  const IDENTITY_TOKEN = 'refresh-5d0e'
  let registry: TestRegistry
  let issuer: TokenIssuer
  let seeded: Record<string, SeededIndex>

  beforeAll(async () => {
    registry = await startRegistry({
      auth: {
        token: {
          users: { [USER]: PASSWORD },
          identityTokens: { [IDENTITY_TOKEN]: USER },
          privateRepositories: { 'secret/app': [USER] }
        }
      }
    })
    if (registry.tokenIssuer === undefined) throw new Error('no token issuer')
    issuer = registry.tokenIssuer
    seeded = {}
    for (const [repository, tag] of [
      ['pub/a', '1'],
      ['pub/a', '2'],
      ['pub/a', '3'],
      ['pub/b', '1'],
      ['pub/b', '2'],
      ['secret/app', '1']
    ] as const) {
      seeded[`${repository}:${tag}`] = await registry.seedImage(repository, tag)
    }
  })

  afterAll(async () => {
    await registry?.stop()
  })

  function digestOf(key: string): string | undefined {
    return seeded[key]?.indexDigest
  }

  it('gets one anonymous token per repository, shared by concurrent requests and cached', async () => {
    const { client, counter, logger } = harness(fixedCredentials(undefined))
    const before = issuer.requests
    const keys = ['pub/a:1', 'pub/a:2', 'pub/a:3', 'pub/b:1', 'pub/b:2']
    const requests = keys.map(key => {
      const [repository = '', tag = ''] = key.split(':')
      return req(registry, repository, tag)
    })

    const resolutions = await client.resolveAll(requests)
    const again = await client.resolveAll(requests)

    expect(resolutions.map(r => expectResolved(r).digest)).toEqual(
      keys.map(digestOf)
    )
    expect(again.map(r => expectResolved(r).digest)).toEqual(keys.map(digestOf))
    const log = issuer.log.slice(before)
    expect(
      log.map(entry => entry.scope ?? '').sort((a, b) => a.localeCompare(b))
    ).toEqual(['repository:pub/a:pull', 'repository:pub/b:pull'])
    expect(
      log.every(
        entry => entry.user === undefined && entry.service === issuer.service
      )
    ).toBe(true)
    expect(counter.of('token')).toBe(2)
    // the ping's 401 names the realm; then every manifest request carries a
    // token: exactly one per key per run (two runs). ping = the failed HTTPS
    // attempt to this loopback registry and the GET /v2/.
    expect(counter.of('ping')).toBe(2)
    expect(counter.of('manifest-head')).toBe(2 * keys.length)
    expect(logger.secrets.size).toBeGreaterThanOrEqual(2)
    for (const secret of logger.secrets)
      expect(logger.text()).not.toContain(secret)
  })

  it('sends Basic credentials from the Docker config to the token endpoint', async () => {
    const credentials = await dockerConfig('bearer-ok', {
      [registry.host]: { user: USER, password: PASSWORD }
    })
    const { client, counter } = harness(credentials)
    const before = issuer.requests

    const [resolution] = await client.resolveAll([
      req(registry, 'secret/app', '1')
    ])

    expect(expectResolved(resolution).digest).toBe(digestOf('secret/app:1'))
    expect(issuer.log.slice(before)).toEqual([
      {
        method: 'GET',
        user: USER,
        scope: 'repository:secret/app:pull',
        service: issuer.service
      }
    ])
    expect(counter.of('token')).toBe(1)
  })

  it('reports a private repository without credentials as UNAUTHORIZED, with one token request', async () => {
    const { client, counter } = harness(fixedCredentials(undefined))

    const [resolution] = await client.resolveAll([
      req(registry, 'secret/app', '1')
    ])
    const [again] = await client.resolveAll([req(registry, 'secret/app', '1')])

    const failure = failureOf(resolution)
    expect(failure.code).toBe('UNAUTHORIZED')
    expect(failure.message).toContain(`${registry.host}/secret/app:1`)
    expect(failureOf(again).code).toBe('UNAUTHORIZED')
    // the cached token is refused with insufficient_scope: no new token helps
    expect(counter.of('token')).toBe(1)
  })

  it('renews a token the registry calls invalid_token, once', async () => {
    const { client, counter } = harness(fixedCredentials(undefined))
    await client.resolveAll([req(registry, 'pub/b', '1')])
    issuer.corruptNextTokens(1)

    const [resolution] = await client.resolveAll([req(registry, 'pub/a', '1')])

    expect(expectResolved(resolution).digest).toBe(digestOf('pub/a:1'))
    expect(counter.of('token')).toBe(3)
  })

  it('reports credentials refused by the token endpoint, naming the image and the endpoint', async () => {
    const credentials = await dockerConfig('bearer-wrong', {
      [registry.host]: { user: USER, password: 'wrong' }
    })
    const { client } = harness(credentials)

    const [resolution] = await client.resolveAll([req(registry, 'pub/a', '1')])

    const failure = failureOf(resolution)
    const issuerHost = new URL(issuer.url).host
    expect(failure.code).toBe('UNAUTHORIZED')
    expect(failure.message).toContain(`${registry.host}/pub/a:1`)
    expect(failure.message).toContain(issuerHost)
    expect(failure.hint).toContain(`docker login ${registry.host}`)
  })

  it('reports garbage from the token endpoint as INVALID_RESPONSE naming the endpoint', async () => {
    issuer.setOptions({ users: { [USER]: PASSWORD }, misbehave: 'garbage' })
    try {
      const { client } = harness(fixedCredentials(undefined))

      const [resolution] = await client.resolveAll([
        req(registry, 'pub/b', '1')
      ])

      const failure = failureOf(resolution)
      expect(failure.code).toBe('INVALID_RESPONSE')
      expect(failure.message).toContain(`${registry.host}/pub/b:1`)
      expect(failure.message).toContain(new URL(issuer.url).host)
      expect(failure.message).toContain('invalid JSON')
    } finally {
      issuer.setOptions({
        users: { [USER]: PASSWORD },
        identityTokens: { [IDENTITY_TOKEN]: USER },
        privateRepositories: { 'secret/app': [USER] }
      })
    }
  })

  it('exchanges an identity token with the OAuth2 POST grant', async () => {
    const { client } = harness(
      fixedCredentials({ identityToken: IDENTITY_TOKEN })
    )
    const before = issuer.requests

    const [resolution] = await client.resolveAll([
      req(registry, 'secret/app', '1')
    ])

    expect(expectResolved(resolution).digest).toBe(digestOf('secret/app:1'))
    expect(issuer.log.slice(before)).toMatchObject([
      { method: 'POST', user: USER, scope: 'repository:secret/app:pull' }
    ])
  })

  it('sends a registry token as is, without a token request', async () => {
    const registryToken = issuer.mint('pub/a', ['pull'])
    const { client, counter, logger } = harness(
      fixedCredentials({ registryToken })
    )
    const before = issuer.requests

    const [resolution] = await client.resolveAll([req(registry, 'pub/a', '2')])

    expect(expectResolved(resolution).digest).toBe(digestOf('pub/a:2'))
    expect(issuer.requests).toBe(before)
    expect(counter.byKind()).toEqual({ ping: 1, 'manifest-head': 1 })
    expect(logger.secrets).toContain(registryToken)
  })

  it('fetches a new token after expires_in (minus the margin) has passed', async () => {
    issuer.setOptions({ expiresIn: 1 })
    try {
      const { client, counter } = harness(fixedCredentials(undefined))

      await client.resolveAll([req(registry, 'pub/a', '1')])
      await client.resolveAll([req(registry, 'pub/a', '2')])
      await new Promise(resolve => setTimeout(resolve, 600))
      const [late] = await client.resolveAll([req(registry, 'pub/a', '3')])

      expect(expectResolved(late).digest).toBe(digestOf('pub/a:3'))
      expect(counter.of('token')).toBe(2)
    } finally {
      issuer.setOptions({
        users: { [USER]: PASSWORD },
        identityTokens: { [IDENTITY_TOKEN]: USER },
        privateRepositories: { 'secret/app': [USER] }
      })
    }
  })
})
