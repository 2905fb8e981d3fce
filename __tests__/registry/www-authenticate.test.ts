import { describe, expect, it } from 'vitest'

import { parseWwwAuthenticate } from '../../src/registry/www-authenticate.js'
import type { Challenge } from '../../src/registry/www-authenticate.js'

// Header strings as registries send them (FACTS.md §3.1, §3.3).
describe('parseWwwAuthenticate reads real registry challenges', () => {
  it.each<[string, string, Challenge[]]>([
    [
      'Docker Hub',
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/node:pull"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://auth.docker.io/token',
            service: 'registry.docker.io',
            scope: 'repository:library/node:pull'
          }
        }
      ]
    ],
    [
      'Docker Hub, comma inside the quoted scope',
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:samalba/my-app:pull,push"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://auth.docker.io/token',
            service: 'registry.docker.io',
            scope: 'repository:samalba/my-app:pull,push'
          }
        }
      ]
    ],
    [
      'GHCR',
      'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:owner/app:pull"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://ghcr.io/token',
            service: 'ghcr.io',
            scope: 'repository:owner/app:pull'
          }
        }
      ]
    ],
    [
      'ECR private (Basic)',
      'Basic realm="https://123456789012.dkr.ecr.us-east-1.amazonaws.com/",service="ecr.amazonaws.com"',
      [
        {
          scheme: 'basic',
          params: {
            realm: 'https://123456789012.dkr.ecr.us-east-1.amazonaws.com/',
            service: 'ecr.amazonaws.com'
          }
        }
      ]
    ],
    [
      'ECR Public',
      'Bearer realm="https://public.ecr.aws/token/",service="public.ecr.aws",scope="aws"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://public.ecr.aws/token/',
            service: 'public.ecr.aws',
            scope: 'aws'
          }
        }
      ]
    ],
    [
      'Distribution insufficient_scope with space-joined scopes',
      'Bearer realm="https://auth.example.com/token",service="registry.example.com",error="insufficient_scope",scope="repository:a/b:pull repository:c/d:pull,push"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://auth.example.com/token',
            service: 'registry.example.com',
            error: 'insufficient_scope',
            scope: 'repository:a/b:pull repository:c/d:pull,push'
          }
        }
      ]
    ],
    [
      'Distribution invalid_token',
      'Bearer realm="https://auth.example.com/token",service="registry.example.com",error="invalid_token"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://auth.example.com/token',
            service: 'registry.example.com',
            error: 'invalid_token'
          }
        }
      ]
    ],
    [
      'Quay, two challenges in one header',
      'Basic realm="quay.io", Bearer realm="https://quay.io/v2/auth",service="quay.io"',
      [
        { scheme: 'basic', params: { realm: 'quay.io' } },
        {
          scheme: 'bearer',
          params: { realm: 'https://quay.io/v2/auth', service: 'quay.io' }
        }
      ]
    ],
    [
      'gcr.io, unquoted service',
      'Bearer realm="https://gcr.io/v2/token",service=gcr.io,scope="repository:distroless/static:pull"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://gcr.io/v2/token',
            service: 'gcr.io',
            scope: 'repository:distroless/static:pull'
          }
        }
      ]
    ],
    [
      'Artifact Registry, realm only',
      'Bearer realm="https://us-docker.pkg.dev/v2/token"',
      [
        {
          scheme: 'bearer',
          params: { realm: 'https://us-docker.pkg.dev/v2/token' }
        }
      ]
    ],
    [
      'Artifactory',
      'Basic realm="Artifactory Realm"',
      [{ scheme: 'basic', params: { realm: 'Artifactory Realm' } }]
    ],
    [
      'Distribution htpasswd',
      'Basic realm="Registry Realm"',
      [{ scheme: 'basic', params: { realm: 'Registry Realm' } }]
    ]
  ])('%s', (_label, header, expected) => {
    expect(parseWwwAuthenticate(header)).toEqual(expected)
  })
})

describe('parseWwwAuthenticate follows RFC 7235 syntax', () => {
  it.each<[string, string, Challenge[]]>([
    [
      'case-insensitive scheme and names, values kept',
      'BEARER Realm="https://Example.com/Token",SERVICE="Reg"',
      [
        {
          scheme: 'bearer',
          params: { realm: 'https://Example.com/Token', service: 'Reg' }
        }
      ]
    ],
    [
      'whitespace around "=" and ","',
      '  Bearer   realm = "https://a/token" ,  service="a"  ,Basic realm="b"  ',
      [
        {
          scheme: 'bearer',
          params: { realm: 'https://a/token', service: 'a' }
        },
        { scheme: 'basic', params: { realm: 'b' } }
      ]
    ],
    [
      'escapes inside a quoted string',
      'Basic realm="say \\"hi\\", \\\\ back"',
      [{ scheme: 'basic', params: { realm: 'say "hi", \\ back' } }]
    ],
    [
      'unquoted URL value',
      'Bearer realm=https://r.example/token,service=r.example',
      [
        {
          scheme: 'bearer',
          params: { realm: 'https://r.example/token', service: 'r.example' }
        }
      ]
    ],
    [
      'token68',
      'Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnagMDAu==, Basic realm="x"',
      [
        {
          scheme: 'negotiate',
          params: {},
          token68: 'YIIGhgYGKwYBBQUCoIIGejCCBnagMDAu=='
        },
        { scheme: 'basic', params: { realm: 'x' } }
      ]
    ],
    [
      'token68 with a single "=" at the end',
      'Custom abc=',
      [{ scheme: 'custom', params: {}, token68: 'abc=' }]
    ],
    [
      'scheme without parameters',
      'Bearer, Basic realm="x"',
      [
        { scheme: 'bearer', params: {} },
        { scheme: 'basic', params: { realm: 'x' } }
      ]
    ],
    [
      'empty list elements',
      ',, Basic realm="x" ,, ,Bearer realm="y",',
      [
        { scheme: 'basic', params: { realm: 'x' } },
        { scheme: 'bearer', params: { realm: 'y' } }
      ]
    ],
    [
      'repeated parameter keeps the first',
      'Bearer realm="first",realm="second"',
      [{ scheme: 'bearer', params: { realm: 'first' } }]
    ],
    [
      'unterminated quote runs to the end',
      'Bearer realm="https://a/token,service=x',
      [{ scheme: 'bearer', params: { realm: 'https://a/token,service=x' } }]
    ],
    [
      'empty value',
      'Bearer realm="",service=,scope="x"',
      [{ scheme: 'bearer', params: { realm: '', service: '', scope: 'x' } }]
    ],
    [
      'a "__proto__" parameter is plain data',
      'Bearer __proto__="x"',
      [{ scheme: 'bearer', params: { ['__proto__']: 'x' } }]
    ]
  ])('%s', (_label, header, expected) => {
    expect(parseWwwAuthenticate(header)).toEqual(expected)
  })
})

describe('parseWwwAuthenticate never throws on garbage', () => {
  it.each<[string, string, Challenge[]]>([
    ['empty', '', []],
    ['only whitespace and commas', ' , \t ,', []],
    ['only punctuation', '"""===;;;', []],
    ['a lone quoted string', '"realm"', []],
    [
      'garbage, then a challenge',
      '@@@ ;;, Basic realm="x"',
      [{ scheme: 'basic', params: { realm: 'x' } }]
    ],
    [
      'garbage after a value is skipped to the next comma',
      'Bearer realm="a" junk "more", service="s"',
      [{ scheme: 'bearer', params: { realm: 'a', service: 's' } }]
    ],
    ['"=" without a name', 'Bearer ="x"', [{ scheme: 'bearer', params: {} }]]
  ])('%s', (_label, header, expected) => {
    expect(parseWwwAuthenticate(header)).toEqual(expected)
  })
})
