import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { discoverFiles } from '../../src/files/discover.js'
import type { KindSetting } from '../../src/core/file-kind.js'
import type { SelectOptions } from '../../src/files/select.js'
import {
  fileSelector,
  gitlabIncludedPaths,
  literalIncludes,
  scanKind,
  selectPaths
} from '../../src/files/select.js'

const TREE = [
  'Dockerfile',
  'a.Dockerfile',
  'a/b/Dockerfile',
  'a/base.image',
  'Containerfile.prod',
  '.git/Dockerfile',
  'node_modules/x/Dockerfile',
  'svc/node_modules/Dockerfile',
  'legacy/Dockerfile',
  'legacy/keep/Dockerfile',
  'svc/Dockerfile.dev',
  'svc/notes.txt',
  '.devcontainer/Dockerfile'
]

const none: SelectOptions = { include: [], exclude: [] }

describe('selectPaths', () => {
  it.each<[string, SelectOptions, readonly string[], readonly string[]]>([
    [
      'every Dockerfile name, sorted, .git and node_modules skipped',
      none,
      [],
      [
        '.devcontainer/Dockerfile',
        'Containerfile.prod',
        'Dockerfile',
        'a.Dockerfile',
        'a/b/Dockerfile',
        'legacy/Dockerfile',
        'legacy/keep/Dockerfile',
        'svc/Dockerfile.dev'
      ]
    ],
    [
      'an excluded folder excludes everything below it',
      { include: [], exclude: ['legacy', '.devcontainer/**'] },
      [],
      [
        'Containerfile.prod',
        'Dockerfile',
        'a.Dockerfile',
        'a/b/Dockerfile',
        'svc/Dockerfile.dev'
      ]
    ],
    [
      'include narrows; a literal include adds a file whatever its name',
      { include: ['svc/**', 'a/base.image'], exclude: [] },
      [],
      ['a/base.image', 'svc/Dockerfile.dev']
    ],
    [
      'a literal include may start with ./',
      { include: ['./a/base.image'], exclude: [] },
      [],
      ['a/base.image']
    ],
    [
      'an exclude wins over a literal include',
      { include: ['a/base.image'], exclude: ['a/**'] },
      [],
      []
    ],
    [
      'a literal include inside node_modules stays skipped',
      { include: ['node_modules/x/Dockerfile'], exclude: [] },
      [],
      []
    ],
    [
      'scope keeps the listed folders only',
      none,
      ['a', 'svc'],
      ['a/b/Dockerfile', 'svc/Dockerfile.dev']
    ]
  ])('%s', (_name, options, scope, expected) => {
    expect(selectPaths(TREE, options, scope)).toEqual(expected)
  })
})

/** A repository with every kind of file issue 10 names, and some it does not. */
const KINDS_TREE = [
  'Dockerfile',
  'compose.yaml',
  'compose.yml',
  'docker-compose.yml',
  'docker-compose.yaml',
  'compose.override.yaml',
  'deploy/compose.prod.yaml',
  'docker-compose.dev.yml',
  'docker-compose-ci.yml',
  '.github/workflows/ci.yml',
  '.github/workflows/release.yaml',
  '.github/workflows/nested/not-run.yml',
  '.github/dependabot.yml',
  'action.yml',
  'actions/build/action.yaml',
  '.gitlab-ci.yml',
  'ci/jobs.yml',
  'k8s/kustomization.yaml',
  'charts/app/values.yaml',
  'charts/app/values-prod.yaml',
  'k8s/deployment.yaml',
  'k8s/notes.txt',
  'package.json',
  'node_modules/x/compose.yaml',
  '.git/config.yaml'
]

const YAML_KINDS: readonly [string, readonly KindSetting[], string[]][] = [
  [
    'all kinds (the default): every named kind and any other YAML file',
    ['dockerfile', 'compose', 'kubernetes', 'github-actions', 'gitlab-ci'],
    [
      '.github/dependabot.yml',
      '.github/workflows/ci.yml',
      '.github/workflows/nested/not-run.yml',
      '.github/workflows/release.yaml',
      '.gitlab-ci.yml',
      'Dockerfile',
      'action.yml',
      'actions/build/action.yaml',
      'charts/app/values-prod.yaml',
      'charts/app/values.yaml',
      'ci/jobs.yml',
      'compose.override.yaml',
      'compose.yaml',
      'compose.yml',
      'deploy/compose.prod.yaml',
      'docker-compose-ci.yml',
      'docker-compose.dev.yml',
      'docker-compose.yaml',
      'docker-compose.yml',
      'k8s/deployment.yaml',
      'k8s/kustomization.yaml'
    ]
  ],
  [
    'compose only: the compose names and their variants',
    ['compose'],
    [
      'compose.override.yaml',
      'compose.yaml',
      'compose.yml',
      'deploy/compose.prod.yaml',
      'docker-compose-ci.yml',
      'docker-compose.dev.yml',
      'docker-compose.yaml',
      'docker-compose.yml'
    ]
  ],
  [
    'github-actions only: workflows directly in .github/workflows, action.yml anywhere',
    ['github-actions'],
    [
      '.github/workflows/ci.yml',
      '.github/workflows/release.yaml',
      'action.yml',
      'actions/build/action.yaml'
    ]
  ],
  ['dockerfile only: as before issue 10', ['dockerfile'], ['Dockerfile']],
  [
    'kubernetes only: kustomization, Helm values, any YAML without a telling name',
    ['kubernetes'],
    [
      '.github/dependabot.yml',
      '.github/workflows/nested/not-run.yml',
      'charts/app/values-prod.yaml',
      'charts/app/values.yaml',
      'ci/jobs.yml',
      'k8s/deployment.yaml',
      'k8s/kustomization.yaml'
    ]
  ],
  [
    'gitlab-ci only: .gitlab-ci.yml and any YAML file it may include',
    ['gitlab-ci'],
    [
      '.github/dependabot.yml',
      '.github/workflows/nested/not-run.yml',
      '.gitlab-ci.yml',
      'ci/jobs.yml',
      'k8s/deployment.yaml'
    ]
  ]
]

describe('selectPaths: kinds (issue 10)', () => {
  it.each(YAML_KINDS)('%s', (_name, kinds, expected) => {
    expect(
      selectPaths(KINDS_TREE, { include: [], exclude: [], kinds })
    ).toEqual(expected)
  })

  it('selects every kind when kinds is absent', () => {
    expect(selectPaths(KINDS_TREE, none)).toEqual(YAML_KINDS[0]?.[2])
  })

  it('applies include and exclude to YAML files as to Dockerfiles', () => {
    expect(
      selectPaths(KINDS_TREE, {
        include: ['k8s/**', '**/compose*.yaml', 'package.json'],
        exclude: ['deploy'],
        kinds: ['compose', 'kubernetes']
      })
    ).toEqual([
      'compose.override.yaml',
      'compose.yaml',
      'k8s/deployment.yaml',
      'k8s/kustomization.yaml',
      'package.json'
    ])
  })
})

describe('scanKind', () => {
  const all = new Set<KindSetting>([
    'dockerfile',
    'compose',
    'kubernetes',
    'github-actions',
    'gitlab-ci'
  ])
  const context = (
    kinds: ReadonlySet<KindSetting>,
    literal: string[] = [],
    gitlabIncluded: string[] = []
  ) => ({
    kinds,
    literal: new Set(literal),
    gitlabIncluded: new Set(gitlabIncluded)
  })

  it.each<[string, ReturnType<typeof context>, string | undefined]>([
    ['Dockerfile', context(all), 'dockerfile'],
    ['compose.prod.yaml', context(all), 'compose'],
    ['k8s/deployment.yaml', context(all), 'kubernetes'],
    ['k8s/kustomization.yaml', context(all), 'kustomize'],
    ['charts/values-prod.yaml', context(all), 'helm-values'],
    ['.github/workflows/ci.yml', context(all), 'workflow'],
    ['a/action.yml', context(all), 'action'],
    ['.gitlab-ci.yml', context(all), 'gitlab-ci'],
    ['ci/jobs.yml', context(all, [], ['ci/jobs.yml']), 'gitlab-ci'],
    ['values.yaml', context(all, [], ['values.yaml']), 'gitlab-ci'],
    ['ci/jobs.yml', context(new Set(['gitlab-ci'])), undefined],
    [
      'ci/jobs.yml',
      context(new Set(['kubernetes']), [], ['ci/jobs.yml']),
      undefined
    ],
    ['k8s/deployment.yaml', context(new Set(['gitlab-ci'])), undefined],
    ['compose.yaml', context(new Set(['dockerfile'])), undefined],
    ['a/base.image', context(all, ['a/base.image']), 'dockerfile'],
    [
      'k8s/app.yaml',
      context(new Set(['dockerfile']), ['k8s/app.yaml']),
      'kubernetes'
    ]
  ])('%s → %s', (path, ctx, expected) => {
    expect(scanKind(path, ctx)).toBe(expected)
  })
})

describe('gitlabIncludedPaths', () => {
  const selected = [
    '.gitlab-ci.yml',
    'ci/jobs.yml',
    'ci/deploy/prod.yml',
    'templates/build.yaml',
    'templates/[ab].yml',
    'templates/a.yml',
    'README.yml'
  ]

  it.each<[string, string[], string[]]>([
    ['a leading / is the repository root', ['/ci/jobs.yml'], ['ci/jobs.yml']],
    ['a path without / too', ['ci/jobs.yml'], ['ci/jobs.yml']],
    [
      'globs match the selected files',
      ['ci/**/*.yml', '/templates/*.yaml'],
      ['ci/jobs.yml', 'ci/deploy/prod.yml', 'templates/build.yaml']
    ],
    ['* stays in one folder', ['ci/*.yml'], ['ci/jobs.yml']],
    [
      '** reaches every folder below (GitLab: "ci/**.yml")',
      ['ci/**.yml'],
      ['ci/jobs.yml', 'ci/deploy/prod.yml']
    ],
    [
      '**/ is any run of folders, or none',
      ['**/prod.yml', '/**/jobs.yml'],
      ['ci/jobs.yml', 'ci/deploy/prod.yml']
    ],
    [
      'only * is special: [ab] names one file, ? is a letter',
      ['templates/[ab].yml', 'README.ym?'],
      ['templates/[ab].yml']
    ],
    ['an entry that matches nothing', ['/missing.yml'], []],
    ['no entries', [], []]
  ])('%s', (_name, entries, expected) => {
    expect(gitlabIncludedPaths(entries, selected)).toEqual(expected)
  })
})

describe('literalIncludes', () => {
  it('keeps the include entries without globs, ./ dropped', () => {
    expect([
      ...literalIncludes(['./a/base.image', 'k8s/**', 'b/app.yaml'])
    ]).toEqual(['a/base.image', 'b/app.yaml'])
  })
})

describe('fileSelector', () => {
  it('skips .git, node_modules and excluded folders by path', () => {
    const selector = fileSelector({ include: [], exclude: ['build/**'] })

    expect(
      ['.git', 'a/node_modules', 'build/x', 'src', 'nodes'].map(selector.skips)
    ).toEqual([true, true, true, false, false])
  })
})

describe('the walk and the tree listing', () => {
  let root: string
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'fb-select-'))
    for (const file of [...TREE, ...KINDS_TREE]) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true })
      await writeFile(path.join(root, file), 'FROM alpine:3\n')
    }
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it.each<[SelectOptions]>([
    [none],
    [{ include: [], exclude: [], kinds: ['compose', 'github-actions'] }],
    [{ include: [], exclude: ['legacy', '.devcontainer/**'] }],
    [{ include: ['svc/**', './a/base.image'], exclude: [] }],
    [{ include: ['**/Dockerfile'], exclude: ['a/b'] }]
  ])('pick the same files in the same order: %j', async options => {
    const listing = (
      await readdir(root, { recursive: true, withFileTypes: true })
    )
      .filter(entry => entry.isFile())
      .map(entry =>
        path.relative(root, path.join(entry.parentPath, entry.name))
      )

    const walked = await discoverFiles(root, options)

    expect(walked.map(f => f.path)).toEqual(selectPaths(listing, options))
  })
})
