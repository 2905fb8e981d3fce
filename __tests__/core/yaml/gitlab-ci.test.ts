import { describe, expect, it } from 'vitest'

import { scanFile } from '../../../src/core/scan.js'
import { gitlabLocalIncludes } from '../../../src/core/yaml/gitlab-ci.js'
import { brief, pinAll } from './pin-all.js'

const FILE = '.gitlab-ci.yml'
const D = `sha256:${'d'.repeat(64)}`

function scan(text: string) {
  return scanFile(FILE, text, 'gitlab-ci')
}

function pinned(text: string): string {
  const result = pinAll(FILE, text, 'gitlab-ci', () => D)
  if (result.text === undefined) throw new Error(result.error)
  return result.text
}

describe('scanGitlabCi: what is an image (brief = line source image skip)', () => {
  const rows: { name: string; text: string; want: string[] }[] = [
    {
      name: 'top level, default and jobs; strings and name mappings',
      text: `image: ruby:3.3
services:
  - postgres:16
  - name: redis:7
    alias: cache
default:
  image:
    name: node:20
    entrypoint: ['']
  services: [{name: "mysql:8", command: ["--x"]}]
test:
  image: python:3.12-slim
  services: [docker:27-dind]
  script: [pytest]
`,
      want: [
        '1 gitlab-image ruby:3.3',
        '3 gitlab-service postgres:16',
        '4 gitlab-service redis:7',
        '8 gitlab-image node:20',
        '10 gitlab-service mysql:8',
        '12 gitlab-image python:3.12-slim',
        '13 gitlab-service docker:27-dind'
      ]
    },
    {
      name: 'global keywords are not jobs; strings in variables and scripts are not images',
      text: `stages: [build]
variables:
  image: node:20
  BASE_IMAGE: alpine:3.20
workflow:
  rules: [{if: $CI}]
include:
  - local: ci/x.yml
cache:
  key: image
build:
  script:
    - docker build --build-arg image=alpine:3.20 .
  variables:
    image: node:20
`,
      want: []
    },
    {
      name: 'hidden jobs, anchors and repeated << merge keys: each scalar once, where it is written',
      text: `.ruby: &ruby
  image: ruby:3.3
.db: &db
  services: [postgres:16]
test:
  <<: *ruby
  <<: *db
  script: [rake]
lint:
  extends: .ruby
  image: alpine:3.20
`,
      want: [
        '2 gitlab-image ruby:3.3',
        '4 gitlab-service postgres:16',
        '11 gitlab-image alpine:3.20'
      ]
    },
    {
      name: '!reference tags do not crash and are not images',
      text: `.setup:
  image: node:20
  services: [redis:7]
test:
  image: !reference [.setup, image]
  services: !reference [.setup, services]
other:
  image:
    name: !reference [.setup, image]
  services:
    - !reference [.setup, services]
    - postgres:16
`,
      want: [
        '2 gitlab-image node:20',
        '3 gitlab-service redis:7',
        '12 gitlab-service postgres:16'
      ]
    },
    {
      name: 'variables, inputs and the Dependency Proxy prefix are skipped with the reason',
      text: `a:
  image: $CI_REGISTRY_IMAGE/builder:latest
b:
  image: \${REGISTRY}/app:1.0
c:
  image: $CI_DEPENDENCY_PROXY_GROUP_IMAGE_PREFIX/node:20
d:
  services: ['\${CI_DEPENDENCY_PROXY_DIRECT_GROUP_IMAGE_PREFIX}/redis:7']
e:
  image: $[[ inputs.image ]]
`,
      want: [
        '2 gitlab-image $CI_REGISTRY_IMAGE/builder:latest skip:variable',
        '4 gitlab-image ${REGISTRY}/app:1.0 skip:variable',
        '6 gitlab-image $CI_DEPENDENCY_PROXY_GROUP_IMAGE_PREFIX/node:20 skip:variable',
        '8 gitlab-service ${CI_DEPENDENCY_PROXY_DIRECT_GROUP_IMAGE_PREFIX}/redis:7 skip:variable',
        '10 gitlab-image $[[ inputs.image ]] skip:variable'
      ]
    },
    {
      name: 'a spec header document and the pipeline document',
      text: `spec:
  inputs:
    image:
      default: node:20
---
job:
  image: alpine:3.20 # freshbase: ignore
  services:
    - name: postgres@${D}
    - name: redis:7
`,
      want: [
        '7 gitlab-image alpine:3.20 skip:ignored',
        `9 gitlab-service postgres@${D} skip:digest-only`,
        '10 gitlab-service redis:7'
      ]
    },
    {
      name: 'empty and odd values: no crash, an empty name is said as such',
      text: `a:
  image:
  services:
b:
  image: {entrypoint: [''], name: ''}
  services: postgres:16
c: [not, a, job]
d: 5
`,
      want: ['5 gitlab-image  skip:scratch']
    }
  ]
  it.each(rows)('$name', ({ text, want }) => {
    expect(scan(text).map(brief)).toEqual(want)
  })

  it('names each place by its yamlPath', () => {
    const sites = scan(`image: {name: ruby:3.3}
default: {services: [redis:7]}
.tpl: {services: [a:1, {name: b:2}]}
`)
    expect(sites.map(s => s.yamlPath)).toEqual([
      'image.name',
      'default.services[0]',
      '.tpl.services[0]',
      '.tpl.services[1].name'
    ])
  })

  it.each([
    [
      'image: $CI_DEPENDENCY_PROXY_GROUP_IMAGE_PREFIX/node:20',
      /^job\.image pulls node:20 through the Dependency Proxy prefix \(\$CI_DEPENDENCY_PROXY_GROUP_IMAGE_PREFIX\).*Write the image without the prefix/
    ],
    [
      'image: $[[ inputs.image ]]',
      /^job\.image uses a CI\/CD input \(\$\[\[ inputs\.image \]\]\).*write the image literally/
    ],
    ['image: ""', /^job\.image is empty; there is no image to pin\.$/],
    [
      'image: $CI_REGISTRY/app:1',
      /^job\.image uses a CI\/CD variable \("\$CI_REGISTRY\/app:1"\).*write the image literally/
    ]
  ])('says why %s is skipped, naming the place', (line, message) => {
    const [site] = scan(`job:\n  ${line}\n`)
    expect(site?.skip?.message).toMatch(message)
  })
})

describe('scanGitlabCi: byte-exact pins', () => {
  const rows: { name: string; before: string; after: string }[] = [
    {
      name: 'quoted, flow and commented values',
      before: `image: "ruby:3.3"   # main
services: ['postgres:16', {name: redis:7, alias: c}]
test:
  image:
    name: node:20 # tool
`,
      after: `image: "ruby:3.3@${D}"   # main
services: ['postgres:16@${D}', {name: redis:7@${D}, alias: c}]
test:
  image:
    name: node:20@${D} # tool
`
    },
    {
      name: 'CRLF, a BOM and an anchor used by merge and by alias: one edit at the anchor',
      before:
        '\uFEFF.base: &base\r\n  image: &img alpine:3.20\r\na:\r\n  <<: *base\r\nb:\r\n  image: *img\r\n',
      after: `\uFEFF.base: &base\r\n  image: &img alpine:3.20@${D}\r\na:\r\n  <<: *base\r\nb:\r\n  image: *img\r\n`
    }
  ]
  it.each(rows)('$name', ({ before, after }) => {
    expect(pinned(before)).toBe(after)
  })

  it.each(rows)('a second apply is a no-op: $name', ({ after }) => {
    expect(pinned(after)).toBe(after)
  })
})

describe('gitlabLocalIncludes', () => {
  const rows: { name: string; text: string; want: string[] }[] = [
    {
      name: 'a string',
      text: 'include: ci/build.yml\n',
      want: ['ci/build.yml']
    },
    {
      name: 'a list of strings and local mappings; leading / is the root',
      text: `include:
  - a.yml
  - local: /ci/b.yaml
  - {local: './c.yml', rules: [{if: $CI}]}
  - local: ci/b.yaml
`,
      want: ['a.yml', 'ci/b.yaml', 'c.yml']
    },
    {
      name: 'one local mapping',
      text: "include: {local: '/ci/x.yml'}\n",
      want: ['ci/x.yml']
    },
    {
      name: 'wildcards and other characters are returned as written',
      text: "include:\n  - configs/*.yml\n  - local: configs/**.yml\n  - 'ci/[ab](1).yml'\n",
      want: ['configs/*.yml', 'configs/**.yml', 'ci/[ab](1).yml']
    },
    {
      name: 'remote, project, template, component and URLs are not local',
      text: `include:
  - https://example.com/ci.yml
  - remote: https://example.com/x.yml
  - project: group/repo
    file: /templates/ci.yml
  - template: Auto-DevOps.gitlab-ci.yml
  - component: gitlab.com/o/c/build@1.0
  - local: ok.yml
`,
      want: ['ok.yml']
    },
    {
      name: 'variables, parent folders, non-YAML, itself and junk are left out',
      text: `include:
  - $CI_PROJECT_DIR/x.yml
  - local: ../up.yml
  - local: notes.txt
  - .gitlab-ci.yml
  - 42
  - [nested.yml]
  - {local: [a.yml]}
  - null
`,
      want: []
    },
    {
      name: 'a spec header document, then the pipeline',
      text: 'spec:\n  inputs: {}\n---\ninclude: [x.yml]\n',
      want: ['x.yml']
    },
    { name: 'invalid YAML', text: 'include: [a.yml\n  b: {\n', want: [] },
    { name: 'no include', text: 'test:\n  script: [x]\n', want: [] },
    { name: 'not a mapping', text: '- include: a.yml\n', want: [] },
    { name: 'empty', text: '', want: [] }
  ]
  it.each(rows)('$name', ({ text, want }) => {
    expect(gitlabLocalIncludes(FILE, text)).toEqual(want)
  })

  it('never throws on an alias bomb', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from({ length: 12 }, (_, i) => {
        const prev = i === 0 ? 'a' : `l${i - 1}`
        return `l${i}: &l${i} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`
      }),
      'include: *l11'
    ].join('\n')
    expect(gitlabLocalIncludes(FILE, bomb)).toEqual([])
  })
})
