/**
 * What the registry said about one unique image (registry/repository:tag).
 * Produced by registry/, consumed by core/plan.ts. Plain data: a failure is a
 * record, never a throw, so one bad image never stops the others.
 */
import type { Digest } from './digest.js'

export interface Platform {
  readonly os: string
  readonly architecture: string
  readonly variant?: string
}

export interface PlatformManifest {
  readonly platform: Platform
  readonly digest: Digest
  readonly mediaType: string
}

/** What a site needs from the registry beyond the tag's digest. */
export interface ResolveRequest {
  /** canonicalKey of the reference. */
  readonly key: string
  readonly registry: string
  readonly repository: string
  readonly tag: string
  /** Digests currently pinned at the sites of this key (may be empty). */
  readonly currentDigests: readonly Digest[]
  /**
   * True: one GET by tag, the bytes hashed and the platforms read (a
   * tag-only reference, always a change). False: one HEAD by tag (a pinned
   * reference: the steady state costs no pull); only when a pin is stale,
   * the new manifest is read by digest (issue 8, "Resolve at the limit").
   */
  readonly needsManifestBody: boolean
  /**
   * What an earlier look at this tag found: the tag is not asked again; only
   * `currentDigests` (pins that look did not cover) are mapped.
   */
  readonly after?: Resolved
}

export interface Resolved {
  readonly kind: 'resolved'
  readonly key: string
  /** What the tag points to now: the index digest when there is an index. */
  readonly digest: Digest
  readonly mediaType: string
  /** The digest is the hash of bytes read here, not only the registry's header. */
  readonly verified?: boolean
  /** Entries of the index (runnable platforms only), when the body was read. */
  readonly manifests?: readonly PlatformManifest[]
  /** org.opencontainers.image.created when the registry says. */
  readonly created?: string
  /**
   * For current pins that are single-platform manifests (not the index):
   * old digest → the new manifest digest for the same os/arch/variant.
   */
  readonly platformPins?: Readonly<Record<string, Digest>>
  /**
   * For current pins that are an index and not what the tag points to now:
   * old digest → that index's runnable entries (read to tell which platforms
   * a bump changes; issue 9 "Platforms").
   */
  readonly previousManifests?: Readonly<
    Record<string, readonly PlatformManifest[]>
  >
  /** Raw `ratelimit-remaining` header value, when present. */
  readonly rateLimitRemaining?: string
  /** Non-fatal notes (e.g. header/body digest mismatch resolved by hashing). */
  readonly warnings?: readonly string[]
}

export type FailureCode =
  | 'UNAUTHORIZED'
  | 'DENIED'
  | 'NOT_FOUND'
  | 'TOO_MANY_REQUESTS'
  | 'UNAVAILABLE'
  | 'NETWORK'
  | 'TIMEOUT'
  | 'INVALID_RESPONSE'
  | 'UNSUPPORTED'

export interface RegistryFailure {
  readonly code: FailureCode
  readonly status?: number
  /** What failed, naming the image. */
  readonly message: string
  /** What to do next. */
  readonly hint: string
}

export interface Failed {
  readonly kind: 'failed'
  readonly key: string
  readonly failure: RegistryFailure
}

export type Resolution = Resolved | Failed
