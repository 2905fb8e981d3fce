/**
 * Resolves tags to digests over the registry HTTP API (FACTS.md §8, issue 8
 * "Resolve at the limit"): a tag-only reference with one GET by tag (hashed;
 * its platforms); a pinned one with one HEAD by tag, and only when the tag
 * moved, one GET of the new manifest by digest and what keeps a
 * single-platform pin single-platform. Every image answered with a
 * Resolution; request slots per registry.
 */
import type { Digest } from '../core/digest.js'
import type {
  PlatformManifest,
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
import {
  RegistryContentReader,
  SharingRepositoryReader,
  repositoryTarget
} from './content-reader.js'
import { RegistryError } from './errors.js'
import { imageName, toRegistryFailure } from './failures.js'
import { RegistryHttp } from './http.js'
import { parseIndex } from './manifest.js'
import { mapPlatformPins } from './platform-pins.js'
import { lookOf, lookOfResolved, mustDigest, verified } from './tag-look.js'
import type { Look } from './tag-look.js'
import { RepositoryReader } from './repository-reader.js'
import type { FetchedManifest, ReadManifest } from './repository-reader.js'

export interface RegistryClientOptions {
  readonly credentials: CredentialSource
  /** host[:port] that may use plain HTTP (loopback always may). */
  readonly insecureRegistries: readonly string[]
  readonly logger: Logger
  /** Requests in flight at once per registry host; default 8. */
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

export class RegistryClient implements DigestResolver {
  private readonly auth: RegistryAuth
  private readonly warned = new Set<string>()
  private content?: RegistryContentReader

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
  }

  /**
   * Content by digest for the evidence (issue 9): the same request slots,
   * tokens and counters as resolving; one cache for the client's run.
   */
  contentReader(): RegistryContentReader {
    this.content ??= new RegistryContentReader(this.auth)
    return this.content
  }

  /** Every request at once: the request slots per registry bound the wire. */
  async resolveAll(requests: readonly ResolveRequest[]): Promise<Resolution[]> {
    return Promise.all(requests.map(async request => this.resolve(request)))
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
    const reader = new SharingRepositoryReader(
      this.auth,
      repositoryTarget(request),
      this.contentReader()
    )
    const now =
      request.after === undefined
        ? lookOf(await readTag(reader, request))
        : lookOfResolved(request.after)
    const stale = [...new Set(request.currentDigests)].filter(
      d => d !== now.digest
    )
    if (stale.length === 0) return resolved(request, now, NO_PINS)
    // The tag moved away from these pins (issue 8): the new manifest is read
    // by digest (hashed: never taken on trust; its platforms) while the old
    // pins are read by digest too, in the same round trip (an old index's
    // entries: issue 9 "Platforms"); not those an index already read lists,
    // nor any when the tag is no index.
    const listed = new Set(now.index?.manifests.map(m => m.digest))
    const olds = prefetchReads(
      reader,
      now.kind === 'index' ? stale.filter(d => !listed.has(d)) : []
    )
    const current = await verified(reader, now)
    const index = current.index
    if (index === undefined) return resolved(request, current, NO_PINS)
    const pins = await mapPlatformPins({
      reader,
      newDigest: current.digest,
      currentDigests: stale,
      knownIndex: () => index,
      readIndex: async () => Promise.resolve(index),
      readOld: olds.read
    })
    const previous = await previousIndexes(olds.sent)
    return resolved(request, current, { ...pins, previous })
  }
}

const NO_PINS = { pins: {}, warnings: [], previous: {} } as const

interface OldReads {
  readonly sent: ReadonlyMap<Digest, Promise<ReadManifest>>
  readonly read: (digest: Digest) => Promise<ReadManifest>
}

/** GETs of the old pins by digest, sent now; awaited (or dropped) by mapPlatformPins. */
function prefetchReads(
  reader: RepositoryReader,
  digests: readonly Digest[]
): OldReads {
  const sent = new Map(
    digests.map(d => {
      const pending = reader.get(d)
      pending.catch(() => undefined)
      return [d, pending] as const
    })
  )
  return { sent, read: async digest => sent.get(digest) ?? reader.get(digest) }
}

/**
 * Runnable entries of the old pins that are indexes (issue 9: which
 * platforms a bump changes). A pin that is gone or unreadable is left out:
 * mapPlatformPins has already failed the image for what must fail it.
 */
async function previousIndexes(
  sent: ReadonlyMap<Digest, Promise<ReadManifest>>
): Promise<Record<string, readonly PlatformManifest[]>> {
  const previous: Record<string, readonly PlatformManifest[]> = {}
  for (const [digest, pending] of sent) {
    const read = await pending.catch(() => undefined)
    if (read?.kind !== 'index') continue
    try {
      previous[digest] = parseIndex(read.body).manifests
    } catch {
      continue
    }
  }
  return previous
}

/** The one request by tag: GET for a tag-only reference, else HEAD. */
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

function resolved(
  request: ResolveRequest,
  look: Look,
  pins: {
    readonly pins: Record<string, string>
    readonly warnings: readonly string[]
    readonly previous: Readonly<Record<string, readonly PlatformManifest[]>>
  }
): Resolved {
  const warnings = [...look.warnings, ...pins.warnings]
  const platformPins = { ...look.platformPins, ...checkedPins(pins.pins) }
  const previousManifests = { ...look.previousManifests, ...pins.previous }
  return {
    kind: 'resolved',
    key: request.key,
    digest: look.digest,
    mediaType: look.mediaType,
    ...(look.verified ? { verified: true } : {}),
    ...optional('manifests', look.index?.manifests),
    ...optional('created', look.created),
    ...(Object.keys(platformPins).length === 0 ? {} : { platformPins }),
    ...(Object.keys(previousManifests).length === 0
      ? {}
      : { previousManifests }),
    ...optional('rateLimitRemaining', look.rateLimit),
    ...(warnings.length === 0 ? {} : { warnings })
  }
}

function checkedPins(pins: Record<string, string>): Record<string, Digest> {
  return Object.fromEntries(
    Object.entries(pins).map(([old, next]) => [old, mustDigest(next)])
  )
}

/** `{ [name]: value }` when defined: exactOptionalPropertyTypes-friendly spreads. */
function optional<K extends string, V>(
  name: K,
  value: V | undefined
): { [P in K]?: V } {
  return value === undefined ? {} : ({ [name]: value } as { [P in K]?: V })
}
