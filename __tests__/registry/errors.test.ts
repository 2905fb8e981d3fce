import { describe, expect, it } from 'vitest'
import {
  RegistryError,
  errorFromResponse,
  parseOciErrors
} from '../../src/registry/errors.js'
import { toRegistryFailure } from '../../src/registry/failures.js'

const IMAGE = { registry: 'ghcr.io', repository: 'acme/app', tag: '1.2' }
const HUB = { registry: 'docker.io', repository: 'library/node', tag: '20' }

function statusError(
  status: number,
  code?: string,
  retryAfter?: string
): RegistryError {
  return new RegistryError({
    reason: 'status',
    message: `GET https://ghcr.io/v2/acme/app/manifests/1.2 answered ${status}`,
    status,
    ...(code === undefined ? {} : { code }),
    ...(retryAfter === undefined ? {} : { retryAfter })
  })
}

describe('parseOciErrors', () => {
  it('reads codes and messages', () => {
    const body = Buffer.from(
      JSON.stringify({
        errors: [
          { code: 'MANIFEST_UNKNOWN', message: 'manifest unknown', detail: {} }
        ]
      })
    )

    expect(parseOciErrors(body)).toEqual([
      { code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }
    ])
  })

  it.each(['Not Authorized', '{"errors":"x"}', '[]', ''])(
    'ignores %j',
    text => {
      expect(parseOciErrors(Buffer.from(text))).toEqual([])
    }
  )
})

describe('errorFromResponse', () => {
  it('keeps status, OCI code and Retry-After, and says which request failed', () => {
    const error = errorFromResponse(
      'HEAD',
      'https://r.example/v2/a/manifests/1',
      {
        status: 429,
        headers: new Headers({ 'retry-after': '30' }),
        body: Buffer.from(
          '{"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]}'
        )
      }
    )

    expect(error).toMatchObject({
      status: 429,
      code: 'TOOMANYREQUESTS',
      retryAfter: '30',
      temporary: true,
      method: 'HEAD'
    })
    expect(error.message).toBe(
      'HEAD https://r.example/v2/a/manifests/1 answered 429 TOOMANYREQUESTS: slow down'
    )
  })
})

describe('toRegistryFailure', () => {
  it.each([
    [401, undefined, 'UNAUTHORIZED', /refused access/],
    [403, 'DENIED', 'DENIED', /refused access/],
    [
      404,
      'MANIFEST_UNKNOWN',
      'NOT_FOUND',
      /tag "1.2" does not exist in ghcr.io\/acme\/app/
    ],
    [
      404,
      'NAME_UNKNOWN',
      'NOT_FOUND',
      /repository ghcr.io\/acme\/app does not exist/
    ],
    [429, undefined, 'TOO_MANY_REQUESTS', /rate limited/],
    [503, undefined, 'UNAVAILABLE', /failed with 503/],
    [405, 'UNSUPPORTED', 'UNSUPPORTED', /does not support/],
    [
      400,
      'NAME_INVALID',
      'INVALID_RESPONSE',
      /unexpected answer 400 NAME_INVALID/
    ]
  ])('%i %s → %s', (status, code, expected, message) => {
    const failure = toRegistryFailure(statusError(status, code), IMAGE)

    expect(failure.code).toBe(expected)
    expect(failure.status).toBe(status)
    expect(failure.message).toMatch(
      /^cannot resolve ghcr\.io\/acme\/app:1\.2: /
    )
    expect(failure.message).toMatch(message)
  })

  it('tells how to log in to the registry on 401/403', () => {
    expect(toRegistryFailure(statusError(401), IMAGE).hint).toBe(
      'Check the credentials for ghcr.io (run `docker login ghcr.io`, check the Docker config file, or set the docker-config option), or make sure the image is public.'
    )
    expect(toRegistryFailure(statusError(403), HUB).hint).toContain(
      'run `docker login`,'
    )
  })

  it('says to authenticate or retry later when rate limited', () => {
    const failure = toRegistryFailure(
      statusError(429, 'TOOMANYREQUESTS', '3600'),
      HUB
    )

    expect(failure.message).toContain('docker.io/library/node:20')
    expect(failure.message).toContain('Retry-After: 3600')
    expect(failure.hint).toBe(
      'Authenticate to docker.io to raise the limit, or retry later.'
    )
  })

  it.each([
    ['timeout', 'TIMEOUT', /did not answer in time/],
    ['network', 'NETWORK', /is unreachable/],
    ['too-large', 'INVALID_RESPONSE', /body larger/],
    ['unsupported', 'UNSUPPORTED', /legacy/],
    ['no-credentials', 'UNAUTHORIZED', /login/]
  ] as const)('%s → %s', (reason, expected, message) => {
    const text =
      reason === 'too-large'
        ? 'GET x: body larger than 4 bytes'
        : reason === 'unsupported'
          ? 'legacy schema 1 manifest'
          : reason === 'no-credentials'
            ? 'ghcr.io requires a login'
            : 'GET https://ghcr.io/v2/: connect ECONNREFUSED'

    const failure = toRegistryFailure(
      new RegistryError({ reason, message: text }),
      IMAGE
    )

    expect(failure.code).toBe(expected)
    expect(failure.message).toContain('ghcr.io/acme/app:1.2')
    expect(failure.message).toMatch(message)
    expect(failure.hint).not.toBe('')
  })

  it('maps token endpoint refusals to UNAUTHORIZED and garbage to INVALID_RESPONSE', () => {
    const refused = new RegistryError({
      reason: 'token',
      message:
        'cannot get a pull token from auth.example (repository:acme/app:pull): the token endpoint answered 401',
      status: 401
    })
    const garbage = new RegistryError({
      reason: 'token',
      message:
        'cannot get a pull token from auth.example (repository:acme/app:pull): the token endpoint answered with invalid JSON'
    })

    expect(toRegistryFailure(refused, IMAGE)).toMatchObject({
      code: 'UNAUTHORIZED',
      status: 401
    })
    expect(toRegistryFailure(garbage, IMAGE).code).toBe('INVALID_RESPONSE')
    expect(toRegistryFailure(garbage, IMAGE).message).toContain('auth.example')
  })

  it('never throws for something that is not a RegistryError', () => {
    expect(toRegistryFailure(new TypeError('boom'), IMAGE)).toMatchObject({
      code: 'INVALID_RESPONSE',
      message: 'cannot resolve ghcr.io/acme/app:1.2: unexpected error: boom.'
    })
  })
})
