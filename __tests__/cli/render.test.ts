import { describe, expect, it } from 'vitest'
import { renderExplain } from '../../src/cli/explain.js'
import { renderJson, renderTable } from '../../src/cli/render.js'
import type { ImageEvidence } from '../../src/core/evidence/types.js'
import { evidenceKey } from '../../src/core/evidence/types.js'
import type { PlanRow } from '../../src/core/plan.js'
import {
  d,
  fixed,
  NODE,
  nodeEvidence,
  openssl
} from '../core/report-fixtures.js'

function table(rows: PlanRow[]): string {
  return renderTable({
    plan: { rows, files: [], resolutions: [] },
    changes: [],
    filesScanned: 1,
    uniqueImages: 1
  })
}

const update: PlanRow = {
  file: 'Dockerfile',
  line: 3,
  image: `node:20@${d('a')}`,
  key: 'docker.io/library/node:20',
  source: 'from',
  decision: 'update',
  currentDigest: d('a'),
  newDigest: d('b'),
  warnings: []
}

describe('renderTable', () => {
  it('names the line the digest is written on when an ARG holds it (issue 8 §6)', () => {
    expect(table([{ ...update, editLine: 1 }])).toContain(
      'Dockerfile:3 (digest on 1)'
    )
    expect(table([update])).not.toContain('digest on')
  })
})

describe('renderTable and renderJson: YAML rows (issue 10)', () => {
  const template: PlanRow = {
    file: 'chart/templates/deploy.yaml',
    line: 7,
    image: '',
    source: 'file',
    kind: 'kubernetes',
    decision: 'skipped',
    reason:
      'chart/templates/deploy.yaml is a template ({{ … }} on line 7), not YAML; skipped whole.',
    warnings: []
  }
  const compose: PlanRow = {
    ...update,
    file: 'compose.yaml',
    line: 4,
    source: 'compose',
    kind: 'compose',
    yamlPath: 'services.web.image'
  }
  const report = {
    plan: { rows: [template, compose], files: [], resolutions: [] },
    changes: [],
    filesScanned: 2,
    uniqueImages: 1
  }

  it('shows a skipped file once, as the whole file with its reason', () => {
    const lines = renderTable(report).split('\n')

    expect(lines[1]).toMatch(
      /^chart\/templates\/deploy\.yaml:7 +\(whole file\) +- +- +skipped: chart\/templates\/deploy\.yaml is a template/
    )
    expect(lines[2]).toMatch(/^compose\.yaml:4 +node:20@sha256:a+ /)
  })

  it('gives each JSON row its kind and YAML place', () => {
    const rows = (
      JSON.parse(renderJson(report, 'check')) as {
        rows: Record<string, unknown>[]
      }
    ).rows

    expect(
      rows.map(r => [r['source'], r['kind'], r['yamlPath'], r['image']])
    ).toEqual([
      ['file', 'kubernetes', undefined, ''],
      ['compose', 'compose', 'services.web.image', `node:20@${d('a')}`]
    ])
  })
})

describe('renderExplain', () => {
  const report = (rows: PlanRow[]) => ({
    plan: { rows, files: [], resolutions: [] },
    changes: [],
    filesScanned: 2,
    uniqueImages: 1
  })
  const rows: PlanRow[] = [
    { ...nodeRow(), editLine: 2 },
    { ...nodeRow(), line: 9, editLine: 2 },
    { ...nodeRow(), file: 'api/Dockerfile', line: 1 }
  ]

  it('prints per change the summary line, the lines it changes and the details, as plain text', () => {
    const hostile: ImageEvidence = {
      ...nodeEvidence,
      vulnerabilities: {
        kind: 'found',
        value: {
          ecosystem: 'Debian:12',
          fixed,
          introduced: [
            { ...openssl, id: 'DSA-9\u001b[2J', severity: 'critical 9.8' }
          ],
          notChecked: ['busybox: not in OSV']
        }
      }
    }
    const out = renderExplain(
      report(rows),
      new Map([[evidenceKey(NODE, d('1'), d('2')), hostile]])
    )
    const lines = out.split('\n')
    expect(lines.slice(0, 4)).toEqual([
      'node:20  sha256:111111111111 → sha256:222222222222',
      '  fixes 4 vulnerabilities (2 high), introduces 2 vulnerabilities (2 critical), 1 package not checked for vulnerabilities, 3 packages updated, linux/amd64 and linux/arm64/v8 changed, source compare nodejs/docker-node abc1234…def5678',
      '  Dockerfile line 2',
      '  api/Dockerfile line 1'
    ])
    expect(out).toContain(
      '    updated  libssl3 (source openssl)  3.0.13-1~deb12u1 → 3.0.15-1~deb12u1'
    )
    expect(out).toContain(
      '  INTRODUCES 2 vulnerabilities (2 critical):\n    DSA-9 [2J  CVE-2024-5535'
    )
    expect(out).toContain(
      '    DSA-5678-1  CVE-2024-5535, CVE-2024-6119  high 7.5  openssl security update  openssl  https://osv.dev/vulnerability/DSA-5678-1'
    )
    expect(out).toContain(
      '  not checked for vulnerabilities: busybox: not in OSV'
    )
    expect(out).toContain('    linux/arm64/v8  changed')
    expect(out).not.toContain('\u001b')
    expect(out).not.toMatch(/[|*`]/)
  })

  it('says why a part is missing, and what the registry said without evidence', () => {
    const e: ImageEvidence = {
      ...nodeEvidence,
      packages: { kind: 'absent', why: 'no SBOM published for linux/arm/v6' },
      vulnerabilities: { kind: 'unavailable', why: 'OSV answered 503' }
    }
    const out = renderExplain(
      report(rows),
      new Map([[evidenceKey(NODE, d('1'), d('2')), e]])
    )
    expect(out).toContain('  packages: no SBOM published for linux/arm/v6')
    expect(out).toContain(
      '  vulnerabilities: evidence unavailable: OSV answered 503'
    )
    expect(renderExplain(report(rows), new Map())).toContain(
      '  digest sha256:111111111111 → sha256:222222222222, no evidence gathered'
    )
    expect(renderExplain(report([]), new Map())).toBe(
      'No base image digest changed; nothing to explain.'
    )
  })
})

describe('renderJson', () => {
  it('adds evidence to pin and update rows only when given', () => {
    const skipped: PlanRow = {
      ...nodeRow(),
      decision: 'skipped',
      reason: 'skipped: attestations only'
    }
    const r = {
      plan: { rows: [nodeRow(), skipped], files: [], resolutions: [] },
      changes: [],
      filesScanned: 1,
      uniqueImages: 1
    }
    const evidence = new Map([
      [evidenceKey(NODE, d('1'), d('2')), nodeEvidence]
    ])
    const parsed = JSON.parse(renderJson(r, 'check', evidence)) as {
      rows: { evidence?: unknown }[]
    }
    expect(parsed.rows[0]?.evidence).toEqual(
      JSON.parse(JSON.stringify(nodeEvidence))
    )
    expect(parsed.rows[1]).not.toHaveProperty('evidence')
    const none = JSON.parse(renderJson(r, 'check', new Map())) as {
      rows: { evidence?: unknown }[]
    }
    expect(none.rows[0]?.evidence).toBeNull()
    const plain = JSON.parse(renderJson(r, 'check')) as {
      rows: { evidence?: unknown }[]
    }
    expect(plain.rows[0]).not.toHaveProperty('evidence')
  })
})

function nodeRow(): PlanRow {
  return {
    file: 'Dockerfile',
    line: 4,
    image: `node:20@${d('1')}`,
    key: NODE,
    source: 'from',
    decision: 'update',
    currentDigest: d('1'),
    newDigest: d('2'),
    warnings: []
  }
}
