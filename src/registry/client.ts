/**
 * Resolves tags to digests over the registry HTTP API (FACTS.md §8): one
 * manifest request per unique image (HEAD, or GET when the index body is
 * needed), concurrency-limited, every image answered with a Resolution.
 */
import { parseDigest } from '../core/digest.js'
import { mapLimited } from '../core/map-limited.js'
import type { Digest } from '../core/digest.js'
import type {
  Resolution,
  Resolved,
  ResolveRequest
} from '../core/resolution.js'
import type {
  DigestResolver,
  Logger,
  RequestCounter
} from '../pipeline/ports.js'
import { RegistryAuth } from './auth.js'
import type { CredentialSource } from './credentials.js'
import { RegistryError, imageName, toRegistryFailure } from './errors.js'
import { RegistryHttp } from './http.js'
import { parseImageManifest, parseIndex } from './manifest.js'
import type { IndexContent } from './manifest.js'
import { mapPlatformPins } from './platform-pins.js'
import { RepositoryReader } from './repository-reader.js'
import type { FetchedManifest, RepositoryTarget } from './repository-reader.js'

export interface RegistryClientOptions {
  readonly credentials: CredentialSource
  /** host[:port] that may use plain HTTP (loopback always may). */
  readonly insecureRegistries: readonly string[]
  readonly logger: Logger
  /** Requests in flight at once; default 8. */
  readonly concurrency?: number
  /** Per attempt, including the body; default 30 s. */
  readonly timeoutMs?: number
  /** Retries of temporary failures; default 3. */
  readonly retries?: number
  readonly counter?: RequestCounter
  readonly fetch?: typeof fetch
  readonly sleep?: (ms: number) => Promise<void>
  /** Longer Retry-After values fail as temporary; default 60 s. */
  readonly maxRetryAfterMs?: number
}

const DOCKER_HUB = 'docker.io'
/** containerd DefaultHost (FACTS.md §1.3 table). */
const DOCKER_HUB_API_HOST = 'registry-1.docker.io'

export class RegistryClient implements DigestResolver {
  private readonly auth: RegistryAuth
  private readonly concurrency: number
  private readonly warned = new Set<string>()

  constructor(private readonly options: RegistryClientOptions) {
    const http = new RegistryHttp({
      maxInFlight: Math.max(1, options.concurrency ?? 8),
      timeoutMs: options.timeoutMs ?? 30_000,
      retries: options.retries ?? 3,
      insecureRegistries: options.insecureRegistries,
      logger: options.logger,
      ...optional('counter', options.counter),
      ...optional('fetch', options.fetch),
      ...optional('sleep', options.sleep),
      ...optional('maxRetryAfterMs', options.maxRetryAfterMs)
    })
    this.auth = new RegistryAuth({
      http,
      credentials: options.credentials,
      logger: options.logger
    })
    this.concurrency = Math.max(1, options.concurrency ?? 8)
  }

  async resolveAll(requests: readonly ResolveRequest[]): Promise<Resolution[]> {
    return mapLimited(requests, this.concurrency, async request =>
      this.resolve(request)
    )
  }

  /** Never rejects: a failure is a Resolution naming the image. */
  async resolve(request: ResolveRequest): Promise<Resolution> {
    try {
      const result = await this.resolveTag(request)
      this.warnOnce(request, result.warnings ?? [])
      return result
    } catch (error) {
      const failure = toRegistryFailure(error, request)
      this.options.logger.debug(`${failure.message} [${failure.code}]`)
      return { kind: 'failed', key: request.key, failure }
    }
  }

  // The plan does not carry a resolution's warnings to its rows, so they are
  // logged here, once per run (the second look may repeat the first's).
  private warnOnce(request: ResolveRequest, warnings: readonly string[]): void {
    for (const warning of warnings) {
      const line = `${imageName(request)}: ${warning}`
      if (this.warned.has(line)) continue
      this.warned.add(line)
      this.options.logger.warn(line)
    }
  }

  private async resolveTag(request: ResolveRequest): Promise<Resolved> {
    const reader = new RepositoryReader(this.auth, targetOf(request))
    const headOld = prefetchOldPins(reader, request)
    const first = await readTag(reader, request)
    const index = new IndexBody(reader, first)
    const pins =
      first.kind === 'index'
        ? await mapPlatformPins({
            reader,
            newDigest: first.digest,
            currentDigests: request.currentDigests,
            knownIndex: () => index.known(),
            readIndex: async () => index.read(),
            ...optional('headOld', headOld)
          })
        : { pins: {}, warnings: [] }
    return resolved(request, first, index.known(), pins)
  }
}

/**
 * When the tag's body is read (a second look at a changed image), the HEADs
 * of the old pins (is each one an index or one platform's manifest?) go out
 * together with it instead of after it: one round trip instead of two.
 */
function prefetchOldPins(
  reader: RepositoryReader,
  request: ResolveRequest
): ((digest: Digest) => Promise<FetchedManifest>) | undefined {
  if (!request.needsManifestBody || request.currentDigests.length === 0) {
    return undefined
  }
  const heads = new Map(
    request.currentDigests.map(d => {
      const pending = reader.head(d, false)
      pending.catch(() => undefined) // awaited (or dropped) by mapPlatformPins
      return [d, pending] as const
    })
  )
  return async digest => heads.get(digest) ?? reader.head(digest, false)
}

/** The one manifest request per key: GET when the body is needed, else HEAD. */
async function readTag(
  reader: RepositoryReader,
  request: ResolveRequest
): Promise<FetchedManifest> {
  try {
    return request.needsManifestBody
      ? await reader.get(request.tag)
      : await reader.head(request.tag, true)
  } catch (error) {
    throw await explainNotFound(reader, error)
  }
}

/** A 404 for the tag becomes NAME_UNKNOWN when the repository itself is missing. */
async function explainNotFound(
  reader: RepositoryReader,
  error: unknown
): Promise<unknown> {
  if (!(error instanceof RegistryError) || error.status !== 404) return error
  if (error.code === 'NAME_UNKNOWN') return error
  const exists = await reader.repositoryExists().catch(() => undefined)
  if (exists !== false) return error
  return new RegistryError({
    reason: 'status',
    message: `${error.message}; the tag list answered NAME_UNKNOWN`,
    status: 404,
    code: 'NAME_UNKNOWN',
    ...optional('method', error.method),
    ...optional('url', error.url)
  })
}

/** The new index body: from the tag request if it was a GET, else read by digest once. */
class IndexBody {
  private content: IndexContent | undefined
  constructor(
    private readonly reader: RepositoryReader,
    private readonly first: FetchedManifest
  ) {
    if (first.kind === 'index' && first.body !== undefined) {
      this.content = parseIndex(first.body)
    }
  }

  known(): IndexContent | undefined {
    return this.content
  }

  async read(): Promise<IndexContent> {
    if (this.content !== undefined) return this.content
    const fetched = await this.reader.get(this.first.digest)
    if (fetched.kind !== 'index') {
      throw new RegistryError({
        reason: 'invalid-response',
        message: `${this.first.digest} was an index on HEAD but not on GET`
      })
    }
    this.content = parseIndex(fetched.body)
    return this.content
  }
}

function resolved(
  request: ResolveRequest,
  first: FetchedManifest,
  index: IndexContent | undefined,
  pins: { readonly pins: Record<string, string>; readonly warnings: string[] }
): Resolved {
  const digest = mustDigest(first.digest)
  const created = index?.created ?? manifestCreated(first)
  const rateLimit = first.headers.get('ratelimit-remaining') ?? undefined
  const warnings = [...first.warnings, ...pins.warnings]
  const platformPins = checkedPins(pins.pins)
  return {
    kind: 'resolved',
    key: request.key,
    digest,
    mediaType: first.mediaType,
    ...optional('manifests', index?.manifests),
    ...optional('created', created),
    ...(Object.keys(platformPins).length === 0 ? {} : { platformPins }),
    ...optional('rateLimitRemaining', rateLimit),
    ...(warnings.length === 0 ? {} : { warnings })
  }
}

function checkedPins(pins: Record<string, string>): Record<string, Digest> {
  return Object.fromEntries(
    Object.entries(pins).map(([old, next]) => [old, mustDigest(next)])
  )
}

function mustDigest(text: string): Digest {
  const digest = parseDigest(text)
  if (digest === undefined) {
    throw new RegistryError({
      reason: 'invalid-response',
      message: `invalid digest ${text}`
    })
  }
  return digest
}

function manifestCreated(first: FetchedManifest): string | undefined {
  if (first.kind !== 'manifest' || first.body === undefined) return undefined
  return parseImageManifest(first.body).created
}

function targetOf(request: ResolveRequest): RepositoryTarget {
  const host =
    request.registry === DOCKER_HUB ? DOCKER_HUB_API_HOST : request.registry
  return { registry: request.registry, host, repository: request.repository }
}

/** `{ [name]: value }` when defined: exactOptionalPropertyTypes-friendly spreads. */
function optional<K extends string, V>(
  name: K,
  value: V | undefined
): { [P in K]?: V } {
  return value === undefined ? {} : ({ [name]: value } as { [P in K]?: V })
}
