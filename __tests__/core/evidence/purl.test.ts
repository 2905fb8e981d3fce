import { describe, expect, it } from 'vitest'
import { parsePurl } from '../../../src/core/evidence/purl.js'

describe('parsePurl (purl-spec "How to parse")', () => {
  it('reads a syft Alpine purl', () => {
    expect(
      parsePurl(
        'pkg:apk/alpine/busybox@1.36.1-r29?arch=x86_64&distro=alpine-3.20.3'
      )
    ).toEqual({
      type: 'apk',
      namespace: 'alpine',
      name: 'busybox',
      version: '1.36.1-r29',
      qualifiers: { arch: 'x86_64', distro: 'alpine-3.20.3' }
    })
  })

  it('percent-decodes versions (%2B, %3A epoch) and qualifier values', () => {
    const scout = parsePurl(
      'pkg:deb/debian/tar@1.35%2Bdfsg-3.1%2Bdhi1?os_distro=trixie&os_name=debian&os_version=13'
    )
    expect(scout?.version).toBe('1.35+dfsg-3.1+dhi1')
    expect(scout?.qualifiers).toEqual({
      os_distro: 'trixie',
      os_name: 'debian',
      os_version: '13'
    })
    const scalibr = parsePurl(
      'pkg:deb/ubuntu/pcre3@2%3A8.39-12ubuntu0.1?arch=amd64&distro=focal&source=pcre3'
    )
    expect(scalibr?.version).toBe('2:8.39-12ubuntu0.1')
    expect(scalibr?.qualifiers['source']).toBe('pcre3')
    expect(
      parsePurl('pkg:docker/alpine@3.23.2?platform=linux%2Famd64')?.qualifiers
    ).toEqual({ platform: 'linux/amd64' })
  })

  it('keeps a literal + (not form encoding) and a syft upstream with @', () => {
    const purl = parsePurl(
      'pkg:deb/debian/libssl3@3.0.15-1~deb12u1?arch=amd64&upstream=openssl%403.0.15-1~deb12u1&distro=debian-12'
    )
    expect(purl?.qualifiers['upstream']).toBe('openssl@3.0.15-1~deb12u1')
    expect(parsePurl('pkg:deb/debian/tar@1.35+dfsg-3')?.version).toBe(
      '1.35+dfsg-3'
    )
  })

  it('lowercases type and qualifier keys, drops empty qualifier values, reads old syft pkg:alpine', () => {
    expect(
      parsePurl(
        'PKG:Alpine/busybox@1.35.0-r17?ARCH=aarch64&upstream=busybox&distro=alpine-3.16.2&empty='
      )
    ).toEqual({
      type: 'alpine',
      name: 'busybox',
      version: '1.35.0-r17',
      qualifiers: {
        arch: 'aarch64',
        upstream: 'busybox',
        distro: 'alpine-3.16.2'
      }
    })
  })

  it('reads nested namespaces, no version, and a subpath', () => {
    expect(parsePurl('pkg:golang/github.com/gorilla/context#api/v1')).toEqual({
      type: 'golang',
      namespace: 'github.com/gorilla',
      name: 'context',
      qualifiers: {},
      subpath: 'api/v1'
    })
    expect(parsePurl('pkg://rpm/redhat/openssl-libs@3.0.7-25.el9')).toEqual({
      type: 'rpm',
      namespace: 'redhat',
      name: 'openssl-libs',
      version: '3.0.7-25.el9',
      qualifiers: {}
    })
  })

  it.each([
    'busybox@1.36',
    'https://example.com/pkg',
    'pkg:apk',
    'pkg:deb/debian/%E0%A4%A@1',
    'pkg:deb/debian/tar@1.35?distro=%ZZ',
    ''
  ])('refuses %j', text => {
    expect(parsePurl(text)).toBeUndefined()
  })
})
