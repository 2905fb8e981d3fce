import { describe, expect, it } from 'vitest'

import { readBakeProducers } from '../../../src/core/chains/bake-producers.js'
import { readComposeProducers } from '../../../src/core/chains/compose-producers.js'
import { configProducers } from '../../../src/core/chains/config-producers.js'
import type { Producer } from '../../../src/core/chains/model.js'

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

describe('readComposeProducers', () => {
  const rows: { name: string; file: string; text: string; want: string[] }[] = [
    {
      name: 'build as a string and as a mapping; dockerfile relative to the context; compose file in a folder',
      file: 'deploy/compose.yaml',
      text: `services:
  base:
    build: ../base
    image: ghcr.io/acme/base:1
  app:
    build:
      context: ../app
      dockerfile: docker/Dockerfile.prod
      target: runtime
      tags:
        - ghcr.io/acme/app:stable
    image: ghcr.io/acme/app
  plain:
    build: .
  db:
    image: postgres:16
`,
      want: [
        'base/Dockerfile | base | ghcr.io/acme/base | 1 | - | 4',
        'app/docker/Dockerfile.prod | app | ghcr.io/acme/app | latest | runtime | 12',
        'app/docker/Dockerfile.prod | app | ghcr.io/acme/app | stable | runtime | 11'
      ]
    },
    {
      name: 'variables take their default; a variable tag leaves the tag unknown; extends is followed',
      file: 'compose.yml',
      text: `x-build: &b
  context: svc
services:
  svc:
    build: *b
    image: \${IMAGE:-ghcr.io/acme/svc:2}
  tagged:
    build:
      context: .
    image: ghcr.io/acme/tagged:\${TAG}
  child:
    extends: svc
    image: ghcr.io/acme/child:3
`,
      want: [
        'svc/Dockerfile | svc | ghcr.io/acme/svc | 2 | - | 6',
        'Dockerfile | . | ghcr.io/acme/tagged | ? | - | 10',
        'svc/Dockerfile | svc | ghcr.io/acme/child | 3 | - | 13'
      ]
    }
  ]
  it.each(rows)('$name', ({ file, text, want }) => {
    const read = readComposeProducers(file, text)
    expect(read.problems).toEqual([])
    expect(read.producers.map(brief)).toEqual(want)
    expect(read.producers.every(p => p.source === 'compose')).toBe(true)
  })

  it('a Git context, an inline Dockerfile and a variable name are problems with the line', () => {
    const read = readComposeProducers(
      'compose.yaml',
      `services:
  remote:
    build: https://github.com/acme/base.git#main
    image: ghcr.io/acme/remote:1
  inline:
    build:
      dockerfile_inline: |
        FROM alpine
    image: ghcr.io/acme/inline:1
  named:
    build: .
    image: \${REGISTRY}/app:1
`
    )
    expect(read.producers).toEqual([])
    expect(read.problems.map(p => `${p.line} ${p.message}`)).toEqual([
      '3 Compose service "remote" (compose.yaml:3) is not read as a build of this repository: its build context "https://github.com/acme/base.git#main" is a Git URL, not this checkout. List the image in the images setting (image=Dockerfile) to chain it.',
      '7 Compose service "inline" (compose.yaml:7) is not read as a build of this repository: its Dockerfile is written inline (dockerfile_inline), not in a file. List the image in the images setting (image=Dockerfile) to chain it.',
      '12 Compose service "named" (compose.yaml:12) is not read as a build of this repository: the image name "${REGISTRY}/app:1" uses a variable with no default. List the image in the images setting (image=Dockerfile) to chain it.'
    ])
  })
})

describe('readBakeProducers', () => {
  it('bake --print output: dockerfile relative to the context, tags, target', () => {
    const printed = JSON.stringify(
      {
        group: { default: { targets: ['app', 'base'] } },
        target: {
          base: {
            context: 'base',
            dockerfile: 'Dockerfile',
            tags: ['ghcr.io/acme/base:1', 'ghcr.io/acme/base:latest'],
            output: [{ type: 'registry' }]
          },
          app: {
            context: 'app',
            dockerfile: 'build/app.Dockerfile',
            target: 'prod',
            tags: ['ghcr.io/acme/app:1']
          },
          lint: { context: '.', dockerfile: 'Dockerfile' }
        }
      },
      null,
      2
    )
    const read = readBakeProducers('docker-bake.json', printed)
    expect(read.problems).toEqual([])
    expect(read.producers.map(brief)).toEqual([
      'app/build/app.Dockerfile | app | ghcr.io/acme/app | 1 | prod | 24',
      'base/Dockerfile | base | ghcr.io/acme/base | 1,latest | - | 11'
    ])
  })

  it('docker-bake.json in a folder: inherits, variable defaults, defaults of context and dockerfile', () => {
    const json = `{
  "variable": { "TAG": { "default": "3" }, "SHA": {} },
  "target": {
    "_common": { "context": "." },
    "worker": {
      "inherits": ["_common"],
      "tags": ["ghcr.io/acme/worker:\${TAG}", "ghcr.io/acme/worker:sha-\${SHA}"]
    },
    "remote": { "context": "https://github.com/acme/x.git", "tags": ["ghcr.io/acme/x:1"] }
  }
}`
    const read = readBakeProducers('build/docker-bake.json', json)
    expect(read.producers.map(brief)).toEqual([
      'build/Dockerfile | build | ghcr.io/acme/worker | 3 | - | 5'
    ])
    expect(read.problems.map(p => `${p.line} ${p.message}`)).toEqual([
      '9 Bake target "remote" (build/docker-bake.json:9) is not read as a build of this repository: its context "https://github.com/acme/x.git" is not a directory of this checkout. List the images it builds in the images setting (image=Dockerfile) to chain them.'
    ])
  })

  it('invalid JSON is one problem', () => {
    const read = readBakeProducers('docker-bake.json', '{ "target": ')
    expect(read.producers).toEqual([])
    expect(read.problems[0]?.message).toMatch(
      /^docker-bake\.json is not valid JSON \(.+\), so the images its bake targets build are not known/
    )
  })
})

describe('configProducers', () => {
  it('keys with and without a tag; invalid keys and paths are problems naming them', () => {
    const read = configProducers(
      {
        'ghcr.io/acme/base:1': './base/Dockerfile',
        'acme/app': 'app/Dockerfile',
        'ghcr.io/Acme/Bad': 'bad/Dockerfile',
        'ghcr.io/acme/up': '../Dockerfile'
      },
      "the 'images' setting"
    )
    expect(read.producers.map(brief)).toEqual([
      'app/Dockerfile | app | docker.io/acme/app | ? | - | 1',
      'base/Dockerfile | base | ghcr.io/acme/base | 1 | - | 1'
    ])
    expect(read.producers.every(p => p.source === 'config')).toBe(true)
    expect(read.problems.map(p => p.message)).toEqual([
      `"ghcr.io/Acme/Bad" in the 'images' setting is not an image repository (invalid image reference "ghcr.io/Acme/Bad": repository name must be lowercase); write it as registry/repository or registry/repository:tag.`,
      `"ghcr.io/acme/up" in the 'images' setting is built by "../Dockerfile", which is not a Dockerfile path in this repository; write the repository-relative path, e.g. base/Dockerfile.`
    ])
  })
})
