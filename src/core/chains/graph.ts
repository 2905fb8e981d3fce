/** Stub (issue 11 part 1): the graph follows. */
import type { ImageRef } from '../image-ref.js'
import type { ImageSite } from '../image-site.js'
import type { Chains, Producer, ProducerProblem } from './model.js'

export function buildChains(
  producers: readonly Producer[],
  sites: readonly ImageSite[],
  problems: readonly ProducerProblem[]
): Chains {
  void sites
  return { producers, edges: [], levels: [], cycles: [], problems }
}

export function producerOf(
  chains: Chains,
  ref: ImageRef
): Producer | undefined {
  const repository = `${ref.registry}/${ref.repository}`
  return chains.producers.find(p => p.repository === repository)
}
