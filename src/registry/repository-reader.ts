/**
 * Reads manifests and blobs of one repository, verifying what it reads
 * (FACTS.md §2.1, §2.3): HEAD when the digest header is enough, GET and hash
 * the exact bytes otherwise; content fetched by digest must hash to it.
 */
import { createHash } from 'node:crypto'
import { parseDigest } from '../core/digest.js'
import type { Digest } from '../core/digest.js'
import type { RegistryAuth } from './auth.js'
import { RegistryError, errorFromResponse } from './errors.js'
import type { HeaderBag, HttpResponse, RequestKind } from './http-types.js'
import { MANIFEST_BODY_LIMIT } from './http-policy.js'
import {
  MANIFEST_ACCEPT,
  declaredMediaType,
  manifestKind,
  mediaTypeOf
} from './manifest.js'
import type { ManifestKind } from './manifest.js'

export interface RepositoryTarget {
  /** As referenced ("docker.io"). */
  readonly registry: string
  /** API host ("registry-1.docker.io"). */
  readonly host: string
  readonly repository: string
}

export interface FetchedManifest {
  readonly digest: Digest
  readonly mediaType: string
  readonly kind: Exclude<ManifestKind, 'legacy' | 'unknown'>
  /** Present when the manifest was read with GET. */
  readonly body?: Uint8Array
  readonly headers: HeaderBag
  readonly warnings: readonly string[]
}

export type ReadManifest = FetchedManifest & { readonly body: Uint8Array }

export class RepositoryReader {
  constructor(
    private readonly auth: RegistryAuth,
    readonly target: RepositoryTarget
  ) {}

  /**
   * HEAD, falling back to GET when the digest header is missing or invalid,
   * the media type is not one we know, or (with `errorBody`) a 4xx needs its
   * body to tell MANIFEST_UNKNOWN from NAME_UNKNOWN.
   */
  async head(reference: string, errorBody: boolean): Promise<FetchedManifest> {
    const response = await this.manifestCall('HEAD', reference)
    if (!isOk(response)) {
      if (errorBody && wantsErrorBody(response.status))
        return this.get(reference)
      throw this.failure('HEAD', response)
    }
    const mediaType = mediaTypeOf(response.headers.get('content-type'))
    const kind = manifestKind(mediaType)
    if (kind === 'legacy') throw legacyManifest()
    const digest = parseDigest(
      response.headers.get('docker-content-digest') ?? ''
    )
    const byDigest = parseDigest(reference)
    if (kind === 'unknown' || digest === undefined) return this.get(reference)
    if (byDigest !== undefined && digest !== byDigest)
      return this.get(reference)
    return { digest, mediaType, kind, headers: response.headers, warnings: [] }
  }

  /** GET and hash the exact bytes; by digest, the bytes must hash to it. */
  async get(reference: string): Promise<ReadManifest> {
    const response = await this.manifestCall('GET', reference)
    if (!isOk(response)) throw this.failure('GET', response)
    const body = response.body
    const byDigest = parseDigest(reference)
    const digest = contentDigest(body, algorithmOf(byDigest) ?? 'sha256')
    if (byDigest !== undefined && digest !== byDigest) {
      throw mismatch(`manifest ${byDigest}`, digest)
    }
    const { mediaType, kind } = checkedMediaType(response, body)
    return {
      digest,
      mediaType,
      kind,
      body,
      headers: response.headers,
      warnings: headerWarnings(response, body, digest)
    }
  }

  /**
   * Whether the repository exists, from `GET /v2/<name>/tags/list?n=1`:
   * Distribution answers MANIFEST_UNKNOWN for a tag of a missing repository,
   * and NAME_UNKNOWN only here. undefined when the answer says neither.
   */
  async repositoryExists(): Promise<boolean | undefined> {
    const response = await this.call('GET', 'tags/list?n=1', 'tags-list', {})
    if (isOk(response)) return true
    const error = this.failure('GET', response)
    return error.code === 'NAME_UNKNOWN' ? false : undefined
  }

  /**
   * A blob by digest (blobs may redirect to storage; http.ts follows). At
   * most `maxBytes` (default: the manifest cap): a larger declared
   * Content-Length, or a body that runs past it, fails with reason
   * 'too-large' while streaming, never holding more than the cap.
   */
  async blob(
    digest: Digest,
    maxBytes = MANIFEST_BODY_LIMIT
  ): Promise<Uint8Array> {
    const response = await this.call(
      'GET',
      `blobs/${digest}`,
      'blob-get',
      {},
      maxBytes
    )
    if (!isOk(response)) throw this.failure('GET', response)
    const actual = contentDigest(response.body, algorithmOf(digest) ?? 'sha256')
    if (actual !== digest) throw mismatch(`blob ${digest}`, actual)
    return response.body
  }

  private failure(
    method: 'GET' | 'HEAD',
    response: HttpResponse
  ): RegistryError {
    return errorFromResponse(method, response.url, response, this.target.host)
  }

  private async manifestCall(
    method: 'GET' | 'HEAD',
    reference: string
  ): Promise<HttpResponse> {
    const kind = method === 'HEAD' ? 'manifest-head' : 'manifest-get'
    return this.call(method, `manifests/${reference}`, kind, {
      Accept: MANIFEST_ACCEPT
    })
  }

  private async call(
    method: 'GET' | 'HEAD',
    resource: string,
    kind: RequestKind,
    headers: Record<string, string>,
    maxBodyBytes = MANIFEST_BODY_LIMIT
  ): Promise<HttpResponse> {
    const { registry, host, repository } = this.target
    return this.auth.send({
      registry,
      host,
      repository,
      method,
      path: `/v2/${repository}/${resource}`,
      kind,
      headers,
      maxBodyBytes
    })
  }
}

function isOk(response: HttpResponse): boolean {
  return response.status >= 200 && response.status < 300
}

// 401/403/429 bodies add nothing the status does not say.
function wantsErrorBody(status: number): boolean {
  return status >= 400 && status < 500 && ![401, 403, 429].includes(status)
}

type Algorithm = 'sha256' | 'sha512'

function algorithmOf(digest: Digest | undefined): Algorithm | undefined {
  if (digest === undefined) return undefined
  return digest.startsWith('sha512:') ? 'sha512' : 'sha256'
}

/** Digest of the exact bytes (FACTS.md §2.3: never re-serialize). */
export function contentDigest(bytes: Uint8Array, algorithm: Algorithm): Digest {
  const hex = createHash(algorithm).update(bytes).digest('hex')
  return `${algorithm}:${hex}` as Digest
}

/**
 * Trust our own hash over Docker-Content-Digest (FACTS.md §2.1, §8 step 4),
 * but say so when they disagree.
 */
function headerWarnings(
  response: HttpResponse,
  body: Uint8Array,
  digest: Digest
): string[] {
  const header = response.headers.get('docker-content-digest')
  if (header === null) return []
  const claimed = parseDigest(header)
  const algorithm = algorithmOf(claimed)
  const ours = algorithm === algorithmOf(digest) ? digest : undefined
  const actual =
    ours ??
    (algorithm === undefined ? undefined : contentDigest(body, algorithm))
  if (claimed !== undefined && claimed === actual) return []
  return [
    `${response.url}: Docker-Content-Digest "${header}" does not match the content; using the content's digest ${digest}`
  ]
}

interface MediaTypeCheck {
  readonly mediaType: string
  readonly kind: FetchedManifest['kind']
}

/**
 * Content-Type decides; a body that declares another mediaType is rejected
 * (distribution-spec "Pulling manifests": SHOULD reject). A Content-Type we
 * do not know (e.g. application/json) defers to the body's mediaType.
 */
function checkedMediaType(
  response: HttpResponse,
  body: Uint8Array
): MediaTypeCheck {
  const fromHeader = mediaTypeOf(response.headers.get('content-type'))
  const headerKind = manifestKind(fromHeader)
  if (headerKind === 'legacy') throw legacyManifest()
  const declared = declaredOrUndefined(body, headerKind === 'unknown')
  if (headerKind === 'unknown') {
    const kind = manifestKind(declared ?? '')
    if (kind === 'legacy') throw legacyManifest()
    if (kind === 'unknown' || declared === undefined)
      throw unsupported(fromHeader)
    return { mediaType: declared, kind }
  }
  if (declared !== undefined && declared !== fromHeader) {
    throw new RegistryError({
      reason: 'invalid-response',
      message: `${response.url}: Content-Type ${fromHeader} but the manifest declares ${declared}`
    })
  }
  return { mediaType: fromHeader, kind: headerKind }
}

function declaredOrUndefined(
  body: Uint8Array,
  lenient: boolean
): string | undefined {
  try {
    return declaredMediaType(body)
  } catch (error) {
    if (lenient) return undefined
    throw error
  }
}

function legacyManifest(): RegistryError {
  return new RegistryError({
    reason: 'unsupported',
    message: 'legacy schema 1 manifest, not supported; push a v2/OCI manifest'
  })
}

function unsupported(mediaType: string): RegistryError {
  const shown = mediaType === '' ? 'no media type' : `media type "${mediaType}"`
  return new RegistryError({
    reason: 'unsupported',
    message: `the manifest has ${shown}, which is not an image index or image manifest`
  })
}

function mismatch(what: string, actual: Digest): RegistryError {
  return new RegistryError({
    reason: 'invalid-response',
    message: `${what}: the content hashes to ${actual}; the registry served different bytes`
  })
}
