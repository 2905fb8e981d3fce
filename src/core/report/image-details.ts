import type { Digest } from '../digest.js'

/**
 * What the registry said about an image whose digest changed: the pull
 * request tables and the job summary show it.
 */
export interface ImageDetails {
  readonly key: string
  readonly digest: Digest
  /** "linux/amd64", "linux/arm/v7"… (attestations excluded); empty when unknown. */
  readonly platforms: readonly string[]
  /** org.opencontainers.image.created, when the registry says. */
  readonly created?: string
}
