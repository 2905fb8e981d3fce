import { describe, expect, it } from 'vitest'
import {
  osvEcosystem,
  releaseOf
} from '../../../src/core/evidence/ecosystem.js'
import type { Release } from '../../../src/core/evidence/ecosystem.js'
import { parsePurl } from '../../../src/core/evidence/purl.js'

const release = (purl: string): Release | undefined => {
  const parsed = parsePurl(purl)
  if (parsed === undefined) throw new Error(`test purl ${purl} does not parse`)
  return releaseOf(parsed)
}
const ecosystemOf = (purl: string): string | undefined => {
  const r = release(purl)
  return r === undefined ? undefined : osvEcosystem(r)?.ecosystem
}

describe('releaseOf: three qualifier styles', () => {
  it.each([
    // syft
    [
      'pkg:apk/alpine/busybox@1.36.1-r29?arch=x86_64&distro=alpine-3.20.3',
      { distro: 'alpine', version: '3.20.3' }
    ],
    [
      'pkg:deb/debian/libssl3@3.0.15-1~deb12u1?arch=amd64&distro=debian-12&upstream=openssl',
      { distro: 'debian', version: '12' }
    ],
    [
      'pkg:deb/ubuntu/adduser@3.118ubuntu5?arch=all&distro=ubuntu-22.04',
      { distro: 'ubuntu', version: '22.04' }
    ],
    [
      'pkg:alpine/busybox@1.35.0-r17?arch=aarch64&upstream=busybox&distro=alpine-3.16.2',
      { distro: 'alpine', version: '3.16.2' }
    ],
    [
      'pkg:rpm/opensuse/bash@5.1?distro=opensuse-leap-15.4',
      { distro: 'opensuse-leap', version: '15.4' }
    ],
    // Docker Scout / DHI
    [
      'pkg:apk/alpine/libcrypto3@3.5.4-r0?os_name=alpine&os_version=3.23',
      { distro: 'alpine', version: '3.23' }
    ],
    [
      'pkg:deb/debian/tar@1.35%2Bdfsg-3.1?os_distro=trixie&os_name=debian&os_version=13',
      { distro: 'debian', version: '13', codename: 'trixie' }
    ],
    [
      'pkg:deb/debian/tar@1.35?os_distro=bookworm&os_name=debian',
      { distro: 'debian', version: '12', codename: 'bookworm' }
    ],
    // OSV-SCALIBR
    [
      'pkg:deb/ubuntu/pcre3@2%3A8.39-12ubuntu0.1?arch=amd64&distro=focal&source=pcre3',
      { distro: 'ubuntu', version: '20.04', codename: 'focal' }
    ],
    [
      'pkg:deb/debian/openssl@3.0.15?distro=bookworm',
      { distro: 'debian', version: '12', codename: 'bookworm' }
    ],
    [
      'pkg:deb/debian/openssl@3.0.15?distro=12',
      { distro: 'debian', version: '12' }
    ],
    // namespace only
    ['pkg:apk/wolfi/glibc@2.40-r3', { distro: 'wolfi' }],
    ['pkg:deb/debian/openssl@3.0.15', { distro: 'debian' }]
  ])('%s', (purl, expected) => {
    expect(release(purl)).toEqual(expected)
  })

  it('is undefined when nothing names a distro', () => {
    expect(release('pkg:generic/linux-module@1')).toBeUndefined()
    expect(release('pkg:deb/acme/tool@1?distro=somecodename')).toBeUndefined()
  })
})

describe('osvEcosystem', () => {
  it.each([
    ['pkg:apk/alpine/busybox@1?distro=alpine-3.20.3', 'Alpine:v3.20'],
    ['pkg:apk/alpine/musl@1?os_name=alpine&os_version=3.23', 'Alpine:v3.23'],
    ['pkg:apk/alpine/musl@1?distro=alpine-3.21.0_alpha20240807', 'Alpine:edge'],
    ['pkg:apk/alpine/musl@1?distro=alpine-edge', 'Alpine:edge'],
    ['pkg:deb/debian/libc6@2.36?distro=debian-12', 'Debian:12'],
    ['pkg:deb/debian/libc6@2.36?distro=debian-12.7', 'Debian:12'],
    ['pkg:deb/debian/tar@1?os_name=debian&os_version=13', 'Debian:13'],
    ['pkg:deb/debian/tar@1?distro=bullseye', 'Debian:11'],
    ['pkg:deb/debian/tar@1?distro=stretch', 'Debian:9'],
    ['pkg:deb/debian/tar@1?distro=sid', 'Debian:sid'],
    ['pkg:deb/ubuntu/pcre3@1?distro=focal', 'Ubuntu:20.04:LTS'],
    ['pkg:deb/ubuntu/adduser@1?distro=ubuntu-22.04', 'Ubuntu:22.04:LTS'],
    ['pkg:deb/ubuntu/adduser@1?distro=ubuntu-26.04', 'Ubuntu:26.04:LTS'],
    ['pkg:deb/ubuntu/adduser@1?distro=ubuntu-23.10', 'Ubuntu:23.10'],
    ['pkg:deb/ubuntu/adduser@1?distro=ubuntu-25.04', 'Ubuntu:25.04'],
    ['pkg:deb/ubuntu/adduser@1?distro=noble', 'Ubuntu:24.04:LTS'],
    ['pkg:apk/wolfi/glibc@2.40-r3', 'Wolfi'],
    ['pkg:apk/chainguard/glibc@2.40-r3', 'Chainguard']
  ])('%s → %s', (purl, ecosystem) => {
    expect(ecosystemOf(purl)).toBe(ecosystem)
  })

  it('gives the reader a distro text', () => {
    expect(osvEcosystem({ distro: 'alpine', version: '3.20.3' })).toEqual({
      ecosystem: 'Alpine:v3.20',
      distro: 'Alpine 3.20'
    })
    expect(osvEcosystem({ distro: 'debian', version: '12' })?.distro).toBe(
      'Debian 12'
    )
    expect(osvEcosystem({ distro: 'ubuntu', codename: 'jammy' })?.distro).toBe(
      'Ubuntu 22.04 LTS'
    )
  })

  it.each([
    ['Alpine without a release', { distro: 'alpine' }],
    [
      'Debian without a release (would match every release)',
      { distro: 'debian' }
    ],
    ['an unknown Debian codename', { distro: 'debian', codename: 'hamm2' }],
    ['Ubuntu without a release', { distro: 'ubuntu' }],
    ['an unknown distro', { distro: 'rhel', version: '9.3' }],
    ['garbage version', { distro: 'alpine', version: 'latest' }]
  ])('is undefined for %s (shown as not checked)', (_name, r) => {
    expect(osvEcosystem(r)).toBeUndefined()
  })
})
