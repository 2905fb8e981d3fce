/**
 * Docker Compose files (issue 10, YAML.md §1): `services.<name>.image` in
 * every document, read as YAML so flow style, JSON style, quotes, anchors
 * and merge keys are all seen (Renovate's line mapper drops them, Dependabot
 * misses quoted and JSON-style values: YAML.md §6).
 *
 * A service with `build:` builds the image it names: pinning that `image:`
 * breaks `docker compose build` (BuildKit refuses to tag with a digest), so
 * it is skipped and said (Renovate drops it silently, Dependabot pins it).
 * An anchored image shared by several services is one edit, at its anchor;
 * when one of its users may not be pinned, none is (compose-share.ts).
 */
import type { Document, Pair, YAMLMap } from 'yaml'
import { isAlias, isMap, isScalar, isSeq } from 'yaml'
import type { ImageSite } from '../image-site.js'
import { buildOf, contextSites } from './compose-build.js'
import type { Draft } from './compose-share.js'
import { settleShared, unpinned } from './compose-share.js'
import type { YamlFile } from './document.js'
import { mapPairs, resolved, stringOf } from './document.js'
import { IGNORED, scalarSite, skip } from './scalar.js'

export function scanCompose(yaml: YamlFile): ImageSite[] {
  return yaml.documents.flatMap(document =>
    settleShared(documentDrafts(yaml, document))
  )
}

function documentDrafts(yaml: YamlFile, document: Document.Parsed): Draft[] {
  const root = resolved(document, document.contents)
  if (!isMap(root)) return []
  const top = mapPairs(document, root)
  const services = top.get('services')
  if (services === undefined) return legacyDrafts(yaml, document, top)
  const map = resolved(document, services.value)
  if (!isMap(map)) return []
  return [...mapPairs(document, map)].flatMap(([name, pair]) =>
    serviceDrafts(yaml, document, name, pair, buildOf(document, map, name))
  )
}

function serviceDrafts(
  yaml: YamlFile,
  document: Document.Parsed,
  name: string,
  servicePair: Pair,
  build: Pair | undefined
): Draft[] {
  const service = resolved(document, servicePair.value)
  if (!isMap(service)) return []
  const path = `services.${name}`
  const fields = mapPairs(document, service)
  const drafts: Draft[] = []
  const image = fields.get('image')
  if (image !== undefined) {
    const use = { servicePair, service, image, build }
    drafts.push(imageDraft(yaml, document, path, fields, use))
  }
  for (const site of contextSites(yaml, document, path, fields.get('build')))
    drafts.push({ site })
  // In the order they are written (stable for sites on one line).
  return drafts.sort((a, b) => a.site.line - b.site.line)
}

interface ImageUse {
  readonly servicePair: Pair
  readonly service: YAMLMap
  readonly image: Pair
  /** The build that makes the service build its image (own or extended). */
  readonly build: Pair | undefined
}

function imageDraft(
  yaml: YamlFile,
  document: Document.Parsed,
  path: string,
  fields: Map<string, Pair>,
  use: ImageUse
): Draft {
  const platform = literal(stringOf(document, fields.get('platform')?.value))
  const found = scalarSite(yaml, document, use.image.value, {
    source: 'compose',
    yamlPath: `${path}.image`,
    variables: 'compose',
    ...(platform === undefined ? {} : { platform })
  })
  const site = usedAt(yaml, found, useLine(yaml, document, use))
  const target = resolved(document, use.image.value)
  const anchor = isScalar(target) ? target : undefined
  const build = use.build
  // Built here wins over any other reason but the user's own ignore mark.
  if (build === undefined || site.skip?.code === 'ignored')
    return { site, anchor }
  const message = `${path}.image names the image this service builds (${buildShown(yaml, document, build)}), so it is not pinned: a digest there breaks "docker compose build". Pin the base images in the Dockerfile it builds instead.`
  return { site: skip(unpinned(site), 'built-here', message), anchor }
}

/** A platform Freshbase can use: written literally, without variables. */
function literal(value: string | undefined): string | undefined {
  return value === undefined || value.includes('$') ? undefined : value
}

function buildShown(
  yaml: YamlFile,
  document: Document.Parsed,
  build: Pair
): string {
  const key = build.key as { range?: [number, number, number] | null }
  const line = yaml.lineAt(key.range?.[0] ?? 0)
  const value = resolved(document, build.value)
  const text = stringOf(document, value)
  if (text !== undefined) return `build: ${text} on line ${line}`
  const context = isMap(value)
    ? stringOf(document, mapPairs(document, value).get('context')?.value)
    : undefined
  return context === undefined
    ? `build: on line ${line}`
    : `build.context: ${context} on line ${line}`
}

/**
 * The line where the service takes the image, when that is not where the
 * scalar is written: the `<<: *base` that merges it in, or `web: *other`.
 * Undefined when the service spells `image:` itself (scalarSite's line).
 */
function useLine(
  yaml: YamlFile,
  document: Document.Parsed,
  use: ImageUse
): number | undefined {
  const { servicePair, service, image } = use
  if (isAlias(servicePair.value))
    return yaml.lineAt(servicePair.value.range?.[0] ?? 0)
  if (service.items.includes(image)) return undefined
  const merge = service.items.find(
    pair => isMergeKey(pair.key) && supplies(document, pair, image)
  )
  const key = (merge ?? servicePair).key as {
    range?: [number, number, number] | null
  }
  return yaml.lineAt(key.range?.[0] ?? 0)
}

function usedAt(
  yaml: YamlFile,
  site: ImageSite,
  line: number | undefined
): ImageSite {
  if (line === undefined) return site
  const moved = { ...site, line }
  return moved.skip === undefined && yaml.ignoredAt(line)
    ? skip(unpinned(moved), 'ignored', IGNORED)
    : moved
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (key.value === '<<' || typeof key.value === 'symbol')
}

/** Whether the merge pair brings in this very `image` pair. */
function supplies(
  document: Document.Parsed,
  merge: Pair,
  image: Pair
): boolean {
  const value = resolved(document, merge.value)
  const sources = isSeq(value) ? value.items : [value]
  return sources.some(source => {
    const map = resolved(document, source)
    return isMap(map) && mapPairs(document, map).get('image') === image
  })
}

/**
 * Compose file format v1 put services at the top level; Docker Compose v2
 * no longer reads it ("additional properties not allowed"). Said once per
 * document rather than pinned, so the user knows why nothing was found.
 */
function legacyDrafts(
  yaml: YamlFile,
  document: Document.Parsed,
  top: Map<string, Pair>
): Draft[] {
  const first = [...top].find(([name, pair]) => {
    if (name.startsWith('x-')) return false
    const value = resolved(document, pair.value)
    if (!isMap(value)) return false
    const fields = mapPairs(document, value)
    return fields.has('image') || fields.has('build')
  })
  if (first === undefined) return []
  const [name, pair] = first
  const key = pair.key as { range?: [number, number, number] | null }
  const line = yaml.lineAt(key.range?.[0] ?? 0)
  const message = `${yaml.file} names services at the top level ("${name}" on line ${line}): Compose file format v1, which Docker Compose v2 no longer reads. Move them under "services:" to let Freshbase pin their images.`
  const site: ImageSite = {
    file: yaml.file,
    kind: yaml.kind,
    line,
    source: 'file',
    image: ''
  }
  return [{ site: skip(site, 'unsupported', message) }]
}
