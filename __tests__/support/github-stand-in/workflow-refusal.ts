/**
 * GitHub refusing a change to `.github/workflows/` from a token without
 * the Workflows permission (types.ts WorkflowRefusal, YAML.md §3.4).
 */
import type { FlatTree } from './git-objects.js'
import type { ApiInput, Reply } from './replies.js'
import type { RepositoryState } from './repository-state.js'
import type { WorkflowRefusal } from './types.js'

/** GitHub runs the workflows of this folder only (not of nested ones). */
const WORKFLOWS = '.github/workflows/'

const OPERATIONS: Readonly<Record<WorkflowRefusal['at'], readonly string[]>> = {
  tree: ['git/create-tree'],
  commit: ['git/create-commit'],
  ref: ['git/create-ref', 'git/update-ref']
}

const DOCS: Readonly<Record<WorkflowRefusal['at'], string>> = {
  tree: 'https://docs.github.com/rest/git/trees#create-a-tree',
  commit: 'https://docs.github.com/rest/git/commits#create-a-commit',
  ref: 'https://docs.github.com/rest/git/refs'
}

/**
 * The refusal of this request, or undefined. Called before the handler
 * (`created` undefined: commit and ref are judged on the request) and
 * after it with its reply (tree: judged on the tree it wrote, which
 * nothing points to when refused).
 */
export async function workflowRefusal(
  state: RepositoryState,
  refusal: WorkflowRefusal | undefined,
  operationId: string,
  input: ApiInput,
  created?: Reply
): Promise<Reply | undefined> {
  if (refusal === undefined) return undefined
  if (!OPERATIONS[refusal.at].includes(operationId)) return undefined
  const changes =
    refusal.at === 'tree'
      ? await treeChanges(state, input, created)
      : refusal.at === 'commit'
        ? await commitRequestChanges(state, input, created)
        : await refChanges(state, input, created)
  return changes ? refusalReply(refusal) : undefined
}

function refusalReply(refusal: WorkflowRefusal): Reply {
  const message =
    refusal.status === 403
      ? 'Resource not accessible by integration'
      : 'Not Found'
  return {
    status: refusal.status,
    body: {
      message,
      documentation_url: DOCS[refusal.at],
      status: String(refusal.status)
    }
  }
}

async function treeChanges(
  state: RepositoryState,
  input: ApiInput,
  created: Reply | undefined
): Promise<boolean> {
  if (created?.status !== 201) return false
  const { sha } = created.body as { sha: string }
  const { base_tree: base } = input.body as { base_tree?: string }
  return changesWorkflows(state, base, sha)
}

async function commitRequestChanges(
  state: RepositoryState,
  input: ApiInput,
  created: Reply | undefined
): Promise<boolean> {
  if (created !== undefined) return false
  const { tree, parents } = input.body as {
    tree: string
    parents?: readonly string[]
  }
  const parent = parents?.[0]
  return changesWorkflows(
    state,
    parent === undefined ? undefined : await treeOf(state, parent),
    tree
  )
}

async function refChanges(
  state: RepositoryState,
  input: ApiInput,
  created: Reply | undefined
): Promise<boolean> {
  if (created !== undefined) return false
  const { sha } = input.body as { sha: string }
  if ((await state.git.objectType(sha)) !== 'commit') return false
  const commit = await state.git.readCommit(sha)
  const parent = commit.parents[0]
  return changesWorkflows(
    state,
    parent === undefined ? undefined : await treeOf(state, parent),
    commit.tree
  )
}

async function treeOf(state: RepositoryState, commit: string) {
  if ((await state.git.objectType(commit)) !== 'commit') return undefined
  return (await state.git.readCommit(commit)).tree
}

/** Whether any path under .github/workflows/ differs (added, removed, changed, mode). */
async function changesWorkflows(
  state: RepositoryState,
  before: string | undefined,
  after: string
): Promise<boolean> {
  if ((await state.git.objectType(after)) !== 'tree') return false
  const old = await workflowEntries(state, before)
  const now = await workflowEntries(state, after)
  const paths = new Set([...old.keys(), ...now.keys()])
  return [...paths].some(path => {
    const a = old.get(path)
    const b = now.get(path)
    return a?.sha !== b?.sha || a?.mode !== b?.mode
  })
}

async function workflowEntries(
  state: RepositoryState,
  tree: string | undefined
): Promise<FlatTree> {
  if (tree === undefined || (await state.git.objectType(tree)) !== 'tree')
    return new Map()
  const flat = await state.git.flatTree(tree)
  return new Map([...flat].filter(([path]) => path.startsWith(WORKFLOWS)))
}
