/**
 * The pipeline, one call per stage (DESIGN.md "The flow"):
 * discover → scan → dedupe → resolve → plan → rewrite (→ write).
 */
import type { Config } from '../config/config.js'
import type { ProposedDigests } from '../core/kept-proposal.js'
import { proposedByKey } from '../core/kept-proposal.js'
import type { Plan } from '../core/plan.js'
import {
  buildRequests,
  firstLook,
  secondLook
} from '../core/resolve-requests.js'
import type { Digest } from '../core/digest.js'
import type { ImageSite } from '../core/image-site.js'
import type { Resolution, ResolveRequest } from '../core/resolution.js'
import { buildChains } from '../core/chains/graph.js'
import { markBuiltHere, namesProduced } from '../core/chains/in-repo.js'
import type { Chains } from '../core/chains/model.js'
import type { BakePrinter } from './chain-declarations.js'
import { readDeclarations } from './chain-declarations.js'
import { pinBuiltHereAdjuster, rebuildSet } from './chains.js'
import type { EvidencePorts } from './evidence.js'
import { finishFiles } from './finish-files.js'
import type { FileChange } from './finish-files.js'
import type { DigestResolver, FileStore, Logger } from './ports.js'
import { describeScan, scanAll } from './scan-files.js'
import type { Scanned } from './scan-files.js'

export type { FileChange } from './finish-files.js'

export interface RunReport {
  readonly plan: Plan
  /** Files whose new text passed the re-scan check (written when mode is apply). */
  readonly changes: readonly FileChange[]
  readonly filesScanned: number
  readonly uniqueImages: number
  /**
   * The in-repo chains (issue 11): which Dockerfile builds which image
   * here, the edges, levels, cycles and the declarations not read.
   */
  readonly chains?: Chains
  /** The changed Dockerfiles and every descendant, in build order (levels). */
  readonly rebuild?: readonly (readonly string[])[]
}

export interface RunPorts {
  readonly files: FileStore
  readonly resolver: DigestResolver
  readonly logger: Logger
  /**
   * What the evidence of a bump is read through (issue 9): the resolver's
   * own registry slots and cache, and OSV unless turned off.
   */
  readonly evidence?: EvidencePorts
  /** `docker buildx bake --print`, for an HCL bake file (absent: HCL is reported as not read). */
  readonly bake?: BakePrinter
}

/** What the Action knows beyond the configuration; the CLI passes nothing. */
export interface RunOptions {
  /**
   * What the open pull requests propose (their hidden plan blocks, by
   * `${file} ${key}`): kept while the tag moves on from it only in platforms
   * that do not count (issue 9: an open PR is not touched for that).
   */
  readonly proposed?: ProposedDigests
}

export async function run(
  config: Config,
  ports: RunPorts,
  mode: 'check' | 'apply',
  options: RunOptions = {}
): Promise<RunReport> {
  const { files, resolver, logger } = ports
  const found = await logger.group('Discover', async () =>
    files.discover(config)
  )
  const looks = new FirstLooks(resolver)
  const { scanned, chains } = await scanWithChains(found, config, ports, looks)
  const requests = buildRequests(scanned.sites, config.registryMap)
  const proposed = options.proposed ?? new Map<string, never>()
  const byKey = proposedByKey(proposed)
  const finals = new Map(
    requests.map(request => [
      request.key,
      looks.final(request, byKey.get(request.key) ?? [])
    ])
  )
  // A file is planned, checked and (in apply mode) written as soon as its
  // own images are resolved, while the registry still answers for others.
  const write =
    mode === 'apply'
      ? async (change: FileChange) => files.write(change.file, change.after)
      : undefined
  const done = await logger.group(
    mode === 'apply' ? 'Resolve and write' : 'Resolve and rewrite',
    async () =>
      finishFiles(
        scanned,
        finals,
        { ...config, proposed },
        write,
        config.pinBuiltHere ? pinBuiltHereAdjuster(chains) : undefined
      )
  )
  const resolutions = await Promise.all(finals.values())
  const planned = done.flatMap(d => d.plan.files)
  return {
    plan: {
      rows: [...scanned.problems, ...done.flatMap(d => d.plan.rows)],
      files: planned,
      resolutions
    },
    chains,
    rebuild: rebuildSet(chains, planned),
    changes: done.flatMap(d => (d.change === undefined ? [] : [d.change])),
    filesScanned: found.length,
    uniqueImages: requests.length
  }
}

/**
 * The build declarations first (issue 11), so that a reference to an image
 * built here is not asked for while the scan goes on (it is not pinned by
 * default); then the scan, and the chains over its sites. Without
 * pin-built-here those references are skipped, saying which Dockerfile
 * builds them.
 */
async function scanWithChains(
  found: readonly string[],
  config: Config,
  { files, logger, bake }: RunPorts,
  looks: FirstLooks
): Promise<{ scanned: Scanned; chains: Chains }> {
  const declared = await logger.group('Read build declarations', async () =>
    readDeclarations(found, files, config, bake)
  )
  const produced = new Map<string, Set<string>>()
  for (const { repository, dockerfile } of declared.producers)
    produced.set(
      repository,
      (produced.get(repository) ?? new Set()).add(dockerfile)
    )
  const onSite = (site: ImageSite): void => {
    if (!config.pinBuiltHere && namesProduced(site, produced)) return
    const request = firstLook(site, config.registryMap)
    if (request !== undefined) looks.look(request)
  }
  const seen = await logger.group('Scan', async () =>
    scanAll(found, files, config, onSite, declared.texts)
  )
  logger.debug(describeScan(seen.counts))
  const chains = buildChains(declared.producers, seen.sites, declared.problems)
  if (config.pinBuiltHere) return { scanned: seen, chains }
  return {
    scanned: { ...seen, sites: markBuiltHere(seen.sites, chains) },
    chains
  }
}

/**
 * Each image's first look goes out the moment the scanner meets it (one per
 * key, decided by that first site: pinned, a HEAD; not, a GET), so no
 * request waits on the scan of unrelated files (issue 8).
 */
class FirstLooks {
  private readonly looks = new Map<
    string,
    { readonly asked: ResolveRequest; readonly pending: Promise<Resolution> }
  >()

  constructor(private readonly resolver: DigestResolver) {}

  look(request: ResolveRequest): {
    readonly asked: ResolveRequest
    readonly pending: Promise<Resolution>
  } {
    let look = this.looks.get(request.key)
    if (look === undefined) {
      look = { asked: request, pending: this.resolver.resolve(request) }
      this.looks.set(request.key, look)
    }
    return look
  }

  /**
   * After the scan, with every site's pin known: the first look, or a
   * second one for stale pins of other sites it did not cover (the tag is
   * not asked again).
   */
  async final(
    request: ResolveRequest,
    proposed: readonly Digest[]
  ): Promise<Resolution> {
    const { asked, pending } = this.look(request)
    const first = await pending
    const again = secondLook(request, asked, first, proposed)
    if (again === undefined) return first
    const second = await this.resolver.resolve(again)
    // Reading what an open PR proposes is best effort: when only that was
    // asked and it failed, the first look stands (no PR is kept for it).
    const onlyProposed = secondLook(request, asked, first) === undefined
    return second.kind === 'failed' && onlyProposed ? first : second
  }
}
