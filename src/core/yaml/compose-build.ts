/**
 * Images a Compose build reads by name (compose-spec build.md
 * `additional_contexts`): `name: docker-image://alpine:3.20` in a mapping,
 * or `name=docker-image://…` in a list. They are build inputs like a FROM,
 * so pinning them is safe; other contexts (paths, URLs, `service:x`) are not
 * images. `dockerfile_inline` is a Dockerfile in a block scalar: left alone.
 */
import type { Document, Pair, YAMLMap } from 'yaml'
import { isMap, isScalar, isSeq } from 'yaml'
import type { ImageSite } from '../image-site.js'
import type { YamlFile } from './document.js'
import { mapGetRaw, mapPairs, resolved, stringOf } from './document.js'
import { scalarSite } from './scalar.js'

const DOCKER_IMAGE = 'docker-image://'

export function contextSites(
  yaml: YamlFile,
  document: Document.Parsed,
  servicePath: string,
  build: Pair | undefined
): ImageSite[] {
  if (build === undefined) return []
  const path = `${servicePath}.build.additional_contexts`
  const contexts = resolved(
    document,
    mapGetRaw(document, build.value, 'additional_contexts')
  )
  if (isMap(contexts)) {
    return [...mapPairs(document, contexts)].flatMap(([name, pair]) =>
      contextSite(yaml, document, pair.value, `${path}.${name}`, DOCKER_IMAGE)
    )
  }
  if (!isSeq(contexts)) return []
  return contexts.items.flatMap((item, index) => {
    const text = stringOf(document, item) ?? ''
    const equals = text.indexOf('=')
    const prefix = `${text.slice(0, equals + 1)}${DOCKER_IMAGE}`
    return equals < 0
      ? []
      : contextSite(yaml, document, item, `${path}[${index}]`, prefix)
  })
}

function contextSite(
  yaml: YamlFile,
  document: Document.Parsed,
  node: unknown,
  yamlPath: string,
  prefix: string
): ImageSite[] {
  const value = stringOf(document, node)
  if (value === undefined || !value.startsWith(prefix)) return []
  return [
    scalarSite(yaml, document, node, {
      source: 'compose',
      yamlPath,
      variables: 'compose',
      prefix
    })
  ]
}

/**
 * The `build:` that makes a service build its image: its own, or that of
 * the service it `extends:` in the same file (compose-spec 05-services.md
 * `extends`: the base's attributes are merged in). `build: !reset null`
 * in an override removes it (13-merge.md). An `extends` with `file:` is
 * not followed: no updater reads across files (YAML.md §1.5).
 */
export function buildOf(
  document: Document.Parsed,
  services: YAMLMap,
  name: string,
  seen: Set<string> = new Set()
): Pair | undefined {
  if (seen.has(name)) return undefined
  seen.add(name)
  const pair = mapPairs(document, services).get(name)
  const service = resolved(document, pair?.value)
  if (!isMap(service)) return undefined
  const fields = mapPairs(document, service)
  const own = fields.get('build')
  if (own !== undefined) return isReset(own.value) ? undefined : own
  const base = extendedName(document, fields.get('extends')?.value)
  return base === undefined
    ? undefined
    : buildOf(document, services, base, seen)
}

function isReset(node: unknown): boolean {
  return isScalar(node) && node.tag === '!reset'
}

/** `extends: base` or `extends: {service: base}` within this file. */
function extendedName(
  document: Document.Parsed,
  node: unknown
): string | undefined {
  const text = stringOf(document, node)
  if (text !== undefined) return text
  const map = resolved(document, node)
  if (!isMap(map)) return undefined
  const fields = mapPairs(document, map)
  if (fields.has('file')) return undefined
  return stringOf(document, fields.get('service')?.value)
}
