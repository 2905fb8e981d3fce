/**
 * The in-repo chains (issue 11 part 1, CHAINS.md §A2 and "Design
 * implications"): every FROM (all stages, ARG defaults applied by the
 * scanner), `COPY --from` and `RUN --mount=…,from=` of a Dockerfile whose
 * normalized repository ("registry/repository") is built by a producer of
 * this repository is an edge from that producer's Dockerfile.
 *
 * - The `images` setting wins: when it names a repository, the other
 *   declarations of that repository are dropped.
 * - Among the producers of the repository, those whose tags include the
 *   child's tag (none written = "latest"; a digest-only reference has no
 *   tag) give verified edges; when none does, every producer gives an edge,
 *   "tag unverified" (run-time tags, or another tag of the same repository).
 * - A Dockerfile building on the image it builds itself (a rebuild on its
 *   own previous release) is no edge.
 * - Sites skipped for a reason other than the reference (digest-only,
 *   `# freshbase: ignore`) still name the image and count; a reference
 *   that could not be read (variables without default, stages, scratch,
 *   invalid) does not.
 */
import { followedTag, parseImageRef, repositoryOf } from '../image-ref.js'
import type { ImageRef } from '../image-ref.js'
import type { ImageSite } from '../image-site.js'
import { order } from './levels.js'
import type { ChainEdge, Chains, Producer, ProducerProblem } from './model.js'

const CHAIN_SOURCES = new Set(['from', 'copy-from', 'mount-from'])

export function buildChains(
  producers: readonly Producer[],
  sites: readonly ImageSite[],
  problems: readonly ProducerProblem[]
): Chains {
  const effective = winning(producers)
  const byRepository = new Map<string, Producer[]>()
  for (const producer of effective) {
    const list = byRepository.get(producer.repository) ?? []
    list.push(producer)
    byRepository.set(producer.repository, list)
  }
  const edges: ChainEdge[] = []
  for (const site of sites) {
    const ref = chainRef(site)
    if (ref === undefined) continue
    const candidates = (byRepository.get(repositoryOf(ref)) ?? []).filter(
      p => p.dockerfile !== site.file
    )
    if (candidates.length === 0) continue
    const tag = followedTag(ref)
    const exact =
      tag === undefined
        ? []
        : candidates.filter(p => p.tags?.includes(tag) === true)
    const parents = exact.length > 0 ? exact : candidates
    for (const parent of [...new Set(parents.map(p => p.dockerfile))]) {
      edges.push({
        parent,
        child: site.file,
        image: site.image,
        line: site.line,
        tagVerified: exact.length > 0
      })
    }
  }
  edges.sort(
    (a, b) =>
      compare(a.child, b.child) ||
      a.line - b.line ||
      compare(a.parent, b.parent)
  )
  const { levels, cycles } = order(edges)
  return {
    producers: effective,
    edges,
    levels,
    cycles,
    problems: [...problems]
  }
}

/**
 * The in-repo producer of a reference, by normalized repository: the one
 * building its tag when one does, else one with run-time tags, else the
 * first (sorted by Dockerfile).
 */
export function producerOf(
  chains: Chains,
  ref: ImageRef
): Producer | undefined {
  const repository = repositoryOf(ref)
  const tag = followedTag(ref)
  const same = chains.producers
    .filter(p => p.repository === repository)
    .sort((a, b) => compare(a.dockerfile, b.dockerfile))
  return (
    same.find(p => tag !== undefined && p.tags?.includes(tag) === true) ??
    same.find(p => p.tags === undefined) ??
    same[0]
  )
}

/** Config producers replace all others of their repository; duplicates dropped. */
function winning(producers: readonly Producer[]): Producer[] {
  const configured = new Set(
    producers.filter(p => p.source === 'config').map(p => p.repository)
  )
  const seen = new Set<string>()
  return producers.filter(p => {
    if (configured.has(p.repository) && p.source !== 'config') return false
    const key = JSON.stringify([
      p.dockerfile,
      p.repository,
      p.tags,
      p.target,
      p.source
    ])
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** The reference a Dockerfile site builds on, when it names an image. */
/** A Dockerfile's FROM, COPY --from or RUN --mount from=: the places an edge can start. */
export function isChainPlace(site: ImageSite): boolean {
  return (
    (site.kind === undefined || site.kind === 'dockerfile') &&
    CHAIN_SOURCES.has(site.source)
  )
}

function chainRef(site: ImageSite): ImageRef | undefined {
  if (!isChainPlace(site)) return undefined
  if (site.ref !== undefined) return site.ref
  if (site.skip?.code !== 'ignored') return undefined
  const parsed = parseImageRef(site.image)
  return parsed.ok ? parsed.ref : undefined
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
