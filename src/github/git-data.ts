/**
 * Branch content through the Git Database API (FACTS.md §6.1): blobs → a
 * tree on top of the base tree → one commit → the ref. No author or
 * committer is set, so the commit is signed by GitHub and shows Verified.
 */
import type { BaseSnapshot, TreeFile } from '../pipeline/ports.js'
import { RERUN, isReferenceExists, statusOf, wrap } from './errors.js'
import type { GitHubClient } from './octokit.js'

export interface RepoCoordinates {
  readonly owner: string
  readonly repo: string
}

const REGULAR_FILE_MODES = new Set(['100644', '100755'])

export async function baseSnapshot(
  octokit: GitHubClient,
  at: RepoCoordinates,
  branch: string
): Promise<BaseSnapshot> {
  try {
    const ref = await octokit.rest.git.getRef({ ...at, ref: `heads/${branch}` })
    const commitSha = ref.data.object.sha
    const commit = await octokit.rest.git.getCommit({
      ...at,
      commit_sha: commitSha
    })
    const treeSha = commit.data.tree.sha
    const tree = await octokit.rest.git.getTree({
      ...at,
      tree_sha: treeSha,
      recursive: 'true'
    })
    const files = new Map<string, TreeFile>()
    for (const entry of tree.data.tree) {
      if (
        entry.type !== 'blob' ||
        entry.path === undefined ||
        entry.sha === undefined
      )
        continue
      if (entry.mode === undefined || !REGULAR_FILE_MODES.has(entry.mode))
        continue
      files.set(entry.path, {
        path: entry.path,
        sha: entry.sha,
        mode: entry.mode
      })
    }
    return { branch, commitSha, treeSha, files, truncated: tree.data.truncated }
  } catch (error) {
    if (statusOf(error) === 404) {
      throw wrap(
        `reading the base branch "${branch}" (does it exist? set the base-branch input)`,
        error
      )
    }
    throw wrap(`reading the base branch "${branch}"`, error)
  }
}

export async function readBlob(
  octokit: GitHubClient,
  at: RepoCoordinates,
  sha: string
): Promise<string> {
  try {
    const blob = await octokit.rest.git.getBlob({ ...at, file_sha: sha })
    const bytes = Buffer.from(
      blob.data.content,
      blob.data.encoding === 'base64' ? 'base64' : 'utf8'
    )
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
      bytes
    )
  } catch (error) {
    throw wrap(`reading blob ${sha}`, error)
  }
}

export async function branchHead(
  octokit: GitHubClient,
  at: RepoCoordinates,
  branch: string
): Promise<{ sha: string; parents: string[] } | undefined> {
  try {
    const ref = await octokit.rest.git.getRef({ ...at, ref: `heads/${branch}` })
    const commit = await octokit.rest.git.getCommit({
      ...at,
      commit_sha: ref.data.object.sha
    })
    return {
      sha: commit.data.sha,
      parents: commit.data.parents.map(p => p.sha)
    }
  } catch (error) {
    if (statusOf(error) === 404) return undefined
    throw wrap(`reading branch "${branch}"`, error)
  }
}

/** Files per tree request (create-pull-request uses the same chunk size). */
const TREE_CHUNK = 100

export async function commitFiles(
  octokit: GitHubClient,
  at: RepoCoordinates,
  base: BaseSnapshot,
  files: readonly { path: string; content: string }[],
  message: string
): Promise<string> {
  try {
    // The text goes inline in the tree entries (GitHub writes the blobs):
    // one write per TREE_CHUNK files instead of one per file, which under
    // GitHub's pacing of writes (about one a second) is minutes saved on a
    // large pull request. Each chunk builds on the tree before it.
    let tree = base.treeSha
    for (let i = 0; i < files.length; i += TREE_CHUNK) {
      const entries = files.slice(i, i + TREE_CHUNK).map(file => ({
        path: file.path,
        // Keep the file's mode: an executable bit must survive the bump.
        mode: (base.files.get(file.path)?.mode ?? '100644') as
          '100644' | '100755',
        type: 'blob' as const,
        content: file.content
      }))
      const created = await octokit.rest.git.createTree({
        ...at,
        base_tree: tree,
        tree: entries
      })
      tree = created.data.sha
    }
    const commit = await octokit.rest.git.createCommit({
      ...at,
      message,
      tree,
      parents: [base.commitSha]
    })
    return commit.data.sha
  } catch (error) {
    throw wrap('creating the commit', error)
  }
}

/**
 * Create the ref, or force-move it. Two runs racing: the loser of the create
 * sees "Reference already exists" and moves it instead; its content is the
 * same plan on the same base, so either commit is right. Any other 409 or
 * 422 (a concurrent writer, a branch deleted meanwhile, a replica that has
 * not seen the new commit yet) re-reads the branch and tries once more.
 */
export async function pushBranch(
  octokit: GitHubClient,
  at: RepoCoordinates,
  branch: string,
  sha: string
): Promise<void> {
  const exists = (await branchHead(octokit, at, branch)) !== undefined
  await pointBranch(octokit, at, branch, sha, exists, false)
}

const REF_HINT = `Another push may have moved or deleted the branch at the same moment, or GitHub had not yet seen the new commit; Freshbase re-read the branch and tried once more. ${RERUN}`

async function pointBranch(
  octokit: GitHubClient,
  at: RepoCoordinates,
  branch: string,
  sha: string,
  exists: boolean,
  retried: boolean
): Promise<void> {
  try {
    if (exists) {
      await octokit.rest.git.updateRef({
        ...at,
        ref: `heads/${branch}`,
        sha,
        force: true
      })
    } else {
      await octokit.rest.git.createRef({
        ...at,
        ref: `refs/heads/${branch}`,
        sha
      })
    }
  } catch (error) {
    // Lost the race to create it: move it instead (not a retry).
    if (!exists && isReferenceExists(error))
      return pointBranch(octokit, at, branch, sha, true, retried)
    const status = statusOf(error)
    if (!retried && (status === 409 || status === 422)) {
      const now = (await branchHead(octokit, at, branch)) !== undefined
      return pointBranch(octokit, at, branch, sha, now, true)
    }
    throw wrap(
      `${exists ? 'updating' : 'creating'} branch "${branch}"`,
      error,
      status === 409 || status === 422 ? REF_HINT : undefined
    )
  }
}

export async function branchesWithPrefix(
  octokit: GitHubClient,
  at: RepoCoordinates,
  prefix: string
): Promise<string[]> {
  try {
    const refs = await octokit.rest.git.listMatchingRefs({
      ...at,
      ref: `heads/${prefix}`
    })
    return refs.data
      .map(r => r.ref.replace(/^refs\/heads\//, ''))
      .filter(name => name.startsWith(prefix))
  } catch (error) {
    throw wrap(`listing the branches that start with "${prefix}"`, error)
  }
}

export async function deleteBranch(
  octokit: GitHubClient,
  at: RepoCoordinates,
  branch: string
): Promise<void> {
  try {
    await octokit.rest.git.deleteRef({ ...at, ref: `heads/${branch}` })
  } catch (error) {
    // Already gone (a human deleted it, or another run did): nothing to do.
    if (statusOf(error) === 404 || statusOf(error) === 422) return
    throw wrap(`deleting branch "${branch}"`, error)
  }
}
