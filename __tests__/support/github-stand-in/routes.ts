/** Maps each operationId to its handler. */
import type { Handler } from './replies.js'
import type { RepositoryState } from './repository-state.js'
import {
  createBlob,
  createCommit,
  createRef,
  createTree,
  deleteRef,
  getBlob,
  getCommit,
  getRef,
  listMatchingRefs,
  getTree,
  updateRef
} from './routes-git.js'
import { addAssignees, addLabels, createComment } from './routes-issues.js'
import {
  createPull,
  getPull,
  listPulls,
  requestReviewers,
  updatePull
} from './routes-pulls.js'
import {
  dispatchRepository,
  dispatchWorkflow,
  getRepository
} from './routes-repository.js'

/** operationId → handler for every REST operation the stand-in answers. */
export function routeHandlers(
  state: RepositoryState
): Readonly<Record<string, Handler>> {
  return {
    'repos/get': () => getRepository(state),
    'git/get-ref': async input => getRef(state, input),
    'git/list-matching-refs': async input => listMatchingRefs(state, input),
    'git/get-commit': async input => getCommit(state, input),
    'git/get-tree': async input => getTree(state, input),
    'git/get-blob': async input => getBlob(state, input),
    'git/create-blob': async input => createBlob(state, input),
    'git/create-tree': async input => createTree(state, input),
    'git/create-commit': async input => createCommit(state, input),
    'git/create-ref': async input => createRef(state, input),
    'git/update-ref': async input => updateRef(state, input),
    'git/delete-ref': async input => deleteRef(state, input),
    'pulls/list': input => listPulls(state, input),
    'pulls/create': async input => createPull(state, input),
    'pulls/get': input => getPull(state, input),
    'pulls/update': async input => updatePull(state, input),
    'pulls/request-reviewers': input => requestReviewers(state, input),
    'issues/create-comment': input => createComment(state, input),
    'issues/add-labels': input => addLabels(state, input),
    'issues/add-assignees': input => addAssignees(state, input),
    'actions/create-workflow-dispatch': async input =>
      dispatchWorkflow(state, input),
    'repos/create-dispatch-event': input => dispatchRepository(state, input)
  }
}
