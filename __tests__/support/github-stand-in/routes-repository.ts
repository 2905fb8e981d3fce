/** The repository itself and workflow and repository dispatches. */
import { failure, notFound } from './replies.js'
import type { ApiInput, Reply } from './replies.js'
import type { RepositoryState } from './repository-state.js'
import { repositoryView } from './views.js'
import { dispatchInputsOf } from './workflow-file.js'

export function getRepository(state: RepositoryState): Reply {
  return { status: 200, body: repositoryView(state) }
}

/**
 * GitHub finds the workflow by its file on the default branch (404 when it
 * is not there), runs the copy on `ref`, and refuses (422) a copy without a
 * workflow_dispatch trigger or inputs the copy does not declare.
 */
export async function dispatchWorkflow(
  state: RepositoryState,
  input: ApiInput
): Promise<Reply> {
  const workflow = input.params.workflow_id as string | number
  const path = `.github/workflows/${String(workflow)}`
  const body = input.body as {
    ref: string
    inputs?: Record<string, unknown>
    return_run_details?: boolean
  }
  if ((await workflowText(state, state.options.branch, path)) === undefined) {
    throw notFound()
  }
  if (!(await refExists(state, body.ref))) {
    throw failure(422, `No ref found for: ${body.ref}`)
  }
  const text = await workflowText(state, body.ref, path)
  const declared = text === undefined ? undefined : dispatchInputsOf(text)
  if (declared === undefined) {
    throw failure(422, "Workflow does not have 'workflow_dispatch' trigger")
  }
  const unexpected = Object.keys(body.inputs ?? {}).filter(
    name => !declared.includes(name)
  )
  if (unexpected.length > 0) {
    const names = unexpected.map(name => JSON.stringify(name)).join(', ')
    throw failure(422, `Unexpected inputs provided: [${names}]`)
  }
  state.dispatches.push({
    workflow_id: workflow,
    ref: body.ref,
    inputs: body.inputs ?? {}
  })
  if (body.return_run_details !== true) return { status: 204 }
  const run = 90_000 + state.dispatches.length
  return {
    status: 200,
    body: {
      workflow_run_id: run,
      run_url: `${state.api}/actions/runs/${run}`,
      html_url: `${state.web}/actions/runs/${run}`
    }
  }
}

async function workflowText(
  state: RepositoryState,
  ref: string,
  path: string
): Promise<string | undefined> {
  if (ref.startsWith('-') || path.includes('..')) return undefined
  return state.git.attempt(['cat-file', 'blob', `${ref}:${path}`])
}

async function refExists(state: RepositoryState, ref: string) {
  const candidates = ref.startsWith('refs/')
    ? [ref]
    : [`refs/heads/${ref}`, `refs/tags/${ref}`]
  for (const candidate of candidates) {
    if ((await state.git.refSha(candidate)) !== undefined) return true
  }
  return false
}

export function dispatchRepository(
  state: RepositoryState,
  input: ApiInput
): Reply {
  const body = input.body as {
    event_type: string
    client_payload?: Record<string, unknown>
  }
  state.repositoryDispatches.push({
    event_type: body.event_type,
    client_payload: body.client_payload ?? {}
  })
  return { status: 204 }
}
