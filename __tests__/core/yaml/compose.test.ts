import { describe, expect, it } from 'vitest'

import { scanFile } from '../../../src/core/scan.js'
import { brief, pinAll } from './pin-all.js'

const OLD = `sha256:${'a'.repeat(64)}`
const NEW = `sha256:${'b'.repeat(64)}`

function scan(text: string) {
  return scanFile('compose.yaml', text, 'compose')
}

function pin(text: string) {
  return pinAll('compose.yaml', text, 'compose', () => NEW)
}

interface ExtractionCase {
  readonly name: string
  readonly text: string
  /** brief() of every site, in order. */
  readonly sites: readonly string[]
  /** Words each skipped site's message must hold, in order of the skipped sites. */
  readonly says?: readonly RegExp[]
}

const extraction: readonly ExtractionCase[] = [
  {
    name: 'a block-style service',
    text: 'services:\n  web:\n    image: nginx:1.25\n    ports: ["80:80"]\n',
    sites: ['3 compose nginx:1.25']
  },
  {
    name: 'Renovate: flow-style services give 0 deps',
    text: "services:\n  db: {image: postgres:15}\n  cache: {ports: ['6379:6379'], image: 'redis:7.2'}\n",
    sites: ['2 compose postgres:15', '3 compose redis:7.2']
  },
  {
    name: 'Renovate: `image: >-` block scalar gives 0 deps silently',
    text: 'services:\n  web:\n    image: >-\n      nginx:1.25\n',
    sites: ['3 compose nginx:1.25 skip:unsupported'],
    says: [/^services\.web\.image is written as a block scalar.*on one line/]
  },
  {
    name: 'Renovate: anchors/merge keys extract nothing (renovate#34369)',
    text: `x-base: &base
  image: &img postgres:15
  restart: always
services:
  db:
    <<: *base
  replica:
    <<: *base
    command: replica
  backup:
    image: *img
`,
    sites: [
      '6 compose postgres:15',
      '8 compose postgres:15',
      '11 compose postgres:15'
    ]
  },
  {
    name: 'a whole service given by an alias is reported at the alias',
    text: 'services:\n  web: &web\n    image: nginx:1.25\n  web2: *web\n',
    sites: ['3 compose nginx:1.25', '4 compose nginx:1.25']
  },
  {
    name: 'an empty image: says it has no value',
    text: 'services:\n  web:\n    image:\n  api:\n    image: ""\n',
    sites: ['3 compose  skip:invalid', '5 compose  skip:invalid'],
    says: [
      /^services\.web\.image has no value; write the image there/,
      /^services\.api\.image has no value/
    ]
  },
  {
    name: 'an x-* field alone is never a site',
    text: 'x-img: &img {image: nginx:1.25}\nx-other:\n  image: redis:7\nservices: {}\n',
    sites: []
  },
  {
    name: 'Dependabot: quoted image not updated (PR #11669)',
    text: `services:\n  a:\n    image: "postgres:15"\n  b:\n    image: 'redis:7.2'\n`,
    sites: ['3 compose postgres:15', '5 compose redis:7.2']
  },
  {
    name: 'Dependabot: pins a built service (breaks docker compose build)',
    text: `x-built: &built
  build: ./worker
services:
  app:
    build: ./app
    image: ghcr.io/o/app:1.0
  api:
    build:
      context: ./api
      dockerfile: Dockerfile.api
    image: ghcr.io/o/api:1.0
  worker:
    <<: *built
    image: ghcr.io/o/worker:1.0
  local:
    build: .
`,
    sites: [
      '6 compose ghcr.io/o/app:1.0 skip:built-here',
      '11 compose ghcr.io/o/api:1.0 skip:built-here',
      '14 compose ghcr.io/o/worker:1.0 skip:built-here'
    ],
    says: [
      /^services\.app\.image names the image this service builds \(build: \.\/app on line 5\), so it is not pinned: a digest there breaks "docker compose build"\. Pin the base images in the Dockerfile it builds instead\.$/,
      /\(build\.context: \.\/api on line 8\)/,
      /\(build: \.\/worker on line 2\)/
    ]
  },
  {
    name: 'a built service wins over its variable: the reason is the build',
    text: 'services:\n  app:\n    build: .\n    image: ${REG}/app:${TAG}\n',
    sites: ['4 compose ${REG}/app:${TAG} skip:built-here']
  },
  {
    name: '`build: !reset null` in an override removes the build',
    text: 'services:\n  app:\n    build: !reset null\n    image: ghcr.io/o/app:1.0\n',
    sites: ['4 compose ghcr.io/o/app:1.0']
  },
  {
    name: 'a service that extends a built service in the same file builds too',
    text: `services:
  base:
    build: ./app
    image: ghcr.io/o/app:1.0
  web:
    extends: base
    image: ghcr.io/o/web:1.0
  worker:
    extends: {service: web}
    image: ghcr.io/o/worker:1.0
  other:
    extends: {service: base, file: common.yaml}
    image: ghcr.io/o/other:1.0
  loop:
    extends: loop
    image: ghcr.io/o/loop:1.0
`,
    sites: [
      '4 compose ghcr.io/o/app:1.0 skip:built-here',
      '7 compose ghcr.io/o/web:1.0 skip:built-here',
      '10 compose ghcr.io/o/worker:1.0 skip:built-here',
      '13 compose ghcr.io/o/other:1.0',
      '16 compose ghcr.io/o/loop:1.0'
    ],
    says: [/build: \.\/app on line 3/, /build: \.\/app on line 3/]
  },
  {
    name: 'an anchor shared with a built service is pinned for neither',
    text: `services:
  app:
    build: .
    image: &app ghcr.io/o/app:1.0
  job:
    image: *app
`,
    sites: [
      '4 compose ghcr.io/o/app:1.0 skip:built-here',
      '6 compose ghcr.io/o/app:1.0 skip:built-here'
    ],
    says: [
      /builds/,
      /^services\.job\.image shares its value with services\.app\.image \(line 4\), which names the image its service builds; pinning one would pin both\. Give services\.job\.image its own value/
    ]
  },
  {
    name: 'Dependabot: JSON-style compose not updated (#13317)',
    text: '{\n  "services": {\n    "db": {"image": "postgres:15"},\n    "web": {"build": ".", "image": "web:dev"}\n  }\n}\n',
    sites: ['3 compose postgres:15', '4 compose web:dev skip:built-here']
  },
  {
    name: 'tag@sha256 in compose (#11971)',
    text: `services:\n  db:\n    image: postgres:15@${OLD} # 15.4\n`,
    sites: [`3 compose postgres:15@${OLD}`]
  },
  {
    name: 'a digest without a tag has nothing to track',
    text: `services:\n  db:\n    image: postgres@${OLD}\n`,
    sites: [`3 compose postgres@${OLD} skip:digest-only`]
  },
  {
    name: '${IMG-redis:7.2} and ${IMG:-redis:7.2}',
    text: 'services:\n  a:\n    image: ${IMG-redis:7.2}\n  b:\n    image: "${IMG:-redis:7.2}"\n',
    sites: ['3 compose redis:7.2', '5 compose redis:7.2']
  },
  {
    name: 'ghcr.io/x/app:${TAG:-1.0} and ${REG}/app:1.0 skipped with reason',
    text: 'services:\n  a:\n    image: ghcr.io/x/app:${TAG:-1.0}\n  b:\n    image: ${REG}/app:1.0\n  c:\n    image: ${IMG:?set IMG}\n',
    sites: [
      '3 compose ghcr.io/x/app:${TAG:-1.0} skip:variable',
      '5 compose ${REG}/app:1.0 skip:variable',
      '7 compose ${IMG:?set IMG} skip:variable'
    ],
    says: [
      /^services\.a\.image uses a variable \("ghcr\.io\/x\/app:\$\{TAG:-1\.0\}"\), which Compose fills in when it runs; write the whole value as \$\{VAR:-image:tag\} to let Freshbase pin the default, or pin the image where the variable is set\.$/,
      /^services\.b\.image uses a variable/,
      /^services\.c\.image uses a variable/
    ]
  },
  {
    name: 'not images: models, command, environment, labels, x- fields',
    text: `models:
  llm:
    model: ai/smollm2
services:
  web:
    image: nginx:1.25
    command: ["docker", "run", "alpine:3"]
    environment:
      IMAGE: redis:7
    labels:
      image: busybox:1
    healthcheck:
      test: ["CMD", "true"]
x-note:
  image: alpine:3
`,
    sites: ['6 compose nginx:1.25']
  },
  {
    name: 'every document of a multi-document file',
    text: 'services:\n  a:\n    image: nginx:1.25\n---\nservices:\n  b:\n    image: redis:7.2\n',
    sites: ['3 compose nginx:1.25', '7 compose redis:7.2']
  },
  {
    name: 'CRLF and a BOM: lines counted as written',
    text: '\uFEFFservices:\r\n  web:\r\n\r\n    image: nginx:1.25\r\n',
    sites: ['4 compose nginx:1.25']
  },
  {
    name: '# freshbase: ignore on the line or above it',
    text: 'services:\n  a:\n    image: nginx:1.25 # freshbase: ignore\n  b:\n    # freshbase: ignore\n    image: redis:7.2\n  c:\n    image: alpine:3\n',
    sites: [
      '3 compose nginx:1.25 skip:ignored',
      '6 compose redis:7.2 skip:ignored',
      '8 compose alpine:3'
    ]
  },
  {
    name: 'an ignored use of an anchor holds the anchor back for every use',
    text: `x-base: &base
  image: &img postgres:15
services:
  a:
    <<: *base # freshbase: ignore
  b:
    image: *img
`,
    sites: [
      '5 compose postgres:15 skip:ignored',
      '7 compose postgres:15 skip:ignored'
    ],
    says: [
      /freshbase: ignore/,
      /^services\.b\.image shares its value with services\.a\.image \(line 5\), which is marked "# freshbase: ignore"/
    ]
  },
  {
    name: 'build.additional_contexts docker-image:// values (map and list)',
    text: `services:
  app:
    build:
      context: .
      additional_contexts:
        base: docker-image://alpine:3.20
        src: ../src
        other: service:web
    image: ghcr.io/o/app:1
  tool:
    build:
      context: .
      additional_contexts:
        - base=docker-image://debian:12
        - src=../src
`,
    sites: [
      '6 compose alpine:3.20',
      '9 compose ghcr.io/o/app:1 skip:built-here',
      '14 compose debian:12'
    ]
  },
  {
    name: 'a service without an image, an empty service, no services',
    text: 'services:\n  a:\n    build: .\n  b:\n  c: {}\nvolumes:\n  data: {}\n',
    sites: []
  },
  {
    name: 'Compose file format v1 (services at the top level): said once',
    text: 'version: "2"\nweb:\n  image: nginx:1.25\ndb:\n  image: postgres:15\n',
    sites: ['2 file  skip:unsupported'],
    says: [
      /^compose\.yaml names services at the top level \("web" on line 2\): Compose file format v1, which Docker Compose v2 no longer reads\. Move them under "services:"/
    ]
  },
  {
    name: 'a template is not YAML: said once for the file',
    text: 'services:\n  web:\n    image: {{ .Values.image }}\n',
    sites: ['3 file  skip:template']
  }
]

describe('scanCompose: what is found', () => {
  it.each(extraction)('$name', ({ text, sites, says }) => {
    const found = scan(text)

    expect(found.map(brief)).toEqual(sites)
    const messages = found.flatMap(s => (s.skip ? [s.skip.message] : []))
    for (const [i, pattern] of (says ?? []).entries())
      expect(messages[i]).toMatch(pattern)
  })

  it('names the place (yamlPath) and the literal service platform', () => {
    const found = scan(`services:
  web:
    platform: linux/arm64
    image: nginx:1.25
  db:
    platform: \${PLATFORM}
    image: postgres:15
  app:
    build:
      additional_contexts:
        - base=docker-image://alpine:3
`)

    expect(
      found.map(s => [s.yamlPath, s.platform ?? null, s.kind, s.file])
    ).toEqual([
      ['services.web.image', 'linux/arm64', 'compose', 'compose.yaml'],
      ['services.db.image', null, 'compose', 'compose.yaml'],
      [
        'services.app.build.additional_contexts[0]',
        null,
        'compose',
        'compose.yaml'
      ]
    ])
  })

  it('a pinnable site has the exact span, a skipped one none', () => {
    const text =
      'services:\n  a:\n    image: "redis:7.2"\n  b:\n    build: .\n    image: b:1\n'
    const [pinned, built] = scan(text)

    expect(pinned?.span).toEqual({ start: 27, end: 36 })
    expect(text.slice(27, 36)).toBe('redis:7.2')
    expect(pinned?.spanText).toBe('redis:7.2')
    expect(built?.span).toBeUndefined()
    expect(built?.spanText).toBeUndefined()
  })
})

interface RewriteCase {
  readonly name: string
  readonly before: string
  readonly after: string
}

const rewrites: readonly RewriteCase[] = [
  {
    name: 'plain, with a comment next to the value',
    before: 'services:\n  web:\n    image:   nginx:1.25    # web\n',
    after: `services:\n  web:\n    image:   nginx:1.25@${NEW}    # web\n`
  },
  {
    name: 'human version comment after the digest stays',
    before: `services:\n  db:\n    image: postgres:15@${OLD} # 15.4\n`,
    after: `services:\n  db:\n    image: postgres:15@${NEW} # 15.4\n`
  },
  {
    name: 'double and single quotes are kept',
    before: `services:\n  a:\n    image: "postgres:15"\n  b:\n    image: 'redis:7.2'  # cache\n`,
    after: `services:\n  a:\n    image: "postgres:15@${NEW}"\n  b:\n    image: 'redis:7.2@${NEW}'  # cache\n`
  },
  {
    name: 'flow maps',
    before:
      "services:\n  db: {image: postgres:15, restart: always}\n  c: { image: 'redis:7.2' }\n",
    after: `services:\n  db: {image: postgres:15@${NEW}, restart: always}\n  c: { image: 'redis:7.2@${NEW}' }\n`
  },
  {
    name: 'JSON-style compose',
    before: '{"services": {"db": {"image": "postgres:15"}}}',
    after: `{"services": {"db": {"image": "postgres:15@${NEW}"}}}`
  },
  {
    name: 'CRLF and a BOM',
    before:
      '\uFEFFservices:\r\n  web:\r\n    image: nginx:1.25\r\n  db:\r\n    image: "postgres:15"\r\n',
    after: `\uFEFFservices:\r\n  web:\r\n    image: nginx:1.25@${NEW}\r\n  db:\r\n    image: "postgres:15@${NEW}"\r\n`
  },
  {
    name: 'an anchor used by three services is edited once',
    before: `x-base: &base
  image: &img postgres:15
services:
  a:
    <<: *base
  b:
    <<: *base
  c:
    image: *img
`,
    after: `x-base: &base
  image: &img postgres:15@${NEW}
services:
  a:
    <<: *base
  b:
    <<: *base
  c:
    image: *img
`
  },
  {
    name: 'an already pinned tag@sha256:old gets the new digest',
    before: `services:\n  db:\n    image: 'postgres:15@${OLD}'\n`,
    after: `services:\n  db:\n    image: 'postgres:15@${NEW}'\n`
  },
  {
    name: 'the pin goes inside the ${VAR:-default}',
    before:
      'services:\n  a:\n    image: ${IMG:-redis:7.2}\n  b:\n    image: "${IMG-nginx:1.25}"\n',
    after: `services:\n  a:\n    image: \${IMG:-redis:7.2@${NEW}}\n  b:\n    image: "\${IMG-nginx:1.25@${NEW}}"\n`
  },
  {
    name: 'built services, variables and block scalars are left alone',
    before:
      'services:\n  app:\n    build: .\n    image: app:1\n  v:\n    image: ${REG}/x:1\n  b:\n    image: >-\n      nginx:1.25\n  ok:\n    image: alpine:3\n',
    after: `services:\n  app:\n    build: .\n    image: app:1\n  v:\n    image: \${REG}/x:1\n  b:\n    image: >-\n      nginx:1.25\n  ok:\n    image: alpine:3@${NEW}\n`
  },
  {
    name: 'multi-document, with additional_contexts',
    before: `services:\n  a:\n    image: nginx:1.25\n---\nservices:\n  app:\n    build:\n      additional_contexts:\n        base: "docker-image://alpine:3.20"\n        list: [x=../x]\n`,
    after: `services:\n  a:\n    image: nginx:1.25@${NEW}\n---\nservices:\n  app:\n    build:\n      additional_contexts:\n        base: "docker-image://alpine:3.20@${NEW}"\n        list: [x=../x]\n`
  }
]

describe('scanCompose: byte-exact rewrite', () => {
  it.each(rewrites)('$name', ({ before, after }) => {
    const first = pin(before)

    expect(first.error).toBeUndefined()
    expect(first.text).toBe(after)
  })

  it.each(rewrites)('$name: a second pin is a no-op', ({ after }) => {
    const second = pin(after)

    expect(second.error).toBeUndefined()
    expect(second.text).toBe(after)
  })

  it('re-reading the rewritten file gives the new digests at the same places', () => {
    const before = rewrites.find(r => r.name.startsWith('an anchor'))?.before
    const text = pin(before ?? '').text ?? ''

    expect(scan(text).map(s => [s.line, s.yamlPath, s.ref?.digest])).toEqual([
      [5, 'services.a.image', NEW],
      [7, 'services.b.image', NEW],
      [9, 'services.c.image', NEW]
    ])
  })
})
