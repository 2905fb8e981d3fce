/**
 * Pure planning: sites + what the registry said → one decision per site and
 * the exact edits per file. Nothing here does I/O.
 */
import type { Digest } from './digest.js'
import type { FileKind } from './file-kind.js'
import type { ImageSite } from './dockerfile/scan.js'
import { pinnedSpanText } from './dockerfile/scan.js'
import type { Edit } from './rewrite.js'
import { canonicalKey } from './image-ref.js'
import type { ProposedDigests } from './kept-proposal.js'
import { keptForSite } from './kept-proposal.js'
import {
  comparePlatforms,
  countedPlatforms,
  proposalVerdict
} from './evidence/platform-delta.js'
import { findPlatform, formatPlatform, parsePlatform } from './platform.js'
import type { Resolution, Resolved } from './resolution.js'

export type Decision = 'pin' | 'update' | 'up to date' | 'skipped' | 'failed'

export interface PlanRow {
  readonly file: string
  readonly line: number
  /** The reference as the build sees it (ARG expanded), as written. */
  readonly image: string
  readonly source: ImageSite['source']
  /** The site's kind and YAML place (ImageSite.kind, yamlPath); absent for Dockerfiles. */
  readonly kind?: FileKind
  readonly yamlPath?: string
  readonly key?: string
  readonly currentDigest?: Digest
  readonly newDigest?: Digest
  readonly decision: Decision
  /** Why it was skipped or failed, as a sentence naming the image. */
  readonly reason?: string
  /** What the user can do next (failures). */
  readonly hint?: string
  readonly warnings: readonly string[]
  /**
   * 1-based line the edit writes on, when not `line`: a global ARG's value,
   * or the next line of a FROM continued there (issue 8 §6).
   */
  readonly editLine?: number
  /** The line's literal --platform as written (ImageSite.platform). */
  readonly platform?: string
  /**
   * A bump left out because no platform that counts changed (issue 9:
   * `skipped: only linux/s390x changed`, `skipped: attestations only`):
   * publishing leaves an open pull request for this image as it is.
   */
  readonly notProposed?: true
}

/** An edit with the image it pins, so publishing can group edits per image. */
export interface PlannedEdit extends Edit {
  readonly key: string
}

export interface FileEdits {
  readonly file: string
  /** The file's kind, for the re-scan check; absent = a Dockerfile. */
  readonly kind?: FileKind
  readonly edits: readonly PlannedEdit[]
}

export interface Plan {
  readonly rows: readonly PlanRow[]
  readonly files: readonly FileEdits[]
  readonly resolutions: readonly Resolution[]
}

export interface PlanPolicy {
  readonly pinUnpinned: boolean
  /** The platforms the user builds (setting `platforms`); [] or absent = the line's --platform, else all. */
  readonly platforms?: readonly string[]
  /**
   * What open pull requests propose, by target name (`${file} ${key}`): a
   * proposed digest the tag moved away from only in platforms that do not
   * count is kept (kept-proposal.ts). Absent for the CLI.
   */
  readonly proposed?: ProposedDigests
}

export function planUpdates(
  sites: readonly ImageSite[],
  resolutions: readonly Resolution[],
  policy: PlanPolicy
): Plan {
  const byKey = new Map(resolutions.map(r => [r.key, r]))
  const decided = sites.map(site => decideSite(site, byKey, policy))
  const rows = rejectConflictingEdits(decided)
  return { rows: rows.map(d => d.row), files: collectEdits(rows), resolutions }
}

interface Decided {
  readonly row: PlanRow
  readonly site: ImageSite
  readonly edit?: PlannedEdit
}

function decideSite(
  site: ImageSite,
  byKey: ReadonlyMap<string, Resolution>,
  policy: PlanPolicy
): Decided {
  const base = {
    file: site.file,
    line: site.line,
    image: site.image,
    source: site.source,
    ...(site.kind === undefined ? {} : { kind: site.kind }),
    ...(site.yamlPath === undefined ? {} : { yamlPath: site.yamlPath }),
    ...(site.platform === undefined ? {} : { platform: site.platform })
  }
  const ref = site.ref
  if (site.skip !== undefined || ref === undefined) {
    const reason = site.skip?.message ?? 'not an image reference'
    return { site, row: { ...base, decision: 'skipped', reason, warnings: [] } }
  }
  const key = canonicalKey(ref)
  const row: RowBase = {
    ...base,
    key,
    ...(ref.digest === undefined ? {} : { currentDigest: ref.digest })
  }
  const resolution = byKey.get(key)
  if (resolution === undefined) {
    const reason = 'not resolved'
    return { site, row: { ...row, decision: 'skipped', reason, warnings: [] } }
  }
  if (resolution.kind === 'failed') {
    const { message: reason, hint } = resolution.failure
    return {
      site,
      row: { ...row, decision: 'failed', reason, hint, warnings: [] }
    }
  }
  return decideResolved(site, row, resolution, policy)
}

/** A row before its decision: where, what, and the pin it carries now. */
type RowBase = Omit<PlanRow, 'decision' | 'warnings'> & { readonly key: string }

/** A site whose image resolved: up to date, pin, update, or why not. */
function decideResolved(
  site: ImageSite,
  base: RowBase,
  resolution: Resolved,
  policy: PlanPolicy
): Decided {
  const current = base.currentDigest
  const tagTarget = targetDigest(resolution, current)
  const unchanged = notProposed(site, resolution, current, policy)
  const kept =
    unchanged === undefined
      ? keptForSite(site, base.key, resolution, tagTarget, policy)
      : undefined
  const target = kept?.digest ?? tagTarget
  const warnings = platformWarnings(site, resolution, target !== current)
  if (kept !== undefined) warnings.push(kept.warning)
  const row = { ...base, newDigest: target, warnings }
  if (current === target)
    return { site, row: { ...row, decision: 'up to date' } }
  if (current === undefined && !policy.pinUnpinned) {
    const reason = `"${site.image}" is not pinned and pin-unpinned is off; only existing pins are refreshed.`
    return { site, row: { ...row, decision: 'skipped', reason } }
  }
  if (unchanged !== undefined) {
    const reason = `${unchanged}: "${site.image}" now points to ${target}, but no platform you build changed, so the bump is not proposed (the 'platforms' setting says which platforms count).`
    const skipped = { decision: 'skipped', reason, notProposed: true } as const
    return { site, row: { ...row, ...skipped } }
  }
  const edit = editFor(site, target, base.key)
  if (edit === undefined) {
    const reason = `"${site.image}" has no rewritable text range.`
    return { site, row: { ...row, decision: 'skipped', reason } }
  }
  const decision = current === undefined ? 'pin' : 'update'
  const at = site.spanLine
  const editLine = at === undefined || at === site.line ? {} : { editLine: at }
  return { site, row: { ...row, decision, ...editLine }, edit }
}

/**
 * The digest a site should carry. A pin to one platform's manifest keeps that
 * kind (the same os/arch/variant in the new index); a pin that is already an
 * entry of the current index is up to date; everything else gets the tag's
 * digest (the index when there is one).
 */
function targetDigest(resolved: Resolved, current: Digest | undefined): Digest {
  if (current === undefined) return resolved.digest
  if (resolved.manifests?.some(m => m.digest === current) === true)
    return current
  return resolved.platformPins?.[current] ?? resolved.digest
}

/**
 * Why an update of an index pin is not worth proposing (issue 9
 * "Platforms"): only attestations or only platforms the user does not
 * build changed. Undefined (propose) for first pins, single-platform pins,
 * and when either index's entries are unknown.
 */
function notProposed(
  site: ImageSite,
  resolved: Resolved,
  current: Digest | undefined,
  policy: PlanPolicy
): string | undefined {
  if (current === undefined || resolved.manifests === undefined) return
  const old = resolved.previousManifests?.[current]
  if (old === undefined) return
  const counted = countedPlatforms(policy.platforms ?? [], site.platform)
  const verdict = proposalVerdict(
    comparePlatforms(old, resolved.manifests, counted)
  )
  return verdict.propose ? undefined : verdict.reason
}

function platformWarnings(
  site: ImageSite,
  resolved: Resolved,
  changed: boolean
): string[] {
  const manifests = resolved.manifests
  if (site.platform === undefined || manifests === undefined || !changed)
    return []
  const wanted = parsePlatform(site.platform)
  if (wanted === undefined) return []
  if (findPlatform(manifests, wanted) !== undefined) return []
  const offered = manifests.map(m => formatPlatform(m.platform)).join(', ')
  return [
    `${site.file}:${site.line}: --platform=${site.platform} is not in the new index of "${site.image}" (it has: ${offered || 'no platforms'}); the build will fail for that platform. Check the platform or pick a tag that publishes it.`
  ]
}

function editFor(
  site: ImageSite,
  digest: Digest,
  key: string
): PlannedEdit | undefined {
  if (site.span === undefined || site.spanText === undefined) return undefined
  return {
    span: site.span,
    expected: site.spanText,
    replacement: pinnedSpanText(site, digest),
    key
  }
}

/**
 * Several sites can share one span (an ARG used by several FROMs). They must
 * agree on the replacement; when they don't, none of them is written.
 */
function rejectConflictingEdits(decided: readonly Decided[]): Decided[] {
  const bySpan = new Map<string, Set<string>>()
  const spanKey = (d: Decided): string =>
    `${d.site.file}\0${d.edit?.span.start}:${d.edit?.span.end}`
  for (const d of decided) {
    if (d.edit === undefined) continue
    const set = bySpan.get(spanKey(d)) ?? new Set<string>()
    set.add(d.edit.replacement)
    bySpan.set(spanKey(d), set)
  }
  return decided.map(d => {
    if (d.edit === undefined || (bySpan.get(spanKey(d))?.size ?? 0) <= 1)
      return d
    const reason = `${d.site.file}:${d.site.line}: "${d.site.image}" shares its ARG value with another FROM that needs a different digest; not changed. Give each FROM its own ARG.`
    const { edit: _dropped, ...rest } = d
    return { ...rest, row: { ...d.row, decision: 'failed', reason } }
  })
}

function collectEdits(decided: readonly Decided[]): FileEdits[] {
  const files = new Map<string, PlannedEdit[]>()
  const kinds = new Map<string, FileKind>()
  for (const d of decided) {
    if (d.site.kind !== undefined) kinds.set(d.site.file, d.site.kind)
    if (d.edit === undefined) continue
    const edits: PlannedEdit[] = files.get(d.site.file) ?? []
    const duplicate = edits.some(
      e => e.span.start === d.edit?.span.start && e.span.end === d.edit.span.end
    )
    if (!duplicate) edits.push(d.edit)
    files.set(d.site.file, edits)
  }
  return [...files].map(([file, edits]) => {
    const kind = kinds.get(file)
    return { file, ...(kind === undefined ? {} : { kind }), edits }
  })
}

/** Exit status the CLI and the action share: 1 when any image failed. */
export function hasFailures(plan: Plan): boolean {
  return plan.rows.some(row => row.decision === 'failed')
}
