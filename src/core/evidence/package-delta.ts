/**
 * What changed between the OS packages of two SBOMs (EVIDENCE.md §2.4):
 * updated (old → new version), added, removed.
 *
 * - Identity is the purl without qualifiers: (type, namespace, name), plus
 *   the architecture when both SBOMs give one (Scout writes no `arch`, syft
 *   does: an SBOM generator change must not read as every package replaced).
 * - One key may hold several versions (multi-arch Debian installs, two
 *   SBOM layers): the versions only on the old side and only on the new
 *   side are paired in order as updates; what is left is removed or added.
 * - Versions are not compared for "up or down": OSV decides ranges, and
 *   the table shows old → new as written.
 * - Output is sorted by name (then type, change, versions) and identical
 *   rows (the same change for amd64 and i386) are merged.
 */
import type { PackageChange } from './types.js'
import type { SbomPackage } from './spdx.js'

interface Group {
  readonly sample: SbomPackage
  readonly versions: Set<string>
}

export function diffPackages(
  old: readonly SbomPackage[],
  next: readonly SbomPackage[]
): PackageChange[] {
  const withArch =
    old.some(p => p.arch !== undefined) && next.some(p => p.arch !== undefined)
  const before = group(old, withArch)
  const after = group(next, withArch)
  const rows = new Map<string, PackageChange>()
  for (const key of new Set([...before.keys(), ...after.keys()]))
    for (const row of changesOf(before.get(key), after.get(key)))
      rows.set(JSON.stringify(row), row)
  return [...rows.values()].sort(byNameThenRest)
}

function group(
  packages: readonly SbomPackage[],
  withArch: boolean
): Map<string, Group> {
  const groups = new Map<string, Group>()
  for (const p of packages) {
    const key = JSON.stringify([
      p.type,
      p.namespace ?? '',
      p.name,
      withArch ? (p.arch ?? '') : ''
    ])
    const existing = groups.get(key)
    if (existing === undefined)
      groups.set(key, { sample: p, versions: new Set([p.version]) })
    else existing.versions.add(p.version)
  }
  return groups
}

function changesOf(
  before: Group | undefined,
  after: Group | undefined
): PackageChange[] {
  const sample = after?.sample ?? before?.sample
  if (sample === undefined) return []
  const gone = sortVersions(before, after)
  const came = sortVersions(after, before)
  const rows: PackageChange[] = []
  const paired = Math.min(gone.length, came.length)
  for (let i = 0; i < paired; i++)
    rows.push(row('updated', sample, gone[i], came[i]))
  for (const version of gone.slice(paired))
    rows.push(row('removed', sample, version, undefined))
  for (const version of came.slice(paired))
    rows.push(row('added', sample, undefined, version))
  return rows
}

/** Versions of `side` that `other` lacks, in natural order (1.2 before 1.10). */
function sortVersions(
  side: Group | undefined,
  other: Group | undefined
): string[] {
  if (side === undefined) return []
  return [...side.versions]
    .filter(version => other?.versions.has(version) !== true)
    .sort(naturally)
}

function row(
  change: PackageChange['change'],
  sample: SbomPackage,
  oldVersion: string | undefined,
  newVersion: string | undefined
): PackageChange {
  return {
    change,
    type: sample.type,
    name: sample.name,
    ...(sample.source === undefined ? {} : { source: sample.source }),
    ...(oldVersion === undefined ? {} : { oldVersion }),
    ...(newVersion === undefined ? {} : { newVersion })
  }
}

const ORDER: Readonly<Record<PackageChange['change'], number>> = {
  updated: 0,
  added: 1,
  removed: 2
}

function byNameThenRest(a: PackageChange, b: PackageChange): number {
  return (
    naturally(a.name, b.name) ||
    naturally(a.type, b.type) ||
    ORDER[a.change] - ORDER[b.change] ||
    naturally(a.oldVersion ?? '', b.oldVersion ?? '') ||
    naturally(a.newVersion ?? '', b.newVersion ?? '')
  )
}

function naturally(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true })
}
