/**
 * GitHub workflow steps that build an image with docker/build-push-action
 * (CHAINS.md §A1.1): `file` (repository-relative, not relative to the
 * context) defaults to `{context}/Dockerfile`; `context` defaults to the
 * Git context, the repository root; `{{defaultContext}}:sub` is `sub`.
 * `tags` are references (list, CSV or lines); one from
 * `${{ steps.<id>.outputs.… }}` of docker/metadata-action names the
 * repositories of that step's `images`, tags known at run time only.
 * `${{ matrix.<key> }}` of a literal matrix is expanded, `${{ env.X }}`
 * of a literal env value substituted; anything else is a problem that
 * says where and what to do.
 */
import type { Document } from 'yaml'
import { mapEntries, mapGet, seqItems, stringOf } from '../yaml/document.js'
import type { Producer, ProducerProblem } from './model.js'
import { isRemoteContext, joinPath, normalPath } from './paths.js'
import { listItems, namedImage, runTimeTag } from './reference.js'
import { metadataImages, outputsStep } from './workflow-metadata.js'
import {
  envScope,
  firstExpression,
  matrixCombos,
  matrixKeys,
  substitute
} from './workflow-scope.js'
import type { Scope } from './workflow-scope.js'
import { lineOf, readYamlSource, scalarText } from './yaml-source.js'
import type { YamlSource } from './yaml-source.js'

const BUILD_PUSH_ACTION = 'docker/build-push-action@'
const DEFAULT_CONTEXT = '{{defaultContext}}'

export interface WorkflowOptions {
  /** "owner/name": settles `github.repository` and `github.repository_owner`. */
  readonly repository?: string
}

interface Read {
  producers: Producer[]
  problems: ProducerProblem[]
}

interface Step {
  readonly source: YamlSource
  readonly document: Document.Parsed
  readonly steps: readonly unknown[]
  readonly job: unknown
  readonly jobScope: Scope
  readonly node: unknown
  readonly line: number
}

export function readWorkflowProducers(
  file: string,
  text: string,
  options: WorkflowOptions = {}
): Read {
  const out: Read = { producers: [], problems: [] }
  const read = readYamlSource(file, text, 'images')
  if (!read.ok) return { producers: [], problems: [read.problem] }
  const { source } = read
  for (const document of source.documents) {
    const root = envScope(document, document.contents, githubScope(options))
    const jobs = mapGet(document, document.contents, 'jobs')
    for (const [, job] of mapEntries(document, jobs)) {
      const jobScope = envScope(document, job, root)
      const steps = seqItems(document, mapGet(document, job, 'steps'))
      for (const node of steps) {
        const uses = mapGet(document, node, 'uses')
        if (!(stringOf(document, uses) ?? '').startsWith(BUILD_PUSH_ACTION))
          continue
        const line = lineOf(source, document, uses)
        const step = { source, document, steps, job, jobScope, node, line }
        readStep(step, out)
      }
    }
  }
  out.producers = unique(out.producers)
  return out
}

function githubScope(options: WorkflowOptions): Scope {
  const repository = options.repository
  if (repository === undefined) return {}
  return {
    'github.repository': repository,
    'github.repository_owner': repository.split('/')[0] ?? ''
  }
}

interface Inputs {
  readonly file?: string
  readonly context?: string
  readonly target?: string
  readonly tags: readonly string[]
}

function inputsOf(step: Step): Inputs {
  const { document } = step
  const input = (key: string): string | undefined =>
    scalarText(
      document,
      mapGet(document, mapGet(document, step.node, 'with'), key)
    )
  const tagsNode = mapGet(document, mapGet(document, step.node, 'with'), 'tags')
  const tagsText = scalarText(document, tagsNode)
  const tags =
    tagsText !== undefined
      ? listItems(tagsText)
      : listItems(
          seqItems(document, tagsNode).map(n => scalarText(document, n) ?? '')
        )
  const file = input('file')
  const context = input('context')
  const target = input('target')
  return {
    tags,
    ...(file === undefined ? {} : { file }),
    ...(context === undefined ? {} : { context }),
    ...(target === undefined || target === '' ? {} : { target })
  }
}

function readStep(step: Step, out: Read): void {
  const inputs = inputsOf(step)
  if (inputs.tags.length === 0) return
  const keys = [
    inputs.file ?? '',
    inputs.context ?? '',
    ...inputs.tags
  ].flatMap(matrixKeys)
  const combos = matrixCombos(step.document, step.job, keys)
  const scope = envScope(step.document, step.node, step.jobScope)
  if (combos.ok) {
    for (const combo of combos.combos) {
      readBuild(step, inputs, { ...scope, ...combo }, out)
    }
    return
  }
  const why = `its inputs use \${{ matrix.… }} but ${combos.why}`
  // A matrix only in the tag part still names the repository (tag unknown).
  const placed = [inputs.file ?? '', inputs.context ?? ''].flatMap(matrixKeys)
  if (placed.length > 0) out.problems.push(problem(step, why))
  else readBuild(step, inputs, scope, out, combos.why)
}

function problem(step: Step, why: string): ProducerProblem {
  const at = `${step.source.file}:${step.line}`
  return {
    file: step.source.file,
    line: step.line,
    message: `The docker/build-push-action step at ${at} is not read: ${why}. List the images it builds in the images setting (image=Dockerfile) to chain them.`
  }
}

type Place =
  | { readonly ok: true; readonly context: string; readonly dockerfile: string }
  | { readonly ok: false; readonly why: string }

/** The context directory and the Dockerfile, repository-relative. */
function placeOf(inputs: Inputs, scope: Scope): Place {
  const rawContext = substitute(inputs.context ?? DEFAULT_CONTEXT, scope)
  if (firstExpression(rawContext) >= 0) {
    return {
      ok: false,
      why: `context "${rawContext}" is only known at run time`
    }
  }
  if (isRemoteContext(rawContext)) {
    return {
      ok: false,
      why: `context "${rawContext}" is a remote Git context, not this checkout`
    }
  }
  const sub =
    rawContext === DEFAULT_CONTEXT
      ? '.'
      : rawContext.startsWith(`${DEFAULT_CONTEXT}:`)
        ? rawContext.slice(DEFAULT_CONTEXT.length + 1)
        : rawContext
  const context = normalPath(sub)
  if (context === undefined) {
    return {
      ok: false,
      why: `context "${rawContext}" is outside the repository`
    }
  }
  const rawFile =
    inputs.file === undefined ? undefined : substitute(inputs.file, scope)
  if (rawFile !== undefined && firstExpression(rawFile) >= 0) {
    return { ok: false, why: `file "${rawFile}" is only known at run time` }
  }
  const dockerfile =
    rawFile === undefined
      ? joinPath(context, 'Dockerfile')
      : normalPath(rawFile)
  if (dockerfile === undefined || dockerfile === '.') {
    return {
      ok: false,
      why: `file "${rawFile ?? ''}" is outside the repository`
    }
  }
  return { ok: true, context, dockerfile }
}

function readBuild(
  step: Step,
  inputs: Inputs,
  scope: Scope,
  out: Read,
  matrixWhy?: string
): void {
  const place = placeOf(inputs, scope)
  if (!place.ok) {
    out.problems.push(problem(step, place.why))
    return
  }
  const tags = new Map<string, Set<string>>()
  const add = (repository: string, tag?: string): void => {
    const set = tags.get(repository) ?? new Set<string>()
    if (tag !== undefined) set.add(tag)
    tags.set(repository, set)
  }
  for (const raw of inputs.tags) {
    const why = readTag(step, raw, scope, add)
    const note = matrixWhy === undefined ? '' : ` (${matrixWhy})`
    if (why !== undefined) out.problems.push(problem(step, `${why}${note}`))
  }
  for (const [repository, known] of tags) {
    out.producers.push({
      dockerfile: place.dockerfile,
      context: place.context,
      repository,
      ...(known.size === 0 ? {} : { tags: [...known].sort() }),
      ...(inputs.target === undefined ? {} : { target: inputs.target }),
      source: 'build-push-action',
      declaredIn: { file: step.source.file, line: step.line }
    })
  }
}

/** One `tags` entry: adds what it names, or says why it cannot. */
function readTag(
  step: Step,
  raw: string,
  scope: Scope,
  add: (repository: string, tag?: string) => void
): string | undefined {
  const id = outputsStep(raw)
  if (id !== undefined) {
    const images = metadataImages(step.document, step.steps, id, s =>
      envScope(step.document, s, { ...step.jobScope, ...scope })
    )
    if (!images.ok) return images.why
    for (const repository of images.repositories) add(repository)
    return undefined
  }
  const value = substitute(raw, scope)
  const at = firstExpression(value)
  const named = at < 0 ? namedImage(value) : runTimeTag(value, at)
  if (named === undefined) {
    return `the image name in tag "${raw}" is only known at run time`
  }
  if (!named.ok)
    return `tag "${raw}" is not an image reference (${named.error})`
  add(named.repository, named.tag)
  return undefined
}

/** Producers equal in every field but the line are one (matrix, repeated jobs). */
function unique(producers: readonly Producer[]): Producer[] {
  const seen = new Set<string>()
  return producers.filter(p => {
    const key = JSON.stringify([
      p.dockerfile,
      p.context,
      p.repository,
      p.tags,
      p.target
    ])
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
