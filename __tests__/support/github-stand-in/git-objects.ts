/** Identities, tree and commit shapes, and parsers for git output. */
import { failure } from './replies.js'
import { isoSeconds } from './shared.js'
import type { LogEntry } from './types.js'

export interface Identity {
  readonly name: string
  readonly email: string
  /** ISO 8601; absent means now. */
  readonly date?: string
}

export const BOT: Identity = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com'
}
// A fixed identity and date make the seed commit's sha reproducible.
export const SEEDER: Identity = {
  name: 'Freshbase Seed',
  email: 'seed@freshbase.test',
  date: '2024-01-01T00:00:00Z'
}
export const HUMAN: Identity = {
  name: 'Human Pusher',
  email: 'human@freshbase.test'
}

interface TreeItem {
  readonly mode: string
  readonly type: string
  readonly sha: string
}

export type FlatTree = Map<string, TreeItem>

interface ListedEntry extends TreeItem {
  readonly path: string
  readonly size: number | undefined
}

interface Signature {
  readonly name: string
  readonly email: string
  readonly date: string
}

export interface CommitObject {
  readonly tree: string
  readonly parents: readonly string[]
  readonly author: Signature
  readonly committer: Signature
  readonly message: string
}

export function identityEnv(role: 'AUTHOR' | 'COMMITTER', identity: Identity) {
  const env: Record<string, string> = {
    [`GIT_${role}_NAME`]: identity.name,
    [`GIT_${role}_EMAIL`]: identity.email
  }
  if (identity.date !== undefined) env[`GIT_${role}_DATE`] = identity.date
  return env
}

export function parseListedEntry(line: string): ListedEntry {
  const tab = line.indexOf('\t')
  const [mode = '', type = '', sha = '', size = '-'] = line
    .slice(0, tab)
    .split(/ +/)
  const bytes = size === '-' ? undefined : Number(size)
  return { mode, type, sha, size: bytes, path: line.slice(tab + 1) }
}

export function parseCommit(text: string): CommitObject {
  const split = text.indexOf('\n\n')
  const head = split < 0 ? text : text.slice(0, split)
  const headers = head.split('\n').filter(line => !line.startsWith(' '))
  const values = (key: string) =>
    headers
      .filter(line => line.startsWith(`${key} `))
      .map(line => line.slice(key.length + 1))
  return {
    tree: values('tree')[0] ?? '',
    parents: values('parent'),
    author: parseSignature(values('author')[0] ?? ''),
    committer: parseSignature(values('committer')[0] ?? ''),
    message: split < 0 ? '' : text.slice(split + 2)
  }
}

function parseSignature(value: string): Signature {
  const match = /^(.*) <(.*)> (\d+) [+-]\d{4}$/.exec(value)
  const seconds = Number(match?.[3] ?? 0)
  return {
    name: match?.[1] ?? '',
    email: match?.[2] ?? '',
    date: isoSeconds(new Date(seconds * 1000))
  }
}

export function parseLogRecord(record: string): LogEntry {
  const [
    sha = '',
    parents = '',
    an = '',
    ae = '',
    cn = '',
    ce = '',
    subject = '',
    body = ''
  ] = record.split('\0')
  return {
    sha,
    parents: parents.split(' ').filter(Boolean),
    author: { name: an, email: ae },
    committer: { name: cn, email: ce },
    subject,
    body: body.trimEnd()
  }
}

export interface DirectoryNode {
  readonly files: Map<string, TreeItem>
  readonly dirs: Map<string, DirectoryNode>
}

/** Turns path → item into nested directories; a file and a directory of the
 * same name cannot coexist in git, so that is a request error. */
export function nest(flat: FlatTree): DirectoryNode {
  const root: DirectoryNode = { files: new Map(), dirs: new Map() }
  for (const [path, item] of flat) {
    const parts = path.split('/')
    const name = parts.pop() ?? ''
    let dir = root
    for (const part of parts) {
      if (dir.files.has(part)) throw pathConflict(path)
      const next = dir.dirs.get(part) ?? { files: new Map(), dirs: new Map() }
      dir.dirs.set(part, next)
      dir = next
    }
    if (dir.dirs.has(name)) throw pathConflict(path)
    dir.files.set(name, item)
  }
  return root
}

function pathConflict(path: string) {
  return failure(422, `tree.path ${path} conflicts with another entry`)
}
