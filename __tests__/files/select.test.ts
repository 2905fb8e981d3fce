import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { discoverFiles } from '../../src/files/discover.js'
import type { KindSetting } from '../../src/core/file-kind.js'
import type { SelectOptions } from '../../src/files/select.js'
import { fileSelector, selectPaths } from '../../src/files/select.js'

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

  it.each<[string, readonly KindSetting[], string[]]>([
    ['a name of no kind is a Dockerfile', ['dockerfile'], ['a/base.image']],
    ['… not while dockerfile is off', ['compose'], ['compose.yaml']],
    ['a YAML file, while kubernetes is on', ['kubernetes'], ['k8s/app.yaml']],
    ['… or gitlab-ci (it may be included)', ['gitlab-ci'], ['k8s/app.yaml']],
    [
      'a compose file, not while compose is off',
      ['dockerfile'],
      ['a/base.image']
    ]
  ])('a literal include: %s', (_name, kinds, expected) => {
    const tree = ['a/base.image', 'k8s/app.yaml', 'compose.yaml']
    const include = ['./a/base.image', 'k8s/app.yaml', 'compose.yaml']

    expect(selectPaths(tree, { include, exclude: [], kinds })).toEqual(expected)
  })

  it('applies include and exclude to YAML files as to Dockerfiles (package.json would be a Dockerfile: off)', () => {
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
      'k8s/kustomization.yaml'
    ])
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
