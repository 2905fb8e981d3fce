import { describe, expect, it } from 'vitest'

import { readWorkflowProducers } from '../../../src/core/chains/workflow-producers.js'
import type { Producer } from '../../../src/core/chains/model.js'

const FILE = '.github/workflows/build.yml'

/** dockerfile | context | repository | tags | target | line */
function brief(p: Producer): string {
  return [
    p.dockerfile,
    p.context,
    p.repository,
    p.tags === undefined ? '?' : p.tags.join(','),
    p.target ?? '-',
    p.declaredIn.line
  ].join(' | ')
}

describe('readWorkflowProducers: producers', () => {
  const rows: { name: string; text: string; want: string[] }[] = [
    {
      name: 'docker docs: metadata-action then build-push-action with steps.meta.outputs.tags',
      text: `name: ci
on:
  push:
    branches: [main]
env:
  REGISTRY: ghcr.io
  IMAGE_NAME: acme/app
jobs:
  docker:
    runs-on: ubuntu-latest
    steps:
      - name: Docker meta
        id: meta
        uses: docker/metadata-action@v5
        with:
          images: |
            \${{ env.REGISTRY }}/\${{ env.IMAGE_NAME }}
            name=docker.io/acme/app,enable=\${{ github.event_name != 'pull_request' }}
            name=quay.io/acme/app,enable=false
          tags: |
            type=ref,event=branch
            type=semver,pattern={{version}}
      - uses: docker/setup-buildx-action@v3
      - name: Build and push
        uses: docker/build-push-action@v6
        with:
          push: true
          tags: \${{ steps.meta.outputs.tags }}
          labels: \${{ steps.meta.outputs.labels }}
`,
      want: [
        'Dockerfile | . | ghcr.io/acme/app | ? | - | 25',
        'Dockerfile | . | docker.io/acme/app | ? | - | 25'
      ]
    },
    {
      name: 'metadata-action images as one CSV line, upper case lowercased; fromJSON form',
      text: `jobs:
  b:
    steps:
      - id: m
        uses: docker/metadata-action@v5
        with:
          images: ghcr.io/Acme/Base,acme/base
      - uses: docker/build-push-action@v6
        with:
          context: base
          tags: \${{ join(fromJSON(steps.m.outputs.json).tags, ',') }}
`,
      want: [
        'base/Dockerfile | base | ghcr.io/acme/base | ? | - | 8',
        'base/Dockerfile | base | docker.io/acme/base | ? | - | 8'
      ]
    },
    {
      name: 'literal tags as CSV, list and lines; file not relative to context; target',
      text: `jobs:
  a:
    steps:
      - uses: docker/build-push-action@v6
        with:
          context: ./base
          file: ./docker/base.Dockerfile
          target: runtime
          tags: ghcr.io/acme/base:1,ghcr.io/acme/base:1.2
  b:
    steps:
      - uses: docker/build-push-action@v5
        with:
          context: .
          tags: |
            acme/web
            ghcr.io/acme/web:\${{ github.sha }}
`,
      want: [
        'docker/base.Dockerfile | base | ghcr.io/acme/base | 1,1.2 | runtime | 4',
        'Dockerfile | . | docker.io/acme/web | latest | - | 12',
        'Dockerfile | . | ghcr.io/acme/web | ? | - | 12'
      ]
    },
    {
      name: '{{defaultContext}} and {{defaultContext}}:sub',
      text: `jobs:
  a:
    steps:
      - uses: docker/build-push-action@v6
        with:
          context: "{{defaultContext}}:worker"
          tags: ghcr.io/acme/worker:2
      - uses: docker/build-push-action@v6
        with:
          context: "{{defaultContext}}"
          tags: ghcr.io/acme/root:2
`,
      want: [
        'worker/Dockerfile | worker | ghcr.io/acme/worker | 2 | - | 4',
        'Dockerfile | . | ghcr.io/acme/root | 2 | - | 8'
      ]
    },
    {
      name: 'a literal matrix is expanded in file and tags',
      text: `jobs:
  images:
    strategy:
      matrix:
        name: [base, app]
        version: ["1", "2"]
    steps:
      - uses: docker/build-push-action@v6
        with:
          file: ./\${{ matrix.name }}/Dockerfile
          context: \${{ matrix.name }}
          tags: ghcr.io/acme/\${{ matrix.name }}:\${{ matrix.version }}
`,
      want: [
        'base/Dockerfile | base | ghcr.io/acme/base | 1 | - | 8',
        'base/Dockerfile | base | ghcr.io/acme/base | 2 | - | 8',
        'app/Dockerfile | app | ghcr.io/acme/app | 1 | - | 8',
        'app/Dockerfile | app | ghcr.io/acme/app | 2 | - | 8'
      ]
    },
    {
      name: 'a matrix that is only an include list runs exactly those entries',
      text: `jobs:
  images:
    strategy:
      matrix:
        include:
          - dir: base
            image: ghcr.io/acme/base
          - dir: tools
            image: ghcr.io/acme/tools
    steps:
      - uses: docker/build-push-action@v6
        with:
          context: \${{ matrix.dir }}
          tags: \${{ matrix.image }}:1
`,
      want: [
        'base/Dockerfile | base | ghcr.io/acme/base | 1 | - | 11',
        'tools/Dockerfile | tools | ghcr.io/acme/tools | 1 | - | 11'
      ]
    },
    {
      name: 'steps of other actions and a build without tags are not producers',
      text: `jobs:
  a:
    steps:
      - uses: actions/checkout@v4
      - uses: docker/build-push-action@v6
        with:
          push: false
      - uses: docker://alpine:3.20
`,
      want: []
    }
  ]
  it.each(rows)('$name', ({ text, want }) => {
    const read = readWorkflowProducers(FILE, text)
    expect(read.problems).toEqual([])
    expect(read.producers.map(brief)).toEqual(want)
    expect(read.producers.every(p => p.source === 'build-push-action')).toBe(
      true
    )
  })

  it('a matrix from an expression in the tag part only still names the repository', () => {
    const text = `jobs:
  a:
    strategy:
      matrix:
        v: \${{ fromJSON(needs.versions.outputs.list) }}
    steps:
      - uses: docker/build-push-action@v6
        with:
          context: base
          tags: ghcr.io/acme/base:\${{ matrix.v }}
`
    const read = readWorkflowProducers(FILE, text)
    expect(read.problems).toEqual([])
    expect(read.producers.map(brief)).toEqual([
      'base/Dockerfile | base | ghcr.io/acme/base | ? | - | 7'
    ])
  })

  it('settles github.repository when the caller knows the repository', () => {
    const text = `env:
  IMAGE_NAME: \${{ github.repository }}
jobs:
  a:
    steps:
      - uses: docker/build-push-action@v6
        with:
          tags: ghcr.io/\${{ env.IMAGE_NAME }}:edge
`
    expect(
      readWorkflowProducers(FILE, text, {
        repository: 'acme/site'
      }).producers.map(brief)
    ).toEqual(['Dockerfile | . | ghcr.io/acme/site | edge | - | 6'])
    const unknown = readWorkflowProducers(FILE, text)
    expect(unknown.producers).toEqual([])
    expect(unknown.problems.map(p => p.line)).toEqual([6])
  })
})

describe('readWorkflowProducers: problems say where and what to do', () => {
  const rows: { name: string; text: string; want: RegExp }[] = [
    {
      name: 'a whole-value env expression',
      text: `jobs:
  a:
    steps:
      - uses: docker/build-push-action@v6
        with:
          tags: \${{ env.IMAGE }}
`,
      want: /build\.yml:4 is not read: the image name in tag "\$\{\{ env\.IMAGE \}\}" is only known at run time\. List the images it builds in the images setting/
    },
    {
      name: 'a matrix with include',
      text: `jobs:
  a:
    strategy:
      matrix:
        d: [a, b]
        include:
          - d: c
    steps:
      - uses: docker/build-push-action@v6
        with:
          file: \${{ matrix.d }}/Dockerfile
          tags: ghcr.io/acme/x:1
`,
      want: /build\.yml:9 is not read: its inputs use \$\{\{ matrix\.… \}\} but the job's strategy\.matrix has include/
    },
    {
      name: 'a matrix value from an expression',
      text: `jobs:
  a:
    strategy:
      matrix:
        d: \${{ fromJSON(needs.x.outputs.list) }}
    steps:
      - uses: docker/build-push-action@v6
        with:
          tags: ghcr.io/acme/\${{ matrix.d }}:1
`,
      want: /the image name in tag "ghcr\.io\/acme\/\$\{\{ matrix\.d \}\}:1" is only known at run time \(strategy\.matrix\.d is not a literal list of strings\)/
    },
    {
      name: 'tags from a step that is not metadata-action',
      text: `jobs:
  a:
    steps:
      - id: tags
        run: echo "tags=x" >> "$GITHUB_OUTPUT"
      - uses: docker/build-push-action@v6
        with:
          tags: \${{ steps.tags.outputs.tags }}
`,
      want: /steps\.tags is not a docker\/metadata-action step of this job/
    },
    {
      name: 'a remote Git context',
      text: `jobs:
  a:
    steps:
      - uses: docker/build-push-action@v6
        with:
          context: https://github.com/acme/other.git#main
          tags: ghcr.io/acme/x:1
`,
      want: /context "https:\/\/github\.com\/acme\/other\.git#main" is a remote Git context/
    },
    {
      name: 'invalid YAML',
      text: `jobs:\n  a: [\n`,
      want: /build\.yml is not valid YAML \(line \d+/
    }
  ]
  it.each(rows)('$name', ({ text, want }) => {
    const read = readWorkflowProducers(FILE, text)
    expect(read.producers).toEqual([])
    expect(read.problems).toHaveLength(1)
    expect(read.problems[0]?.message).toMatch(want)
    expect(read.problems[0]?.file).toBe(FILE)
  })
})
