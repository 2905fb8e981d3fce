import { describe, expect, it } from 'vitest'
import type {
  EvidenceMap,
  ImageEvidence
} from '../../src/core/evidence/types.js'
import { evidenceKey } from '../../src/core/evidence/types.js'
import {
  parseProposedPlan,
  proposedPlan,
  samePlan
} from '../../src/core/publish/proposed-plan.js'
import { evidenceJson } from '../../src/core/report/evidence-json.js'
import {
  repositoryName,
  summaryLine
} from '../../src/core/report/evidence-summary.js'
import {
  BODY_TABLE_ROWS,
  PR_BODY_LIMIT,
  renderBody,
  sameBody
} from '../../src/core/report/pr-body.js'
import type { PrTextInput } from '../../src/core/report/pr-text.js'
import {
  DEFAULT_TEMPLATES,
  renderPullRequest
} from '../../src/core/report/pr-text.js'
import { renderSummary } from '../../src/core/report/pr-summary.js'
import {
  ALPINE,
  d,
  fixed,
  group,
  hugeEvidence,
  NEW_REV,
  NODE,
  nodeEvidence,
  nodeUpdate,
  OLD_REV,
  openssl
} from './report-fixtures.js'

const map = (...list: ImageEvidence[]): EvidenceMap =>
  new Map(list.map(e => [evidenceKey(e.key, e.from, e.to), e]))

const RUN = 'https://github.com/o/r/actions/runs/42'

function text(extra: Partial<PrTextInput> = {}) {
  return renderPullRequest({
    group: group([nodeUpdate]),
    groupBy: 'image',
    images: new Map(),
    templates: DEFAULT_TEMPLATES.image,
    baseBranch: 'main',
    evidence: map(nodeEvidence),
    ...extra
  })
}

describe('summaryLine', () => {
  it('reads fixes, packages, platforms and the source compare first', () => {
    expect(summaryLine(nodeEvidence, nodeUpdate)).toBe(
      'fixes 4 vulnerabilities (2 high), 3 packages updated, linux/amd64 and linux/arm64/v8 changed, source compare nodejs/docker-node abc1234…def5678'
    )
  })

  it('says plainly what is absent and what could not be read', () => {
    const e: ImageEvidence = {
      ...nodeEvidence,
      packages: { kind: 'absent', why: 'no SBOM published for linux/arm/v6' },
      vulnerabilities: { kind: 'unavailable', why: 'OSV timed out after 20 s' },
      source: { kind: 'absent', why: 'no source annotation or provenance' }
    }
    // What was found first; each missing part after a semicolon, with its reason.
    expect(summaryLine(e, nodeUpdate)).toBe(
      'linux/amd64 and linux/arm64/v8 changed; vulnerabilities: evidence unavailable: OSV timed out after 20 s; packages: no SBOM published for linux/arm/v6; source: no source annotation or provenance'
    )
  })

  it('never reads packages it could not check as "no vulnerabilities"', () => {
    const e: ImageEvidence = {
      ...nodeEvidence,
      vulnerabilities: {
        kind: 'found',
        value: {
          ecosystem: 'Alpine:v3.20',
          fixed: [],
          introduced: [],
          notChecked: ['busybox: ecosystem unknown']
        }
      }
    }
    const line = summaryLine(e, nodeUpdate)
    expect(line).toMatch(/^1 package not checked for vulnerabilities, /)
    expect(line).not.toContain('no known vulnerability')
    const clean = {
      ...e,
      vulnerabilities: {
        kind: 'found' as const,
        value: {
          ecosystem: 'Debian:12',
          fixed: [],
          introduced: [],
          notChecked: []
        }
      }
    }
    expect(summaryLine(clean, nodeUpdate)).toMatch(
      /^no known vulnerability fixed or introduced, /
    )
  })

  it('flags introduced vulnerabilities and counts added and removed packages', () => {
    const e: ImageEvidence = {
      ...nodeEvidence,
      packages: {
        kind: 'found',
        value: {
          platform: 'linux/amd64',
          changes: [
            { change: 'added', type: 'deb', name: 'a', newVersion: '1' },
            { change: 'removed', type: 'deb', name: 'b', oldVersion: '1' },
            { change: 'removed', type: 'deb', name: 'c', oldVersion: '1' }
          ],
          oldCount: 2,
          newCount: 1
        }
      },
      vulnerabilities: {
        kind: 'found',
        value: {
          ecosystem: 'Debian:12',
          fixed: [],
          introduced: [{ ...openssl, severity: 'critical 9.8' }],
          notChecked: []
        }
      }
    }
    expect(summaryLine(e, nodeUpdate)).toMatch(
      /^introduces 2 vulnerabilities \(2 critical\), 1 package added, 2 removed, /
    )
  })

  it('names only counted platforms, and says when none that counts changed', () => {
    const e: ImageEvidence = {
      ...nodeEvidence,
      platforms: {
        kind: 'found',
        value: [
          { platform: 'linux/amd64', change: 'unchanged', counted: true },
          { platform: 'linux/s390x', change: 'changed', counted: false },
          { platform: 'linux/riscv64', change: 'added', counted: true }
        ]
      }
    }
    expect(summaryLine(e, nodeUpdate)).toContain(', linux/riscv64 added, ')
    const none = {
      ...e,
      platforms: {
        kind: 'found' as const,
        value: [
          {
            platform: 'linux/s390x',
            change: 'changed' as const,
            counted: false
          }
        ]
      }
    }
    expect(summaryLine(none, nodeUpdate)).toContain(
      ', no platform built here changed, '
    )
  })

  it('without evidence says the digest change and the platforms the registry listed', () => {
    const details = {
      key: NODE,
      digest: d('2'),
      platforms: ['linux/amd64', 'linux/arm64/v8']
    }
    expect(summaryLine(undefined, nodeUpdate, details)).toBe(
      'digest sha256:111111111111 → sha256:222222222222, platforms linux/amd64, linux/arm64/v8, no evidence gathered'
    )
    expect(summaryLine(undefined, { key: ALPINE, to: d('7') }, undefined)).toBe(
      'pinned to sha256:777777777777, no evidence gathered'
    )
  })

  it('words a first pin and a commit link', () => {
    const pin: ImageEvidence = {
      ...nodeEvidence,
      key: ALPINE,
      to: d('7'),
      platforms: {
        kind: 'found',
        value: [
          { platform: 'linux/amd64', change: 'added', counted: true },
          { platform: 'linux/arm64/v8', change: 'added', counted: true }
        ]
      },
      source: {
        kind: 'found',
        value: {
          new: {
            url: 'https://gitlab.com/g/p',
            revision: '13b62f5fabcdef0123456789abcdef0123456789',
            from: 'provenance'
          },
          link: {
            kind: 'commit',
            url: 'https://gitlab.com/g/p/-/commit/13b62f5fabcdef0123456789abcdef0123456789'
          }
        }
      }
    }
    const { from: _from, ...first } = pin
    expect(summaryLine(first, { key: ALPINE, to: d('7') })).toBe(
      'first pin of linux/amd64 and linux/arm64/v8, source g/p@13b62f5'
    )
  })

  it.each([
    ['https://github.com/nodejs/docker-node', 'nodejs/docker-node'],
    ['https://gitlab.com/g/sub/p/', 'g/sub/p'],
    ['https://git.example.com/a/b', 'git.example.com/a/b'],
    ['not a url', 'not a url']
  ])('repositoryName(%s) = %s', (url, name) => {
    expect(repositoryName(url)).toBe(name)
  })
})

describe('the pull request with evidence', () => {
  it('puts the summary line first, then collapsed package and vulnerability tables', () => {
    const body = text().body
    const entry = body.slice(body.indexOf('### '))
    expect(entry).toMatch(
      /^### \[`node:20`\]\(https:\/\/hub\.docker\.com\/_\/node\) `sha256:111111111111` → `sha256:222222222222`\n\nFixes 4 vulnerabilities \(2 high\), 3 packages updated, linux\/amd64 and linux\/arm64\/v8 changed, source \[compare nodejs\/docker-node abc1234…def5678\]\(https:\/\/github\.com\/nodejs\/docker-node\/compare\/abc1234[0-9a-f]+\.\.\.def5678[0-9a-f]+\)\.\n\n- `Dockerfile` line 2\n\n<details>\n<summary>Packages: 3 updated \(Debian 12, linux\/amd64\)<\/summary>/
    )
    // All three are updates: no Change column repeating it.
    expect(body).toContain('| Package | Old → New |\n| --- | --- |\n')
    expect(body).toContain(
      '| `libssl3` (source `openssl`) | `3.0.13-1~deb12u1` → `3.0.15-1~deb12u1` |'
    )
    expect(body).toContain(
      '| [DSA-5678-1](https://osv.dev/vulnerability/DSA-5678-1) | CVE-2024-5535, CVE-2024-6119 | high 7.5 | openssl security update | `openssl` |'
    )
    expect(body).toContain(
      '| [DLA-3942-1](https://osv.dev/vulnerability/DLA-3942-1) | — | low | — | `tzdata` |'
    )
    // Every platform changed and counts: the summary said it all.
    expect(body).not.toContain('| Platform |')
    expect(body).not.toMatch(/Created|\| Tag \|/)
    expect(body).toContain(`- Old: \`${d('1')}\`\n- New: \`${d('2')}\``)
  })

  it('says fixes in the default title, in {fixes}, and nothing when none', () => {
    expect(text().title).toBe(
      'chore(deps): refresh digest pins for node:20 (fixes 4 vulnerabilities)'
    )
    const custom = text({
      templates: { title: 'Bump {images} ({fixes})', commitMessage: 'x' }
    })
    expect(custom.title).toBe('Bump node:20 (fixes 4 vulnerabilities)')
    const none = text({
      templates: { title: 'Bump {images} ({fixes})', commitMessage: 'x' },
      evidence: new Map()
    })
    expect(none.title).toBe('Bump node:20')
    expect(text({ evidence: new Map() }).title).toBe(
      'chore(deps): refresh digest pins for node:20'
    )
    const userNoPlaceholder = text({
      templates: { title: 'deps: {images}', commitMessage: 'x' }
    })
    expect(userNoPlaceholder.title).toBe('deps: node:20')
  })

  it('counts a vulnerability fixed in two images of one group once', () => {
    const app = {
      ...nodeUpdate,
      key: 'ghcr.io/o/app:1',
      file: 'app/Dockerfile'
    }
    const appEvidence = { ...nodeEvidence, key: app.key }
    const t = text({
      group: group([nodeUpdate, app]),
      groupBy: 'all',
      templates: DEFAULT_TEMPLATES.all,
      evidence: map(nodeEvidence, appEvidence)
    })
    expect(t.title).toBe(
      'chore(deps): refresh digest pins for 2 base images (fixes 4 vulnerabilities)'
    )
  })

  it('flags introduced vulnerabilities and shows an informative platform table', () => {
    const e: ImageEvidence = {
      ...nodeEvidence,
      platforms: {
        kind: 'found',
        value: [
          {
            platform: 'linux/amd64',
            change: 'changed',
            counted: true,
            from: d('3'),
            to: d('4')
          },
          {
            platform: 'linux/s390x',
            change: 'unchanged',
            counted: false,
            from: d('5'),
            to: d('5')
          }
        ]
      },
      vulnerabilities: {
        kind: 'found',
        value: {
          ecosystem: 'Debian:12',
          fixed: [],
          introduced: [openssl],
          notChecked: ['perl: not in OSV']
        }
      }
    }
    const body = text({ evidence: map(e) }).body
    expect(body).toContain(
      '<summary>⚠️ <strong>Introduces 2 vulnerabilities (2 high)</strong></summary>'
    )
    expect(body).toContain(
      '<summary>1 not checked for vulnerabilities (not "no vulnerabilities")</summary>\n\n- perl: not in OSV'
    )
    expect(body).toContain(
      [
        '<summary>Platforms and digests</summary>',
        '',
        '| Platform | Change | Built here | Old → New |',
        '| --- | --- | --- | --- |',
        '| linux/amd64 | changed | yes | `sha256:333333333333` → `sha256:444444444444` |',
        '| linux/s390x | unchanged | no | `sha256:555555555555` → `sha256:555555555555` |'
      ].join('\n')
    )
  })

  it('says what the rebuild dispatch does, or that none runs', () => {
    const said = (rebuild: PrTextInput['rebuild']) =>
      text(rebuild === undefined ? {} : { rebuild }).body
    expect(said({ workflow: 'rebuild.yml' })).toContain(
      '### Rebuild\n\nAfter each push to this branch, Freshbase dispatches the workflow `rebuild.yml` on it'
    )
    expect(said({ eventType: 'base-bumped' })).toContain(
      'sends the repository_dispatch event `base-bumped`'
    )
    expect(said({})).toContain('Freshbase dispatches no rebuild')
    expect(said(undefined)).not.toContain('### Rebuild')
  })

  it('escapes what OSV and SBOMs say', () => {
    const e: ImageEvidence = {
      ...nodeEvidence,
      vulnerabilities: {
        kind: 'found',
        value: {
          ecosystem: 'Debian:12',
          fixed: [
            {
              ...openssl,
              id: 'X|<b>',
              summary: '<img src=x> @team [a](javascript:x)',
              url: 'javascript:alert(1)'
            }
          ],
          introduced: [],
          notChecked: []
        }
      }
    }
    const body = text({ evidence: map(e) }).body
    expect(body).not.toContain('<img')
    expect(body).not.toContain('javascript:alert')
    expect(body).toContain('| X\\|&lt;b&gt; |')
    expect(body).toContain(
      '&lt;img src=x&gt; @\u2060team \\[a\\](javascript:x)'
    )
  })
})

describe('size', () => {
  it('cuts a huge evidence table in the body and points at the run', () => {
    const huge = hugeEvidence(nodeEvidence, 3000, 300)
    const body = text({ evidence: map(huge), runUrl: RUN }).body
    expect(body.length).toBeLessThanOrEqual(PR_BODY_LIMIT)
    expect(body).toContain(
      `… and ${3000 - BODY_TABLE_ROWS} more; the job summary of [the run](${RUN}) lists them all.`
    )
    expect(body).toContain(
      `… and ${300 - BODY_TABLE_ROWS} more; the job summary of [the run](${RUN}) lists them all.`
    )
    expect(body).toContain('Fixes 300 vulnerabilities (43 critical)')
  })

  it('drops the details of many huge bumps, keeps every summary line and the plan block', () => {
    const updates = Array.from({ length: 12 }, (_, i) => ({
      ...nodeUpdate,
      key: `ghcr.io/o/app-${i}:1`,
      file: `app-${i}/Dockerfile`
    }))
    const evidence = map(
      ...updates.map(u =>
        hugeEvidence({ ...nodeEvidence, key: u.key }, 5000, 500)
      )
    )
    const g = group(updates)
    const body = renderBody(g, new Map(), { evidence, runUrl: RUN })

    expect(body.length).toBeLessThanOrEqual(PR_BODY_LIMIT)
    expect(body).not.toContain('<details>')
    expect(body).toContain(
      `Evidence details and full digests are left out to keep this description under GitHub's size limit; the job summary of [the run](${RUN}) lists them all.`
    )
    expect(
      body.match(
        /\n\nFixes 500 vulnerabilities \(72 critical\), 5000 packages updated, /g
      )
    ).toHaveLength(12)
    const read = parseProposedPlan(body)
    expect(read !== undefined && samePlan(read, proposedPlan(g))).toBe(true)

    const two = group(updates.slice(0, 2))
    const summary = renderSummary({
      outcomes: [{ group: two, operation: 'created', branch: two.branch }],
      images: new Map(),
      skipped: [],
      failed: [],
      rebuildNotes: [],
      dryRun: false,
      evidence
    })
    // The job summary holds what the body had no room for.
    expect(summary).toContain(
      '| `lib-package-with-a-long-name-1999` (source `source-package-1999`) |'
    )
    expect(summary).toContain(
      '… and 3000 more; `freshbase check --explain` prints them all.'
    )
  })

  it('compares bodies without the run link, so a new run alone rewrites nothing', () => {
    const huge = map(hugeEvidence(nodeEvidence, 3000, 300))
    const a = text({ evidence: huge, runUrl: RUN }).body
    const b = text({ evidence: huge, runUrl: `${RUN}7` }).body
    expect(a).not.toBe(b)
    expect(sameBody(a, b)).toBe(true)
    expect(sameBody(a, text({ evidence: huge }).body)).toBe(false)
  })
})

describe('evidenceJson', () => {
  it('is compact and says why for parts not found', () => {
    const e: ImageEvidence = {
      ...nodeEvidence,
      packages: { kind: 'absent', why: 'no SBOM published for linux/arm/v6' }
    }
    const json = evidenceJson(e)
    expect(json).toEqual({
      platforms: {
        status: 'found',
        delta: [
          { platform: 'linux/amd64', change: 'changed', counted: true },
          { platform: 'linux/arm64/v8', change: 'changed', counted: true }
        ]
      },
      source: {
        status: 'found',
        url: 'https://github.com/nodejs/docker-node',
        old_revision: OLD_REV,
        new_revision: NEW_REV,
        link: `https://github.com/nodejs/docker-node/compare/${OLD_REV}...${NEW_REV}`,
        link_kind: 'compare'
      },
      packages: { status: 'absent', why: 'no SBOM published for linux/arm/v6' },
      vulnerabilities: {
        status: 'found',
        ecosystem: 'Debian:12',
        fixed: fixed.map(v => ({
          id: v.id,
          cves: v.cves,
          severity: v.severity ?? null
        })),
        introduced: [],
        not_checked: []
      }
    })
    expect(evidenceJson(undefined)).toBeNull()
  })

  it('caps package changes and counts what it left out', () => {
    const json = evidenceJson(hugeEvidence(nodeEvidence, 3000, 1)) as {
      packages: { changes: unknown[]; changes_omitted: number; updated: number }
    }
    expect(json.packages.updated).toBe(3000)
    expect(json.packages.changes).toHaveLength(50)
    expect(json.packages.changes_omitted).toBe(2950)
    expect(JSON.stringify(json).length).toBeLessThan(10_000)
  })
})
