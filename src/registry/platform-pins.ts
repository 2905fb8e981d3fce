/**
 * "A reference already pinned to a single platform's manifest digest keeps
 * that kind": for each current pin that is an image manifest (not the tag's
 * index), find the entry of the new index with the same os/arch/variant.
 */
import type { Digest } from '../core/digest.js'
import { formatPlatform } from '../core/platform.js'
import { RegistryError } from './errors.js'
import {
  matchPlatform,
  parseImageConfig,
  parseImageManifest
} from './manifest.js'
import type { IndexContent } from './manifest.js'
import type { ReadManifest, RepositoryReader } from './repository-reader.js'

export interface PinInput {
  readonly reader: RepositoryReader
  /** What the tag points to now (an index). */
  readonly newDigest: Digest
  readonly currentDigests: readonly Digest[]
  /** The new index when already read, else undefined. */
  readonly knownIndex: () => IndexContent | undefined
  /** Reads the new index (by digest) when needed. */
  readonly readIndex: () => Promise<IndexContent>
  /** GET of an old pin by digest; the client may have sent it already (prefetch). */
  readonly readOld?: (digest: Digest) => Promise<ReadManifest>
}

export interface PinResult {
  /** old digest → new platform manifest digest (itself when still current). */
  readonly pins: Record<string, Digest>
  readonly warnings: string[]
}

type PinTarget =
  | { readonly kind: 'pin'; readonly digest: Digest }
  | { readonly kind: 'skip' }
  | { readonly kind: 'warn'; readonly message: string }

export async function mapPlatformPins(input: PinInput): Promise<PinResult> {
  const pins: Record<string, Digest> = {}
  const warnings: string[] = []
  const olds = [...new Set(input.currentDigests)].filter(
    d => d !== input.newDigest
  )
  for (const old of olds) {
    const target = await pinTarget(old, input)
    if (target.kind === 'pin') pins[old] = target.digest
    if (target.kind === 'warn') warnings.push(target.message)
  }
  return { pins, warnings }
}

async function pinTarget(old: Digest, input: PinInput): Promise<PinTarget> {
  if (isEntry(input.knownIndex(), old)) return { kind: 'pin', digest: old }
  // One GET by digest, hashed: an old index pin (the common case after a
  // tag moved) is read for its entries, which tell the planner what
  // platforms the bump changes (issue 9 "Platforms"); a single-platform
  // pin's body is read once, where a HEAD then a GET took two requests.
  const manifest = await unlessGone(
    input.readOld?.(old) ?? input.reader.get(old)
  )
  if (manifest === undefined || manifest.kind === 'index')
    return { kind: 'skip' }
  const index = await input.readIndex()
  if (isEntry(index, old)) return { kind: 'pin', digest: old }
  const { configDigest } = parseImageManifest(manifest.body)
  const platform = parseImageConfig(await input.reader.blob(configDigest))
  const match = matchPlatform(index.manifests, platform)
  if (match !== undefined) return { kind: 'pin', digest: match.digest }
  return {
    kind: 'warn',
    message: `${old} is a ${formatPlatform(platform)} manifest, but the new index ${input.newDigest} has no ${formatPlatform(platform)} entry`
  }
}

function isEntry(index: IndexContent | undefined, digest: Digest): boolean {
  return index?.manifests.some(m => m.digest === digest) ?? false
}

/** A pin whose manifest is gone (404) is left to the planner. */
async function unlessGone<T>(pending: Promise<T>): Promise<T | undefined> {
  try {
    return await pending
  } catch (error) {
    if (error instanceof RegistryError && error.status === 404) return undefined
    throw error
  }
}
