/**
 * The evidence of one bump as compact JSON for the Action's `updates`
 * output (issue 9): snake_case like the other outputs; a part that was not
 * found is `{status, why}`. Package changes are capped (an output is not the
 * place for 5,000 rows; the job summary lists them) and say how many were
 * left out.
 */
import type {
  ImageEvidence,
  PackageEvidence,
  Part,
  PlatformDelta,
  SourceEvidence,
  Vulnerability,
  VulnerabilityEvidence
} from '../evidence/types.js'

/** Package changes per output entry. */
export const OUTPUT_PACKAGE_CHANGES = 50

type Json =
  | string
  | number
  | boolean
  | null
  | readonly Json[]
  | { readonly [key: string]: Json }

export function evidenceJson(
  e: ImageEvidence | undefined
): { readonly [key: string]: Json } | null {
  if (e === undefined) return null
  return {
    platforms: part(e.platforms, platformsJson),
    source: part(e.source, sourceJson),
    packages: part(e.packages, packagesJson),
    vulnerabilities: part(e.vulnerabilities, vulnerabilitiesJson)
  }
}

function part<T>(
  p: Part<T>,
  found: (value: T) => { readonly [key: string]: Json }
): { readonly [key: string]: Json } {
  return p.kind === 'found'
    ? { status: 'found', ...found(p.value) }
    : { status: p.kind, why: p.why }
}

function platformsJson(deltas: readonly PlatformDelta[]): {
  readonly [key: string]: Json
} {
  return {
    delta: deltas.map(d => ({
      platform: d.platform,
      change: d.change,
      counted: d.counted
    }))
  }
}

function sourceJson(s: SourceEvidence): { readonly [key: string]: Json } {
  const ref = s.new ?? s.old
  return {
    url: ref?.url ?? null,
    old_revision: s.old?.revision ?? null,
    new_revision: s.new?.revision ?? null,
    link: s.link?.url ?? null,
    link_kind: s.link?.kind ?? null
  }
}

function packagesJson(p: PackageEvidence): { readonly [key: string]: Json } {
  const count = (kind: string): number =>
    p.changes.filter(c => c.change === kind).length
  const shown = p.changes.slice(0, OUTPUT_PACKAGE_CHANGES)
  return {
    platform: p.platform,
    ecosystem: p.ecosystem ?? null,
    distro: p.distro ?? null,
    old_count: p.oldCount,
    new_count: p.newCount,
    updated: count('updated'),
    added: count('added'),
    removed: count('removed'),
    changes: shown.map(c => ({
      change: c.change,
      name: c.name,
      source: c.source ?? null,
      from: c.oldVersion ?? null,
      to: c.newVersion ?? null
    })),
    changes_omitted: p.changes.length - shown.length
  }
}

function vulnerabilitiesJson(v: VulnerabilityEvidence): {
  readonly [key: string]: Json
} {
  const list = (vs: readonly Vulnerability[]): Json =>
    vs.map(x => ({
      id: x.id,
      cves: [...x.cves],
      severity: x.severity ?? null
    }))
  return {
    ecosystem: v.ecosystem,
    fixed: list(v.fixed),
    introduced: list(v.introduced),
    not_checked: [...v.notChecked]
  }
}
