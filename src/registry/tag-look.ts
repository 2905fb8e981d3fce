/**
 * What is known of what a tag points to now, and the one read that turns a
 * HEAD's answer into verified bytes (FACTS.md §2.3: the digest of the exact
 * bytes, never the registry's header taken on trust).
 */
import { parseDigest } from '../core/digest.js'
import type { Digest } from '../core/digest.js'
import type { PlatformManifest, Resolved } from '../core/resolution.js'
import { RegistryError } from './errors.js'
import { manifestKind, parseImageManifest, parseIndex } from './manifest.js'
import type { IndexContent } from './manifest.js'
import type { FetchedManifest, RepositoryReader } from './repository-reader.js'

/** What is known of what the tag points to now. */
export interface Look {
  readonly digest: Digest
  readonly mediaType: string
  readonly kind: 'index' | 'manifest'
  /** The digest is our own hash of the bytes. */
  readonly verified: boolean
  /** The index, parsed, when its bytes were read. */
  readonly index?: IndexContent
  readonly created?: string
  readonly rateLimit?: string
  readonly warnings: readonly string[]
  /** Pins an earlier look already mapped. */
  readonly platformPins: Readonly<Record<string, Digest>>
  /** Old index pins an earlier look already read (Resolved.previousManifests). */
  readonly previousManifests?: Readonly<
    Record<string, readonly PlatformManifest[]>
  >
}

export function lookOf(fetched: FetchedManifest): Look {
  const body = fetched.body
  const index =
    fetched.kind === 'index' && body !== undefined
      ? parseIndex(body)
      : undefined
  const created =
    index?.created ??
    (fetched.kind === 'manifest' && body !== undefined
      ? parseImageManifest(body).created
      : undefined)
  return {
    digest: mustDigest(fetched.digest),
    mediaType: fetched.mediaType,
    kind: fetched.kind,
    verified: body !== undefined,
    ...optional('index', index),
    ...optional('created', created),
    ...optional(
      'rateLimit',
      fetched.headers.get('ratelimit-remaining') ?? undefined
    ),
    warnings: fetched.warnings,
    platformPins: {}
  }
}

export function lookOfResolved(earlier: Resolved): Look {
  const kind =
    manifestKind(earlier.mediaType) === 'index' ? 'index' : 'manifest'
  const manifests = earlier.manifests
  return {
    digest: earlier.digest,
    mediaType: earlier.mediaType,
    kind,
    verified: earlier.verified === true,
    ...optional(
      'index',
      manifests === undefined
        ? undefined
        : { manifests, ...optional('created', earlier.created) }
    ),
    ...optional('created', earlier.created),
    ...optional('rateLimit', earlier.rateLimitRemaining),
    warnings: earlier.warnings ?? [],
    platformPins: earlier.platformPins ?? {},
    ...optional('previousManifests', earlier.previousManifests)
  }
}

/** The look with its bytes read by digest and hashed (once per image). */
export async function verified(
  reader: RepositoryReader,
  look: Look
): Promise<Look> {
  if (look.verified) return look
  const read = lookOf(await reader.get(look.digest))
  if (read.kind !== look.kind) {
    throw new RegistryError({
      reason: 'invalid-response',
      message: `${look.digest} was ${look.kind === 'index' ? 'an index' : 'an image manifest'} on HEAD but not on GET`
    })
  }
  return {
    ...read,
    warnings: [...look.warnings, ...read.warnings],
    ...optional('rateLimit', look.rateLimit ?? read.rateLimit),
    platformPins: look.platformPins,
    ...optional('previousManifests', look.previousManifests)
  }
}

export function mustDigest(text: string): Digest {
  const digest = parseDigest(text)
  if (digest === undefined) {
    throw new RegistryError({
      reason: 'invalid-response',
      message: `invalid digest ${text}`
    })
  }
  return digest
}

/** `{ [name]: value }` when defined: exactOptionalPropertyTypes-friendly spreads. */
function optional<K extends string, V>(
  name: K,
  value: V | undefined
): { [P in K]?: V } {
  return value === undefined ? {} : ({ [name]: value } as { [P in K]?: V })
}
