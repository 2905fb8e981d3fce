import { describe, expect, test } from 'vitest'
import { scanFile } from '../../../src/core/scan.js'
import { looksLikeKubernetes } from '../../../src/core/yaml/kubernetes.js'
import { brief, digestFor, pinAll } from './pin-all.js'

/** The suffix pinAll writes for an image name. */
const at = (name: string): string => `@${digestFor(name)}`

const deployment = (containers: string): string =>
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
${containers}`

interface Extraction {
  readonly name: string
  readonly text: string
  readonly sites: readonly string[]
  readonly paths?: readonly string[]
}

const extractions: readonly Extraction[] = [
  {
    name: 'Deployment: init containers, containers, ephemeral containers and image volumes',
    text: deployment(`      initContainers:
        - name: init
          image: busybox:1.36
      containers:
        - name: app
          image: ghcr.io/o/app:1.2
        - name: sidecar
          image: envoyproxy/envoy:v1.30.1
      ephemeralContainers:
        - name: debug
          image: alpine:3.20
      volumes:
        - name: data
          image:
            reference: quay.io/o/data:7
            pullPolicy: IfNotPresent
        - name: cache
          emptyDir: {}
`),
    sites: [
      '10 container busybox:1.36',
      '13 container ghcr.io/o/app:1.2',
      '15 container envoyproxy/envoy:v1.30.1',
      '18 container alpine:3.20',
      '22 image-volume quay.io/o/data:7'
    ],
    paths: [
      'spec.template.spec.initContainers[0].image',
      'spec.template.spec.containers[0].image',
      'spec.template.spec.containers[1].image',
      'spec.template.spec.ephemeralContainers[0].image',
      'spec.template.spec.volumes[0].image.reference'
    ]
  },
  {
    name: 'Pod: spec',
    text: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - {name: a, image: nginx:1.27}\n',
    sites: ['5 container nginx:1.27'],
    paths: ['spec.containers[0].image']
  },
  {
    name: 'CronJob: spec.jobTemplate.spec.template.spec',
    text: 'apiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: job\n              image: alpine:3.20\n',
    sites: ['11 container alpine:3.20'],
    paths: ['spec.jobTemplate.spec.template.spec.containers[0].image']
  },
  {
    name: 'PodTemplate: template.spec',
    text: 'apiVersion: v1\nkind: PodTemplate\ntemplate:\n  spec:\n    containers:\n      - name: a\n        image: redis:7.2\n',
    sites: ['7 container redis:7.2'],
    paths: ['template.spec.containers[0].image']
  },
  ...[
    'StatefulSet',
    'DaemonSet',
    'ReplicaSet',
    'ReplicationController',
    'Job'
  ].map(kind => ({
    name: `${kind}: spec.template.spec`,
    text: `apiVersion: apps/v1\nkind: ${kind}\nspec:\n  template:\n    spec:\n      containers:\n        - image: postgres:16\n`,
    sites: ['7 container postgres:16']
  })),
  {
    name: 'a custom resource with a pod template (Argo Rollout) counts',
    text: 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec:\n  template:\n    spec:\n      containers:\n        - image: ghcr.io/o/app:2\n',
    sites: ['7 container ghcr.io/o/app:2']
  },
  {
    name: 'a strategic-merge patch is a partial Deployment: a container without image names nothing',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          resources: {limits: {cpu: "1"}}\n        - name: proxy\n          image: nginx:1.27\n        - $patch: delete\n          name: old\n',
    sites: ['11 container nginx:1.27'],
    paths: ['spec.template.spec.containers[1].image']
  },
  {
    name: 'a List: each item by the same rule',
    text: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    spec:\n      containers: [{image: nginx:1.27}]\n  - apiVersion: v1\n    kind: ConfigMap\n    data: {image: "redis:7"}\n',
    sites: ['7 container nginx:1.27'],
    paths: ['items[0].spec.containers[0].image']
  },
  {
    name: 'spec.containers of a kind that is not a Pod is not a pod spec',
    text: 'apiVersion: example.com/v1\nkind: Widget\nspec:\n  containers:\n    - image: nginx:1.27\n',
    sites: []
  },
  {
    name: 'a document without apiVersion or kind is not a manifest',
    text: 'kind: Deployment\nspec:\n  template:\n    spec:\n      containers: [{image: nginx:1.27}]\n---\napiVersion: v1\nspec:\n  containers: [{image: nginx:1.27}]\n',
    sites: []
  },
  {
    name: 'Renovate: image: inside a ConfigMap block scalar is a false positive',
    text: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  image: nginx:1.27
  compose.yaml: |
    services:
      web:
        image: nginx:1.25
  env: |-
    - image: redis:7
---
${deployment('      containers:\n        - image: nginx:1.27\n')}`,
    sites: ['22 container nginx:1.27']
  },
  {
    name: 'a variable: Kubernetes expands none in an image',
    text: deployment(
      '      containers:\n        - image: ${IMAGE}\n        - image: ghcr.io/o/app:$(TAG)\n'
    ),
    sites: [
      '9 container ${IMAGE} skip:variable',
      '10 container ghcr.io/o/app:$(TAG) skip:variable'
    ]
  },
  {
    name: 'block scalar, digest-only, invalid and ignored images are skipped',
    text: deployment(`      containers:
        - image: >-
            nginx:1.27
        - image: nginx@sha256:${'a'.repeat(64)}
        - image: Nginx:1
        - image: redis:7 # freshbase: ignore
        # freshbase: ignore
        - image: redis:8
`),
    sites: [
      '9 container nginx:1.27 skip:unsupported',
      `11 container nginx@sha256:${'a'.repeat(64)} skip:digest-only`,
      '12 container Nginx:1 skip:invalid',
      '13 container redis:7 skip:ignored',
      '15 container redis:8 skip:ignored'
    ]
  }
]

describe('Kubernetes: what is found', () => {
  test.each(extractions)('$name', ({ text, sites, paths }) => {
    const found = scanFile('deploy/app.yaml', text, 'kubernetes')
    expect(found.map(brief)).toEqual(sites)
    if (paths !== undefined) expect(found.map(s => s.yamlPath)).toEqual(paths)
    for (const site of found) {
      expect(site.kind).toBe('kubernetes')
      if (site.skip !== undefined && site.skip.code !== 'ignored') {
        expect(site.skip.message).toContain(site.yamlPath)
        expect(site.skip.message).toMatch(/^[A-Z`a-z].*\.$/)
      }
    }
  })
})

interface Rewrite {
  readonly name: string
  readonly before: string
  readonly after: string
}

const rewrites: readonly Rewrite[] = [
  {
    name: 'Dependabot: quoted image in k8s YAML not updated (#7527)',
    before: deployment(
      `      containers:\n        - image: "nginx:1.27"\n        - image: 'ghcr.io/o/app:1.2' # pinned by hand\n`
    ),
    after: deployment(
      `      containers:\n        - image: "nginx:1.27${at('nginx')}"\n        - image: 'ghcr.io/o/app:1.2${at('ghcr.io/o/app')}' # pinned by hand\n`
    )
  },
  {
    name: 'Dependabot: same image twice in one manifest → Expected content to change! (#16234)',
    before: deployment(
      '      initContainers:\n        - image: nginx:1.27\n      containers:\n        - image: nginx:1.27\n'
    ),
    after: deployment(
      `      initContainers:\n        - image: nginx:1.27${at('nginx')}\n      containers:\n        - image: nginx:1.27${at('nginx')}\n`
    )
  },
  {
    name: 'multi-document file with CRLF and --- separators',
    before:
      '---\r\napiVersion: v1\r\nkind: Pod\r\nspec:\r\n  containers:\r\n    - image: nginx:1.27\r\n---\r\napiVersion: v1\r\nkind: ConfigMap\r\ndata: {image: "x:1"}\r\n--- # the job\r\napiVersion: batch/v1\r\nkind: Job\r\nspec:\r\n  template:\r\n    spec:\r\n      containers:\r\n        - image: alpine:3.20\r\n...\r\n',
    after: `---\r\napiVersion: v1\r\nkind: Pod\r\nspec:\r\n  containers:\r\n    - image: nginx:1.27${at('nginx')}\r\n---\r\napiVersion: v1\r\nkind: ConfigMap\r\ndata: {image: "x:1"}\r\n--- # the job\r\napiVersion: batch/v1\r\nkind: Job\r\nspec:\r\n  template:\r\n    spec:\r\n      containers:\r\n        - image: alpine:3.20${at('alpine')}\r\n...\r\n`
  },
  {
    name: 'flow-style containers and volumes',
    before:
      'apiVersion: v1\nkind: Pod\nspec: {containers: [{name: a, image: nginx:1.27}, {name: b, image: "redis:7"}], volumes: [{name: v, image: {reference: quay.io/o/d:1}}]}\n',
    after: `apiVersion: v1\nkind: Pod\nspec: {containers: [{name: a, image: nginx:1.27${at('nginx')}}, {name: b, image: "redis:7${at('redis')}"}], volumes: [{name: v, image: {reference: quay.io/o/d:1${at('quay.io/o/d')}}}]}\n`
  },
  {
    name: 'the value on the next line',
    before: deployment(
      '      containers:\n        - image:\n            nginx:1.27\n'
    ),
    after: deployment(
      `      containers:\n        - image:\n            nginx:1.27${at('nginx')}\n`
    )
  },
  {
    name: 'an untagged image is pinned at latest, as Kubernetes pulls it',
    before: deployment('      containers:\n        - image: nginx\n'),
    after: deployment(
      `      containers:\n        - image: nginx:latest${at('nginx')}\n`
    )
  },
  {
    name: 'an aliased image is edited once, at its anchor',
    before: deployment(
      '      containers:\n        - image: &img nginx:1.27\n        - image: *img\n'
    ),
    after: deployment(
      `      containers:\n        - image: &img nginx:1.27${at('nginx')}\n        - image: *img\n`
    )
  },
  {
    name: 'a BOM and a comment next to the value stay',
    before: `\uFEFF${deployment('      containers:\n        - image: nginx:1.27   # web\n')}`,
    after: `\uFEFF${deployment(`      containers:\n        - image: nginx:1.27${at('nginx')}   # web\n`)}`
  }
]

describe('Kubernetes: byte-exact rewrite', () => {
  test.each(rewrites)('$name', ({ before, after }) => {
    const first = pinAll('k8s/app.yaml', before, 'kubernetes')
    expect(first.error).toBeUndefined()
    expect(first.text).toBe(after)
    const second = pinAll('k8s/app.yaml', after, 'kubernetes')
    expect(second.error).toBeUndefined()
    expect(second.text).toBe(after)
  })

  test('a pinned image is refreshed in place: only the digest changes', () => {
    const old = `nginx:1.27@sha256:${'a'.repeat(64)}`
    const text = deployment(
      `      containers:\n        - image: ${old} # keep\n`
    )
    const fresh = `sha256:${'b'.repeat(64)}`
    const result = pinAll('app.yaml', text, 'kubernetes', () => fresh)
    expect(result.text).toBe(text.replace(old, `nginx:1.27@${fresh}`))
  })
})

describe('templates and the content check', () => {
  test('Helm template with {{ }} skipped whole, once', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      containers:
        - image: {{ .Values.image.repository }}:{{ .Values.image.tag }}
        {{- if .Values.sidecar.enabled }}
        - image: {{ .Values.sidecar.image }}
        {{- end }}
        - image: busybox:1.36
`
    const sites = scanFile(
      'chart/templates/deployment.yaml',
      text,
      'kubernetes'
    )
    expect(sites.map(brief)).toEqual(['7 file  skip:template'])
    expect(sites[0]?.skip?.message).toMatch(/template.*line 7.*values\.yaml/)
  })

  test.each([
    [
      'a manifest',
      'apiVersion: v1\nkind: Pod\nspec: {containers: [{image: a:1}]}',
      true
    ],
    [
      'JSON',
      '{"apiVersion": "v1", "kind": "Pod", "spec": {"containers": [{"image": "a:1"}]}}',
      true
    ],
    ['no image', 'apiVersion: v1\nkind: ConfigMap\ndata: {a: b}', false],
    ['no apiVersion', 'services:\n  web:\n    image: nginx:1\n', false],
    ['no kind', 'apiVersion: 1\nimage: x:1\n', false]
  ])('looksLikeKubernetes: %s', (_name, text, expected) => {
    expect(looksLikeKubernetes(text)).toBe(expected)
  })

  test('a file the content check turns away is not parsed (no invalid-YAML site)', () => {
    expect(scanFile('x.yaml', 'a: [unclosed\nimage: x', 'kubernetes')).toEqual(
      []
    )
    expect(
      scanFile(
        'x.yaml',
        'apiVersion: v1\nkind: Pod\nimage: [unclosed',
        'kubernetes'
      ).map(s => s.skip?.code)
    ).toEqual(['template'])
  })
})
