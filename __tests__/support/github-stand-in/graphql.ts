/** The one GraphQL mutation the action sends: enablePullRequestAutoMerge. */
import type { Reply } from './replies.js'
import type { RepositoryState } from './repository-state.js'
import { isRecord, isoSeconds } from './shared.js'
import type { MergeMethod } from './types.js'

const MERGE_METHODS = new Set(['MERGE', 'SQUASH', 'REBASE'])

export function enableAutoMerge(
  state: RepositoryState,
  pullRequestId: string,
  method: MergeMethod
): Reply {
  const pull = state.pulls.find(candidate => candidate.nodeId === pullRequestId)
  if (pull === undefined) {
    const message = `Could not resolve to a node with the global id of '${pullRequestId}'`
    return graphqlError('NOT_FOUND', message)
  }
  if (state.options.allowAutoMerge !== true) {
    const message = 'Pull request Auto merge is not allowed for this repository'
    return graphqlError('UNPROCESSABLE', message)
  }
  if (pull.state !== 'open') {
    return graphqlError('UNPROCESSABLE', 'Pull request is closed')
  }
  const enabledAt = isoSeconds(new Date())
  pull.autoMerge = { mergeMethod: method, enabledAt }
  const pullRequest = {
    id: pull.nodeId,
    number: pull.number,
    autoMergeRequest: { enabledAt, mergeMethod: method.toUpperCase() }
  }
  return {
    status: 200,
    body: {
      data: {
        enablePullRequestAutoMerge: { clientMutationId: null, pullRequest }
      }
    }
  }
}

function graphqlError(type: string, message: string): Reply {
  return {
    status: 200,
    body: {
      data: { enablePullRequestAutoMerge: null },
      errors: [{ type, path: ['enablePullRequestAutoMerge'], message }]
    }
  }
}

export function checkGraphql(body: unknown) {
  const errors: string[] = []
  const query = isRecord(body) ? body.query : undefined
  const variables =
    isRecord(body) && isRecord(body.variables) ? body.variables : {}
  if (
    typeof query !== 'string' ||
    !query.includes('enablePullRequestAutoMerge')
  ) {
    errors.push(
      'graphql: only the enablePullRequestAutoMerge mutation is supported'
    )
  }
  const { pullRequestId, mergeMethod } = variables
  if (typeof pullRequestId !== 'string') {
    errors.push('graphql: variables.pullRequestId must be a string')
  }
  if (typeof mergeMethod !== 'string' || !MERGE_METHODS.has(mergeMethod)) {
    errors.push(
      'graphql: variables.mergeMethod must be MERGE, SQUASH or REBASE'
    )
  }
  return {
    errors,
    pullRequestId: String(pullRequestId),
    mergeMethod: String(mergeMethod)
  }
}
