/** Git plumbing over the bare repository that holds the state. */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, rename, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import { GitBatch } from './git-batch.js'
import {
  SEEDER,
  identityEnv,
  nest,
  parseCommit,
  parseListedEntry,
  parseLogRecord
} from './git-objects.js'
import type {
  CommitObject,
  DirectoryNode,
  FlatTree,
  Identity
} from './git-objects.js'
import { isSha } from './shared.js'
import type { LogEntry, SeedFile } from './types.js'

interface RunOptions {
  readonly input?: string | Buffer
  readonly env?: Readonly<Record<string, string>>
}

class GitFailure extends Error {}

export class GitStore {
  private readonly batch: GitBatch

  constructor(
    readonly gitDir: string,
    private readonly home: string
  ) {
    this.batch = new GitBatch(() => this.environment())
  }

  /** Ends the long-lived batch processes. */
  stop() {
    this.batch.stop()
  }

  async run(args: readonly string[], options: RunOptions = {}) {
    return (await this.exec(args, options)).stdout.toString('utf8')
  }

  /** Like run, but a non-zero exit gives undefined instead of throwing. */
  async attempt(args: readonly string[], options: RunOptions = {}) {
    try {
      return await this.run(args, options)
    } catch (error) {
      if (error instanceof GitFailure) return undefined
      throw error
    }
  }

  async exec(args: readonly string[], options: RunOptions = {}) {
    return new Promise<{ stdout: Buffer; stderr: string }>(
      (resolve, reject) => {
        const child = spawn('git', args, {
          env: { ...this.environment(), ...options.env }
        })
        const out: Buffer[] = []
        const err: Buffer[] = []
        child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
        child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
        // git may exit before reading stdin; its exit code tells the story.
        child.stdin.on('error', () => undefined)
        child.on('error', reject)
        child.on('close', code => {
          const stderr = Buffer.concat(err).toString('utf8')
          if (code === 0) resolve({ stdout: Buffer.concat(out), stderr })
          else reject(new GitFailure(`git ${args.join(' ')}: ${stderr}`))
        })
        child.stdin.end(options.input)
      }
    )
  }

  // Pinned so the user's and the system's git config cannot change results.
  private environment(): Record<string, string> {
    return {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: this.home,
      GIT_DIR: this.gitDir,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      LC_ALL: 'C',
      TZ: 'UTC'
    }
  }

  /**
   * Writes a loose blob object as `git hash-object -w` does (zlib of
   * "blob <size>\0" + content under objects/xx/…); `fsck` in the tests
   * checks every object written this way.
   */
  async hashBlob(content: Buffer | string) {
    const body = Buffer.from(content)
    const object = Buffer.concat([Buffer.from(`blob ${body.length}\0`), body])
    const sha = createHash('sha1').update(object).digest('hex')
    const dir = join(this.gitDir, 'objects', sha.slice(0, 2))
    const file = join(dir, sha.slice(2))
    const exists = await stat(file).then(
      () => true,
      () => false
    )
    if (!exists) {
      await mkdir(dir, { recursive: true })
      const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`
      await writeFile(temp, deflateSync(object), { mode: 0o444 })
      await rename(temp, file)
    }
    return sha
  }

  async objectType(sha: string) {
    if (!isSha(sha)) return undefined
    return (await this.batch.read(sha))?.type
  }

  /** A blob's bytes by sha, or undefined when there is no such blob. */
  async readBlob(sha: string) {
    if (!isSha(sha)) return undefined
    const answer = await this.batch.read(sha)
    return answer?.type === 'blob' ? answer.content : undefined
  }

  async refSha(fullRef: string) {
    if (fullRef.startsWith('-')) return undefined
    const out = await this.attempt(['show-ref', '--verify', '--hash', fullRef])
    return out?.trim()
  }

  /** Every ref whose full name starts with `prefix` (GitHub matches by prefix, not by path component). */
  async matchingRefs(prefix: string) {
    const out = await this.run([
      'for-each-ref',
      '--format=%(refname) %(objectname)'
    ])
    return out
      .split('\n')
      .filter(line => line !== '')
      .map(line => {
        const [ref = '', sha = ''] = line.split(' ')
        return { ref, sha }
      })
      .filter(({ ref }) => ref.startsWith(prefix))
  }

  /** A tree sha from a tree, commit or ref name. */
  async resolveTree(rev: string) {
    if (rev.startsWith('-')) return undefined
    const args = ['rev-parse', '--verify', '--quiet', `${rev}^{tree}`]
    return (await this.attempt(args))?.trim()
  }

  async listTree(treeish: string, recursive: boolean) {
    const flags = recursive ? ['-r', '-t'] : []
    const out = await this.run(['ls-tree', '-z', '-l', ...flags, treeish])
    return out.split('\0').filter(Boolean).map(parseListedEntry)
  }

  /** path → leaf (blob or submodule) for the whole tree. */
  async flatTree(treeish: string): Promise<FlatTree> {
    const entries = await this.listTree(treeish, true)
    const leaves = entries.filter(entry => entry.type !== 'tree')
    return new Map(
      leaves.map(({ path, mode, type, sha }) => [path, { mode, type, sha }])
    )
  }

  /** Writes nested trees bottom-up with mktree; returns the root tree. */
  async writeTree(flat: FlatTree) {
    return this.writeDirectory(nest(flat))
  }

  private async writeDirectory(dir: DirectoryNode): Promise<string> {
    const subtrees = await Promise.all(
      [...dir.dirs].map(
        async ([name, child]) =>
          `040000 tree ${await this.writeDirectory(child)}\t${name}`
      )
    )
    const files = [...dir.files].map(
      ([name, item]) => `${item.mode} ${item.type} ${item.sha}\t${name}`
    )
    const input = [...files, ...subtrees].map(line => `${line}\0`).join('')
    // An empty entry ends a tree in batch mode, so the empty tree goes alone.
    if (input === '') return (await this.run(['mktree', '-z'])).trim()
    return this.batch.writeTree(input)
  }

  async commitTree(commit: {
    readonly tree: string
    readonly parents: readonly string[]
    readonly message: string
    readonly author: Identity
    readonly committer: Identity
  }) {
    const parents = commit.parents.flatMap(parent => ['-p', parent])
    const env = {
      ...identityEnv('AUTHOR', commit.author),
      ...identityEnv('COMMITTER', commit.committer)
    }
    const args = ['commit-tree', commit.tree, ...parents]
    return (await this.run(args, { input: commit.message, env })).trim()
  }

  async readCommit(sha: string): Promise<CommitObject> {
    const answer = isSha(sha) ? await this.batch.read(sha) : undefined
    if (answer?.type !== 'commit') throw new GitFailure(`no commit ${sha}`)
    return parseCommit(answer.content.toString('utf8'))
  }

  /**
   * `expected`: a sha for compare-and-swap, null for "must not exist",
   * undefined to overwrite whatever is there.
   */
  async updateRef(ref: string, sha: string, expected?: string | null) {
    const old = expected === undefined ? [] : [expected ?? '']
    return (await this.attempt(['update-ref', ref, sha, ...old])) !== undefined
  }

  async deleteRef(ref: string, expected: string) {
    const out = await this.attempt(['update-ref', '-d', ref, expected])
    return out !== undefined
  }

  async isAncestor(ancestor: string, descendant: string) {
    const args = ['merge-base', '--is-ancestor', ancestor, descendant]
    return (await this.attempt(args)) !== undefined
  }

  /** The merged tree, or undefined when the merge conflicts. */
  async mergeTree(ours: string, theirs: string) {
    const args = ['merge-tree', '--write-tree', ours, theirs]
    return (await this.attempt(args))?.split('\n')[0]
  }

  async log(ref: string): Promise<LogEntry[]> {
    const fields = ['%H', '%P', '%an', '%ae', '%cn', '%ce', '%s', '%b']
    const format = `--format=${fields.join('%x00')}%x1e`
    const out = await this.run(['log', format, ref, '--'])
    return out
      .split('\x1e')
      .map(record => record.replace(/^\n/, ''))
      .filter(Boolean)
      .map(parseLogRecord)
  }
}

export async function seedRepository(
  git: GitStore,
  branch: string,
  files: Readonly<Record<string, SeedFile>>
) {
  await git.run(['init', '--quiet', '--bare', `--initial-branch=${branch}`])
  const flat: FlatTree = new Map()
  for (const [path, spec] of Object.entries(files)) {
    const file =
      typeof spec === 'string' ? { content: spec, mode: '100644' } : spec
    const sha = await git.hashBlob(file.content)
    flat.set(path, { mode: file.mode, type: 'blob', sha })
  }
  const tree = await git.writeTree(flat)
  const commit = await git.commitTree({
    tree,
    parents: [],
    message: 'Initial commit\n',
    author: SEEDER,
    committer: SEEDER
  })
  await git.updateRef(`refs/heads/${branch}`, commit, null)
}
