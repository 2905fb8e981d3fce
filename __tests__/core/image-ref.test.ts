import { describe, expect, it } from 'vitest'

import type { Digest } from '../../src/core/digest.js'
import {
  canonicalKey,
  familiarName,
  formatPinned,
  parseImageRef
} from '../../src/core/image-ref.js'
import type { ImageRef } from '../../src/core/image-ref.js'

const SHA256 = `sha256:${'a'.repeat(64)}` as Digest
const SHA512 = `sha512:${'b'.repeat(128)}` as Digest
const TAG_128 = `t${'x'.repeat(127)}`

function parsed(text: string): ImageRef {
  const result = parseImageRef(text)
  if (!result.ok) throw new Error(result.error)
  return result.ref
}

// Cases from distribution/reference normalize_test.go and regexp_test.go
// (FACTS.md §1.1–§1.4).
describe('parseImageRef accepts the grammar and normalizes', () => {
  it.each<[string, Omit<ImageRef, 'original'>]>([
    [
      'ubuntu',
      { name: 'ubuntu', registry: 'docker.io', repository: 'library/ubuntu' }
    ],
    [
      'node:20-slim',
      {
        name: 'node',
        registry: 'docker.io',
        repository: 'library/node',
        tag: '20-slim'
      }
    ],
    [
      'library/ubuntu',
      {
        name: 'library/ubuntu',
        registry: 'docker.io',
        repository: 'library/ubuntu'
      }
    ],
    [
      'bitnami/redis:7.2',
      {
        name: 'bitnami/redis',
        registry: 'docker.io',
        repository: 'bitnami/redis',
        tag: '7.2'
      }
    ],
    [
      'docker.io/ubuntu',
      {
        name: 'docker.io/ubuntu',
        registry: 'docker.io',
        repository: 'library/ubuntu'
      }
    ],
    [
      'docker.io/library/ubuntu:22.04',
      {
        name: 'docker.io/library/ubuntu',
        registry: 'docker.io',
        repository: 'library/ubuntu',
        tag: '22.04'
      }
    ],
    [
      'index.docker.io/debian',
      {
        name: 'index.docker.io/debian',
        registry: 'docker.io',
        repository: 'library/debian'
      }
    ],
    [
      'index.docker.io/user/app',
      {
        name: 'index.docker.io/user/app',
        registry: 'docker.io',
        repository: 'user/app'
      }
    ],
    [
      'registry-1.docker.io/ubuntu',
      {
        name: 'registry-1.docker.io/ubuntu',
        registry: 'registry-1.docker.io',
        repository: 'ubuntu'
      }
    ],
    [
      'ghcr.io/owner/app:v1',
      {
        name: 'ghcr.io/owner/app',
        registry: 'ghcr.io',
        repository: 'owner/app',
        tag: 'v1'
      }
    ],
    [
      'gcr.io/distroless/static',
      {
        name: 'gcr.io/distroless/static',
        registry: 'gcr.io',
        repository: 'distroless/static'
      }
    ],
    [
      'localhost/app',
      { name: 'localhost/app', registry: 'localhost', repository: 'app' }
    ],
    [
      'localhost:5000/app:dev',
      {
        name: 'localhost:5000/app',
        registry: 'localhost:5000',
        repository: 'app',
        tag: 'dev'
      }
    ],
    [
      'myreg:5000/team/app',
      {
        name: 'myreg:5000/team/app',
        registry: 'myreg:5000',
        repository: 'team/app'
      }
    ],
    [
      '127.0.0.1:5000/debian',
      {
        name: '127.0.0.1:5000/debian',
        registry: '127.0.0.1:5000',
        repository: 'debian'
      }
    ],
    [
      '[::1]:5000/app:1',
      {
        name: '[::1]:5000/app',
        registry: '[::1]:5000',
        repository: 'app',
        tag: '1'
      }
    ],
    [
      '[2001:DB8::1]/app',
      {
        name: '[2001:DB8::1]/app',
        registry: '[2001:db8::1]',
        repository: 'app'
      }
    ],
    [
      'LOCALDOMAIN/foo',
      { name: 'LOCALDOMAIN/foo', registry: 'localdomain', repository: 'foo' }
    ],
    [
      'Registry.Example.COM/team/app',
      {
        name: 'Registry.Example.COM/team/app',
        registry: 'registry.example.com',
        repository: 'team/app'
      }
    ],
    [
      'localhost:5000',
      {
        name: 'localhost',
        registry: 'docker.io',
        repository: 'library/localhost',
        tag: '5000'
      }
    ],
    [
      'example.com',
      {
        name: 'example.com',
        registry: 'docker.io',
        repository: 'library/example.com'
      }
    ],
    [
      'a__b/c_d.e-f--g:x',
      {
        name: 'a__b/c_d.e-f--g',
        registry: 'docker.io',
        repository: 'a__b/c_d.e-f--g',
        tag: 'x'
      }
    ],
    [
      'node:Latest_1.2-rc',
      {
        name: 'node',
        registry: 'docker.io',
        repository: 'library/node',
        tag: 'Latest_1.2-rc'
      }
    ],
    [
      'node:_x',
      {
        name: 'node',
        registry: 'docker.io',
        repository: 'library/node',
        tag: '_x'
      }
    ],
    [
      `node:${TAG_128}`,
      {
        name: 'node',
        registry: 'docker.io',
        repository: 'library/node',
        tag: TAG_128
      }
    ],
    [
      `node@${SHA256}`,
      {
        name: 'node',
        registry: 'docker.io',
        repository: 'library/node',
        digest: SHA256
      }
    ],
    [
      `node:20@${SHA256}`,
      {
        name: 'node',
        registry: 'docker.io',
        repository: 'library/node',
        tag: '20',
        digest: SHA256
      }
    ],
    [
      `ghcr.io/o/app@${SHA512}`,
      {
        name: 'ghcr.io/o/app',
        registry: 'ghcr.io',
        repository: 'o/app',
        digest: SHA512
      }
    ],
    [
      `localhost:5000/app:1@${SHA256}`,
      {
        name: 'localhost:5000/app',
        registry: 'localhost:5000',
        repository: 'app',
        tag: '1',
        digest: SHA256
      }
    ],
    [
      `example.com/${'a'.repeat(255)}`,
      {
        name: `example.com/${'a'.repeat(255)}`,
        registry: 'example.com',
        repository: 'a'.repeat(255)
      }
    ],
    [
      `x/${'a'.repeat(253)}`,
      {
        name: `x/${'a'.repeat(253)}`,
        registry: 'docker.io',
        repository: `x/${'a'.repeat(253)}`
      }
    ],
    [
      'a'.repeat(63),
      {
        name: 'a'.repeat(63),
        registry: 'docker.io',
        repository: `library/${'a'.repeat(63)}`
      }
    ]
  ])('%s', (text, expected) => {
    const result = parseImageRef(text)

    expect(result).toEqual({ ok: true, ref: { original: text, ...expected } })
  })
})

describe('parseImageRef rejects what the grammar does not allow', () => {
  it.each<[string, string]>([
    ['', 'the reference is empty'],
    [
      'a'.repeat(64),
      'a 64-character hexadecimal string is an image ID, not a name'
    ],
    ['Foo:1', 'repository name must be lowercase'],
    ['UBUNTU', 'repository name must be lowercase'],
    ['ghcr.io/Owner/app', 'repository name must be lowercase'],
    ['docker.io/Ubuntu', 'repository name must be lowercase'],
    ['LOCALDOMAIN/Foo', 'repository name must be lowercase'],
    [
      'node:',
      `tag "" must be 1 to 128 letters, digits, '_', '.' or '-', and must not start with '.' or '-'`
    ],
    [
      'node:.x',
      `tag ".x" must be 1 to 128 letters, digits, '_', '.' or '-', and must not start with '.' or '-'`
    ],
    [
      'node:-x',
      `tag "-x" must be 1 to 128 letters, digits, '_', '.' or '-', and must not start with '.' or '-'`
    ],
    [
      'node:a+b',
      `tag "a+b" must be 1 to 128 letters, digits, '_', '.' or '-', and must not start with '.' or '-'`
    ],
    [
      `node:${TAG_128}x`,
      `tag "${TAG_128}x" must be 1 to 128 letters, digits, '_', '.' or '-', and must not start with '.' or '-'`
    ],
    [
      'node:1:2',
      `repository "library/node:1" must be lowercase letters and digits, with components separated by '/' and joined by '.', '_', '__' or '-'`
    ],
    [
      'foo//bar',
      `repository "foo//bar" must be lowercase letters and digits, with components separated by '/' and joined by '.', '_', '__' or '-'`
    ],
    [
      '/foo',
      `repository "/foo" must be lowercase letters and digits, with components separated by '/' and joined by '.', '_', '__' or '-'`
    ],
    [
      'foo/',
      `repository "foo/" must be lowercase letters and digits, with components separated by '/' and joined by '.', '_', '__' or '-'`
    ],
    [
      'a___b',
      `repository "library/a___b" must be lowercase letters and digits, with components separated by '/' and joined by '.', '_', '__' or '-'`
    ],
    [
      'a..b',
      `repository "library/a..b" must be lowercase letters and digits, with components separated by '/' and joined by '.', '_', '__' or '-'`
    ],
    [
      '-foo',
      `repository "library/-foo" must be lowercase letters and digits, with components separated by '/' and joined by '.', '_', '__' or '-'`
    ],
    [
      'foo-',
      `repository "library/foo-" must be lowercase letters and digits, with components separated by '/' and joined by '.', '_', '__' or '-'`
    ],
    [
      'ghcr.io/',
      `repository "" must be lowercase letters and digits, with components separated by '/' and joined by '.', '_', '__' or '-'`
    ],
    [
      'ghcr.io/a b',
      `repository "a b" must be lowercase letters and digits, with components separated by '/' and joined by '.', '_', '__' or '-'`
    ],
    ['-bad.com/app', 'registry "-bad.com" is not a valid host[:port]'],
    ['exa_mple.com/app', 'registry "exa_mple.com" is not a valid host[:port]'],
    ['myreg:port/app', 'registry "myreg:port" is not a valid host[:port]'],
    ['myreg:/app', 'registry "myreg:" is not a valid host[:port]'],
    ['::1/app', 'registry "::1" is not a valid host[:port]'],
    [
      '[fe80::1%eth0]:5000/app',
      'registry "[fe80::1%eth0]:5000" is not a valid host[:port]'
    ],
    [
      `example.com/${'a'.repeat(256)}`,
      'repository path must not be more than 255 characters (it has 256)'
    ],
    [
      'a'.repeat(248),
      'repository path must not be more than 255 characters (it has 256)'
    ],
    [
      `node@sha256:${'A'.repeat(64)}`,
      `digest "sha256:${'A'.repeat(64)}" must be sha256: with 64 or sha512: with 128 lowercase hexadecimal characters`
    ],
    [
      `node@sha256:${'a'.repeat(63)}`,
      `digest "sha256:${'a'.repeat(63)}" must be sha256: with 64 or sha512: with 128 lowercase hexadecimal characters`
    ],
    [
      `node@sha512:${'a'.repeat(64)}`,
      `digest "sha512:${'a'.repeat(64)}" must be sha256: with 64 or sha512: with 128 lowercase hexadecimal characters`
    ],
    [
      `node@sha384:${'a'.repeat(96)}`,
      `digest "sha384:${'a'.repeat(96)}" must be sha256: with 64 or sha512: with 128 lowercase hexadecimal characters`
    ],
    [
      `node@md5:${'a'.repeat(32)}`,
      `digest "md5:${'a'.repeat(32)}" must be sha256: with 64 or sha512: with 128 lowercase hexadecimal characters`
    ],
    [
      'node@',
      'digest "" must be sha256: with 64 or sha512: with 128 lowercase hexadecimal characters'
    ],
    [
      `node@${SHA256}@${SHA256}`,
      `digest "${SHA256}@${SHA256}" must be sha256: with 64 or sha512: with 128 lowercase hexadecimal characters`
    ]
  ])('%s', (text, reason) => {
    const result = parseImageRef(text)

    expect(result).toEqual({
      ok: false,
      error: `invalid image reference "${text}": ${reason}`
    })
  })
})

describe('canonicalKey', () => {
  it.each<[string, string]>([
    ['node', 'docker.io/library/node:latest'],
    ['node:20', 'docker.io/library/node:20'],
    [`node:20@${SHA256}`, 'docker.io/library/node:20'],
    [`node@${SHA256}`, 'docker.io/library/node:latest'],
    ['index.docker.io/library/node:20', 'docker.io/library/node:20'],
    ['GHCR.io/o/app:v1', 'ghcr.io/o/app:v1']
  ])('%s → %s', (text, key) => {
    expect(canonicalKey(parsed(text))).toBe(key)
  })
})

describe('formatPinned keeps the user spelling', () => {
  it.each<[string, string]>([
    ['node', `node@${SHA512}`],
    ['node:20-slim', `node:20-slim@${SHA512}`],
    [`node:20@${SHA256}`, `node:20@${SHA512}`],
    ['index.docker.io/debian:12', `index.docker.io/debian:12@${SHA512}`],
    ['LOCALDOMAIN:5000/app:1', `LOCALDOMAIN:5000/app:1@${SHA512}`]
  ])('%s → %s', (text, pinned) => {
    expect(formatPinned(parsed(text), SHA512)).toBe(pinned)
  })
})

describe('familiarName', () => {
  it.each<[string, string]>([
    ['docker.io/library/node:20', 'node'],
    ['index.docker.io/user/app', 'user/app'],
    ['library/a/b', 'library/a/b'],
    ['ghcr.io/o/app:v1', 'ghcr.io/o/app'],
    ['localhost:5000/app', 'localhost:5000/app']
  ])('%s → %s', (text, name) => {
    expect(familiarName(parsed(text))).toBe(name)
  })
})
