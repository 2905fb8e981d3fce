import { describe, expect, it } from 'vitest'

import { scanFile } from '../../../src/core/scan.js'
import { brief, pinAll } from './pin-all.js'

const FILE = '.github/workflows/ci.yml'
const D = `sha256:${'d'.repeat(64)}`
const OLD = `sha256:${'a'.repeat(64)}`

function scan(text: string) {
  return scanFile(FILE, text, 'workflow')
}

/** The file with every pinnable site pinned to D (the rewrite check passed). */
function pinned(text: string): string {
  const result = pinAll(FILE, text, 'workflow', () => D)
  if (result.text === undefined) throw new Error(result.error)
  return result.text
}

describe('scanWorkflow: what is an image (brief = line source image skip)', () => {
  const rows: { name: string; text: string; want: string[] }[] = [
    {
      name: 'job container as a string and as a mapping',
      text: `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    container: node:20
  b:
    container:
      image: ghcr.io/o/build:1.2
      options: --cpus 2
`,
      want: ['5 job-container node:20', '8 job-container ghcr.io/o/build:1.2']
    },
    {
      name: 'Dependabot: workflow container/services unsupported (#5819)',
      text: `jobs:
  test:
    container: python:3.12-slim
    services:
      db:
        image: postgres:16
        ports: ['5432:5432']
      cache: redis:7
`,
      want: [
        '3 job-container python:3.12-slim',
        '6 service-container postgres:16',
        '8 service-container redis:7'
      ]
    },
    {
      name: 'Renovate missed `- uses: docker://…` (renovate#40151)',
      text: `jobs:
  lint:
    steps:
      - uses: docker://hadolint/hadolint:v2.12.0
      - name: later key
        uses: docker://ghcr.io/o/tool:1
`,
      want: [
        '4 docker-action hadolint/hadolint:v2.12.0',
        '6 docker-action ghcr.io/o/tool:1'
      ]
    },
    {
      name: 'actions, local actions, reusable workflows and with/env/run strings are not images',
      text: `env:
  IMAGE: node:20
jobs:
  call:
    uses: o/r/.github/workflows/build.yml@v1
    with:
      image: docker://alpine:3.20
  steps:
    env:
      BASE: docker://alpine:3.20
    steps:
      - uses: actions/checkout@v4
      - uses: ./.github/actions/local
      - run: docker run --rm alpine:3.20 true
      - uses: o/action@v1
        with:
          image: docker://alpine:3.20
          container: node:20
`,
      want: []
    },
    {
      name: 'matrix-provided image `${{ matrix.image }}` skipped with the reason',
      text: `jobs:
  t:
    strategy:
      matrix:
        image: [node:18, node:20]
    container: \${{ matrix.image }}
    services:
      db:
        image: \${{ inputs.db }}
    steps:
      - uses: docker://\${{ vars.TOOL }}
`,
      want: [
        '6 job-container ${{ matrix.image }} skip:variable',
        '9 service-container ${{ inputs.db }} skip:variable',
        '11 docker-action ${{ vars.TOOL }} skip:variable'
      ]
    },
    {
      name: 'an empty image is "no container": a skip, not an invalid name',
      text: `jobs:
  t:
    container: ''
    services:
      db:
        image: ""
`,
      want: [
        '3 job-container  skip:scratch',
        '6 service-container  skip:scratch'
      ]
    },
    {
      name: 'pinned, digest-only, ignored, block scalar, not a string',
      text: `jobs:
  t:
    container: node:20@${OLD}
    services:
      a:
        image: redis@${OLD}
      b:
        image: redis:7 # freshbase: ignore
      c:
        image: >-
          redis:7
      d:
        image: 7
`,
      want: [
        `3 job-container node:20@${OLD}`,
        `6 service-container redis@${OLD} skip:digest-only`,
        '8 service-container redis:7 skip:ignored',
        '10 service-container redis:7 skip:unsupported',
        '13 service-container 7 skip:invalid'
      ]
    },
    {
      name: 'flow style, anchors and merge keys: a merged service is one mention, an alias is its own',
      text: `x-db: &db {image: postgres:16, ports: ['5432']}
jobs:
  a: {container: {image: "node:20"}, services: {db: *db}}
  b:
    services:
      db:
        <<: *db
        env: {A: b}
    container: &c alpine:3.20
  c:
    container: *c
`,
      want: [
        '3 job-container node:20',
        '1 service-container postgres:16',
        '9 job-container alpine:3.20',
        '11 job-container alpine:3.20'
      ]
    }
  ]
  it.each(rows)('$name', ({ text, want }) => {
    expect(scan(text).map(brief)).toEqual(want)
  })

  it('names each place by its yamlPath', () => {
    const sites = scan(`jobs:
  build:
    container: {image: node:20}
    services: {db: postgres:16, cache: {image: redis:7}}
    steps:
      - run: true
      - uses: docker://alpine:3.20
`)
    expect(sites.map(s => s.yamlPath)).toEqual([
      'jobs.build.container.image',
      'jobs.build.services.db',
      'jobs.build.services.cache.image',
      'jobs.build.steps[1].uses'
    ])
  })

  it.each([
    [
      'container: ${{ matrix.image }}',
      /jobs\.t\.container takes its image from the job's matrix \(\$\{\{ matrix\.image \}\}\).*Write the image literally/
    ],
    [
      'container: ${{ inputs.image }}',
      /jobs\.t\.container uses a GitHub expression .*write the image literally/
    ],
    [
      'services: {db: {image: ""}}',
      /^jobs\.t\.services\.db\.image is empty, so GitHub does not start this service/
    ],
    ['container: ""', /^jobs\.t\.container is empty, so the job runs directly/]
  ])('says why %s is skipped, naming the place', (line, message) => {
    const [site] = scan(`jobs:\n  t:\n    ${line}\n`)
    expect(site?.skip?.message).toMatch(message)
  })
})

describe('scanWorkflow: byte-exact pins', () => {
  const rows: { name: string; before: string; after: string }[] = [
    {
      name: 'plain, single and double quotes, comments next to the value',
      before: `jobs:
  t:
    container:   node:20   # the build image
    services:
      db: 'postgres:16'  # quoted
      cache: {image: "redis:7"}
    steps:
      - uses:  "docker://alpine:3.20"   # a tool
`,
      after: `jobs:
  t:
    container:   node:20@${D}   # the build image
    services:
      db: 'postgres:16@${D}'  # quoted
      cache: {image: "redis:7@${D}"}
    steps:
      - uses:  "docker://alpine:3.20@${D}"   # a tool
`
    },
    {
      name: 'Dependabot: CRLF workflow got LF lines (ESPHome-NonRoot#126)',
      before:
        'on: push\r\njobs:\r\n  t:\r\n    container: node:20\r\n    steps:\r\n      - uses: docker://alpine:3.20\r\n      - run: echo ok\r\n',
      after: `on: push\r\njobs:\r\n  t:\r\n    container: node:20@${D}\r\n    steps:\r\n      - uses: docker://alpine:3.20@${D}\r\n      - run: echo ok\r\n`
    },
    {
      name: 'a BOM stays, an untagged image is pinned at latest, an old digest is refreshed',
      before: `\uFEFFjobs:\n  t:\n    container: alpine\n    services:\n      db:\n        image: postgres:16@${OLD}\n`,
      after: `\uFEFFjobs:\n  t:\n    container: alpine:latest@${D}\n    services:\n      db:\n        image: postgres:16@${D}\n`
    },
    {
      name: 'an alias and its anchor: one edit, at the anchor',
      before: `jobs:\n  a:\n    container: &img node:20\n  b:\n    container: *img\n`,
      after: `jobs:\n  a:\n    container: &img node:20@${D}\n  b:\n    container: *img\n`
    }
  ]
  it.each(rows)('$name', ({ before, after }) => {
    expect(pinned(before)).toBe(after)
  })

  it.each(rows)('a second apply is a no-op: $name', ({ after }) => {
    expect(pinned(after)).toBe(after)
  })

  it('leaves skipped values untouched', () => {
    const text = `jobs:\n  t:\n    container: \${{ matrix.image }}\n    services:\n      db: {image: ''}\n`
    expect(pinned(text)).toBe(text)
  })
})
