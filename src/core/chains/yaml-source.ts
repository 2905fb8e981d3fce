/**
 * A build declaration file read as YAML for the chain readers. Not through
 * core/yaml's parseYaml: that one refuses `{{ }}` as a Helm template, and
 * build-push-action's `context: "{{defaultContext}}:sub"` is such a text.
 */
import type { Document } from 'yaml'
import { isScalar, parseAllDocuments } from 'yaml'
import { lineFinder, resolved } from '../yaml/document.js'
import type { ProducerProblem } from './model.js'

export interface YamlSource {
  readonly file: string
  readonly documents: readonly Document.Parsed[]
  readonly lineAt: (offset: number) => number
}

export type YamlRead =
  | { readonly ok: true; readonly source: YamlSource }
  | { readonly ok: false; readonly problem: ProducerProblem }

export function readYamlSource(
  file: string,
  text: string,
  what: string
): YamlRead {
  const lineAt = lineFinder(text)
  const parsed = parseAllDocuments(text, {
    merge: true,
    uniqueKeys: false,
    prettyErrors: false
  })
  const documents = Array.isArray(parsed) ? parsed : [parsed]
  for (const document of documents) {
    const [error] = document.errors
    if (error === undefined) continue
    const line = lineAt(error.pos[0])
    const message = error.message.split('\n')[0] ?? error.message
    return {
      ok: false,
      problem: {
        file,
        line,
        message: `${file} is not valid YAML (line ${line}: ${message}), so the ${what} it declares are not known; fix the file or list the images in the images setting.`
      }
    }
  }
  return { ok: true, source: { file, documents, lineAt } }
}

/** 1-based line where a node starts (1 when it has no range). */
export function lineOf(
  source: YamlSource,
  document: Document.Parsed,
  node: unknown
): number {
  const value = resolved(document, node)
  const range = (value as { range?: [number, number, number] } | undefined)
    ?.range
  return range === undefined ? 1 : source.lineAt(range[0])
}

/** A scalar as text: strings as they are, numbers and booleans written out. */
export function scalarText(
  document: Document.Parsed,
  node: unknown
): string | undefined {
  const value = resolved(document, node)
  if (!isScalar(value)) return undefined
  const v = value.value
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') {
    return value.source ?? String(v)
  }
  return undefined
}
