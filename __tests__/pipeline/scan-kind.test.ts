import { describe, expect, it } from 'vitest'
import type { KindSetting } from '../../src/core/file-kind.js'
import { gitlabIncludedPaths, scanKind } from '../../src/pipeline/scan-kind.js'

/** Which scanner reads a selected file, and which files GitLab CI includes (issue 10). */
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
    gitlabIncluded: string[] = []
  ) => ({ kinds, gitlabIncluded: new Set(gitlabIncluded) })

  it.each<[string, ReturnType<typeof context>, string | undefined]>([
    ['Dockerfile', context(all), 'dockerfile'],
    ['compose.prod.yaml', context(all), 'compose'],
    ['k8s/deployment.yaml', context(all), 'kubernetes'],
    ['k8s/kustomization.yaml', context(all), 'kustomize'],
    ['charts/values-prod.yaml', context(all), 'helm-values'],
    ['.github/workflows/ci.yml', context(all), 'workflow'],
    ['a/action.yml', context(all), 'action'],
    ['.gitlab-ci.yml', context(all), 'gitlab-ci'],
    ['ci/jobs.yml', context(all, ['ci/jobs.yml']), 'gitlab-ci'],
    ['values.yaml', context(all, ['values.yaml']), 'gitlab-ci'],
    ['ci/jobs.yml', context(new Set(['gitlab-ci'])), undefined],
    [
      'ci/jobs.yml',
      context(new Set(['kubernetes']), ['ci/jobs.yml']),
      undefined
    ],
    ['k8s/deployment.yaml', context(new Set(['gitlab-ci'])), undefined],
    ['compose.yaml', context(new Set(['dockerfile'])), undefined],
    ['a/base.image', context(all), 'dockerfile'],
    ['a/base.image', context(new Set(['compose'])), undefined],
    ['k8s/app.yaml', context(new Set(['dockerfile'])), undefined],
    ['Dockerfile', context(all, ['Dockerfile']), 'dockerfile']
  ])('%s → %s', (path, ctx, expected) => {
    expect(scanKind(path, ctx.kinds, ctx.gitlabIncluded)).toBe(expected)
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
