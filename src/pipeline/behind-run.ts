/**
 * The behind mode's run (issue 11 part 2), shared by `freshbase behind`
 * and the Action's `mode: behind`: the images this repository publishes
 * (chain-declarations.ts, behind-images.ts), the base each one's Dockerfile
 * names now (core/behind/final-base.ts), whether each was built on it
 * (behind.ts checkBehind), the opt-in maximum age, and with `explain` what
 * the base's move brings (the evidence of issue 9).
 */
import type { Config } from '../config/config.js'
import { finalBase } from '../core/behind/final-base.js'
import type { BehindReport, PublishedImage } from '../core/behind/model.js'
import { buildChains } from '../core/chains/graph.js'
import { rebuildLevels } from '../core/chains/levels.js'
import type { Chains, ProducerProblem } from '../core/chains/model.js'
import { scanDockerfile } from '../core/dockerfile/scan.js'
import type { ImageSite } from '../core/image-site.js'
import type { ImageEvidence } from '../core/evidence/types.js'
import { checkBehind } from './behind.js'
import { baseEvidence } from './behind-evidence.js'
import type { BehindTarget, Unchecked } from './behind-images.js'
import { publishedTargets } from './behind-images.js'
import { readDeclarations } from './chain-declarations.js'
import type { RunPorts } from './run.js'

export interface BehindRunOptions {
  /** Opt-in: an image whose `created` is older than this is stale. */
  readonly maxAgeDays?: number
  /** Read the evidence of each behind image's base change. */
  readonly explain: boolean
  /** For tests; default the clock. */
  readonly now?: Date
}

export interface BehindEntry {
  readonly report: BehindReport
  /** Older than max-age by its config `created` (which may be a source date). */
  readonly stale?: { readonly days: number; readonly created: string }
  /** What the base's move old → new brings (with `explain`). */
  readonly evidence?: ImageEvidence
}

export interface BehindRunReport {
  readonly entries: readonly BehindEntry[]
  /** Published images that were not checked, with why. */
  readonly unchecked: readonly Unchecked[]
  /** Build declarations that could not be read. */
  readonly problems: readonly ProducerProblem[]
  /** The Dockerfiles to rebuild in chain order (level 0 first): those behind or stale and every one built on them. */
  readonly levels: readonly (readonly string[])[]
  /** The repository's chains (producers, edges), for the build contexts. */
  readonly chains: Chains
}

const DAY_MS = 86_400_000

/** Behind or stale: the images a rebuild is for. */
export function needsRebuild(entry: BehindEntry): boolean {
  return entry.report.status === 'behind' || entry.stale !== undefined
}

export async function runBehind(
  config: Config,
  options: BehindRunOptions,
  ports: RunPorts
): Promise<BehindRunReport> {
  const { files, logger } = ports
  const found = await logger.group('Discover', async () =>
    files.discover(config)
  )
  const read = await readDeclarations(found, files, config, ports.bake)
  const { targets, unchecked } = publishedTargets(read.producers)
  const texts = await readDockerfiles(
    [...new Set(read.producers.map(p => p.dockerfile))],
    ports
  )
  const images: PublishedImage[] = []
  for (const target of targets) {
    const image = publishedImage(target, texts.get(target.dockerfile))
    if ('why' in image) unchecked.push(image)
    else images.push(image)
  }
  const content = ports.evidence?.source
  if (content === undefined)
    throw new Error('behind: no registry content reader is wired')
  const reports = await logger.group('Check published images', async () =>
    checkBehind(
      images,
      { resolver: ports.resolver, content, logger },
      {
        platforms: config.platforms,
        registryMap: config.registryMap
      }
    )
  )
  const now = (options.now ?? new Date()).getTime()
  let entries: BehindEntry[] = reports.map(report =>
    withAge(report, options.maxAgeDays, now)
  )
  if (options.explain && ports.evidence !== undefined) {
    entries = await baseEvidence(entries, config, ports.evidence)
  }
  const sites = [...texts].flatMap(([file, text]) =>
    typeof text === 'string' ? scanDockerfile(file, text) : []
  )
  const chains = buildChains(read.producers, sites, read.problems)
  return {
    entries,
    unchecked,
    problems: [...read.problems],
    levels: levelsOf(entries, chains),
    chains
  }
}

async function readDockerfiles(
  paths: readonly string[],
  ports: RunPorts
): Promise<Map<string, string | Error>> {
  const texts = new Map<string, string | Error>()
  for (const file of paths) {
    texts.set(
      file,
      await ports.files.read(file).catch((error: unknown) => error as Error)
    )
  }
  return texts
}

function publishedImage(
  target: BehindTarget,
  text: string | Error | undefined
): PublishedImage | Unchecked {
  const { image, dockerfile } = target
  if (typeof text !== 'string') {
    const why = `${dockerfile} (which builds ${image}) could not be read${text === undefined ? '' : ` (${text.message})`}; correct the path in the images setting or the build declaration.`
    return { image, dockerfile, why }
  }
  const sites: ImageSite[] = scanDockerfile(dockerfile, text)
  const base = finalBase(dockerfile, sites, target.target)
  if (!base.ok) return { image, dockerfile, why: base.why }
  return { image, dockerfile, base: base.base, line: base.line }
}

function withAge(
  report: BehindReport,
  maxAgeDays: number | undefined,
  now: number
): BehindEntry {
  const created = report.created
  if (maxAgeDays === undefined || created === undefined) return { report }
  const at = Date.parse(created)
  if (Number.isNaN(at)) return { report }
  const days = Math.floor((now - at) / DAY_MS)
  return days > maxAgeDays ? { report, stale: { days, created } } : { report }
}

/** The Dockerfiles of the images to rebuild, in chain order. */
function levelsOf(entries: readonly BehindEntry[], chains: Chains): string[][] {
  const files = [
    ...new Set(
      entries
        .filter(needsRebuild)
        .flatMap(e =>
          e.report.image.dockerfile === undefined
            ? []
            : [e.report.image.dockerfile]
        )
    )
  ].sort()
  if (files.length === 0) return []
  return rebuildLevels(chains, files)
}
