/**
 * The image mentions a Dockerfile scan reports. The types live apart from
 * the scanner so that its internal modules can use them without importing
 * the scanner's entry point (which imports them in turn).
 */
import type { ImageRef } from './image-ref.js'

export type SiteSource = 'from' | 'copy-from' | 'mount-from' | 'syntax'

export type SkipCode =
  'scratch' | 'stage' | 'digest-only' | 'variable' | 'ignored' | 'invalid'

export interface SkipReason {
  readonly code: SkipCode
  /** Full sentence for the user: why, and how to make it pinnable when it can be. */
  readonly message: string
}

/** Offsets are UTF-16 code unit indexes into the file text as read (BOM included). */
export interface TextSpan {
  readonly start: number
  readonly end: number
}

/**
 * One image mention. The span fields (`span`, `spanText`, `spanPrefixLength`,
 * `spanLine`, `spanArg`, `spanIsDigest`) are present exactly when `skip` is absent: a skipped
 * site has nothing to rewrite.
 */
export interface ImageSite {
  readonly file: string
  /** 1-based line of the instruction that mentions the image (the FROM/COPY/RUN/# syntax line). */
  readonly line: number
  readonly source: SiteSource
  /**
   * The reference as the build sees it, after ARG expansion, e.g.
   * "node:20@sha256:…". When expansion is impossible, the text as written.
   */
  readonly image: string
  /**
   * The exact span to replace with the pinned text. For a literal reference
   * it is the reference token; when the reference comes from an ARG default
   * it is the ARG value (inside quotes) or the `${X:-default}` default.
   */
  readonly span?: TextSpan
  /** The text currently at `span`. */
  readonly spanText?: string
  /**
   * What `spanText` must become, as a function of the new digest, is
   * `pinnedSpanText(site, digest)`: spanText with its digest part replaced.
   * `spanPrefixLength` is the length of spanText before any existing "@digest".
   */
  readonly spanPrefixLength?: number
  /** 1-based line where the span starts (differs from `line` for ARG values). */
  readonly spanLine?: number
  /** The global ARG whose value holds `span`, when the pin goes into an ARG. */
  readonly spanArg?: string
  /**
   * The span holds only the existing digest (`sha256:…`, without "@"),
   * because the tag is written elsewhere (`FROM node:${TAG}@sha256:…`,
   * `FROM node:20@${DIGEST}`): the pin is refreshed by replacing those bytes
   * alone (issue 8 §6), and `spanPrefixLength` is 0.
   */
  readonly spanIsDigest?: true
  /** The literal --platform value, when given without variables. */
  readonly platform?: string
  /** The stage the FROM starts, or the stage the COPY/RUN belongs to. Absent for `# syntax`. */
  readonly stage?: { readonly index: number; readonly name?: string }
  readonly ref?: ImageRef
  readonly skip?: SkipReason
}
