/**
 * "Is a published image behind its base?" (issue 11 part 2, CHAINS.md §B):
 * per image and platform, the reads behind the decision in core/behind/.
 */
import type { BehindReport, PublishedImage } from '../core/behind/model.js'
import type { DigestResolver, EvidenceSource, Logger } from './ports.js'

export interface BehindPorts {
  readonly resolver: DigestResolver
  readonly content: EvidenceSource
  readonly logger?: Logger
}

export interface BehindOptions {
  /** Platforms that count ("linux/amd64"); all the image's platforms when absent or empty. */
  readonly platforms?: readonly string[]
}

/** One report per image, in input order; one image's failure never stops the others. */
export async function checkBehind(
  images: readonly PublishedImage[],
  ports: BehindPorts,
  options: BehindOptions = {}
): Promise<BehindReport[]> {
  void ports
  void options
  return Promise.resolve(
    images.map(image => ({
      image,
      status: 'unknown' as const,
      platforms: [],
      error: `not implemented yet: ${image.image}`
    }))
  )
}
