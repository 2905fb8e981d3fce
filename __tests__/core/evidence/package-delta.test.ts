import { describe, expect, it } from 'vitest'
import { diffPackages } from '../../../src/core/evidence/package-delta.js'
import { sbomPackages } from '../../../src/core/evidence/spdx.js'
import type { SbomPackage } from '../../../src/core/evidence/spdx.js'

const apk = (
  name: string,
  version: string,
  source = name,
  arch?: string
): SbomPackage => ({
  type: 'apk',
  namespace: 'alpine',
  name,
  version,
  source,
  ...(arch === undefined ? {} : { arch }),
  release: { distro: 'alpine', version: '3.20' }
})
const deb = (name: string, version: string, arch: string): SbomPackage => ({
  type: 'deb',
  namespace: 'debian',
  name,
  version,
  arch,
  source: name === 'libc6' ? 'glibc' : name
})

describe('diffPackages', () => {
  it('reports updated, added and removed, sorted by name', () => {
    const old = [
      apk('zlib', '1.3.1-r1'),
      apk('libcrypto3', '3.3.2-r0', 'openssl'),
      apk('libssl3', '3.3.2-r0', 'openssl'),
      apk('busybox', '1.36.1-r29'),
      apk('scanelf', '1.3.7-r2', 'pax-utils')
    ]
    const next = [
      apk('busybox', '1.36.1-r29'),
      apk('libssl3', '3.3.2-r1', 'openssl'),
      apk('libcrypto3', '3.3.2-r1', 'openssl'),
      apk('zlib', '1.3.1-r2'),
      apk('ca-certificates-bundle', '20240705-r0', 'ca-certificates')
    ]
    expect(diffPackages(old, next)).toEqual([
      {
        change: 'added',
        type: 'apk',
        name: 'ca-certificates-bundle',
        source: 'ca-certificates',
        newVersion: '20240705-r0'
      },
      {
        change: 'updated',
        type: 'apk',
        name: 'libcrypto3',
        source: 'openssl',
        oldVersion: '3.3.2-r0',
        newVersion: '3.3.2-r1'
      },
      {
        change: 'updated',
        type: 'apk',
        name: 'libssl3',
        source: 'openssl',
        oldVersion: '3.3.2-r0',
        newVersion: '3.3.2-r1'
      },
      {
        change: 'removed',
        type: 'apk',
        name: 'scanelf',
        source: 'pax-utils',
        oldVersion: '1.3.7-r2'
      },
      {
        change: 'updated',
        type: 'apk',
        name: 'zlib',
        source: 'zlib',
        oldVersion: '1.3.1-r1',
        newVersion: '1.3.1-r2'
      }
    ])
  })

  it('is empty for the same packages in another order (an attestation-only rebuild)', () => {
    const packages = [apk('musl', '1.2.5-r0'), apk('busybox', '1.36.1-r29')]
    expect(diffPackages(packages, [...packages].reverse())).toEqual([])
    expect(diffPackages([], [])).toEqual([])
  })

  it('pairs several versions of one key in natural order; the rest is added or removed', () => {
    const old = [
      apk('kernel', '5.9'),
      apk('kernel', '5.10'),
      apk('kernel', '6.1')
    ]
    const next = [apk('kernel', '6.1'), apk('kernel', '6.12')]
    expect(
      diffPackages(old, next).map(c => [c.change, c.oldVersion, c.newVersion])
    ).toEqual([
      ['updated', '5.9', '6.12'],
      ['removed', '5.10', undefined]
    ])
  })

  it('keys by architecture and merges the identical rows of a multi-arch install', () => {
    const old = [
      deb('libc6', '2.36-9+deb12u8', 'amd64'),
      deb('libc6', '2.36-9+deb12u8', 'i386')
    ]
    const next = [
      deb('libc6', '2.36-9+deb12u9', 'amd64'),
      deb('libc6', '2.36-9+deb12u9', 'i386')
    ]
    expect(diffPackages(old, next)).toEqual([
      {
        change: 'updated',
        type: 'deb',
        name: 'libc6',
        source: 'glibc',
        oldVersion: '2.36-9+deb12u8',
        newVersion: '2.36-9+deb12u9'
      }
    ])
    // an architecture dropped is a removal, not an update
    expect(diffPackages(old, [old[0] as SbomPackage])).toEqual([
      expect.objectContaining({ change: 'removed', name: 'libc6' })
    ])
  })

  it('ignores arch when one SBOM gives none (syft old, Scout new), so nothing reads as replaced', () => {
    const old = [apk('busybox', '1.36.1-r29', 'busybox', 'x86_64')]
    const next = [apk('busybox', '1.36.1-r30')]
    expect(diffPackages(old, next)).toEqual([
      expect.objectContaining({
        change: 'updated',
        oldVersion: '1.36.1-r29',
        newVersion: '1.36.1-r30'
      })
    ])
  })

  it('keeps packages of different types or namespaces apart', () => {
    const old: SbomPackage[] = [
      { type: 'deb', namespace: 'debian', name: 'tar', version: '1.34' }
    ]
    const next: SbomPackage[] = [
      { type: 'deb', namespace: 'ubuntu', name: 'tar', version: '1.34' }
    ]
    expect(diffPackages(old, next).map(c => c.change)).toEqual([
      'added',
      'removed'
    ])
  })

  it('diffs two real-shaped SPDX documents end to end', () => {
    const doc = (openssl: string) => ({
      spdxVersion: 'SPDX-2.3',
      packages: ['libcrypto3', 'libssl3'].map(name => ({
        SPDXID: `SPDXRef-${name}`,
        name,
        versionInfo: openssl,
        externalRefs: [
          {
            referenceCategory: 'PACKAGE-MANAGER',
            referenceType: 'purl',
            referenceLocator: `pkg:apk/alpine/${name}@${openssl}?arch=x86_64&upstream=openssl&distro=alpine-3.20.3`
          }
        ]
      }))
    })
    const changes = diffPackages(
      sbomPackages(doc('3.3.2-r0')),
      sbomPackages(doc('3.3.2-r1'))
    )
    expect(
      changes.map(
        c =>
          `${c.name} ${c.source ?? ''} ${c.oldVersion ?? ''}→${c.newVersion ?? ''}`
      )
    ).toEqual([
      'libcrypto3 openssl 3.3.2-r0→3.3.2-r1',
      'libssl3 openssl 3.3.2-r0→3.3.2-r1'
    ])
  })
})
