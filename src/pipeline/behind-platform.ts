/**
 * One platform of one published image (issue 11 part 2): provenance, then
 * the base annotations, then the layers; the first method that answers
 * wins and is named in the verdict. Reads go through the run's memoized
 * reads, so a base index or config shared by images is asked once.
 */
import { baseFromAnnotations } from '../core/behind/annotations-base.js'
import type { BaseRef } from '../core/behind/base-ref.js'
import { compareLayers, readImageConfig } from '../core/behind/layer-prefix.js'
import type { ImageConfig } from '../core/behind/layer-prefix.js'
import type { BehindMethod, PlatformVerdict } from '../core/behind/model.js'
import {
  imageMaterials,
  pickBaseMaterial
} from '../core/behind/provenance-base.js'
import {
  answerRecorded,
  answerWithoutRead,
  nowPlatformDigest
} from '../core/behind/verdict.js'
import type {
  BaseSide,
  RecordedAnswer,
  RecordedRead
} from '../core/behind/verdict.js'
import type { Digest } from '../core/digest.js'
import type { IndexView } from '../core/evidence/attestations.js'
import {
  configDigestOf,
  readManifestAnnotations
} from '../core/evidence/attestations.js'
import { formatPlatform } from '../core/platform.js'
import type { Platform } from '../core/resolution.js'
import {
  attestationOf,
  messageOf,
  platformManifests,
  readImage,
  statementOf
} from './evidence-reads.js'
import type { Reads } from './evidence-reads.js'
import type { ImageLocation } from './ports.js'

/** Configs and provenance statements are small; anything past this is not one. */
export const CONFIG_MAX_BYTES = 4 * 1024 * 1024
const PROVENANCE_MAX_BYTES = 8 * 1024 * 1024

/** The base the Dockerfile names, and what it points to now. */
export interface BaseNow {
  readonly ref: BaseRef
  readonly at: ImageLocation
  readonly side: BaseSide
}

/** One platform of the published image. */
export interface PlatformTarget {
  readonly at: ImageLocation
  readonly name: string
  readonly platform: Platform
  readonly manifest: Digest
  /** The image's index and this platform's descriptor annotations, when the image is an index. */
  readonly index?: IndexView
  readonly descriptor?: Readonly<Record<string, string>>
}

export interface PlatformResult {
  readonly verdict: PlatformVerdict
  readonly created?: string
}

type Step = () => Promise<PlatformVerdict | string>

export async function checkPlatform(
  reads: Reads,
  target: PlatformTarget,
  base: BaseNow
): Promise<PlatformResult> {
  const { body } = await reads.manifest(target.at, target.manifest)
  const config = await configOf(reads, target.at, body)
  const steps: Step[] = [
    async () => byProvenance(reads, target, base),
    async () => byAnnotations(reads, target, base, body, config),
    async () => byLayers(reads, base, target.platform, config)
  ]
  const whys: string[] = []
  for (const step of steps) {
    const answer = await step()
    if (typeof answer !== 'string')
      return withCreated({ verdict: answer }, config)
    whys.push(answer)
  }
  const platform = formatPlatform(target.platform)
  return withCreated(
    {
      verdict: {
        status: 'unknown',
        platform,
        why: `${target.name} (${platform}): no method answered: ${whys.join('; ')}`
      }
    },
    config
  )
}

function withCreated(
  result: PlatformResult,
  config: ImageConfig
): PlatformResult {
  return config.created === undefined
    ? result
    : { ...result, created: config.created }
}

export async function configOf(
  reads: Reads,
  at: ImageLocation,
  manifestBody: Uint8Array
): Promise<ImageConfig> {
  const digest = configDigestOf(manifestBody)
  if (digest === undefined)
    throw new Error(
      `the image manifest in ${at.registry}/${at.repository} has no config digest`
    )
  return readImageConfig(await reads.blob(at, digest, CONFIG_MAX_BYTES))
}

async function byProvenance(
  reads: Reads,
  target: PlatformTarget,
  base: BaseNow
): Promise<PlatformVerdict | string> {
  if (target.index === undefined)
    return 'provenance: the image is not an index, so it carries no attestations'
  let materials
  try {
    const attestation = await attestationOf(
      reads,
      target.at,
      target.index,
      target.manifest
    )
    const layer = attestation?.provenance[0]
    if (layer === undefined)
      return 'provenance: none attached (keep build-push-action provenance on)'
    const what = `the provenance of ${target.name}`
    const statement = await statementOf(
      reads,
      target.at,
      layer,
      PROVENANCE_MAX_BYTES,
      what
    )
    materials = imageMaterials(statement.predicateType, statement.predicate)
  } catch (error) {
    return `provenance could not be read: ${messageOf(error)}`
  }
  const pick = pickBaseMaterial(materials, base.ref, target.platform)
  if (pick.kind === 'none') return `provenance: ${pick.why}`
  return recordedVerdict(reads, base, target.platform, {
    method: 'provenance',
    recorded: pick.material.digest
  })
}

async function byAnnotations(
  reads: Reads,
  target: PlatformTarget,
  base: BaseNow,
  manifestBody: Uint8Array,
  config: ImageConfig
): Promise<PlatformVerdict | string> {
  const found = baseFromAnnotations(
    {
      manifest: readManifestAnnotations(manifestBody),
      ...(target.descriptor === undefined
        ? {}
        : { descriptor: target.descriptor }),
      ...(target.index === undefined
        ? {}
        : { index: target.index.annotations }),
      config: config.labels
    },
    base.ref
  )
  if (found.kind === 'none') return `base annotations: ${found.why}`
  return recordedVerdict(reads, base, target.platform, {
    method: 'base-annotation',
    recorded: found.digest
  })
}

async function recordedVerdict(
  reads: Reads,
  base: BaseNow,
  platform: Platform,
  found: { readonly method: BehindMethod; readonly recorded: Digest }
): Promise<PlatformVerdict | string> {
  const { recorded, method } = found
  const answer: RecordedAnswer =
    answerWithoutRead(recorded, base.side, platform) ??
    answerRecorded(
      recorded,
      await readRecorded(reads, base.at, recorded),
      base.side,
      platform
    )
  const where = formatPlatform(platform)
  if (answer.status === 'unknown') return `${method}: ${answer.why}`
  return { ...answer, platform: where, method }
}

async function readRecorded(
  reads: Reads,
  at: ImageLocation,
  digest: Digest
): Promise<RecordedRead> {
  try {
    const image = await readImage(reads, at, digest)
    return {
      kind: 'read',
      side:
        image.kind === 'index'
          ? { digest, platforms: platformManifests(image.view) }
          : { digest }
    }
  } catch (error) {
    return { kind: 'unreadable', why: messageOf(error) }
  }
}

async function byLayers(
  reads: Reads,
  base: BaseNow,
  platform: Platform,
  config: ImageConfig
): Promise<PlatformVerdict | string> {
  const where = formatPlatform(platform)
  const baseManifest = nowPlatformDigest(base.side, platform)
  if (baseManifest === undefined)
    return `layers: ${base.ref.text} has no ${where} image now`
  const { body } = await reads.manifest(base.at, baseManifest)
  const baseConfig = await configOf(reads, base.at, body)
  const answer = compareLayers(baseConfig.diffIds, config.diffIds)
  if (answer.status === 'unknown') return `layers: ${answer.why}`
  return answer.status === 'current'
    ? {
        status: 'current',
        platform: where,
        method: 'layers',
        builtOn: baseManifest
      }
    : {
        status: 'behind',
        platform: where,
        method: 'layers',
        now: base.side.digest
      }
}
