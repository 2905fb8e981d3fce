import { describe, expect, it } from 'vitest'

import { buildChains, producerOf } from '../../../src/core/chains/graph.js'
import {
  descendantsOf,
  rebuildLevels
} from '../../../src/core/chains/levels.js'
import type {
  Chains,
  Producer,
  ProducerSource
} from '../../../src/core/chains/model.js'
import { scanDockerfile } from '../../../src/core/dockerfile/scan.js'
import { parseImageRef } from '../../../src/core/image-ref.js'
import type { ImageSite } from '../../../src/core/image-site.js'

const D = `sha256:${'d'.repeat(64)}`

function producer(
  dockerfile: string,
  image: string,
  source: ProducerSource = 'build-push-action',
  tags?: string[]
): Producer {
  const parsed = parseImageRef(image)
  if (!parsed.ok) throw new Error(parsed.error)
  const { ref } = parsed
  const known = tags ?? (ref.tag === undefined ? undefined : [ref.tag])
  return {
    dockerfile,
    context: dockerfile.split('/').slice(0, -1).join('/') || '.',
    repository: `${ref.registry}/${ref.repository}`,
    ...(known === undefined ? {} : { tags: known }),
    source,
    declaredIn: { file: '.github/workflows/build.yml', line: 1 }
  }
}

function sitesOf(files: Record<string, string>): ImageSite[] {
  return Object.entries(files).flatMap(([file, text]) =>
    scanDockerfile(file, text)
  )
}

/** parent -> child (line, image, verified|unverified) */
function edges(chains: Chains): string[] {
  return chains.edges.map(
    e =>
      `${e.parent} -> ${e.child} (${e.line}, ${e.image}, ${e.tagVerified ? 'verified' : 'unverified'})`
  )
}

const BASE = 'FROM node:20\nRUN npm i -g pnpm\n'

describe('buildChains', () => {
  it('a three-level chain: FROM after ARG defaults, all stages, COPY --from', () => {
    const chains = buildChains(
      [
        producer('base/Dockerfile', 'ghcr.io/acme/base:1'),
        producer('app/Dockerfile', 'ghcr.io/acme/app:2'),
        producer('tools/Dockerfile', 'ghcr.io/acme/tools:latest')
      ],
      sitesOf({
        'base/Dockerfile': BASE,
        'app/Dockerfile': `ARG BASE=ghcr.io/acme/base:1
FROM \${BASE} AS build
RUN make
FROM gcr.io/distroless/base
COPY --from=build /out /app
COPY --from=ghcr.io/acme/tools /bin/tool /bin/tool
`,
        'tools/Dockerfile': 'FROM alpine:3.20\n',
        'web/Dockerfile': `FROM ghcr.io/acme/app:2@${D}\n`
      }),
      []
    )
    expect(edges(chains)).toEqual([
      'base/Dockerfile -> app/Dockerfile (2, ghcr.io/acme/base:1, verified)',
      'tools/Dockerfile -> app/Dockerfile (6, ghcr.io/acme/tools, verified)',
      `app/Dockerfile -> web/Dockerfile (1, ghcr.io/acme/app:2@${D}, verified)`
    ])
    expect(chains.levels).toEqual([
      ['base/Dockerfile', 'tools/Dockerfile'],
      ['app/Dockerfile'],
      ['web/Dockerfile']
    ])
    expect(chains.cycles).toEqual([])
    expect(descendantsOf(chains, 'base/Dockerfile')).toEqual([
      'app/Dockerfile',
      'web/Dockerfile'
    ])
  })

  it('tags: another tag, run-time tags, a digest-only reference are unverified; the exact tag wins', () => {
    const chains = buildChains(
      [
        producer('base/Dockerfile', 'ghcr.io/acme/base:1'),
        producer('base/Dockerfile.next', 'ghcr.io/acme/base:2'),
        producer(
          'meta/Dockerfile',
          'ghcr.io/acme/meta',
          'build-push-action',
          undefined
        )
      ],
      sitesOf({
        'a/Dockerfile': 'FROM ghcr.io/acme/base:2\n',
        'b/Dockerfile': 'FROM ghcr.io/acme/base:0\n',
        'c/Dockerfile': 'FROM ghcr.io/acme/meta:main\n',
        'd/Dockerfile': `FROM ghcr.io/acme/base@${D}\n`
      }),
      []
    )
    expect(edges(chains)).toEqual([
      'base/Dockerfile.next -> a/Dockerfile (1, ghcr.io/acme/base:2, verified)',
      'base/Dockerfile -> b/Dockerfile (1, ghcr.io/acme/base:0, unverified)',
      'base/Dockerfile.next -> b/Dockerfile (1, ghcr.io/acme/base:0, unverified)',
      'meta/Dockerfile -> c/Dockerfile (1, ghcr.io/acme/meta:main, unverified)',
      `base/Dockerfile -> d/Dockerfile (1, ghcr.io/acme/base@${D}, unverified)`,
      `base/Dockerfile.next -> d/Dockerfile (1, ghcr.io/acme/base@${D}, unverified)`
    ])
  })

  it('the images setting wins over the other declarations of its repository', () => {
    const chains = buildChains(
      [
        producer('old/Dockerfile', 'ghcr.io/acme/base:1', 'compose'),
        producer('base/Dockerfile', 'ghcr.io/acme/base', 'config', undefined),
        producer('other/Dockerfile', 'ghcr.io/acme/other:1', 'bake')
      ],
      sitesOf({
        'app/Dockerfile':
          'FROM ghcr.io/acme/base:1\nCOPY --from=ghcr.io/acme/other:1 / /\n'
      }),
      []
    )
    expect(edges(chains)).toEqual([
      'base/Dockerfile -> app/Dockerfile (1, ghcr.io/acme/base:1, unverified)',
      'other/Dockerfile -> app/Dockerfile (2, ghcr.io/acme/other:1, verified)'
    ])
    expect(chains.producers.map(p => p.dockerfile)).toEqual([
      'base/Dockerfile',
      'other/Dockerfile'
    ])
    const ref = parseImageRef('ghcr.io/acme/base:7')
    if (!ref.ok) throw new Error(ref.error)
    expect(producerOf(chains, ref.ref)?.dockerfile).toBe('base/Dockerfile')
  })

  it('a Dockerfile building on its own image is no edge; multi-stage names are no edges', () => {
    const chains = buildChains(
      [producer('app/Dockerfile', 'ghcr.io/acme/app:1')],
      sitesOf({
        'app/Dockerfile':
          'FROM ghcr.io/acme/app:1 AS previous\nFROM node:20 AS build\nFROM build\nCOPY --from=previous /cache /cache\n'
      }),
      []
    )
    expect(chains.edges).toEqual([])
    expect(chains.levels).toEqual([])
  })

  it('a cycle a -> b -> a is reported once with its files and kept out of the levels', () => {
    const chains = buildChains(
      [
        producer('a/Dockerfile', 'ghcr.io/acme/a:1'),
        producer('b/Dockerfile', 'ghcr.io/acme/b:1'),
        producer('root/Dockerfile', 'ghcr.io/acme/root:1')
      ],
      sitesOf({
        'a/Dockerfile':
          'FROM ghcr.io/acme/b:1\nCOPY --from=ghcr.io/acme/root:1 / /\n',
        'b/Dockerfile': 'FROM ghcr.io/acme/a:1\n',
        'c/Dockerfile': 'FROM ghcr.io/acme/a:1\n'
      }),
      []
    )
    expect(chains.cycles).toEqual([['a/Dockerfile', 'b/Dockerfile']])
    expect(chains.levels).toEqual([['c/Dockerfile', 'root/Dockerfile']])
  })

  it('a diamond: the join is one level below both sides; problems pass through', () => {
    const problem = { file: 'compose.yaml', line: 3, message: 'x' }
    const chains = buildChains(
      [
        producer('base/Dockerfile', 'ghcr.io/acme/base:1'),
        producer('left/Dockerfile', 'ghcr.io/acme/left:1'),
        producer('right/Dockerfile', 'ghcr.io/acme/right:1'),
        producer('mid/Dockerfile', 'ghcr.io/acme/mid:1')
      ],
      sitesOf({
        'left/Dockerfile': 'FROM ghcr.io/acme/base:1\n',
        'mid/Dockerfile': 'FROM ghcr.io/acme/left:1\n',
        'right/Dockerfile': 'FROM ghcr.io/acme/base:1\n',
        'join/Dockerfile':
          'FROM ghcr.io/acme/mid:1\nCOPY --from=ghcr.io/acme/right:1 / /\n'
      }),
      [problem]
    )
    expect(chains.levels).toEqual([
      ['base/Dockerfile'],
      ['left/Dockerfile', 'right/Dockerfile'],
      ['mid/Dockerfile'],
      ['join/Dockerfile']
    ])
    expect(chains.problems).toEqual([problem])
    expect(
      rebuildLevels(chains, ['right/Dockerfile', 'extra/Dockerfile'])
    ).toEqual([['extra/Dockerfile'], ['right/Dockerfile'], ['join/Dockerfile']])
  })

  it('sites of other files and unreadable references are not edges; ignored ones are', () => {
    const producers = [producer('base/Dockerfile', 'ghcr.io/acme/base:1')]
    const parsed = parseImageRef('ghcr.io/acme/base:1')
    if (!parsed.ok) throw new Error(parsed.error)
    const compose: ImageSite = {
      file: 'compose.yaml',
      kind: 'compose',
      line: 3,
      source: 'compose',
      image: 'ghcr.io/acme/base:1',
      ref: parsed.ref
    }
    const chains = buildChains(
      producers,
      [
        compose,
        ...sitesOf({
          'v/Dockerfile': 'FROM ghcr.io/acme/base:${V}\n',
          'i/Dockerfile': '# freshbase: ignore\nFROM ghcr.io/acme/base:1\n'
        })
      ],
      []
    )
    expect(edges(chains)).toEqual([
      'base/Dockerfile -> i/Dockerfile (2, ghcr.io/acme/base:1, verified)'
    ])
  })
})

describe('buildChains: other reference forms', () => {
  it('RUN --mount from= is an edge; a CRLF Dockerfile keeps its lines', () => {
    const chains = buildChains(
      [producer('tools/Dockerfile', 'ghcr.io/acme/tools:latest')],
      sitesOf({
        'app/Dockerfile':
          'FROM alpine:3.20\r\nRUN --mount=type=bind,from=ghcr.io/acme/tools,target=/t \\\r\n    /t/run\r\n'
      }),
      []
    )
    expect(edges(chains)).toEqual([
      'tools/Dockerfile -> app/Dockerfile (2, ghcr.io/acme/tools, verified)'
    ])
    expect(chains.levels).toEqual([['tools/Dockerfile'], ['app/Dockerfile']])
  })
})

describe('rebuildLevels', () => {
  const chains = buildChains(
    [
      producer('base/Dockerfile', 'ghcr.io/acme/base:1'),
      producer('app/Dockerfile', 'ghcr.io/acme/app:1'),
      producer('worker/Dockerfile', 'ghcr.io/acme/worker:1')
    ],
    sitesOf({
      'base/Dockerfile': BASE,
      'app/Dockerfile': 'FROM ghcr.io/acme/base:1\n',
      'worker/Dockerfile': 'FROM ghcr.io/acme/base:1\n',
      'cron/Dockerfile': 'FROM ghcr.io/acme/worker:1\n'
    }),
    []
  )
  const rows: { changed: string[]; want: string[][] }[] = [
    {
      changed: ['base/Dockerfile'],
      want: [
        ['base/Dockerfile'],
        ['app/Dockerfile', 'worker/Dockerfile'],
        ['cron/Dockerfile']
      ]
    },
    {
      changed: ['worker/Dockerfile'],
      want: [['worker/Dockerfile'], ['cron/Dockerfile']]
    },
    {
      changed: ['cron/Dockerfile', 'app/Dockerfile'],
      want: [['app/Dockerfile'], ['cron/Dockerfile']]
    },
    {
      changed: ['lone/Dockerfile', 'app/Dockerfile'],
      want: [['lone/Dockerfile'], ['app/Dockerfile']]
    },
    { changed: [], want: [] }
  ]
  it.each(rows)('$changed', ({ changed, want }) => {
    expect(rebuildLevels(chains, changed)).toEqual(want)
  })
})
