import { describe, expect, it } from 'vitest'
import {
  allowsPlainHttp,
  backoffDelay,
  isLoopbackHost,
  isRetryableStatus,
  parseRetryAfter,
  redactUrl,
  redirectedHost
} from '../../src/registry/http-policy.js'

const NOW = Date.parse('2026-01-01T00:00:00Z')

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120_000],
    ['0', 0],
    [' 5 ', 5_000],
    ['Thu, 01 Jan 2026 00:00:30 GMT', 30_000],
    ['Wed, 31 Dec 2025 23:00:00 GMT', 0],
    ['', undefined],
    ['soon', undefined],
    ['-1', undefined],
    ['1.5', undefined]
  ])('%j → %j ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected)
  })

  it('is undefined without a header', () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined()
  })
})

describe('backoffDelay', () => {
  it('doubles per attempt within [50%, 100%] of the ceiling', () => {
    expect(backoffDelay(0, 0)).toBe(250)
    expect(backoffDelay(0, 0.999)).toBeLessThanOrEqual(500)
    expect(backoffDelay(1, 0)).toBe(500)
    expect(backoffDelay(2, 0)).toBe(1000)
  })

  it('is capped', () => {
    expect(backoffDelay(20, 0.999)).toBeLessThanOrEqual(8_000)
  })
})

describe('isRetryableStatus', () => {
  it.each([
    [429, true],
    [500, true],
    [503, true],
    [599, true],
    [404, false],
    [401, false],
    [200, false]
  ])('%i → %s', (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected)
  })
})

describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true],
    ['localhost:5000', true],
    ['LOCALHOST:5000', true],
    ['127.0.0.1', true],
    ['127.1.2.3:443', true],
    ['[::1]', true],
    ['[::1]:5000', true],
    ['localhost.example.com', false],
    ['128.0.0.1', false],
    ['ghcr.io', false],
    ['[::2]:5000', false]
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected)
  })
})

describe('allowsPlainHttp', () => {
  const insecure = [
    'registry.lan:5000',
    'build.internal',
    'http://legacy.example'
  ]

  it.each([
    ['registry.lan:5000', true],
    ['registry.lan:5001', false],
    ['registry.lan', false],
    ['build.internal', true],
    ['build.internal:8443', true],
    ['legacy.example', true],
    ['ghcr.io', false],
    ['localhost:5000', true]
  ])('%s → %s', (host, expected) => {
    expect(allowsPlainHttp(host, insecure)).toBe(expected)
  })
})

describe('redactUrl', () => {
  it('drops user info and hides unknown query values', () => {
    expect(
      redactUrl(
        'https://user:pass@s3.example/blob?X-Amz-Signature=abc&digest=sha256:1'
      )
    ).toBe('https://s3.example/blob?X-Amz-Signature=REDACTED&digest=sha256%3A1')
  })

  it('keeps service and scope of token requests', () => {
    expect(
      redactUrl(
        'https://auth.docker.io/token?service=registry.docker.io&scope=repository:library/node:pull'
      )
    ).toBe(
      'https://auth.docker.io/token?service=registry.docker.io&scope=repository:library/node:pull'
    )
  })

  it('does not echo an unparseable URL', () => {
    expect(redactUrl('not a url with secret')).toBe('<invalid URL>')
  })
})

describe('redirectedHost', () => {
  it.each([
    ['https://ghcr.io/v2/a/manifests/1', 'ghcr.io', undefined],
    ['https://ghcr.io/v2/a/manifests/1', 'ghcr.io:443', undefined],
    ['https://GHCR.io/v2/', 'ghcr.io', undefined],
    ['http://127.0.0.1:5000/v2/', '127.0.0.1:5000', undefined],
    ['http://localhost:5000/v2/', '127.0.0.1:5000', 'localhost:5000'],
    ['http://127.0.0.1:5001/v2/', '127.0.0.1:5000', '127.0.0.1:5001'],
    ['https://cdn.example/blob?sig=REDACTED', 'ghcr.io', 'cdn.example']
  ])('%s from %s → %s', (url, host, expected) => {
    expect(redirectedHost(url, host)).toBe(expected)
  })
})
