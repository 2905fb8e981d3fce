import { describe, expect, it } from 'vitest'
import {
  normalizeSourceUrl,
  sourceFromAnnotations,
  sourceFromProvenance,
  sourceLink
} from '../../../src/core/evidence/source.js'
import type { SourceRef } from '../../../src/core/evidence/types.js'

const SHA_A = '13b62f5fbd4e6a0f3e8f1c2b7d3a9e0c4b5a6d7e'
const SHA_B = 'bdb96fcf0b3f5b0e7d1c9a2e4f6a8b0c2d4e6f80'

describe('normalizeSourceUrl', () => {
  it.each([
    [
      // DOI (EVIDENCE.md §9.4)
      `https://github.com/alpinelinux/docker-alpine.git#${SHA_A}:x86_64`,
      {
        url: 'https://github.com/alpinelinux/docker-alpine',
        revision: SHA_A,
        path: 'x86_64'
      }
    ],
    [
      'git+https://github.com/actions/attest-demo@refs/heads/main',
      { url: 'https://github.com/actions/attest-demo' }
    ],
    ['git@github.com:org/repo.git', { url: 'https://github.com/org/repo' }],
    [
      'ssh://git@gitlab.com/group/sub/project.git',
      { url: 'https://gitlab.com/group/sub/project' }
    ],
    ['https://github.com/org/repo/', { url: 'https://github.com/org/repo' }],
    ['http://github.com/org/repo', { url: 'https://github.com/org/repo' }],
    [
      'https://user:secret@github.com/org/repo.git',
      { url: 'https://github.com/org/repo' }
    ],
    [
      'https://git.example.org:8443/team/app',
      { url: 'https://git.example.org:8443/team/app' }
    ],
    [
      'http://git.example.org/team/app',
      { url: 'http://git.example.org/team/app' }
    ],
    // a branch in the fragment moves: not a revision
    [
      'https://github.com/o/r.git#main:dir',
      { url: 'https://github.com/o/r', path: 'dir' }
    ],
    [
      `  https://github.com/o/r.git#${SHA_B.toUpperCase()}  `,
      { url: 'https://github.com/o/r', revision: SHA_B }
    ]
  ])('%s', (text, expected) => {
    expect(normalizeSourceUrl(text)).toEqual(expected)
  })

  it.each([
    '',
    'not a url',
    '/home/me/src',
    'file:///src/app',
    'pkg:docker/alpine@3.20',
    'ftp://example.org/repo',
    'https://'
  ])('rejects %j', text => {
    expect(normalizeSourceUrl(text)).toBeUndefined()
  })
})

describe('sourceFromAnnotations', () => {
  it('reads the OCI source and revision; the explicit revision wins over the fragment', () => {
    expect(
      sourceFromAnnotations(
        {
          'org.opencontainers.image.source': `https://github.com/docker-library/python.git#${SHA_A}:3.12/slim`,
          'org.opencontainers.image.revision': SHA_B
        },
        'descriptor'
      )
    ).toEqual({
      url: 'https://github.com/docker-library/python',
      revision: SHA_B,
      path: '3.12/slim',
      from: 'descriptor'
    })
  })

  it('takes the revision from the fragment when no revision annotation is given', () => {
    const ref = sourceFromAnnotations(
      {
        'org.opencontainers.image.source': `https://github.com/o/r.git#${SHA_A}`
      },
      'index'
    )
    expect(ref).toEqual({
      url: 'https://github.com/o/r',
      revision: SHA_A,
      from: 'index'
    })
  })

  it('reads label-schema keys only in config labels', () => {
    const labels = {
      'org.label-schema.vcs-url': 'https://gitlab.com/g/p.git',
      'org.label-schema.vcs-ref': 'v1.2.3'
    }
    expect(sourceFromAnnotations(labels, 'config')).toEqual({
      url: 'https://gitlab.com/g/p',
      revision: 'v1.2.3',
      from: 'config'
    })
    expect(sourceFromAnnotations(labels, 'manifest')).toBeUndefined()
  })

  it('is undefined without a usable source', () => {
    expect(
      sourceFromAnnotations(
        { 'org.opencontainers.image.revision': SHA_A },
        'index'
      )
    ).toBeUndefined()
    expect(
      sourceFromAnnotations(
        { 'org.opencontainers.image.source': 'local' },
        'index'
      )
    ).toBeUndefined()
  })

  it('drops a revision that could not go into a link', () => {
    const ref = sourceFromAnnotations(
      {
        'org.opencontainers.image.source': 'https://github.com/o/r',
        'org.opencontainers.image.revision': 'a b<script>'
      },
      'manifest'
    )
    expect(ref).toEqual({ url: 'https://github.com/o/r', from: 'manifest' })
  })
})

describe('sourceFromProvenance', () => {
  it('SLSA v0.2 (DOI): configSource uri, sha1 and the fragment directory', () => {
    const predicate = {
      builder: { id: 'https://github.com/docker-library' },
      invocation: {
        configSource: {
          uri: `https://github.com/alpinelinux/docker-alpine.git#${SHA_A}:x86_64`,
          digest: { sha1: SHA_A },
          entryPoint: 'Dockerfile'
        }
      }
    }
    expect(
      sourceFromProvenance('https://slsa.dev/provenance/v0.2', predicate)
    ).toEqual({
      url: 'https://github.com/alpinelinux/docker-alpine',
      revision: SHA_A,
      path: 'x86_64',
      from: 'provenance'
    })
  })

  it('SLSA v0.2 without configSource: the git entry of materials', () => {
    const predicate = {
      invocation: {},
      materials: [
        {
          uri: 'pkg:docker/docker/scout-sbom-indexer@1',
          digest: { sha256: 'ab' }
        },
        { uri: `https://github.com/o/r.git#${SHA_B}`, digest: { sha1: SHA_B } }
      ]
    }
    expect(
      sourceFromProvenance('https://slsa.dev/provenance/v0.2', predicate)
    ).toEqual({
      url: 'https://github.com/o/r',
      revision: SHA_B,
      from: 'provenance'
    })
  })

  it('SLSA v1 (BuildKit): externalParameters.configSource with a Dockerfile path', () => {
    const predicate = {
      buildDefinition: {
        externalParameters: {
          configSource: {
            uri: `https://github.com/docker/github-builder-test.git#${SHA_B}`,
            digest: { sha1: SHA_B },
            path: 'hello.Dockerfile'
          }
        }
      }
    }
    expect(
      sourceFromProvenance('https://slsa.dev/provenance/v1', predicate)
    ).toEqual({
      url: 'https://github.com/docker/github-builder-test',
      revision: SHA_B,
      path: 'hello.Dockerfile',
      from: 'provenance'
    })
  })

  it('SLSA v1 (GitHub attest-build-provenance): resolvedDependencies with gitCommit', () => {
    const predicate = {
      buildDefinition: {
        externalParameters: {
          workflow: {
            ref: 'refs/heads/main',
            repository: 'https://github.com/actions/attest-demo'
          }
        },
        resolvedDependencies: [
          {
            uri: 'git+https://github.com/actions/attest-demo@refs/heads/main',
            digest: { gitCommit: SHA_A }
          }
        ]
      }
    }
    expect(
      sourceFromProvenance('https://slsa.dev/provenance/v1', predicate)
    ).toEqual({
      url: 'https://github.com/actions/attest-demo',
      revision: SHA_A,
      from: 'provenance'
    })
  })

  it('is undefined for other predicates and shapes without a git source', () => {
    expect(
      sourceFromProvenance('https://spdx.dev/Document', { invocation: {} })
    ).toBeUndefined()
    expect(
      sourceFromProvenance('https://slsa.dev/provenance/v1', null)
    ).toBeUndefined()
    expect(
      sourceFromProvenance('https://slsa.dev/provenance/v1', {
        buildDefinition: {
          resolvedDependencies: [
            { uri: 'pkg:docker/alpine@latest', digest: { sha256: 'x' } }
          ]
        }
      })
    ).toBeUndefined()
  })
})

describe('sourceLink', () => {
  const ref = (url: string, revision?: string): SourceRef => ({
    url,
    ...(revision === undefined ? {} : { revision }),
    from: 'descriptor'
  })

  it('compare link on GitHub when both revisions are known and differ', () => {
    expect(
      sourceLink(
        ref('https://github.com/o/r', SHA_A),
        ref('https://github.com/O/R', SHA_B)
      )
    ).toEqual({
      kind: 'compare',
      url: `https://github.com/O/R/compare/${SHA_A}...${SHA_B}`
    })
  })

  it('compare link on GitLab and self-hosted GitLab, with subgroups', () => {
    expect(
      sourceLink(
        ref('https://gitlab.com/g/sub/p', 'v1'),
        ref('https://gitlab.com/g/sub/p', 'v2')
      )
    ).toEqual({
      kind: 'compare',
      url: 'https://gitlab.com/g/sub/p/-/compare/v1...v2'
    })
    expect(
      sourceLink(undefined, ref('https://gitlab.example.com/g/p', SHA_B))
    ).toEqual({
      kind: 'commit',
      url: `https://gitlab.example.com/g/p/-/commit/${SHA_B}`
    })
  })

  it('commit link with one side, with equal revisions, or across repositories', () => {
    expect(sourceLink(ref('https://github.com/o/r', SHA_A), undefined)).toEqual(
      {
        kind: 'commit',
        url: `https://github.com/o/r/commit/${SHA_A}`
      }
    )
    expect(
      sourceLink(
        ref('https://github.com/o/r', SHA_A),
        ref('https://github.com/o/r', SHA_A)
      )
    ).toEqual({
      kind: 'commit',
      url: `https://github.com/o/r/commit/${SHA_A}`
    })
    expect(
      sourceLink(
        ref('https://github.com/o/old', SHA_A),
        ref('https://github.com/o/new', SHA_B)
      )
    ).toEqual({
      kind: 'commit',
      url: `https://github.com/o/new/commit/${SHA_B}`
    })
    expect(
      sourceLink(
        ref('https://github.com/o/r', SHA_A),
        ref('https://github.com/o/r')
      )
    ).toEqual({
      kind: 'commit',
      url: `https://github.com/o/r/commit/${SHA_A}`
    })
  })

  it('no link on other hosts or without a revision', () => {
    expect(
      sourceLink(
        ref('https://bitbucket.org/o/r', SHA_A),
        ref('https://bitbucket.org/o/r', SHA_B)
      )
    ).toBeUndefined()
    expect(
      sourceLink(ref('https://github.com/o/r'), ref('https://github.com/o/r'))
    ).toBeUndefined()
    expect(
      sourceLink(
        ref('https://github.com/o'),
        ref('https://github.com/o', SHA_B)
      )
    ).toBeUndefined()
    expect(sourceLink(undefined, undefined)).toBeUndefined()
  })
})
