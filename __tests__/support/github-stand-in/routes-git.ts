/** The git database operations: refs, commits, trees and blobs. */
import { BOT } from './git-objects.js'
import type { FlatTree } from './git-objects.js'
import { failure, notFound, stringParam } from './replies.js'
import type { ApiInput, Reply } from './replies.js'
import type { RepositoryState } from './repository-state.js'
import {
  MODE_TYPES,
  checkIdentity,
  checkTreePath,
  decodeContent,
  deletePath,
  removeUnder,
  wrapBase64
} from './tree-entries.js'
import type { IdentityBody, TreeEntryBody } from './tree-entries.js'
import { commitView, refView, treeView } from './views.js'

export async function getRef(
  state: RepositoryState,
  input: ApiInput
): Promise<Reply> {
  const ref = `refs/${stringParam(input, 'ref')}`
  const sha = await state.git.refSha(ref)
  if (sha === undefined) throw notFound()
  return { status: 200, body: refView(state, ref, sha) }
}

/** GitHub answers 200 with an empty list when nothing matches. */
export async function listMatchingRefs(
  state: RepositoryState,
  input: ApiInput
): Promise<Reply> {
  const prefix = `refs/${stringParam(input, 'ref')}`
  const refs = await state.git.matchingRefs(prefix)
  return {
    status: 200,
    body: refs.map(({ ref, sha }) => refView(state, ref, sha))
  }
}

export async function getCommit(
  state: RepositoryState,
  input: ApiInput
): Promise<Reply> {
  const sha = stringParam(input, 'commit_sha')
  if ((await state.git.objectType(sha)) !== 'commit') throw notFound()
  return { status: 200, body: await commitView(state, sha) }
}

export async function getTree(
  state: RepositoryState,
  input: ApiInput
): Promise<Reply> {
  const tree = await state.git.resolveTree(stringParam(input, 'tree_sha'))
  if (tree === undefined) throw notFound()
  // GitHub recurses for any value of `recursive`, even "false" or "0".
  const recursive = input.query.recursive !== undefined
  return { status: 200, body: await treeView(state, tree, recursive) }
}

export async function getBlob(
  state: RepositoryState,
  input: ApiInput
): Promise<Reply> {
  const sha = stringParam(input, 'file_sha')
  const stdout = await state.git.readBlob(sha)
  if (stdout === undefined) throw notFound()
  return {
    status: 200,
    body: {
      sha,
      node_id: `B_${sha}`,
      url: `${state.api}/git/blobs/${sha}`,
      size: stdout.length,
      content: wrapBase64(stdout.toString('base64')),
      encoding: 'base64'
    }
  }
}

export async function createBlob(
  state: RepositoryState,
  input: ApiInput
): Promise<Reply> {
  const body = input.body as { content: string; encoding?: string }
  const content = decodeContent(body.content, body.encoding ?? 'utf-8')
  const sha = await state.git.hashBlob(content)
  return { status: 201, body: { sha, url: `${state.api}/git/blobs/${sha}` } }
}

export async function createTree(
  state: RepositoryState,
  input: ApiInput
): Promise<Reply> {
  const body = input.body as {
    tree: readonly TreeEntryBody[]
    base_tree?: string
  }
  const flat = await baseTree(state, body.base_tree)
  for (const entry of body.tree) await applyTreeEntry(state, flat, entry)
  const sha = await state.git.writeTree(flat)
  return { status: 201, body: await treeView(state, sha, false) }
}

async function baseTree(
  state: RepositoryState,
  baseTree: string | undefined
): Promise<FlatTree> {
  if (baseTree === undefined) return new Map()
  if ((await state.git.objectType(baseTree)) !== 'tree') {
    throw failure(422, 'Invalid tree info: base_tree is not a tree')
  }
  return state.git.flatTree(baseTree)
}

async function applyTreeEntry(
  state: RepositoryState,
  flat: FlatTree,
  entry: TreeEntryBody
) {
  const path = checkTreePath(entry.path)
  if (entry.sha === null) return deletePath(flat, path)
  const mode = entry.mode ?? ''
  const type = MODE_TYPES[mode]
  if (type === undefined)
    throw failure(422, `tree.mode is required for ${path}`)
  if (entry.type !== undefined && entry.type !== type) {
    throw failure(422, `tree.type ${entry.type} does not match mode ${mode}`)
  }
  removeUnder(flat, path)
  if (type === 'tree') return graftTree(state, flat, path, entry.sha)
  const sha = await entrySha(state, entry, type, path)
  flat.set(path, { mode, type, sha })
}

async function entrySha(
  state: RepositoryState,
  entry: TreeEntryBody,
  type: string,
  path: string
) {
  if (entry.content !== undefined && entry.sha !== undefined) {
    throw failure(422, `tree entry ${path} has both sha and content`)
  }
  if (entry.content !== undefined) return state.git.hashBlob(entry.content)
  const sha = entry.sha ?? ''
  // Submodule entries point at commits in another repository.
  if (type !== 'commit' && (await state.git.objectType(sha)) !== type) {
    throw failure(422, `tree.sha ${sha} is not a valid ${type}`)
  }
  return sha
}

async function graftTree(
  state: RepositoryState,
  flat: FlatTree,
  path: string,
  sha: string | undefined
) {
  if ((await state.git.objectType(sha ?? '')) !== 'tree') {
    throw failure(422, `tree.sha ${sha} is not a valid tree`)
  }
  const subtree = await state.git.flatTree(sha ?? '')
  for (const [child, item] of subtree) flat.set(`${path}/${child}`, item)
}

export async function createCommit(
  state: RepositoryState,
  input: ApiInput
): Promise<Reply> {
  const body = input.body as {
    message: string
    tree: string
    parents?: readonly string[]
    author?: IdentityBody
    committer?: IdentityBody
    signature?: string
  }
  if ((await state.git.objectType(body.tree)) !== 'tree') {
    throw failure(422, 'Tree SHA does not exist')
  }
  for (const parent of body.parents ?? []) {
    if ((await state.git.objectType(parent)) !== 'commit') {
      throw failure(422, 'Parent SHA does not exist or is not a commit object')
    }
  }
  // FACTS §6.1: bot commits are verified only without custom author,
  // committer or signature.
  const verified =
    body.author === undefined &&
    body.committer === undefined &&
    body.signature === undefined
  const author = checkIdentity(body.author ?? BOT)
  const sha = await state.git.commitTree({
    tree: body.tree,
    parents: body.parents ?? [],
    message: body.message,
    author,
    committer: checkIdentity(body.committer ?? author)
  })
  state.verified.set(sha, verified)
  return { status: 201, body: await commitView(state, sha) }
}

export async function createRef(
  state: RepositoryState,
  input: ApiInput
): Promise<Reply> {
  const { ref, sha } = input.body as { ref: string; sha: string }
  if (!/^refs\/[^/]+\/.+/.test(ref) || !(await validRefName(state, ref))) {
    throw failure(
      422,
      "ref must start with 'refs' and have at least two slashes."
    )
  }
  if ((await state.git.objectType(sha)) !== 'commit') {
    throw failure(422, 'Object does not exist')
  }
  if (!(await state.git.updateRef(ref, sha, null))) {
    throw failure(422, 'Reference already exists')
  }
  state.refMoved(ref, sha)
  return { status: 201, body: refView(state, ref, sha) }
}

async function validRefName(state: RepositoryState, ref: string) {
  return (await state.git.attempt(['check-ref-format', ref])) !== undefined
}

export async function updateRef(
  state: RepositoryState,
  input: ApiInput
): Promise<Reply> {
  const ref = `refs/${stringParam(input, 'ref')}`
  const { sha, force } = input.body as { sha: string; force?: boolean }
  const old = await state.git.refSha(ref)
  if (old === undefined) throw failure(422, 'Reference does not exist')
  if ((await state.git.objectType(sha)) !== 'commit') {
    throw failure(422, 'Object does not exist')
  }
  const forced = force === true
  if (!forced && !(await state.git.isAncestor(old, sha))) {
    throw failure(422, 'Update is not a fast forward')
  }
  // Without force the move is a compare-and-swap against what we checked.
  if (!(await state.git.updateRef(ref, sha, forced ? undefined : old))) {
    throw failure(422, 'Reference cannot be updated')
  }
  state.refMoved(ref, sha)
  return { status: 200, body: refView(state, ref, sha) }
}

export async function deleteRef(
  state: RepositoryState,
  input: ApiInput
): Promise<Reply> {
  const ref = `refs/${stringParam(input, 'ref')}`
  const old = await state.git.refSha(ref)
  if (old === undefined || !(await state.git.deleteRef(ref, old))) {
    throw failure(422, 'Reference does not exist')
  }
  state.refMoved(ref, undefined)
  return { status: 204 }
}
