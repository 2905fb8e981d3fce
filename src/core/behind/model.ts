/**
 * "Is a published image behind its base?" (issue 11 part 2, CHAINS.md §B):
 * per platform, was the image built on the digest its Dockerfile's base
 * tag points to now. Pure data; the decision lives next to this file, the
 * reads in the pipeline through the resolver and the evidence source.
 */
import type { Digest } from '../digest.js'

/** Which evidence answered, in the order they are tried. */
export type BehindMethod = 'provenance' | 'base-annotation' | 'layers'

/** One image this repository publishes, and the base its Dockerfile names now. */
export interface PublishedImage {
  /** As configured or found: "ghcr.io/acme/app:1". */
  readonly image: string
  /** The Dockerfile that builds it, when known ("app/Dockerfile"). */
  readonly dockerfile?: string
  /** The final stage's base as the Dockerfile names it now (ARG defaults applied): "alpine:3.21". */
  readonly base: string
  /** The line of that FROM. */
  readonly line?: number
}

export type PlatformVerdict =
  | {
      readonly status: 'behind'
      readonly platform: string
      readonly method: BehindMethod
      /**
       * The base the image was built on (index or platform manifest digest, as recorded).
       * Absent for method 'layers': the layers say the image is not on the base now,
       * not which base it was built on (issue 11 part 2; added by behind-core).
       */
      readonly builtOn?: Digest
      /** The base tag's digest now (same kind as builtOn where the method allows). */
      readonly now: Digest
      /** How the answer was reached when it is not plain (e.g. the old base index is gone). */
      readonly note?: string
    }
  | {
      readonly status: 'current'
      readonly platform: string
      readonly method: BehindMethod
      readonly builtOn: Digest
      /** Why current though the digests differ (the base moved only by attestations or another platform). */
      readonly note?: string
    }
  | {
      readonly status: 'unknown'
      readonly platform: string
      /** Why no method answered, as a sentence with what to do (e.g. add base annotations). */
      readonly why: string
    }

export interface BehindReport {
  readonly image: PublishedImage
  /** behind if any platform is behind; unknown if none answered; else current. */
  readonly status: 'behind' | 'current' | 'unknown'
  readonly platforms: readonly PlatformVerdict[]
  /** What the Dockerfile's base points to now (its tag's digest, or the digest it pins). */
  readonly baseNow?: Digest
  /** The image's config `created`, when present (may be a SOURCE_DATE_EPOCH). */
  readonly created?: string
  /** An image-level failure (not found, denied), naming the image and what to do. */
  readonly error?: string
}
