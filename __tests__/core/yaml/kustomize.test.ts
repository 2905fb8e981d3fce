import { describe, expect, test } from 'vitest'
import { scanFile } from '../../../src/core/scan.js'
import { brief, digestFor, pinAll } from './pin-all.js'

/** The suffix pinAll writes for an image name. */
const at = (name: string): string => `@${digestFor(name)}`
const DIGEST = `sha256:${'e'.repeat(64)}`
const HEAD =
  'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - deployment.yaml\nimages:\n'

interface Extraction {
  readonly name: string
  /** The `images:` entries, after HEAD (line 6 on). */
  readonly entries: string
  readonly sites: readonly string[]
  readonly paths?: readonly string[]
  readonly says?: readonly RegExp[]
}

const extractions: readonly Extraction[] = [
  {
    name: 'newTag: the image is (newName ?? name):newTag, the site is newTag',
    entries:
      '  - name: nginx\n    newTag: "1.27"\n  - name: app\n    newName: ghcr.io/o/app\n    newTag: v2.1.0\n',
    sites: ['7 kustomize nginx:1.27', '10 kustomize ghcr.io/o/app:v2.1.0'],
    paths: ['images[0].newTag', 'images[1].newTag']
  },
  {
    name: 'newName carrying its tag, no newTag: the site is newName',
    entries:
      '  - name: app\n    newName: ghcr.io/o/app:1.2\n  - name: db\n    newName: postgres:16@' +
      DIGEST +
      '\n',
    sites: [
      '7 kustomize ghcr.io/o/app:1.2',
      `9 kustomize postgres:16@${DIGEST}`
    ],
    paths: ['images[0].newName', 'images[1].newName']
  },
  {
    name: 'digest and newTag both: kustomize ignores newTag when digest is set',
    entries: `  - name: nginx\n    newTag: "1.27"\n    digest: ${DIGEST}\n`,
    sites: [`8 kustomize nginx:1.27@${DIGEST} skip:unsupported`],
    paths: ['images[0].digest'],
    says: [/kustomize ignores the tag when a digest is set; keep one/]
  },
  {
    name: 'digest only: no tag to track',
    entries: `  - name: nginx\n    newName: mirror.example.com/nginx\n    digest: ${DIGEST}\n`,
    sites: [`8 kustomize mirror.example.com/nginx@${DIGEST} skip:digest-only`],
    says: [/images\[0\] sets only digest:.*newTag: tag@sha256:…/]
  },
  {
    name: 'name only, or a rename without a tag: the tag is in the workload',
    entries:
      '  - name: prom/prometheus\n  - name: nginx\n    newName: mirror.example.com/nginx\n  - name: registry.local:5000/app\n    newName: registry.local:5000/app2\n',
    sites: [
      '6 kustomize prom/prometheus skip:unsupported',
      '8 kustomize mirror.example.com/nginx skip:unsupported',
      '10 kustomize registry.local:5000/app2 skip:unsupported'
    ],
    paths: ['images[0].name', 'images[1].newName', 'images[2].newName'],
    says: [/only renames the image/, /only renames/, /only renames/]
  },
  {
    name: 'a number newTag, a digest in newTag, no name, a placeholder',
    entries: `  - name: nginx\n    newTag: 1.10\n  - name: redis\n    newTag: ${DIGEST}\n  - newName: x/y\n    newTag: "1"\n  - name: app\n    newTag: \${TAG}\n`,
    sites: [
      '7 kustomize nginx:1.10 skip:unsupported',
      `9 kustomize redis@${DIGEST} skip:invalid`,
      '10 kustomize x/y skip:invalid',
      '13 kustomize app:${TAG} skip:variable'
    ],
    says: [
      /images\[0\]\.newTag is written 1\.10, which YAML reads as the number 1\.1, not a tag; quote it \(newTag: "1\.10"\)/,
      /images\[1\]\.newTag holds a digest/,
      /images\[2\] has no name:/,
      /images\[3\]\.newTag holds a placeholder/
    ]
  },
  {
    name: 'an ignore comment and an empty newTag',
    entries:
      '  - name: nginx\n    newTag: "1.27" # freshbase: ignore\n  - name: redis\n    newTag: ""\n',
    sites: [
      '7 kustomize nginx:1.27 skip:ignored',
      '8 kustomize redis skip:unsupported'
    ]
  }
]

describe('kustomize: what is found', () => {
  test.each(extractions)('$name', ({ entries, sites, paths, says }) => {
    const found = scanFile(
      'overlays/prod/kustomization.yaml',
      HEAD + entries,
      'kustomize'
    )
    expect(found.map(brief)).toEqual(sites)
    if (paths !== undefined) expect(found.map(s => s.yamlPath)).toEqual(paths)
    const skipped = found.filter(
      s => s.skip !== undefined && s.skip.code !== 'ignored'
    )
    if (says !== undefined) {
      expect(skipped).toHaveLength(says.length)
      for (const [i, re] of says.entries())
        expect(skipped[i]?.skip?.message).toMatch(re)
    }
    for (const site of skipped) {
      expect(site.skip?.message).toContain(
        (site.yamlPath ?? '').replace(/\.[^.]*$/, '')
      )
      expect(site.skip?.message).toMatch(/\.$/)
    }
  })

  test('images: in a patch or a ConfigMap generator is not read; only the root images list is', () => {
    const text = `${HEAD}  - name: nginx\n    newTag: "1.27"\npatches:\n  - patch: |-\n      - op: replace\n        path: /spec/template/spec/containers/0/image\n        value: redis:7\nconfigMapGenerator:\n  - name: c\n    literals: [image=redis:7]\n`
    expect(
      scanFile('kustomization.yaml', text, 'kustomize').map(brief)
    ).toEqual(['7 kustomize nginx:1.27'])
  })
})

const rewrites: readonly { name: string; before: string; after: string }[] = [
  {
    name: 'the pin goes into newTag as tag@sha256:…',
    before: `${HEAD}  - name: nginx\n    newTag: "1.27"\n  - name: app\n    newName: ghcr.io/o/app\n    newTag: v2 # release\n`,
    after: `${HEAD}  - name: nginx\n    newTag: "1.27${at('nginx')}"\n  - name: app\n    newName: ghcr.io/o/app\n    newTag: v2${at('ghcr.io/o/app')} # release\n`
  },
  {
    name: 'a tagged newName, flow style, CRLF',
    before: `${HEAD.replace(/\n/g, '\r\n')}  - {name: app, newName: 'ghcr.io/o/app:1.2'}\r\n`,
    after: `${HEAD.replace(/\n/g, '\r\n')}  - {name: app, newName: 'ghcr.io/o/app:1.2${at('ghcr.io/o/app')}'}\r\n`
  },
  {
    name: 'the same image in two entries (Dependabot #16234 shape): both pinned',
    before: `${HEAD}  - name: a\n    newName: nginx\n    newTag: "1.27"\n  - name: b\n    newName: nginx\n    newTag: "1.27"\n`,
    after: `${HEAD}  - name: a\n    newName: nginx\n    newTag: "1.27${at('nginx')}"\n  - name: b\n    newName: nginx\n    newTag: "1.27${at('nginx')}"\n`
  }
]

describe('kustomize: byte-exact rewrite', () => {
  test.each(rewrites)('$name', ({ before, after }) => {
    const first = pinAll('kustomization.yaml', before, 'kustomize')
    expect(first.error).toBeUndefined()
    expect(first.text).toBe(after)
    const second = pinAll('kustomization.yaml', after, 'kustomize')
    expect(second.error).toBeUndefined()
    expect(second.text).toBe(after)
  })

  test('a pinned newTag is refreshed: only the digest changes, never a digest: key added', () => {
    const text = `${HEAD}  - name: nginx\n    newTag: 1.27@${DIGEST}\n`
    const fresh = `sha256:${'f'.repeat(64)}`
    const result = pinAll('kustomization.yaml', text, 'kustomize', () => fresh)
    expect(result.text).toBe(text.replace(DIGEST, fresh))
  })
})
