/** The GitHubPort over one repository, from the pieces in this folder. */
import type { GitHubPort, RepositoryInfo } from '../pipeline/ports.js'
import {
  githubMessage,
  isPullRequestCreationForbidden,
  isPullRequestExists,
  wrap
} from './errors.js'
import * as git from './git-data.js'
import type { RepoCoordinates } from './git-data.js'
import type { GitHubClient } from './octokit.js'
import * as pulls from './pull-requests.js'
import * as rebuild from './rebuild.js'

export function createGitHubPort(
  octokit: GitHubClient,
  coordinates: RepoCoordinates
): GitHubPort {
  // Only these two fields: every call spreads `at` into its request parameters.
  const at = { owner: coordinates.owner, repo: coordinates.repo }
  return {
    repository: async () => repository(octokit, at),
    baseSnapshot: async branch => git.baseSnapshot(octokit, at, branch),
    readBlob: async sha => git.readBlob(octokit, at, sha),
    branchHead: async branch => git.branchHead(octokit, at, branch),
    commitFiles: async (base, files, message) =>
      git.commitFiles(octokit, at, base, files, message),
    pushBranch: async (branch, sha) => git.pushBranch(octokit, at, branch, sha),
    deleteBranch: async branch => git.deleteBranch(octokit, at, branch),
    branchesWithPrefix: async prefix =>
      git.branchesWithPrefix(octokit, at, prefix),
    pullsForBranch: async (branch, state) =>
      pulls.pullsForBranch(octokit, at, branch, state),
    openPullsWithPrefix: async prefix =>
      pulls.openPullsWithPrefix(octokit, at, prefix),
    createPull: async input => createPull(octokit, at, input),
    updatePull: async (number, input) =>
      pulls.updatePull(octokit, at, number, input),
    closePull: async (number, comment) =>
      pulls.closePull(octokit, at, number, comment),
    decorate: async (number, decoration) =>
      pulls.decorate(octokit, at, number, decoration),
    enableAutoMerge: async (pull, method) =>
      pulls.enableAutoMerge(octokit, pull, method),
    dispatchWorkflow: async (workflow, ref, inputs) =>
      rebuild.dispatchWorkflow(octokit, at, workflow, ref, inputs),
    repositoryDispatch: async (eventType, payload) =>
      rebuild.repositoryDispatch(octokit, at, eventType, payload)
  }
}

async function repository(
  octokit: GitHubClient,
  at: RepoCoordinates
): Promise<RepositoryInfo> {
  try {
    const { data } = await octokit.rest.repos.get({ ...at })
    return {
      owner: at.owner,
      repo: at.repo,
      defaultBranch: data.default_branch,
      allowAutoMerge: data.allow_auto_merge ?? false,
      htmlUrl: data.html_url
    }
  } catch (error) {
    throw wrap(
      `reading repository ${at.owner}/${at.repo} (check the token input and its permissions)`,
      error
    )
  }
}

/** 'exists' and 'forbidden' are answers the publish stage acts on, not errors. */
async function createPull(
  octokit: GitHubClient,
  at: RepoCoordinates,
  input: Parameters<GitHubPort['createPull']>[0]
): ReturnType<GitHubPort['createPull']> {
  try {
    return { kind: 'created', pull: await pulls.createPull(octokit, at, input) }
  } catch (error) {
    if (isPullRequestExists(error))
      return { kind: 'exists', message: githubMessage(error) }
    if (isPullRequestCreationForbidden(error))
      return { kind: 'forbidden', message: githubMessage(error) }
    throw wrap(`creating the pull request for "${input.head}"`, error)
  }
}
