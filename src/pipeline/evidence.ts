/**
 * The evidence stage (issue 9 "Evidence in PRs"): for each proposed change
 * (plan rows that pin or update; one entry per distinct image key, old
 * digest and new digest) the platform delta, the source link, the package
 * delta of the platform that counts and the vulnerabilities it fixes or
 * introduces. Runs only for changed images, never in the steady state.
 *
 * Never rejects: every part that cannot be told is `unavailable` with why
 * (a failed read, OSV down, the time budget spent) or `absent` when there
 * is nothing to tell (no SBOM published, a first pin).
 *
 * A first pin (no old digest): platforms lists the new index's platforms as
 * 'added'; source shows the new side (a commit link); packages and
 * vulnerabilities are `absent` ("first pin: nothing to compare").
 */
import { evidenceKey } from '../core/evidence/types.js'
import type {
  ImageEvidence,
  PackageEvidence,
  Part,
  PlatformDelta
} from '../core/evidence/types.js'
import { mapLimited } from '../core/map-limited.js'
import type { Plan } from '../core/plan.js'
import type { Resolved } from '../core/resolution.js'
import type {
  EvidenceSource,
  ImageLocation,
  Logger,
  VulnerabilityDatabase
} from './ports.js'
import { changesOf } from './evidence-changes.js'
import type { Change } from './evidence-changes.js'
import { startBudget } from './evidence-budget.js'
import type { Budget } from './evidence-budget.js'
import { vulnerabilityPart } from './evidence-osv.js'
import { packagePart } from './evidence-packages.js'
import {
  comparedPlatform,
  platformPart,
  sideEntries,
  sourcePlatform
} from './evidence-platforms.js'
import { memoizedReads, messageOf, readImage } from './evidence-reads.js'
import type { ImageView, Reads } from './evidence-reads.js'
import { sourcePart } from './evidence-source.js'

export interface EvidenceOptions {
  /** The platforms the user builds (input `platforms`); [] = each line's --platform, else all. */
  readonly platforms: readonly string[]
  readonly osv: boolean
  /** For all the evidence of a run; default 60 000. */
  readonly budgetMs?: number
  /** Per SBOM (and provenance) blob; default 48 MiB (BuildKit caps attestations at 40 MiB). */
  readonly sbomMaxBytes?: number
}

export interface EvidencePorts {
  readonly source: EvidenceSource
  readonly osv?: VulnerabilityDatabase
  readonly logger: Logger
}

const DEFAULT_BUDGET_MS = 60_000
const DEFAULT_SBOM_MAX_BYTES = 48 * 1024 * 1024
/** Bumps gathered at once; the EvidenceSource bounds requests per registry on its own. */
const CHANGE_CONCURRENCY = 4
const FIRST_PIN = 'first pin: nothing to compare'

interface Context {
  readonly options: EvidenceOptions
  readonly ports: EvidencePorts
  readonly reads: Reads
  readonly budget: Budget
  readonly resolved: ReadonlyMap<string, Resolved>
  readonly maxBytes: number
}

export async function gatherEvidence(
  plan: Plan,
  options: EvidenceOptions,
  ports: EvidencePorts,
  locate: (key: string) => ImageLocation | undefined
): Promise<Map<string, ImageEvidence>> {
  const changes = changesOf(plan, options.platforms)
  return evidenceOfChanges(changes, options, ports, locate, plan.resolutions)
}

/**
 * The evidence of given changes (image key, old digest, new digest), e.g.
 * a published image's base moving (issue 11 `behind --explain`);
 * `resolutions` give the platforms of a side its index does not list.
 */
export async function evidenceOfChanges(
  changes: readonly Change[],
  options: EvidenceOptions,
  ports: EvidencePorts,
  locate: (key: string) => ImageLocation | undefined,
  resolutions: Plan['resolutions'] = []
): Promise<Map<string, ImageEvidence>> {
  const context: Context = {
    options,
    ports,
    reads: memoizedReads(ports.source),
    budget: startBudget(options.budgetMs ?? DEFAULT_BUDGET_MS),
    resolved: new Map(
      resolutions.flatMap(r => (r.kind === 'resolved' ? [[r.key, r]] : []))
    ),
    maxBytes: options.sbomMaxBytes ?? DEFAULT_SBOM_MAX_BYTES
  }
  const gathered = await mapLimited(
    changes,
    CHANGE_CONCURRENCY,
    async change => {
      try {
        return await changeEvidence(change, locate(change.key), context)
      } catch (error) {
        // Nothing above should throw; if it does, the bump still goes ahead.
        return everyPart(change, { kind: 'unavailable', why: messageOf(error) })
      }
    }
  )
  for (const evidence of gathered) logParts(ports.logger, evidence)
  return new Map(gathered.map(e => [evidenceKey(e.key, e.from, e.to), e]))
}

function everyPart(
  change: Change,
  part: { kind: 'unavailable' | 'absent'; why: string }
): ImageEvidence {
  return {
    key: change.key,
    ...(change.from === undefined ? {} : { from: change.from }),
    to: change.to,
    platforms: part,
    source: part,
    packages: part,
    vulnerabilities: part
  }
}

async function changeEvidence(
  change: Change,
  at: ImageLocation | undefined,
  context: Context
): Promise<ImageEvidence> {
  if (at === undefined) {
    const why = `no registry location known for ${change.key}: its evidence was not read`
    return everyPart(change, { kind: 'unavailable', why })
  }
  const images = await context.budget.run(async () =>
    readSides(change, at, context.reads)
  )
  const resolved = context.resolved.get(change.key)
  const imageOf = (side: 'old' | 'new'): ImageView | undefined =>
    images.kind === 'found' ? images.value[side] : undefined
  const oldEntries =
    change.from === undefined
      ? undefined
      : sideEntries(imageOf('old'), change.from, resolved, 'old')
  const platforms = platformPart(
    oldEntries,
    sideEntries(imageOf('new'), change.to, resolved, 'new'),
    change.from === undefined,
    change.counted,
    images.kind === 'found'
      ? `the platforms of ${change.key} are not known`
      : images.why
  )
  const deltas = platforms.kind === 'found' ? platforms.value : []
  const [source, packages] = await Promise.all([
    context.budget.run(async () =>
      readSource(change, at, images, deltas, context)
    ),
    context.budget.run(async () =>
      readPackages(change, at, images, deltas, context)
    )
  ])
  const vulnerabilities =
    change.from === undefined
      ? ({ kind: 'absent', why: FIRST_PIN } as const)
      : await context.budget.run(async () =>
          vulnerabilityPart(packages, context.ports.osv, context.options.osv)
        )
  const from = change.from === undefined ? {} : { from: change.from }
  return {
    key: change.key,
    ...from,
    to: change.to,
    platforms,
    source,
    packages,
    vulnerabilities
  }
}

interface Sides {
  readonly old?: ImageView
  readonly new: ImageView
}

async function readSides(
  change: Change,
  at: ImageLocation,
  reads: Reads
): Promise<Part<Sides>> {
  const [next, old] = await Promise.all([
    readImage(reads, at, change.to),
    change.from === undefined ? undefined : readImage(reads, at, change.from)
  ])
  return {
    kind: 'found',
    value: { new: next, ...(old === undefined ? {} : { old }) }
  }
}

async function readSource(
  change: Change,
  at: ImageLocation,
  images: Part<Sides>,
  deltas: readonly PlatformDelta[],
  context: Context
): ReturnType<typeof sourcePart> {
  if (images.kind !== 'found') return images
  const chosen = sourcePlatform(deltas)
  const newSide = {
    image: images.value.new,
    platformManifest:
      images.value.new.kind === 'manifest' ? change.to : chosen?.to
  }
  const old = images.value.old
  const oldSide =
    old === undefined || change.from === undefined
      ? undefined
      : {
          image: old,
          platformManifest: old.kind === 'manifest' ? change.from : chosen?.from
        }
  const sides =
    oldSide === undefined ? { new: newSide } : { old: oldSide, new: newSide }
  return sourcePart(context.reads, at, sides, context.maxBytes)
}

async function readPackages(
  change: Change,
  at: ImageLocation,
  images: Part<Sides>,
  deltas: readonly PlatformDelta[],
  context: Context
): Promise<Part<PackageEvidence>> {
  if (change.from === undefined) return { kind: 'absent', why: FIRST_PIN }
  if (images.kind !== 'found') return images
  const { old, new: next } = images.value
  if (old?.kind !== 'index' || next.kind !== 'index') {
    const why = `${change.key} is pinned to a single-platform manifest: its SBOM is listed only in an image index`
    return { kind: 'absent', why }
  }
  const chosen = comparedPlatform(deltas)
  if (chosen?.from === undefined || chosen.to === undefined) {
    return {
      kind: 'absent',
      why: `no platform you build is in both the old and the new index of ${change.key}`
    }
  }
  const sides = {
    old: { view: old.view, manifest: chosen.from },
    new: { view: next.view, manifest: chosen.to }
  }
  return packagePart(
    context.reads,
    at,
    sides,
    chosen.platform,
    context.maxBytes
  )
}

function logParts(logger: Logger, evidence: ImageEvidence): void {
  const parts = ['platforms', 'source', 'packages', 'vulnerabilities'] as const
  for (const name of parts) {
    const part = evidence[name]
    if (part.kind === 'found') continue
    logger.debug(
      `evidence for ${evidence.key} (${evidence.to}): ${name} ${part.kind}: ${part.why}`
    )
  }
}
