/**
 * Evidence values as pipeline/evidence.ts produces them, built directly for
 * the report tests: a Debian node:20 bump that fixes OpenSSL CVEs, with the
 * shapes the OSV records give (DSA and DEBIAN-CVE sharing a CVE).
 */
import type { Digest } from '../../src/core/digest.js'
import type {
  ImageEvidence,
  PackageChange,
  Vulnerability
} from '../../src/core/evidence/types.js'
import type { Update, UpdateGroup } from '../../src/core/publish/groups.js'

export const d = (ch: string): Digest => `sha256:${ch.repeat(64)}` as Digest
export const NODE = 'docker.io/library/node:20'
export const ALPINE = 'docker.io/library/alpine:3.20'

export const OLD_REV = 'abc1234def5678abc1234def5678abc1234def56'
export const NEW_REV = 'def5678abc1234def5678abc1234def5678abc12'

export const nodeUpdate: Update = {
  file: 'Dockerfile',
  line: 4,
  image: `node:20@${d('1')}`,
  key: NODE,
  from: d('1'),
  to: d('2'),
  editLine: 2
}

export const openssl: Vulnerability = {
  id: 'DSA-5678-1',
  cves: ['CVE-2024-5535', 'CVE-2024-6119'],
  severity: 'high 7.5',
  summary: 'openssl security update',
  url: 'https://osv.dev/vulnerability/DSA-5678-1',
  packages: ['openssl']
}

export const fixed: Vulnerability[] = [
  openssl,
  {
    id: 'DEBIAN-CVE-2024-5535',
    cves: ['CVE-2024-5535'],
    severity: 'medium',
    url: 'https://osv.dev/vulnerability/DEBIAN-CVE-2024-5535',
    packages: ['openssl']
  },
  {
    id: 'DEBIAN-CVE-2024-2511',
    cves: ['CVE-2024-2511'],
    summary: 'Unbounded memory growth with session handling in TLSv1.3',
    url: 'https://osv.dev/vulnerability/DEBIAN-CVE-2024-2511',
    packages: ['openssl']
  },
  {
    id: 'DLA-3942-1',
    cves: [],
    severity: 'low',
    url: 'https://osv.dev/vulnerability/DLA-3942-1',
    packages: ['tzdata']
  }
]

export const changes: PackageChange[] = [
  {
    change: 'updated',
    type: 'deb',
    name: 'libssl3',
    source: 'openssl',
    oldVersion: '3.0.13-1~deb12u1',
    newVersion: '3.0.15-1~deb12u1'
  },
  {
    change: 'updated',
    type: 'deb',
    name: 'openssl',
    oldVersion: '3.0.13-1~deb12u1',
    newVersion: '3.0.15-1~deb12u1'
  },
  {
    change: 'updated',
    type: 'deb',
    name: 'tzdata',
    oldVersion: '2024a-0+deb12u1',
    newVersion: '2024b-0+deb12u1'
  }
]

export const nodeEvidence: ImageEvidence = {
  key: NODE,
  from: d('1'),
  to: d('2'),
  platforms: {
    kind: 'found',
    value: [
      {
        platform: 'linux/amd64',
        change: 'changed',
        counted: true,
        from: d('3'),
        to: d('4')
      },
      {
        platform: 'linux/arm64/v8',
        change: 'changed',
        counted: true,
        from: d('5'),
        to: d('6')
      }
    ]
  },
  source: {
    kind: 'found',
    value: {
      old: {
        url: 'https://github.com/nodejs/docker-node',
        revision: OLD_REV,
        from: 'index'
      },
      new: {
        url: 'https://github.com/nodejs/docker-node',
        revision: NEW_REV,
        from: 'index'
      },
      link: {
        kind: 'compare',
        url: `https://github.com/nodejs/docker-node/compare/${OLD_REV}...${NEW_REV}`
      }
    }
  },
  packages: {
    kind: 'found',
    value: {
      platform: 'linux/amd64',
      ecosystem: 'Debian:12',
      distro: 'Debian 12',
      changes,
      oldCount: 97,
      newCount: 97
    }
  },
  vulnerabilities: {
    kind: 'found',
    value: { ecosystem: 'Debian:12', fixed, introduced: [], notChecked: [] }
  }
}

export function group(
  updates: readonly Update[],
  extra: Partial<UpdateGroup> = {}
): UpdateGroup {
  return {
    id: 'all',
    branch: 'freshbase/all',
    updates,
    files: [...new Set(updates.map(u => u.file))],
    skipped: [],
    failed: [],
    ...extra
  }
}

/** A bump with `packages` package changes and `vulns` fixed vulnerabilities. */
export function hugeEvidence(
  base: ImageEvidence,
  packages: number,
  vulns: number
): ImageEvidence {
  const many: PackageChange[] = Array.from({ length: packages }, (_, i) => ({
    change: 'updated',
    type: 'deb',
    name: `lib-package-with-a-long-name-${i}`,
    source: `source-package-${i}`,
    oldVersion: `1.${i}.0-1~deb12u1`,
    newVersion: `1.${i}.1-1~deb12u1`
  }))
  const fixedMany: Vulnerability[] = Array.from({ length: vulns }, (_, i) => ({
    id: `DEBIAN-CVE-2024-${10000 + i}`,
    cves: [`CVE-2024-${10000 + i}`],
    severity: i % 7 === 0 ? 'critical 9.8' : 'medium 5.5',
    summary: `A long one-line summary of vulnerability number ${i} in a library that everyone uses`,
    url: `https://osv.dev/vulnerability/DEBIAN-CVE-2024-${10000 + i}`,
    packages: [`source-package-${i}`]
  }))
  return {
    ...base,
    packages: {
      kind: 'found',
      value: {
        platform: 'linux/amd64',
        ecosystem: 'Debian:12',
        distro: 'Debian 12',
        changes: many,
        oldCount: packages,
        newCount: packages
      }
    },
    vulnerabilities: {
      kind: 'found',
      value: {
        ecosystem: 'Debian:12',
        fixed: fixedMany,
        introduced: [],
        notChecked: []
      }
    }
  }
}
