/**
 * An open pull request is not touched for a bump no counted platform
 * changes (issue 9 "Platforms"). The PR proposes X→Y; the tag then moves
 * again, to Z, where Z differs from Y only in attestations or in platforms
 * the user does not build: the plan keeps proposing Y, so the PR's content
 * stays what it is and publishing leaves it alone. Pure.
 */
import type { Digest } from './digest.js'
import type { ImageSite } from './dockerfile/scan.js'
import {
  comparePlatforms,
  countedPlatforms,
  proposalVerdict
} from './evidence/platform-delta.js'
import type { Resolved } from './resolution.js'

/**
 * What the open pull requests propose, by target name (targetName): the
 * digests their hidden plan blocks list.
 */
export type ProposedDigests = ReadonlyMap<string, readonly Digest[]>

/** How a proposed plan names one file's pins of one image (ProposedPlan.targets). */
export function targetName(file: string, key: string): string {
  return `${file} ${key}`
}

/** Every digest proposed per image key, whatever the file (one pass over the targets). */
export function proposedByKey(
  proposed: ProposedDigests
): Map<string, Digest[]> {
  const byKey = new Map<string, Set<Digest>>()
  for (const [target, list] of proposed) {
    const key = target.slice(target.lastIndexOf(' ') + 1)
    const digests = byKey.get(key) ?? new Set<Digest>()
    for (const digest of list) digests.add(digest)
    byKey.set(key, digests)
  }
  return new Map([...byKey].map(([key, set]) => [key, [...set]]))
}

export interface KeptProposal {
  /** The digest the open pull request proposes, kept. */
  readonly digest: Digest
  /** What changed since it: `only linux/s390x changed`, `only attestations changed`. */
  readonly why: string
}

/**
 * The proposed digest to keep instead of `target`, when `target` is the
 * tag's index and it differs from a proposed index (whose entries resolving
 * read: Resolved.previousManifests) in no platform that counts. Undefined
 * when nothing is proposed, the PR already proposes `target`, or a counted
 * platform changed (the PR is then updated as usual).
 */
export function keptProposal(
  resolved: Resolved,
  target: Digest,
  current: Digest | undefined,
  proposed: readonly Digest[] | undefined,
  counted: readonly string[]
): KeptProposal | undefined {
  const next = resolved.manifests
  if (proposed === undefined || next === undefined) return undefined
  if (target === current || target !== resolved.digest) return undefined
  if (proposed.includes(target)) return undefined
  for (const digest of proposed) {
    const old = resolved.previousManifests?.[digest]
    if (digest === current || old === undefined) continue
    const verdict = proposalVerdict(comparePlatforms(old, next, counted))
    if (verdict.propose) continue
    const why =
      verdict.reason === 'attestations only'
        ? 'only attestations changed'
        : verdict.reason
    return { digest, why }
  }
  return undefined
}

/**
 * keptProposal for one site, with the warning its row carries: the digest
 * an open pull request proposes for this file and image, kept.
 */
export function keptForSite(
  site: ImageSite,
  key: string,
  resolved: Resolved,
  target: Digest,
  policy: {
    readonly platforms?: readonly string[]
    readonly proposed?: ProposedDigests
  }
): { readonly digest: Digest; readonly warning: string } | undefined {
  const proposed = policy.proposed?.get(targetName(site.file, key))
  const counted = countedPlatforms(policy.platforms ?? [], site.platform)
  const current = site.ref?.digest
  const kept = keptProposal(resolved, target, current, proposed, counted)
  if (kept === undefined) return undefined
  const warning = `${site.file}:${site.line}: "${site.image}": kept ${kept.digest}, which the open pull request proposes: the tag moved on to ${target}, but since ${kept.digest} ${kept.why}, none of them a platform you build, so the pull request is left as it is (the 'platforms' setting says which platforms count).`
  return { digest: kept.digest, warning }
}
