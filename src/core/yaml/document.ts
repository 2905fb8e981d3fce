/**
 * YAML read as YAML, with exact source ranges (YAML.md §5): every document
 * of a file, parsed once with `keepSourceTokens`, merge keys and repeated
 * keys allowed (Compose and GitLab write `<<:` more than once). Scanners
 * walk the schema-known places only and hand each image scalar to
 * scalar.ts; nothing here knows a file format.
 *
 * A Helm template (`{{ }}` outside GitHub's `${{ }}`) is not YAML: the
 * `yaml` package reads `image: {{ .x }}` as a mapping without an error, so
 * such a file is skipped whole, before parsing, and said once.
 */
import type { Document, Node, Pair, YAMLMap } from 'yaml'
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml'
import type { FileKind } from '../file-kind.js'
import type { ImageSite } from '../image-site.js'

export interface YamlFile {
  readonly file: string
  readonly kind: FileKind
  /** The text as read (BOM and CRLF included): every range points into it. */
  readonly text: string
  readonly documents: readonly Document.Parsed[]
  /** 1-based line of a UTF-16 offset. */
  readonly lineAt: (offset: number) => number
  /**
   * Whether the line carries `# freshbase: ignore`, at its end or in the
   * comment lines directly above it.
   */
  readonly ignoredAt: (line: number) => boolean
}

export type YamlParse =
  | { readonly ok: true; readonly yaml: YamlFile }
  /** The whole file is skipped: one `file` site says why. */
  | { readonly ok: false; readonly site: ImageSite }

/** Helm/Go template actions; GitHub's `${{ }}` expressions are YAML strings. */
const TEMPLATE = /(?<!\$)\{\{/

export function parseYaml(
  file: string,
  kind: FileKind,
  text: string
): YamlParse {
  const lineAt = lineFinder(text)
  const template = TEMPLATE.exec(text)
  if (template !== null) {
    return fileSkipped(
      file,
      kind,
      lineAt(template.index),
      `${file} is a template ({{ … }} on line ${lineAt(template.index)}), not YAML; skipped whole. Pin the image where the template takes it from (the chart's values.yaml).`
    )
  }
  const documents = parseAllDocuments(text, {
    keepSourceTokens: true,
    merge: true,
    uniqueKeys: false,
    prettyErrors: false
  })
  const list = Array.isArray(documents) ? documents : [documents]
  for (const document of list) {
    const [error] = document.errors
    if (error !== undefined) {
      const line = lineAt(error.pos[0])
      return fileSkipped(
        file,
        kind,
        line,
        `${file} is not valid YAML (line ${line}: ${firstLine(error.message)}); skipped whole. Fix the file to let Freshbase pin its images.`
      )
    }
  }
  return {
    ok: true,
    yaml: {
      file,
      kind,
      text,
      documents: list,
      lineAt,
      ignoredAt: ignoreFinder(text)
    }
  }
}

function fileSkipped(
  file: string,
  kind: FileKind,
  line: number,
  message: string
): YamlParse {
  return {
    ok: false,
    site: {
      file,
      kind,
      line,
      source: 'file',
      image: '',
      skip: { code: 'template', message }
    }
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.replace(/\.$/, '') ?? message
}

/** 1-based line of an offset: \r\n, \r and \n end lines. */
export function lineFinder(text: string): (offset: number) => number {
  const starts = [0]
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10))
      starts.push(i + 1)
  }
  return offset => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((starts[mid] ?? 0) <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }
}

const IGNORE = /#\s*freshbase\s*:\s*ignore(?![\w-])/i

function ignoreFinder(text: string): (line: number) => boolean {
  const lines = text.split(/\r\n|\r|\n/)
  return line => {
    if (IGNORE.test(lines[line - 1] ?? '')) return true
    for (let above = line - 2; above >= 0; above--) {
      const content = (lines[above] ?? '').replace(/^\uFEFF/, '')
      if (!/^\s*#/.test(content)) return false
      if (IGNORE.test(content)) return true
    }
    return false
  }
}

/**
 * The node an alias points to (the anchored one: an aliased image is edited
 * once, at its anchor), or the node itself.
 */
export function resolved(
  document: Document.Parsed,
  node: unknown
): Node | undefined {
  if (isAlias(node)) return resolved(document, node.resolve(document))
  return node === null || node === undefined ? undefined : (node as Node)
}

/** The string keys of a mapping, with the `<<` merges folded in (own keys win). */
export function mapPairs(
  document: Document.Parsed,
  map: YAMLMap,
  seen: Set<YAMLMap> = new Set()
): Map<string, Pair> {
  const out = new Map<string, Pair>()
  if (seen.has(map)) return out
  seen.add(map)
  const merged: YAMLMap[] = []
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? pair.key.value : pair.key
    if (isMergeKey(pair.key)) {
      const value = resolved(document, pair.value)
      const sources = isSeq(value) ? value.items : [value]
      for (const source of sources) {
        const target = resolved(document, source)
        if (isMap(target)) merged.push(target)
      }
      continue
    }
    if (typeof key === 'string' && !out.has(key)) out.set(key, pair)
  }
  for (const source of merged) {
    for (const [key, pair] of mapPairs(document, source, seen)) {
      if (!out.has(key)) out.set(key, pair)
    }
  }
  return out
}

function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false
  return key.value === '<<' || typeof key.value === 'symbol'
}

/** The value under `key` (merges and aliases followed), or undefined. */
export function mapGet(
  document: Document.Parsed,
  node: unknown,
  key: string
): Node | undefined {
  const map = resolved(document, node)
  if (!isMap(map)) return undefined
  const pair = mapPairs(document, map).get(key)
  return pair === undefined ? undefined : resolved(document, pair.value)
}

/**
 * The node under `key` as written (an Alias stays an Alias), so a scanner
 * can tell the anchor from its uses; merges followed.
 */
export function mapGetRaw(
  document: Document.Parsed,
  node: unknown,
  key: string
): unknown {
  const map = resolved(document, node)
  if (!isMap(map)) return undefined
  return mapPairs(document, map).get(key)?.value
}

/** A mapping's entries as [key, value] with string keys (merges and aliases followed). */
export function mapEntries(
  document: Document.Parsed,
  node: unknown
): [string, Node | undefined][] {
  const map = resolved(document, node)
  if (!isMap(map)) return []
  return [...mapPairs(document, map)].map(([key, pair]) => [
    key,
    resolved(document, pair.value)
  ])
}

/** A sequence's items (aliases followed); [] for anything else. */
export function seqItems(
  document: Document.Parsed,
  node: unknown
): (Node | undefined)[] {
  const seq = resolved(document, node)
  if (!isSeq(seq)) return []
  return seq.items.map(item => resolved(document, item))
}

/** The string value of a scalar node, else undefined. */
export function stringOf(
  document: Document.Parsed,
  node: unknown
): string | undefined {
  const value = resolved(document, node)
  return isScalar(value) && typeof value.value === 'string'
    ? value.value
    : undefined
}
