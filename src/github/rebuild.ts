/**
 * Triggering the rebuild (FACTS.md §6.4): a pull request opened with
 * GITHUB_TOKEN starts no pull_request workflow, but workflow_dispatch and
 * repository_dispatch always run; only workflow_dispatch runs on the PR
 * branch.
 */
import { statusOf, wrap } from './errors.js'
import type { RepoCoordinates } from './git-data.js'
import type { GitHubClient } from './octokit.js'

export async function dispatchWorkflow(
  octokit: GitHubClient,
  at: RepoCoordinates,
  workflow: string,
  ref: string,
  inputs: Readonly<Record<string, string>>
): Promise<void> {
  try {
    await octokit.rest.actions.createWorkflowDispatch({
      ...at,
      workflow_id: workflow,
      ref,
      inputs: { ...inputs }
    })
  } catch (error) {
    if (statusOf(error) === 404) {
      throw wrap(
        `dispatching workflow "${workflow}" (it must exist on the default branch, declare "on: workflow_dispatch", and the token needs actions: write)`,
        error
      )
    }
    if (statusOf(error) === 422) {
      throw wrap(
        `dispatching workflow "${workflow}" (Freshbase sends only the inputs the base branch's copy declares; check that the copy on ${ref} also declares on: workflow_dispatch, and that every required input has a default or a rebuild-inputs value)`,
        error
      )
    }
    throw wrap(`dispatching workflow "${workflow}"`, error)
  }
}

export async function repositoryDispatch(
  octokit: GitHubClient,
  at: RepoCoordinates,
  eventType: string,
  payload: Readonly<Record<string, unknown>>
): Promise<void> {
  try {
    await octokit.rest.repos.createDispatchEvent({
      ...at,
      event_type: eventType,
      client_payload: { ...payload }
    })
  } catch (error) {
    throw wrap(
      `sending repository_dispatch "${eventType}" (the token needs contents: write)`,
      error
    )
  }
}
