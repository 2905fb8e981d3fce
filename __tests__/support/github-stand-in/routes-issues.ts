/** Issue operations on pull requests: comments, labels, assignees. */
import { addUnique } from './pull-requests.js'
import type { ApiInput, Reply } from './replies.js'
import type { RepositoryState } from './repository-state.js'
import { isoSeconds } from './shared.js'
import { BOT_USER, issueView, labelView } from './views.js'

type NameOrObject<K extends string> = string | Readonly<Record<K, string>>

export function createComment(state: RepositoryState, input: ApiInput): Reply {
  const pull = state.findPull(input.params.issue_number)
  const { body } = input.body as { body: string }
  const id = state.allocateId()
  pull.comments.push({ id, body })
  const now = isoSeconds(new Date())
  return {
    status: 201,
    body: {
      id,
      node_id: `IC_standin${id}`,
      url: `${state.api}/issues/comments/${id}`,
      html_url: `${state.web}/pull/${pull.number}#issuecomment-${id}`,
      issue_url: `${state.api}/issues/${pull.number}`,
      body,
      user: BOT_USER,
      created_at: now,
      updated_at: now,
      author_association: 'NONE'
    }
  }
}

export function addLabels(state: RepositoryState, input: ApiInput): Reply {
  const pull = state.findPull(input.params.issue_number)
  const body = (input.body ?? {}) as {
    labels?: readonly NameOrObject<'name'>[]
  }
  const names = (body.labels ?? []).map(label =>
    typeof label === 'string' ? label : label.name
  )
  // Unknown labels are created, as GitHub does when adding by name.
  for (const name of names) {
    if (!state.labels.has(name)) state.labels.set(name, state.allocateId())
  }
  addUnique(pull.labels, names)
  return { status: 200, body: pull.labels.map(name => labelView(state, name)) }
}

export function addAssignees(state: RepositoryState, input: ApiInput): Reply {
  const pull = state.findPull(input.params.issue_number)
  const body = (input.body ?? {}) as {
    assignees?: readonly NameOrObject<'login'>[]
  }
  const logins = (body.assignees ?? []).map(assignee =>
    typeof assignee === 'string' ? assignee : assignee.login
  )
  addUnique(pull.assignees, logins)
  return { status: 201, body: issueView(state, pull) }
}
