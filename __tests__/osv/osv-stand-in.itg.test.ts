/**
 * The OSV stand-in itself: it must reject what OSV rejects (checked against
 * the extracted API description) and answer as OSV answers, or the client
 * tests built on it prove nothing.
 */
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startOsvStandIn } from '../support/osv-stand-in.js'
import type { OsvStandIn, OsvStandInRecord } from '../support/osv-stand-in.js'

const RECORDS: OsvStandInRecord[] = [
  {
    id: 'DSA-5001-1',
    modified: '2026-05-01T10:00:00Z',
    aliases: ['CVE-2026-0001'],
    summary: 'openssl: buffer overflow',
    affected: [
      {
        package: { ecosystem: 'Debian:12', name: 'openssl' },
        versions: ['3.0.15-1~deb12u1', '3.0.14-1~deb12u2']
      }
    ]
  },
  {
    id: 'DEBIAN-CVE-2026-0002',
    modified: '2026-05-02T10:00:00Z',
    affected: [
      {
        package: { ecosystem: 'Debian:12', name: 'openssl' },
        versions: ['3.0.15-1~deb12u1']
      }
    ]
  },
  {
    id: 'DSA-4000-1',
    affected: [
      {
        package: { ecosystem: 'Debian:11', name: 'openssl' },
        versions: ['3.0.15-1~deb12u1']
      }
    ]
  },
  {
    id: 'DEBIAN-BARE-1',
    affected: [
      {
        package: { ecosystem: 'Debian', name: 'openssl' },
        versions: ['3.0.15-1~deb12u1']
      }
    ]
  }
]

const OPENSSL = {
  package: { ecosystem: 'Debian:12', name: 'openssl' },
  version: '3.0.15-1~deb12u1'
}

let osv: OsvStandIn

async function post(body: unknown, contentType = 'application/json') {
  const response = await fetch(`${osv.url}/v1/querybatch`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body)
  })
  return { status: response.status, body: await response.json() }
}

beforeEach(async () => {
  osv = await startOsvStandIn({ records: RECORDS, pageSize: 2 })
})
afterEach(async () => {
  expect(osv.responseViolations).toEqual([])
  await osv.close()
})

describe('OSV stand-in: the extracted description', () => {
  it('names its source, commit and date and keeps exactly the two operations', () => {
    const file = new URL('../support/osv-openapi.json', import.meta.url)
    const doc = JSON.parse(readFileSync(file, 'utf8')) as {
      source: string
      path: string
      commit: string
      date: string
      operations: { method: string; path: string }[]
    }
    expect(doc.source).toBe('google/osv.dev')
    expect(doc.path).toBe('docs/osv_service_v1.swagger.json')
    expect(doc.commit).toMatch(/^[0-9a-f]{40}$/)
    expect(doc.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(doc.operations.map(o => `${o.method} ${o.path}`)).toEqual([
      'POST /v1/querybatch',
      'GET /v1/vulns/{id}'
    ])
  })
})

describe('OSV stand-in: querybatch', () => {
  it('answers in input order, {} for no hits, ecosystems as OSV indexes them', async () => {
    const { status, body } = await post({
      queries: [
        { package: { ecosystem: 'Debian:12', name: 'zlib' }, version: '1' },
        { ...OPENSSL, package: { ecosystem: 'Debian:11', name: 'openssl' } },
        {
          package: { ecosystem: 'Debian:12', name: 'openssl' },
          version: '3.0.14-1~deb12u2'
        }
      ]
    })
    expect(status).toBe(200)
    expect(body).toEqual({
      results: [
        {},
        { vulns: [{ id: 'DSA-4000-1', modified: '2026-01-01T00:00:00Z' }] },
        { vulns: [{ id: 'DSA-5001-1', modified: '2026-05-01T10:00:00Z' }] }
      ]
    })
    expect(osv.violations()).toEqual([])
  })

  it('finds every release for a bare ecosystem, and a bare entry only then', async () => {
    const bare = {
      ...OPENSSL,
      package: { ecosystem: 'Debian', name: 'openssl' }
    }
    const pageOne = await post({ queries: [bare] })
    const first = (
      pageOne.body as {
        results: { vulns: { id: string }[]; next_page_token: string }[]
      }
    ).results[0]
    const pageTwo = await post({
      queries: [{ ...bare, page_token: first?.next_page_token }]
    })
    const second = (pageTwo.body as { results: { vulns: { id: string }[] }[] })
      .results[0]
    const ids = [...(first?.vulns ?? []), ...(second?.vulns ?? [])].map(
      v => v.id
    )
    expect(ids).toEqual([
      'DEBIAN-BARE-1',
      'DEBIAN-CVE-2026-0002',
      'DSA-4000-1',
      'DSA-5001-1'
    ])
    const specific = await post({ queries: [OPENSSL] })
    expect(JSON.stringify(specific.body)).not.toContain('DEBIAN-BARE-1')
    expect(JSON.stringify(specific.body)).not.toContain('DSA-4000-1')
  })

  it('pages a query past pageSize; the token is bound to its query', async () => {
    const withTwo = {
      ...OPENSSL,
      package: { ecosystem: 'Debian', name: 'openssl' }
    }
    const { body } = await post({ queries: [OPENSSL, withTwo] })
    const results = (
      body as { results: { vulns: unknown[]; next_page_token?: string }[] }
    ).results
    expect(results[0]?.next_page_token).toBeUndefined()
    expect(results[0]?.vulns).toHaveLength(2)
    const token = results[1]?.next_page_token
    expect(token).toEqual(expect.any(String))
    const camel = await post({ queries: [{ ...withTwo, pageToken: token }] })
    expect(camel.status).toBe(200)
    const wrong = await post({ queries: [{ ...OPENSSL, page_token: token }] })
    expect(wrong.status).toBe(400)
    expect(JSON.stringify(wrong.body)).toMatch(/issued for another query/)
  })
})

describe('OSV stand-in: invalid requests are 400 and recorded', () => {
  it.each([
    [
      'an unknown field',
      { queries: [{ pkg: {} }] },
      /additional properties.*pkg/
    ],
    [
      'a wrong type',
      {
        queries: [
          { package: { name: 1, ecosystem: 'Debian:12' }, version: '1' }
        ]
      },
      /must be string/
    ],
    ['queries not a list', { queries: {} }, /must be array/],
    [
      'version with a versioned purl',
      {
        queries: [
          {
            package: { purl: 'pkg:deb/debian/openssl@3?distro=bookworm' },
            version: '3'
          }
        ]
      },
      /version given twice/
    ],
    [
      'a package without ecosystem',
      { queries: [{ package: { name: 'openssl' }, version: '3' }] },
      /ecosystem required/
    ],
    [
      'both page_token and pageToken',
      { queries: [{ ...OPENSSL, page_token: 'a', pageToken: 'a' }] },
      /both page_token and pageToken/
    ],
    [
      'a forged page token',
      { queries: [{ ...OPENSSL, page_token: 'bm90LWEtdG9rZW4' }] },
      /not a token/
    ]
  ])('%s', async (_, request, message) => {
    const { status, body } = await post(request)
    expect(status).toBe(400)
    expect(body).toMatchObject({
      code: 3,
      message: expect.stringMatching(message) as unknown
    })
    expect(osv.violations()).toHaveLength(1)
  })

  it('more than 1000 queries', async () => {
    const { status } = await post({
      queries: Array.from({ length: 1001 }, () => OPENSSL)
    })
    expect(status).toBe(400)
    expect(osv.violations()[0]).toMatch(/1001 queries; at most 1000/)
  })

  it('a body that is not JSON, or not sent as JSON', async () => {
    expect((await post('{"queries": [', 'application/json')).status).toBe(400)
    expect((await post({ queries: [] }, 'text/plain')).status).toBe(400)
    expect(osv.violations()).toHaveLength(2)
  })

  it('an operation we do not use', async () => {
    const response = await fetch(`${osv.url}/v1/query`, {
      method: 'POST',
      body: '{}'
    })
    expect(response.status).toBe(404)
    expect(osv.violations()[0]).toMatch(
      /POST \/v1\/query is not an OSV operation we use/
    )
  })
})

describe('OSV stand-in: GET /v1/vulns/{id}', () => {
  it('rejects an id that is not percent-encoded UTF-8', async () => {
    const response = await fetch(`${osv.url}/v1/vulns/%E0%A4%A`)
    expect(response.status).toBe(400)
    expect(osv.violations()[0]).toMatch(/not percent-encoded UTF-8/)
  })

  it('gives the record, or 404', async () => {
    const found = await fetch(`${osv.url}/v1/vulns/DSA-5001-1`)
    expect(found.status).toBe(200)
    expect(await found.json()).toEqual(RECORDS[0])
    const missing = await fetch(
      `${osv.url}/v1/vulns/${encodeURIComponent('NOPE-1')}`
    )
    expect(missing.status).toBe(404)
    expect(osv.violations()).toEqual([])
  })
})

describe('OSV stand-in: faults', () => {
  it('a status with Retry-After', async () => {
    osv.setFault({ kind: 'status', status: 429, retryAfter: 3, times: 1 })
    const response = await fetch(`${osv.url}/v1/vulns/DSA-5001-1`)
    expect(response.status).toBe(429)
    expect(response.headers.get('retry-after')).toBe('3')
  })

  it('a 5xx for the next request only', async () => {
    osv.setFault({ kind: 'status', status: 503, times: 1 })
    expect((await post({ queries: [OPENSSL] })).status).toBe(503)
    expect((await post({ queries: [OPENSSL] })).status).toBe(200)
  })

  it('garbage, on one operation only', async () => {
    osv.setFault({ kind: 'garbage', on: 'vulns' })
    expect((await post({ queries: [OPENSSL] })).status).toBe(200)
    const response = await fetch(`${osv.url}/v1/vulns/DSA-5001-1`)
    await expect(response.json()).rejects.toThrow()
  })

  it('a timeout: no answer at all', async () => {
    osv.setFault({ kind: 'timeout' })
    const request = fetch(`${osv.url}/v1/vulns/DSA-5001-1`, {
      signal: AbortSignal.timeout(300)
    })
    await expect(request).rejects.toThrow(/timeout|aborted/i)
    expect(osv.requests).toHaveLength(1)
  })
})
