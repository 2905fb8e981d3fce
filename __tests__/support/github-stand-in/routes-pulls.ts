/** The pull request operations. */
import { addUnique, closePull } from './pull-requests.js'
import type { PullRecord } from './pull-requests.js'
import { customPullError, failure, invalidField } from './replies.js'
import type { ApiInput, Reply } from './replies.js'
import type { RepositoryState } from './repository-state.js'
import { isoSeconds } from './shared.js'
import { BOT_USER, pullView } from './views.js'

export function listPulls(state: RepositoryState, input: ApiInput): Reply {
  const query = input.query as {
    state?: 'open' | 'closed' | 'all'
    head?: string
    base?: string
    direction?: 'asc' | 'desc'
    per_page?: number
    page?: number
  }
  const wanted = query.state ?? 'open'
  // GitHub ignores a `head` filter without the `owner:` prefix.
  const head = query.head?.includes(':') === true ? query.head : undefined
  const matching = state.pulls
    .filter(pull => wanted === 'all' || pull.state === wanted)
    .filter(pull => head === undefined || headLabel(state, pull) === head)
    .filter(pull => query.base === undefined || pull.base.ref === query.base)
    .sort((a, b) => b.number - a.number)
  if (query.direction === 'asc') matching.reverse()
  const perPage = Math.min(Math.max(query.per_page ?? 30, 1), 100)
  const page = Math.max(query.page ?? 1, 1)
  const items = matching.slice((page - 1) * perPage, page * perPage)
  const last = Math.max(Math.ceil(matching.length / perPage), 1)
  return {
    status: 200,
    body: items.map(pull => pullView(state, pull)),
    headers: linkHeader(input.url, page, last)
  }
}

function headLabel(state: RepositoryState, pull: PullRecord) {
  return `${state.options.owner}:${pull.head.ref}`
}

export async function createPull(
  state: RepositoryState,
  input: ApiInput
): Promise<Reply> {
  const body = input.body as {
    title?: string
    head: string
    base: string
    body?: string
    draft?: boolean
    maintainer_can_modify?: boolean
    issue?: number
  }
  if (body.issue !== undefined) {
    throw failure(422, 'The stand-in does not convert issues')
  }
  if (body.title === undefined) {
    throw failure(422, 'Validation Failed', [
      { resource: 'PullRequest', field: 'title', code: 'missing_field' }
    ])
  }
  checkBodyLength(body.body)
  const headRef = ownBranch(state, body.head)
  const baseSha = await state.git.refSha(`refs/heads/${body.base}`)
  if (baseSha === undefined) throw invalidField('base')
  const headSha = await state.git.refSha(`refs/heads/${headRef}`)
  if (headSha === undefined) throw invalidField('head')
  if (await state.git.isAncestor(headSha, baseSha)) {
    throw customPullError(`No commits between ${body.base} and ${headRef}`)
  }
  // No await between this check and the insert: concurrent creates race
  // here exactly as far as GitHub lets them (one wins, one gets 422).
  assertNoOpenPull(state, headRef, body.base)
  const pull = newPull(state, body, { ref: headRef, sha: headSha }, baseSha)
  state.pulls.push(pull)
  return { status: 201, body: pullView(state, pull) }
}

/** `branch` or `owner:branch`; forks are out of scope. */
function ownBranch(state: RepositoryState, head: string) {
  const colon = head.indexOf(':')
  if (colon < 0) return head
  const owner = head.slice(0, colon)
  if (owner.toLowerCase() !== state.options.owner.toLowerCase()) {
    throw invalidField('head')
  }
  return head.slice(colon + 1)
}

function assertNoOpenPull(
  state: RepositoryState,
  headRef: string,
  base: string,
  except?: number
) {
  const duplicate = state.pulls.find(
    pull =>
      pull.state === 'open' &&
      pull.number !== except &&
      pull.head.ref === headRef &&
      pull.base.ref === base
  )
  if (duplicate !== undefined) {
    const label = `${state.options.owner}:${headRef}`
    throw customPullError(`A pull request already exists for ${label}.`)
  }
}

function newPull(
  state: RepositoryState,
  body: {
    title?: string
    base: string
    body?: string
    draft?: boolean
    maintainer_can_modify?: boolean
  },
  head: { ref: string; sha: string },
  baseSha: string
): PullRecord {
  const number = state.allocateNumber()
  const now = isoSeconds(new Date())
  return {
    number,
    nodeId: `PR_standin${number}`,
    state: 'open',
    title: body.title ?? '',
    body: body.body ?? null,
    draft: body.draft ?? false,
    maintainerCanModify: body.maintainer_can_modify ?? true,
    head,
    base: { ref: body.base, sha: baseSha },
    labels: [],
    requestedReviewers: [],
    requestedTeams: [],
    assignees: [],
    comments: [],
    autoMerge: null,
    merged: false,
    mergedAt: null,
    mergeCommitSha: null,
    closedAt: null,
    createdAt: now,
    updatedAt: now
  }
}

export function getPull(state: RepositoryState, input: ApiInput): Reply {
  const pull = state.findPull(input.params.pull_number)
  return { status: 200, body: pullView(state, pull) }
}

/** GitHub's limit on a pull request body, answered as GitHub does. */
function checkBodyLength(text: string | undefined): void {
  if (text === undefined || text.length <= 65_536) return
  throw failure(422, 'Validation Failed', [
    {
      resource: 'Issue',
      code: 'custom',
      field: 'body',
      message: 'body is too long (maximum is 65536 characters)'
    }
  ])
}

export async function updatePull(
  state: RepositoryState,
  input: ApiInput
): Promise<Reply> {
  const pull = state.findPull(input.params.pull_number)
  const body = (input.body ?? {}) as {
    title?: string
    body?: string
    state?: 'open' | 'closed'
    base?: string
    maintainer_can_modify?: boolean
  }
  checkBodyLength(body.body)
  if (body.base !== undefined) {
    const sha = await state.git.refSha(`refs/heads/${body.base}`)
    if (sha === undefined) throw invalidField('base')
    pull.base = { ref: body.base, sha }
  }
  if (body.state === 'open' && pull.state === 'closed') reopen(state, pull)
  if (body.state === 'closed' && pull.state === 'open') closePull(pull)
  pull.title = body.title ?? pull.title
  pull.body = body.body ?? pull.body
  pull.maintainerCanModify =
    body.maintainer_can_modify ?? pull.maintainerCanModify
  pull.updatedAt = isoSeconds(new Date())
  return { status: 200, body: pullView(state, pull) }
}

function reopen(state: RepositoryState, pull: PullRecord) {
  if (pull.merged) throw failure(422, 'Cannot reopen a merged pull request')
  assertNoOpenPull(state, pull.head.ref, pull.base.ref, pull.number)
  pull.state = 'open'
  pull.closedAt = null
}

export function requestReviewers(
  state: RepositoryState,
  input: ApiInput
): Reply {
  const pull = state.findPull(input.params.pull_number)
  const body = (input.body ?? {}) as {
    reviewers?: readonly string[]
    team_reviewers?: readonly string[]
  }
  if (body.reviewers?.includes(BOT_USER.login) === true) {
    throw failure(422, 'Review cannot be requested from pull request author.')
  }
  addUnique(pull.requestedReviewers, body.reviewers ?? [])
  addUnique(pull.requestedTeams, body.team_reviewers ?? [])
  return { status: 201, body: pullView(state, pull) }
}

function linkHeader(url: URL, page: number, last: number) {
  const link = (target: number, rel: string) => {
    const next = new URL(url)
    next.searchParams.set('page', String(target))
    return `<${next.href}>; rel="${rel}"`
  }
  const links: string[] = []
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
  if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'))
  return links.length === 0 ? undefined : { link: links.join(', ') }
}
