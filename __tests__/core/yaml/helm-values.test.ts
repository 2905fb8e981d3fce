import { describe, expect, test } from 'vitest'
import { scanFile } from '../../../src/core/scan.js'
import { brief, digestFor, pinAll } from './pin-all.js'

/** The suffix pinAll writes for an image name. */
const at = (name: string): string => `@${digestFor(name)}`
const DIGEST = `sha256:${'c'.repeat(64)}`

interface Extraction {
  readonly name: string
  readonly text: string
  readonly sites: readonly string[]
  readonly paths?: readonly string[]
  /** A piece of each skipped site's message, in order. */
  readonly says?: readonly RegExp[]
}

const extractions: readonly Extraction[] = [
  {
    name: '{registry, repository, tag}: the image is registry/repository:tag, the site is the tag',
    text: 'image:\n  registry: ghcr.io\n  repository: o/app\n  tag: "1.2"\n  pullPolicy: IfNotPresent\n',
    sites: ['4 helm-values ghcr.io/o/app:1.2'],
    paths: ['image.tag']
  },
  {
    name: 'whole image strings with a tag at any depth, in sequences, under *Image keys',
    text: 'image: nginx:1.27\nworker:\n  initImage: busybox:1.36\n  extraContainers:\n    - name: log\n      image: "fluent/fluent-bit:3.0"\n',
    sites: [
      '1 helm-values nginx:1.27',
      '3 helm-values busybox:1.36',
      '6 helm-values fluent/fluent-bit:3.0'
    ],
    paths: ['image', 'worker.initImage', 'worker.extraContainers[0].image']
  },
  {
    name: 'an empty digest: (the Bitnami default) is no digest',
    text: 'image:\n  registry: docker.io\n  repository: bitnami/redis\n  tag: 7.2.4-debian-12-r9\n  digest: ""\n',
    sites: ['4 helm-values docker.io/bitnami/redis:7.2.4-debian-12-r9']
  },
  {
    name: 'pullPolicy, other strings and keys that do not end in image are not images',
    text: 'image:\n  pullPolicy: Always\nimagePullSecrets: [{name: regcred}]\nnote: nginx:1.27\nrepository: nginx\ntag: "1.27"\nuseImage: true\nimage2: nginx:1\n',
    sites: []
  },
  {
    name: 'Renovate: empty Helm tag → literal undefined',
    text: 'image:\n  repository: nginx\n  tag: ""\nproxy:\n  image:\n    repository: envoyproxy/envoy\n    tag:\nother:\n  image: {repository: redis}\n',
    sites: [
      '3 helm-values nginx skip:unsupported',
      '7 helm-values envoyproxy/envoy skip:unsupported',
      '9 helm-values redis skip:unsupported'
    ],
    paths: ['image.tag', 'proxy.image.tag', 'other.image.tag'],
    says: [/image\.tag is empty.*default/, /tag is empty/, /tag is empty/]
  },
  {
    name: 'Renovate: Helm digest: key ignored (renovate#26719)',
    text: `image:\n  repository: nginx\n  tag: "1.27"\n  digest: ${DIGEST}\n`,
    sites: [`4 helm-values nginx:1.27@${DIGEST} skip:unsupported`],
    paths: ['image.digest'],
    says: [/put the digest in tag as tag@sha256:… or remove digest:/]
  },
  {
    name: 'nested image.image',
    text: 'image:\n  image: nginx\n  tag: "1.27"\n',
    sites: ['2 helm-values nginx:1.27 skip:unsupported'],
    paths: ['image.image'],
    says: [/image\.image names the image and its tag is beside it/]
  },
  {
    name: 'a nested image.image that is a whole reference is a string image',
    text: 'image:\n  image: nginx:1.27\n  pullPolicy: Always\n',
    sites: ['2 helm-values nginx:1.27'],
    paths: ['image.image']
  },
  {
    name: 'a number tag: YAML reads tag: 1.10 as 1.1, so quote the tag',
    text: 'image:\n  repository: nginx\n  tag: 1.10\n',
    sites: ['3 helm-values nginx:1.10 skip:unsupported'],
    says: [
      /image\.tag is written 1\.10, which YAML reads as the number 1\.1, not a tag; quote it \(tag: "1\.10"\)/
    ]
  },
  {
    name: 'version: instead of tag:',
    text: 'image:\n  repository: nginx\n  version: "1.27"\n',
    sites: ['3 helm-values nginx:1.27 skip:unsupported'],
    paths: ['image.version'],
    says: [/image names its tag in version:/]
  },
  {
    name: 'a tag override without repository (values-prod.yaml)',
    text: 'image:\n  tag: "2.0"\n',
    sites: ['2 helm-values 2.0 skip:unsupported'],
    says: [/image sets a tag with no repository: beside it/]
  },
  {
    name: 'an untagged string may be only a repository: skipped, never pinned to latest',
    text: 'image: nginx\n',
    sites: ['1 helm-values nginx skip:unsupported'],
    says: [/image \(nginx\) has no tag/]
  },
  {
    name: 'a placeholder, a digest-only string and an ignored image',
    text: `image: \${IMAGE}\nsidecarImage: nginx@${DIGEST}\njobImage: redis:7 # freshbase: ignore\nempty:\n  image: ""\n`,
    sites: [
      '1 helm-values ${IMAGE} skip:variable',
      `2 helm-values nginx@${DIGEST} skip:digest-only`,
      '3 helm-values redis:7 skip:ignored'
    ],
    says: [
      /image holds a placeholder.*Helm does not expand/,
      /sidecarImage has no tag/
    ]
  },
  {
    name: 'image: text inside a block scalar is not an image',
    text: 'extraManifests: |\n  image: nginx:1.27\nconfig:\n  image: >-\n    nginx:1.27\n',
    sites: ['4 helm-values nginx:1.27 skip:unsupported'],
    says: [/config\.image is written as a block scalar/]
  },
  {
    name: 'an ignore comment above a mapping image skips its tag',
    text: 'image:\n  repository: nginx\n  # freshbase: ignore\n  tag: "1.27"\n',
    sites: ['4 helm-values nginx:1.27 skip:ignored']
  },
  {
    name: 'a merged image mapping: the tag is found where it is written',
    text: 'defaults: &img\n  repository: nginx\n  tag: "1.27"\napi:\n  image:\n    <<: *img\n    tag: "1.28"\nweb:\n  image: *img\n',
    sites: ['7 helm-values nginx:1.28', '3 helm-values nginx:1.27'],
    paths: ['api.image.tag', 'web.image.tag']
  },
  {
    name: 'an inline merge: its keys belong to the mapping they are merged into',
    text: 'worker:\n  <<: {image: busybox:1.36}\n  replicas: 2\n',
    sites: ['2 helm-values busybox:1.36'],
    paths: ['worker.image']
  }
]

describe('Helm values: what is found', () => {
  test.each(extractions)('$name', ({ text, sites, paths, says }) => {
    const found = scanFile('chart/values.yaml', text, 'helm-values')
    expect(found.map(brief)).toEqual(sites)
    if (paths !== undefined) expect(found.map(s => s.yamlPath)).toEqual(paths)
    const skipped = found.filter(
      s => s.skip !== undefined && s.skip.code !== 'ignored'
    )
    if (says !== undefined) {
      expect(skipped).toHaveLength(says.length)
      for (const [i, re] of says.entries()) {
        expect(skipped[i]?.skip?.message).toMatch(re)
      }
    }
    for (const site of skipped) {
      const place = (site.yamlPath ?? '').replace(/\.[^.]*$/, '')
      expect(site.skip?.message).toContain(place)
      expect(site.skip?.message).toMatch(/\.$/)
    }
  })
})

const rewrites: readonly { name: string; before: string; after: string }[] = [
  {
    name: 'the pin goes into the tag, quotes and comment kept',
    before:
      'image:\n  registry: ghcr.io\n  repository: o/app\n  tag: "1.2" # app version\nsidecar:\n  image:\n    repository: nginx\n    tag: \'1.27\'\n',
    after: `image:\n  registry: ghcr.io\n  repository: o/app\n  tag: "1.2${at('ghcr.io/o/app')}" # app version\nsidecar:\n  image:\n    repository: nginx\n    tag: '1.27${at('nginx')}'\n`
  },
  {
    name: 'a plain tag and a whole image string, CRLF',
    before:
      'image:\r\n  repository: bitnami/redis\r\n  tag: 7.2.4-debian-12-r9\r\n  digest: ""\r\nmetrics:\r\n  image: {registry: docker.io, repository: oliver006/redis_exporter, tag: v1.58.0}\r\njobImage: busybox:1.36\r\n',
    after: `image:\r\n  repository: bitnami/redis\r\n  tag: 7.2.4-debian-12-r9${at('bitnami/redis')}\r\n  digest: ""\r\nmetrics:\r\n  image: {registry: docker.io, repository: oliver006/redis_exporter, tag: v1.58.0${at('docker.io/oliver006/redis_exporter')}}\r\njobImage: busybox:1.36${at('busybox')}\r\n`
  },
  {
    name: 'Renovate: empty Helm tag → literal undefined (nothing is written)',
    before: 'image:\n  repository: nginx\n  tag: ""\n',
    after: 'image:\n  repository: nginx\n  tag: ""\n'
  },
  {
    name: 'the same image twice: each place pinned',
    before:
      'a:\n  image: {repository: nginx, tag: "1.27"}\nb:\n  image: {repository: nginx, tag: "1.27"}\n',
    after: `a:\n  image: {repository: nginx, tag: "1.27${at('nginx')}"}\nb:\n  image: {repository: nginx, tag: "1.27${at('nginx')}"}\n`
  }
]

describe('Helm values: byte-exact rewrite', () => {
  test.each(rewrites)('$name', ({ before, after }) => {
    const first = pinAll('values.yaml', before, 'helm-values')
    expect(first.error).toBeUndefined()
    expect(first.text).toBe(after)
    const second = pinAll('values.yaml', after, 'helm-values')
    expect(second.error).toBeUndefined()
    expect(second.text).toBe(after)
  })

  test('a pinned tag is refreshed: only the digest changes', () => {
    const text = `image:\n  repository: nginx\n  tag: 1.27@${DIGEST}\n`
    const fresh = `sha256:${'d'.repeat(64)}`
    const result = pinAll('values.yaml', text, 'helm-values', () => fresh)
    expect(result.text).toBe(text.replace(DIGEST, fresh))
    expect(result.sites.map(s => s.image)).toEqual([`nginx:1.27@${DIGEST}`])
  })

  test('Helm template with {{ }} skipped whole, once', () => {
    const text =
      'image:\n  repository: nginx\n  tag: "1.27"\nextra:\n  image: "{{ .Values.global.registry }}/app:1.0"\n  other: "{{ .Release.Name }}"\n'
    const result = pinAll('values.yaml', text, 'helm-values')
    expect(result.sites.map(brief)).toEqual(['5 file  skip:template'])
    expect(result.text).toBe(text)
  })
})
