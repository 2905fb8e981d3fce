/**
 * GitHub refusing a workflow file's change (YAML.md §3.4): which failures
 * count, and the note that says what to grant.
 */
import { describe, expect, it } from 'vitest'
import {
  refusedWorkflowFiles,
  workflowRefusalNote
} from '../../src/core/publish/workflow-refusal.js'

/** A GitHubError as src/github/errors.ts wrap() builds it. */
function gitHubError(status: number | undefined, message: string) {
  return Object.assign(new Error(message), { status })
}

const CI = '.github/workflows/ci.yml'
const FILES = ['Dockerfile', CI]
const APP_PUSH =
  'refusing to allow a GitHub App to create or update workflow `.github/workflows/ci.yml` without `workflows` permission'

describe('refusedWorkflowFiles', () => {
  it.each<[string, unknown, readonly string[], string[] | undefined]>([
    [
      '403 Resource not accessible by integration (Git Database API)',
      gitHubError(
        403,
        'GitHub API: creating the commit failed (403): Resource not accessible by integration'
      ),
      FILES,
      [CI]
    ],
    [
      '404 Not Found (createCommit without the scope)',
      gitHubError(
        404,
        'GitHub API: creating the commit failed (404): Not Found'
      ),
      FILES,
      [CI]
    ],
    [
      'the push message, whatever the status',
      gitHubError(
        422,
        `GitHub API: updating branch "fb/workflows" failed (422): ${APP_PUSH}`
      ),
      FILES,
      [CI]
    ],
    [
      'the PAT variant of the push message',
      gitHubError(
        undefined,
        'refusing to allow a Personal Access Token to create or update workflow `.github/workflows/ci.yml` without `workflow` scope'
      ),
      FILES,
      [CI]
    ],
    [
      'a 403 on a commit without workflow files',
      gitHubError(403, 'Resource not accessible by integration'),
      ['Dockerfile'],
      undefined
    ],
    [
      'a nested .github/workflows folder (GitHub does not run it)',
      gitHubError(403, 'Resource not accessible by integration'),
      ['sub/.github/workflows/x/ci.yml'],
      undefined
    ],
    [
      'a secondary rate limit',
      gitHubError(403, 'You have exceeded a secondary rate limit'),
      FILES,
      undefined
    ],
    [
      'a server error',
      gitHubError(
        502,
        'GitHub API: creating the commit failed (502): Bad Gateway'
      ),
      FILES,
      undefined
    ],
    [
      'a conflict on the ref',
      gitHubError(409, 'Reference update failed'),
      FILES,
      undefined
    ],
    ['no error object', undefined, FILES, undefined]
  ])('%s', (_name, error, files, expected) => {
    expect(refusedWorkflowFiles(error, files)).toEqual(expected)
  })
})

describe('workflowRefusalNote', () => {
  it('says what GitHub answered and what to grant, and that the rest was published', () => {
    const error = gitHubError(
      403,
      'GitHub API: creating the commit failed (403): Resource not accessible by integration'
    )
    expect(workflowRefusalNote([CI], error, true)).toBe(
      'GitHub refused the change to .github/workflows/ci.yml (403: Resource not accessible by integration): ' +
        'this token cannot change workflow files. To let Freshbase pin images there, run it with a GitHub App token ' +
        'that has Workflows: write, or a personal access token with the `workflow` scope (input `token`); ' +
        'to leave workflow files alone, add `.github/workflows/**` to the `exclude` input. ' +
        'The other pull requests were published as usual.'
    )
  })

  it('names every refused file, and says nothing of other pull requests when there are none', () => {
    const note = workflowRefusalNote(
      ['.github/workflows/a.yml', '.github/workflows/b.yml', CI],
      gitHubError(
        404,
        'GitHub API: updating branch "x" failed (404): Not Found'
      ),
      false
    )
    expect(note).toMatch(
      /^GitHub refused the changes to \.github\/workflows\/a\.yml, \.github\/workflows\/b\.yml and \.github\/workflows\/ci\.yml \(404: Not Found\): /
    )
    expect(note).not.toContain('other pull requests')
  })
})
