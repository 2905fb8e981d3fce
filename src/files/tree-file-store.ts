/**
 * A FileStore over the base branch head as the GitHub API lists it, for the
 * Action: the files are discovered from the base tree and their content is
 * the base head's. The workspace copy is used when its git blob hash equals
 * the tree's (no API call); when the checkout is older than the branch, the
 * blob is fetched, so a plan never overwrites a change the action did not see.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { FileStore, TreeFile } from '../pipeline/ports.js'
import { selectPaths } from './select.js'
import type { SelectOptions } from './select.js'

export interface TreeSource {
  readonly files: ReadonlyMap<string, TreeFile>
  readBlob(sha: string): Promise<string>
}

export interface TreeFileStoreOptions {
  /** Checkout directory (GITHUB_WORKSPACE); undefined = always fetch blobs. */
  readonly workspace?: string
  /** Directories to scan (repository-relative); empty = all. */
  readonly paths: readonly string[]
}

export function createTreeFileStore(
  source: TreeSource,
  options: TreeFileStoreOptions
): FileStore & { readonly blobsFetched: () => number } {
  let fetched = 0
  return {
    blobsFetched: () => fetched,
    // `kinds` comes with the run's Config (absent = all kinds).
    discover: async (config: SelectOptions) =>
      Promise.resolve(
        selectPaths([...source.files.keys()], config, options.paths)
      ),
    read: async file => {
      const entry = source.files.get(file)
      if (entry === undefined)
        throw new Error(`${file}: not in the base branch`)
      const local = await readWorkspace(options.workspace, file)
      if (local !== undefined && gitBlobSha(local) === entry.sha) {
        return decodeUtf8(file, local)
      }
      fetched++
      return source.readBlob(entry.sha)
    },
    write: async file =>
      Promise.reject(
        new Error(
          `${file}: the Action publishes through the GitHub API, it does not write files`
        )
      )
  }
}

async function readWorkspace(
  workspace: string | undefined,
  file: string
): Promise<Buffer | undefined> {
  if (workspace === undefined) return undefined
  return readFile(path.join(workspace, file)).catch(() => undefined)
}

/** git hash-object: sha1 of "blob <size>\0" + bytes. */
export function gitBlobSha(bytes: Buffer): string {
  return createHash('sha1')
    .update(`blob ${bytes.length}\0`)
    .update(bytes)
    .digest('hex')
}

function decodeUtf8(file: string, bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
      bytes
    )
  } catch {
    throw new Error(
      `${file}: not valid UTF-8 text; skipped. Save the file as UTF-8 to let Freshbase pin it.`
    )
  }
}
