/**
 * Registry faults around credentials, end to end (issue "Prove it holds"):
 * the real CLI with a real password in a Docker config file, the real
 * Distribution registry with token auth (and htpasswd for the redirect),
 * a fault proxy in front of the registry and one in front of the token
 * issuer. Besides the faults.itg.test.ts checks, no password, Basic payload
 * or token ever appears in the output, and none reaches another host.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { faults, manifestPath, tokenPath } from '../support/fault-proxy.js'
import type {
  FaultProxy,
  FaultRule,
  ResponseHeaders
} from '../support/fault-proxy.js'
import {
  FAULTY,
  FAULTY_TAG,
  ScenarioSet,
  credentialsSeen,
  expectNoSecrets,
  seedScenario
} from '../support/fault-scenario.js'
import type { Scenario, SeededScenario } from '../support/fault-scenario.js'
import { recordFault } from '../support/reliability.js'
import { startRegistry } from '../support/registry.js'
import type { TestRegistry } from '../support/registry.js'

const TAG = manifestPath(FAULTY, FAULTY_TAG)
const FAULTY_TOKEN = tokenPath(FAULTY)
const USER = 'ci-bot'
const PASSWORD = `pw-${Math.random().toString(36).slice(2)}-secret`

let bearer: TestRegistry
let bearerSeeded: SeededScenario
let basic: TestRegistry
let basicSeeded: SeededScenario
const bearerSet = new ScenarioSet(
  () => bearer,
  () => bearerSeeded
)
const basicSet = new ScenarioSet(
  () => basic,
  () => basicSeeded
)

beforeAll(async () => {
  ;[bearer, basic] = await Promise.all([
    startRegistry({ auth: { token: { users: { [USER]: PASSWORD } } } }),
    startRegistry({ auth: { htpasswd: { user: USER, password: PASSWORD } } })
  ])
  ;[bearerSeeded, basicSeeded] = await Promise.all([
    seedScenario(bearer),
    seedScenario(basic)
  ])
  await Promise.all([bearerSet.start(), basicSet.start()])
})

afterAll(async () => {
  await Promise.all([bearerSet.stop(), basicSet.stop()])
  await Promise.all([bearer?.stop(), basic?.stop()])
})

interface TokenScenario {
  readonly s: Scenario
  readonly issuer: FaultProxy
  /** Every proxy whose Authorization headers count as secrets. */
  readonly proxies: FaultProxy[]
  readonly apply: () => ReturnType<Scenario['apply']>
}

/**
 * The token registry behind a fault proxy whose challenges name a second
 * fault proxy in front of the token issuer; credentials in a config file.
 */
async function tokenScenario(
  rules: readonly FaultRule[],
  issuerRules: readonly FaultRule[] = []
): Promise<TokenScenario> {
  const issuerUrl = new URL(bearer.tokenIssuer?.url ?? '')
  const issuer = await bearerSet.extraProxy({
    target: issuerUrl.host,
    rules: issuerRules
  })
  const s = await bearerSet.scenario({
    rules,
    rewrite: headers => {
      pointRealm(headers, issuerUrl.origin, issuer.url)
    }
  })
  const config = await s.dockerConfig(USER, PASSWORD)
  return {
    s,
    issuer,
    proxies: [s.proxy, issuer],
    apply: async () => s.apply(['--docker-config', config])
  }
}

function pointRealm(headers: ResponseHeaders, from: string, to: string): void {
  const challenge = headers['www-authenticate']
  if (typeof challenge === 'string')
    headers['www-authenticate'] = challenge.replace(from, to)
}

function bearerChallenge(realm: string, error: string): string {
  return `Bearer realm="${realm}/token",service="freshbase-test-registry",scope="repository:${FAULTY}:pull",error="${error}"`
}

function secrets(proxies: readonly FaultProxy[]): string[] {
  const seen = credentialsSeen(proxies)
  expect(seen.length).toBeGreaterThan(0)
  return [PASSWORD, ...seen]
}

const CHECK_CREDENTIALS = 'Check the credentials for'

/**
 * What every token-auth fault ends on: the other images written, no temp
 * file, the faulty image's manifest and token requests counted (bounded),
 * and no credential in the output.
 */
async function expectContained(
  t: TokenScenario,
  result: Awaited<ReturnType<TokenScenario['apply']>>,
  requests: { readonly manifest: number; readonly token: number }
): Promise<void> {
  await t.s.expectFiles()
  await t.s.expectNoTempFiles()
  expect(t.s.proxy.count(undefined, TAG)).toBe(requests.manifest)
  expect(t.issuer.count('GET', FAULTY_TOKEN)).toBe(requests.token)
  expectNoSecrets(result, secrets(t.proxies))
}

describe.concurrent('registry faults with credentials (token auth)', () => {
  it('401 without a challenge on the manifest request', async () => {
    const t = await tokenScenario([
      { path: TAG, action: faults.unauthorized() }
    ])

    const result = await t.apply()

    t.s.expectFailed(
      result,
      /refused access \(401( UNAUTHORIZED)?\); the repository may be private or may not exist/,
      CHECK_CREDENTIALS
    )
    await expectContained(t, result, { manifest: 1, token: 1 })
    recordFault({
      suite: 'registry',
      fault: '401 without WWW-Authenticate, with credentials (token auth)',
      userSees: 'refused access (401); check credentials; exit 1',
      verified: [
        'other images written',
        'no partial file',
        '1 manifest + 1 token request',
        'no secret in output'
      ]
    })
  })

  it('401 with a challenge (insufficient_scope) for a token that was sent', async () => {
    const t = await tokenScenario([])
    t.s.proxy.setRules([
      {
        path: TAG,
        action: faults.unauthorized(
          bearerChallenge(t.issuer.url, 'insufficient_scope')
        )
      }
    ])

    const result = await t.apply()

    t.s.expectFailed(
      result,
      /refused access \(401( UNAUTHORIZED)?\); the repository may be private or may not exist/,
      CHECK_CREDENTIALS
    )
    await expectContained(t, result, { manifest: 1, token: 1 })
    recordFault({
      suite: 'registry',
      fault: '401 with a Bearer challenge (insufficient_scope) after a token',
      userSees: 'refused access (401); check credentials; exit 1',
      verified: [
        'other images written',
        'no partial file',
        '1 manifest + 1 token request (no renewal)',
        'no secret in output'
      ]
    })
  })

  it('401 with a challenge (invalid_token) every time: the token is renewed once', async () => {
    const t = await tokenScenario([])
    t.s.proxy.setRules([
      {
        path: TAG,
        action: faults.unauthorized(
          bearerChallenge(t.issuer.url, 'invalid_token')
        )
      }
    ])

    const result = await t.apply()

    t.s.expectFailed(
      result,
      /refused access \(401( UNAUTHORIZED)?\); the repository may be private or may not exist/,
      CHECK_CREDENTIALS
    )
    await expectContained(t, result, { manifest: 2, token: 2 })
    recordFault({
      suite: 'registry',
      fault: '401 with a Bearer challenge (invalid_token) on every request',
      userSees: 'refused access (401); check credentials; exit 1',
      verified: [
        'other images written',
        'no partial file',
        '2 manifest + 2 token requests (one renewal)',
        'no secret in output'
      ]
    })
  })

  it('403 DENIED without WWW-Authenticate (as GHCR answers)', async () => {
    const t = await tokenScenario([{ path: TAG, action: faults.denied() }])

    const result = await t.apply()

    t.s.expectFailed(
      result,
      /refused access \(403 DENIED\); the repository may be private or may not exist/,
      CHECK_CREDENTIALS
    )
    await expectContained(t, result, { manifest: 1, token: 1 })
    recordFault({
      suite: 'registry',
      fault: '403 DENIED without WWW-Authenticate (GHCR style)',
      userSees: 'refused access (403); check credentials; exit 1',
      verified: [
        'other images written',
        'no partial file',
        '1 request (not retried)',
        'no secret in output'
      ]
    })
  })

  it('a redirect to another host that challenges: no credential reaches it', async () => {
    const other = await otherHost()
    const t = await tokenScenario([
      {
        path: TAG,
        action: faults.redirect(path => `${other.url}${path}`)
      }
    ])

    const result = await t.apply()

    expectRedirectRefused(t.s, result, other)
    await t.s.expectFiles()
    await t.s.expectNoTempFiles()
    expect(t.s.proxy.count(undefined, TAG)).toBe(1)
    expect(other.count(undefined, /^\/v2\//)).toBe(1)
    expect(other.authorizations()).toEqual([])
    expect(other.count(undefined, /^\/token/)).toBe(0)
    expectNoSecrets(result, secrets(t.proxies))
    recordFault({
      suite: 'registry',
      fault:
        'redirect of the manifest request to another host that sends its own challenge (token auth)',
      userSees:
        'redirected to <host>, which refused access; credentials never sent there; exit 1',
      verified: [
        'no Authorization at the other host',
        'no token request to its realm',
        'other images written',
        'no secret in output'
      ]
    })
  })

  it('the token endpoint answers 500 for one repository', async () => {
    const t = await tokenScenario(
      [],
      [{ method: 'GET', path: FAULTY_TOKEN, action: faults.status(500) }]
    )

    const result = await t.apply()

    t.s.expectFailed(
      result,
      /cannot get a pull token from 127\.0\.0\.1:\d+ \(repository:team\/faulty:pull\): the token endpoint answered 500/,
      'The token endpoint is failing or rate limiting; retry later.'
    )
    await expectContained(t, result, { manifest: 0, token: 4 })
    recordFault({
      suite: 'registry',
      fault: 'token endpoint answers 500',
      userSees:
        'cannot get a pull token from <realm>: answered 500; retry later; exit 1',
      verified: [
        'other images written',
        'no partial file',
        '4 token requests (1 + 3 retries), no manifest request',
        'no secret in output'
      ]
    })
  })

  it('the token endpoint answers 200 with garbage', async () => {
    const t = await tokenScenario(
      [],
      [
        {
          method: 'GET',
          path: FAULTY_TOKEN,
          action: {
            kind: 'answer',
            status: 200,
            headers: { 'Content-Type': 'application/json' },
            body: '<html>oops</html>'
          }
        }
      ]
    )

    const result = await t.apply()

    t.s.expectFailed(
      result,
      /cannot get a pull token from 127\.0\.0\.1:\d+ \(repository:team\/faulty:pull\): the token endpoint answered with invalid JSON/,
      'The token endpoint answered something unusable'
    )
    await expectContained(t, result, { manifest: 0, token: 1 })
    recordFault({
      suite: 'registry',
      fault: 'token endpoint answers 200 with a non-JSON body',
      userSees: 'token endpoint answered with invalid JSON; exit 1',
      verified: [
        'other images written',
        'no partial file',
        '1 token request (not retried)',
        'no secret in output'
      ]
    })
  })
})

describe('registry faults with credentials (Basic auth)', () => {
  it('a redirect to another host that challenges: the password never reaches it', async () => {
    const other = await otherHost()
    const s = await basicSet.scenario({
      rules: [
        {
          path: TAG,
          action: faults.redirect(path => `${other.url}${path}`)
        }
      ]
    })
    const config = await s.dockerConfig(USER, PASSWORD)

    const result = await s.apply(['--docker-config', config])

    expectRedirectRefused(s, result, other)
    await s.expectFiles()
    await s.expectNoTempFiles()
    expect(s.proxy.count(undefined, TAG)).toBe(1)
    expect(other.count(undefined, /^\/v2\//)).toBe(1)
    expect(other.authorizations()).toEqual([])
    expect(other.count(undefined, /^\/token/)).toBe(0)
    expectNoSecrets(result, secrets([s.proxy]))
    recordFault({
      suite: 'registry',
      fault:
        'redirect of the manifest request to another host that sends its own challenge (Basic auth)',
      userSees:
        'redirected to <host>, which refused access; credentials never sent there; exit 1',
      verified: [
        'no Authorization at the other host',
        'no token request to its realm',
        'other images written',
        'no secret in output'
      ]
    })
  })
})

/**
 * A second loopback listener under another host name (localhost, not
 * 127.0.0.1) that answers everything with a challenge naming its own realm,
 * renewal requested: the bait for forwarding credentials.
 */
async function otherHost(): Promise<FaultProxy> {
  const other = await bearerSet.extraProxy({
    target: '127.0.0.1:9', // never forwarded to: every request matches a rule
    hostName: 'localhost'
  })
  other.setRules([
    {
      path: /^\/token/,
      action: {
        kind: 'answer',
        status: 200,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: 'stolen', expires_in: 300 })
      }
    },
    {
      path: /.*/,
      action: faults.unauthorized(
        `Bearer realm="${other.url}/token",service="elsewhere",error="invalid_token"`
      )
    }
  ])
  return other
}

function expectRedirectRefused(
  s: Scenario,
  result: Awaited<ReturnType<Scenario['apply']>>,
  other: FaultProxy
): void {
  s.expectFailed(
    result,
    new RegExp(
      `${escape(s.host)} redirected to ${escape(other.host)}, which refused access \\(401\\); credentials are never sent to another host`
    ),
    'Ask the operator of'
  )
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
