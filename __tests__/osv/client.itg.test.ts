/**
 * The OSV client against the OSV stand-in on loopback, which checks every
 * request against OSV's published API description: a request the service
 * would reject fails the test (afterEach).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { OsvClient } from '../../src/osv/client.js'
import type { OsvClientOptions } from '../../src/osv/client.js'
import { startOsvStandIn } from '../support/osv-stand-in.js'
import type { OsvStandIn, OsvStandInRecord } from '../support/osv-stand-in.js'
import { RecordingCounter, RecordingLogger } from '../support/recorders.js'

const DEBIAN = 'Debian:12'

/** A record affecting `name` at exactly `versions` in Debian 12. */
function record(
  id: string,
  name: string,
  versions: string[],
  extra: Partial<OsvStandInRecord> = {}
): OsvStandInRecord {
  return {
    id,
    modified: '2026-06-01T00:00:00Z',
    affected: [{ package: { ecosystem: DEBIAN, name }, versions }],
    ...extra
  }
}

function query(name: string, version: string) {
  return { ecosystem: DEBIAN, name, version }
}

let osv: OsvStandIn | undefined
let logger: RecordingLogger

async function start(
  records: OsvStandInRecord[],
  pageSize?: number,
  options: Partial<OsvClientOptions> = {}
) {
  osv = await startOsvStandIn({
    records,
    ...(pageSize === undefined ? {} : { pageSize })
  })
  logger = new RecordingLogger()
  const client = new OsvClient({
    url: `${osv.url}/`,
    logger,
    backoffMs: 5,
    ...options
  })
  return { osv, client }
}

afterEach(async () => {
  if (osv === undefined) return
  expect(osv.violations()).toEqual([])
  expect(osv.responseViolations).toEqual([])
  await osv.close()
  osv = undefined
})

describe('OsvClient.queryBatch', () => {
  it('gives the ids per query in input order, [] for {} results, duplicates asked once', async () => {
    const { osv, client } = await start([
      record('DSA-1', 'openssl', ['3.0.14']),
      record('DEBIAN-CVE-2026-2', 'openssl', ['3.0.14', '3.0.15']),
      record('DLA-3', 'zlib', ['1.2'])
    ])
    const ids = await client.queryBatch([
      query('zlib', '1.3'),
      query('openssl', '3.0.14'),
      query('zlib', '1.2'),
      query('openssl', '3.0.14')
    ])
    expect(ids).toEqual([
      [],
      ['DEBIAN-CVE-2026-2', 'DSA-1'],
      ['DLA-3'],
      ['DEBIAN-CVE-2026-2', 'DSA-1']
    ])
    expect(osv.batches()).toEqual([
      [
        { package: { ecosystem: DEBIAN, name: 'zlib' }, version: '1.3' },
        { package: { ecosystem: DEBIAN, name: 'openssl' }, version: '3.0.14' },
        { package: { ecosystem: DEBIAN, name: 'zlib' }, version: '1.2' }
      ]
    ])
  })

  it('sends nothing for no queries', async () => {
    const { osv, client } = await start([])
    expect(await client.queryBatch([])).toEqual([])
    expect(osv.requests).toHaveLength(0)
  })

  it('follows next_page_token, resending only the unfinished queries with page_token', async () => {
    const many = ['A-1', 'A-2', 'A-3', 'A-4', 'A-5']
    const { osv, client } = await start(
      [
        ...many.map(id => record(id, 'openssl', ['3'])),
        record('B-1', 'zlib', ['1']),
        ...['C-1', 'C-2', 'C-3'].map(id => record(id, 'curl', ['8']))
      ],
      2
    )
    const ids = await client.queryBatch([
      query('openssl', '3'),
      query('zlib', '1'),
      query('curl', '8')
    ])
    expect(ids).toEqual([many, ['B-1'], ['C-1', 'C-2', 'C-3']])
    const batches = osv.batches() as {
      package: { name: string }
      page_token?: string
    }[][]
    expect(batches.map(b => b.map(q => q.package.name))).toEqual([
      ['openssl', 'zlib', 'curl'],
      ['openssl', 'curl'],
      ['openssl']
    ])
    expect(batches[0]?.every(q => q.page_token === undefined)).toBe(true)
    expect(batches[1]?.every(q => typeof q.page_token === 'string')).toBe(true)
  })

  it('splits more than 1000 queries into requests of at most 1000, answers in order', async () => {
    const versions = Array.from({ length: 2500 }, (_, i) => `1.${i}`)
    const counter = new RecordingCounter()
    const { osv, client } = await start(
      [
        record('HIT-FIRST', 'pkg', ['1.0']),
        record('HIT-MID', 'pkg', ['1.1500']),
        record('HIT-LAST', 'pkg', ['1.2499'])
      ],
      undefined,
      { counter }
    )
    const ids = await client.queryBatch(versions.map(v => query('pkg', v)))
    expect(osv.batches().map(b => b.length)).toEqual([1000, 1000, 500])
    expect(counter.of('osv-querybatch')).toBe(3)
    expect(ids).toHaveLength(2500)
    const hits = ids.flatMap((list, i) => list.map(id => `${i}:${id}`))
    expect(hits).toEqual(['0:HIT-FIRST', '1500:HIT-MID', '2499:HIT-LAST'])
  })
})

describe('OsvClient.vulnerability', () => {
  it('reads the record once per id and encodes the id in the path', async () => {
    const { osv, client } = await start([
      record('DSA-5001-1', 'openssl', ['3'], {
        aliases: ['CVE-2026-0001'],
        upstream: ['CVE-2026-0002'],
        summary: 'openssl: overflow',
        severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L' }],
        database_specific: { urgency: 'high' }
      }),
      record('ODD/ID 1', 'zlib', ['1'])
    ])
    const [first, second] = await Promise.all([
      client.vulnerability('DSA-5001-1'),
      client.vulnerability('DSA-5001-1')
    ])
    expect(first).toEqual({
      id: 'DSA-5001-1',
      aliases: ['CVE-2026-0001'],
      upstream: ['CVE-2026-0002'],
      summary: 'openssl: overflow',
      severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L' }],
      database_specific: { urgency: 'high' }
    })
    expect(second).toBe(first)
    expect((await client.vulnerability('ODD/ID 1')).id).toBe('ODD/ID 1')
    expect(osv.requests.map(r => r.path)).toEqual([
      '/v1/vulns/DSA-5001-1',
      '/v1/vulns/ODD%2FID%201'
    ])
  })

  it('an unknown id rejects naming the service and the id, and is not cached', async () => {
    const { osv, client } = await start([])
    const error =
      /OSV \(http:\/\/127\.0\.0\.1:\d+\) has no record NOPE-1 \(GET \/v1\/vulns\/NOPE-1 answered 404\)/
    await expect(client.vulnerability('NOPE-1')).rejects.toThrow(error)
    await expect(client.vulnerability('NOPE-1')).rejects.toThrow(error)
    expect(osv.requests).toHaveLength(2)
  })
})

describe('OsvClient: failures', () => {
  it('retries a 5xx and succeeds', async () => {
    const { osv, client } = await start([record('DSA-1', 'openssl', ['3'])])
    osv.setFault({ kind: 'status', status: 503, times: 1 })
    expect(await client.queryBatch([query('openssl', '3')])).toEqual([
      ['DSA-1']
    ])
    expect(osv.requests.map(r => r.status)).toEqual([503, 200])
    expect(
      logger.lines.some(l => /answered with 503; retrying/.test(l.message))
    ).toBe(true)
  })

  it('waits as long as a 429 Retry-After says before retrying', async () => {
    const { osv, client } = await start([record('DSA-1', 'openssl', ['3'])])
    osv.setFault({ kind: 'status', status: 429, retryAfter: 1, times: 1 })
    const started = Date.now()
    expect(await client.vulnerability('DSA-1')).toMatchObject({ id: 'DSA-1' })
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(osv.requests.map(r => r.status)).toEqual([429, 200])
  })

  it('gives up after the retries on a lasting 5xx, saying what to do', async () => {
    const { osv, client } = await start([], undefined, { retries: 1 })
    osv.setFault({ kind: 'status', status: 502 })
    await expect(client.queryBatch([query('openssl', '3')])).rejects.toThrow(
      /OSV \(http:\/\/127\.0\.0\.1:\d+\): POST \/v1\/querybatch was answered with 502 \(2 attempts\)\..*osv: false.*osv-url/
    )
    expect(osv.requests).toHaveLength(2)
  })

  it('a timeout rejects at once (not retried)', async () => {
    const { osv, client } = await start([], undefined, { timeoutMs: 300 })
    osv.setFault({ kind: 'timeout' })
    const started = Date.now()
    await expect(client.vulnerability('DSA-1')).rejects.toThrow(
      /OSV \(http:\/\/127\.0\.0\.1:\d+\) did not answer GET \/v1\/vulns\/DSA-1 within 0\.3 s\..*--no-osv/
    )
    expect(Date.now() - started).toBeLessThan(3000)
    expect(osv.requests).toHaveLength(1)
  })

  it('garbage rejects saying the answer is not JSON', async () => {
    const { osv, client } = await start([])
    osv.setFault({ kind: 'garbage' })
    await expect(client.queryBatch([query('openssl', '3')])).rejects.toThrow(
      /answered POST \/v1\/querybatch with something that is not JSON \(application\/json\); check that osv-url points at an OSV API/
    )
  })

  it('an unreachable service rejects after the retries, naming it', async () => {
    const { osv, client } = await start([])
    await osv.close()
    await expect(client.queryBatch([query('openssl', '3')])).rejects.toThrow(
      /OSV \(http:\/\/127\.0\.0\.1:\d+\): POST \/v1\/querybatch could not be sent \(ECONNREFUSED\) \(3 attempts\)/
    )
  })
})
