/**
 * The distro release a package comes from, and the OSV ecosystem to ask
 * with (EVIDENCE.md §2.2, §3.2, §9.3; ossf/osv-schema docs/schema.md and
 * ecosystems.json).
 *
 * Releases come from purl qualifiers in three styles:
 * - syft: `distro=alpine-3.20.3`, `distro=debian-12`, `distro=ubuntu-22.04`
 *   (`<ID>-<VERSION_ID>` of os-release);
 * - Docker Scout / DHI: `os_name=debian&os_version=13`, `os_distro=trixie`;
 * - OSV-SCALIBR: `distro=focal` (a codename).
 * OSV needs `Alpine:v3.20` (the `v` is required), `Debian:12`,
 * `Ubuntu:22.04:LTS` (`:LTS` mandatory for an LTS); a release we cannot
 * name returns undefined, which the caller shows as "not checked", never
 * as "no vulnerabilities" (OSV answers an unknown ecosystem with nothing).
 */
import {
  codenameRelease,
  DEBIAN_CODENAMES,
  UBUNTU_CODENAMES
} from './ecosystem-releases.js'
import type { Purl } from './purl.js'

export type KnownDistro =
  'alpine' | 'debian' | 'ubuntu' | 'wolfi' | 'chainguard'

export interface Release {
  /** Lowercase os-release ID: alpine, debian, ubuntu, wolfi, chainguard, or another. */
  readonly distro: KnownDistro | (string & Record<never, never>)
  /** VERSION_ID ("3.20.3", "12", "22.04") or a resolved codename's number; "sid", "edge". */
  readonly version?: string
  readonly codename?: string
}

/** Purl namespaces that name a distro (`pkg:deb/debian/…`, `pkg:apk/alpine/…`). */
const NAMESPACE_DISTROS = new Set([
  'alpine',
  'debian',
  'ubuntu',
  'wolfi',
  'chainguard'
])

/** The release a package purl names, from its qualifiers, else its namespace. */
export function releaseOf(purl: Purl): Release | undefined {
  const fromNamespace = namespaceDistro(purl)
  const q = purl.qualifiers
  const distro = q['distro']
  if (distro !== undefined) return fromDistroQualifier(distro, fromNamespace)
  const osName = q['os_name']?.toLowerCase() ?? fromNamespace
  const codename = q['os_distro']?.toLowerCase()
  if (osName === undefined) return undefined
  const version = q['os_version'] ?? fromCodename(osName, codename)
  return release(osName, version, codename)
}

function namespaceDistro(purl: Purl): string | undefined {
  if (purl.type === 'alpine') return 'alpine'
  const namespace = purl.namespace?.toLowerCase()
  return namespace !== undefined && NAMESPACE_DISTROS.has(namespace)
    ? namespace
    : undefined
}

function fromDistroQualifier(
  text: string,
  namespace: string | undefined
): Release | undefined {
  const value = text.toLowerCase()
  const syft =
    /^(?<id>[a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*)-(?<version>.+)$/.exec(value)
  const id = syft?.groups?.['id']
  const version = syft?.groups?.['version']
  if (id !== undefined && version !== undefined) {
    const fromCode = fromCodename(id, version)
    return fromCode === undefined
      ? release(id, version, undefined)
      : release(id, fromCode, version)
  }
  if (NAMESPACE_DISTROS.has(value)) return release(value, undefined, undefined)
  const byCodename = codenameRelease(value)
  if (byCodename !== undefined)
    return release(byCodename.distro, byCodename.version, value)
  // A bare version (`distro=12`, OSV's own Debian form) or an unknown codename.
  if (namespace === undefined) return undefined
  return /^[0-9]/.test(value)
    ? release(namespace, value, undefined)
    : release(namespace, undefined, value)
}

function fromCodename(
  distro: string,
  codename: string | undefined
): string | undefined {
  if (codename === undefined) return undefined
  if (distro === 'debian') return DEBIAN_CODENAMES[codename]
  if (distro === 'ubuntu') return UBUNTU_CODENAMES[codename]
  return undefined
}

function release(
  distro: string,
  version: string | undefined,
  codename: string | undefined
): Release {
  return {
    distro,
    ...(version === undefined || version === '' ? {} : { version }),
    ...(codename === undefined || codename === '' ? {} : { codename })
  }
}

export interface OsvEcosystem {
  /** "Alpine:v3.20", "Debian:12", "Ubuntu:22.04:LTS", "Wolfi". */
  readonly ecosystem: string
  /** For a reader: "Alpine 3.20", "Debian 12", "Ubuntu 22.04 LTS", "Wolfi". */
  readonly distro: string
}

/** The OSV ecosystem of a release, or undefined when OSV could not be asked reliably. */
export function osvEcosystem(release: Release): OsvEcosystem | undefined {
  switch (release.distro.toLowerCase()) {
    case 'alpine':
      return alpine(release.version)
    case 'debian':
      return debian(release.version ?? release.codename)
    case 'ubuntu':
      return ubuntu(release.version ?? release.codename)
    case 'wolfi':
      return { ecosystem: 'Wolfi', distro: 'Wolfi' }
    case 'chainguard':
      return { ecosystem: 'Chainguard', distro: 'Chainguard' }
    default:
      return undefined
  }
}

/** `v<major>.<minor>`; an `_alpha` pre-release (edge's VERSION_ID) or "edge" → `edge`. */
function alpine(version: string | undefined): OsvEcosystem | undefined {
  if (version === undefined) return undefined
  if (version === 'edge' || /_alpha/.test(version))
    return { ecosystem: 'Alpine:edge', distro: 'Alpine edge' }
  const match = /^v?(?<major>\d+)\.(?<minor>\d+)/.exec(version)
  const major = match?.groups?.['major']
  const minor = match?.groups?.['minor']
  if (major === undefined || minor === undefined) return undefined
  return {
    ecosystem: `Alpine:v${major}.${minor}`,
    distro: `Alpine ${major}.${minor}`
  }
}

/** `Debian:<major>` or `Debian:sid`; a codename is resolved first. */
function debian(version: string | undefined): OsvEcosystem | undefined {
  if (version === undefined) return undefined
  const resolved = DEBIAN_CODENAMES[version.toLowerCase()] ?? version
  if (resolved === 'sid')
    return { ecosystem: 'Debian:sid', distro: 'Debian sid' }
  const major = /^(\d+)(?:\.\d+)*$/.exec(resolved)?.[1]
  return major === undefined
    ? undefined
    : { ecosystem: `Debian:${major}`, distro: `Debian ${major}` }
}

/** `Ubuntu:<yy.mm>` with `:LTS` for the even-year April releases (14.04, …, 26.04). */
function ubuntu(version: string | undefined): OsvEcosystem | undefined {
  if (version === undefined) return undefined
  const resolved = UBUNTU_CODENAMES[version.toLowerCase()] ?? version
  const match = /^(?<year>\d{2})\.(?<month>\d{2})(?:\.\d+)?$/.exec(resolved)
  const year = match?.groups?.['year']
  const month = match?.groups?.['month']
  if (year === undefined || month === undefined) return undefined
  const lts = month === '04' && Number(year) % 2 === 0 && Number(year) >= 6
  const base = `${year}.${month}`
  return lts
    ? { ecosystem: `Ubuntu:${base}:LTS`, distro: `Ubuntu ${base} LTS` }
    : { ecosystem: `Ubuntu:${base}`, distro: `Ubuntu ${base}` }
}
