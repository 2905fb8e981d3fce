import { describe, expect, it } from 'vitest'
import { parsePublishConfig } from '../../src/config/publish-config.js'

const env = {
  GITHUB_REPOSITORY: 'octo/app',
  GITHUB_API_URL: 'https://ghe.local/api/v3',
  GITHUB_SERVER_URL: 'https://ghe.local'
}

describe('parsePublishConfig', () => {
  it('fills defaults from the inputs and the runner environment', () => {
    const problems: string[] = []

    expect(parsePublishConfig({ token: 't' }, env, problems)).toEqual({
      token: 't',
      owner: 'octo',
      repo: 'app',
      apiUrl: 'https://ghe.local/api/v3',
      serverUrl: 'https://ghe.local',
      groupBy: 'all',
      branchPrefix: 'freshbase/',
      labels: [],
      reviewers: [],
      teamReviewers: [],
      assignees: [],
      draft: false,
      autoMerge: 'off',
      rebuildInputs: {},
      dryRun: false,
      paths: []
    })
    expect(problems).toEqual([])
  })

  it('reads every setting', () => {
    const problems: string[] = []
    const config = parsePublishConfig(
      {
        token: 't',
        'group-by': 'Image',
        'branch-prefix': 'deps/',
        'base-branch': 'develop',
        title: 'Pins for {images}',
        'commit-message': 'pins',
        labels: 'a, b',
        reviewers: 'x',
        'team-reviewers': 'org/t',
        assignees: 'y',
        draft: 'true',
        'auto-merge': 'squash',
        'rebuild-workflow': 'rebuild.yml',
        'rebuild-inputs': 'k=v',
        'dispatch-event-type': 'pins',
        'dry-run': 'true',
        paths: './svc/\n.\napi'
      },
      env,
      problems
    )

    expect(problems).toEqual([])
    expect(config).toMatchObject({
      groupBy: 'image',
      branchPrefix: 'deps/',
      baseBranch: 'develop',
      title: 'Pins for {images}',
      commitMessage: 'pins',
      labels: ['a', 'b'],
      reviewers: ['x'],
      teamReviewers: ['org/t'],
      assignees: ['y'],
      draft: true,
      autoMerge: 'squash',
      rebuildWorkflow: 'rebuild.yml',
      rebuildInputs: { k: 'v' },
      dispatchEventType: 'pins',
      dryRun: true,
      paths: ['svc', 'api']
    })
  })

  it('lists every problem, each naming the input', () => {
    const problems: string[] = []

    parsePublishConfig(
      {
        'branch-prefix': '../x',
        'group-by': 'repo',
        draft: 'maybe',
        'dispatch-event-type': 'e'.repeat(101)
      },
      {},
      problems
    )

    expect(problems).toEqual([
      `'token' is empty: pass \${{ github.token }} (the default) or a PAT / GitHub App token with contents: write and pull-requests: write.`,
      'GITHUB_REPOSITORY is not set (owner/repo): run Freshbase as a step of a GitHub Actions job.',
      `'branch-prefix': "../x" is not a valid start of a git branch name; use letters, digits, '-', '_' and '/', e.g. freshbase/.`,
      `'group-by' must be one of all, file, image, got "repo".`,
      `'draft' must be true or false, got "maybe".`,
      `'dispatch-event-type' must be at most 100 characters (GitHub's limit).`
    ])
  })
})
