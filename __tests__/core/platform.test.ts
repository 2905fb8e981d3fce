import { describe, expect, it } from 'vitest'
import {
  findPlatform,
  formatPlatform,
  normalizePlatform,
  parsePlatform,
  platformMatches
} from '../../src/core/platform.js'
import type { Platform } from '../../src/core/resolution.js'

const p = (text: string): Platform => {
  const [os = '', architecture = '', variant] = text.split('/')
  return variant === undefined
    ? { os, architecture }
    : { os, architecture, variant }
}

describe('normalizePlatform (containerd/platforms normalizeArch)', () => {
  it.each([
    ['linux/arm64/v8', 'linux/arm64'],
    ['linux/arm64/8', 'linux/arm64'],
    ['linux/arm64/v8.0', 'linux/arm64'],
    ['linux/aarch64', 'linux/arm64'],
    ['linux/arm64/9', 'linux/arm64/v9'],
    ['linux/arm64/v9.0', 'linux/arm64/v9'],
    ['linux/amd64/v1', 'linux/amd64'],
    ['linux/x86_64', 'linux/amd64'],
    ['linux/x86-64/v3', 'linux/amd64/v3'],
    ['linux/i386', 'linux/386'],
    ['linux/arm', 'linux/arm/v7'],
    ['linux/arm/7', 'linux/arm/v7'],
    ['linux/arm/6', 'linux/arm/v6'],
    ['linux/armhf', 'linux/arm/v7'],
    ['linux/armel', 'linux/arm/v6'],
    ['Linux/AMD64', 'linux/amd64'],
    ['macos/arm64', 'darwin/arm64'],
    ['linux/s390x', 'linux/s390x'],
    ['windows/amd64', 'windows/amd64']
  ])('%s → %s', (input, expected) => {
    expect(formatPlatform(normalizePlatform(p(input)))).toBe(expected)
  })
})

describe('platformMatches', () => {
  it.each([
    // The rule both planning and the registry's pin mapping rely on.
    ['linux/arm64/v8', 'linux/arm64', true],
    ['linux/arm64', 'linux/arm64/v8', true],
    ['linux/arm64/v8', 'linux/arm64/v8', true],
    ['linux/amd64', 'linux/amd64/v1', true],
    ['linux/arm/v7', 'linux/arm', true],
    ['linux/arm/v6', 'linux/arm', false],
    ['linux/arm/v6', 'linux/arm/v7', false],
    ['linux/amd64/v3', 'linux/amd64', false],
    ['linux/amd64', 'linux/arm64', false],
    ['windows/amd64', 'linux/amd64', false],
    ['linux/arm64/v9', 'linux/arm64', false]
  ])('offered %s, wanted %s → %s', (offered, wanted, expected) => {
    expect(platformMatches(p(offered), p(wanted))).toBe(expected)
  })
})

describe('findPlatform', () => {
  it('returns the first matching entry', () => {
    const entries = [
      { platform: p('linux/amd64'), id: 1 },
      { platform: p('linux/arm64/v8'), id: 2 },
      { platform: p('linux/arm64'), id: 3 }
    ]

    expect(findPlatform(entries, p('linux/arm64'))?.id).toBe(2)
    expect(findPlatform(entries, p('linux/s390x'))).toBeUndefined()
  })
})

describe('parsePlatform', () => {
  it.each([
    ['linux/amd64', { os: 'linux', architecture: 'amd64' }],
    ['LINUX/ARM64/V8', { os: 'linux', architecture: 'arm64', variant: 'v8' }],
    ['linux/arm/', { os: 'linux', architecture: 'arm' }],
    ['linux', undefined],
    ['/amd64', undefined],
    ['linux//v7', undefined],
    ['linux/arm/v7/extra', undefined]
  ])('%s', (text, expected) => {
    expect(parsePlatform(text)).toEqual(expected)
  })
})

describe('formatPlatform', () => {
  it('writes os/architecture[/variant] as given', () => {
    expect(formatPlatform(p('linux/arm64/v8'))).toBe('linux/arm64/v8')
    expect(
      formatPlatform({ os: 'linux', architecture: 'amd64', variant: '' })
    ).toBe('linux/amd64')
  })
})
