/**
 * Generators for the YAML rewrite properties (issue 10): Compose files,
 * Kubernetes manifests (multi-document) and GitHub workflows, written with
 * random quoting (plain, single, double), flow and block collections,
 * comments beside values and on their own lines, blank lines, CRLF or LF, a
 * leading BOM, anchors and aliases, `<<` merge keys, pinned `tag@sha256:…`
 * values, registries with ports, and decoys: image-like strings where no
 * image is (ConfigMap data, env, `with:`, `run:`, comments).
 *
 * A file is built as a small YAML tree (YNode) and rendered to text; the
 * renderer collects, for every image place it writes, what the scanner must
 * report there (the image and the skip code): the oracle of the "finds
 * every image place" property. Style choices (flow, quotes, comments, blank
 * lines) come from a seeded die, with chances fast-check shrinks to 0, so a
 * counterexample shrinks toward a plain block file.
 */
import fc from 'fast-check'

import type { FileKind } from '../../src/core/file-kind.js'
import type { SkipCode } from '../../src/core/image-site.js'
import { sha256 } from './arbitraries.js'

export interface ExpectedYamlSite {
  /** The image as the site reports it (without `docker://`, the default of `${VAR:-…}`). */
  readonly image: string
  readonly skip?: SkipCode
}

export interface YamlCase {
  readonly file: string
  readonly kind: FileKind
  readonly text: string
  /** One per image place written, in no particular order. */
  readonly expected: readonly ExpectedYamlSite[]
  /** Image-like strings written where no image is: never edited. */
  readonly decoys: readonly string[]
}

// ------------------------------------------------------------------ the tree

type Quote = 'plain' | 'single' | 'double'

interface YStr {
  readonly t: 'str'
  readonly value: string
  readonly quote: Quote
  anchor?: string
  /** What the scanner must report for this scalar (an image place). */
  readonly site?: ExpectedYamlSite
  /** Write `# freshbase: ignore` after it, when it ends a block line. */
  readonly ignore?: boolean
  /** Not an image place itself (Compose `x-base.image`), only through aliases and merges. */
  readonly silent?: boolean
  readonly comment?: string
}

interface YAlias {
  readonly t: 'alias'
  readonly name: string
  readonly site?: ExpectedYamlSite
}

interface YBlock {
  readonly t: 'block'
  readonly style: '|' | '>' | '|-'
  readonly lines: readonly string[]
}

interface YMap {
  readonly t: 'map'
  readonly flow: boolean
  readonly entries: readonly YEntry[]
  anchor?: string
}

interface YSeq {
  readonly t: 'seq'
  readonly flow: boolean
  /** Items at the parent key's indent (`key:\n- a`), as Kubernetes files often are. */
  readonly indentless: boolean
  readonly items: readonly YNode[]
}

type YNode = YStr | YAlias | YBlock | YMap | YSeq

interface YEntry {
  readonly key: string
  readonly value: YNode
  /** Comment lines (`# …`) and blank lines ('') written before the entry. */
  readonly above: readonly string[]
}

// ------------------------------------------------------------------ rendering

const RESERVED =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?\.?\d.*|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN))$/

/** Whether a value can be written plain in this context and read back as the same string. */
function plainSafe(value: string, flow: boolean): boolean {
  if (value === '' || RESERVED.test(value)) return false
  if (/^[-?:,[\]{}#&*!|>'"%@`\s]/.test(value)) return false
  if (/: |:$| #|\s$|\t/.test(value)) return false
  return !flow || !/[,[\]{}]/.test(value)
}

function quoted(node: YStr, flow: boolean): string {
  const style =
    node.quote === 'plain' && !plainSafe(node.value, flow)
      ? 'double'
      : node.quote
  if (style === 'single') return `'${node.value.replace(/'/g, "''")}'`
  if (style === 'double') return JSON.stringify(node.value)
  return node.value
}

class Rendering {
  readonly lines: string[] = []
  readonly sites: ExpectedYamlSite[] = []

  /** A node on one line (flow context when `flow`); sites recorded as met. */
  inline(node: YNode, flow: boolean, ignored = false): string {
    switch (node.t) {
      case 'str': {
        const anchor = node.anchor === undefined ? '' : `&${node.anchor} `
        if (node.site !== undefined && node.silent !== true)
          this.sites.push(
            ignored ? { image: node.value, skip: 'ignored' } : node.site
          )
        return anchor + quoted(node, flow)
      }
      case 'alias':
        if (node.site !== undefined) this.sites.push(node.site)
        return `*${node.name}`
      case 'block':
        return JSON.stringify(node.lines.join(' '))
      case 'map': {
        const anchor = node.anchor === undefined ? '' : `&${node.anchor} `
        const inner = node.entries
          .map(e => `${e.key}: ${this.inline(e.value, true)}`)
          .join(', ')
        return `${anchor}{${inner}}`
      }
      case 'seq':
        return `[${node.items.map(i => this.inline(i, true)).join(', ')}]`
    }
  }

  /** A value that ends a block line: its comment, or the ignore marker. */
  lineEnd(node: YNode): string {
    if (node.t === 'str' && node.ignore === true)
      return `${this.inline(node, false, true)} # freshbase: ignore`
    const text = this.inline(node, false)
    return node.t === 'str' && node.comment !== undefined
      ? `${text} # ${node.comment}`
      : text
  }

  map(map: YMap, indent: number, skipFirstAbove = false): void {
    for (const [i, entry] of map.entries.entries())
      this.entry(entry, indent, skipFirstAbove && i === 0)
  }

  entry(entry: YEntry, indent: number, skipAbove: boolean): void {
    const pad = ' '.repeat(indent)
    if (!skipAbove)
      for (const line of entry.above) this.lines.push(line && pad + line)
    const head = `${pad}${entry.key}:`
    const v = entry.value
    if (v.t === 'map' && !v.flow && v.entries.length > 0) {
      this.lines.push(v.anchor === undefined ? head : `${head} &${v.anchor}`)
      this.map(v, indent + 2)
    } else if (v.t === 'seq' && !v.flow && v.items.length > 0) {
      this.lines.push(head)
      this.seq(v, v.indentless ? indent : indent + 2)
    } else if (v.t === 'block') {
      this.lines.push(`${head} ${v.style}`)
      for (const line of v.lines) this.lines.push(line && `${pad}  ${line}`)
    } else this.lines.push(`${head} ${this.lineEnd(v)}`)
  }

  seq(seq: YSeq, indent: number): void {
    const pad = ' '.repeat(indent)
    for (const item of seq.items) {
      if (item.t === 'map' && !item.flow && item.entries.length > 0) {
        const first = this.lines.length
        this.map(item, indent + 2, true)
        const line = this.lines[first] ?? ''
        this.lines[first] = `${pad}- ${line.slice(indent + 2)}`
      } else if (item.t === 'block') {
        this.lines.push(`${pad}- ${item.style}`)
        for (const line of item.lines)
          this.lines.push(line && `${pad}  ${line}`)
      } else this.lines.push(`${pad}- ${this.lineEnd(item)}`)
    }
  }
}

export interface FileShape {
  readonly bom: boolean
  readonly crlf: boolean
  readonly finalEol: boolean
  /** `---` before the first document too. */
  readonly startMarker: boolean
  /** The whole root mapping on one line (`{apiVersion: v1, …}`). */
  readonly flowRoot: boolean
}

const fileShape: fc.Arbitrary<FileShape> = fc.record({
  bom: fc.boolean(),
  crlf: fc.boolean(),
  finalEol: fc.boolean(),
  startMarker: fc.boolean(),
  flowRoot: fc.constantFrom(false, false, false, false, true)
})

function render(
  documents: readonly YMap[],
  shape: FileShape
): { text: string; sites: ExpectedYamlSite[] } {
  const out = new Rendering()
  for (const [i, document] of documents.entries()) {
    if (i > 0 || shape.startMarker) out.lines.push('---')
    if (shape.flowRoot) out.lines.push(out.inline(document, false))
    else out.map(document, 0)
  }
  const eol = shape.crlf ? '\r\n' : '\n'
  const body = out.lines.join(eol) + (shape.finalEol ? eol : '')
  return { text: (shape.bom ? '\uFEFF' : '') + body, sites: out.sites }
}

// ------------------------------------------------------------ style choices

/** Chances of each style, shrinking to 0 (all block, plain, no comments). */
export interface Chances {
  readonly flow: number
  readonly quote: number
  readonly comment: number
  readonly blank: number
  readonly share: number
  readonly ignore: number
}

const chances: fc.Arbitrary<Chances> = fc.record({
  flow: fc.constantFrom(0, 0.15, 0.4),
  quote: fc.constantFrom(0, 0.3, 0.6),
  comment: fc.constantFrom(0, 0.2),
  blank: fc.constantFrom(0, 0.15),
  share: fc.constantFrom(0, 0.25),
  ignore: fc.constantFrom(0, 0.05)
})

/** A seeded die (mulberry32), so one integer decides every style choice. */
class Die {
  private state: number
  constructor(
    seed: number,
    readonly chances: Chances
  ) {
    this.state = seed >>> 0
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  roll(chance: number): boolean {
    return this.next() < chance
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)] as T
  }
}

const COMMENTS = [
  'pinned by hand',
  'image: decoy/comment:1',
  'FROM decoy/from:2',
  'keep in sync with ci',
  '☃ café 🐳'
]

/** Builds nodes with the die's style choices. */
export class Tree {
  readonly decoys: string[] = []
  private anchors = 0
  /** Earlier image scalars an alias may point to, per value prefix. */
  private pool = new Map<string, YStr[]>()

  constructor(private readonly die: Die) {}

  /** A new document: aliases never point into another one. */
  newDocument(): void {
    this.pool = new Map()
  }

  quote(): Quote {
    if (!this.die.roll(this.die.chances.quote)) return 'plain'
    return this.die.pick<Quote>(['single', 'double'])
  }

  str(value: string): YStr {
    const comment = this.die.roll(this.die.chances.comment)
    return {
      t: 'str',
      value,
      quote: this.quote(),
      ...(comment ? { comment: this.die.pick(COMMENTS) } : {})
    }
  }

  decoy(value: string): YStr {
    this.decoys.push(value)
    return this.str(value)
  }

  map(entries: readonly (readonly [string, YNode | undefined])[]): YMap {
    const kept = entries.filter(
      (e): e is readonly [string, YNode] => e[1] !== undefined
    )
    return {
      t: 'map',
      flow: this.die.roll(this.die.chances.flow),
      entries: kept.map(([key, value]) => ({
        key,
        value,
        above: this.above()
      }))
    }
  }

  seq(items: readonly YNode[]): YSeq {
    return {
      t: 'seq',
      flow: this.die.roll(this.die.chances.flow),
      indentless: this.die.roll(0.5),
      items
    }
  }

  block(lines: readonly string[]): YBlock {
    return { t: 'block', style: this.die.pick(['|', '>', '|-']), lines }
  }

  private above(): string[] {
    const lines: string[] = []
    if (this.die.roll(this.die.chances.blank)) lines.push('')
    if (this.die.roll(this.die.chances.comment))
      lines.push(`# ${this.die.pick(COMMENTS)}`)
    return lines
  }

  /**
   * An image place: a new scalar, or (by chance) an alias of an earlier
   * image scalar with the same prefix, whose anchor is then written.
   */
  image(value: ImageValue, prefix = '', silent = false): YStr | YAlias {
    const earlier = this.pool.get(prefix) ?? []
    const share = !silent && this.die.roll(this.die.chances.share)
    if (earlier.length > 0 && share) {
      const target = this.die.pick(earlier)
      target.anchor ??= `img${this.anchors++}`
      return {
        t: 'alias',
        name: target.anchor,
        ...(target.site === undefined ? {} : { site: target.site })
      }
    }
    const ignore = !silent && this.die.roll(this.die.chances.ignore)
    const node: YStr = {
      ...this.str(prefix + value.text),
      site: value.expected,
      ...(ignore ? { ignore } : {}),
      ...(silent ? { silent } : {})
    }
    if (!ignore) this.pool.set(prefix, [...earlier, node])
    return node
  }

  flowOf(value: number): boolean {
    return this.die.roll(value)
  }
}

// ------------------------------------------------------------------ images

/** `arbitrary` with probability `chance`, else undefined. */
function maybe<T>(
  arbitrary: fc.Arbitrary<T>,
  chance: number
): fc.Arbitrary<T | undefined> {
  const weight = Math.round(chance * 100)
  return fc.oneof(
    { weight: 100 - weight, arbitrary: fc.constant(undefined) },
    { weight, arbitrary }
  )
}

/** An image value as written, and what the scanner must report for it. */
export interface ImageValue {
  readonly text: string
  readonly expected: ExpectedYamlSite
}

const LOWER = 'abcdefghijklmnopqrstuvwxyz'
const word = fc
  .tuple(fc.constantFrom(...LOWER), fc.stringMatching(/^[a-z0-9]{0,5}$/))
  .map(([head, rest]) => head + rest)
  .filter(w => !/^(?:null|true|false|decoy)$/.test(w))

const component = fc
  .tuple(
    word,
    maybe(
      fc.tuple(
        fc.constantFrom('-', '_', '.', '__'),
        fc.stringMatching(/^[a-z0-9]{1,4}$/)
      ),
      0.3
    )
  )
  .map(([head, rest]) => (rest === undefined ? head : head + rest.join('')))

/** Registries as people write them, with ports among them. */
const registry = fc.constantFrom(
  undefined,
  undefined,
  undefined,
  'docker.io',
  'ghcr.io',
  'quay.io',
  'localhost:5000',
  '127.0.0.1:5000',
  'registry.example.com:8443',
  'Registry.Example.COM'
)

/** A valid reference: maybe a registry, 1-2 path components, maybe a tag, maybe a digest. */
const reference: fc.Arbitrary<ImageValue> = fc
  .record({
    registry,
    path: fc.array(component, { minLength: 1, maxLength: 2 }),
    tag: maybe(fc.stringMatching(/^\w[\w.-]{0,9}$/), 0.88),
    digest: maybe(sha256, 0.25)
  })
  .map(({ registry: domain, path, tag, digest }) => {
    const name = [domain, ...path].filter(Boolean).join('/')
    const text =
      name +
      (tag === undefined ? '' : `:${tag}`) +
      (digest === undefined ? '' : `@${digest}`)
    const digestOnly = tag === undefined && digest !== undefined
    return {
      text,
      expected: {
        image: text,
        ...(digestOnly ? { skip: 'digest-only' as const } : {})
      }
    }
  })

function variable(text: string): ImageValue {
  return { text, expected: { image: text, skip: 'variable' } }
}

/** Compose interpolation (YAML.md §1.3): a whole-value default is pinnable. */
const composeImage: fc.Arbitrary<ImageValue> = fc.oneof(
  { weight: 8, arbitrary: reference },
  {
    weight: 2,
    arbitrary: fc
      .tuple(reference, fc.constantFrom(':-', '-'))
      .map(([ref, op]) => ({
        text: `\${IMAGE${op}${ref.text}}`,
        expected: ref.expected
      }))
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('${REGISTRY}/app:1.0', 'ghcr.io/o/app:${TAG:-1}', '$IMAGE')
      .map(variable)
  }
)

/** GitHub expressions are only known when the workflow runs (YAML.md §3.2). */
const workflowImage: fc.Arbitrary<ImageValue> = fc.oneof(
  { weight: 10, arbitrary: reference },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('${{ matrix.image }}', 'ghcr.io/o/app:${{ env.TAG }}')
      .map(variable)
  }
)

const decoy = fc
  .tuple(word, fc.stringMatching(/^\d{1,2}(?:\.\d)?$/))
  .map(([name, tag]) => `decoy/${name}:${tag}`)

// ------------------------------------------------------------------ Compose

interface ServiceSpec {
  readonly image?: ImageValue
  /** Builds its image: the site is skipped (`built here`). */
  readonly build: boolean
  /** Takes its keys from `x-base` by `<<: *base`. */
  readonly merge: boolean
  readonly decoys: readonly string[]
}

const serviceSpec: fc.Arbitrary<ServiceSpec> = fc.record({
  image: maybe(composeImage, 0.9),
  build: fc.constantFrom(false, false, false, false, true),
  merge: fc.constantFrom(false, false, false, true),
  decoys: fc.array(decoy, { maxLength: 2 })
})

function serviceNode(
  tree: Tree,
  spec: ServiceSpec,
  base: boolean
): YMap | undefined {
  const merge = spec.merge && base
  // A built service's own image is never shared: pinning it breaks the build.
  const image =
    spec.image === undefined
      ? undefined
      : spec.build
        ? tree.str(spec.image.text)
        : tree.image(spec.image)
  const built: YStr | undefined =
    spec.build && spec.image !== undefined && image?.t === 'str'
      ? {
          ...image,
          site: { image: spec.image.expected.image, skip: 'built-here' }
        }
      : undefined
  if (image === undefined && !merge) return undefined
  if (spec.build && image === undefined) return undefined
  const [first, second] = spec.decoys
  return tree.map([
    ['<<', merge ? { t: 'alias', name: 'base' } : undefined],
    ['image', built ?? image],
    ['build', spec.build ? tree.str('.') : undefined],
    [
      'environment',
      first === undefined
        ? undefined
        : tree.map([['SIDECAR_IMAGE', tree.decoy(first)]])
    ],
    [
      'command',
      second === undefined
        ? undefined
        : tree.seq([tree.str('run'), tree.decoy(second)])
    ],
    ['ports', tree.seq([tree.str('8080:80')])]
  ])
}

/** The file, and the sites of services that take their image from `x-base` by merge. */
function composeFile(
  services: readonly ServiceSpec[],
  base: ImageValue | undefined,
  tree: Tree
): { document: YMap; merged: ExpectedYamlSite[] } {
  const baseNode =
    base === undefined
      ? undefined
      : tree.map([
          ['image', tree.image(base, '', true)],
          ['restart', tree.str('always')]
        ])
  if (baseNode !== undefined) baseNode.anchor = 'base'
  const entries: [string, YNode][] = []
  const merged: ExpectedYamlSite[] = []
  for (const [i, spec] of services.entries()) {
    const node = serviceNode(tree, spec, baseNode !== undefined)
    if (node === undefined) continue
    entries.push([`svc${i}`, node])
    const own = node.entries.some(e => e.key === 'image')
    if (!own && base !== undefined) merged.push(base.expected)
  }
  const document = tree.map([
    ['name', tree.str('bench')],
    ['x-base', baseNode],
    ['services', tree.map(entries)],
    ['volumes', tree.map([['data', tree.map([])]])],
    [
      'models',
      tree.map([['llm', tree.map([['model', tree.str('ai/smollm2')]])]])
    ]
  ])
  return { document, merged }
}

export const composeCase: fc.Arbitrary<YamlCase> = fc
  .record({
    services: fc.array(serviceSpec, { minLength: 1, maxLength: 5 }),
    base: maybe(reference, 0.4),
    chances,
    seed: fc.integer(),
    shape: fileShape
  })
  .map(({ services, base, chances: c, seed, shape }) => {
    const tree = new Tree(new Die(seed, c))
    const { document, merged } = composeFile(services, base, tree)
    const { text, sites } = render([document], shape)
    return {
      file: 'compose.yaml',
      kind: 'compose' as const,
      text,
      // A merged service's image is the base's scalar: one site each.
      expected: [...sites, ...merged],
      decoys: tree.decoys
    }
  })

// --------------------------------------------------------------- Kubernetes

interface ContainerSpec {
  readonly image: ImageValue
  readonly decoys: readonly string[]
}

const containerSpec: fc.Arbitrary<ContainerSpec> = fc.record({
  image: reference,
  decoys: fc.array(decoy, { maxLength: 2 })
})

interface PodSpec {
  readonly containers: readonly ContainerSpec[]
  readonly initContainers: readonly ContainerSpec[]
  readonly ephemeralContainers: readonly ContainerSpec[]
  /** Image volumes (`volumes[].image.reference`, Kubernetes 1.31+). */
  readonly imageVolumes: readonly ImageValue[]
}

const podSpec: fc.Arbitrary<PodSpec> = fc.record({
  containers: fc.array(containerSpec, { minLength: 1, maxLength: 2 }),
  initContainers: fc.array(containerSpec, { maxLength: 1 }),
  ephemeralContainers: fc.array(containerSpec, { maxLength: 1 }),
  imageVolumes: fc.array(reference, { maxLength: 1 })
})

type Workload =
  | 'Pod'
  | 'Deployment'
  | 'StatefulSet'
  | 'DaemonSet'
  | 'ReplicaSet'
  | 'Job'
  | 'CronJob'

type ManifestSpec =
  | { readonly kind: Workload; readonly pod: PodSpec }
  | {
      readonly kind: 'ConfigMap' | 'Widget'
      readonly decoys: readonly string[]
    }
  | { readonly kind: 'Service' }

const manifestSpec: fc.Arbitrary<ManifestSpec> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constantFrom<Workload>(
        'Pod',
        'Deployment',
        'StatefulSet',
        'DaemonSet',
        'ReplicaSet',
        'Job',
        'CronJob'
      ),
      pod: podSpec
    })
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom<'ConfigMap' | 'Widget'>('ConfigMap', 'Widget'),
      decoys: fc.array(decoy, { minLength: 1, maxLength: 2 })
    })
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'Service' as const }) }
)

const API_VERSION: Record<ManifestSpec['kind'], string> = {
  Pod: 'v1',
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
  ConfigMap: 'v1',
  Service: 'v1',
  Widget: 'example.com/v1'
}

function containerNode(tree: Tree, spec: ContainerSpec, name: string): YMap {
  const [first, second] = spec.decoys
  return tree.map([
    ['name', tree.str(name)],
    ['image', tree.image(spec.image)],
    [
      'env',
      first === undefined
        ? undefined
        : tree.seq([
            tree.map([
              ['name', tree.str('SIDECAR_IMAGE')],
              ['value', tree.decoy(first)]
            ])
          ])
    ],
    [
      'args',
      second === undefined
        ? undefined
        : tree.seq([tree.str('--image'), tree.decoy(second)])
    ]
  ])
}

function podNode(tree: Tree, pod: PodSpec, isPod: boolean): YMap {
  const list = (key: string, specs: readonly ContainerSpec[]) =>
    specs.length === 0
      ? undefined
      : tree.seq(specs.map((c, i) => containerNode(tree, c, `${key}${i}`)))
  // Built in the order they are written: an alias follows its anchor.
  const initContainers = list('init', pod.initContainers)
  const containers = list('app', pod.containers)
  // Only a Pod can be written with ephemeral containers.
  const ephemeral = isPod ? list('debug', pod.ephemeralContainers) : undefined
  const volumes = pod.imageVolumes.map((image, i) =>
    tree.map([
      ['name', tree.str(`artifact${i}`)],
      [
        'image',
        tree.map([
          ['reference', tree.image(image)],
          ['pullPolicy', tree.str('IfNotPresent')]
        ])
      ]
    ])
  )
  return tree.map([
    ['initContainers', initContainers],
    ['containers', containers],
    ['ephemeralContainers', ephemeral],
    [
      'volumes',
      tree.seq([
        ...volumes,
        tree.map([
          ['name', tree.str('config')],
          ['configMap', tree.map([['name', tree.str('settings')]])]
        ])
      ])
    ]
  ])
}

function workloadSpec(tree: Tree, kind: Workload, pod: YMap): YMap | YNode {
  const template = tree.map([
    ['metadata', tree.map([['labels', tree.map([['app', tree.str('web')]])]])],
    ['spec', pod]
  ])
  switch (kind) {
    case 'Pod':
      return pod
    case 'CronJob':
      return tree.map([
        ['schedule', tree.str('*/5 * * * *')],
        [
          'jobTemplate',
          tree.map([['spec', tree.map([['template', template]])]])
        ]
      ])
    case 'Job':
      return tree.map([['template', template]])
    default:
      return tree.map([
        ['replicas', tree.str('2')],
        [
          'selector',
          tree.map([['matchLabels', tree.map([['app', tree.str('web')]])]])
        ],
        ['template', template]
      ])
  }
}

function manifestNode(tree: Tree, spec: ManifestSpec): YMap {
  tree.newDocument()
  const head: [string, YNode][] = [
    ['apiVersion', tree.str(API_VERSION[spec.kind])],
    ['kind', tree.str(spec.kind)],
    ['metadata', tree.map([['name', tree.str(spec.kind.toLowerCase())]])]
  ]
  switch (spec.kind) {
    case 'Service':
      return tree.map([
        ...head,
        [
          'spec',
          tree.map([
            ['ports', tree.seq([tree.map([['port', tree.str('80')]])])]
          ])
        ]
      ])
    case 'ConfigMap':
      // Strings that read as images, in data: never an image place.
      return tree.map([
        ...head,
        [
          'data',
          tree.map([
            ['image', tree.decoy(spec.decoys[0] ?? '')],
            ['app.yaml', tree.block(spec.decoys.map(d => `image: ${d}`))]
          ])
        ]
      ])
    case 'Widget':
      // A custom resource's `image` is not a pod spec's.
      return tree.map([
        ...head,
        ['spec', tree.map([['image', tree.decoy(spec.decoys[0] ?? '')]])]
      ])
    default: {
      const pod = podNode(tree, spec.pod, spec.kind === 'Pod')
      return tree.map([...head, ['spec', workloadSpec(tree, spec.kind, pod)]])
    }
  }
}

export const kubernetesCase: fc.Arbitrary<YamlCase> = fc
  .record({
    manifests: fc.array(manifestSpec, { minLength: 1, maxLength: 4 }),
    chances,
    seed: fc.integer(),
    shape: fileShape
  })
  .map(({ manifests, chances: c, seed, shape }) => {
    const tree = new Tree(new Die(seed, c))
    const documents = manifests.map(m => manifestNode(tree, m))
    const { text, sites } = render(documents, shape)
    return {
      file: 'deploy/app.yaml',
      kind: 'kubernetes' as const,
      text,
      expected: sites,
      decoys: tree.decoys
    }
  })

// ------------------------------------------------------------ GitHub workflows

interface JobSpec {
  /** A string, or `{image: …}`. */
  readonly container?: { readonly image: ImageValue; readonly map: boolean }
  readonly services: readonly ImageValue[]
  readonly steps: readonly StepSpec[]
}

type StepSpec =
  | { readonly uses: 'docker'; readonly image: ImageValue }
  | { readonly uses: 'action' | 'run'; readonly decoy: string }

const stepSpec: fc.Arbitrary<StepSpec> = fc.oneof(
  fc.record({ uses: fc.constant('docker' as const), image: workflowImage }),
  fc.record({ uses: fc.constantFrom('action' as const, 'run' as const), decoy })
)

const jobSpec: fc.Arbitrary<JobSpec> = fc.record(
  {
    container: fc.record({ image: workflowImage, map: fc.boolean() }),
    services: fc.array(workflowImage, { maxLength: 2 }),
    steps: fc.array(stepSpec, { maxLength: 4 })
  },
  { requiredKeys: ['services', 'steps'] }
)

function stepNode(tree: Tree, step: StepSpec): YMap {
  switch (step.uses) {
    case 'docker':
      return tree.map([
        ['name', tree.str('in a container')],
        ['uses', tree.image(step.image, 'docker://')]
      ])
    case 'action':
      // Action inputs are the action's business, not images.
      return tree.map([
        ['uses', tree.str('owner/scan-action@v2')],
        [
          'with',
          tree.map([
            ['image', tree.decoy(step.decoy)],
            ['ref', tree.decoy(`docker://${step.decoy}`)]
          ])
        ]
      ])
    case 'run':
      return tree.map([
        [
          'run',
          tree.flowOf(0.5)
            ? tree.decoy(`docker pull ${step.decoy}`)
            : tree.block([`docker run --rm ${step.decoy}`, 'echo done'])
        ]
      ])
  }
}

function jobNode(tree: Tree, job: JobSpec): YMap {
  const container =
    job.container === undefined
      ? undefined
      : job.container.map
        ? tree.map([
            ['image', tree.image(job.container.image)],
            ['options', tree.str('--user 1001')]
          ])
        : tree.image(job.container.image)
  const services = job.services.map((image, i): [string, YNode] => [
    `svc${i}`,
    tree.map([
      ['image', tree.image(image)],
      ['ports', tree.seq([tree.str('5432:5432')])]
    ])
  ])
  return tree.map([
    ['runs-on', tree.str('ubuntu-latest')],
    ['container', container],
    ['services', services.length === 0 ? undefined : tree.map(services)],
    [
      'steps',
      tree.seq([
        tree.map([['uses', tree.str('actions/checkout@v4')]]),
        ...job.steps.map(s => stepNode(tree, s))
      ])
    ]
  ])
}

export const workflowCase: fc.Arbitrary<YamlCase> = fc
  .record({
    jobs: fc.array(jobSpec, { minLength: 1, maxLength: 3 }),
    envDecoy: decoy,
    chances,
    seed: fc.integer(),
    shape: fileShape
  })
  .map(({ jobs, envDecoy, chances: c, seed, shape }) => {
    const tree = new Tree(new Die(seed, c))
    const document = tree.map([
      ['name', tree.str('ci')],
      ['on', tree.seq([tree.str('push'), tree.str('pull_request')])],
      ['env', tree.map([['BASE_IMAGE', tree.decoy(envDecoy)]])],
      [
        'jobs',
        tree.map(
          jobs.map((job, i): [string, YNode] => [`job${i}`, jobNode(tree, job)])
        )
      ]
    ])
    const { text, sites } = render([document], shape)
    return {
      file: '.github/workflows/ci.yml',
      kind: 'workflow' as const,
      text,
      expected: sites,
      decoys: tree.decoys
    }
  })
