/**
 * The shapes registry/http.ts sends and answers, apart from it so the
 * modules that read answers (http-response, errors, the reader) depend on
 * the types only and no import cycle runs through http.ts.
 */

export type RequestKind =
  | 'manifest-head'
  | 'manifest-get'
  | 'blob-get'
  | 'token'
  | 'ping'
  /** Only after a 404, to tell a missing repository from a missing tag. */
  | 'tags-list'

export interface HttpRequest {
  readonly method: 'GET' | 'HEAD' | 'POST'
  readonly kind: RequestKind
  /** The registry as referenced ("docker.io"), for counting and messages. */
  readonly registry: string
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string
  /** Cap for a 2xx body; larger answers fail. */
  readonly maxBodyBytes?: number
}

/** Response headers by case-insensitive name; fetch's Headers is one. */
export interface HeaderBag {
  get(name: string): string | null
}

export interface HttpResponse {
  readonly status: number
  readonly headers: HeaderBag
  /** The exact bytes (empty for HEAD). */
  readonly body: Uint8Array
  /** Final URL after redirects, redacted. */
  readonly url: string
}
