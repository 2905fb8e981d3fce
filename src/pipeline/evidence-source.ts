/**
 * The source part of a bump's evidence (issue 9 "Source", EVIDENCE.md §5):
 * the first place that names the source wins, in this order: index
 * annotations → the platform's index descriptor annotations → its manifest
 * annotations → its config labels (one blob GET, only when nothing was found
 * yet) → its provenance attestation (SLSA v0.2 / v1).
 */
import type { Digest } from '../core/digest.js'
import {
  configDigestOf,
  readConfigLabels,
  readManifestAnnotations
} from '../core/evidence/attestations.js'
import {
  sourceFromAnnotations,
  sourceFromProvenance,
  sourceLink
} from '../core/evidence/source.js'
import type { Part, SourceEvidence, SourceRef } from '../core/evidence/types.js'
import type { ImageLocation } from './ports.js'
import {
  attestationOf,
  entryOf,
  messageOf,
  statementOf
} from './evidence-reads.js'
import type { ImageView, Reads } from './evidence-reads.js'

/** Config blobs and provenance statements are small; anything past this is not a config. */
const CONFIG_MAX_BYTES = 4 * 1024 * 1024

export interface SourceSide {
  readonly image: ImageView
  /** The platform manifest read for this side (of the index), or the pinned manifest itself. */
  readonly platformManifest?: Digest
}

type Step = () => SourceRef | undefined | Promise<SourceRef | undefined>

/**
 * The source of one side: the first place that names it. When that place
 * gives no revision (an index annotation with only `source`), the later
 * places are asked for a revision of the same repository, so a compare link
 * is still possible. Rejects only when nothing was found and a read failed
 * on the way (then the answer is unknown, not "none published").
 */
export async function sideSource(
  reads: Reads,
  at: ImageLocation,
  side: SourceSide,
  provenanceMaxBytes: number
): Promise<SourceRef | undefined> {
  const errors: unknown[] = []
  let first: SourceRef | undefined
  for (const step of steps(reads, at, side, provenanceMaxBytes)) {
    let found: SourceRef | undefined
    try {
      found = await step()
    } catch (error) {
      errors.push(error)
    }
    if (found === undefined) continue
    if (first === undefined) first = found
    if (found.revision !== undefined && sameRepository(first, found)) {
      return first === found ? found : { ...first, revision: found.revision }
    }
  }
  if (first !== undefined) return first
  if (errors.length > 0) throw errors[0]
  return undefined
}

function sameRepository(a: SourceRef, b: SourceRef): boolean {
  return a.url.toLowerCase() === b.url.toLowerCase()
}

function steps(
  reads: Reads,
  at: ImageLocation,
  side: SourceSide,
  provenanceMaxBytes: number
): Step[] {
  const digest = side.platformManifest
  if (side.image.kind === 'manifest') {
    const body = side.image.body
    return [
      () => sourceFromAnnotations(readManifestAnnotations(body), 'manifest'),
      async () => configSource(reads, at, body)
    ]
  }
  const view = side.image.view
  const entry = entryOf(view, digest)
  const manifestBody = async (): Promise<Uint8Array | undefined> =>
    digest === undefined ? undefined : (await reads.manifest(at, digest)).body
  return [
    () => sourceFromAnnotations(view.annotations, 'index'),
    () =>
      entry === undefined
        ? undefined
        : sourceFromAnnotations(entry.annotations, 'descriptor'),
    async () => {
      const body = await manifestBody()
      return body === undefined
        ? undefined
        : sourceFromAnnotations(readManifestAnnotations(body), 'manifest')
    },
    async () => {
      const body = await manifestBody()
      return body === undefined ? undefined : configSource(reads, at, body)
    },
    async () => {
      if (digest === undefined) return undefined
      const attestation = await attestationOf(reads, at, view, digest)
      const layer = attestation?.provenance[0]
      if (layer === undefined) return undefined
      const what = `the provenance attestation of ${at.repository}@${digest}`
      const statement = await statementOf(
        reads,
        at,
        layer,
        provenanceMaxBytes,
        what
      )
      return sourceFromProvenance(statement.predicateType, statement.predicate)
    }
  ]
}

async function configSource(
  reads: Reads,
  at: ImageLocation,
  manifestBody: Uint8Array
): Promise<SourceRef | undefined> {
  const config = configDigestOf(manifestBody)
  if (config === undefined) return undefined
  const labels = readConfigLabels(
    await reads.blob(at, config, CONFIG_MAX_BYTES)
  )
  return sourceFromAnnotations(labels, 'config')
}

/** Both sides → the source part: found with a link when either side names its source. */
export async function sourcePart(
  reads: Reads,
  at: ImageLocation,
  sides: { readonly old?: SourceSide; readonly new: SourceSide },
  provenanceMaxBytes: number
): Promise<Part<SourceEvidence>> {
  const settle = async (
    side: SourceSide | undefined
  ): Promise<{ ref?: SourceRef; error?: string }> => {
    if (side === undefined) return {}
    try {
      const ref = await sideSource(reads, at, side, provenanceMaxBytes)
      return ref === undefined ? {} : { ref }
    } catch (error) {
      return { error: messageOf(error) }
    }
  }
  const [old, next] = await Promise.all([settle(sides.old), settle(sides.new)])
  if (old.ref === undefined && next.ref === undefined) {
    const error = next.error ?? old.error
    return error === undefined
      ? {
          kind: 'absent',
          why: `no source published for ${at.repository} (no org.opencontainers.image.source annotation or label, no provenance with a git source)`
        }
      : { kind: 'unavailable', why: `source of ${at.repository}: ${error}` }
  }
  const link = sourceLink(old.ref, next.ref)
  return {
    kind: 'found',
    value: {
      ...(old.ref === undefined ? {} : { old: old.ref }),
      ...(next.ref === undefined ? {} : { new: next.ref }),
      ...(link === undefined ? {} : { link })
    }
  }
}
