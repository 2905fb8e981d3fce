/**
 * "Is a published image behind its base?" (issue 11 part 2, CHAINS.md §B):
 * for each image this repository publishes, per platform that counts, was
 * it built on what its Dockerfile's base points to now. The image tag and
 * the base tag are resolved with the DigestResolver (one HEAD each, a base
 * shared by images once); manifests and blobs are read by digest through
 * the EvidenceSource, each once per run; the decisions are core/behind/.
 */
import { baseRefOf } from '../core/behind/base-ref.js'
import type { BaseRef } from '../core/behind/base-ref.js'
import type {
  BehindReport,
  PlatformVerdict,
  PublishedImage
} from '../core/behind/model.js'
import { overallStatus } from '../core/behind/verdict.js'
import { locate } from '../core/image-location.js'
import type { Digest } from '../core/digest.js'
import {
  formatPlatform,
  parsePlatform,
  platformMatches
} from '../core/platform.js'
import type { Platform } from '../core/resolution.js'
import { checkPlatform, configOf } from './behind-platform.js'
import type {
  BaseNow,
  PlatformResult,
  PlatformTarget
} from './behind-platform.js'
import {
  memoizedReads,
  messageOf,
  platformManifests,
  readImage
} from './evidence-reads.js'
import type { Reads } from './evidence-reads.js'
import type {
  DigestResolver,
  EvidenceSource,
  ImageLocation,
  Logger
} from './ports.js'

export interface BehindPorts {
  readonly resolver: DigestResolver
  readonly content: EvidenceSource
  readonly logger?: Logger
}

export interface BehindOptions {
  /** Platforms that count ("linux/amd64"); all the image's platforms when absent or empty. */
  readonly platforms?: readonly string[]
  /** Config `registry-map` (from → to host): where images are read, as for pinning. */
  readonly registryMap?: Readonly<Record<string, string>>
}

interface Context {
  readonly reads: Reads
  readonly resolver: DigestResolver
  readonly registryMap: Readonly<Record<string, string>>
  readonly wanted: readonly Platform[]
  /** Base now, per base reference as written: images sharing a base resolve it once. */
  readonly bases: Map<string, Promise<BaseNow>>
  readonly logger?: Logger
}

/** One report per image, in input order; one image's failure never stops the others. */
export async function checkBehind(
  images: readonly PublishedImage[],
  ports: BehindPorts,
  options: BehindOptions = {}
): Promise<BehindReport[]> {
  const context: Context = {
    reads: memoizedReads(ports.content),
    resolver: ports.resolver,
    registryMap: options.registryMap ?? {},
    wanted: wantedPlatforms(options.platforms ?? []),
    bases: new Map(),
    ...(ports.logger === undefined ? {} : { logger: ports.logger })
  }
  return Promise.all(
    images.map(async image => {
      try {
        return await checkImage(context, image)
      } catch (error) {
        const report: BehindReport = {
          image,
          status: 'unknown',
          platforms: [],
          error: messageOf(error)
        }
        return report
      }
    })
  )
}

function wantedPlatforms(texts: readonly string[]): Platform[] {
  return texts.map(text => {
    const platform = parsePlatform(text)
    if (platform === undefined)
      throw new Error(
        `platform "${text}" is not os/architecture[/variant] (e.g. linux/amd64)`
      )
    return platform
  })
}

async function checkImage(
  context: Context,
  image: PublishedImage
): Promise<BehindReport> {
  const ref = mustRef(image.image, `published image ${image.image}`)
  const where =
    image.dockerfile === undefined
      ? ''
      : ` (${image.dockerfile}${image.line === undefined ? '' : `:${image.line}`})`
  const baseRef = mustRef(image.base, `the base ${image.base}${where}`)
  const at = locationOf(context, ref)
  const [digest, base] = await Promise.all([
    digestOf(context, ref),
    baseNow(context, baseRef).catch((error: unknown) => {
      throw new Error(
        `${image.image}: its base ${image.base}${where} could not be read: ${messageOf(error)}`
      )
    })
  ])
  const targets = await targetsOf(context, ref, at, digest)
  if (targets.length === 0)
    throw new Error(
      `${image.image} has none of the platforms asked (${context.wanted.map(formatPlatform).join(', ')}): nothing to check; change the platforms or leave them empty`
    )
  const results = await Promise.all(
    targets.map(async target => settlePlatform(context.reads, target, base))
  )
  const platforms = results.map(r => r.verdict)
  for (const verdict of platforms)
    context.logger?.debug(describe(image, verdict))
  const created = results.find(r => r.created !== undefined)?.created
  return {
    image,
    status: overallStatus(platforms),
    platforms,
    baseNow: base.side.digest,
    ...(created === undefined ? {} : { created })
  }
}

/** A platform whose reads failed is unknown, saying why; the other platforms still count. */
async function settlePlatform(
  reads: Reads,
  target: PlatformTarget,
  base: BaseNow
): Promise<PlatformResult> {
  try {
    return await checkPlatform(reads, target, base)
  } catch (error) {
    const platform = formatPlatform(target.platform)
    return {
      verdict: {
        status: 'unknown',
        platform,
        why: `${target.name} (${platform}) could not be checked: ${messageOf(error)}`
      }
    }
  }
}

function describe(image: PublishedImage, verdict: PlatformVerdict): string {
  const how =
    verdict.status === 'unknown' ? verdict.why : `by ${verdict.method}`
  return `behind: ${image.image} ${verdict.platform} is ${verdict.status} (${how})`
}

function mustRef(text: string, what: string): BaseRef {
  const ref = baseRefOf(text)
  if (ref === undefined)
    throw new Error(`${what} is not a valid image reference: fix the name`)
  return ref
}

function locationOf(context: Context, ref: BaseRef): ImageLocation {
  return locate(ref, context.registryMap)
}

/** The digest the reference pins, or what its tag points to now. */
async function digestOf(context: Context, ref: BaseRef): Promise<Digest> {
  if (ref.digest !== undefined) return ref.digest
  const tag = ref.tag ?? 'latest'
  const resolution = await context.resolver.resolve({
    key: `${ref.registry}/${ref.repository}:${tag}`,
    registry: locationOf(context, ref).registry,
    repository: ref.repository,
    tag,
    currentDigests: [],
    needsManifestBody: false
  })
  if (resolution.kind === 'failed')
    throw new Error(`${resolution.failure.message} ${resolution.failure.hint}`)
  return resolution.digest
}

async function baseNow(context: Context, ref: BaseRef): Promise<BaseNow> {
  const key = `${ref.registry}/${ref.repository}:${ref.tag ?? ''}@${ref.digest ?? ''}`
  const known = context.bases.get(key)
  if (known !== undefined) return known
  const pending = (async (): Promise<BaseNow> => {
    const at = locationOf(context, ref)
    const digest = await digestOf(context, ref)
    const image = await readImage(context.reads, at, digest)
    return {
      ref,
      at,
      side:
        image.kind === 'index'
          ? { digest, platforms: platformManifests(image.view) }
          : { digest }
    }
  })()
  context.bases.set(key, pending)
  return pending
}

/** The image's platforms that count: runnable index entries (no attestations, no unknown/unknown), or its one manifest. */
async function targetsOf(
  context: Context,
  ref: BaseRef,
  at: ImageLocation,
  digest: Digest
): Promise<PlatformTarget[]> {
  const name = ref.text
  const image = await readImage(context.reads, at, digest)
  const counts = (platform: Platform): boolean =>
    context.wanted.length === 0 ||
    context.wanted.some(w => platformMatches(platform, w))
  if (image.kind === 'manifest') {
    const config = await configOf(context.reads, at, image.body)
    const platform = config.platform ?? { os: 'linux', architecture: 'amd64' }
    return counts(platform) ? [{ at, name, platform, manifest: digest }] : []
  }
  const view = image.view
  return view.runnable.flatMap(entry =>
    entry.platform === undefined ||
    entry.mediaType.includes('index') ||
    entry.mediaType.includes('manifest.list') ||
    !counts(entry.platform)
      ? []
      : [
          {
            at,
            name,
            platform: entry.platform,
            manifest: entry.digest,
            index: view,
            descriptor: entry.annotations
          }
        ]
  )
}
