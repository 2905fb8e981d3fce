/**
 * Issue 9 in the CLI: `check --explain` prints per bump what it brings —
 * the summary line, the vulnerabilities it fixes, the package delta and the
 * source compare link — read from the real Distribution registry (an
 * attested Alpine image whose tag moved) and the OSV stand-in; `--json
 * --explain` carries the same evidence per row.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/main.js'
import { seedPackageBump, sourceAnnotations } from '../support/attestations.js'
import type { Bump, SeedPackage } from '../support/attestations.js'
import { startOsvStandIn } from '../support/osv-stand-in.js'
import type { OsvStandIn } from '../support/osv-stand-in.js'
import { startRegistry } from '../support/registry.js'
import type { TestRegistry } from '../support/registry.js'

const REPO = 'https://github.com/alpinelinux/docker-alpine'
const R1 = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
const R2 = 'f0e1d2c3b4a5968778695a4b3c2d1e0f98765432'

function packages(openssl: string): SeedPackage[] {
  return [
    { name: 'busybox', version: '1.36.1-r29' },
    { name: 'libssl3', version: openssl, source: 'openssl' }
  ]
}

let work: string
let registry: TestRegistry
let alpine: Bump
let osv: OsvStandIn

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'freshbase-explain-'))
  registry = await startRegistry()
  alpine = await seedPackageBump(
    registry,
    {
      repository: 'library/alpine',
      tag: '3.20',
      platforms: ['linux/amd64', 'linux/arm64'],
      sbom: { style: 'scout-alpine', packages: packages('3.3.1-r0') },
      annotations: { index: sourceAnnotations(REPO, R1, 'x86_64') }
    },
    {
      sbom: { style: 'scout-alpine', packages: packages('3.3.2-r0') },
      annotations: { index: sourceAnnotations(REPO, R2, 'x86_64') }
    }
  )
  osv = await startOsvStandIn({
    records: [
      {
        id: 'ALPINE-CVE-2024-5535',
        upstream: ['CVE-2024-5535'],
        summary: 'SSL_select_next_proto buffer overread',
        severity: [
          {
            type: 'CVSS_V3',
            score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:H'
          }
        ],
        affected: [
          {
            package: { ecosystem: 'Alpine:v3.20', name: 'openssl' },
            versions: ['3.3.1-r0']
          }
        ]
      }
    ]
  })
})
afterAll(async () => {
  await osv.close()
  await registry.stop()
  await rm(work, { recursive: true, force: true })
})
afterEach(() => {
  expect(osv.violations()).toEqual([])
  expect(osv.responseViolations).toEqual([])
})

async function cli(args: string[]): Promise<{ code: number; stdout: string }> {
  const out: string[] = []
  const code = await runCli(
    [...args, '--registry-map', `docker.io=${registry.host}`],
    {
      stdout: text => out.push(text),
      stderr: () => {},
      env: {
        DOCKER_CONFIG: join(work, 'no-docker-config'),
        PATH: process.env['PATH'] ?? ''
      }
    }
  )
  return { code, stdout: out.join('\n') }
}

async function repository(): Promise<string> {
  const root = join(work, 'repo')
  await mkdir(root, { recursive: true })
  await writeFile(
    join(root, 'Dockerfile'),
    `FROM alpine:3.20@${alpine.old.indexDigest}\nRUN make\n`
  )
  return root
}

describe('check --explain', () => {
  it('prints the summary line, the fixed vulnerabilities, the package delta and the compare link', async () => {
    const root = await repository()

    const result = await cli(['check', root, '--explain', '--osv-url', osv.url])

    expect(result.code).toBe(0)
    const text = result.stdout
    expect(text).toMatch(/fixes 1 vulnerability \(1 critical\)/)
    expect(text).toContain('ALPINE-CVE-2024-5535')
    expect(text).toContain('CVE-2024-5535')
    expect(text).toContain('https://osv.dev/vulnerability/ALPINE-CVE-2024-5535')
    expect(text).toMatch(/libssl3[^\n]*3\.3\.1-r0[^\n]*→[^\n]*3\.3\.2-r0/)
    expect(text).not.toMatch(/busybox/)
    expect(text).toContain(`${REPO}/compare/${R1}...${R2}`)
    expect(text).toContain(alpine.new.indexDigest)
    expect(osv.batches().flat()).toContainEqual({
      package: { ecosystem: 'Alpine:v3.20', name: 'openssl' },
      version: '3.3.1-r0'
    })
  })

  it('--json --explain rows carry the evidence with the fixed ids', async () => {
    const root = await repository()

    const result = await cli([
      'check',
      root,
      '--explain',
      '--json',
      '--osv-url',
      osv.url
    ])

    expect(result.code).toBe(0)
    const rows = (
      JSON.parse(result.stdout) as {
        rows: {
          decision: string
          newDigest?: string
          evidence?: {
            vulnerabilities?: {
              kind: string
              value?: { fixed: { id: string; cves: string[] }[] }
            }
            source?: { kind: string; value?: { link?: { url: string } } }
          }
        }[]
      }
    ).rows
    expect(rows).toHaveLength(1)
    const [row] = rows
    expect(row?.decision).toBe('update')
    expect(row?.newDigest).toBe(alpine.new.indexDigest)
    expect(row?.evidence?.vulnerabilities?.kind).toBe('found')
    expect(row?.evidence?.vulnerabilities?.value?.fixed).toEqual([
      expect.objectContaining({
        id: 'ALPINE-CVE-2024-5535',
        cves: ['CVE-2024-5535']
      })
    ])
    expect(row?.evidence?.source?.value?.link?.url).toBe(
      `${REPO}/compare/${R1}...${R2}`
    )
  })

  it('--no-osv asks OSV nothing and says the lookup is off', async () => {
    const root = await repository()
    const before = osv.requests.length

    const result = await cli([
      'check',
      root,
      '--explain',
      '--no-osv',
      '--osv-url',
      osv.url
    ])

    expect(result.code).toBe(0)
    expect(osv.requests.length).toBe(before)
    expect(result.stdout).toContain('OSV lookup turned off')
    expect(result.stdout).toContain(`${REPO}/compare/${R1}...${R2}`)
  })
})
