/**
 * Bake definitions in JSON: docker-bake.json, and what `docker buildx bake
 * --print` prints (the same shape, every variable, function and `inherits`
 * already resolved). Per target (CHAINS.md §A1.3, buildx bake/bake.go):
 * `context` defaults to ".", relative to the bake file's directory
 * (a `cwd://` prefix means the same here); `dockerfile` defaults to
 * "Dockerfile" and is relative to the context; `tags` are references. In a
 * hand-written docker-bake.json, `inherits` is followed and `${VAR}` takes
 * the `variable.VAR.default`; a remote context, an absolute path or
 * `dockerfile-inline` is a problem that says why.
 */
import { interpolate } from './interpolate.js'
import type { Producer, ProducerProblem } from './model.js'
import { dirOf, isRemoteContext, joinPath } from './paths.js'
import { namedImage, runTimeTag } from './reference.js'
import { isObject } from '../json.js'
import type { JsonObject } from '../json.js'

interface Read {
  producers: Producer[]
  problems: ProducerProblem[]
}

type Json = JsonObject

export function readBakeProducers(file: string, json: string): Read {
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch (error) {
    const why = (error as Error).message
    return {
      producers: [],
      problems: [
        {
          file,
          line: 1,
          message: `${file} is not valid JSON (${why}), so the images its bake targets build are not known; fix it or list them in the images setting.`
        }
      ]
    }
  }
  const out: Read = { producers: [], problems: [] }
  const root = isObject(parsed) ? parsed : {}
  const targets = isObject(root.target) ? root.target : {}
  const variables = variableDefaults(root.variable)
  for (const name of Object.keys(targets).sort()) {
    const target = merged(targets, name, new Set())
    readTarget({ file, json, name, variables }, target, out)
  }
  return out
}

interface Bake {
  readonly file: string
  readonly json: string
  readonly name: string
  readonly variables: Readonly<Record<string, string>>
}

function variableDefaults(node: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (!isObject(node)) return out
  for (const [name, value] of Object.entries(node)) {
    const fallback = isObject(value) ? value.default : undefined
    if (typeof fallback === 'string') out[name] = fallback
  }
  return out
}

/** The target with the attributes of those it `inherits` (its own win). */
function merged(targets: Json, name: string, seen: Set<string>): Json {
  const own = targets[name]
  if (!isObject(own) || seen.has(name)) return {}
  seen.add(name)
  const parents = Array.isArray(own.inherits) ? own.inherits : []
  let out: Json = {}
  for (const parent of parents) {
    if (typeof parent === 'string')
      out = { ...out, ...merged(targets, parent, seen) }
  }
  return { ...out, ...own }
}

/** 1-based line of the target's key in the text (1 when not found). */
function lineOfTarget(bake: Bake): number {
  const start = Math.max(0, bake.json.indexOf('"target"'))
  const key = JSON.stringify(bake.name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const match = new RegExp(`${key}\\s*:\\s*\\{`).exec(bake.json.slice(start))
  if (match === null) return 1
  return bake.json.slice(0, start + match.index).split('\n').length
}

function problem(bake: Bake, why: string): ProducerProblem {
  const line = lineOfTarget(bake)
  return {
    file: bake.file,
    line,
    message: `Bake target "${bake.name}" (${bake.file}:${line}) is not read as a build of this repository: ${why}. List the images it builds in the images setting (image=Dockerfile) to chain them.`
  }
}

type Place =
  | { readonly ok: true; readonly context: string; readonly dockerfile: string }
  | { readonly ok: false; readonly why: string }

function placeOf(bake: Bake, target: Json): Place {
  if (typeof target['dockerfile-inline'] === 'string') {
    return { ok: false, why: 'its Dockerfile is inline (dockerfile-inline)' }
  }
  const text = (key: string, fallback: string): string => {
    const value = target[key]
    return typeof value === 'string' && value !== '' ? value : fallback
  }
  const rawContext = interpolate(text('context', '.'), bake.variables)
  const rawFile = interpolate(text('dockerfile', 'Dockerfile'), bake.variables)
  for (const raw of [rawContext, rawFile]) {
    if (raw.unknownAt >= 0) {
      return { ok: false, why: `"${raw.text}" uses a variable with no default` }
    }
  }
  const contextText = rawContext.text.replace(/^cwd:\/\//, '')
  if (isRemoteContext(contextText) || contextText.startsWith('target:')) {
    return {
      ok: false,
      why: `its context "${contextText}" is not a directory of this checkout`
    }
  }
  const context = joinPath(dirOf(bake.file), contextText)
  const dockerfile =
    context === undefined ? undefined : joinPath(context, rawFile.text)
  if (context === undefined || dockerfile === undefined || dockerfile === '.') {
    return {
      ok: false,
      why: 'its context or Dockerfile is absolute or outside the repository'
    }
  }
  return { ok: true, context, dockerfile }
}

function readTarget(bake: Bake, target: Json, out: Read): void {
  const tags = Array.isArray(target.tags)
    ? target.tags.filter((t): t is string => typeof t === 'string')
    : []
  if (tags.length === 0) return
  const place = placeOf(bake, target)
  if (!place.ok) {
    out.problems.push(problem(bake, place.why))
    return
  }
  const stage =
    typeof target.target === 'string' && target.target !== ''
      ? target.target
      : undefined
  const known = new Map<string, Set<string>>()
  for (const tag of tags) {
    const value = interpolate(tag, bake.variables)
    const named =
      value.unknownAt < 0
        ? namedImage(value.text)
        : runTimeTag(value.text, value.unknownAt)
    if (named === undefined || !named.ok) {
      const why =
        named === undefined
          ? 'uses a variable with no default in the image name'
          : named.error
      out.problems.push(
        problem(
          bake,
          `tag "${tag}" ${named === undefined ? why : `is not an image reference (${why})`}`
        )
      )
      continue
    }
    const set = known.get(named.repository) ?? new Set<string>()
    if (named.tag !== undefined) set.add(named.tag)
    known.set(named.repository, set)
  }
  for (const [repository, set] of known) {
    out.producers.push({
      dockerfile: place.dockerfile,
      context: place.context,
      repository,
      ...(set.size === 0 ? {} : { tags: [...set].sort() }),
      ...(stage === undefined ? {} : { target: stage }),
      source: 'bake',
      declaredIn: { file: bake.file, line: lineOfTarget(bake) }
    })
  }
}
