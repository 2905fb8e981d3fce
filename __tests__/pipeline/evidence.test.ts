/**
 * gatherEvidence over an in-memory EvidenceSource holding the exact bytes
 * the registry tests push (__tests__/support/attestations.ts): a Map
 * digest → bytes is a legitimate fake of the port; the registry and OSV
 * adapters are tested against real processes elsewhere.
 */
import { describe, expect, it } from 'vitest'
import type { Digest } from '../../src/core/digest.js'
import type {
  OsvQuery,
  OsvRecord,
  Part
} from '../../src/core/evidence/types.js'
import { evidenceKey } from '../../src/core/evidence/types.js'
import type { Plan, PlanRow } from '../../src/core/plan.js'
import type { Resolution } from '../../src/core/resolution.js'
import { gatherEvidence } from '../../src/pipeline/evidence.js'
import type { EvidenceOptions } from '../../src/pipeline/evidence.js'
import type {
  EvidenceSource,
  ImageLocation,
  Logger,
  VulnerabilityDatabase
} from '../../src/pipeline/ports.js'
import {
  buildVersion,
  buildVersionIndex,
  jsonBlob,
  sourceAnnotations
} from '../support/attestations.js'
import type { SeedPackage, VersionSpec } from '../support/attestations.js'
import { MEDIA, descriptor } from '../support/images.js'
import type { Blob } from '../support/images.js'

const REPO = 'library/alpine'
const KEY = `docker.io/${REPO}:3.20`
const AT: ImageLocation = { registry: 'registry-1.docker.io', repository: REPO }
const REV_OLD = '13b62f5fbd4e6a0f3e8f1c2b7d3a9e0c4b5a6d7e'
const REV_NEW = 'bdb96fcf0b3f5b0e7d1c9a2e4f6a8b0c2d4e6f80'
const GIT = 'https://github.com/alpinelinux/docker-alpine'

class MemorySource implements EvidenceSource {
  readonly items = new Map<string, Blob>()
  readonly reads: string[] = []
  hang = false

  add(item: Blob): void {
    this.items.set(item.digest, item)
  }

  async manifest(at: ImageLocation, digest: Digest) {
    const item = await this.read(at, digest, 'manifest')
    return { mediaType: item.mediaType, body: item.bytes }
  }

  async blob(at: ImageLocation, digest: Digest, maxBytes: number) {
    const item = await this.read(at, digest, 'blob')
    if (item.bytes.length > maxBytes)
      throw new Error(
        `blob ${digest} of ${at.repository} is over ${maxBytes} bytes`
      )
    return item.bytes
  }

  private async read(
    at: ImageLocation,
    digest: Digest,
    kind: string
  ): Promise<Blob> {
    this.reads.push(`${kind} ${digest}`)
    if (this.hang) await new Promise(() => undefined)
    const item = this.items.get(digest)
    if (item === undefined)
      throw new Error(`${kind} ${digest} of ${at.repository} not found (404)`)
    return item
  }
}

/** Builds a version's bytes into the source; returns the index digest and per-platform manifests. */
function put(source: MemorySource, spec: VersionSpec) {
  const built = buildVersion(spec)
  for (const b of built) {
    source.add(b.image.manifest)
    b.image.blobs.forEach(x => source.add(x))
    if (b.attestation !== undefined) {
      source.add(b.attestation.manifest)
      b.attestation.blobs.forEach(x => source.add(x))
    }
  }
  const index = buildVersionIndex(spec, built)
  source.add(index)
  return {
    index: index.digest as Digest,
    manifests: Object.fromEntries(
      built.map(b => [b.platform, b.image.manifest.digest as Digest])
    ),
    sboms: built.flatMap(b =>
      b.layers.sbom === undefined ? [] : [b.layers.sbom.digest]
    )
  }
}

class MemoryOsv implements VulnerabilityDatabase {
  readonly batches: OsvQuery[][] = []
  readonly fetched: string[] = []
  fail = false
  constructor(
    private readonly hits: Record<string, string[]>,
    private readonly records: Record<string, OsvRecord>
  ) {}
  async queryBatch(queries: readonly OsvQuery[]) {
    await Promise.resolve()
    this.batches.push([...queries])
    if (this.fail)
      throw new Error(
        'OSV at http://127.0.0.1:1 answered 503 Service Unavailable'
      )
    return queries.map(
      q => this.hits[`${q.ecosystem}/${q.name}@${q.version}`] ?? []
    )
  }

  async vulnerability(id: string) {
    await Promise.resolve()
    this.fetched.push(id)
    const record = this.records[id]
    if (record === undefined) throw new Error(`OSV has no ${id}`)
    return record
  }
}

const logs: string[] = []
const logger: Logger = {
  info: m => logs.push(m),
  warn: m => logs.push(m),
  error: m => logs.push(m),
  debug: m => logs.push(m),
  secret: () => undefined,
  group: async (_n, fn) => fn()
}

function row(
  decision: 'pin' | 'update',
  to: Digest,
  from?: Digest,
  extra: Partial<PlanRow> = {}
): PlanRow {
  return {
    file: 'Dockerfile',
    line: 1,
    image: 'alpine:3.20',
    source: 'from',
    key: KEY,
    ...(from === undefined ? {} : { currentDigest: from }),
    newDigest: to,
    decision,
    warnings: [],
    ...extra
  }
}

function planOf(rows: PlanRow[], resolutions: Resolution[] = []): Plan {
  return { rows, files: [], resolutions }
}

const alpineOld: SeedPackage[] = [
  { name: 'busybox', version: '1.36.1-r29' },
  { name: 'libcrypto3', version: '3.3.2-r0', source: 'openssl' },
  { name: 'libssl3', version: '3.3.2-r0', source: 'openssl' },
  { name: 'zlib', version: '1.3.1-r1' }
]
const alpineNew: SeedPackage[] = [
  { name: 'busybox', version: '1.36.1-r29' },
  { name: 'libcrypto3', version: '3.3.3-r0', source: 'openssl' },
  { name: 'libssl3', version: '3.3.3-r0', source: 'openssl' },
  { name: 'musl', version: '1.2.5-r0' }
]

const osvAlpine = () =>
  new MemoryOsv(
    {
      'Alpine:v3.20/openssl@3.3.2-r0': [
        'ALPINE-CVE-2024-13176',
        'ALPINE-CVE-2024-9143'
      ],
      'Alpine:v3.20/openssl@3.3.3-r0': ['ALPINE-CVE-2024-9143'],
      'Alpine:v3.20/zlib@1.3.1-r1': ['ALPINE-CVE-2023-45853'],
      'Alpine:v3.20/musl@1.2.5-r0': ['ALPINE-CVE-2025-26519']
    },
    {
      'ALPINE-CVE-2024-13176': {
        id: 'ALPINE-CVE-2024-13176',
        upstream: ['CVE-2024-13176'],
        details:
          'Issue summary: A timing side-channel in ECDSA signature computations.',
        severity: [
          {
            type: 'CVSS_V3',
            score: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N'
          }
        ]
      },
      'ALPINE-CVE-2023-45853': {
        id: 'ALPINE-CVE-2023-45853',
        upstream: ['CVE-2023-45853'],
        withdrawn: '2024-02-01T00:00:00Z'
      },
      'ALPINE-CVE-2025-26519': {
        id: 'ALPINE-CVE-2025-26519',
        upstream: ['CVE-2025-26519'],
        summary: 'musl iconv EUC-KR decoder'
      }
    }
  )

const base = (tag: string, over: Partial<VersionSpec> = {}): VersionSpec => ({
  repository: REPO,
  tag,
  platforms: ['linux/amd64', 'linux/arm64/v8'],
  ...over
})

function whyOf(part: Part<unknown> | undefined): string | undefined {
  return part === undefined || part.kind === 'found' ? undefined : part.why
}

const options: EvidenceOptions = { platforms: [], osv: true }

describe('gatherEvidence', () => {
  it('legacy attestations: platforms, source compare link from provenance, package delta, fixed and introduced', async () => {
    const source = new MemorySource()
    const old = put(
      source,
      base('old', {
        sbom: { style: 'scout-alpine', packages: alpineOld },
        provenance: { slsa: 'v0.2', repo: GIT, revision: REV_OLD }
      })
    )
    const next = put(
      source,
      base('new', {
        sbom: { style: 'scout-alpine', packages: alpineNew },
        provenance: { slsa: 'v0.2', repo: GIT, revision: REV_NEW }
      })
    )
    const osv = osvAlpine()
    const result = await gatherEvidence(
      planOf([row('update', next.index, old.index)]),
      options,
      { source, osv, logger },
      () => AT
    )
    expect([...result.keys()]).toEqual([
      evidenceKey(KEY, old.index, next.index)
    ])
    const evidence = result.get(evidenceKey(KEY, old.index, next.index))
    expect(evidence?.platforms).toEqual({
      kind: 'found',
      value: [
        {
          platform: 'linux/amd64',
          change: 'changed',
          counted: true,
          from: old.manifests['linux/amd64'],
          to: next.manifests['linux/amd64']
        },
        {
          platform: 'linux/arm64/v8',
          change: 'changed',
          counted: true,
          from: old.manifests['linux/arm64/v8'],
          to: next.manifests['linux/arm64/v8']
        }
      ]
    })
    expect(evidence?.source).toEqual({
      kind: 'found',
      value: {
        old: { url: GIT, revision: REV_OLD, from: 'provenance' },
        new: { url: GIT, revision: REV_NEW, from: 'provenance' },
        link: { kind: 'compare', url: `${GIT}/compare/${REV_OLD}...${REV_NEW}` }
      }
    })
    expect(evidence?.packages.kind).toBe('found')
    if (evidence?.packages.kind !== 'found') return
    expect(evidence.packages.value.platform).toBe('linux/amd64')
    expect(evidence.packages.value.ecosystem).toBe('Alpine:v3.20')
    // (Scout lists the origin openssl too; whether it counts is spdx.ts's call)
    expect(evidence.packages.value.oldCount).toBeGreaterThanOrEqual(4)
    expect(
      evidence.packages.value.changes.map(c => [
        c.change,
        c.name,
        c.oldVersion,
        c.newVersion
      ])
    ).toEqual(
      expect.arrayContaining([
        ['updated', 'libcrypto3', '3.3.2-r0', '3.3.3-r0'],
        ['updated', 'libssl3', '3.3.2-r0', '3.3.3-r0'],
        ['added', 'musl', undefined, '1.2.5-r0'],
        ['removed', 'zlib', '1.3.1-r1', undefined]
      ])
    )
    // one batch, source names, old and new versions once each
    expect(osv.batches).toEqual([
      [
        { ecosystem: 'Alpine:v3.20', name: 'openssl', version: '3.3.2-r0' },
        { ecosystem: 'Alpine:v3.20', name: 'openssl', version: '3.3.3-r0' },
        { ecosystem: 'Alpine:v3.20', name: 'musl', version: '1.2.5-r0' },
        { ecosystem: 'Alpine:v3.20', name: 'zlib', version: '1.3.1-r1' }
      ]
    ])
    // records only for the ids that differ (not ALPINE-CVE-2024-9143)
    expect([...osv.fetched].sort()).toEqual([
      'ALPINE-CVE-2023-45853',
      'ALPINE-CVE-2024-13176',
      'ALPINE-CVE-2025-26519'
    ])
    expect(evidence.vulnerabilities).toEqual({
      kind: 'found',
      value: {
        ecosystem: 'Alpine:v3.20',
        fixed: [
          {
            id: 'ALPINE-CVE-2024-13176',
            cves: ['CVE-2024-13176'],
            severity: 'medium 5.9',
            summary:
              'Issue summary: A timing side-channel in ECDSA signature computations.',
            url: 'https://osv.dev/vulnerability/ALPINE-CVE-2024-13176',
            packages: ['openssl']
          }
        ],
        introduced: [
          {
            id: 'ALPINE-CVE-2025-26519',
            cves: ['CVE-2025-26519'],
            summary: 'musl iconv EUC-KR decoder',
            url: 'https://osv.dev/vulnerability/ALPINE-CVE-2025-26519',
            packages: ['musl']
          }
        ],
        notChecked: []
      }
    })
  })

  it('OCI-artifact attestations with DSSE-wrapped in-toto v1 statements (syft, Debian); source from descriptor annotations', async () => {
    const source = new MemorySource()
    const deb = (v: string): SeedPackage[] => [
      { name: 'libssl3', version: v, source: 'openssl' },
      { name: 'tzdata', version: '2024a-0+deb12u1' }
    ]
    const spec = (tag: string, v: string, rev: string) =>
      base(tag, {
        attestationFormat: 'oci',
        statement: 'v1',
        dsse: true,
        interleave: true,
        sbom: { style: 'syft-debian', packages: deb(v) },
        provenance: {
          slsa: 'v1',
          repo: 'https://github.com/other/ignored',
          revision: rev
        },
        annotations: {
          descriptor: sourceAnnotations(
            'https://github.com/docker-library/debian',
            rev,
            'bookworm/slim'
          )
        }
      })
    const old = put(source, spec('old', '3.0.15-1~deb12u1', REV_OLD))
    const next = put(source, spec('new', '3.0.16-1~deb12u1', REV_NEW))
    const osv = new MemoryOsv(
      {
        'Debian:12/openssl@3.0.15-1~deb12u1': [
          'DSA-5621-1',
          'DEBIAN-CVE-2024-0727'
        ]
      },
      {
        'DSA-5621-1': {
          id: 'DSA-5621-1',
          aliases: ['CVE-2024-0727'],
          summary: 'openssl - security update'
        },
        'DEBIAN-CVE-2024-0727': {
          id: 'DEBIAN-CVE-2024-0727',
          upstream: ['CVE-2024-0727']
        }
      }
    )
    const result = await gatherEvidence(
      planOf([row('update', next.index, old.index)]),
      options,
      { source, osv, logger },
      () => AT
    )
    const evidence = result.get(evidenceKey(KEY, old.index, next.index))
    expect(evidence?.source).toEqual({
      kind: 'found',
      value: {
        old: {
          url: 'https://github.com/docker-library/debian',
          revision: REV_OLD,
          path: 'bookworm/slim',
          from: 'descriptor'
        },
        new: {
          url: 'https://github.com/docker-library/debian',
          revision: REV_NEW,
          path: 'bookworm/slim',
          from: 'descriptor'
        },
        link: {
          kind: 'compare',
          url: `https://github.com/docker-library/debian/compare/${REV_OLD}...${REV_NEW}`
        }
      }
    })
    expect(
      evidence?.packages.kind === 'found' && evidence.packages.value.ecosystem
    ).toBe('Debian:12')
    expect(
      evidence?.packages.kind === 'found' && evidence.packages.value.changes
    ).toEqual([
      {
        change: 'updated',
        type: 'deb',
        name: 'libssl3',
        source: 'openssl',
        oldVersion: '3.0.15-1~deb12u1',
        newVersion: '3.0.16-1~deb12u1'
      }
    ])
    expect(
      evidence?.vulnerabilities.kind === 'found' &&
        evidence.vulnerabilities.value.fixed.map(v => [v.id, v.cves])
    ).toEqual([
      ['DEBIAN-CVE-2024-0727', ['CVE-2024-0727']],
      ['DSA-5621-1', ['CVE-2024-0727']]
    ])
  })

  it('no SBOM for the platform that counts: packages absent, said plainly; vulnerabilities follow', async () => {
    const source = new MemorySource()
    const spec = (tag: string, pkgs: SeedPackage[]) =>
      base(tag, {
        platforms: ['linux/amd64', 'linux/arm/v6'],
        sbom: { 'linux/amd64': { style: 'scout-alpine', packages: pkgs } },
        provenance: {
          slsa: 'v0.2',
          repo: GIT,
          revision: tag === 'old' ? REV_OLD : REV_NEW
        }
      })
    const old = put(source, spec('old', alpineOld))
    const next = put(source, spec('new', alpineNew))
    const rows = [
      row('update', next.index, old.index, { platform: 'linux/arm/v6' })
    ]
    const result = await gatherEvidence(
      planOf(rows),
      options,
      { source, osv: osvAlpine(), logger },
      () => AT
    )
    const evidence = result.get(evidenceKey(KEY, old.index, next.index))
    expect(evidence?.packages).toEqual({
      kind: 'absent',
      why: 'no SBOM published for linux/arm/v6'
    })
    expect(evidence?.vulnerabilities).toEqual({
      kind: 'absent',
      why: 'no package delta: no SBOM published for linux/arm/v6'
    })
    expect(
      evidence?.platforms.kind === 'found' &&
        evidence.platforms.value.map(d => [d.platform, d.counted])
    ).toEqual([
      ['linux/amd64', false],
      ['linux/arm/v6', true]
    ])
    // provenance of the arm/v6 platform still gives the source
    expect(
      evidence?.source.kind === 'found' && evidence.source.value.link?.kind
    ).toBe('compare')
  })

  it('OSV rejecting → vulnerabilities unavailable; the other parts stand', async () => {
    const source = new MemorySource()
    const old = put(
      source,
      base('old', { sbom: { style: 'scout-alpine', packages: alpineOld } })
    )
    const next = put(
      source,
      base('new', { sbom: { style: 'scout-alpine', packages: alpineNew } })
    )
    const osv = osvAlpine()
    osv.fail = true
    const result = await gatherEvidence(
      planOf([row('update', next.index, old.index)]),
      options,
      { source, osv, logger },
      () => AT
    )
    const evidence = result.get(evidenceKey(KEY, old.index, next.index))
    expect(evidence?.vulnerabilities).toEqual({
      kind: 'unavailable',
      why: 'OSV query failed: OSV at http://127.0.0.1:1 answered 503 Service Unavailable'
    })
    expect(evidence?.packages.kind).toBe('found')
    expect(evidence?.source.kind).toBe('absent')
    expect(whyOf(evidence?.source)).toContain(
      'no source published for library/alpine'
    )
  })

  it('osv: false → absent, and OSV is never asked', async () => {
    const source = new MemorySource()
    const old = put(
      source,
      base('old', { sbom: { style: 'scout-alpine', packages: alpineOld } })
    )
    const next = put(
      source,
      base('new', { sbom: { style: 'scout-alpine', packages: alpineNew } })
    )
    const osv = osvAlpine()
    const result = await gatherEvidence(
      planOf([row('update', next.index, old.index)]),
      { platforms: [], osv: false },
      { source, osv, logger },
      () => AT
    )
    expect(
      result.get(evidenceKey(KEY, old.index, next.index))?.vulnerabilities
    ).toEqual({ kind: 'absent', why: 'OSV lookup turned off (osv: false)' })
    expect(osv.batches).toEqual([])
  })

  it('an unknown ecosystem is "not checked", never "no vulnerabilities"', async () => {
    const source = new MemorySource()
    const old = put(
      source,
      base('old', {
        sbom: { style: 'scout-alpine', release: 'weird', packages: alpineOld }
      })
    )
    const next = put(
      source,
      base('new', {
        sbom: { style: 'scout-alpine', release: 'weird', packages: alpineNew }
      })
    )
    const osv = osvAlpine()
    const result = await gatherEvidence(
      planOf([row('update', next.index, old.index)]),
      options,
      { source, osv, logger },
      () => AT
    )
    const part = result.get(
      evidenceKey(KEY, old.index, next.index)
    )?.vulnerabilities
    expect(part?.kind).toBe('found')
    if (part?.kind !== 'found') return
    expect(part.value.fixed).toEqual([])
    expect(part.value.notChecked.map(n => n.split(' ')[0])).toEqual([
      'musl',
      'openssl',
      'zlib'
    ])
    expect(osv.batches).toEqual([])
  })

  it('budget spent: every part unavailable, saying so, and the call still resolves', async () => {
    const source = new MemorySource()
    const old = put(source, base('old'))
    const next = put(source, base('new'))
    source.hang = true
    const started = Date.now()
    const result = await gatherEvidence(
      planOf([row('update', next.index, old.index)]),
      { ...options, budgetMs: 50 },
      { source, osv: osvAlpine(), logger },
      () => AT
    )
    expect(Date.now() - started).toBeLessThan(2000)
    const evidence = result.get(evidenceKey(KEY, old.index, next.index))
    const why = 'time budget of 50 ms spent'
    expect(evidence?.platforms).toEqual({ kind: 'unavailable', why })
    expect(evidence?.source).toEqual({ kind: 'unavailable', why })
    expect(evidence?.packages).toEqual({ kind: 'unavailable', why })
    expect(evidence?.vulnerabilities).toEqual({ kind: 'unavailable', why })
  })

  it('first pin: platforms all added, the new source as a commit link, packages and vulnerabilities absent', async () => {
    const source = new MemorySource()
    const next = put(
      source,
      base('new', {
        sbom: { style: 'scout-alpine', packages: alpineNew },
        annotations: { index: sourceAnnotations(GIT, REV_NEW) }
      })
    )
    const osv = osvAlpine()
    const result = await gatherEvidence(
      planOf([row('pin', next.index)]),
      options,
      { source, osv, logger },
      () => AT
    )
    const evidence = result.get(evidenceKey(KEY, undefined, next.index))
    expect(evidence?.from).toBeUndefined()
    expect(
      evidence?.platforms.kind === 'found' &&
        evidence.platforms.value.map(d => [d.platform, d.change])
    ).toEqual([
      ['linux/amd64', 'added'],
      ['linux/arm64/v8', 'added']
    ])
    expect(evidence?.source).toEqual({
      kind: 'found',
      value: {
        new: { url: GIT, revision: REV_NEW, from: 'index' },
        link: { kind: 'commit', url: `${GIT}/commit/${REV_NEW}` }
      }
    })
    expect(evidence?.packages).toEqual({
      kind: 'absent',
      why: 'first pin: nothing to compare'
    })
    expect(evidence?.vulnerabilities).toEqual({
      kind: 'absent',
      why: 'first pin: nothing to compare'
    })
    expect(osv.batches).toEqual([])
  })

  it('a failed read never rejects; platforms fall back on what resolving read', async () => {
    const source = new MemorySource()
    const old = put(source, base('old'))
    const next = put(source, base('new'))
    source.items.delete(old.index)
    const resolved: Resolution = {
      kind: 'resolved',
      key: KEY,
      digest: next.index,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        {
          platform: { os: 'linux', architecture: 'amd64' },
          digest: next.manifests['linux/amd64'] as Digest,
          mediaType: 'x'
        }
      ],
      previousManifests: {
        [old.index]: [
          {
            platform: { os: 'linux', architecture: 'amd64' },
            digest: old.manifests['linux/amd64'] as Digest,
            mediaType: 'x'
          }
        ]
      }
    }
    const result = await gatherEvidence(
      planOf([row('update', next.index, old.index)], [resolved]),
      options,
      { source, osv: osvAlpine(), logger },
      () => AT
    )
    const evidence = result.get(evidenceKey(KEY, old.index, next.index))
    expect(
      evidence?.platforms.kind === 'found' &&
        evidence.platforms.value.map(d => d.change)
    ).toEqual(['changed'])
    expect(evidence?.packages.kind).toBe('unavailable')
    expect(whyOf(evidence?.packages)).toContain('not found (404)')
    expect(logs.some(l => l.includes('packages unavailable'))).toBe(true)
  })

  it('one entry per distinct (key, from, to); skipped and up-to-date rows get none; an unknown location is said', async () => {
    const source = new MemorySource()
    const old = put(source, base('old'))
    const next = put(source, base('new'))
    const rows = [
      row('update', next.index, old.index, { line: 1 }),
      row('update', next.index, old.index, { file: 'b/Dockerfile', line: 3 }),
      row('pin', next.index),
      { ...row('update', next.index, old.index), decision: 'skipped' as const },
      {
        ...row('update', next.index, old.index),
        key: 'docker.io/library/x:1',
        decision: 'up to date' as const
      }
    ]
    const result = await gatherEvidence(
      planOf(rows),
      options,
      { source, logger },
      () => AT
    )
    expect([...result.keys()].sort()).toEqual(
      [
        evidenceKey(KEY, old.index, next.index),
        evidenceKey(KEY, undefined, next.index)
      ].sort()
    )
    // the new index was read once for both entries
    expect(
      source.reads.filter(r => r === `manifest ${next.index}`)
    ).toHaveLength(1)
    const none = await gatherEvidence(
      planOf([rows[0] as PlanRow]),
      options,
      { source, logger },
      () => undefined
    )
    expect([...none.values()][0]?.packages).toEqual({
      kind: 'unavailable',
      why: `no registry location known for ${KEY}: its evidence was not read`
    })
  })

  it('an SBOM over the size cap is not read', async () => {
    const source = new MemorySource()
    const old = put(
      source,
      base('old', { sbom: { style: 'scout-alpine', packages: alpineOld } })
    )
    const next = put(
      source,
      base('new', { sbom: { style: 'scout-alpine', packages: alpineNew } })
    )
    const sboms = [...old.sboms, ...next.sboms]
    expect(sboms.length).toBe(4)
    const result = await gatherEvidence(
      planOf([row('update', next.index, old.index)]),
      { ...options, sbomMaxBytes: 200 },
      { source, logger },
      () => AT
    )
    const packages = result.get(
      evidenceKey(KEY, old.index, next.index)
    )?.packages
    expect(packages?.kind).toBe('unavailable')
    expect(whyOf(packages)).toMatch(
      /^the new SBOM of library\/alpine for linux\/amd64 is \d+ bytes, over the 200 bytes cap: not read$/
    )
    expect(
      source.reads.filter(r => sboms.some(d => r === `blob ${d}`))
    ).toEqual([])
  })

  it('an index source without a revision takes the revision of a later place naming the same repository', async () => {
    const source = new MemorySource()
    const spec = (tag: string, rev: string) =>
      base(tag, {
        annotations: {
          index: { 'org.opencontainers.image.source': `${GIT}.git` }
        },
        provenance: { slsa: 'v1', repo: GIT, revision: rev }
      })
    const old = put(source, spec('old', REV_OLD))
    const next = put(source, spec('new', REV_NEW))
    const result = await gatherEvidence(
      planOf([row('update', next.index, old.index)]),
      options,
      { source, logger },
      () => AT
    )
    expect(result.get(evidenceKey(KEY, old.index, next.index))?.source).toEqual(
      {
        kind: 'found',
        value: {
          old: { url: GIT, revision: REV_OLD, from: 'index' },
          new: { url: GIT, revision: REV_NEW, from: 'index' },
          link: {
            kind: 'compare',
            url: `${GIT}/compare/${REV_OLD}...${REV_NEW}`
          }
        }
      }
    )
  })

  it('a single-platform pin: the platform from what resolving read, the source from config labels', async () => {
    const source = new MemorySource()
    const image = (rev: string) => {
      const config = jsonBlob(
        {
          architecture: 'amd64',
          os: 'linux',
          config: {
            Labels: {
              'org.label-schema.vcs-url': 'https://gitlab.com/group/app.git',
              'org.label-schema.vcs-ref': rev
            }
          },
          rootfs: { type: 'layers', diff_ids: [] }
        },
        MEDIA.ociConfig
      )
      const manifest = jsonBlob(
        {
          schemaVersion: 2,
          mediaType: MEDIA.ociManifest,
          config: descriptor(config),
          layers: []
        },
        MEDIA.ociManifest
      )
      source.add(config)
      source.add(manifest)
      return manifest.digest as Digest
    }
    const from = image(REV_OLD)
    const to = image(REV_NEW)
    const amd64 = { os: 'linux', architecture: 'amd64' }
    const resolved: Resolution = {
      kind: 'resolved',
      key: KEY,
      digest: `sha256:${'e'.repeat(64)}` as Digest,
      mediaType: MEDIA.ociIndex,
      manifests: [
        { platform: amd64, digest: to, mediaType: MEDIA.ociManifest }
      ],
      platformPins: { [from]: to }
    }
    const result = await gatherEvidence(
      planOf([row('update', to, from)], [resolved]),
      options,
      { source, logger },
      () => AT
    )
    const evidence = result.get(evidenceKey(KEY, from, to))
    expect(evidence?.platforms).toEqual({
      kind: 'found',
      value: [
        { platform: 'linux/amd64', change: 'changed', counted: true, from, to }
      ]
    })
    expect(evidence?.source).toEqual({
      kind: 'found',
      value: {
        old: {
          url: 'https://gitlab.com/group/app',
          revision: REV_OLD,
          from: 'config'
        },
        new: {
          url: 'https://gitlab.com/group/app',
          revision: REV_NEW,
          from: 'config'
        },
        link: {
          kind: 'compare',
          url: `https://gitlab.com/group/app/-/compare/${REV_OLD}...${REV_NEW}`
        }
      }
    })
    expect(evidence?.packages.kind).toBe('absent')
    expect(whyOf(evidence?.packages)).toContain('single-platform manifest')
  })
})
