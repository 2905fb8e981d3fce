/**
 * The mixed repository (issue 10, "Performance"): N files over the same
 * seeded images as the Dockerfile repository (bench/repository.ts). Half
 * of them name images, in every kind Freshbase reads: Dockerfiles, Compose
 * files (quoted, plain and `${VAR:-default}` images, a service built here),
 * Kubernetes manifests (multi-document Deployments and CronJobs with
 * containers and initContainers, a ConfigMap whose text says `image: x:1`,
 * which must not be read), kustomizations, Helm values, GitHub workflows
 * (job container, services, `uses: docker://`) and `.gitlab-ci.yml` files.
 * The other half is YAML that names no image (settings, OpenAPI specs,
 * translations; none says `apiVersion`), which the content check turns
 * away unparsed. Deterministic: image file i names images i and 7i+3, some
 * pins stale (the first push), some current, some tag-only.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Image, Pin, UsedTag } from './repository.js'
import { dockerfile, tagUsage } from './repository.js'

export interface MixedRepository {
  readonly used: UsedTag[]
  /** Files written, by kind as the report names them. */
  readonly kinds: Record<string, number>
  /** The top-level folders that hold only YAML without images. */
  readonly imageless: readonly string[]
}

type Use = (img: Image, pin?: Pin) => void

interface Shape {
  readonly kind: string
  readonly path: (i: number) => string
  readonly text: (i: number, a: Image, b: Image, use: Use) => string
}

/** Files that name images: the first ⌈N/2⌉; the rest are YAML without images. */
export async function generateMixedRepository(
  root: string,
  files: number,
  images: readonly Image[]
): Promise<MixedRepository> {
  const { use, list } = tagUsage()
  const kinds: Record<string, number> = {}
  const write = async (path: string, kind: string, text: string) => {
    kinds[kind] = (kinds[kind] ?? 0) + 1
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), text)
  }
  const withImages = Math.ceil(files / 2)
  for (let i = 0; i < withImages; i++) {
    const shape = SHAPES[i % SHAPES.length] as Shape
    const a = images[i % images.length] as Image
    const b = images[(i * 7 + 3) % images.length] as Image
    await write(shape.path(i), shape.kind, shape.text(i, a, b, use))
  }
  for (let j = 0; j < files - withImages; j++) {
    const shape = IMAGELESS[j % IMAGELESS.length] as Imageless
    await write(shape.path(j), 'YAML without images', shape.text(j))
  }
  return { used: list(), kinds, imageless: IMAGELESS.map(s => s.folder) }
}

/** Image a: stale in one file of 8, current in every other, else tag-only; b: current in one of 3. */
function pins(i: number): { a: Pin | undefined; b: Pin | undefined } {
  return {
    a: i % 8 === 3 ? 'old' : i % 2 === 1 ? 'current' : undefined,
    b: i % 3 === 0 ? 'current' : undefined
  }
}

/** `img3` for `library/img3`, as users write Docker Hub's official images. */
const short = (img: Image): string => img.repository.replace(/^library\//, '')

/** `v0.1` or `v0.1@sha256:…`, counted as used. */
function tagRef(img: Image, pin: Pin | undefined, use: Use): string {
  use(img, pin)
  return pin === undefined ? img.tag : `${img.tag}@${img[pin].indexDigest}`
}

/** `img3:v0.1`, pinned or not, counted as used. */
function ref(img: Image, pin: Pin | undefined, use: Use): string {
  return `${short(img)}:${tagRef(img, pin, use)}`
}

/** The Dockerfile repository's five shapes, in turn over the Dockerfiles (files 0, 9, 10, 19, …). */
const dockerShape = (i: number): number =>
  Math.floor(i / 10) * 2 + (i % 10 === 9 ? 1 : 0)

const dir = (i: number): string => `svc${Math.floor(i / 100)}/s${i}`

const SHAPES: readonly Shape[] = [
  {
    kind: 'Dockerfiles',
    path: i => `${dir(i)}/Dockerfile`,
    text: (i, a, b, use) =>
      [`# service ${i}`, ...dockerfile(dockerShape(i), a, b, use), ''].join(
        '\n'
      )
  },
  { kind: 'Compose files', path: i => `${dir(i)}/compose.yaml`, text: compose },
  {
    kind: 'Kubernetes manifests',
    path: i => `${dir(i)}/deploy/app.yaml`,
    text: deployment
  },
  {
    kind: 'GitHub workflows',
    path: i => `.github/workflows/ci-${i}.yml`,
    text: workflow
  },
  {
    kind: 'Compose files',
    path: i => `${dir(i)}/docker-compose.prod.yml`,
    text: composeProd
  },
  {
    kind: 'kustomizations',
    path: i => `${dir(i)}/overlay/kustomization.yaml`,
    text: kustomization
  },
  {
    kind: 'Helm values',
    path: i => `${dir(i)}/chart/values.yaml`,
    text: helmValues
  },
  {
    kind: 'Kubernetes manifests',
    path: i => `${dir(i)}/deploy/cron.yaml`,
    text: cronJob
  },
  {
    kind: 'GitLab CI files',
    path: i => `${dir(i)}/.gitlab-ci.yml`,
    text: gitlabCi
  },
  {
    kind: 'Dockerfiles',
    path: i => `${dir(i)}/worker.Dockerfile`,
    text: (i, a, b, use) =>
      [`# worker ${i}`, ...dockerfile(dockerShape(i), a, b, use), ''].join('\n')
  }
]

function compose(i: number, a: Image, b: Image, use: Use): string {
  const p = pins(i)
  return `name: svc-${i}
services:
  web:
    build: .
    image: acme/web-${i}:latest
  api:
    image: "${ref(a, p.a, use)}"
    depends_on: [db]
    ports: ["8080:8080"]
  db:
    image: ${ref(b, p.b, use)}
    environment:
      POSTGRES_PASSWORD: example
  cache:
    image: \${CACHE_IMAGE:-${ref(a, p.a, use)}}
`
}

function composeProd(i: number, a: Image, b: Image, use: Use): string {
  const p = pins(i)
  return `services:
  api:
    image: ${ref(a, p.a, use)}
    platform: linux/arm64
    deploy:
      replicas: 3
  worker:
    image: '${ref(b, p.b, use)}'
    command: ["worker", "--queue", "jobs-${i}"]
`
}

function deployment(i: number, a: Image, b: Image, use: Use): string {
  const p = pins(i)
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  labels: {app: app-${i}}
spec:
  replicas: 2
  selector:
    matchLabels: {app: app-${i}}
  template:
    metadata:
      labels: {app: app-${i}}
    spec:
      initContainers:
        - name: migrate
          image: ${ref(b, p.b, use)}
          args: [migrate]
      containers:
        - name: app
          image: "${ref(a, p.a, use)}"
          ports:
            - containerPort: 8080
          env:
            - name: MODE
              value: production
---
apiVersion: v1
kind: Service
metadata:
  name: app-${i}
spec:
  selector: {app: app-${i}}
  ports:
    - port: 80
      targetPort: 8080
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: notes-${i}
data:
  README: |
    To debug, start a pod with
    image: x:1
`
}

function cronJob(i: number, a: Image, b: Image, use: Use): string {
  const p = pins(i)
  return `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report-${i}
spec:
  schedule: "*/15 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
            - name: wait
              image: ${ref(b, p.b, use)}
          containers:
            - name: report
              image: ${ref(a, p.a, use)}
              args: ["--since", "15m"]
`
}

function kustomization(i: number, a: Image, b: Image, use: Use): string {
  const p = pins(i)
  return `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: svc-${i}
resources:
  - ../deploy
images:
  - name: ${short(a)}
    newTag: ${tagRef(a, p.a, use)}
  - name: app-placeholder
    newName: ${short(b)}
    newTag: "${tagRef(b, p.b, use)}"
`
}

function helmValues(i: number, a: Image, b: Image, use: Use): string {
  const p = pins(i)
  return `replicaCount: 2
image:
  repository: ${short(a)}
  tag: "${tagRef(a, p.a, use)}"
  pullPolicy: IfNotPresent
sidecar:
  image: ${ref(b, p.b, use)}
service:
  type: ClusterIP
  port: 80
ingress:
  enabled: false
  host: svc-${i}.example.com
`
}

function workflow(i: number, a: Image, b: Image, use: Use): string {
  const p = pins(i)
  return `name: ci-${i}
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    container:
      image: ${ref(a, p.a, use)}
    services:
      db:
        image: ${ref(b, p.b, use)}
    steps:
      - uses: actions/checkout@v4
      - uses: docker://${ref(a, p.a, use)}
        with:
          args: make test
`
}

function gitlabCi(i: number, a: Image, b: Image, use: Use): string {
  const p = pins(i)
  return `stages: [test, deploy]
image: ${ref(a, p.a, use)}
test:
  stage: test
  services:
    - name: ${ref(b, p.b, use)}
      alias: db
  script: [make test]
deploy-${i}:
  stage: deploy
  image:
    name: ${ref(b, p.b, use)}
    entrypoint: [""]
  script: [make deploy]
`
}

interface Imageless {
  readonly folder: string
  readonly path: (j: number) => string
  readonly text: (j: number) => string
}

/** YAML that names no image and never says `apiVersion` (the content check needs it). */
const IMAGELESS: readonly Imageless[] = [
  {
    folder: 'config',
    path: j => `config/g${Math.floor(j / 300)}/app-${j}.yaml`,
    text: settings
  },
  {
    folder: 'openapi',
    path: j => `openapi/g${Math.floor(j / 300)}/spec-${j}.yaml`,
    text: openapi
  },
  {
    folder: 'i18n',
    path: j => `i18n/g${Math.floor(j / 300)}/messages-${j}.yml`,
    text: messages
  }
]

function settings(j: number): string {
  return `# settings of app ${j}
server:
  host: 0.0.0.0
  port: ${8000 + (j % 1000)}
  timeouts: {read: 30s, write: 30s, idle: 120s}
database:
  host: db-${j % 17}.internal
  port: 5432
  name: app_${j}
  pool: {min: 2, max: ${10 + (j % 5)}}
cache:
  ttl: 300
  size: 10000
features:
  - name: new-checkout
    enabled: ${j % 2 === 0}
  - name: dark-mode
    enabled: true
logging:
  level: info
  format: json
  fields: [request_id, user_id, route]
`
}

function openapi(j: number): string {
  const resource = ['orders', 'users', 'invoices', 'products'][j % 4] ?? 'items'
  return `openapi: 3.0.3
info:
  title: Service ${j}
  version: 1.${j % 10}.0
servers:
  - url: https://svc-${j}.example.com/v1
paths:
  /${resource}:
    get:
      summary: List ${resource}
      parameters:
        - {name: limit, in: query, schema: {type: integer, maximum: 100}}
        - {name: cursor, in: query, schema: {type: string}}
      responses:
        "200":
          description: A page of ${resource}
          content:
            application/json:
              schema:
                type: array
                items: {$ref: "#/components/schemas/Item"}
    post:
      summary: Create one
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Item"}
      responses:
        "201": {description: Created}
components:
  schemas:
    Item:
      type: object
      required: [id, name]
      properties:
        id: {type: string, format: uuid}
        name: {type: string}
        kind: {type: string, enum: [standard, premium]}
        created: {type: string, format: date-time}
`
}

function messages(j: number): string {
  return `# translations, set ${j}
greeting: Hello
farewell: Goodbye
upload:
  title: Upload an image
  hint: PNG or JPEG, at most 5 MB
  error: That kind of image cannot be read
cart:
  empty: Your cart is empty
  items: "{count} items"
  checkout: Check out
errors:
  not_found: We could not find that page
  server: Something went wrong on our side (${j})
`
}
