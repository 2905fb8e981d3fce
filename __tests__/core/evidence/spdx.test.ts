import { describe, expect, it } from 'vitest'
import { sbomPackages } from '../../../src/core/evidence/spdx.js'

/** An SPDX package as the generators write it (EVIDENCE.md §9.3). */
const pkg = (
  id: string,
  name: string,
  version: string | undefined,
  purl: string | undefined,
  category = 'PACKAGE-MANAGER'
) => ({
  SPDXID: `SPDXRef-Package-${id}`,
  name,
  ...(version === undefined ? {} : { versionInfo: version }),
  downloadLocation: 'NOASSERTION',
  filesAnalyzed: true,
  ...(purl === undefined
    ? {}
    : {
        externalRefs: [
          {
            referenceCategory: 'SECURITY',
            referenceType: 'cpe23Type',
            referenceLocator: `cpe:2.3:a:${name}:${name}:*:*:*:*:*:*:*:*`
          },
          {
            referenceCategory: category,
            referenceType: 'purl',
            referenceLocator: purl
          }
        ]
      })
})
const rel = (from: string, type: string, to: string) => ({
  spdxElementId: from.startsWith('SPDXRef-') ? from : `SPDXRef-Package-${from}`,
  relationshipType: type,
  relatedSpdxElement: to.startsWith('SPDXRef-') ? to : `SPDXRef-Package-${to}`
})
const contains = (id: string, ...files: string[]) =>
  files.map(file => rel(id, 'CONTAINS', `SPDXRef-File-${file}`))

const scout = (name: string, version: string) =>
  `pkg:apk/alpine/${name}@${version}?os_name=alpine&os_version=3.23`

/** DOI alpine:3.23 amd64 SBOM by docker-scout (§9.3), trimmed to its shapes. */
function doiAlpine(withFiles = true) {
  return {
    spdxVersion: 'SPDX-2.3',
    SPDXID: 'SPDXRef-DOCUMENT',
    creationInfo: {
      created: '2025-12-18T00:12:30Z',
      creators: ['Tool: docker-scout-1.18.1', 'Tool: buildkit-0.16.0-tianon']
    },
    packages: [
      {
        SPDXID: 'SPDXRef-DocumentRoot',
        name: 'sbom',
        primaryPackagePurpose: 'FILE'
      },
      pkg(
        'base',
        'alpine-base',
        '3.23.2-r0',
        scout('alpine-base', '3.23.2-r0')
      ),
      pkg(
        'release',
        'alpine-release',
        '3.23.2-r0',
        scout('alpine-release', '3.23.2-r0')
      ),
      pkg(
        'layout',
        'alpine-baselayout',
        '3.7.1-r8',
        scout('alpine-baselayout', '3.7.1-r8')
      ),
      pkg(
        'data',
        'alpine-baselayout-data',
        '3.7.1-r8',
        scout('alpine-baselayout-data', '3.7.1-r8')
      ),
      pkg('busybox', 'busybox', '1.37.0-r30', scout('busybox', '1.37.0-r30')),
      pkg(
        'binsh',
        'busybox-binsh',
        '1.37.0-r30',
        scout('busybox-binsh', '1.37.0-r30')
      ),
      pkg(
        'ssl_client',
        'ssl_client',
        '1.37.0-r30',
        scout('ssl_client', '1.37.0-r30')
      ),
      pkg('crypto', 'libcrypto3', '3.5.4-r0', scout('libcrypto3', '3.5.4-r0')),
      pkg('ssl', 'libssl3', '3.5.4-r0', scout('libssl3', '3.5.4-r0')),
      pkg('openssl', 'openssl', '3.5.4-r0', scout('openssl', '3.5.4-r0')),
      pkg('zlib', 'zlib', '1.3.1-r2', scout('zlib', '1.3.1-r2'))
    ],
    relationships: [
      rel('SPDXRef-DOCUMENT', 'DESCRIBES', 'SPDXRef-DocumentRoot'),
      ...(withFiles
        ? [
            ...contains('release', 'r1', 'r2'),
            ...contains('base', 'r1', 'r2'),
            ...contains('layout', 'l1', 'l2', 'd1'),
            ...contains('data', 'd1'),
            ...contains('busybox', 'b1', 'b2', 'b3'),
            ...contains('binsh', 'b1'),
            ...contains('ssl_client', 'b3'),
            ...contains('crypto', 'c1', 'c2'),
            ...contains('ssl', 's1'),
            ...contains('openssl', 'c1', 'c2', 's1'),
            ...contains('zlib', 'z1')
          ]
        : []),
      rel('SPDXRef-DocumentRoot', 'CONTAINS', 'crypto'),
      rel('data', 'GENERATED_FROM', 'layout'),
      rel('release', 'GENERATED_FROM', 'base'),
      rel('binsh', 'GENERATED_FROM', 'busybox'),
      rel('ssl_client', 'GENERATED_FROM', 'busybox'),
      rel('crypto', 'GENERATED_FROM', 'openssl'),
      rel('ssl', 'GENERATED_FROM', 'openssl')
    ]
  }
}

describe('sbomPackages: Docker Scout (DOI) style', () => {
  it('takes sources from GENERATED_FROM and leaves out synthesized origin entries', () => {
    const packages = sbomPackages(doiAlpine())
    expect(packages.map(p => `${p.name}<${p.source ?? ''}`)).toEqual([
      'alpine-release<alpine-base',
      'alpine-baselayout<alpine-baselayout',
      'alpine-baselayout-data<alpine-baselayout',
      'busybox<busybox',
      'busybox-binsh<busybox',
      'ssl_client<busybox',
      'libcrypto3<openssl',
      'libssl3<openssl',
      'zlib<zlib'
    ])
    expect(packages.find(p => p.name === 'libssl3')).toEqual({
      type: 'apk',
      namespace: 'alpine',
      name: 'libssl3',
      version: '3.5.4-r0',
      source: 'openssl',
      sourceVersion: '3.5.4-r0',
      release: { distro: 'alpine', version: '3.23' }
    })
  })

  it('keeps origin entries when the SBOM has no file relationships (counted twice, never lost)', () => {
    const names = sbomPackages(doiAlpine(false)).map(p => p.name)
    expect(names).toContain('openssl')
    expect(names).toContain('busybox')
    expect(names).toHaveLength(11)
  })

  it('reads the inverse GENERATES too', () => {
    const document = {
      spdxVersion: 'SPDX-2.3',
      packages: [
        pkg(
          'crypto',
          'libcrypto3',
          '3.5.4-r0',
          scout('libcrypto3', '3.5.4-r0')
        ),
        pkg('openssl', 'openssl', '3.5.4-r0', scout('openssl', '3.5.4-r0'))
      ],
      relationships: [
        rel('openssl', 'GENERATES', 'crypto'),
        ...contains('crypto', 'c1'),
        ...contains('openssl', 'c1')
      ]
    }
    expect(sbomPackages(document)).toEqual([
      expect.objectContaining({ name: 'libcrypto3', source: 'openssl' })
    ])
  })
})

describe('sbomPackages: syft (BuildKit scanner) style', () => {
  const syftDebian = {
    spdxVersion: 'SPDX-2.2',
    creationInfo: {
      creators: ['Tool: syft-v1.29.0', 'Tool: buildkit-v0.23.2']
    },
    packages: [
      pkg(
        'a',
        'libssl3',
        '3.0.15-1~deb12u1',
        'pkg:deb/debian/libssl3@3.0.15-1~deb12u1?arch=amd64&upstream=openssl&distro=debian-12',
        'PACKAGE_MANAGER'
      ),
      pkg(
        'b',
        'libgcc-s1',
        '12.2.0-14',
        'pkg:deb/debian/libgcc-s1@12.2.0-14?arch=amd64&upstream=gcc-12%4012.2.0-14&distro=debian-12',
        'PACKAGE_MANAGER'
      ),
      pkg(
        'c',
        'tzdata',
        '2024b-0+deb12u1',
        'pkg:deb/debian/tzdata@2024b-0%2Bdeb12u1?arch=all&distro=debian-12'
      ),
      pkg('d', 'lodash', '4.17.21', 'pkg:npm/lodash@4.17.21'),
      pkg('e', 'nf_tables', 'UNKNOWN', 'pkg:generic/nf_tables'),
      pkg(
        'f',
        'mystery',
        'NOASSERTION',
        'pkg:deb/debian/mystery?distro=debian-12'
      ),
      pkg('g', 'no-purl', '1.0', undefined),
      pkg(
        'h',
        'busybox',
        '1.35.0-r17',
        'pkg:alpine/busybox@1.35.0-r17?arch=aarch64&upstream=busybox&distro=alpine-3.16.2'
      ),
      pkg(
        'i',
        'openssl-libs',
        '1:3.0.7-25.el9',
        'pkg:rpm/redhat/openssl-libs@3.0.7-25.el9?arch=x86_64&epoch=1&upstream=openssl-3.0.7-25.el9.src.rpm&distro=rhel-9.3'
      )
    ]
  }

  it('reads upstream (name and version), skips non-OS and versionless packages', () => {
    const packages = sbomPackages(syftDebian)
    expect(packages.map(p => p.name)).toEqual([
      'libssl3',
      'libgcc-s1',
      'tzdata',
      'busybox',
      'openssl-libs'
    ])
    expect(packages[0]).toEqual({
      type: 'deb',
      namespace: 'debian',
      name: 'libssl3',
      version: '3.0.15-1~deb12u1',
      arch: 'amd64',
      source: 'openssl',
      release: { distro: 'debian', version: '12' }
    })
    expect(packages[1]).toMatchObject({
      source: 'gcc-12',
      sourceVersion: '12.2.0-14'
    })
    expect(packages[2]).toMatchObject({ source: 'tzdata', arch: 'all' })
    expect(packages[3]).toMatchObject({
      type: 'apk',
      namespace: 'alpine',
      source: 'busybox',
      release: { distro: 'alpine', version: '3.16.2' }
    })
    expect(packages[4]).toMatchObject({
      type: 'rpm',
      version: '1:3.0.7-25.el9',
      source: 'openssl',
      sourceVersion: '3.0.7-25.el9'
    })
  })
})

describe('sbomPackages: OSV-SCALIBR style', () => {
  it('keeps the SPDX name as the binary and the purl source name, codename release', () => {
    const packages = sbomPackages({
      spdxVersion: 'SPDX-2.3',
      packages: [
        pkg(
          'x',
          'libpcre3',
          '2:8.39-12ubuntu0.1',
          'pkg:deb/ubuntu/pcre3@2%3A8.39-12ubuntu0.1?arch=amd64&distro=focal&source=pcre3'
        ),
        pkg(
          'y',
          'libpcre2-8-0',
          undefined,
          'pkg:deb/ubuntu/pcre2@10.34-7ubuntu0.1?arch=amd64&distro=focal'
        )
      ]
    })
    expect(packages).toEqual([
      {
        type: 'deb',
        namespace: 'ubuntu',
        name: 'libpcre3',
        version: '2:8.39-12ubuntu0.1',
        arch: 'amd64',
        source: 'pcre3',
        release: { distro: 'ubuntu', version: '20.04', codename: 'focal' }
      },
      expect.objectContaining({
        name: 'libpcre2-8-0',
        version: '10.34-7ubuntu0.1',
        source: 'pcre2'
      })
    ])
  })
})

describe('sbomPackages: not an SPDX 2 document', () => {
  it('reads an SPDX document without packages as none', () => {
    expect(sbomPackages({ spdxVersion: 'SPDX-2.3' })).toEqual([])
  })

  it.each([
    ['a string', 'spdx', /not a JSON object/],
    [
      'CycloneDX',
      { bomFormat: 'CycloneDX', components: [] },
      /not an SPDX document/
    ],
    ['SPDX 3', { spdxVersion: 'SPDX-3.0', packages: [] }, /only SPDX 2.x/],
    [
      'packages not an array',
      { spdxVersion: 'SPDX-2.3', packages: {} },
      /not an array/
    ]
  ])('throws on %s', (_name, predicate, message) => {
    expect(() => sbomPackages(predicate)).toThrow(message)
  })
})
