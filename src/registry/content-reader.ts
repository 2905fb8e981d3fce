/**
 * Content by digest for the evidence of a bump (issue 9): manifests
 * (indexes, attestation manifests) and blobs (SBOMs, provenance, configs)
 * read through the resolver's RegistryAuth, so they share its request slots
 * per registry, its tokens and its counters. Everything is hashed against
 * the digest asked for; each digest is read once per run (a promise cache,
 * so concurrent asks share one request); a blob is streamed with a byte cap.
 */
import type { Digest } from '../core/digest.js'
import type { FailureCode } from '../core/resolution.js'
import type { EvidenceSource, ImageLocation } from '../pipeline/ports.js'
import type { RegistryAuth } from './auth.js'
import { RegistryError } from './errors.js'
import { imageName, toRegistryFailure } from './failures.js'
import { RepositoryReader } from './repository-reader.js'
import type { ReadManifest, RepositoryTarget } from './repository-reader.js'

const DOCKER_HUB = 'docker.io'
/** containerd DefaultHost (FACTS.md §1.3 table). */
const DOCKER_HUB_API_HOST = 'registry-1.docker.io'

/** Where a repository's API is: Docker Hub's API host for docker.io. */
export function repositoryTarget(image: ImageLocation): RepositoryTarget {
  const host =
    image.registry === DOCKER_HUB ? DOCKER_HUB_API_HOST : image.registry
  return { registry: image.registry, host, repository: image.repository }
}

/** A failed read, naming the image and digest; `code` as for a resolution failure. */
export class ContentReadError extends Error {
  override readonly name = 'ContentReadError'

  constructor(
    message: string,
    readonly code: FailureCode,
    options?: { readonly cause?: unknown }
  ) {
    super(message, options)
  }
}

interface ReadManifestResult {
  readonly mediaType: string
  readonly body: Uint8Array
}

type What = 'manifest' | 'blob'

export class RegistryContentReader implements EvidenceSource {
  private readonly manifests = new Map<string, Promise<ReadManifestResult>>()
  private readonly blobs = new Map<string, Promise<Uint8Array>>()

  constructor(private readonly auth: RegistryAuth) {}

  /** GET by digest, hashed; an index or an image manifest (attestations are image manifests). */
  async manifest(
    image: ImageLocation,
    digest: Digest
  ): Promise<ReadManifestResult> {
    const key = cacheKey(image, digest)
    const cached = this.manifests.get(key)
    if (cached !== undefined) return cached
    const pending = this.reader(image)
      .get(digest)
      .then(
        read => ({ mediaType: read.mediaType, body: read.body }),
        (error: unknown) => {
          throw readError(error, image, digest, 'manifest')
        }
      )
    this.manifests.set(key, pending)
    return pending
  }

  /** GET by digest, streamed: at most maxBytes, hashed. */
  async blob(
    image: ImageLocation,
    digest: Digest,
    maxBytes: number
  ): Promise<Uint8Array> {
    const key = cacheKey(image, digest)
    const cached = this.blobs.get(key)
    if (cached !== undefined) {
      const bytes = await cached
      if (bytes.byteLength > maxBytes) throw tooLarge(image, digest, maxBytes)
      return bytes
    }
    const pending = this.reader(image)
      .blob(digest, maxBytes)
      .catch((error: unknown) => {
        // A larger cap asked later may read it: not remembered.
        if (error instanceof RegistryError && error.reason === 'too-large')
          this.blobs.delete(key)
        throw readError(error, image, digest, 'blob', maxBytes)
      })
    this.blobs.set(key, pending)
    return pending
  }

  /**
   * A manifest resolving already read (hashed): the evidence does not ask
   * for it again (issue 9 "Costs": the old and the new index of a moved tag
   * are read once per run).
   */
  remember(image: ImageLocation, read: ReadManifest): void {
    const key = cacheKey(image, read.digest)
    if (this.manifests.has(key)) return
    const { mediaType, body } = read
    this.manifests.set(key, Promise.resolve({ mediaType, body }))
  }

  private reader(image: ImageLocation): RepositoryReader {
    return new RepositoryReader(this.auth, repositoryTarget(image))
  }
}

/** A RepositoryReader whose manifest GETs also fill the content cache. */
export class SharingRepositoryReader extends RepositoryReader {
  constructor(
    auth: RegistryAuth,
    target: RepositoryTarget,
    private readonly content: RegistryContentReader
  ) {
    super(auth, target)
  }

  override async get(reference: string): Promise<ReadManifest> {
    const read = await super.get(reference)
    this.content.remember(this.target, read)
    return read
  }
}

function cacheKey(image: ImageLocation, digest: Digest): string {
  return `${image.registry}/${image.repository}@${digest}`
}

function readError(
  error: unknown,
  image: ImageLocation,
  digest: Digest,
  what: What,
  maxBytes?: number
): ContentReadError {
  const name = cacheKey(image, digest)
  if (!(error instanceof RegistryError)) {
    const text = error instanceof Error ? error.message : String(error)
    return new ContentReadError(
      `cannot read ${what} ${name}: ${text}`,
      'INVALID_RESPONSE',
      { cause: error }
    )
  }
  if (error.reason === 'too-large' && maxBytes !== undefined)
    return tooLarge(image, digest, maxBytes, error)
  if (error.reason === 'status' && error.status === 404)
    return notFound(error, name, what)
  // The resolver's wording for timeouts, 401/403, 429, 5xx; its hint too.
  const context = { ...image, tag: digest }
  const failure = toRegistryFailure(error, context)
  const message = failure.message.replace(
    `cannot resolve ${imageName(context)}`,
    `cannot read ${what} ${name}`
  )
  return new ContentReadError(`${message} ${failure.hint}`, failure.code, {
    cause: error
  })
}

function notFound(
  error: RegistryError,
  name: string,
  what: What
): ContentReadError {
  const label = error.code === undefined ? '' : ` ${error.code}`
  return new ContentReadError(
    `cannot read ${what} ${name}: the registry answered 404${label}; the publisher deleted it or never pushed it, so this part of the evidence is left out.`,
    'NOT_FOUND',
    { cause: error }
  )
}

function tooLarge(
  image: ImageLocation,
  digest: Digest,
  maxBytes: number,
  cause?: unknown
): ContentReadError {
  return new ContentReadError(
    `SBOM larger than ${mib(maxBytes)} MiB; ${cacheKey(image, digest)} was not read (attestation blobs are capped to bound memory and time; the package delta is left out for it).`,
    'UNSUPPORTED',
    cause === undefined ? undefined : { cause }
  )
}

function mib(bytes: number): string {
  const value = bytes / (1024 * 1024)
  return Number.isInteger(value) ? String(value) : value.toFixed(1)
}
