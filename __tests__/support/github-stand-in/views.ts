/** GitHub-shaped JSON views of the repository, git objects and pulls. */
import type { PullRecord } from './pull-requests.js'
import type { RepositoryState } from './repository-state.js'

export const BOT_USER = {
  login: 'github-actions[bot]',
  id: 41898282,
  node_id: 'MDM6Qm90NDE4OTgyODI=',
  type: 'Bot',
  html_url: 'https://github.com/apps/github-actions'
}

function userView(login: string) {
  return { login, type: 'User', html_url: `https://github.com/${login}` }
}

export function repositoryView(state: RepositoryState) {
  const { owner, repo } = state.options
  return {
    id: 1,
    node_id: 'R_standin',
    name: repo,
    full_name: `${owner}/${repo}`,
    owner: ownerUser(state),
    private: false,
    html_url: state.web,
    url: state.api,
    default_branch: state.options.branch,
    allow_auto_merge: state.options.allowAutoMerge ?? false,
    permissions: {
      admin: false,
      maintain: false,
      push: true,
      triage: true,
      pull: true
    }
  }
}

function ownerUser(state: RepositoryState) {
  const login = state.options.owner
  return {
    login,
    type: 'Organization',
    html_url: `https://github.com/${login}`
  }
}

export function refView(state: RepositoryState, ref: string, sha: string) {
  return {
    ref,
    node_id: `REF_${Buffer.from(ref).toString('base64url')}`,
    url: `${state.api}/git/${ref}`,
    object: { type: 'commit', sha, url: `${state.api}/git/commits/${sha}` }
  }
}

export async function commitView(state: RepositoryState, sha: string) {
  const commit = await state.git.readCommit(sha)
  const verified = state.verified.get(sha) === true
  return {
    sha,
    node_id: `C_${sha}`,
    url: `${state.api}/git/commits/${sha}`,
    html_url: `${state.web}/commit/${sha}`,
    author: commit.author,
    committer: commit.committer,
    message: commit.message,
    tree: { sha: commit.tree, url: `${state.api}/git/trees/${commit.tree}` },
    parents: commit.parents.map(parent => ({
      sha: parent,
      url: `${state.api}/git/commits/${parent}`,
      html_url: `${state.web}/commit/${parent}`
    })),
    verification: {
      verified,
      reason: verified ? 'valid' : 'unsigned',
      signature: null,
      payload: null,
      verified_at: verified ? commit.committer.date : null
    }
  }
}

export async function treeView(
  state: RepositoryState,
  sha: string,
  recursive: boolean
) {
  const entries = await state.git.listTree(sha, recursive)
  return {
    sha,
    url: `${state.api}/git/trees/${sha}`,
    truncated: false,
    tree: entries.map(entry => ({
      path: entry.path,
      mode: entry.mode,
      type: entry.type,
      sha: entry.sha,
      ...(entry.size === undefined ? {} : { size: entry.size }),
      url: `${state.api}/git/${entry.type}s/${entry.sha}`
    }))
  }
}

export function labelView(state: RepositoryState, name: string) {
  const id = state.labels.get(name) ?? 0
  return {
    id,
    node_id: `LA_standin${id}`,
    url: `${state.api}/labels/${encodeURIComponent(name)}`,
    name,
    // No description: the skeleton fills it per schema (GitHub's label
    // schema says nullable, the one inside pull requests says string).
    color: 'ededed',
    default: false
  }
}

export function issueView(state: RepositoryState, pull: PullRecord) {
  const users = pull.assignees.map(login => userView(login))
  return {
    id: 2000 + pull.number,
    node_id: `I_standin${pull.number}`,
    url: `${state.api}/issues/${pull.number}`,
    html_url: `${state.web}/pull/${pull.number}`,
    number: pull.number,
    state: pull.state,
    title: pull.title,
    body: pull.body,
    user: BOT_USER,
    labels: pull.labels.map(name => labelView(state, name)),
    assignee: users[0] ?? null,
    assignees: users,
    comments: pull.comments.length,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    pull_request: {
      url: `${state.api}/pulls/${pull.number}`,
      html_url: `${state.web}/pull/${pull.number}`,
      diff_url: `${state.web}/pull/${pull.number}.diff`,
      patch_url: `${state.web}/pull/${pull.number}.patch`,
      merged_at: pull.mergedAt
    }
  }
}

export function pullView(state: RepositoryState, pull: PullRecord) {
  const html = `${state.web}/pull/${pull.number}`
  const assignees = pull.assignees.map(login => userView(login))
  return {
    url: `${state.api}/pulls/${pull.number}`,
    id: 1000 + pull.number,
    node_id: pull.nodeId,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${state.api}/issues/${pull.number}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: BOT_USER,
    body: pull.body,
    labels: pull.labels.map(name => labelView(state, name)),
    milestone: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: assignees[0] ?? null,
    assignees,
    requested_reviewers: pull.requestedReviewers.map(login => userView(login)),
    requested_teams: pull.requestedTeams.map(slug => ({ slug, name: slug })),
    head: branchView(state, pull.head),
    base: branchView(state, pull.base),
    author_association: 'CONTRIBUTOR',
    auto_merge: autoMergeView(state, pull),
    draft: pull.draft,
    merged: pull.merged,
    mergeable: null,
    mergeable_state: 'unknown',
    merged_by: null,
    comments: pull.comments.length,
    review_comments: 0,
    maintainer_can_modify: pull.maintainerCanModify,
    commits: 1,
    additions: 0,
    deletions: 0,
    changed_files: 0
  }
}

function branchView(
  state: RepositoryState,
  branch: { ref: string; sha: string }
) {
  return {
    label: `${state.options.owner}:${branch.ref}`,
    ref: branch.ref,
    sha: branch.sha,
    user: ownerUser(state),
    repo: repositoryView(state)
  }
}

function autoMergeView(state: RepositoryState, pull: PullRecord) {
  if (pull.autoMerge === null) return null
  return {
    enabled_by: BOT_USER,
    merge_method: pull.autoMerge.mergeMethod,
    commit_title: '',
    commit_message: ''
  }
}
