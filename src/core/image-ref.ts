/**
 * Image references, normalized as distribution/reference does (FACTS.md §1).
 * STUB: implementation owned by the image-ref work item.
 */
import type { Digest } from './digest.js'

export interface ImageRef {
  /** Exactly as written, e.g. "Node:20" is invalid but "node:20-slim@sha256:…" is kept verbatim. */
  readonly original: string
  /** The name part as written (before ":tag" / "@digest"), e.g. "node" or "ghcr.io/o/app". */
  readonly name: string
  /** Normalized domain: "docker.io", "ghcr.io", "localhost:5000", "127.0.0.1:5000", "[::1]:5000". Lowercased. */
  readonly registry: string
  /** Repository path on that registry: "library/node", "o/app". */
  readonly repository: string
  readonly tag?: string
  readonly digest?: Digest
}

export type ImageRefResult =
  | { readonly ok: true; readonly ref: ImageRef }
  | { readonly ok: false; readonly error: string }

export declare function parseImageRef(text: string): ImageRefResult
/** "registry/repository:tag" — the dedupe key; one registry round trip per key. */
export declare function canonicalKey(ref: ImageRef): string
/** The user's own spelling with the digest set: name + (":" + tag) + "@" + digest. */
export declare function formatPinned(ref: ImageRef, digest: Digest): string
