/**
 * The packages part of a bump's evidence (issue 9 "Packages", EVIDENCE.md
 * §1.9, §2): for the platform that counts, each side's attestation manifest
 * (either format, found through the index's reference-digest annotations),
 * its first SPDX layer (buildx's `SPDX`; further layers are
 * `AdditionalSPDXs` of build stages), read once under a size cap, then the
 * OS package delta.
 */
import type { Digest } from '../core/digest.js'
import { SPDX_PREDICATE } from '../core/evidence/attestations.js'
import type { IndexView } from '../core/evidence/attestations.js'
import { osvEcosystem } from '../core/evidence/ecosystem.js'
import type { OsvEcosystem } from '../core/evidence/ecosystem.js'
import { diffPackages } from '../core/evidence/package-delta.js'
import { sbomPackages } from '../core/evidence/spdx.js'
import type { SbomPackage } from '../core/evidence/spdx.js'
import type { PackageEvidence, Part } from '../core/evidence/types.js'
import type { ImageLocation } from './ports.js'
import { attestationOf, messageOf, statementOf } from './evidence-reads.js'
import type { Reads } from './evidence-reads.js'

export interface PackageSide {
  readonly view: IndexView
  /** The platform manifest of this side for `platform`. */
  readonly manifest: Digest
}

/** Why there is nothing to compare: said plainly, not as a failure. */
class Absent extends Error {}

async function sidePackages(
  reads: Reads,
  at: ImageLocation,
  side: PackageSide,
  platform: string,
  which: 'old' | 'new',
  maxBytes: number
): Promise<SbomPackage[]> {
  const where = which === 'new' ? '' : ' in the old image'
  const attestation = await attestationOf(reads, at, side.view, side.manifest)
  const layer = attestation?.sboms[0]
  if (layer === undefined) {
    throw new Absent(`no SBOM published for ${platform}${where}`)
  }
  const what = `the ${which} SBOM of ${at.repository} for ${platform}`
  const statement = await statementOf(reads, at, layer, maxBytes, what)
  if (statement.predicateType !== SPDX_PREDICATE) {
    throw new Error(
      `${what} is a ${statement.predicateType} statement, not ${SPDX_PREDICATE}`
    )
  }
  // in-toto: "Subject artifacts are matched purely by digest"; an empty subject is allowed.
  const subjects = statement.subjects
  if (subjects.length > 0 && !subjects.includes(side.manifest)) {
    throw new Error(
      `${what} describes another image (subject ${subjects[0] ?? ''})`
    )
  }
  return sbomPackages(statement.predicate)
}

export async function packagePart(
  reads: Reads,
  at: ImageLocation,
  sides: { readonly old: PackageSide; readonly new: PackageSide },
  platform: string,
  maxBytes: number
): Promise<Part<PackageEvidence>> {
  const [oldRead, newRead] = await Promise.allSettled([
    sidePackages(reads, at, sides.old, platform, 'old', maxBytes),
    sidePackages(reads, at, sides.new, platform, 'new', maxBytes)
  ])
  // The new side's reason first: "no SBOM published for linux/arm/v6" is about the image proposed.
  const failed = [newRead, oldRead].find(r => r.status === 'rejected')
  if (
    failed !== undefined ||
    oldRead.status !== 'fulfilled' ||
    newRead.status !== 'fulfilled'
  ) {
    const error: unknown = failed?.reason
    const why = messageOf(error)
    return error instanceof Absent
      ? { kind: 'absent', why }
      : { kind: 'unavailable', why }
  }
  const old = oldRead.value
  const next = newRead.value
  const ecosystem = imageEcosystem(next)
  return {
    kind: 'found',
    value: {
      platform,
      ...(ecosystem === undefined
        ? {}
        : { ecosystem: ecosystem.ecosystem, distro: ecosystem.distro }),
      changes: diffPackages(old, next),
      oldCount: old.length,
      newCount: next.length
    }
  }
}

/**
 * The OSV ecosystem of an image: the one most of its OS packages name (an
 * image is one distro release; a stray package copied from another build
 * must not decide).
 */
export function imageEcosystem(
  packages: readonly SbomPackage[]
): OsvEcosystem | undefined {
  const counts = new Map<string, { ecosystem: OsvEcosystem; n: number }>()
  for (const p of packages) {
    const ecosystem =
      p.release === undefined ? undefined : osvEcosystem(p.release)
    if (ecosystem === undefined) continue
    const seen = counts.get(ecosystem.ecosystem)
    counts.set(ecosystem.ecosystem, { ecosystem, n: (seen?.n ?? 0) + 1 })
  }
  let best: { ecosystem: OsvEcosystem; n: number } | undefined
  for (const entry of counts.values()) {
    if (best === undefined || entry.n > best.n) best = entry
  }
  return best?.ecosystem
}
