/**
 * The files a GitLab CI file includes by local path (YAML.md §4.1): they are
 * scanned as `gitlab-ci` whatever their names (pipeline/scan-files.ts).
 *
 * GitLab's forms (docs.gitlab.com/ci/yaml/#include): `include: a.yml`,
 * `include: [a.yml, {local: b.yml}]`, `include: {local: /ci/x.yml}`. A
 * string that is a URL is `include:remote`; `remote:`, `project:`,
 * `template:` and `component:` name files outside this repository and are
 * not returned. Local paths are always from the repository root (a leading
 * `/` is optional), also in nested includes, so the including file's
 * directory plays no part.
 */
import { parseAllDocuments } from 'yaml'

/** `scheme://`: a string include that is a URL is remote. */
const URL = /^[a-z][a-z0-9+.-]*:\/\//i
/** GitLab accepts only YAML files as local includes. */
const YAML = /\.ya?ml$/

/**
 * The repository-relative paths (no leading `/`) `text` includes by local
 * path, in order, without duplicates or `file` itself. An entry may be a
 * glob in GitLab's wildcard grammar, returned as written for the caller to
 * match (pipeline/scan-kind.ts gitlabWildcard): `*` within one folder
 * (`configs/*.yml`), `**` across folders (`configs/**.yml`), every other
 * character literal. Paths with a variable (`$CI_…`) or `..` are left out:
 * they cannot be read before the pipeline runs. Never throws; [] for text
 * that is not valid YAML.
 */
export function gitlabLocalIncludes(file: string, text: string): string[] {
  const out: string[] = []
  for (const include of includeValues(text)) {
    for (const entry of Array.isArray(include) ? include : [include]) {
      const path = localPath(entry)
      if (path === undefined || path === file) continue
      if (!out.includes(path)) out.push(path)
    }
  }
  return out
}

/** Each document's top-level `include` value, as plain data. */
function includeValues(text: string): unknown[] {
  try {
    const parsed = parseAllDocuments(text, { merge: true, uniqueKeys: false })
    const documents = Array.isArray(parsed) ? parsed : [parsed]
    if (documents.some(document => document.errors.length > 0)) return []
    return documents.map(document => {
      const value: unknown = document.toJS({ maxAliasCount: 100 })
      return isRecord(value) ? value['include'] : undefined
    })
  } catch {
    // An alias bomb or anything else the parser gives up on: nothing included.
    return []
  }
}

function localPath(entry: unknown): string | undefined {
  if (typeof entry === 'string')
    return URL.test(entry.trim()) ? undefined : normalized(entry)
  if (!isRecord(entry)) return undefined
  const local = entry['local']
  return typeof local === 'string' ? normalized(local) : undefined
}

function normalized(path: string): string | undefined {
  const trimmed = path
    .trim()
    .replace(/^\/+/, '')
    .replace(/^(?:\.\/)+/, '')
  if (trimmed === '' || trimmed.includes('$')) return undefined
  if (!YAML.test(trimmed)) return undefined
  if (trimmed.split('/').some(part => part === '..')) return undefined
  return trimmed
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
