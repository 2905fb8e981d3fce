/** The repository itself and workflow and repository dispatches. */
import { failure, notFound } from './replies.js'
import type { ApiInput, Reply } from './replies.js'
import type { RepositoryState } from './repository-state.js'
import { repositoryView } from './views.js'

export function getRepository(state: RepositoryState): Reply {
  return { status: 200, body: repositoryView(state) }
}

export async function dispatchWorkflow(
  state: RepositoryState,
  input: ApiInput
): Promise<Reply> {
  const workflow = input.params.workflow_id as string | number
  const { workflows } = state.options
  if (workflows !== undefined && !workflows.includes(String(workflow))) {
    throw notFound()
  }
  const body = input.body as {
    ref: string
    inputs?: Record<string, unknown>
    return_run_details?: boolean
  }
  if (!(await refExists(state, body.ref))) {
    throw failure(422, `No ref found for: ${body.ref}`)
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
