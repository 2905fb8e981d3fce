/**
 * What the plan does with a Dockerfile reference to an image built in this
 * repository (issue 11 part 1, CHAINS.md "Design implications" 5): by
 * default it is not pinned ("built in this repository (base/Dockerfile)"):
 * a pin would freeze the child on the parent's old build, and a tag keeps
 * `--build-context` overrides working. With `pin-built-here` it is pinned
 * as usual, except while its parent is being rebuilt in the same run: its
 * new digest does not exist yet, and a child is never bumped before it.
 * Pure: the pipeline passes the chains and the parents' plans in.
 */
import { repositoryOf } from '../image-ref.js'
import type { ImageSite, SkipReason } from '../image-site.js'
import { isChainPlace } from './graph.js'
import type { ChainEdge, Chains, Producer } from './model.js'

/**
 * A Dockerfile site (FROM, COPY --from, RUN --mount from=) naming an image
 * by reference, not yet skipped: one the chains may say is built here.
 */
export function isChainSite(site: ImageSite): boolean {
  return site.skip === undefined && site.ref !== undefined && isChainPlace(site)
}

/**
 * Whether a site names a repository another Dockerfile builds (before the
 * chains exist): `producers` maps each repository to the Dockerfiles
 * building it.
 */
export function namesProduced(
  site: ImageSite,
  producers: ReadonlyMap<string, ReadonlySet<string>>
): boolean {
  if (!isChainSite(site) || site.ref === undefined) return false
  const files = producers.get(repositoryOf(site.ref))
  return files !== undefined && [...files].some(file => file !== site.file)
}

/**
 * The edges a site stands for (the child's line and image): what the
 * chains say it builds on here. Several when its tag is unverified and
 * several Dockerfiles build the repository.
 */
export function edgesOf(chains: Chains, site: ImageSite): ChainEdge[] {
  if (!isChainSite(site)) return []
  const onLine = chains.edges.filter(
    e => e.child === site.file && e.line === site.line
  )
  const same = onLine.filter(e => e.image === site.image)
  return same.length > 0 ? same : onLine
}

/** The Dockerfiles a site's image is built by here (none: not built here). */
export function parentsOf(chains: Chains, site: ImageSite): string[] {
  return [...new Set(edgesOf(chains, site).map(e => e.parent))]
}

/**
 * `built in this repository (base/Dockerfile)`, and why the tag is not
 * known to be one the parent builds when it is not. Undefined for a site
 * of no edge.
 */
export function builtHereReason(
  chains: Chains,
  site: ImageSite
): SkipReason | undefined {
  const edges = edgesOf(chains, site)
  const [first] = edges
  if (first === undefined) return undefined
  const built = `built in this repository (${parentsOf(chains, site).join(', ')})`
  if (first.tagVerified) return { code: 'built-here', message: built }
  const producer = producerFor(chains, site, first.parent)
  const why =
    producer === undefined
      ? `the tags ${first.parent} is built with are not known`
      : unverifiedWhy(site, producer)
  return { code: 'built-here', message: `${built} — tag unverified: ${why}` }
}

function producerFor(
  chains: Chains,
  site: ImageSite,
  parent: string
): Producer | undefined {
  const repository = site.ref === undefined ? '' : repositoryOf(site.ref)
  return chains.producers.find(
    p => p.dockerfile === parent && p.repository === repository
  )
}

function unverifiedWhy(site: ImageSite, producer: Producer): string {
  const at = `${producer.declaredIn.file}:${producer.declaredIn.line}`
  const tag = site.ref?.tag ?? 'latest'
  const tags = producer.tags
  if (tags === undefined || tags.length === 0)
    return `${producer.dockerfile} is tagged when it is built (${at}), so whether it builds :${tag} is not known; name the tag in the images setting to confirm it.`
  return `${producer.dockerfile} is built as ${tags.map(t => `:${t}`).join(', ')} (${at}), not :${tag}; check the FROM's tag.`
}

/** With pin-built-here, while the parent is rebuilt in this run. */
export function waitsReason(parent: string): SkipReason {
  return {
    code: 'built-here',
    message: `waits for ${parent} to be rebuilt: its new digest does not exist yet`
  }
}

/** With pin-built-here, a parent in a build cycle with the child: no order exists. */
export function cycleReason(
  parent: string,
  cycle: readonly string[]
): SkipReason {
  return {
    code: 'built-here',
    message: `built in this repository (${parent}), in a build cycle (${cycle.join(', ')}): not pinned, as no build order exists; break the cycle.`
  }
}

/** The cycle a Dockerfile is in, if any. */
export function cycleOf(
  chains: Chains,
  dockerfile: string
): readonly string[] | undefined {
  return chains.cycles.find(cycle => cycle.includes(dockerfile))
}

/** The default: every chain site of an image built here is skipped, saying why. */
export function markBuiltHere(
  sites: readonly ImageSite[],
  chains: Chains
): ImageSite[] {
  return sites.map(site => {
    const skip = builtHereReason(chains, site)
    return skip === undefined ? site : { ...site, skip }
  })
}

/** A Dockerfile and everything it builds on here, through the chains' edges (each once). */
export function selfAndAncestors(chains: Chains, dockerfile: string): string[] {
  const seen = new Set([dockerfile])
  const queue = [dockerfile]
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const edge of chains.edges) {
      if (edge.child !== file || seen.has(edge.parent)) continue
      seen.add(edge.parent)
      queue.push(edge.parent)
    }
  }
  return [...seen]
}
