import { describe, expect, it } from 'vitest'
import type {
  OsvRecord,
  PackageChange
} from '../../../src/core/evidence/types.js'
import {
  countVulnerabilities,
  differingIds,
  osvQueries,
  toVulnerability,
  vulnerabilityDelta,
  vulnerabilityList
} from '../../../src/core/evidence/vulnerabilities.js'

const changes: PackageChange[] = [
  {
    change: 'updated',
    type: 'deb',
    name: 'libssl3',
    source: 'openssl',
    oldVersion: '3.0.15-1~deb12u1',
    newVersion: '3.0.16-1~deb12u1'
  },
  {
    change: 'updated',
    type: 'deb',
    name: 'openssl',
    source: 'openssl',
    oldVersion: '3.0.15-1~deb12u1',
    newVersion: '3.0.16-1~deb12u1'
  },
  {
    change: 'removed',
    type: 'deb',
    name: 'libgnutls30',
    source: 'gnutls28',
    oldVersion: '3.7.9-2'
  },
  { change: 'added', type: 'deb', name: 'zstd', newVersion: '1.5.4+dfsg2-5' },
  {
    change: 'updated',
    type: 'deb',
    name: 'libc6',
    source: 'glibc',
    oldVersion: '2.36-9',
    newVersion: '2.36-9+deb12u9'
  }
]

describe('osvQueries', () => {
  it('asks source names with the binary versions, old and new sides, deduplicated', () => {
    const plan = osvQueries(changes, 'Debian:12')
    expect(plan.queries).toEqual([
      { ecosystem: 'Debian:12', name: 'openssl', version: '3.0.15-1~deb12u1' },
      { ecosystem: 'Debian:12', name: 'openssl', version: '3.0.16-1~deb12u1' },
      { ecosystem: 'Debian:12', name: 'gnutls28', version: '3.7.9-2' },
      { ecosystem: 'Debian:12', name: 'zstd', version: '1.5.4+dfsg2-5' },
      { ecosystem: 'Debian:12', name: 'glibc', version: '2.36-9' },
      { ecosystem: 'Debian:12', name: 'glibc', version: '2.36-9+deb12u9' }
    ])
    expect(plan.owners).toEqual([
      { package: 'openssl', old: true, new: false },
      { package: 'openssl', old: false, new: true },
      { package: 'gnutls28', old: true, new: false },
      { package: 'zstd', old: false, new: true },
      { package: 'glibc', old: true, new: false },
      { package: 'glibc', old: false, new: true }
    ])
  })

  it('one query for a version on both sides (one binary old, another new)', () => {
    const plan = osvQueries(
      [
        {
          change: 'updated',
          type: 'apk',
          name: 'a',
          source: 's',
          oldVersion: '1',
          newVersion: '2'
        },
        {
          change: 'updated',
          type: 'apk',
          name: 'b',
          source: 's',
          oldVersion: '0',
          newVersion: '1'
        }
      ],
      'Alpine:v3.20'
    )
    expect(plan.queries.map(q => q.version)).toEqual(['1', '2', '0'])
    expect(plan.owners[0]).toEqual({ package: 's', old: true, new: true })
  })
})

describe('vulnerabilityDelta', () => {
  it('fixed = old − new and introduced = new − old, per source package', () => {
    const plan = osvQueries(changes, 'Debian:12')
    const delta = vulnerabilityDelta(plan, [
      ['DSA-5678-1', 'DEBIAN-CVE-2024-13176', 'DEBIAN-CVE-2023-0001'],
      ['DEBIAN-CVE-2023-0001'],
      ['DEBIAN-CVE-2024-0553'],
      ['DEBIAN-CVE-2022-4899'],
      [],
      ['DEBIAN-CVE-2025-0001']
    ])
    expect([...delta.fixed]).toEqual([
      ['DSA-5678-1', ['openssl']],
      ['DEBIAN-CVE-2024-13176', ['openssl']],
      ['DEBIAN-CVE-2024-0553', ['gnutls28']]
    ])
    expect([...delta.introduced]).toEqual([
      ['DEBIAN-CVE-2022-4899', ['zstd']],
      ['DEBIAN-CVE-2025-0001', ['glibc']]
    ])
    expect(differingIds(delta)).toEqual([
      'DEBIAN-CVE-2022-4899',
      'DEBIAN-CVE-2024-0553',
      'DEBIAN-CVE-2024-13176',
      'DEBIAN-CVE-2025-0001',
      'DSA-5678-1'
    ])
  })

  it('an id still present in any new version of the package is not fixed', () => {
    const plan = osvQueries(
      [
        {
          change: 'updated',
          type: 'apk',
          name: 'libcrypto3',
          source: 'openssl',
          oldVersion: '3.3.2-r0',
          newVersion: '3.3.3-r0'
        },
        {
          change: 'updated',
          type: 'apk',
          name: 'libssl3',
          source: 'openssl',
          oldVersion: '3.3.1-r0',
          newVersion: '3.3.2-r0'
        }
      ],
      'Alpine:v3.20'
    )
    // queries: 3.3.2 (old+new), 3.3.3 (new), 3.3.1 (old)
    const delta = vulnerabilityDelta(plan, [
      ['ALPINE-CVE-1'],
      [],
      ['ALPINE-CVE-1', 'ALPINE-CVE-2']
    ])
    expect([...delta.fixed.keys()]).toEqual(['ALPINE-CVE-2'])
    expect(delta.introduced.size).toBe(0)
  })
})

describe('toVulnerability', () => {
  it('collects CVEs from aliases, upstream and the id; links osv.dev', () => {
    const record: OsvRecord = {
      id: 'ALPINE-CVE-2024-13176',
      upstream: ['CVE-2024-13176'],
      details:
        '\n  Issue summary: A timing side-channel\n   which could potentially allow recovering the private key.\nMore text',
      severity: [
        {
          type: 'CVSS_V3',
          score: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N'
        }
      ]
    }
    expect(toVulnerability(record, ['openssl'])).toEqual({
      id: 'ALPINE-CVE-2024-13176',
      cves: ['CVE-2024-13176'],
      severity: 'medium 5.9',
      summary: 'Issue summary: A timing side-channel',
      url: 'https://osv.dev/vulnerability/ALPINE-CVE-2024-13176',
      packages: ['openssl']
    })
  })

  it('prefers the summary, on one line, truncated near 120 characters', () => {
    const long = `openssl: ${'very '.repeat(40)}bad`
    const v = toVulnerability(
      {
        id: 'DSA-1-1',
        aliases: ['CVE-2024-1002', 'CVE-2024-1001', 'CVE-2024-1002'],
        summary: long,
        details: 'ignored'
      },
      []
    )
    expect(v.cves).toEqual(['CVE-2024-1001', 'CVE-2024-1002'])
    expect(v.summary?.length).toBeLessThanOrEqual(120)
    expect(v.summary?.endsWith('…')).toBe(true)
    expect(toVulnerability({ id: 'X', summary: 'a\n  b' }, []).summary).toBe(
      'a b'
    )
    expect(toVulnerability({ id: 'X' }, []).summary).toBeUndefined()
  })
})

describe('vulnerabilityList and countVulnerabilities', () => {
  const records = new Map<string, OsvRecord>([
    [
      'DSA-5678-1',
      {
        id: 'DSA-5678-1',
        aliases: ['CVE-2024-13176'],
        summary: 'openssl security update'
      }
    ],
    [
      'DEBIAN-CVE-2024-13176',
      {
        id: 'DEBIAN-CVE-2024-13176',
        severity: [
          {
            type: 'CVSS_V3',
            score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N'
          }
        ]
      }
    ],
    [
      'DEBIAN-CVE-2024-0553',
      { id: 'DEBIAN-CVE-2024-0553', database_specific: { severity: 'LOW' } }
    ],
    [
      'DEBIAN-CVE-2020-1',
      { id: 'DEBIAN-CVE-2020-1', withdrawn: '2024-01-01T00:00:00Z' }
    ],
    [
      'DLA-1-1',
      {
        id: 'DLA-1-1',
        severity: [
          {
            type: 'CVSS_V3',
            score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'
          }
        ]
      }
    ]
  ])
  const ids = new Map<string, string[]>([
    ['DSA-5678-1', ['openssl']],
    ['DEBIAN-CVE-2024-13176', ['openssl']],
    ['DEBIAN-CVE-2024-0553', ['gnutls28']],
    ['DEBIAN-CVE-2020-1', ['openssl']],
    ['DLA-1-1', ['glibc']],
    ['DEBIAN-CVE-2025-9999', ['glibc']]
  ])

  it('drops withdrawn records, keeps unread ids, orders by severity then id', () => {
    const list = vulnerabilityList(ids, records)
    expect(list.map(v => [v.id, v.severity])).toEqual([
      ['DLA-1-1', 'critical 9.8'],
      ['DEBIAN-CVE-2024-13176', 'high 7.5'],
      ['DEBIAN-CVE-2024-0553', 'low'],
      ['DEBIAN-CVE-2025-9999', undefined],
      ['DSA-5678-1', undefined]
    ])
    expect(list.find(v => v.id === 'DEBIAN-CVE-2025-9999')?.cves).toEqual([
      'CVE-2025-9999'
    ])
  })

  it('counts records sharing a CVE once, at their highest severity', () => {
    const counted = countVulnerabilities(vulnerabilityList(ids, records))
    expect(counted.total).toBe(4)
    expect(new Map(counted.bySeverity)).toEqual(
      new Map([
        ['critical', 1],
        ['high', 1],
        ['low', 1],
        ['unknown', 1]
      ])
    )
  })

  it('counts CVEs, not records: one record fixing two CVEs counts two', () => {
    const list = [
      toVulnerability({ id: 'A', aliases: ['CVE-2024-1001'] }, []),
      toVulnerability({ id: 'B', aliases: ['CVE-2024-1002'] }, []),
      toVulnerability(
        { id: 'C', aliases: ['CVE-2024-1001', 'CVE-2024-1002'] },
        []
      ),
      toVulnerability({ id: 'D' }, [])
    ]
    expect(countVulnerabilities(list).total).toBe(3)
  })
})
