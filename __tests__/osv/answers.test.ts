/** Reading OSV answers: what the client relies on is checked, the rest dropped. */
import { describe, expect, it } from 'vitest'
import { batchBody, parseBatch, parseRecord } from '../../src/osv/answers.js'

describe('batchBody', () => {
  it('writes package, version and page_token only where there is one', () => {
    const body = batchBody(
      [
        { ecosystem: 'Alpine:v3.20', name: 'openssl', version: '3.3.2-r0' },
        { ecosystem: 'Alpine:v3.20', name: 'musl', version: '1.2.5-r0' }
      ],
      [undefined, 'tok']
    )
    expect(JSON.parse(body)).toEqual({
      queries: [
        {
          package: { ecosystem: 'Alpine:v3.20', name: 'openssl' },
          version: '3.3.2-r0'
        },
        {
          package: { ecosystem: 'Alpine:v3.20', name: 'musl' },
          version: '1.2.5-r0',
          page_token: 'tok'
        }
      ]
    })
  })
})

describe('parseBatch', () => {
  it('reads ids, {} and either spelling of the next page token', () => {
    expect(
      parseBatch(
        {
          results: [
            {},
            { vulns: [{ id: 'A', modified: 'x' }], next_page_token: 't1' },
            { vulns: [{ id: 'B' }], nextPageToken: 't2' },
            { vulns: [], next_page_token: '' }
          ]
        },
        4
      )
    ).toEqual([
      { ids: [] },
      { ids: ['A'], nextPageToken: 't1' },
      { ids: ['B'], nextPageToken: 't2' },
      { ids: [] }
    ])
  })

  it.each([
    [{}, 1, 'the answer has no results list'],
    [{ results: [{}] }, 2, 'the answer has 1 results for 2 queries'],
    [{ results: [[]] }, 1, 'result 0: not an object'],
    [{ results: [{ vulns: {} }] }, 1, 'result 0: vulns is not a list'],
    [
      { results: [{ vulns: [{ id: 7 }] }] },
      1,
      'result 0: a vulnerability without an id'
    ],
    [
      { results: [{ next_page_token: 3 }] },
      1,
      'result 0: next_page_token is not a string'
    ]
  ])('%j for %i queries: %s', (body, expected, message) => {
    expect(parseBatch(body, expected)).toBe(message)
  })
})

describe('parseRecord', () => {
  it('keeps the fields we read and drops wrongly typed ones', () => {
    expect(
      parseRecord({
        id: 'ALPINE-CVE-2026-1',
        aliases: ['CVE-2026-1', 5],
        upstream: 'CVE-2026-1',
        summary: 42,
        details: 'text',
        severity: [{ type: 'CVSS_V3', score: '9.8' }, { type: 'x' }],
        databaseSpecific: { cwe: 'CWE-79' },
        affected: [{}]
      })
    ).toEqual({
      id: 'ALPINE-CVE-2026-1',
      aliases: ['CVE-2026-1'],
      details: 'text',
      severity: [{ type: 'CVSS_V3', score: '9.8' }],
      database_specific: { cwe: 'CWE-79' }
    })
  })

  it('refuses an answer without an id', () => {
    expect(parseRecord({ summary: 's' })).toBe('the record has no id')
    expect(parseRecord('<html>')).toBe('the answer is not a JSON object')
  })
})
