/**
 * The last resort (CHAINS.md §B1.2–B1.3): the base's config
 * `rootfs.diff_ids` as an ordered prefix of the image's. diff_ids are the
 * digests of the uncompressed layers, so recompression (BuildKit's
 * force-compression, podman) does not matter; squashing does, and so does a
 * base whose layers the image does not start with for another reason.
 */
import { parseDigest } from '../digest.js'
import type { Digest } from '../digest.js'
import { platformObject } from '../platform.js'
import type { Platform } from '../resolution.js'
import {
  arrayField,
  objectField,
  parseJsonObject,
  stringField,
  stringMap
} from '../evidence/attestations-json.js'

export interface ImageConfig {
  /** rootfs.diff_ids in order; a malformed entry makes the config unreadable. */
  readonly diffIds: readonly Digest[]
  readonly created?: string
  readonly labels: Readonly<Record<string, string>>
  /** os/architecture/variant, as written (a single-platform image's only platform). */
  readonly platform?: Platform
}

/** An image config blob → what the behind check reads from it. Throws, saying what, when malformed. */
export function readImageConfig(body: Uint8Array): ImageConfig {
  const json = parseJsonObject(body, 'image config')
  const rootfs = objectField(json, 'rootfs')
  const diffIds = arrayField(rootfs ?? {}, 'diff_ids').map((raw, position) => {
    const digest = typeof raw === 'string' ? parseDigest(raw) : undefined
    if (digest === undefined)
      throw new Error(
        `image config rootfs.diff_ids[${position}] is not a digest (sha256:<64 hex>)`
      )
    return digest
  })
  const created = stringField(json, 'created')
  const config = objectField(json, 'config')
  const platform = platformObject(json)
  return {
    diffIds,
    ...(platform === undefined ? {} : { platform }),
    ...(created === undefined || created === '' ? {} : { created }),
    labels: config === undefined ? {} : stringMap(config['Labels'])
  }
}

export type LayerAnswer =
  | { readonly status: 'current' | 'behind' }
  | { readonly status: 'unknown'; readonly why: string }

/** Whether the base's layers are where the image's start. */
export function compareLayers(
  base: readonly Digest[],
  image: readonly Digest[]
): LayerAnswer {
  if (base.length === 0)
    return {
      status: 'unknown',
      why: 'the base has no layers to look for in the image'
    }
  if (base.every((diffId, i) => image[i] === diffId))
    return { status: 'current' }
  if (image.length < base.length)
    return {
      status: 'unknown',
      why:
        `the image has ${image.length} ${plural(image.length)}, fewer than its base's ${base.length}: ` +
        'it was squashed or not built on this base; add base annotations or keep provenance on'
    }
  return { status: 'behind' }
}

function plural(count: number): string {
  return count === 1 ? 'layer' : 'layers'
}
