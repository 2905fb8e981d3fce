/**
 * Pull request calls (FACTS.md §6.2, §6.3): find by head branch, create,
 * update, close with a comment, labels/reviewers/assignees, auto-merge.
 */
import type {
  PullRequestDecoration,
  PullRequestInfo
} from '../pipeline/ports.js'
import { githubMessage, statusOf, wrap } from './errors.js'
import type { RepoCoordinates } from './git-data.js'
import type { GitHubClient } from './octokit.js'

interface PullShape {
  readonly number: number
  readonly html_url: string
  readonly node_id: string
  readonly state: string
  readonly merged_at: string | null
  readonly title: string
  readonly body: string | null
  readonly head: { readonly ref: string; readonly sha: string }
  readonly base: { readonly ref: string }
}

function toInfo(pull: PullShape): PullRequestInfo {
  return {
    number: pull.number,
    url: pull.html_url,
    nodeId: pull.node_id,
    state: pull.state === 'open' ? 'open' : 'closed',
    merged: pull.merged_at !== null,
    title: pull.title,
    body: pull.body ?? '',
    headRef: pull.head.ref,
    headSha: pull.head.sha,
    baseRef: pull.base.ref
  }
}

export async function pullsForBranch(
  octokit: GitHubClient,
  at: RepoCoordinates,
  branch: string,
  state: 'open' | 'closed'
): Promise<PullRequestInfo[]> {
  try {
    const pulls = await octokit.paginate(octokit.rest.pulls.list, {
      ...at,
      state,
      head: `${at.owner}:${branch}`,
      per_page: 100
    })
    return pulls.filter(p => p.head.ref === branch).map(toInfo)
  } catch (error) {
    throw wrap(`listing pull requests for "${branch}"`, error)
  }
}

export async function openPullsWithPrefix(
  octokit: GitHubClient,
  at: RepoCoordinates,
  prefix: string
): Promise<PullRequestInfo[]> {
  try {
    const pulls = await octokit.paginate(octokit.rest.pulls.list, {
      ...at,
      state: 'open',
      per_page: 100
    })
    const ownRepo = `${at.owner}/${at.repo}`.toLowerCase()
    return pulls
      .filter(p => p.head.ref.startsWith(prefix))
      .filter(
        p => (p.head.repo?.full_name ?? ownRepo).toLowerCase() === ownRepo
      )
      .map(toInfo)
  } catch (error) {
    throw wrap('listing open pull requests', error)
  }
}

/** Throws the raw Octokit error: the caller tells "already exists" and "not permitted" apart. */
export async function createPull(
  octokit: GitHubClient,
  at: RepoCoordinates,
  input: {
    title: string
    body: string
    head: string
    base: string
    draft: boolean
  }
): Promise<PullRequestInfo> {
  const created = await octokit.rest.pulls.create({
    ...at,
    title: input.title,
    body: input.body,
    head: input.head,
    base: input.base,
    draft: input.draft,
    maintainer_can_modify: true
  })
  return toInfo(created.data)
}

export async function updatePull(
  octokit: GitHubClient,
  at: RepoCoordinates,
  number: number,
  input: { title: string; body: string }
): Promise<void> {
  try {
    await octokit.rest.pulls.update({ ...at, pull_number: number, ...input })
  } catch (error) {
    throw wrap(`updating pull request #${number}`, error)
  }
}

export async function closePull(
  octokit: GitHubClient,
  at: RepoCoordinates,
  number: number,
  comment: string
): Promise<void> {
  try {
    await octokit.rest.issues.createComment({
      ...at,
      issue_number: number,
      body: comment
    })
    await octokit.rest.pulls.update({
      ...at,
      pull_number: number,
      state: 'closed'
    })
  } catch (error) {
    throw wrap(`closing pull request #${number}`, error)
  }
}

/** Each part on its own: a missing team or label permission is a warning, not a failure. */
export async function decorate(
  octokit: GitHubClient,
  at: RepoCoordinates,
  number: number,
  decoration: PullRequestDecoration
): Promise<string[]> {
  const warnings: string[] = []
  const attempt = async (
    what: string,
    call: () => Promise<unknown>
  ): Promise<void> => {
    try {
      await call()
    } catch (error) {
      warnings.push(
        `Could not ${what} on pull request #${number}: ${githubMessage(error)}${hintFor(what, error)}`
      )
    }
  }
  if (decoration.labels.length > 0) {
    await attempt('add labels', async () =>
      octokit.rest.issues.addLabels({
        ...at,
        issue_number: number,
        labels: [...decoration.labels]
      })
    )
  }
  if (decoration.assignees.length > 0) {
    await attempt('add assignees', async () =>
      octokit.rest.issues.addAssignees({
        ...at,
        issue_number: number,
        assignees: [...decoration.assignees]
      })
    )
  }
  if (decoration.reviewers.length > 0 || decoration.teamReviewers.length > 0) {
    await attempt('request reviewers', async () =>
      octokit.rest.pulls.requestReviewers({
        ...at,
        pull_number: number,
        reviewers: [...decoration.reviewers],
        team_reviewers: [...decoration.teamReviewers]
      })
    )
  }
  return warnings
}

function hintFor(what: string, error: unknown): string {
  if (
    what === 'request reviewers' &&
    (statusOf(error) === 403 || statusOf(error) === 422)
  ) {
    return '. Team reviewers need a token with repository and organization read access (a PAT or GitHub App), not GITHUB_TOKEN.'
  }
  return ''
}

const ENABLE_AUTO_MERGE = `mutation($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!) {
  enablePullRequestAutoMerge(input: {pullRequestId: $pullRequestId, mergeMethod: $mergeMethod}) {
    pullRequest { number }
  }
}`

/** GraphQL enablePullRequestAutoMerge; a repository that forbids it gives a warning. */
export async function enableAutoMerge(
  octokit: GitHubClient,
  pull: PullRequestInfo,
  method: 'MERGE' | 'SQUASH' | 'REBASE'
): Promise<string | undefined> {
  try {
    await octokit.graphql(ENABLE_AUTO_MERGE, {
      pullRequestId: pull.nodeId,
      mergeMethod: method
    })
    return undefined
  } catch (error) {
    const message = githubMessage(error)
    if (/auto.?merge is not allowed/i.test(message)) {
      return `Auto-merge is not allowed in this repository, so pull request #${pull.number} was left for a human to merge. Enable it in Settings → General → Pull Requests → "Allow auto-merge", or set auto-merge to off.`
    }
    if (/clean status|unstable status/i.test(message)) {
      return `Auto-merge was not enabled on pull request #${pull.number}: GitHub says it can already be merged (no required checks pending).`
    }
    return `Could not enable auto-merge on pull request #${pull.number}: ${message}`
  }
}
