/**
 * A GitHub API stand-in for end-to-end tests (MODELS.md 3.8, FACTS.md §6).
 *
 * An HTTP server on 127.0.0.1 implementing the REST operations Freshbase
 * calls and the one GraphQL mutation it sends. Every request is checked
 * against its operation in GitHub's OpenAPI description (extracted by
 * scripts/extract-github-openapi.mjs): a request GitHub would reject, or
 * whose misspelt field GitHub would silently ignore, is recorded in
 * `violations` and answered with 422, so tests fail on it.
 *
 * Repository state is a real bare git repository written with plumbing, so
 * `git fsck` and `git log` check the objects the action produced rather than
 * a model of them. Pull requests, labels and dispatches live in memory.
 * Responses are our fields laid over a skeleton generated from the response
 * schema, so Octokit consumers see every field GitHub documents as required.
 */
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { Ajv } from 'ajv'
import type { ErrorObject, ValidateFunction } from 'ajv'
import ajvFormats from 'ajv-formats'

// ---------------------------------------------------------------- public API

export type SeedFile =
  string | { readonly content: string; readonly mode: '100644' | '100755' }

export interface GitHubStandInOptions {
  readonly owner: string
  readonly repo: string
  /** Default `main`. */
  readonly defaultBranch?: string
  readonly files: Readonly<Record<string, SeedFile>>
  /** The repository setting GraphQL auto-merge depends on; default false. */
  readonly allowAutoMerge?: boolean
  /** When set, every request must carry `token <t>` or `Bearer <t>`. */
  readonly token?: string
  /** Workflow files that exist; when set, dispatching another one is 404. */
  readonly workflows?: readonly string[]
}

export interface RequestMatch {
  readonly operationId?: string
  readonly method?: string
  /** Tested against the decoded path (no query string). */
  readonly path?: RegExp
}

export interface InjectedResponse {
  readonly status: number
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
  /**
   * The request takes effect first and only its answer is replaced: GitHub
   * did the write but the response was lost (a 500/502 after the fact).
   */
  readonly afterEffect?: boolean
}

export interface Violation {
  readonly operationId: string
  readonly method: string
  readonly path: string
  readonly errors: readonly string[]
}

export interface RecordedRequest {
  readonly method: string
  /** Decoded path without the query string. */
  readonly path: string
  readonly query: Readonly<Record<string, string>>
  /** The OpenAPI operationId, `graphql`, or `unknown`. */
  readonly operationId: string
  readonly status: number
  /** The parsed JSON body, if any. */
  readonly body: unknown
}

export type MergeMethod = 'merge' | 'squash' | 'rebase'

export interface PullRequestState {
  readonly number: number
  readonly nodeId: string
  readonly state: 'open' | 'closed'
  readonly title: string
  readonly body: string | null
  readonly draft: boolean
  readonly maintainerCanModify: boolean
  readonly head: { readonly ref: string; readonly sha: string }
  readonly base: { readonly ref: string; readonly sha: string }
  readonly labels: readonly string[]
  readonly requestedReviewers: readonly string[]
  readonly requestedTeams: readonly string[]
  readonly assignees: readonly string[]
  readonly comments: readonly { readonly id: number; readonly body: string }[]
  readonly autoMerge: {
    readonly mergeMethod: MergeMethod
    readonly enabledAt: string
  } | null
  readonly merged: boolean
  readonly mergedAt: string | null
  readonly mergeCommitSha: string | null
  readonly closedAt: string | null
  readonly createdAt: string
  readonly updatedAt: string
}

export interface WorkflowDispatch {
  readonly workflow_id: string | number
  readonly ref: string
  readonly inputs: Readonly<Record<string, unknown>>
}

export interface RepositoryDispatch {
  readonly event_type: string
  readonly client_payload: Readonly<Record<string, unknown>>
}

export interface Person {
  readonly name: string
  readonly email: string
}

export interface LogEntry {
  readonly sha: string
  readonly parents: readonly string[]
  readonly author: Person
  readonly committer: Person
  readonly subject: string
  readonly body: string
}

export interface FileEntry {
  readonly path: string
  readonly mode: string
  readonly type: string
  readonly sha: string
}

export interface GitHubStandIn {
  /** Use as GITHUB_API_URL / Octokit `baseUrl`. */
  readonly url: string
  /** `${url}/graphql`. */
  readonly graphqlUrl: string
  /** The bare repository holding the state. */
  readonly gitDir: string
  readonly pulls: readonly PullRequestState[]
  readonly dispatches: readonly WorkflowDispatch[]
  readonly repositoryDispatches: readonly RepositoryDispatch[]
  readonly requests: readonly RecordedRequest[]
  readonly violations: readonly Violation[]
  /** Our own responses that do not match GitHub's response schema. */
  readonly responseViolations: readonly Violation[]
  /** Every request that is not a GET. */
  writes(): RecordedRequest[]
  /** Commits as a human push would (not verified) and moves the branch. */
  commitFile(
    branch: string,
    path: string,
    content: string,
    message: string
  ): Promise<string>
  /** Fast-forwards the base, or writes a merge commit; returns its new sha. */
  mergePullRequest(number: number): Promise<string>
  closePullRequest(number: number): void
  branchHead(name: string): Promise<string | undefined>
  readFile(ref: string, path: string): Promise<string | undefined>
  listFiles(ref: string): Promise<FileEntry[]>
  log(ref: string): Promise<LogEntry[]>
  /**
   * Whether the stand-in reports the commit as verified (bot-signed);
   * undefined for the seed commit and unknown shas.
   */
  isVerified(sha: string): boolean | undefined
  /** `git fsck --strict`; returns its output and throws when it fails. */
  fsck(): Promise<string>
  failNext(
    match: RequestMatch,
    response: InjectedResponse,
    times?: number
  ): void
  delayNext(match: RequestMatch, ms: number, times?: number): void
  stop(): Promise<void>
}

export async function startGitHubStandIn(
  options: GitHubStandInOptions
): Promise<GitHubStandIn> {
  const catalog = await OpenApiCatalog.load()
  const root = await mkdtemp(join(tmpdir(), 'freshbase-github-'))
  try {
    const git = new GitStore(join(root, 'repo.git'), root)
    const branch = options.defaultBranch ?? 'main'
    await seedRepository(git, branch, options.files)
    const server = new StandInServer(catalog, options)
    const url = await server.listen()
    const state = new RepositoryState(git, { ...options, branch, url })
    server.attach(state)
    return publicFace(server, state, git, root)
  } catch (error) {
    await rm(root, { recursive: true, force: true })
    throw error
  }
}

// ------------------------------------------------------------- git plumbing

interface Identity {
  readonly name: string
  readonly email: string
  /** ISO 8601; absent means now. */
  readonly date?: string
}

const BOT: Identity = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com'
}
// A fixed identity and date make the seed commit's sha reproducible.
const SEEDER: Identity = {
  name: 'Freshbase Seed',
  email: 'seed@freshbase.test',
  date: '2024-01-01T00:00:00Z'
}
const HUMAN: Identity = { name: 'Human Pusher', email: 'human@freshbase.test' }

interface TreeItem {
  readonly mode: string
  readonly type: string
  readonly sha: string
}

type FlatTree = Map<string, TreeItem>

interface ListedEntry extends TreeItem {
  readonly path: string
  readonly size: number | undefined
}

interface Signature {
  readonly name: string
  readonly email: string
  readonly date: string
}

interface CommitObject {
  readonly tree: string
  readonly parents: readonly string[]
  readonly author: Signature
  readonly committer: Signature
  readonly message: string
}

interface RunOptions {
  readonly input?: string | Buffer
  readonly env?: Readonly<Record<string, string>>
}

class GitFailure extends Error {}

class GitStore {
  constructor(
    readonly gitDir: string,
    private readonly home: string
  ) {}

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

  async hashBlob(content: Buffer | string) {
    const out = await this.run(['hash-object', '-w', '--stdin'], {
      input: content
    })
    return out.trim()
  }

  async objectType(sha: string) {
    if (!isSha(sha)) return undefined
    return (await this.attempt(['cat-file', '-t', sha]))?.trim()
  }

  async refSha(fullRef: string) {
    if (fullRef.startsWith('-')) return undefined
    const out = await this.attempt(['show-ref', '--verify', '--hash', fullRef])
    return out?.trim()
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
    return (await this.run(['mktree', '-z'], { input })).trim()
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
    return parseCommit(await this.run(['cat-file', 'commit', sha]))
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

function identityEnv(role: 'AUTHOR' | 'COMMITTER', identity: Identity) {
  const env: Record<string, string> = {
    [`GIT_${role}_NAME`]: identity.name,
    [`GIT_${role}_EMAIL`]: identity.email
  }
  if (identity.date !== undefined) env[`GIT_${role}_DATE`] = identity.date
  return env
}

function parseListedEntry(line: string): ListedEntry {
  const tab = line.indexOf('\t')
  const [mode = '', type = '', sha = '', size = '-'] = line
    .slice(0, tab)
    .split(/ +/)
  const bytes = size === '-' ? undefined : Number(size)
  return { mode, type, sha, size: bytes, path: line.slice(tab + 1) }
}

function parseCommit(text: string): CommitObject {
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

function parseLogRecord(record: string): LogEntry {
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

interface DirectoryNode {
  readonly files: Map<string, TreeItem>
  readonly dirs: Map<string, DirectoryNode>
}

/** Turns path → item into nested directories; a file and a directory of the
 * same name cannot coexist in git, so that is a request error. */
function nest(flat: FlatTree): DirectoryNode {
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

async function seedRepository(
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

// ------------------------------------------------------------------ OpenAPI

interface JsonSchema {
  readonly $ref?: string
  readonly type?: string | readonly string[]
  readonly properties?: Readonly<Record<string, JsonSchema>>
  readonly required?: readonly string[]
  readonly additionalProperties?: boolean | JsonSchema
  readonly items?: JsonSchema
  readonly allOf?: readonly JsonSchema[]
  readonly anyOf?: readonly JsonSchema[]
  readonly oneOf?: readonly JsonSchema[]
  readonly enum?: readonly unknown[]
  readonly default?: unknown
  readonly format?: string
  readonly nullable?: boolean
}

interface ParameterSpec {
  readonly name: string
  readonly in: 'path' | 'query'
  readonly required: boolean
  readonly schema: JsonSchema
  readonly 'x-multi-segment'?: boolean
}

interface OperationSpec {
  readonly method: string
  readonly path: string
  readonly operationId: string
  readonly parameters: readonly ParameterSpec[]
  readonly requestBody: {
    readonly required: boolean
    readonly schema: JsonSchema
  } | null
  readonly responses: Readonly<Record<string, { readonly schema?: JsonSchema }>>
}

interface OpenApiDocument {
  readonly version: string
  readonly operations: readonly OperationSpec[]
  readonly components: {
    readonly schemas: Readonly<Record<string, JsonSchema>>
  }
}

interface Route {
  readonly index: number
  readonly operation: OperationSpec
  readonly pattern: RegExp
  readonly names: readonly string[]
}

interface CheckedRequest {
  readonly errors: readonly string[]
  readonly params: Readonly<Record<string, unknown>>
  readonly query: Readonly<Record<string, unknown>>
  readonly body: unknown
}

interface RawRequest {
  readonly params: Readonly<Record<string, string>>
  readonly query: URLSearchParams
  readonly body: Buffer
  readonly contentType: string | undefined
}

const SCHEMA_ID = 'github-openapi.json'
const SCHEMA_FILE = new URL('./github-openapi.json', import.meta.url)
const MAX_SKELETON_DEPTH = 12

class OpenApiCatalog {
  readonly routes: readonly Route[]
  private readonly ajv: Ajv
  private readonly validators = new Map<string, ValidateFunction>()

  private constructor(private readonly document: OpenApiDocument) {
    this.routes = document.operations.map(compileRoute)
    this.ajv = new Ajv({ strict: false, allErrors: true })
    ajvFormats.default(this.ajv)
    // GitHub-specific formats that ajv-formats does not know.
    this.ajv.addFormat('repo.nwo', /^[^/\s]+\/[^/\s]+$/)
    this.ajv.addFormat('timestamp', true)
    this.ajv.addSchema({ ...document, $id: SCHEMA_ID })
  }

  static async load() {
    const text = await readFile(SCHEMA_FILE, 'utf8')
    const document = normalizeNullable(JSON.parse(text) as unknown)
    return new OpenApiCatalog(document as OpenApiDocument)
  }

  match(method: string, rawPath: string) {
    for (const route of this.routes) {
      if (route.operation.method !== method) continue
      const found = route.pattern.exec(rawPath)
      if (found === null) continue
      const params = Object.fromEntries(
        route.names.map((name, i) => [name, safeDecode(found[i + 1] ?? '')])
      )
      return { route, params }
    }
    return undefined
  }

  checkRequest(route: Route, raw: RawRequest): CheckedRequest {
    const errors: string[] = []
    const params = this.checkParameters(route, 'path', raw.params, errors)
    const query = this.checkParameters(
      route,
      'query',
      Object.fromEntries(raw.query),
      errors
    )
    const body = this.checkBody(route, raw, errors)
    return { errors, params, query, body }
  }

  checkResponse(route: Route, status: number, body: unknown) {
    if (route.operation.responses[status]?.schema === undefined) return []
    const pointer = `/operations/${route.index}/responses/${status}/schema`
    return this.validate(pointer, body, 'response')
  }

  /** Lays `overlay` over a skeleton of the response schema for `status`. */
  shapeResponse(route: Route, status: number, overlay: unknown) {
    const schema = route.operation.responses[status]?.schema
    if (schema === undefined || overlay === undefined) return overlay
    return this.shape(schema, overlay, 0)
  }

  private checkParameters(
    route: Route,
    location: 'path' | 'query',
    raw: Readonly<Record<string, string>>,
    errors: string[]
  ) {
    const { parameters } = route.operation
    const known = new Set(
      parameters.filter(p => p.in === location).map(p => p.name)
    )
    for (const name of Object.keys(raw)) {
      if (!known.has(name))
        errors.push(`unknown ${location} parameter '${name}'`)
    }
    const values: Record<string, unknown> = {}
    parameters.forEach((spec, j) => {
      if (spec.in !== location) return
      const value = raw[spec.name]
      if (value === undefined) {
        if (spec.required)
          errors.push(`missing ${location} parameter '${spec.name}'`)
        return
      }
      values[spec.name] = coerce(value, spec.schema)
      const pointer = `/operations/${route.index}/parameters/${j}/schema`
      const where = `${location}.${spec.name}`
      errors.push(...this.validate(pointer, values[spec.name], where))
    })
    return values
  }

  private checkBody(route: Route, raw: RawRequest, errors: string[]): unknown {
    const spec = route.operation.requestBody
    if (raw.body.length === 0) {
      if (spec?.required === true) errors.push('request body is required')
      return undefined
    }
    if (spec === null) {
      errors.push(`${route.operation.operationId} takes no request body`)
      return undefined
    }
    if (!/^application\/json\b/i.test(raw.contentType ?? '')) {
      errors.push(
        `content-type must be application/json, not ${raw.contentType}`
      )
    }
    const body = parseJson(raw.body)
    if (body === undefined) {
      errors.push('request body is not valid JSON')
      return undefined
    }
    const pointer = `/operations/${route.index}/requestBody/schema`
    errors.push(...this.validate(pointer, body, 'body'))
    errors.push(...this.unknownProperties(spec.schema, body))
    return body
  }

  /**
   * Stricter than GitHub on purpose: GitHub ignores body fields it does not
   * know, so a misspelt field would silently do nothing in production.
   */
  private unknownProperties(schema: JsonSchema, body: unknown) {
    if (!isRecord(body)) return []
    const known = new Set<string>()
    for (const member of [
      schema,
      ...(schema.allOf ?? []),
      ...(schema.oneOf ?? []),
      ...(schema.anyOf ?? [])
    ]) {
      Object.keys(this.resolve(member).properties ?? {}).forEach(k =>
        known.add(k)
      )
    }
    if (known.size === 0 || schema.additionalProperties === true) return []
    return Object.keys(body)
      .filter(key => !known.has(key))
      .map(key => `body/${key} is not a property of this operation's body`)
  }

  validate(pointer: string, data: unknown, where: string) {
    let validator = this.validators.get(pointer)
    if (validator === undefined) {
      validator = this.ajv.compile({ $ref: `${SCHEMA_ID}#${pointer}` })
      this.validators.set(pointer, validator)
    }
    if (validator(data)) return []
    return (validator.errors ?? []).map(error => describeError(where, error))
  }

  private resolve(schema: JsonSchema): JsonSchema {
    let current = schema
    for (let hops = 0; current.$ref !== undefined && hops < 32; hops++) {
      const name = current.$ref.replace('#/components/schemas/', '')
      current = this.document.components.schemas[name] ?? {}
    }
    return current
  }

  private shape(schema: JsonSchema, value: unknown, depth: number): unknown {
    const resolved = this.resolve(schema)
    if (value === undefined) return this.skeleton(resolved, depth)
    if (Array.isArray(value)) {
      const items = this.itemsOf(resolved)
      const list: unknown[] = value
      if (items === undefined) return list
      return list.map(item => this.shape(items, item, depth + 1))
    }
    if (!isRecord(value)) return value
    const { properties, required } = this.objectShape(resolved)
    const out: Record<string, unknown> = {}
    for (const key of new Set([...required, ...Object.keys(value)])) {
      const property = properties[key]
      out[key] =
        property === undefined
          ? value[key]
          : this.shape(property, value[key], depth + 1)
    }
    return out
  }

  /** A minimal value that satisfies the schema: required fields only. */
  private skeleton(schema: JsonSchema, depth: number): unknown {
    if (depth > MAX_SKELETON_DEPTH || allowsNull(schema)) return null
    if (schema.enum !== undefined) return schema.enum[0]
    if (schema.default !== undefined) return schema.default
    const variant = schema.oneOf?.[0] ?? schema.anyOf?.[0]
    if (variant !== undefined && schema.properties === undefined) {
      return this.shape(variant, undefined, depth + 1)
    }
    switch (primaryType(schema)) {
      case 'object':
        return this.shape(schema, {}, depth)
      case 'array':
        return []
      case 'string':
        return placeholderString(schema.format)
      case 'integer':
      case 'number':
        return 0
      case 'boolean':
        return false
      default:
        return null
    }
  }

  private objectShape(schema: JsonSchema) {
    const properties: Record<string, JsonSchema> = {}
    const required: string[] = []
    const parts = [schema, ...(schema.allOf ?? []).map(s => this.resolve(s))]
    for (const part of parts) {
      Object.assign(properties, part.properties ?? {})
      required.push(...(part.required ?? []))
    }
    return { properties, required }
  }

  private itemsOf(schema: JsonSchema): JsonSchema | undefined {
    if (schema.items !== undefined) return schema.items
    const parts = [...(schema.allOf ?? []), ...(schema.oneOf ?? [])]
    return parts.map(s => this.resolve(s)).find(s => s.items)?.items
  }
}

function compileRoute(operation: OperationSpec, index: number): Route {
  const names: string[] = []
  const multiSegment = new Set(
    operation.parameters
      .filter(p => p['x-multi-segment'] === true)
      .map(p => p.name)
  )
  // Octokit sends `heads%2Ffeature` but other clients send `heads/feature`;
  // multi-segment parameters (refs, shas) accept both.
  const source = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name)
    return multiSegment.has(name) ? '(.+)' : '([^/]+)'
  })
  return { index, operation, pattern: new RegExp(`^${source}$`), names }
}

/** OpenAPI 3.0 `nullable` without `type` is something ajv refuses. */
function normalizeNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalizeNullable)
  if (!isRecord(node)) return node
  const copy = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, normalizeNullable(value)])
  )
  if (copy.nullable !== true || copy.type !== undefined) return copy
  const { nullable: _nullable, ...rest } = copy
  return { anyOf: [rest, { type: 'null' }] }
}

/** Query and path values are strings; the schema says what they mean. */
function coerce(value: string, schema: JsonSchema): unknown {
  const types = new Set<string>()
  for (const s of [schema, ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) {
    ;[s.type ?? []].flat().forEach(type => types.add(type))
  }
  const numeric = types.has('integer') || types.has('number')
  if (numeric && /^-?\d+(\.\d+)?$/.test(value)) return Number(value)
  if (types.has('boolean') && /^(true|false)$/.test(value)) {
    return value === 'true'
  }
  return value
}

function describeError(where: string, error: ErrorObject) {
  const detail = JSON.stringify(error.params)
  return `${where}${error.instancePath} ${error.message ?? error.keyword} ${detail}`
}

function allowsNull(schema: JsonSchema) {
  if (schema.nullable === true) return true
  return (schema.anyOf ?? []).some(member => member.type === 'null')
}

function primaryType(schema: JsonSchema) {
  const types = [schema.type ?? []].flat().filter(type => type !== 'null')
  if (types[0] !== undefined) return types[0]
  if (schema.properties !== undefined || schema.allOf !== undefined) {
    return 'object'
  }
  return undefined
}

function placeholderString(format: string | undefined) {
  switch (format) {
    case 'date-time':
      return '1970-01-01T00:00:00Z'
    case 'date':
      return '1970-01-01'
    case 'uri':
    case 'uri-template':
      return 'https://github.com/'
    case 'email':
      return 'placeholder@users.noreply.github.com'
    case 'repo.nwo':
      return 'placeholder/placeholder'
    default:
      return ''
  }
}

// ------------------------------------------------------------------ replies

const DOCS_URL = 'https://docs.github.com/rest'

interface Reply {
  readonly status: number
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
}

/** A GitHub-shaped error; handlers throw it to answer early. */
class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown
  ) {
    super(`${status} ${JSON.stringify(body)}`)
  }
}

function failure(status: number, message: string, errors?: readonly unknown[]) {
  return new ApiFailure(status, {
    message,
    documentation_url: DOCS_URL,
    status: String(status),
    ...(errors === undefined ? {} : { errors })
  })
}

function notFound() {
  return failure(404, 'Not Found')
}

function invalidField(field: string) {
  return failure(422, 'Validation Failed', [
    { resource: 'PullRequest', field, code: 'invalid' }
  ])
}

function customPullError(message: string) {
  return failure(422, 'Validation Failed', [
    { resource: 'PullRequest', code: 'custom', message }
  ])
}

// ----------------------------------------------------------- repository state

interface StateOptions extends GitHubStandInOptions {
  readonly branch: string
  readonly url: string
}

interface PullRecord {
  number: number
  nodeId: string
  state: 'open' | 'closed'
  title: string
  body: string | null
  draft: boolean
  maintainerCanModify: boolean
  head: { ref: string; sha: string }
  base: { ref: string; sha: string }
  labels: string[]
  requestedReviewers: string[]
  requestedTeams: string[]
  assignees: string[]
  comments: { id: number; body: string }[]
  autoMerge: { mergeMethod: MergeMethod; enabledAt: string } | null
  merged: boolean
  mergedAt: string | null
  mergeCommitSha: string | null
  closedAt: string | null
  createdAt: string
  updatedAt: string
}

interface ApiInput {
  readonly params: Readonly<Record<string, unknown>>
  readonly query: Readonly<Record<string, unknown>>
  readonly body: unknown
  /** The request URL, for pagination links. */
  readonly url: URL
}

type Handler = (input: ApiInput) => Reply | Promise<Reply>

interface IdentityBody {
  readonly name: string
  readonly email: string
  readonly date?: string
}

interface TreeEntryBody {
  readonly path?: string
  readonly mode?: string
  readonly type?: string
  readonly sha?: string | null
  readonly content?: string
}

type NameOrObject<K extends string> = string | Readonly<Record<K, string>>

const BOT_USER = {
  login: 'github-actions[bot]',
  id: 41898282,
  node_id: 'MDM6Qm90NDE4OTgyODI=',
  type: 'Bot',
  html_url: 'https://github.com/apps/github-actions'
}

const MODE_TYPES: Readonly<Record<string, string>> = {
  '100644': 'blob',
  '100755': 'blob',
  '120000': 'blob',
  '040000': 'tree',
  '160000': 'commit'
}

class RepositoryState {
  readonly pulls: PullRecord[] = []
  readonly dispatches: WorkflowDispatch[] = []
  readonly repositoryDispatches: RepositoryDispatch[] = []
  private readonly verified = new Map<string, boolean>()
  private readonly labels = new Map<string, number>()
  private nextNumber = 1
  private nextId = 1
  private readonly api: string
  private readonly web: string

  constructor(
    readonly git: GitStore,
    readonly options: StateOptions
  ) {
    const slug = `${options.owner}/${options.repo}`
    this.api = `${options.url}/repos/${slug}`
    this.web = `https://github.com/${slug}`
  }

  handlers(): Readonly<Record<string, Handler>> {
    return {
      'repos/get': () => this.getRepository(),
      'git/get-ref': async input => this.getRef(input),
      'git/get-commit': async input => this.getCommit(input),
      'git/get-tree': async input => this.getTree(input),
      'git/get-blob': async input => this.getBlob(input),
      'git/create-blob': async input => this.createBlob(input),
      'git/create-tree': async input => this.createTree(input),
      'git/create-commit': async input => this.createCommit(input),
      'git/create-ref': async input => this.createRef(input),
      'git/update-ref': async input => this.updateRef(input),
      'git/delete-ref': async input => this.deleteRef(input),
      'pulls/list': input => this.listPulls(input),
      'pulls/create': async input => this.createPull(input),
      'pulls/get': input => this.getPull(input),
      'pulls/update': async input => this.updatePull(input),
      'pulls/request-reviewers': input => this.requestReviewers(input),
      'issues/create-comment': input => this.createComment(input),
      'issues/add-labels': input => this.addLabels(input),
      'issues/add-assignees': input => this.addAssignees(input),
      'actions/create-workflow-dispatch': async input =>
        this.dispatchWorkflow(input),
      'repos/create-dispatch-event': input => this.dispatchRepository(input)
    }
  }

  isVerified(sha: string) {
    return this.verified.get(sha)
  }

  // --- repository

  private getRepository(): Reply {
    return { status: 200, body: this.repositoryView() }
  }

  private repositoryView() {
    const { owner, repo } = this.options
    return {
      id: 1,
      node_id: 'R_standin',
      name: repo,
      full_name: `${owner}/${repo}`,
      owner: this.ownerUser(),
      private: false,
      html_url: this.web,
      url: this.api,
      default_branch: this.options.branch,
      allow_auto_merge: this.options.allowAutoMerge ?? false,
      permissions: {
        admin: false,
        maintain: false,
        push: true,
        triage: true,
        pull: true
      }
    }
  }

  private ownerUser() {
    const login = this.options.owner
    return {
      login,
      type: 'Organization',
      html_url: `https://github.com/${login}`
    }
  }

  // --- git database

  private async getRef(input: ApiInput): Promise<Reply> {
    const ref = `refs/${stringParam(input, 'ref')}`
    const sha = await this.git.refSha(ref)
    if (sha === undefined) throw notFound()
    return { status: 200, body: this.refView(ref, sha) }
  }

  private refView(ref: string, sha: string) {
    return {
      ref,
      node_id: `REF_${Buffer.from(ref).toString('base64url')}`,
      url: `${this.api}/git/${ref}`,
      object: { type: 'commit', sha, url: `${this.api}/git/commits/${sha}` }
    }
  }

  private async getCommit(input: ApiInput): Promise<Reply> {
    const sha = stringParam(input, 'commit_sha')
    if ((await this.git.objectType(sha)) !== 'commit') throw notFound()
    return { status: 200, body: await this.commitView(sha) }
  }

  private async commitView(sha: string) {
    const commit = await this.git.readCommit(sha)
    const verified = this.verified.get(sha) === true
    return {
      sha,
      node_id: `C_${sha}`,
      url: `${this.api}/git/commits/${sha}`,
      html_url: `${this.web}/commit/${sha}`,
      author: commit.author,
      committer: commit.committer,
      message: commit.message,
      tree: { sha: commit.tree, url: `${this.api}/git/trees/${commit.tree}` },
      parents: commit.parents.map(parent => ({
        sha: parent,
        url: `${this.api}/git/commits/${parent}`,
        html_url: `${this.web}/commit/${parent}`
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

  private async getTree(input: ApiInput): Promise<Reply> {
    const tree = await this.git.resolveTree(stringParam(input, 'tree_sha'))
    if (tree === undefined) throw notFound()
    // GitHub recurses for any value of `recursive`, even "false" or "0".
    const recursive = input.query.recursive !== undefined
    return { status: 200, body: await this.treeView(tree, recursive) }
  }

  private async treeView(sha: string, recursive: boolean) {
    const entries = await this.git.listTree(sha, recursive)
    return {
      sha,
      url: `${this.api}/git/trees/${sha}`,
      truncated: false,
      tree: entries.map(entry => ({
        path: entry.path,
        mode: entry.mode,
        type: entry.type,
        sha: entry.sha,
        ...(entry.size === undefined ? {} : { size: entry.size }),
        url: `${this.api}/git/${entry.type}s/${entry.sha}`
      }))
    }
  }

  private async getBlob(input: ApiInput): Promise<Reply> {
    const sha = stringParam(input, 'file_sha')
    if ((await this.git.objectType(sha)) !== 'blob') throw notFound()
    const { stdout } = await this.git.exec(['cat-file', 'blob', sha])
    return {
      status: 200,
      body: {
        sha,
        node_id: `B_${sha}`,
        url: `${this.api}/git/blobs/${sha}`,
        size: stdout.length,
        content: wrapBase64(stdout.toString('base64')),
        encoding: 'base64'
      }
    }
  }

  private async createBlob(input: ApiInput): Promise<Reply> {
    const body = input.body as { content: string; encoding?: string }
    const content = decodeContent(body.content, body.encoding ?? 'utf-8')
    const sha = await this.git.hashBlob(content)
    return { status: 201, body: { sha, url: `${this.api}/git/blobs/${sha}` } }
  }

  private async createTree(input: ApiInput): Promise<Reply> {
    const body = input.body as {
      tree: readonly TreeEntryBody[]
      base_tree?: string
    }
    const flat = await this.baseTree(body.base_tree)
    for (const entry of body.tree) await this.applyTreeEntry(flat, entry)
    const sha = await this.git.writeTree(flat)
    return { status: 201, body: await this.treeView(sha, false) }
  }

  private async baseTree(baseTree: string | undefined): Promise<FlatTree> {
    if (baseTree === undefined) return new Map()
    if ((await this.git.objectType(baseTree)) !== 'tree') {
      throw failure(422, 'Invalid tree info: base_tree is not a tree')
    }
    return this.git.flatTree(baseTree)
  }

  private async applyTreeEntry(flat: FlatTree, entry: TreeEntryBody) {
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
    if (type === 'tree') return this.graftTree(flat, path, entry.sha)
    const sha = await this.entrySha(entry, type, path)
    flat.set(path, { mode, type, sha })
  }

  private async entrySha(entry: TreeEntryBody, type: string, path: string) {
    if (entry.content !== undefined && entry.sha !== undefined) {
      throw failure(422, `tree entry ${path} has both sha and content`)
    }
    if (entry.content !== undefined) return this.git.hashBlob(entry.content)
    const sha = entry.sha ?? ''
    // Submodule entries point at commits in another repository.
    if (type !== 'commit' && (await this.git.objectType(sha)) !== type) {
      throw failure(422, `tree.sha ${sha} is not a valid ${type}`)
    }
    return sha
  }

  private async graftTree(
    flat: FlatTree,
    path: string,
    sha: string | undefined
  ) {
    if ((await this.git.objectType(sha ?? '')) !== 'tree') {
      throw failure(422, `tree.sha ${sha} is not a valid tree`)
    }
    const subtree = await this.git.flatTree(sha ?? '')
    for (const [child, item] of subtree) flat.set(`${path}/${child}`, item)
  }

  private async createCommit(input: ApiInput): Promise<Reply> {
    const body = input.body as {
      message: string
      tree: string
      parents?: readonly string[]
      author?: IdentityBody
      committer?: IdentityBody
      signature?: string
    }
    if ((await this.git.objectType(body.tree)) !== 'tree') {
      throw failure(422, 'Tree SHA does not exist')
    }
    for (const parent of body.parents ?? []) {
      if ((await this.git.objectType(parent)) !== 'commit') {
        throw failure(
          422,
          'Parent SHA does not exist or is not a commit object'
        )
      }
    }
    // FACTS §6.1: bot commits are verified only without custom author,
    // committer or signature.
    const verified =
      body.author === undefined &&
      body.committer === undefined &&
      body.signature === undefined
    const author = checkIdentity(body.author ?? BOT)
    const sha = await this.git.commitTree({
      tree: body.tree,
      parents: body.parents ?? [],
      message: body.message,
      author,
      committer: checkIdentity(body.committer ?? author)
    })
    this.verified.set(sha, verified)
    return { status: 201, body: await this.commitView(sha) }
  }

  private async createRef(input: ApiInput): Promise<Reply> {
    const { ref, sha } = input.body as { ref: string; sha: string }
    if (!/^refs\/[^/]+\/.+/.test(ref) || !(await this.validRefName(ref))) {
      throw failure(
        422,
        "ref must start with 'refs' and have at least two slashes."
      )
    }
    if ((await this.git.objectType(sha)) !== 'commit') {
      throw failure(422, 'Object does not exist')
    }
    if (!(await this.git.updateRef(ref, sha, null))) {
      throw failure(422, 'Reference already exists')
    }
    this.refMoved(ref, sha)
    return { status: 201, body: this.refView(ref, sha) }
  }

  private async validRefName(ref: string) {
    return (await this.git.attempt(['check-ref-format', ref])) !== undefined
  }

  private async updateRef(input: ApiInput): Promise<Reply> {
    const ref = `refs/${stringParam(input, 'ref')}`
    const { sha, force } = input.body as { sha: string; force?: boolean }
    const old = await this.git.refSha(ref)
    if (old === undefined) throw failure(422, 'Reference does not exist')
    if ((await this.git.objectType(sha)) !== 'commit') {
      throw failure(422, 'Object does not exist')
    }
    const forced = force === true
    if (!forced && !(await this.git.isAncestor(old, sha))) {
      throw failure(422, 'Update is not a fast forward')
    }
    // Without force the move is a compare-and-swap against what we checked.
    if (!(await this.git.updateRef(ref, sha, forced ? undefined : old))) {
      throw failure(422, 'Reference cannot be updated')
    }
    this.refMoved(ref, sha)
    return { status: 200, body: this.refView(ref, sha) }
  }

  private async deleteRef(input: ApiInput): Promise<Reply> {
    const ref = `refs/${stringParam(input, 'ref')}`
    const old = await this.git.refSha(ref)
    if (old === undefined || !(await this.git.deleteRef(ref, old))) {
      throw failure(422, 'Reference does not exist')
    }
    this.refMoved(ref, undefined)
    return { status: 204 }
  }

  /** Keeps PR heads/bases in step; deleting a head branch closes its PR. */
  refMoved(ref: string, sha: string | undefined) {
    const branch = ref.replace(/^refs\/heads\//, '')
    if (branch === ref) return
    for (const pull of this.pulls) {
      if (pull.state !== 'open') continue
      if (pull.head.ref === branch && sha === undefined) closePull(pull)
      if (sha === undefined) continue
      if (pull.head.ref === branch) pull.head.sha = sha
      if (pull.base.ref === branch) pull.base.sha = sha
    }
  }

  // --- pull requests

  private listPulls(input: ApiInput): Reply {
    const query = input.query as {
      state?: 'open' | 'closed' | 'all'
      head?: string
      base?: string
      direction?: 'asc' | 'desc'
      per_page?: number
      page?: number
    }
    const state = query.state ?? 'open'
    // GitHub ignores a `head` filter without the `owner:` prefix.
    const head = query.head?.includes(':') === true ? query.head : undefined
    const matching = this.pulls
      .filter(pull => state === 'all' || pull.state === state)
      .filter(pull => head === undefined || this.headLabel(pull) === head)
      .filter(pull => query.base === undefined || pull.base.ref === query.base)
      .sort((a, b) => b.number - a.number)
    if (query.direction === 'asc') matching.reverse()
    const perPage = Math.min(Math.max(query.per_page ?? 30, 1), 100)
    const page = Math.max(query.page ?? 1, 1)
    const items = matching.slice((page - 1) * perPage, page * perPage)
    const last = Math.max(Math.ceil(matching.length / perPage), 1)
    return {
      status: 200,
      body: items.map(pull => this.pullView(pull)),
      headers: linkHeader(input.url, page, last)
    }
  }

  private headLabel(pull: PullRecord) {
    return `${this.options.owner}:${pull.head.ref}`
  }

  private async createPull(input: ApiInput): Promise<Reply> {
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
    const headRef = this.ownBranch(body.head)
    const baseSha = await this.git.refSha(`refs/heads/${body.base}`)
    if (baseSha === undefined) throw invalidField('base')
    const headSha = await this.git.refSha(`refs/heads/${headRef}`)
    if (headSha === undefined) throw invalidField('head')
    if (await this.git.isAncestor(headSha, baseSha)) {
      throw customPullError(`No commits between ${body.base} and ${headRef}`)
    }
    // No await between this check and the insert: concurrent creates race
    // here exactly as far as GitHub lets them (one wins, one gets 422).
    this.assertNoOpenPull(headRef, body.base)
    const pull = this.newPull(body, { ref: headRef, sha: headSha }, baseSha)
    this.pulls.push(pull)
    return { status: 201, body: this.pullView(pull) }
  }

  /** `branch` or `owner:branch`; forks are out of scope. */
  private ownBranch(head: string) {
    const colon = head.indexOf(':')
    if (colon < 0) return head
    const owner = head.slice(0, colon)
    if (owner.toLowerCase() !== this.options.owner.toLowerCase()) {
      throw invalidField('head')
    }
    return head.slice(colon + 1)
  }

  private assertNoOpenPull(headRef: string, base: string, except?: number) {
    const duplicate = this.pulls.find(
      pull =>
        pull.state === 'open' &&
        pull.number !== except &&
        pull.head.ref === headRef &&
        pull.base.ref === base
    )
    if (duplicate !== undefined) {
      const label = `${this.options.owner}:${headRef}`
      throw customPullError(`A pull request already exists for ${label}.`)
    }
  }

  private newPull(
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
    const number = this.nextNumber++
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

  findPull(number: unknown) {
    const pull = this.pulls.find(candidate => candidate.number === number)
    if (pull === undefined) throw notFound()
    return pull
  }

  private getPull(input: ApiInput): Reply {
    const pull = this.findPull(input.params.pull_number)
    return { status: 200, body: this.pullView(pull) }
  }

  private async updatePull(input: ApiInput): Promise<Reply> {
    const pull = this.findPull(input.params.pull_number)
    const body = (input.body ?? {}) as {
      title?: string
      body?: string
      state?: 'open' | 'closed'
      base?: string
      maintainer_can_modify?: boolean
    }
    if (body.base !== undefined) {
      const sha = await this.git.refSha(`refs/heads/${body.base}`)
      if (sha === undefined) throw invalidField('base')
      pull.base = { ref: body.base, sha }
    }
    if (body.state === 'open' && pull.state === 'closed') this.reopen(pull)
    if (body.state === 'closed' && pull.state === 'open') closePull(pull)
    pull.title = body.title ?? pull.title
    pull.body = body.body ?? pull.body
    pull.maintainerCanModify =
      body.maintainer_can_modify ?? pull.maintainerCanModify
    pull.updatedAt = isoSeconds(new Date())
    return { status: 200, body: this.pullView(pull) }
  }

  private reopen(pull: PullRecord) {
    if (pull.merged) throw failure(422, 'Cannot reopen a merged pull request')
    this.assertNoOpenPull(pull.head.ref, pull.base.ref, pull.number)
    pull.state = 'open'
    pull.closedAt = null
  }

  private requestReviewers(input: ApiInput): Reply {
    const pull = this.findPull(input.params.pull_number)
    const body = (input.body ?? {}) as {
      reviewers?: readonly string[]
      team_reviewers?: readonly string[]
    }
    if (body.reviewers?.includes(BOT_USER.login) === true) {
      throw failure(422, 'Review cannot be requested from pull request author.')
    }
    addUnique(pull.requestedReviewers, body.reviewers ?? [])
    addUnique(pull.requestedTeams, body.team_reviewers ?? [])
    return { status: 201, body: this.pullView(pull) }
  }

  private createComment(input: ApiInput): Reply {
    const pull = this.findPull(input.params.issue_number)
    const { body } = input.body as { body: string }
    const id = this.nextId++
    pull.comments.push({ id, body })
    const now = isoSeconds(new Date())
    return {
      status: 201,
      body: {
        id,
        node_id: `IC_standin${id}`,
        url: `${this.api}/issues/comments/${id}`,
        html_url: `${this.web}/pull/${pull.number}#issuecomment-${id}`,
        issue_url: `${this.api}/issues/${pull.number}`,
        body,
        user: BOT_USER,
        created_at: now,
        updated_at: now,
        author_association: 'NONE'
      }
    }
  }

  private addLabels(input: ApiInput): Reply {
    const pull = this.findPull(input.params.issue_number)
    const body = (input.body ?? {}) as {
      labels?: readonly NameOrObject<'name'>[]
    }
    const names = (body.labels ?? []).map(label =>
      typeof label === 'string' ? label : label.name
    )
    // Unknown labels are created, as GitHub does when adding by name.
    for (const name of names) {
      if (!this.labels.has(name)) this.labels.set(name, this.nextId++)
    }
    addUnique(pull.labels, names)
    return { status: 200, body: pull.labels.map(name => this.labelView(name)) }
  }

  private labelView(name: string) {
    const id = this.labels.get(name) ?? 0
    return {
      id,
      node_id: `LA_standin${id}`,
      url: `${this.api}/labels/${encodeURIComponent(name)}`,
      name,
      // No description: the skeleton fills it per schema (GitHub's label
      // schema says nullable, the one inside pull requests says string).
      color: 'ededed',
      default: false
    }
  }

  private addAssignees(input: ApiInput): Reply {
    const pull = this.findPull(input.params.issue_number)
    const body = (input.body ?? {}) as {
      assignees?: readonly NameOrObject<'login'>[]
    }
    const logins = (body.assignees ?? []).map(assignee =>
      typeof assignee === 'string' ? assignee : assignee.login
    )
    addUnique(pull.assignees, logins)
    return { status: 201, body: this.issueView(pull) }
  }

  private issueView(pull: PullRecord) {
    const users = pull.assignees.map(login => userView(login))
    return {
      id: 2000 + pull.number,
      node_id: `I_standin${pull.number}`,
      url: `${this.api}/issues/${pull.number}`,
      html_url: `${this.web}/pull/${pull.number}`,
      number: pull.number,
      state: pull.state,
      title: pull.title,
      body: pull.body,
      user: BOT_USER,
      labels: pull.labels.map(name => this.labelView(name)),
      assignee: users[0] ?? null,
      assignees: users,
      comments: pull.comments.length,
      created_at: pull.createdAt,
      updated_at: pull.updatedAt,
      closed_at: pull.closedAt,
      pull_request: {
        url: `${this.api}/pulls/${pull.number}`,
        html_url: `${this.web}/pull/${pull.number}`,
        diff_url: `${this.web}/pull/${pull.number}.diff`,
        patch_url: `${this.web}/pull/${pull.number}.patch`,
        merged_at: pull.mergedAt
      }
    }
  }

  pullView(pull: PullRecord) {
    const html = `${this.web}/pull/${pull.number}`
    const assignees = pull.assignees.map(login => userView(login))
    return {
      url: `${this.api}/pulls/${pull.number}`,
      id: 1000 + pull.number,
      node_id: pull.nodeId,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: `${this.api}/issues/${pull.number}`,
      number: pull.number,
      state: pull.state,
      locked: false,
      title: pull.title,
      user: BOT_USER,
      body: pull.body,
      labels: pull.labels.map(name => this.labelView(name)),
      milestone: null,
      created_at: pull.createdAt,
      updated_at: pull.updatedAt,
      closed_at: pull.closedAt,
      merged_at: pull.mergedAt,
      merge_commit_sha: pull.mergeCommitSha,
      assignee: assignees[0] ?? null,
      assignees,
      requested_reviewers: pull.requestedReviewers.map(login =>
        userView(login)
      ),
      requested_teams: pull.requestedTeams.map(slug => ({ slug, name: slug })),
      head: this.branchView(pull.head),
      base: this.branchView(pull.base),
      author_association: 'CONTRIBUTOR',
      auto_merge: this.autoMergeView(pull),
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

  private branchView(branch: { ref: string; sha: string }) {
    return {
      label: `${this.options.owner}:${branch.ref}`,
      ref: branch.ref,
      sha: branch.sha,
      user: this.ownerUser(),
      repo: this.repositoryView()
    }
  }

  private autoMergeView(pull: PullRecord) {
    if (pull.autoMerge === null) return null
    return {
      enabled_by: BOT_USER,
      merge_method: pull.autoMerge.mergeMethod,
      commit_title: '',
      commit_message: ''
    }
  }

  // --- dispatches

  private async dispatchWorkflow(input: ApiInput): Promise<Reply> {
    const workflow = input.params.workflow_id as string | number
    const { workflows } = this.options
    if (workflows !== undefined && !workflows.includes(String(workflow))) {
      throw notFound()
    }
    const body = input.body as {
      ref: string
      inputs?: Record<string, unknown>
      return_run_details?: boolean
    }
    if (!(await this.refExists(body.ref))) {
      throw failure(422, `No ref found for: ${body.ref}`)
    }
    this.dispatches.push({
      workflow_id: workflow,
      ref: body.ref,
      inputs: body.inputs ?? {}
    })
    if (body.return_run_details !== true) return { status: 204 }
    const run = 90_000 + this.dispatches.length
    return {
      status: 200,
      body: {
        workflow_run_id: run,
        run_url: `${this.api}/actions/runs/${run}`,
        html_url: `${this.web}/actions/runs/${run}`
      }
    }
  }

  private async refExists(ref: string) {
    const candidates = ref.startsWith('refs/')
      ? [ref]
      : [`refs/heads/${ref}`, `refs/tags/${ref}`]
    for (const candidate of candidates) {
      if ((await this.git.refSha(candidate)) !== undefined) return true
    }
    return false
  }

  private dispatchRepository(input: ApiInput): Reply {
    const body = input.body as {
      event_type: string
      client_payload?: Record<string, unknown>
    }
    this.repositoryDispatches.push({
      event_type: body.event_type,
      client_payload: body.client_payload ?? {}
    })
    return { status: 204 }
  }

  // --- GraphQL

  enableAutoMerge(pullRequestId: string, method: MergeMethod): Reply {
    const pull = this.pulls.find(
      candidate => candidate.nodeId === pullRequestId
    )
    if (pull === undefined) {
      const message = `Could not resolve to a node with the global id of '${pullRequestId}'`
      return graphqlError('NOT_FOUND', message)
    }
    if (this.options.allowAutoMerge !== true) {
      const message =
        'Pull request Auto merge is not allowed for this repository'
      return graphqlError('UNPROCESSABLE', message)
    }
    if (pull.state !== 'open') {
      return graphqlError('UNPROCESSABLE', 'Pull request is closed')
    }
    const enabledAt = isoSeconds(new Date())
    pull.autoMerge = { mergeMethod: method, enabledAt }
    const pullRequest = {
      id: pull.nodeId,
      number: pull.number,
      autoMergeRequest: { enabledAt, mergeMethod: method.toUpperCase() }
    }
    return {
      status: 200,
      body: {
        data: {
          enablePullRequestAutoMerge: { clientMutationId: null, pullRequest }
        }
      }
    }
  }

  // --- helpers for tests

  async commitAsHuman(
    branch: string,
    path: string,
    content: string,
    message: string
  ) {
    const ref = `refs/heads/${branch}`
    const old = await this.git.refSha(ref)
    if (old === undefined) throw new Error(`no branch ${branch}`)
    const flat = await this.git.flatTree(old)
    const mode = flat.get(path)?.mode ?? '100644'
    flat.set(path, {
      mode,
      type: 'blob',
      sha: await this.git.hashBlob(content)
    })
    const tree = await this.git.writeTree(flat)
    const commit = await this.git.commitTree({
      tree,
      parents: [old],
      message,
      author: HUMAN,
      committer: HUMAN
    })
    await this.moveBranch(ref, commit, old)
    this.verified.set(commit, false)
    return commit
  }

  async merge(number: number) {
    const pull = this.findPull(number)
    if (pull.state !== 'open') throw new Error(`pull #${number} is not open`)
    const baseRef = `refs/heads/${pull.base.ref}`
    const base = await this.git.refSha(baseRef)
    const head =
      (await this.git.refSha(`refs/heads/${pull.head.ref}`)) ?? pull.head.sha
    if (base === undefined) throw new Error(`no base branch ${pull.base.ref}`)
    const merged = (await this.git.isAncestor(base, head))
      ? head
      : await this.mergeCommit(pull, base, head)
    await this.moveBranch(baseRef, merged, base)
    const now = isoSeconds(new Date())
    Object.assign(pull, { merged: true, mergedAt: now, mergeCommitSha: merged })
    closePull(pull)
    return merged
  }

  private async mergeCommit(pull: PullRecord, base: string, head: string) {
    const tree = await this.git.mergeTree(base, head)
    if (tree === undefined) throw new Error(`pull #${pull.number} conflicts`)
    const from = `${this.options.owner}/${pull.head.ref}`
    const commit = await this.git.commitTree({
      tree,
      parents: [base, head],
      message: `Merge pull request #${pull.number} from ${from}\n\n${pull.title}\n`,
      author: HUMAN,
      committer: HUMAN
    })
    this.verified.set(commit, false)
    return commit
  }

  private async moveBranch(ref: string, sha: string, old: string) {
    if (!(await this.git.updateRef(ref, sha, old))) {
      throw new Error(`${ref} moved concurrently`)
    }
    this.refMoved(ref, sha)
  }
}

function closePull(pull: PullRecord) {
  pull.state = 'closed'
  pull.closedAt = isoSeconds(new Date())
  pull.autoMerge = null
}

function graphqlError(type: string, message: string): Reply {
  return {
    status: 200,
    body: {
      data: { enablePullRequestAutoMerge: null },
      errors: [{ type, path: ['enablePullRequestAutoMerge'], message }]
    }
  }
}

function userView(login: string) {
  return { login, type: 'User', html_url: `https://github.com/${login}` }
}

function addUnique(target: string[], values: readonly string[]) {
  for (const value of values) if (!target.includes(value)) target.push(value)
}

function stringParam(input: ApiInput, name: string) {
  return String(input.params[name])
}

function checkTreePath(path: string | undefined) {
  const parts = (path ?? '').split('/')
  const bad = parts.some(part => ['', '.', '..', '.git'].includes(part))
  if (bad)
    throw failure(422, `tree.path ${path} contains a malformed path component`)
  return parts.join('/')
}

/** GitHub errors when asked to delete a path that is not there. */
function deletePath(flat: FlatTree, path: string) {
  if (!removeUnder(flat, path)) {
    throw failure(422, `tree.path ${path} does not exist in base_tree`)
  }
}

function removeUnder(flat: FlatTree, path: string) {
  let removed = flat.delete(path)
  for (const key of [...flat.keys()]) {
    if (key.startsWith(`${path}/`)) removed = flat.delete(key) || removed
  }
  return removed
}

function checkIdentity(identity: IdentityBody): Identity {
  if (identity.name.trim() === '' || identity.email.trim() === '') {
    throw failure(
      422,
      'Invalid request: author and committer need a name and an email'
    )
  }
  return identity
}

function decodeContent(content: string, encoding: string) {
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
function wrapBase64(base64: string) {
  const lines = base64.match(/.{1,60}/g) ?? []
  return lines.map(line => `${line}\n`).join('')
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

// ------------------------------------------------------------------- server

interface Fault {
  readonly match: RequestMatch
  readonly response?: InjectedResponse
  readonly delayMs?: number
  remaining: number
}

interface MutableRecord {
  method: string
  path: string
  query: Record<string, string>
  operationId: string
  status: number
  body: unknown
}

const MERGE_METHODS = new Set(['MERGE', 'SQUASH', 'REBASE'])

class StandInServer {
  readonly requests: MutableRecord[] = []
  readonly violations: Violation[] = []
  readonly responseViolations: Violation[] = []
  readonly faults: Fault[] = []
  private readonly server: Server
  private state: RepositoryState | undefined
  private handlers: Readonly<Record<string, Handler>> = {}
  private baseUrl = ''

  constructor(
    private readonly catalog: OpenApiCatalog,
    private readonly options: GitHubStandInOptions
  ) {
    this.server = createServer((request, response) => {
      void this.serve(request, response)
    })
  }

  async listen() {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(0, '127.0.0.1', () => resolve())
    })
    const { port } = this.server.address() as AddressInfo
    this.baseUrl = `http://127.0.0.1:${port}`
    return this.baseUrl
  }

  get url() {
    return this.baseUrl
  }

  attach(state: RepositoryState) {
    this.state = state
    this.handlers = state.handlers()
  }

  async close() {
    this.server.closeAllConnections()
    await new Promise<void>(resolve => this.server.close(() => resolve()))
  }

  private async serve(request: IncomingMessage, response: ServerResponse) {
    try {
      const reply = await this.record(request)
      send(response, reply)
    } catch {
      // Only reading the body can get here: the client went away.
      response.destroy()
    }
  }

  private async record(request: IncomingMessage): Promise<Reply> {
    const url = new URL(request.url ?? '/', this.baseUrl)
    const raw = await readBody(request)
    const record: MutableRecord = {
      method: request.method ?? 'GET',
      path: safeDecode(url.pathname),
      query: Object.fromEntries(url.searchParams),
      operationId: 'unknown',
      status: 0,
      body: parseJson(raw)
    }
    this.requests.push(record)
    let reply: Reply
    try {
      reply = await this.process(request, url, raw, record)
    } catch (error) {
      reply = this.internalError(record, error)
    }
    record.status = reply.status
    return reply
  }

  private async process(
    request: IncomingMessage,
    url: URL,
    raw: Buffer,
    record: MutableRecord
  ): Promise<Reply> {
    const isGraphql = record.method === 'POST' && url.pathname === '/graphql'
    const matched = this.catalog.match(record.method, url.pathname)
    record.operationId = isGraphql
      ? 'graphql'
      : (matched?.route.operation.operationId ?? 'unknown')
    // GitHub authenticates before it routes.
    const denied = this.checkAuth(request)
    if (denied !== undefined) return denied
    if (isGraphql) return this.graphql(record)
    if (matched === undefined) {
      this.violate(record, [`no operation ${record.method} ${record.path}`])
      return { status: 404, body: failure(404, 'Not Found').body }
    }
    const { route } = matched
    const checked = this.catalog.checkRequest(route, {
      params: matched.params,
      query: url.searchParams,
      body: raw,
      contentType: request.headers['content-type']
    })
    if (checked.errors.length > 0) return this.violate(record, checked.errors)
    if (!this.isOurRepository(checked.params)) {
      return { status: 404, body: failure(404, 'Not Found').body }
    }
    const injected = await this.applyFaults(record)
    if (injected !== undefined && injected.afterEffect !== true) return injected
    const input = { ...checked, url }
    const reply = await this.answer(route.operation.operationId, input)
    if (injected !== undefined) return injected
    return this.shape(route, record, reply)
  }

  private async answer(operationId: string, input: ApiInput) {
    const handler = this.handlers[operationId]
    if (handler === undefined) throw new Error(`no handler for ${operationId}`)
    try {
      return await handler(input)
    } catch (error) {
      if (error instanceof ApiFailure) {
        return { status: error.status, body: error.body }
      }
      throw error
    }
  }

  private shape(route: Route, record: MutableRecord, reply: Reply): Reply {
    const body = this.catalog.shapeResponse(route, reply.status, reply.body)
    const errors = this.catalog.checkResponse(route, reply.status, body)
    if (errors.length > 0) {
      this.responseViolations.push({ ...violationOf(record), errors })
    }
    return { ...reply, body }
  }

  private checkAuth(request: IncomingMessage): Reply | undefined {
    const { token } = this.options
    if (token === undefined) return undefined
    const header = request.headers.authorization ?? ''
    const match = /^(?:token|bearer) (.+)$/i.exec(header)
    if (match?.[1] === token) return undefined
    const message =
      header === '' ? 'Requires authentication' : 'Bad credentials'
    return { status: 401, body: failure(401, message).body }
  }

  private isOurRepository(params: Readonly<Record<string, unknown>>) {
    const same = (a: unknown, b: string) =>
      String(a).toLowerCase() === b.toLowerCase()
    return (
      same(params.owner, this.options.owner) &&
      same(params.repo, this.options.repo)
    )
  }

  private violate(record: MutableRecord, errors: readonly string[]): Reply {
    this.violations.push({ ...violationOf(record), errors })
    const message = `Invalid request.\n\n${errors.join('\n')}`
    return { status: 422, body: failure(422, message).body }
  }

  // A stand-in bug must fail the test, not look like a GitHub error.
  private internalError(record: MutableRecord, error: unknown): Reply {
    const message = error instanceof Error ? error.message : String(error)
    this.violations.push({
      ...violationOf(record),
      errors: [`stand-in internal error: ${message}`]
    })
    return { status: 500, body: { message } }
  }

  private async applyFaults(record: MutableRecord) {
    for (const fault of this.faults) {
      if (fault.remaining <= 0 || !faultMatches(fault.match, record)) continue
      fault.remaining--
      if (fault.delayMs !== undefined) await sleep(fault.delayMs)
      if (fault.response !== undefined) return fault.response
    }
    return undefined
  }

  private async graphql(record: MutableRecord): Promise<Reply> {
    const { errors, pullRequestId, mergeMethod } = checkGraphql(record.body)
    if (errors.length > 0) return this.violate(record, errors)
    const injected = await this.applyFaults(record)
    if (injected !== undefined) return injected
    const method = mergeMethod.toLowerCase() as MergeMethod
    return this.requireState().enableAutoMerge(pullRequestId, method)
  }

  private requireState() {
    if (this.state === undefined) throw new Error('stand-in not attached')
    return this.state
  }
}

function violationOf(record: MutableRecord) {
  return {
    operationId: record.operationId,
    method: record.method,
    path: record.path
  }
}

function faultMatches(match: RequestMatch, record: MutableRecord) {
  if (
    match.operationId !== undefined &&
    match.operationId !== record.operationId
  ) {
    return false
  }
  if (
    match.method !== undefined &&
    match.method.toUpperCase() !== record.method
  ) {
    return false
  }
  return match.path === undefined || match.path.test(record.path)
}

/** The only GraphQL the action sends: enablePullRequestAutoMerge. */
function checkGraphql(body: unknown) {
  const errors: string[] = []
  const query = isRecord(body) ? body.query : undefined
  const variables =
    isRecord(body) && isRecord(body.variables) ? body.variables : {}
  if (
    typeof query !== 'string' ||
    !query.includes('enablePullRequestAutoMerge')
  ) {
    errors.push(
      'graphql: only the enablePullRequestAutoMerge mutation is supported'
    )
  }
  const { pullRequestId, mergeMethod } = variables
  if (typeof pullRequestId !== 'string') {
    errors.push('graphql: variables.pullRequestId must be a string')
  }
  if (typeof mergeMethod !== 'string' || !MERGE_METHODS.has(mergeMethod)) {
    errors.push(
      'graphql: variables.mergeMethod must be MERGE, SQUASH or REBASE'
    )
  }
  return {
    errors,
    pullRequestId: String(pullRequestId),
    mergeMethod: String(mergeMethod)
  }
}

async function readBody(request: IncomingMessage) {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

function send(response: ServerResponse, reply: Reply) {
  const headers: Record<string, string> = {
    'x-github-request-id': randomUUID(),
    'x-github-media-type': 'github.v3; format=json',
    ...reply.headers
  }
  if (reply.status === 204 || reply.body === undefined) {
    response.writeHead(reply.status, headers).end()
    return
  }
  const text = JSON.stringify(reply.body)
  response
    .writeHead(reply.status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
      ...headers
    })
    .end(text)
}

// ------------------------------------------------------------- public face

function publicFace(
  server: StandInServer,
  state: RepositoryState,
  git: GitStore,
  root: string
): GitHubStandIn {
  const { url } = server
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    gitDir: git.gitDir,
    get pulls() {
      return state.pulls.map(snapshotPull)
    },
    get dispatches() {
      return [...state.dispatches]
    },
    get repositoryDispatches() {
      return [...state.repositoryDispatches]
    },
    get requests() {
      return server.requests.map(record => ({ ...record }))
    },
    get violations() {
      return [...server.violations]
    },
    get responseViolations() {
      return [...server.responseViolations]
    },
    writes: () =>
      server.requests
        .filter(record => record.method !== 'GET')
        .map(record => ({ ...record })),
    commitFile: async (branch, path, content, message) =>
      state.commitAsHuman(branch, path, content, message),
    mergePullRequest: async number => state.merge(number),
    closePullRequest: number => closePull(state.findPull(number)),
    branchHead: async name => git.refSha(`refs/heads/${name}`),
    readFile: async (ref, path) =>
      git.attempt(['cat-file', 'blob', `${ref}:${path}`]),
    listFiles: async ref =>
      [...(await git.flatTree(ref))].map(([path, item]) => ({ path, ...item })),
    log: async ref => git.log(ref),
    isVerified: sha => state.isVerified(sha),
    fsck: async () => {
      const { stdout, stderr } = await git.exec(['fsck', '--strict'])
      return `${stdout.toString('utf8')}${stderr}`
    },
    failNext: (match, response, times = 1) =>
      void server.faults.push({ match, response, remaining: times }),
    delayNext: (match, ms, times = 1) =>
      void server.faults.push({ match, delayMs: ms, remaining: times }),
    stop: async () => {
      await server.close()
      await rm(root, { recursive: true, force: true })
    }
  }
}

function snapshotPull(pull: PullRecord): PullRequestState {
  return structuredClone(pull)
}

// ------------------------------------------------------------------- shared

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isSha(value: string) {
  return /^[0-9a-f]{40}$/.test(value)
}

function isoSeconds(date: Date) {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function safeDecode(value: string) {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined
  try {
    return JSON.parse(raw.toString('utf8')) as unknown
  } catch {
    return undefined
  }
}
