/**
 * `behind --explain` (issue 11 part 2): what a behind image's base move
 * brings, old → new (packages, fixed CVEs), read with the evidence stage of
 * issue 9 (evidence.ts evidenceOfChanges). One read per distinct base move;
 * best effort, it never changes a verdict.
 */
import type { Config } from '../config/config.js'
import type { BehindReport, PlatformVerdict } from '../core/behind/model.js'
import type { ImageEvidence } from '../core/evidence/types.js'
import { evidenceKey } from '../core/evidence/types.js'
import { canonicalKey, parseImageRef } from '../core/image-ref.js'
import { imageLocation } from '../core/image-location.js'

/** A checked image (behind-run.ts BehindEntry), with the evidence of its base's move once read. */
interface Entry {
  readonly report: BehindReport
  readonly evidence?: ImageEvidence
}
import type { Change } from './evidence-changes.js'
import type { EvidencePorts } from './evidence.js'
import { evidenceOfChanges } from './evidence.js'

type Behind = Extract<PlatformVerdict, { status: 'behind' }>

export async function baseEvidence<E extends Entry>(
  entries: readonly E[],
  config: Config,
  ports: EvidencePorts
): Promise<E[]> {
  const changes = new Map<string, Change>()
  const idOf = new Map<E, string>()
  for (const entry of entries) {
    const change = changeOf(entry, config.platforms)
    if (change === undefined) continue
    const id = evidenceKey(change.key, change.from, change.to)
    changes.set(id, change)
    idOf.set(entry, id)
  }
  if (changes.size === 0) return [...entries]
  const { platforms, osv } = config
  const found = await evidenceOfChanges(
    [...changes.values()],
    { platforms, osv },
    ports,
    key => imageLocation(key, config.registryMap)
  )
  return entries.map(entry => {
    const evidence = found.get(idOf.get(entry) ?? '')
    return evidence === undefined ? entry : { ...entry, evidence }
  })
}

/** The base's move of the first behind platform that says where it was built. */
function changeOf(
  entry: Entry,
  platforms: readonly string[]
): Change | undefined {
  const { report } = entry
  const verdict = report.platforms.find(
    (v): v is Behind => v.status === 'behind' && v.builtOn !== undefined
  )
  if (verdict?.builtOn === undefined) return undefined
  const parsed = parseImageRef(report.image.base)
  if (!parsed.ok) return undefined
  const ref = parsed.ref
  const key = canonicalKey({ ...ref, tag: ref.tag ?? 'latest' })
  return {
    key,
    from: verdict.builtOn,
    to: verdict.now,
    counted: platforms.length > 0 ? [...platforms] : [verdict.platform]
  }
}
