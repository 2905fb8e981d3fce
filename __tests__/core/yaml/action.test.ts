import { describe, expect, it } from 'vitest'

import { scanFile } from '../../../src/core/scan.js'
import { brief, pinAll } from './pin-all.js'

const FILE = 'tools/lint/action.yml'
const D = `sha256:${'d'.repeat(64)}`

function scan(text: string) {
  return scanFile(FILE, text, 'action')
}

function pinned(text: string): string {
  const result = pinAll(FILE, text, 'action', () => D)
  if (result.text === undefined) throw new Error(result.error)
  return result.text
}

describe('scanAction: what is an image', () => {
  const rows: { name: string; text: string; want: string[] }[] = [
    {
      name: 'Renovate: action.yml runs.image docker:// not extracted',
      text: `name: lint
runs:
  using: docker
  image: 'docker://ghcr.io/o/linter:2.1'
  args: ['--strict']
`,
      want: ['4 docker-action ghcr.io/o/linter:2.1']
    },
    {
      name: 'runs.image: Dockerfile is a path built here, not an image',
      text: `runs:\n  using: docker\n  image: Dockerfile\n`,
      want: []
    },
    {
      name: "composite actions' steps: docker:// only",
      text: `runs:
  using: composite
  steps:
    - uses: docker://alpine:3.20
    - uses: actions/setup-node@v4
      with:
        node-version: 20
    - shell: bash
      run: docker run node:20 true
    - name: later key
      uses: docker://gcr.io/cloud-builders/gradle
`,
      want: [
        '4 docker-action alpine:3.20',
        '11 docker-action gcr.io/cloud-builders/gradle'
      ]
    },
    {
      name: 'inputs and defaults are not images; an expression is skipped',
      text: `inputs:
  image:
    default: docker://alpine:3.20
runs:
  using: docker
  image: docker://\${{ inputs.image }}
`,
      want: ['6 docker-action ${{ inputs.image }} skip:variable']
    },
    {
      name: 'a JavaScript action has no image',
      text: `runs:\n  using: node20\n  main: dist/index.js\n`,
      want: []
    }
  ]
  it.each(rows)('$name', ({ text, want }) => {
    expect(scan(text).map(brief)).toEqual(want)
  })

  it('names the places', () => {
    const sites = scan(
      `runs:\n  image: docker://alpine:3.20\n  steps:\n    - run: x\n    - uses: docker://node:20\n`
    )
    expect(sites.map(s => s.yamlPath)).toEqual([
      'runs.image',
      'runs.steps[1].uses'
    ])
  })
})

describe('scanAction: byte-exact pins', () => {
  const rows: { name: string; before: string; after: string }[] = [
    {
      name: 'quoted runs.image keeps its quotes and comment',
      before: `runs:\n  using: 'docker'\n  image: 'docker://debian:stretch-slim'   # base\n`,
      after: `runs:\n  using: 'docker'\n  image: 'docker://debian:stretch-slim@${D}'   # base\n`
    },
    {
      name: 'composite step in flow style, CRLF',
      before:
        'runs:\r\n  using: composite\r\n  steps: [{uses: docker://alpine:3.20}, {run: x, shell: sh}]\r\n',
      after: `runs:\r\n  using: composite\r\n  steps: [{uses: docker://alpine:3.20@${D}}, {run: x, shell: sh}]\r\n`
    }
  ]
  it.each(rows)('$name', ({ before, after }) => {
    expect(pinned(before)).toBe(after)
  })

  it.each(rows)('a second apply is a no-op: $name', ({ after }) => {
    expect(pinned(after)).toBe(after)
  })
})
