/**
 * The reads behind the evidence of a bump (issue 9): manifests and blobs by
 * digest through the EvidenceSource port, each read once per gather (an
 * index shared by two bumps of one image, or the old index of one change
 * and the new of another, is asked once), and the parsed views the evidence
 * parts walk: the index, its attestation manifests and in-toto statements.
 */
import type { Digest } from '../core/digest.js'
import {
  readAttestationManifest,
  readIndex
} from '../core/evidence/attestations.js'
import type {
  AttestationLayer,
  AttestationManifest,
  IndexEntry,
  IndexView
} from '../core/evidence/attestations.js'
import { readStatement } from '../core/evidence/in-toto.js'
import type { Statement } from '../core/evidence/in-toto.js'
import type { PlatformManifest } from '../core/resolution.js'
import type { EvidenceSource, ImageLocation } from './ports.js'

export interface Reads {
  manifest(
    at: ImageLocation,
    digest: Digest
  ): Promise<{ readonly mediaType: string; readonly body: Uint8Array }>
  blob(at: ImageLocation, digest: Digest, maxBytes: number): Promise<Uint8Array>
}

/** Each (repository, digest) asked once; a failure is remembered too (asking again would fail again). */
export function memoizedReads(source: EvidenceSource): Reads {
  const manifests = new Map<
    string,
    Promise<{ mediaType: string; body: Uint8Array }>
  >()
  const blobs = new Map<string, Promise<Uint8Array>>()
  const keyOf = (at: ImageLocation, digest: Digest): string =>
    `${at.registry}/${at.repository}@${digest}`
  return {
    manifest: async (at, digest) => {
      const key = keyOf(at, digest)
      const read = manifests.get(key) ?? source.manifest(at, digest)
      manifests.set(key, read)
      return read
    },
    blob: async (at, digest, maxBytes) => {
      const key = `${keyOf(at, digest)}/${maxBytes}`
      const read = blobs.get(key) ?? source.blob(at, digest, maxBytes)
      blobs.set(key, read)
      return read
    }
  }
}

/** What a digest a Dockerfile pins turned out to be. */
export type ImageView =
  | { readonly kind: 'index'; readonly view: IndexView }
  | { readonly kind: 'manifest'; readonly body: Uint8Array }

const INDEX_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json'
]

export async function readImage(
  reads: Reads,
  at: ImageLocation,
  digest: Digest
): Promise<ImageView> {
  const { mediaType, body } = await reads.manifest(at, digest)
  if (INDEX_TYPES.includes(mediaType) || looksLikeIndex(body)) {
    return { kind: 'index', view: readIndex(body) }
  }
  return { kind: 'manifest', body }
}

function looksLikeIndex(body: Uint8Array): boolean {
  try {
    const json: unknown = JSON.parse(new TextDecoder().decode(body))
    return (
      typeof json === 'object' &&
      json !== null &&
      Array.isArray((json as Record<string, unknown>)['manifests'])
    )
  } catch {
    return false
  }
}

/** The index's runnable entries as the platform delta compares them. */
export function platformManifests(view: IndexView): PlatformManifest[] {
  return view.runnable.flatMap(entry =>
    entry.platform === undefined
      ? []
      : [
          {
            platform: entry.platform,
            digest: entry.digest,
            mediaType: entry.mediaType
          }
        ]
  )
}

export function entryOf(
  view: IndexView,
  digest: Digest | undefined
): IndexEntry | undefined {
  return digest === undefined
    ? undefined
    : view.runnable.find(e => e.digest === digest)
}

/** The attestation manifest describing `platformManifest`, or undefined when the index lists none. */
export async function attestationOf(
  reads: Reads,
  at: ImageLocation,
  view: IndexView,
  platformManifest: Digest
): Promise<AttestationManifest | undefined> {
  const digest = view.attestations.get(platformManifest)
  if (digest === undefined) return undefined
  const { body } = await reads.manifest(at, digest)
  return readAttestationManifest(body)
}

/** An attestation layer's statement, refusing a layer larger than `maxBytes` before reading it. */
export async function statementOf(
  reads: Reads,
  at: ImageLocation,
  layer: AttestationLayer,
  maxBytes: number,
  what: string
): Promise<Statement> {
  if (layer.size > maxBytes) {
    throw new Error(
      `${what} is ${sizeText(layer.size)}, over the ${sizeText(maxBytes)} cap: not read`
    )
  }
  const bytes = await reads.blob(at, layer.digest, maxBytes)
  return readStatement(bytes, layer.mediaType)
}

function sizeText(bytes: number): string {
  const mib = 1024 * 1024
  return bytes >= mib ? `${(bytes / mib).toFixed(1)} MiB` : `${bytes} bytes`
}

/** The message of a rejection, for a part's `why`. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
