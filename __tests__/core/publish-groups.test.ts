/**
 * groupTexts: the texts a group's commit carries. With group-by file or
 * image they are rebuilt from the base text and a subset of the plan's
 * edits, which the run never checked: each must pass the re-scan check that
 * guards every CLI write (issue 8 part 3).
 */
import { describe, expect, it } from 'vitest'
import type { Digest } from '../../src/core/digest.js'
import { scanDockerfile } from '../../src/core/dockerfile/scan.js'
import type { Plan, PlanRow } from '../../src/core/plan.js'
import { planUpdates } from '../../src/core/plan.js'
import type { GroupBy } from '../../src/core/publish/groups.js'
import {
  branchFor,
  groupTexts,
  groupUpdates,
  isGroupBranch
} from '../../src/core/publish/groups.js'
import {
  defaultTemplates,
  renderPullRequest
} from '../../src/core/report/pr-text.js'
import type { Resolution } from '../../src/core/resolution.js'

const NODE = `sha256:${'a'.repeat(64)}` as Digest
const ALPINE = `sha256:${'b'.repeat(64)}` as Digest
const NODE_KEY = 'docker.io/library/node:20'
const ALPINE_KEY = 'docker.io/library/alpine:3.20'

const TEXT =
  '# alpine:3.20 is the runtime\nFROM node:20 AS build\nFROM alpine:3.20\n'

function planFor(text: string): Plan {
  const resolutions: Resolution[] = [
    { kind: 'resolved', key: NODE_KEY, digest: NODE, mediaType: 'x' },
    { kind: 'resolved', key: ALPINE_KEY, digest: ALPINE, mediaType: 'x' }
  ]
  return planUpdates(scanDockerfile('Dockerfile', text), resolutions, {
    pinUnpinned: true
  })
}

describe('groupTexts', () => {
  it('commits only the group’s own pins with group-by image', () => {
    const plan = planFor(TEXT)
    const groups = groupUpdates(plan, 'image', 'freshbase/')
    const alpine = groups.find(g => g.id === ALPINE_KEY)
    if (alpine === undefined) throw new Error('no alpine group')

    const texts = groupTexts(alpine, plan, new Map([['Dockerfile', TEXT]]))

    expect(texts).toEqual({
      ok: true,
      files: [
        {
          file: 'Dockerfile',
          before: TEXT,
          after: TEXT.replace('FROM alpine:3.20', `FROM alpine:3.20@${ALPINE}`)
        }
      ]
    })
  })

  it('refuses a text the re-scan check rejects, naming the file and what is wrong', () => {
    const plan = planFor(TEXT)
    // An edit whose bytes match but that is not an image reference: applying
    // it succeeds, only the re-scan sees that it pins a comment.
    const comment = { start: 2, end: 2 + 'alpine:3.20'.length }
    const tampered: Plan = {
      ...plan,
      files: plan.files.map(f => ({
        ...f,
        edits: f.edits.map(e =>
          e.key === ALPINE_KEY ? { ...e, span: comment } : e
        )
      }))
    }
    const groups = groupUpdates(tampered, 'image', 'freshbase/')
    const alpine = groups.find(g => g.id === ALPINE_KEY)
    if (alpine === undefined) throw new Error('no alpine group')

    const texts = groupTexts(alpine, tampered, new Map([['Dockerfile', TEXT]]))

    expect(texts.ok).toBe(false)
    expect(texts.ok ? '' : texts.error).toMatch(
      /^Dockerfile: not committed: the edit of "alpine:3\.20" does not replace an image reference/
    )
  })

  it('refuses a text whose base changed since the plan was made', () => {
    const plan = planFor(TEXT)
    const [group] = groupUpdates(plan, 'file', 'freshbase/')
    if (group === undefined) throw new Error('no group')
    const moved = `# a new first line\n${TEXT}`

    const texts = groupTexts(group, plan, new Map([['Dockerfile', moved]]))

    expect(texts.ok).toBe(false)
    expect(texts.ok ? '' : texts.error).toMatch(
      /^Dockerfile: not committed: line \d+ should hold/
    )
  })
})

/** Rows as the planner gives them; only file, key, decision and digests matter here. */
function row(
  file: string,
  key: string,
  decision: PlanRow['decision'] = 'pin'
): PlanRow {
  return {
    file,
    line: 1,
    image: key.replace(/^docker\.io\/library\//, ''),
    source: 'from',
    key,
    decision,
    ...(decision === 'pin' ? { newDigest: NODE } : {}),
    ...(decision === 'skipped' ? { reason: 'skipped' } : {}),
    warnings: []
  }
}

const CI = '.github/workflows/ci.yml'
const RELEASE = '.github/workflows/release.yaml'
/** Workflow files come first by path: the workflows group must still be last. */
const ROWS: PlanRow[] = [
  row(CI, NODE_KEY),
  row(RELEASE, ALPINE_KEY),
  row(RELEASE, 'docker.io/library/redis:7', 'skipped'),
  row('Dockerfile', NODE_KEY),
  row('api/Dockerfile', ALPINE_KEY),
  row('api/Dockerfile', 'docker.io/library/busybox:1', 'skipped'),
  // Not a workflow: GitHub runs only files directly in .github/workflows.
  row('.github/actions/x/Dockerfile', NODE_KEY)
]
const PLAN: Plan = { rows: ROWS, files: [], resolutions: [] }

/** "id branch: files | skipped files" per group, in order. */
function shape(groupBy: GroupBy): string[] {
  return groupUpdates(PLAN, groupBy, 'fb/').map(
    g =>
      `${g.id} ${g.branch}: ${g.files.join(',')} | ${g.skipped.map(r => r.file).join(',')}`
  )
}

describe('workflow files in their own group', () => {
  it.each<{ groupBy: GroupBy; groups: string[] }>([
    {
      groupBy: 'all',
      groups: [
        'all fb/all: Dockerfile,api/Dockerfile,.github/actions/x/Dockerfile | api/Dockerfile',
        `workflows fb/workflows: ${CI},${RELEASE} | ${RELEASE}`
      ]
    },
    {
      groupBy: 'image',
      groups: [
        `${NODE_KEY} ${branchFor(NODE_KEY, 'image', 'fb/')}: Dockerfile,.github/actions/x/Dockerfile | `,
        `${ALPINE_KEY} ${branchFor(ALPINE_KEY, 'image', 'fb/')}: api/Dockerfile | `,
        `workflows fb/workflows: ${CI},${RELEASE} | ${RELEASE}`
      ]
    },
    {
      // Each workflow file already is a group of its own.
      groupBy: 'file',
      groups: [
        `${CI} ${branchFor(CI, 'file', 'fb/')}: ${CI} | `,
        `${RELEASE} ${branchFor(RELEASE, 'file', 'fb/')}: ${RELEASE} | ${RELEASE}`,
        `Dockerfile ${branchFor('Dockerfile', 'file', 'fb/')}: Dockerfile | `,
        `api/Dockerfile ${branchFor('api/Dockerfile', 'file', 'fb/')}: api/Dockerfile | api/Dockerfile`,
        `.github/actions/x/Dockerfile ${branchFor('.github/actions/x/Dockerfile', 'file', 'fb/')}: .github/actions/x/Dockerfile | `
      ]
    }
  ])('group-by $groupBy', ({ groupBy, groups }) => {
    expect(shape(groupBy)).toEqual(groups)
  })

  it('keeps the skipped rows of workflow files with the other groups when no workflow file changes', () => {
    const plan: Plan = {
      ...PLAN,
      rows: ROWS.filter(
        r => r.decision !== 'pin' || !r.file.startsWith('.github/workflows/')
      )
    }
    const groups = groupUpdates(plan, 'all', 'fb/')
    expect(groups.map(g => g.id)).toEqual(['all'])
    expect(groups[0]?.skipped.map(r => r.file)).toEqual([
      RELEASE,
      'api/Dockerfile'
    ])
  })

  it('gives the workflows group the image groups’ failed rows of workflow files', () => {
    const failed = row(CI, ALPINE_KEY, 'failed')
    const groups = groupUpdates(
      { ...PLAN, rows: [...ROWS, failed] },
      'image',
      'fb/'
    )
    const byId = new Map(groups.map(g => [g.id, g.failed]))
    expect(byId.get('workflows')).toEqual([failed])
    expect(byId.get(ALPINE_KEY)).toEqual([])
  })

  it.each([
    ['fb/workflows', true],
    ['fb/all', true],
    [branchFor(CI, 'file', 'fb/'), true],
    [branchFor(NODE_KEY, 'image', 'fb/'), true],
    ['fb/workflows-old', false],
    ['fb/workflow', false],
    ['other/workflows', false]
  ])('isGroupBranch(%s) is %s', (branch, expected) => {
    expect(isGroupBranch(branch, 'fb/')).toBe(expected)
  })
})

describe('the workflows group’s pull request text', () => {
  it.each<{ groupBy: GroupBy; id: string; title: string }>([
    {
      groupBy: 'all',
      id: 'workflows',
      title:
        'chore(deps): refresh digest pins for 2 base images in GitHub workflows'
    },
    {
      groupBy: 'image',
      id: 'workflows',
      title:
        'chore(deps): refresh digest pins for 2 base images in GitHub workflows'
    },
    {
      groupBy: 'all',
      id: 'all',
      title: 'chore(deps): refresh digest pins for 2 base images'
    },
    {
      groupBy: 'file',
      id: CI,
      title: `chore(deps): refresh digest pins for 1 base image in ${CI}`
    }
  ])('group-by $groupBy, group $id', ({ groupBy, id, title }) => {
    const group = groupUpdates(PLAN, groupBy, 'fb/').find(g => g.id === id)
    if (group === undefined) throw new Error(`no group ${id}`)
    const text = renderPullRequest({
      group,
      groupBy,
      images: new Map(),
      templates: defaultTemplates(group, groupBy),
      baseBranch: 'main'
    })
    expect(text.title).toBe(title)
    expect(text.commitMessage.split('\n')[0]).toBe(title)
  })
})
