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
  /** True when some site needs the index body (a literal --platform to check). */
  readonly needsManifestBody: boolean
}

export interface Resolved {
  readonly kind: 'resolved'
  readonly key: string
  /** What the tag points to now: the index digest when there is an index. */
  readonly digest: Digest
  readonly mediaType: string
  /** Entries of the index (runnable platforms only), when the body was read. */
  readonly manifests?: readonly PlatformManifest[]
  /** org.opencontainers.image.created when the registry says. */
  readonly created?: string
  /**
   * For current pins that are single-platform manifests (not the index):
   * old digest → the new manifest digest for the same os/arch/variant.
   */
  readonly platformPins?: Readonly<Record<string, Digest>>
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
