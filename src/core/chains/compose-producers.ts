/**
 * Compose services that build the image they name (CHAINS.md §A1.4):
 * `build:` (a string is the context; a mapping has `context`, default ".",
 * and `dockerfile`, default "Dockerfile", relative to the context) together
 * with `image:`. The context is relative to the Compose file's directory.
 * The image is built as `image:` says (tag default "latest") and as each
 * `build.tags` entry says. Without `image:` Compose names the build
 * `<project>_<service>`, which no FROM can pull by a registry name: no
 * producer. Variables take their `${VAR:-default}`; a Git context or
 * `dockerfile_inline` has no Dockerfile here: a problem that says so.
 * `extends` within the file is followed (core/yaml/compose-build.ts).
 */
import type { Document } from 'yaml'
import { isMap } from 'yaml'
import { buildOf } from '../yaml/compose-build.js'
import { mapGet, resolved, seqItems } from '../yaml/document.js'
import { interpolate } from './interpolate.js'
import type { Producer, ProducerProblem } from './model.js'
import { dirOf, isRemoteContext, joinPath } from './paths.js'
import { namedImage, runTimeTag } from './reference.js'
import { lineOf, readYamlSource, scalarText } from './yaml-source.js'
import type { YamlSource } from './yaml-source.js'

interface Read {
  producers: Producer[]
  problems: ProducerProblem[]
}

export function readComposeProducers(file: string, text: string): Read {
  const read = readYamlSource(file, text, 'images')
  if (!read.ok) return { producers: [], problems: [read.problem] }
  const out: Read = { producers: [], problems: [] }
  for (const document of read.source.documents) {
    const services = resolved(
      document,
      mapGet(document, document.contents, 'services')
    )
    if (!isMap(services)) continue
    for (const pair of services.items) {
      const name = scalarText(document, pair.key)
      if (name === undefined) continue
      const build = buildOf(document, services, name)
      if (build === undefined) continue
      const service = { source: read.source, document, name }
      readService(
        service,
        build.value,
        mapGet(document, pair.value, 'image'),
        out
      )
    }
  }
  return out
}

interface Service {
  readonly source: YamlSource
  readonly document: Document.Parsed
  readonly name: string
}

function problem(
  service: Service,
  node: unknown,
  why: string
): ProducerProblem {
  const { file } = service.source
  const line = lineOf(service.source, service.document, node)
  return {
    file,
    line,
    message: `Compose service "${service.name}" (${file}:${line}) is not read as a build of this repository: ${why}. List the image in the images setting (image=Dockerfile) to chain it.`
  }
}

type Place =
  | { readonly ok: true; readonly context: string; readonly dockerfile: string }
  | { readonly ok: false; readonly why: string }

function placeOf(service: Service, build: unknown): Place {
  const { document } = service
  const field = (key: string): string | undefined =>
    scalarText(document, mapGet(document, build, key))
  const whole = scalarText(document, build)
  if (
    whole === undefined &&
    mapGet(document, build, 'dockerfile_inline') !== undefined
  ) {
    return {
      ok: false,
      why: 'its Dockerfile is written inline (dockerfile_inline), not in a file'
    }
  }
  const rawContext = interpolate(whole ?? field('context') ?? '.')
  const rawFile = interpolate(
    whole === undefined ? (field('dockerfile') ?? 'Dockerfile') : 'Dockerfile'
  )
  for (const raw of [rawContext, rawFile]) {
    if (raw.unknownAt >= 0) {
      return { ok: false, why: `"${raw.text}" uses a variable with no default` }
    }
  }
  if (isRemoteContext(rawContext.text)) {
    return {
      ok: false,
      why: `its build context "${rawContext.text}" is a Git URL, not this checkout`
    }
  }
  const context = joinPath(dirOf(service.source.file), rawContext.text)
  const dockerfile =
    context === undefined ? undefined : joinPath(context, rawFile.text)
  if (context === undefined || dockerfile === undefined || dockerfile === '.') {
    return {
      ok: false,
      why: `its build context or Dockerfile is outside the repository`
    }
  }
  return { ok: true, context, dockerfile }
}

function readService(
  service: Service,
  build: unknown,
  image: unknown,
  out: Read
): void {
  const { document } = service
  const imageText = scalarText(document, image)
  if (imageText === undefined) return
  const place = placeOf(service, build)
  if (!place.ok) {
    out.problems.push(problem(service, build, place.why))
    return
  }
  const names = [
    { text: imageText, node: image },
    ...seqItems(document, mapGet(document, build, 'tags')).map(node => ({
      text: scalarText(document, node) ?? '',
      node
    }))
  ]
  const target = scalarText(document, mapGet(document, build, 'target'))
  for (const { text, node } of names) {
    const value = interpolate(text)
    const named =
      value.unknownAt < 0
        ? namedImage(value.text)
        : runTimeTag(value.text, value.unknownAt)
    if (named === undefined) {
      const why = `the image name "${text}" uses a variable with no default`
      out.problems.push(problem(service, node, why))
      continue
    }
    if (!named.ok) {
      out.problems.push(problem(service, node, named.error))
      continue
    }
    out.producers.push({
      dockerfile: place.dockerfile,
      context: place.context,
      repository: named.repository,
      ...(named.tag === undefined ? {} : { tags: [named.tag] }),
      ...(target === undefined ? {} : { target }),
      source: 'compose',
      declaredIn: {
        file: service.source.file,
        line: lineOf(service.source, document, node)
      }
    })
  }
}
