/**
 * The benchmark's images for the evidence section (issue 9 "Costs"): every
 * tag pushed twice as Docker Official Images publish them — an index of two
 * platforms, each with a BuildKit attestation manifest carrying a syft-style
 * SPDX SBOM of a Debian 12 slim-sized package set (~200 packages) and SLSA
 * v0.2 provenance, the source on the index descriptors — the second push
 * rebuilt with a few packages changed and a new source revision. The OSV
 * records know vulnerabilities of the old versions, so evidence finds
 * fixed ones.
 */
import { createHash } from 'node:crypto'
import type {
  SeedPackage,
  VersionSpec
} from '../__tests__/support/attestations.js'
import {
  seedPackageBump,
  sourceAnnotations
} from '../__tests__/support/attestations.js'
import type { OsvStandInRecord } from '../__tests__/support/osv-stand-in.js'
import type { TestRegistry } from '../__tests__/support/registry.js'
import type { Image } from './repository.js'

/** A Debian 12 slim image lists ~90 binary packages; a small app image ~200. */
export const PACKAGES_PER_SBOM = 200

const PLATFORMS = ['linux/amd64', 'linux/arm64']

/** Packages each bump changes: [name, source, old version, new version]. */
const UPDATED: readonly (readonly [string, string, string, string])[] = [
  ['libc6', 'glibc', '2.36-9+deb12u7', '2.36-9+deb12u9'],
  ['libc-bin', 'glibc', '2.36-9+deb12u7', '2.36-9+deb12u9'],
  ['libssl3', 'openssl', '3.0.14-1~deb12u1', '3.0.15-1~deb12u1'],
  ['openssl', 'openssl', '3.0.14-1~deb12u1', '3.0.15-1~deb12u1'],
  ['zlib1g', 'zlib', '1:1.2.13.dfsg-1', '1:1.2.13.dfsg-1+deb12u1'],
  ['tzdata', 'tzdata', '2024a-0+deb12u1', '2025a-0+deb12u1']
]

/** Packages every version carries unchanged (Debian 12 slim), then padding. */
const STABLE: readonly (readonly [string, string, string?])[] = [
  ['adduser', '3.134'],
  ['apt', '2.6.1'],
  ['base-files', '12.4+deb12u6'],
  ['base-passwd', '3.6.1'],
  ['bash', '5.2.15-2+b7'],
  ['bsdutils', '1:2.38.1-5+deb12u1', 'util-linux'],
  ['coreutils', '9.1-1'],
  ['dash', '0.5.12-2'],
  ['debconf', '1.5.82'],
  ['debian-archive-keyring', '2023.3+deb12u1'],
  ['debianutils', '5.7-0.5~deb12u1'],
  ['diffutils', '1:3.8-4'],
  ['dpkg', '1.21.22'],
  ['e2fsprogs', '1.47.0-2'],
  ['findutils', '4.9.0-4'],
  ['gcc-12-base', '12.2.0-14', 'gcc-12'],
  ['gpgv', '2.2.40-1.1', 'gnupg2'],
  ['grep', '3.8-5'],
  ['gzip', '1.12-1'],
  ['hostname', '3.23+nmu1'],
  ['init-system-helpers', '1.65.2'],
  ['libacl1', '2.3.1-3', 'acl'],
  ['libapt-pkg6.0', '2.6.1', 'apt'],
  ['libgcc-s1', '12.2.0-14', 'gcc-12'],
  ['libstdc++6', '12.2.0-14', 'gcc-12'],
  ['libsystemd0', '252.30-1~deb12u2', 'systemd'],
  ['libudev1', '252.30-1~deb12u2', 'systemd'],
  ['login', '1:4.13+dfsg1-1+b1', 'shadow'],
  ['mount', '2.38.1-5+deb12u1', 'util-linux'],
  ['perl-base', '5.36.0-7+deb12u1', 'perl'],
  ['sed', '4.9-1'],
  ['sysvinit-utils', '3.06-4'],
  ['tar', '1.34+dfsg-1.2+deb12u1'],
  ['util-linux', '2.38.1-5+deb12u1']
]

const ADDED: SeedPackage = { name: 'libzstd1', version: '1.5.4+dfsg2-5' }
const REMOVED: SeedPackage = {
  name: 'libgnutls30',
  version: '3.7.9-2+deb12u3',
  source: 'gnutls28'
}

function stablePackages(): SeedPackage[] {
  const known = STABLE.map(([name, version, source]) =>
    source === undefined ? { name, version } : { name, version, source }
  )
  const padding = Array.from(
    { length: PACKAGES_PER_SBOM - UPDATED.length - known.length - 1 },
    (_, i) => ({
      name: `libbench${i}`,
      version: `1.${i % 10}.${i}-1`,
      source: `bench-src${Math.floor(i / 3)}`
    })
  )
  return [...known, ...padding]
}

export function packageSets(): { old: SeedPackage[]; next: SeedPackage[] } {
  const stable = stablePackages()
  const side = (i: 2 | 3) =>
    UPDATED.map(u => ({ name: u[0], source: u[1], version: u[i] }))
  return {
    old: [...stable, ...side(2), REMOVED],
    next: [...stable, ...side(3), ADDED]
  }
}

/** Debian 12 records: three fixed by every bump, one affecting both sides. */
export function osvRecords(): OsvStandInRecord[] {
  const debian = (
    id: string,
    name: string,
    versions: string[],
    extra: Partial<OsvStandInRecord>
  ): OsvStandInRecord => ({
    id,
    modified: '2026-06-01T00:00:00Z',
    affected: [{ package: { ecosystem: 'Debian:12', name }, versions }],
    ...extra
  })
  return [
    debian('DEBIAN-CVE-2024-2961', 'glibc', ['2.36-9+deb12u7'], {
      aliases: ['CVE-2024-2961'],
      summary: 'glibc: out-of-bounds write in iconv ISO-2022-CN-EXT',
      database_specific: { urgency: 'high' }
    }),
    debian('DEBIAN-CVE-2024-5535', 'openssl', ['3.0.14-1~deb12u1'], {
      aliases: ['CVE-2024-5535'],
      summary: 'openssl: SSL_select_next_proto buffer overread',
      severity: [
        {
          type: 'CVSS_V3',
          score: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:H'
        }
      ]
    }),
    debian('DEBIAN-CVE-2023-45853', 'zlib', ['1:1.2.13.dfsg-1'], {
      aliases: ['CVE-2023-45853'],
      summary: 'zlib: integer overflow in MiniZip zipOpenNewFileInZip4_64',
      database_specific: { urgency: 'low' }
    }),
    debian(
      'DEBIAN-CVE-2010-4756',
      'glibc',
      ['2.36-9+deb12u7', '2.36-9+deb12u9'],
      {
        aliases: ['CVE-2010-4756'],
        summary: 'glibc: glob implementation can cause excessive CPU use',
        database_specific: { urgency: 'unimportant' }
      }
    )
  ]
}

function revision(repository: string, tag: string, side: string): string {
  return createHash('sha1').update(`${repository}:${tag}:${side}`).digest('hex')
}

/**
 * Pushes every tag twice (old, then current) in repositories
 * `bench-evidence/img<i>`; the returned images feed generateRepository.
 */
export async function seedEvidenceImages(
  target: TestRegistry,
  uniqueTags: number,
  repositories: number
): Promise<Image[]> {
  const issuer = target.tokenIssuer
  const authorize = (repository: string): Record<string, string> =>
    issuer === undefined
      ? {}
      : {
          Authorization: `Bearer ${issuer.mint(repository, ['pull', 'push'])}`
        }
  const { old, next } = packageSets()
  const seedOne = async (i: number): Promise<Image> => {
    const repository = `bench-evidence/img${i % repositories}`
    const tag = `v${Math.floor(i / repositories)}.${i % 7}`
    const source = `https://github.com/docker-library/img${i % repositories}`
    const side = (name: string, packages: SeedPackage[]) => {
      const rev = revision(repository, tag, name)
      return {
        sbom: { style: 'syft-debian', release: '12', packages },
        provenance: { slsa: 'v0.2', repo: source, revision: rev, dir: tag },
        annotations: { descriptor: sourceAnnotations(source, rev, tag) }
      } as const
    }
    const spec: VersionSpec = {
      repository,
      tag,
      platforms: PLATFORMS,
      ...side('old', old)
    }
    const bump = await seedPackageBump(
      target,
      spec,
      side('new', next),
      authorize
    )
    return {
      repository,
      tag,
      old: { indexDigest: bump.old.indexDigest },
      current: { indexDigest: bump.new.indexDigest }
    }
  }
  const images: Image[] = []
  for (let i = 0; i < uniqueTags; i += 16) {
    const batch = Array.from(
      { length: Math.min(16, uniqueTags - i) },
      (_, j) => i + j
    )
    images.push(...(await Promise.all(batch.map(seedOne))))
  }
  return images
}
