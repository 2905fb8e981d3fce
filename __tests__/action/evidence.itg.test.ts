/**
 * Issue 9 end to end: the built Action (dist/index.js) against the real
 * Distribution registry seeded with attested images (both attestation
 * formats, Scout and syft SBOMs, DSSE, provenance and DOI-style source
 * annotations), the OSV stand-in and the GitHub stand-in. The pull request
 * shows what each bump fixes, its package delta and its source compare
 * link; OSV faults and `osv: false` never block it; a bump that changes
 * only attestations or an architecture the user does not build is not
 * proposed.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { parseProposedPlan } from '../../src/core/publish/proposed-plan.js'
import { runAction } from '../support/action-runner.js'
import type { ActionRun } from '../support/action-runner.js'
import {
  seedAttestationOnlyBump,
  seedOtherArchitectureBump,
  seedPackageBump,
  sourceAnnotations
} from '../support/attestations.js'
import type { Bump, SeedPackage } from '../support/attestations.js'
import { startGitHubStandIn } from '../support/github-stand-in.js'
import type { GitHubStandIn } from '../support/github-stand-in.js'
import { startOsvStandIn } from '../support/osv-stand-in.js'
import type { OsvStandIn, OsvStandInRecord } from '../support/osv-stand-in.js'
import { startRegistry } from '../support/registry.js'
import type { TestRegistry } from '../support/registry.js'

const TOKEN = 'ghs_evidencetesttoken'
const ALPINE_REPO = 'https://github.com/alpinelinux/docker-alpine'
const R1 = '3f2b0f1c5d6e7a8b9c0d1e2f3a4b5c6d7e8f9a0b'
const R2 = '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d'
const DEBIAN_REPO = 'https://github.com/debuerreotype/docker-debian-artifacts'
const D1 = '1111111111111111111111111111111111111111'
const D2 = '2222222222222222222222222222222222222222'

const ALPINE_OLD = '3.3.1-r0'
const ALPINE_NEW = '3.3.2-r0'
const DEBIAN_OLD = '3.0.14-1~deb12u1'
const DEBIAN_NEW = '3.0.15-1~deb12u1'

function alpinePackages(openssl: string): SeedPackage[] {
  return [
    { name: 'busybox', version: '1.36.1-r29' },
    { name: 'libcrypto3', version: openssl, source: 'openssl' },
    { name: 'libssl3', version: openssl, source: 'openssl' }
  ]
}

function debianPackages(openssl: string): SeedPackage[] {
  return [
    { name: 'base-files', version: '12.4+deb12u7' },
    { name: 'libssl3', version: openssl, source: 'openssl' }
  ]
}

const affects = (ecosystem: string, versions: string[]) => [
  { package: { ecosystem, name: 'openssl' }, versions }
]

const RECORDS: OsvStandInRecord[] = [
  {
    id: 'ALPINE-CVE-2024-5535',
    modified: '2024-10-01T00:00:00Z',
    upstream: ['CVE-2024-5535'],
    summary: 'SSL_select_next_proto buffer overread',
    severity: [
      {
        type: 'CVSS_V3',
        score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:H'
      }
    ],
    affected: affects('Alpine:v3.20', [ALPINE_OLD])
  },
  {
    id: 'ALPINE-CVE-2024-2511',
    modified: '2024-10-01T00:00:00Z',
    upstream: ['CVE-2024-2511'],
    affected: affects('Alpine:v3.20', [ALPINE_OLD, ALPINE_NEW])
  },
  {
    id: 'DSA-5764-1',
    modified: '2024-09-01T00:00:00Z',
    summary: 'openssl - security update',
    upstream: ['CVE-2024-6119'],
    affected: affects('Debian:12', [DEBIAN_OLD])
  },
  {
    id: 'DEBIAN-CVE-2024-13176',
    modified: '2025-01-20T00:00:00Z',
    upstream: ['CVE-2024-13176'],
    affected: affects('Debian:12', [DEBIAN_NEW])
  }
]

let registry: TestRegistry
let alpine: Bump
let debian: Bump
let node: Bump
let golang: Bump
const standIns: GitHubStandIn[] = []
const osvs: OsvStandIn[] = []

beforeAll(async () => {
  registry = await startRegistry()
  const platforms = ['linux/amd64', 'linux/arm64']
  alpine = await seedPackageBump(
    registry,
    {
      repository: 'library/alpine',
      tag: '3.20',
      platforms,
      attestationFormat: 'legacy',
      sbom: { style: 'scout-alpine', packages: alpinePackages(ALPINE_OLD) },
      provenance: { slsa: 'v0.2', repo: ALPINE_REPO, revision: R1 },
      annotations: { index: sourceAnnotations(ALPINE_REPO, R1, 'x86_64') }
    },
    {
      sbom: { style: 'scout-alpine', packages: alpinePackages(ALPINE_NEW) },
      provenance: { slsa: 'v0.2', repo: ALPINE_REPO, revision: R2 },
      annotations: { index: sourceAnnotations(ALPINE_REPO, R2, 'x86_64') }
    }
  )
  debian = await seedPackageBump(
    registry,
    {
      repository: 'library/debian',
      tag: '12-slim',
      platforms: ['linux/amd64'],
      attestationFormat: 'oci',
      statement: 'v1',
      dsse: true,
      sbom: { style: 'syft-debian', packages: debianPackages(DEBIAN_OLD) },
      provenance: { slsa: 'v1', repo: DEBIAN_REPO, revision: D1 }
    },
    {
      sbom: { style: 'syft-debian', packages: debianPackages(DEBIAN_NEW) },
      provenance: { slsa: 'v1', repo: DEBIAN_REPO, revision: D2 }
    }
  )
  const quiet = {
    sbom: { style: 'scout-alpine', packages: alpinePackages(ALPINE_NEW) },
    provenance: { slsa: 'v1', repo: ALPINE_REPO, revision: R2 }
  } as const
  node = await seedAttestationOnlyBump(registry, {
    repository: 'library/node',
    tag: '20',
    platforms,
    ...quiet
  })
  golang = await seedOtherArchitectureBump(registry, {
    repository: 'library/golang',
    tag: '1.23',
    platforms: ['linux/amd64', 'linux/s390x'],
    ...quiet
  })
})
afterAll(async () => {
  await registry.stop()
})
afterEach(async () => {
  for (const o of osvs.splice(0)) {
    try {
      expect(o.violations()).toEqual([])
      expect(o.responseViolations).toEqual([])
    } finally {
      await o.close()
    }
  }
  for (const s of standIns.splice(0)) {
    try {
      expect(s.violations).toEqual([])
    } finally {
      await s.stop()
    }
  }
})

async function osvStandIn(): Promise<OsvStandIn> {
  const o = await startOsvStandIn({ records: RECORDS })
  osvs.push(o)
  return o
}

async function standIn(files: Record<string, string>): Promise<GitHubStandIn> {
  const s = await startGitHubStandIn({
    owner: 'acme',
    repo: 'shop',
    token: TOKEN,
    files
  })
  standIns.push(s)
  return s
}

const bumpedFiles = (): Record<string, string> => ({
  Dockerfile: `FROM alpine:3.20@${alpine.old.indexDigest}\nRUN make\n`,
  'debian/Dockerfile': `FROM debian:12-slim@${debian.old.indexDigest}\n`
})

async function act(
  s: GitHubStandIn,
  inputs: Record<string, string>
): Promise<ActionRun> {
  const run = await runAction({
    apiUrl: s.url,
    repository: 'acme/shop',
    token: TOKEN,
    inputs: { 'registry-map': `docker.io=${registry.host}`, ...inputs }
  })
  expect(run.code, run.stdout + run.stderr).toBe(0)
  return run
}

interface UpdateEntry {
  readonly image?: string
  readonly evidence?: {
    readonly vulnerabilities?: {
      readonly status: string
      readonly fixed?: { id: string; cves: string[]; severity: unknown }[]
      readonly introduced?: { id: string }[]
    }
    readonly packages?: {
      readonly status: string
      readonly changes?: { name: string; from: string; to: string }[]
    }
    readonly source?: { readonly status: string; readonly link?: string }
  } | null
}

function updates(run: ActionRun): UpdateEntry[] {
  return JSON.parse(run.outputs['updates'] ?? '[]') as UpdateEntry[]
}

describe('evidence in the pull request', () => {
  it('shows the fixed and introduced vulnerabilities, the package delta and the compare link', async () => {
    const osv = await osvStandIn()
    const s = await standIn(bumpedFiles())

    const run = await act(s, { 'osv-url': osv.url })

    expect(run.outputs['pull-request-operation']).toBe('created')
    expect(s.pulls).toHaveLength(1)
    const pull = s.pulls[0]
    expect(pull?.title).toMatch(/fixes 2 vulnerabilities/)
    const body = pull?.body ?? ''
    for (const id of ['ALPINE-CVE-2024-5535', 'CVE-2024-5535', 'DSA-5764-1'])
      expect(body).toContain(id)
    expect(body).toContain('CVE-2024-6119')
    expect(body).toContain('https://osv.dev/vulnerability/ALPINE-CVE-2024-5535')
    // Affects the old and the new version: neither fixed nor introduced.
    expect(body).not.toContain('ALPINE-CVE-2024-2511')
    expect(body).toMatch(/introduces 1 vulnerabilit/)
    expect(body).toContain('DEBIAN-CVE-2024-13176')
    expect(body).toMatch(/critical/i)
    expect(body).toMatch(/libssl3[^\n]*3\.3\.1-r0[^\n]*→[^\n]*3\.3\.2-r0/)
    expect(body).toMatch(/libcrypto3[^\n]*3\.3\.1-r0[^\n]*→[^\n]*3\.3\.2-r0/)
    expect(body).toMatch(
      /libssl3[^\n]*3\.0\.14-1~deb12u1[^\n]*→[^\n]*3\.0\.15-1~deb12u1/
    )
    expect(body).toContain(`${ALPINE_REPO}/compare/${R1}...${R2}`)
    expect(body).toContain(`${DEBIAN_REPO}/compare/${D1}...${D2}`)
    expect(body).not.toContain('busybox')
    expect(parseProposedPlan(body)?.targets).toEqual({
      'Dockerfile docker.io/library/alpine:3.20': alpine.new.indexDigest,
      'debian/Dockerfile docker.io/library/debian:12-slim':
        debian.new.indexDigest
    })

    const entries = updates(run)
    expect(entries).toHaveLength(2)
    const alpineEntry = entries.find(e => e.image?.includes('alpine'))
    expect(alpineEntry?.evidence?.vulnerabilities).toMatchObject({
      status: 'found',
      fixed: [{ id: 'ALPINE-CVE-2024-5535', cves: ['CVE-2024-5535'] }],
      introduced: []
    })
    expect(alpineEntry?.evidence?.source?.link).toBe(
      `${ALPINE_REPO}/compare/${R1}...${R2}`
    )
    expect(alpineEntry?.evidence?.packages?.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'libssl3',
          from: ALPINE_OLD,
          to: ALPINE_NEW
        })
      ])
    )
    const debianEntry = entries.find(e => e.image?.includes('debian'))
    expect(debianEntry?.evidence?.vulnerabilities).toMatchObject({
      status: 'found',
      fixed: [{ id: 'DSA-5764-1' }],
      introduced: [{ id: 'DEBIAN-CVE-2024-13176' }]
    })
    expect(run.summary).toContain('ALPINE-CVE-2024-5535')

    // OSV was asked with source package names, and records were read only
    // for the ids that differ between the old and the new versions.
    const queries = osv.batches().flat() as {
      package?: { name?: string; ecosystem?: string }
    }[]
    expect(queries.length).toBeGreaterThan(0)
    expect(new Set(queries.map(q => q.package?.name))).toEqual(
      new Set(['openssl'])
    )
    expect(new Set(queries.map(q => q.package?.ecosystem))).toEqual(
      new Set(['Alpine:v3.20', 'Debian:12'])
    )
    const fetched = osv.requests
      .filter(r => r.operation === 'vulns')
      .map(r => decodeURIComponent(r.path.replace('/v1/vulns/', '')))
    expect(fetched.sort()).toEqual([
      'ALPINE-CVE-2024-5535',
      'DEBIAN-CVE-2024-13176',
      'DSA-5764-1'
    ])
  })

  it.each([
    {
      name: '500 on every attempt',
      fault: { kind: 'status', status: 500 } as const,
      why: /OSV[^\n]*500/
    },
    {
      name: 'an answer that is not JSON',
      fault: { kind: 'garbage' } as const,
      why: /OSV[^\n]*not JSON/
    }
  ])(
    'an OSV fault ($name) blocks nothing: the pull request opens and says the lookup was unavailable',
    async ({ fault, why }) => {
      const osv = await osvStandIn()
      osv.setFault(fault)
      const s = await standIn(bumpedFiles())

      const run = await act(s, { 'osv-url': osv.url })

      expect(run.outputs['pull-request-operation']).toBe('created')
      expect(osv.requests.length).toBeGreaterThan(0)
      const body = s.pulls[0]?.body ?? ''
      expect(s.pulls[0]?.title).not.toMatch(/fixes/)
      expect(body).toMatch(/vulnerabilities: evidence unavailable: [^\n]*OSV/i)
      expect(body).toMatch(why)
      // The rest of the evidence is still there.
      expect(body).toContain(`${ALPINE_REPO}/compare/${R1}...${R2}`)
      expect(body).toMatch(/libssl3[^\n]*3\.3\.1-r0[^\n]*→[^\n]*3\.3\.2-r0/)
      expect(
        updates(run).map(e => e.evidence?.vulnerabilities?.status)
      ).toEqual(['unavailable', 'unavailable'])
    }
  )

  it('osv: false sends nothing to OSV and says the lookup is off', async () => {
    const osv = await osvStandIn()
    const s = await standIn(bumpedFiles())

    const run = await act(s, { 'osv-url': osv.url, osv: 'false' })

    expect(run.outputs['pull-request-operation']).toBe('created')
    expect(osv.requests).toEqual([])
    const body = s.pulls[0]?.body ?? ''
    expect(body).toContain('OSV lookup turned off (osv: false)')
    expect(body).toContain(`${ALPINE_REPO}/compare/${R1}...${R2}`)
    expect(updates(run).map(e => e.evidence?.vulnerabilities?.status)).toEqual([
      'absent',
      'absent'
    ])
  })

  it('does not propose an attestation-only bump or one that changes only an architecture not built', async () => {
    const osv = await osvStandIn()
    const s = await standIn({
      Dockerfile: `FROM alpine:3.20@${alpine.old.indexDigest}\n`,
      'node/Dockerfile': `FROM node:20@${node.old.indexDigest}\n`,
      'go/Dockerfile': `FROM golang:1.23@${golang.old.indexDigest}\n`
    })

    const run = await act(s, {
      'osv-url': osv.url,
      platforms: 'linux/amd64'
    })

    expect(run.outputs['pull-request-operation']).toBe('created')
    expect(s.pulls).toHaveLength(1)
    const body = s.pulls[0]?.body ?? ''
    expect(parseProposedPlan(body)?.targets).toEqual({
      'Dockerfile docker.io/library/alpine:3.20': alpine.new.indexDigest
    })
    // Said as skipped, in the body and in the job summary.
    expect(body).toMatch(/node\/Dockerfile[^\n]*attestations only/)
    expect(body).toMatch(/go\/Dockerfile[^\n]*only linux\/s390x changed/)
    expect(await s.readFile('freshbase/all', 'node/Dockerfile')).toBe(
      `FROM node:20@${node.old.indexDigest}\n`
    )
    expect(await s.readFile('freshbase/all', 'go/Dockerfile')).toBe(
      `FROM golang:1.23@${golang.old.indexDigest}\n`
    )
    expect(JSON.parse(run.outputs['changed-files'] ?? '')).toEqual([
      'Dockerfile'
    ])
    expect(run.summary).toContain('attestations only')
    expect(run.summary).toContain('only linux/s390x changed')

    // The open pull request is not touched for the bumps not proposed.
    const before = s.pulls[0]
    const writes = s.writes().length
    const again = await act(s, {
      'osv-url': osv.url,
      platforms: 'linux/amd64'
    })
    expect(again.outputs['pull-request-operation']).toBe('unchanged')
    expect(s.writes().length).toBe(writes)
    expect(s.pulls[0]).toEqual(before)
  })

  it('opens no pull request when every bump is not proposed', async () => {
    const s = await standIn({
      'node/Dockerfile': `FROM node:20@${node.old.indexDigest}\n`,
      'go/Dockerfile': `FROM golang:1.23@${golang.old.indexDigest}\n`
    })

    const run = await act(s, { osv: 'false', platforms: 'linux/amd64' })

    expect(s.pulls).toEqual([])
    expect(s.writes()).toEqual([])
    expect(run.outputs['updated']).toBe('false')
    expect(run.summary).toContain('attestations only')
    expect(run.summary).toContain('only linux/s390x changed')
  })
})
