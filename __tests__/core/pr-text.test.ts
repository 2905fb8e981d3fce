import { describe, expect, it } from 'vitest'
import type { Digest } from '../../src/core/digest.js'
import type { Update, UpdateGroup } from '../../src/core/publish/groups.js'
import type { PlanRow } from '../../src/core/plan.js'
import {
  parseProposedPlan,
  planComment,
  PLAN_BUDGET,
  plannedKeys,
  proposedPlan,
  samePlan
} from '../../src/core/publish/proposed-plan.js'
import type { ImageDetails } from '../../src/core/report/image-details.js'
import {
  escapeText,
  imagePageUrl,
  inlineCode
} from '../../src/core/report/markdown.js'
import { PR_BODY_LIMIT } from '../../src/core/report/pr-body.js'
import type {
  GroupOutcome,
  SummaryInput
} from '../../src/core/report/pr-summary.js'
import {
  SUMMARY_LIMIT_BYTES,
  renderSummary
} from '../../src/core/report/pr-summary.js'
import type { PrTextInput } from '../../src/core/report/pr-text.js'
import {
  DEFAULT_TEMPLATES,
  renderPullRequest
} from '../../src/core/report/pr-text.js'

const d = (ch: string): Digest => `sha256:${ch.repeat(64)}` as Digest
const NODE = 'docker.io/library/node:20'
const APP = 'ghcr.io/o/app:1'

const pin: Update = {
  file: 'Dockerfile',
  line: 1,
  image: 'node:20',
  key: NODE,
  to: d('a')
}
const refresh: Update = {
  file: 'Dockerfile',
  line: 5,
  image: `ghcr.io/o/app:1@${d('b')}`,
  key: APP,
  from: d('b'),
  to: d('c')
}
const skippedRow: PlanRow = {
  file: 'Dockerfile',
  line: 9,
  image: '$BASE',
  source: 'from',
  decision: 'skipped',
  reason: 'ARG BASE has no default',
  warnings: []
}
const failedRow: PlanRow = {
  file: 'Dockerfile',
  line: 7,
  image: 'quay.io/x/y:2',
  key: 'quay.io/x/y:2',
  source: 'from',
  decision: 'failed',
  reason: 'quay.io/x/y:2: manifest unknown',
  hint: 'Check the tag spelling.',
  warnings: []
}

function group(
  updates: readonly Update[],
  extra: Partial<UpdateGroup> = {}
): UpdateGroup {
  return {
    id: 'all',
    branch: 'freshbase/all',
    updates,
    files: [...new Set(updates.map(u => u.file))],
    skipped: [],
    failed: [],
    ...extra
  }
}

const images: ReadonlyMap<string, ImageDetails> = new Map([
  [
    NODE,
    {
      key: NODE,
      digest: d('a'),
      platforms: ['linux/amd64', 'linux/arm64'],
      created: '2024-05-01T12:00:00Z'
    }
  ]
])

function input(g: UpdateGroup, extra: Partial<PrTextInput> = {}): PrTextInput {
  return {
    group: g,
    groupBy: 'all',
    images,
    templates: DEFAULT_TEMPLATES.all,
    baseBranch: 'main',
    ...extra
  }
}

const small = group([refresh, pin], {
  skipped: [skippedRow],
  failed: [failedRow]
})

describe('renderPullRequest', () => {
  it('renders the whole body of a small plan', () => {
    const hex = (ch: string): string => ch.repeat(64)
    expect(renderPullRequest(input(small)).body).toEqual(
      [
        'Freshbase pins base images to digests so builds are reproducible, and refreshes the pins when their tags move upstream. This pull request updates 1 digest pin and pins 1 reference that was not pinned yet, each to the digest its tag points to now. Per image below: what the new digest brings (vulnerabilities, packages, platforms, source), then the lines it changes.',
        '',
        '### [`ghcr.io/o/app:1`](https://ghcr.io/o/app) `sha256:bbbbbbbbbbbb` → `sha256:cccccccccccc`',
        '',
        'Digest sha256:bbbbbbbbbbbb → sha256:cccccccccccc, no evidence gathered.',
        '',
        '- `Dockerfile` line 5',
        '',
        '<details>',
        '<summary>Digests</summary>',
        '',
        `- Old: \`sha256:${hex('b')}\``,
        `- New: \`sha256:${hex('c')}\``,
        '',
        '</details>',
        '',
        '### [`node:20`](https://hub.docker.com/_/node) pinned to `sha256:aaaaaaaaaaaa`',
        '',
        'Pinned to sha256:aaaaaaaaaaaa, platforms linux/amd64, linux/arm64, no evidence gathered.',
        '',
        '- `Dockerfile` line 1',
        '',
        '<details>',
        '<summary>Digests</summary>',
        '',
        `- New: \`sha256:${hex('a')}\``,
        '',
        '</details>',
        '',
        '### Skipped',
        '',
        '| Where | Image | Reason |',
        '| --- | --- | --- |',
        '| `Dockerfile:9` | `$BASE` | ARG BASE has no default |',
        '',
        '### Failed',
        '',
        'A failed lookup blocks nothing: the updates above are proposed without it, and these references keep their pins until a later run resolves them.',
        '',
        '| Where | Image | Reason | What to do |',
        '| --- | --- | --- | --- |',
        '| `Dockerfile:7` | `quay.io/x/y:2` | quay.io/x/y:2: manifest unknown | Check the tag spelling. |',
        '',
        `<!-- freshbase:plan {"version":1,"group":"all","targets":{"Dockerfile docker.io/library/node:20":"sha256:${hex('a')}","Dockerfile ghcr.io/o/app:1":"sha256:${hex('c')}"}} -->`
      ].join('\n')
    )
  })

  it('renders the title and a commit message listing image: old → new', () => {
    const text = renderPullRequest(input(small))

    expect(text.title).toBe(
      'chore(deps): refresh digest pins for 2 base images'
    )
    expect(text.commitMessage).toBe(
      [
        'chore(deps): refresh digest pins for 2 base images',
        '',
        '- node:20: pinned to sha256:aaaaaaaaaaaa (Dockerfile:1)',
        '- ghcr.io/o/app:1: sha256:bbbbbbbbbbbb → sha256:cccccccccccc (Dockerfile:5)'
      ].join('\n')
    )
  })

  it('is deterministic whatever the order of the updates', () => {
    const other = group([pin, refresh], {
      skipped: [skippedRow],
      failed: [failedRow]
    })
    expect(renderPullRequest(input(other))).toEqual(
      renderPullRequest(input(small))
    )
  })

  it('words the intro for updates only and pins only', () => {
    const second = { ...refresh, line: 6 }
    expect(renderPullRequest(input(group([refresh, second]))).body).toContain(
      'This pull request updates 2 digest pins, each to the digest'
    )
    expect(renderPullRequest(input(group([pin]))).body).toContain(
      'This pull request pins 1 reference that was not pinned yet, each to'
    )
  })

  it('shows no platforms when the pin is not the digest the details describe', () => {
    const armPin = { ...pin, to: d('e') }
    const body = renderPullRequest(input(group([armPin]))).body
    expect(body).toContain(
      '\n\nPinned to sha256:eeeeeeeeeeee, no evidence gathered.\n\n'
    )
    expect(body).not.toContain('linux/amd64')
  })

  it('lists the line the digest is written on, once per edit, not the FROM lines', () => {
    // ARG on line 2 holds the digest of two FROM lines (5 and 8).
    const inArg = { ...refresh, editLine: 2 }
    const body = renderPullRequest(
      input(
        group([
          inArg,
          { ...inArg, line: 8 },
          { ...refresh, file: 'b/Dockerfile', line: 3 },
          { ...refresh, file: 'b/Dockerfile', line: 1 }
        ])
      )
    ).body
    expect(body).toContain(
      '\n\n- `Dockerfile` line 2\n- `b/Dockerfile` lines 1, 3\n\n'
    )
    expect(body).not.toMatch(/line 5|line 8/)
    // One image, one entry.
    expect(body.match(/^### /gm)).toHaveLength(1)
  })

  it('renders hostile image strings, reasons and platforms inertly', () => {
    const image = 'evil|x<script>alert(1)</script>`@team'
    const hostile: Update = { ...pin, image, key: 'registry.example/evil:1' }
    const row: PlanRow = {
      ...skippedRow,
      image: '``a|b``',
      reason: 'bad <img src=x> *bold* [link](http://x) @octocat | pipe\nnext'
    }
    const details: ImageDetails = {
      key: 'registry.example/evil:1',
      digest: d('a'),
      platforms: ['linux/<b>amd64</b>']
    }
    const body = renderPullRequest(
      input(group([hostile], { skipped: [row] }), {
        images: new Map([[details.key, details]])
      })
    ).body

    // HTML only ever appears inside code spans, where it renders as text.
    expect(body).not.toContain('<img')
    expect(body).not.toContain('<b>')
    expect(body).toContain('### `registry.example/evil:1` pinned to')
    expect(body).toContain('platforms linux/&lt;b&gt;amd64&lt;/b&gt;')
    expect(body).toContain(
      '| `Dockerfile:9` | ``` ``a\\|b`` ``` | bad &lt;img src=x&gt; \\*bold\\* \\[link\\](http://x) @\u2060octocat \\| pipe next |'
    )
    // Every table line still has exactly its columns' unescaped pipes.
    for (const line of body.split('\n').filter(l => l.startsWith('| '))) {
      const pipes = line.replace(/\\\|/g, '').split('|').length - 1
      expect(pipes).toBe(4)
    }
  })

  it('keeps the body under the limit by dropping the details first', () => {
    const updates = Array.from({ length: 160 }, (_, i) => ({
      file: 'Dockerfile',
      line: i + 1,
      image: `registry.example/team/image-${i}:1`,
      key: `registry.example/team/image-${i}:1`,
      from: d('b'),
      to: d('c')
    }))
    const g = group(updates)
    const body = renderPullRequest(input(g)).body

    expect(body.length).toBeLessThanOrEqual(PR_BODY_LIMIT)
    expect(body).not.toContain('<details>')
    expect(body).toContain(
      "Evidence details and full digests are left out to keep this description under GitHub's size limit; the job summary of the Freshbase run that last updated this pull request lists them all."
    )
    expect(body).not.toContain('… and')
    expect(body.match(/^### /gm)).toHaveLength(160)
    expect(body.endsWith(planComment(proposedPlan(g)))).toBe(true)
  })

  it('truncates tables but never the hidden block', () => {
    const updates = Array.from({ length: 2000 }, (_, i) => ({
      ...refresh,
      file: `services/svc-${i}/Dockerfile`
    }))
    const skipped = Array.from({ length: 50 }, (_, i) => ({
      ...skippedRow,
      line: 3000 + i
    }))
    const g = group(updates, { skipped })
    const body = renderPullRequest(input(g)).body

    expect(body.length).toBeLessThanOrEqual(PR_BODY_LIMIT)
    expect(body.length).toBeGreaterThan(PR_BODY_LIMIT - 500)
    expect(body).toMatch(
      /\n- `services\/svc-\d+\/Dockerfile` line 5\n\n… and \d+ more\.\n\nEvidence details and full digests are left out[^\n]*\n\n### Skipped\n\n… and 50 more\.\n\n<!-- freshbase:plan /
    )
    const read = parseProposedPlan(body)
    expect(read !== undefined && samePlan(read, proposedPlan(g))).toBe(true)
  })
})

describe('templates', () => {
  const title = (g: UpdateGroup, groupBy: 'all' | 'file' | 'image') =>
    renderPullRequest(
      input(g, { groupBy, templates: DEFAULT_TEMPLATES[groupBy] })
    ).title

  it('words the count in singular and plural', () => {
    expect(title(group([pin]), 'all')).toBe(
      'chore(deps): refresh digest pins for 1 base image'
    )
    const three = group([
      pin,
      { ...pin, line: 2 },
      refresh,
      { ...refresh, key: 'quay.io/x/y:2' }
    ])
    expect(title(three, 'all')).toBe(
      'chore(deps): refresh digest pins for 3 base images'
    )
  })

  it('names the file for group-by file and the image for group-by image', () => {
    const byFile = group([pin], { id: 'api/Dockerfile' })
    expect(title(byFile, 'file')).toBe(
      'chore(deps): refresh digest pins for 1 base image in api/Dockerfile'
    )
    expect(title(group([refresh], { id: APP }), 'image')).toBe(
      'chore(deps): refresh digest pins for ghcr.io/o/app:1'
    )
    expect(title(group([pin], { id: NODE }), 'image')).toBe(
      'chore(deps): refresh digest pins for node:20'
    )
  })

  it('fills every placeholder once and leaves unknown ones as written', () => {
    const g = group([pin, refresh], { id: '{count}', branch: 'fb/x' })
    const text = renderPullRequest(
      input(g, {
        templates: {
          title:
            '{count}|{count_text}|{group}|{images}|{files}|{branch}|{base}|{nope}|{changes}',
          commitMessage: 'deps: {images} {unknown}'
        }
      })
    )
    expect(text.title).toBe(
      '2|2 base images|{count}|ghcr.io/o/app:1, node:20|Dockerfile|fb/x|main|{nope}|{changes}'
    )
    expect(text.commitMessage).toBe(
      [
        'deps: ghcr.io/o/app:1, node:20 {unknown}',
        '',
        '- node:20: pinned to sha256:aaaaaaaaaaaa (Dockerfile:1)',
        '- ghcr.io/o/app:1: sha256:bbbbbbbbbbbb → sha256:cccccccccccc (Dockerfile:5)'
      ].join('\n')
    )
  })

  it('places {changes} where the template puts it and falls back on empty templates', () => {
    const text = renderPullRequest(
      input(group([pin]), {
        templates: {
          title: '  ',
          commitMessage: 'a\n\n{changes}\n\nSigned-off-by: x'
        }
      })
    )
    expect(text.title).toBe('chore(deps): refresh digest pins for 1 base image')
    expect(text.commitMessage).toBe(
      'a\n\n- node:20: pinned to sha256:aaaaaaaaaaaa (Dockerfile:1)\n\nSigned-off-by: x'
    )
  })

  it('keeps titles on one line', () => {
    const g = group([{ ...pin, file: 'a\nb' }], { id: 'a\nb' })
    expect(title(g, 'file')).toBe(
      'chore(deps): refresh digest pins for 1 base image in a b'
    )
  })
})

describe('the hidden plan block', () => {
  it('round-trips through the body', () => {
    const body = renderPullRequest(input(small)).body
    const plan = parseProposedPlan(body)

    expect(plan).toEqual({
      version: 1,
      group: 'all',
      targets: {
        [`Dockerfile ${NODE}`]: d('a'),
        [`Dockerfile ${APP}`]: d('c')
      }
    })
    expect(plan !== undefined && samePlan(plan, proposedPlan(small))).toBe(true)
  })

  it('comma-joins several digests of one image in one file', () => {
    const plan = proposedPlan(group([{ ...pin, to: d('f') }, pin]))
    expect(plan.targets).toEqual({
      [`Dockerfile ${NODE}`]: `${d('a')},${d('f')}`
    })
    expect(parseProposedPlan(planComment(plan))).toEqual(plan)
  })

  it('writes a fingerprint (version 2) when the targets would not fit a PR body', () => {
    // 3,000 files over 50 images: the full block alone would be ~400 KB.
    const many = group(
      Array.from({ length: 3000 }, (_, i) => ({
        ...pin,
        file: `services/svc-${i}/Dockerfile`,
        key: `docker.io/library/img${i % 50}:1`,
        to: d((i % 10).toString())
      }))
    )
    const body = renderPullRequest(input(many)).body
    const read = parseProposedPlan(body)

    expect(body.length).toBeLessThanOrEqual(PR_BODY_LIMIT)
    expect(read?.version).toBe(2)
    expect(read?.targets).toEqual({})
    expect(read && plannedKeys(read)).toHaveLength(50)
    expect(read !== undefined && samePlan(read, proposedPlan(many))).toBe(true)
    // One digest of 3,000 changed: no longer the same proposal.
    const moved = group(
      many.updates.map((u, i) => (i === 1234 ? { ...u, to: d('f') } : u))
    )
    expect(read !== undefined && samePlan(read, proposedPlan(moved))).toBe(
      false
    )
    expect(planComment(proposedPlan(many)).length).toBeLessThanOrEqual(
      PLAN_BUDGET
    )
  })

  it('leaves the keys out of a version 2 block when even they do not fit, and says so', () => {
    const huge = group(
      Array.from({ length: 1000 }, (_, i) => ({
        ...pin,
        file: `f${i}/Dockerfile`,
        key: `registry.example.com/team/a-rather-long-repository-name-${i}:1.2.3`
      }))
    )
    const read = parseProposedPlan(planComment(proposedPlan(huge)))

    expect(read?.version).toBe(2)
    expect(read && plannedKeys(read)).toBeUndefined()
    expect(read !== undefined && samePlan(read, proposedPlan(huge))).toBe(true)
  })

  it('never lets the JSON close the comment', () => {
    const g = group([{ ...pin, file: 'x --> <!-- & --!> y' }], { id: '-->' })
    const comment = planComment(proposedPlan(g))

    expect(comment.match(/-->/g)).toHaveLength(1)
    expect(comment.endsWith(' -->')).toBe(true)
    expect(comment).not.toMatch(/--!>|<!--.*<!--/s)
    expect(parseProposedPlan(`text\n\n${comment}\n`)).toEqual(proposedPlan(g))
  })

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['empty', ''],
    ['no block', 'Just a pull request.'],
    ['broken JSON', '<!-- freshbase:plan {"version":1, -->'],
    [
      'unterminated',
      '<!-- freshbase:plan {"version":1,"group":"all","targets":{}}'
    ],
    [
      'wrong version',
      '<!-- freshbase:plan {"version":2,"group":"all","targets":{}} -->'
    ],
    [
      'group not a string',
      '<!-- freshbase:plan {"version":1,"group":1,"targets":{}} -->'
    ],
    [
      'targets an array',
      '<!-- freshbase:plan {"version":1,"group":"a","targets":[]} -->'
    ],
    [
      'not a digest',
      '<!-- freshbase:plan {"version":1,"group":"a","targets":{"f k":"latest"}} -->'
    ],
    ['JSON null', '<!-- freshbase:plan null -->']
  ])('reads %s as no plan', (_, body) => {
    expect(parseProposedPlan(body)).toBeUndefined()
  })

  it('reads the last block and tolerates spacing', () => {
    const first = planComment(proposedPlan(group([pin], { id: 'first' })))
    const last = `<!--freshbase:plan   {"version":1,"group":"last","targets":{}}-->`
    expect(parseProposedPlan(`${first}\r\n${last}\r\n`)).toEqual({
      version: 1,
      group: 'last',
      targets: {}
    })
  })

  it('reads a long unterminated block quickly', () => {
    const body = `<!-- freshbase:plan ${' '.repeat(60_000)}x`
    const started = performance.now()
    expect(parseProposedPlan(body)).toBeUndefined()
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('compares group and targets', () => {
    const plan = proposedPlan(small)
    expect(samePlan(plan, proposedPlan(group([pin, refresh])))).toBe(true)
    expect(samePlan(plan, { ...plan, group: 'other' })).toBe(false)
    expect(samePlan(plan, proposedPlan(group([pin])))).toBe(false)
    expect(
      samePlan(plan, proposedPlan(group([pin, { ...refresh, to: d('e') }])))
    ).toBe(false)
    expect(
      samePlan(proposedPlan(group([pin])), {
        ...proposedPlan(group([pin])),
        targets: { [`Other ${NODE}`]: d('a') }
      })
    ).toBe(false)
  })
})

describe('renderSummary', () => {
  const outcomes: GroupOutcome[] = [
    {
      group: group([pin], { id: 'Dockerfile', branch: 'freshbase/file-a' }),
      operation: 'created',
      branch: 'freshbase/file-a',
      pullRequestUrl: 'https://github.com/o/r/pull/7'
    },
    {
      group: group([], { id: 'api/Dockerfile', branch: 'freshbase/file-b' }),
      operation: 'unchanged',
      branch: 'freshbase/file-b',
      pullRequestUrl: 'https://github.com/o/r/pull/3',
      note: 'It already proposes these digests.'
    },
    {
      group: group([{ ...refresh, file: 'web/Dockerfile' }], {
        id: 'web/Dockerfile',
        branch: 'freshbase/file-c'
      }),
      operation: 'not-permitted',
      branch: 'freshbase/file-c',
      compareUrl: 'https://github.com/o/r/compare/main...freshbase/file-c',
      note: 'Allow GitHub Actions to create pull requests in Settings → Actions.'
    }
  ]
  const summary = (extra: Partial<SummaryInput> = {}): string =>
    renderSummary({
      outcomes,
      images,
      skipped: [skippedRow],
      failed: [failedRow],
      rebuildNotes: ['No CI will run on freshbase/file-a: use a PAT.'],
      dryRun: false,
      ...extra
    })

  it('lists outcomes, the same image entries as the pull requests, problems and rebuild notes', () => {
    expect(summary()).toEqual(
      [
        '## Freshbase',
        '',
        '### Pull requests',
        '',
        '- **Opened** `freshbase/file-a` · 1 reference · [pull request](https://github.com/o/r/pull/7)',
        '- **Unchanged** `freshbase/file-b` · [pull request](https://github.com/o/r/pull/3) · It already proposes these digests.',
        '- **Not permitted** `freshbase/file-c` · 1 reference · [compare](https://github.com/o/r/compare/main...freshbase/file-c) · Allow GitHub Actions to create pull requests in Settings → Actions.',
        '',
        '### `freshbase/file-a`',
        '',
        '#### [`node:20`](https://hub.docker.com/_/node) pinned to `sha256:aaaaaaaaaaaa`',
        '',
        'Pinned to sha256:aaaaaaaaaaaa, platforms linux/amd64, linux/arm64, no evidence gathered.',
        '',
        '- `Dockerfile` line 1',
        '',
        '<details>',
        '<summary>Digests</summary>',
        '',
        `- New: \`${d('a')}\``,
        '',
        '</details>',
        '',
        '### `freshbase/file-c`',
        '',
        '#### [`ghcr.io/o/app:1`](https://ghcr.io/o/app) `sha256:bbbbbbbbbbbb` → `sha256:cccccccccccc`',
        '',
        'Digest sha256:bbbbbbbbbbbb → sha256:cccccccccccc, no evidence gathered.',
        '',
        '- `web/Dockerfile` line 5',
        '',
        '<details>',
        '<summary>Digests</summary>',
        '',
        `- Old: \`${d('b')}\``,
        `- New: \`${d('c')}\``,
        '',
        '</details>',
        '',
        '### Skipped',
        '',
        '| Where | Image | Reason |',
        '| --- | --- | --- |',
        '| `Dockerfile:9` | `$BASE` | ARG BASE has no default |',
        '',
        '### Failed',
        '',
        'A failed lookup blocks nothing: the updates above are proposed without it, and these references keep their pins until a later run resolves them.',
        '',
        '| Where | Image | Reason | What to do |',
        '| --- | --- | --- | --- |',
        '| `Dockerfile:7` | `quay.io/x/y:2` | quay.io/x/y:2: manifest unknown | Check the tag spelling. |',
        '',
        '### Rebuild',
        '',
        '- No CI will run on freshbase/file-a: use a PAT.',
        ''
      ].join('\n')
    )
  })

  it('shows a dry-run banner', () => {
    const dry = summary({
      dryRun: true,
      outcomes: [{ ...outcomes[0], operation: 'dry-run' } as GroupOutcome],
      skipped: [],
      failed: [],
      rebuildNotes: []
    })
    expect(dry.split('\n').slice(0, 7)).toEqual([
      '## Freshbase',
      '',
      '> **Dry run:** nothing was pushed, and no pull request was opened, updated or closed.',
      '',
      '### Pull requests',
      '',
      '- **Dry run** `freshbase/file-a` · 1 reference · [pull request](https://github.com/o/r/pull/7)'
    ])
    expect(summary()).not.toContain('Dry run')
  })

  it('says so when there is nothing to propose', () => {
    expect(
      summary({ outcomes: [], skipped: [], failed: [], rebuildNotes: [] })
    ).toBe(
      '## Freshbase\n\nNo base image digest changed; no pull request to open.\n'
    )
  })

  it('links only http(s) URLs and encodes what could end the link', () => {
    const text = summary({
      outcomes: [
        {
          ...outcomes[0],
          pullRequestUrl: 'javascript:alert(1)'
        } as GroupOutcome,
        {
          ...outcomes[1],
          pullRequestUrl: 'https://x.example/a) [b](c'
        } as GroupOutcome
      ]
    })
    expect(text).not.toContain('javascript:')
    expect(text).toContain(
      '[pull request](https://x.example/a%29%20%5Bb%5D%28c)'
    )
  })

  it('stays under 1 MiB', () => {
    const updates = Array.from({ length: 20_000 }, (_, i) => ({
      ...refresh,
      file: `services/svc-${i}/a-rather-long-directory-name-for-this-service/Dockerfile`,
      line: i + 1
    }))
    const big = group(updates)
    const text = summary({
      outcomes: [{ group: big, operation: 'created', branch: 'freshbase/all' }]
    })
    expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(
      SUMMARY_LIMIT_BYTES
    )
    expect(text).toMatch(
      /\n\n… and \d+ more\.\n\nEvidence details are left out to keep this summary under GitHub's 1 MiB limit; `freshbase check --explain` prints them\.\n\n### Skipped\n\n… and 1 more\./
    )
    expect(text).toContain('### Rebuild')
  })
})

describe('imagePageUrl', () => {
  it.each([
    [NODE, 'https://hub.docker.com/_/node'],
    ['docker.io/library/node:latest', 'https://hub.docker.com/_/node'],
    ['docker.io/bitnami/redis:7', 'https://hub.docker.com/r/bitnami/redis'],
    ['ghcr.io/owner/path/app:1', 'https://ghcr.io/owner/path/app'],
    [
      'quay.io/prometheus/node-exporter:v1',
      'https://quay.io/repository/prometheus/node-exporter'
    ],
    ['gcr.io/distroless/static:nonroot', undefined],
    ['localhost:5000/app:1', undefined],
    ['not a key', undefined]
  ])('%s → %s', (key, url) => {
    expect(imagePageUrl(key)).toBe(url)
  })
})

describe('escaping', () => {
  it.each([
    ['node:20', '`node:20`'],
    ['a`b', '``a`b``'],
    ['`a', '`` `a ``'],
    ['a``b`', '``` a``b` ```'],
    ['a\nb', '`a b`'],
    ['', '—']
  ])('inlineCode(%j) is %s', (text, code) => {
    expect(inlineCode(text)).toBe(code)
  })

  it('escapes prose', () => {
    expect(escapeText('a & <b> `c` *d* _e_ [f] ~g~ \\ @h @ i')).toBe(
      'a &amp; &lt;b&gt; \\`c\\` \\*d\\* \\_e\\_ \\[f\\] \\~g\\~ \\\\ @\u2060h @ i'
    )
  })
})
