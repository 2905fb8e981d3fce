/**
 * What a bump brings, for the reviewer (issue 9, EVIDENCE.md): per proposed
 * change (one image key, old digest → new digest) the platform delta, the
 * source link, the package delta of the platform that counts and the
 * vulnerabilities it fixes or introduces. Plain data, produced by
 * pipeline/evidence.ts from pure functions in this folder; rendered by
 * core/report. Every part is best effort: a lookup that failed is
 * `unavailable` with the reason, and never blocks a bump.
 */
import type { Digest } from '../digest.js'

/**
 * One part of the evidence: found; absent (the publisher does not publish
 * it, said plainly: "no SBOM published for linux/arm/v6"); or unavailable
 * (a lookup failed: "evidence unavailable: <why>").
 */
export type Part<T> =
  | { readonly kind: 'found'; readonly value: T }
  | { readonly kind: 'absent'; readonly why: string }
  | { readonly kind: 'unavailable'; readonly why: string }

export type PlatformChange = 'changed' | 'unchanged' | 'added' | 'removed'

export interface PlatformDelta {
  /** "linux/amd64", "linux/arm64/v8": as the new (else old) index writes it. */
  readonly platform: string
  readonly change: PlatformChange
  /** The user builds this platform (input `platforms`, else the line's literal --platform, else all). */
  readonly counted: boolean
  readonly from?: Digest
  readonly to?: Digest
}

export interface SourceRef {
  /** Normalized repository URL: https://github.com/org/repo (no .git, #fragment or :dir). */
  readonly url: string
  readonly revision?: string
  /** Sub-directory of the build context (DOI `…#sha:dir`), when given. */
  readonly path?: string
  /** Where it was read. */
  readonly from: 'index' | 'descriptor' | 'manifest' | 'config' | 'provenance'
}

export interface SourceEvidence {
  readonly old?: SourceRef
  readonly new?: SourceRef
  /** …/compare/<old>...<new> when both revisions are known on GitHub or GitLab; a commit link with one side. */
  readonly link?: { readonly kind: 'compare' | 'commit'; readonly url: string }
}

export interface PackageChange {
  readonly change: 'updated' | 'added' | 'removed'
  /** purl type: apk, deb, rpm. */
  readonly type: string
  /** Binary package name as the SBOM names it. */
  readonly name: string
  /** Source (origin/upstream) package name, when known: what OSV is asked with. */
  readonly source?: string
  readonly oldVersion?: string
  readonly newVersion?: string
}

export interface PackageEvidence {
  /** The platform whose SBOMs were compared. */
  readonly platform: string
  /** OSV ecosystem of the new image ("Alpine:v3.20", "Debian:12", "Ubuntu:22.04:LTS"), when known. */
  readonly ecosystem?: string
  /** Human distro name and release ("Alpine 3.20", "Debian 12"). */
  readonly distro?: string
  readonly changes: readonly PackageChange[]
  /** OS packages in the old and the new SBOM. */
  readonly oldCount: number
  readonly newCount: number
}

export interface Vulnerability {
  /** OSV id (ALPINE-CVE-…, DSA-…, DEBIAN-CVE-…, USN-…). */
  readonly id: string
  /** CVE ids from `aliases` and `upstream`, deduplicated. */
  readonly cves: readonly string[]
  /** "critical" | "high" | "medium" | "low" or a score text, when the record gives one. */
  readonly severity?: string
  readonly summary?: string
  /** https://osv.dev/vulnerability/<id> */
  readonly url: string
  /** Source packages it concerns in this delta. */
  readonly packages: readonly string[]
}

export interface VulnerabilityEvidence {
  readonly ecosystem: string
  /** Present in the old versions, absent in the new. */
  readonly fixed: readonly Vulnerability[]
  /** Absent in the old versions, present in the new. */
  readonly introduced: readonly Vulnerability[]
  /** Packages not checked, with why (unknown ecosystem, …): never read as "no CVEs". */
  readonly notChecked: readonly string[]
}

export interface ImageEvidence {
  /** canonicalKey of the image. */
  readonly key: string
  /** Undefined for a first pin (nothing to compare against). */
  readonly from?: Digest
  readonly to: Digest
  readonly platforms: Part<readonly PlatformDelta[]>
  readonly source: Part<SourceEvidence>
  readonly packages: Part<PackageEvidence>
  readonly vulnerabilities: Part<VulnerabilityEvidence>
}

/** Evidence of a run, by evidenceKey(key, from, to). */
export type EvidenceMap = ReadonlyMap<string, ImageEvidence>

export function evidenceKey(
  key: string,
  from: Digest | undefined,
  to: Digest
): string {
  return `${key}\0${from ?? ''}\0${to}`
}

/** An OSV query for one package version (OSV `Query` with `package` and `version`). */
export interface OsvQuery {
  readonly ecosystem: string
  readonly name: string
  readonly version: string
}

/** The fields of an OSV record we read (ossf/osv-schema docs/schema.md). */
export interface OsvRecord {
  readonly id: string
  readonly aliases?: readonly string[]
  readonly upstream?: readonly string[]
  readonly summary?: string
  readonly details?: string
  readonly severity?: readonly {
    readonly type: string
    readonly score: string
  }[]
  readonly database_specific?: Readonly<Record<string, unknown>>
  readonly withdrawn?: string
}
