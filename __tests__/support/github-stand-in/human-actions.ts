/** What a human does outside the action: pushes and merges. */
import { HUMAN } from './git-objects.js'
import { closePull } from './pull-requests.js'
import type { PullRecord } from './pull-requests.js'
import type { RepositoryState } from './repository-state.js'
import { isoSeconds } from './shared.js'

export async function commitAsHuman(
  state: RepositoryState,
  branch: string,
  path: string,
  content: string,
  message: string
) {
  const ref = `refs/heads/${branch}`
  const old = await state.git.refSha(ref)
  if (old === undefined) throw new Error(`no branch ${branch}`)
  const flat = await state.git.flatTree(old)
  const mode = flat.get(path)?.mode ?? '100644'
  flat.set(path, {
    mode,
    type: 'blob',
    sha: await state.git.hashBlob(content)
  })
  const tree = await state.git.writeTree(flat)
  const commit = await state.git.commitTree({
    tree,
    parents: [old],
    message,
    author: HUMAN,
    committer: HUMAN
  })
  await state.moveBranch(ref, commit, old)
  state.verified.set(commit, false)
  return commit
}

export async function merge(state: RepositoryState, number: number) {
  const pull = state.findPull(number)
  if (pull.state !== 'open') throw new Error(`pull #${number} is not open`)
  const baseRef = `refs/heads/${pull.base.ref}`
  const base = await state.git.refSha(baseRef)
  const head =
    (await state.git.refSha(`refs/heads/${pull.head.ref}`)) ?? pull.head.sha
  if (base === undefined) throw new Error(`no base branch ${pull.base.ref}`)
  const merged = (await state.git.isAncestor(base, head))
    ? head
    : await mergeCommit(state, pull, base, head)
  await state.moveBranch(baseRef, merged, base)
  const now = isoSeconds(new Date())
  Object.assign(pull, { merged: true, mergedAt: now, mergeCommitSha: merged })
  closePull(pull)
  return merged
}

async function mergeCommit(
  state: RepositoryState,
  pull: PullRecord,
  base: string,
  head: string
) {
  const tree = await state.git.mergeTree(base, head)
  if (tree === undefined) throw new Error(`pull #${pull.number} conflicts`)
  const from = `${state.options.owner}/${pull.head.ref}`
  const commit = await state.git.commitTree({
    tree,
    parents: [base, head],
    message: `Merge pull request #${pull.number} from ${from}\n\n${pull.title}\n`,
    author: HUMAN,
    committer: HUMAN
  })
  state.verified.set(commit, false)
  return commit
}
