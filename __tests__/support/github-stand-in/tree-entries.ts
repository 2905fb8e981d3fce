/** Checks and decoding for git/create-tree and git/create-blob input. */
import type { FlatTree, Identity } from './git-objects.js'
import { failure } from './replies.js'

export interface IdentityBody {
  readonly name: string
  readonly email: string
  readonly date?: string
}

export interface TreeEntryBody {
  readonly path?: string
  readonly mode?: string
  readonly type?: string
  readonly sha?: string | null
  readonly content?: string
}

export const MODE_TYPES: Readonly<Record<string, string>> = {
  '100644': 'blob',
  '100755': 'blob',
  '120000': 'blob',
  '040000': 'tree',
  '160000': 'commit'
}

export function checkTreePath(path: string | undefined) {
  const parts = (path ?? '').split('/')
  const bad = parts.some(part => ['', '.', '..', '.git'].includes(part))
  if (bad)
    throw failure(422, `tree.path ${path} contains a malformed path component`)
  return parts.join('/')
}

/** GitHub errors when asked to delete a path that is not there. */
export function deletePath(flat: FlatTree, path: string) {
  if (!removeUnder(flat, path)) {
    throw failure(422, `tree.path ${path} does not exist in base_tree`)
  }
}

export function removeUnder(flat: FlatTree, path: string) {
  let removed = flat.delete(path)
  for (const key of [...flat.keys()]) {
    if (key.startsWith(`${path}/`)) removed = flat.delete(key) || removed
  }
  return removed
}

export function checkIdentity(identity: IdentityBody): Identity {
  if (identity.name.trim() === '' || identity.email.trim() === '') {
    throw failure(
      422,
      'Invalid request: author and committer need a name and an email'
    )
  }
  return identity
}

export function decodeContent(content: string, encoding: string) {
  if (encoding === 'utf-8' || encoding === 'utf8')
    return Buffer.from(content, 'utf8')
  if (encoding !== 'base64') {
    throw failure(422, `encoding must be utf-8 or base64, not ${encoding}`)
  }
  if (!/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(content)) {
    throw failure(422, 'content is not valid base64')
  }
  return Buffer.from(content, 'base64')
}

/** GitHub wraps blob base64 at 60 columns, with a trailing newline. */
export function wrapBase64(base64: string) {
  const lines = base64.match(/.{1,60}/g) ?? []
  return lines.map(line => `${line}\n`).join('')
}
