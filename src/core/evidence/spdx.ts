/**
 * OS packages of an SPDX SBOM (EVIDENCE.md §2, §9.3; spdx/spdx-spec v2.2,
 * v2.3 schemas/spdx-schema.json, chapters/package-information.md,
 * external-repository-identifiers.md).
 *
 * - Only OS packages: purl type `apk`, `deb`, `rpm` (old syft `pkg:alpine/…`
 *   is read as `apk`, namespace `alpine`). Language packages, files and
 *   `pkg:generic` kernel modules are not what a base-image bump is about.
 * - The purl is the `externalRefs[]` entry with `referenceType: purl`; its
 *   category is `PACKAGE_MANAGER` in 2.2 and `PACKAGE-MANAGER` in 2.3, so
 *   only the type is matched.
 * - The binary name is the package's SPDX `name` (OSV-SCALIBR names the
 *   binary there and puts the *source* name in the purl).
 * - A version of `UNKNOWN`/`NOASSERTION` or none: the package is skipped.
 * - The source package, which distro advisories are keyed by: syft's
 *   `upstream=<name>[@<version>]` qualifier (rpm: `<srpm>.src.rpm`),
 *   OSV-SCALIBR's `source=`, or an SPDX `GENERATED_FROM` relationship
 *   (Docker Scout); else the purl name when it differs from the SPDX name;
 *   else the package's own name. Scout's synthesized origin entries are
 *   left out (spdx-origins.ts).
 */
import { arrayField, isObject, stringField } from './attestations-json.js'
import type { JsonObject } from './attestations-json.js'
import { releaseOf } from './ecosystem.js'
import type { Release } from './ecosystem.js'
import { parsePurl } from './purl.js'
import type { Purl } from './purl.js'
import { readOrigins } from './spdx-origins.js'

export type OsPackageType = 'apk' | 'deb' | 'rpm'

export interface SbomPackage {
  readonly type: OsPackageType
  /** Purl namespace: alpine, debian, ubuntu, wolfi, redhat, … */
  readonly namespace?: string
  /** Binary package name as the SBOM names it. */
  readonly name: string
  readonly version: string
  readonly arch?: string
  /** Source (origin/upstream) package name; the package's own name when the SBOM gives none. */
  readonly source?: string
  /** Source package version, when the SBOM gives one that may differ (Debian binNMUs, rpm). */
  readonly sourceVersion?: string
  readonly release?: Release
}

const NO_VERSION = new Set(['', 'UNKNOWN', 'NOASSERTION', 'NONE'])

interface Entry {
  readonly id: string | undefined
  readonly name: string
  readonly version: string
  readonly purl: Purl
  readonly type: OsPackageType
}

/** The OS packages of an SPDX document (an SBOM predicate, parsed JSON). Throws when it is not one. */
export function sbomPackages(predicate: unknown): SbomPackage[] {
  const document = spdxDocument(predicate)
  const origins = readOrigins(document)
  const entries = arrayField(document, 'packages')
    .map(osEntry)
    .filter(entry => entry !== undefined)
  const originIds = new Set(origins.sourceOf.values())
  const byId = new Map<string, Entry>()
  for (const entry of entries)
    if (entry.id !== undefined && originIds.has(entry.id))
      byId.set(entry.id, entry)
  const packages: SbomPackage[] = []
  for (const entry of entries) {
    if (entry.id !== undefined && origins.originOnly.has(entry.id)) continue
    const originId =
      entry.id === undefined ? undefined : origins.sourceOf.get(entry.id)
    const origin = originId === undefined ? undefined : byId.get(originId)
    packages.push(toPackage(entry, origin))
  }
  return packages
}

function spdxDocument(predicate: unknown): JsonObject {
  if (!isObject(predicate))
    throw new Error('SBOM predicate is not a JSON object (expected SPDX JSON)')
  const packages = predicate['packages']
  if (packages !== undefined && !Array.isArray(packages))
    throw new Error('SPDX document packages is not an array')
  const version = stringField(predicate, 'spdxVersion')
  if (version === undefined && packages === undefined)
    throw new Error(
      'SBOM predicate has neither spdxVersion nor packages[]: not an SPDX document'
    )
  if (version !== undefined && !version.startsWith('SPDX-2.'))
    throw new Error(`SBOM is ${version}; only SPDX 2.x JSON is read`)
  return predicate
}

function osEntry(raw: unknown): Entry | undefined {
  if (!isObject(raw)) return undefined
  const purl = packagePurl(raw)
  if (purl === undefined) return undefined
  const type = osType(purl.type)
  if (type === undefined) return undefined
  const name = stringField(raw, 'name') || purl.name
  const version = [stringField(raw, 'versionInfo'), purl.version].find(
    text => text !== undefined && !NO_VERSION.has(text.trim().toUpperCase())
  )
  if (version === undefined) return undefined
  return { id: stringField(raw, 'SPDXID'), name, version, purl, type }
}

function packagePurl(raw: JsonObject): Purl | undefined {
  for (const ref of arrayField(raw, 'externalRefs')) {
    if (!isObject(ref)) continue
    if (stringField(ref, 'referenceType')?.toLowerCase() !== 'purl') continue
    const purl = parsePurl(stringField(ref, 'referenceLocator') ?? '')
    if (purl !== undefined) return purl
  }
  return undefined
}

function osType(type: string): OsPackageType | undefined {
  if (type === 'alpine') return 'apk'
  return type === 'apk' || type === 'deb' || type === 'rpm' ? type : undefined
}

function toPackage(entry: Entry, origin: Entry | undefined): SbomPackage {
  const { purl } = entry
  const namespace =
    purl.namespace ?? (purl.type === 'alpine' ? 'alpine' : undefined)
  const arch = purl.qualifiers['arch']
  const source = sourceOf(entry, origin)
  const release = releaseOf(purl)
  return {
    type: entry.type,
    ...(namespace === undefined ? {} : { namespace }),
    name: entry.name,
    version: entry.version,
    ...(arch === undefined ? {} : { arch }),
    source: source.name,
    ...(source.version === undefined ? {} : { sourceVersion: source.version }),
    ...(release === undefined ? {} : { release })
  }
}

interface SourceName {
  readonly name: string
  readonly version?: string
}

function sourceOf(entry: Entry, origin: Entry | undefined): SourceName {
  const q = entry.purl.qualifiers
  const upstream = q['upstream']
  if (upstream !== undefined && upstream !== '')
    return entry.type === 'rpm' ? rpmSource(upstream) : nameAt(upstream)
  const source = q['source']
  if (source !== undefined && source !== '') {
    const version = q['sourceversion'] ?? q['source_version']
    return version === undefined ? nameAt(source) : { name: source, version }
  }
  if (origin !== undefined)
    return { name: origin.name, version: origin.version }
  return { name: entry.purl.name }
}

/** `openssl@3.0.15-1~deb12u1` → name and version; `openssl` → name. */
function nameAt(text: string): SourceName {
  const at = text.indexOf('@')
  if (at <= 0) return { name: text }
  const version = text.slice(at + 1)
  return version === ''
    ? { name: text.slice(0, at) }
    : { name: text.slice(0, at), version }
}

/** syft rpm: `upstream=openssl-3.0.7-25.el9.src.rpm` → `openssl`, `3.0.7-25.el9`. */
function rpmSource(text: string): SourceName {
  const match = /^(?<name>.+)-(?<version>[^-]+-[^-]+)\.src\.rpm$/.exec(text)
  const name = match?.groups?.['name']
  const version = match?.groups?.['version']
  if (name === undefined || version === undefined) return nameAt(text)
  return { name, version }
}
