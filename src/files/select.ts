/**
 * Which files are scanned, and as what: one rule for the walk below a
 * directory (CLI, files/discover.ts) and for the base branch's tree listing
 * (Action, files/tree-file-store.ts), so both pick the same files in the
 * same order.
 *
 * - `.git` and `node_modules` are never entered, nor anything an `exclude`
 *   glob matches (a folder that matches excludes all below it);
 * - a file is scanned when its name can hold images of a turned-on kind
 *   (core/file-kind.ts selectedByName: Dockerfile names, Compose files,
 *   workflows, any YAML file for Kubernetes or GitLab CI includes) and it
 *   matches an `include` glob (no include = every file), or when an include
 *   names it literally, whatever its name (`./` in front is ignored);
 * - paths are relative to the root with forward slashes, sorted by code unit.
 */
import picomatch from 'picomatch'
import { byCodeUnit } from '../core/code-unit-order.js'
import type { FileKind, KindSetting } from '../core/file-kind.js'
import {
  KIND_SETTINGS,
  kindByName,
  selectedByName,
  settingOf
} from '../core/file-kind.js'

export { isDockerfileName } from '../core/file-kind.js'

export interface SelectOptions {
  readonly include: readonly string[]
  readonly exclude: readonly string[]
  /** The kinds turned on (setting `kinds`); absent = all. */
  readonly kinds?: readonly KindSetting[]
}

export interface FileSelector {
  /** A folder or file never looked into: .git, node_modules, an exclude glob. */
  readonly skips: (path: string) => boolean
  /** A file (whose folders are not skipped) that is scanned. */
  readonly selects: (path: string) => boolean
}

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules'])

export function fileSelector(options: SelectOptions): FileSelector {
  const kinds = new Set(options.kinds ?? KIND_SETTINGS)
  const isExcluded = picomatch([...options.exclude], { dot: true })
  const isIncluded =
    options.include.length === 0
      ? () => true
      : picomatch([...options.include], { dot: true })
  const literal = literalIncludes(options.include)
  return {
    skips: path => ALWAYS_SKIPPED.has(baseName(path)) || isExcluded(path),
    selects: path =>
      !ALWAYS_SKIPPED.has(baseName(path)) &&
      !isExcluded(path) &&
      (literal.has(path) || (selectedByName(path, kinds) && isIncluded(path)))
  }
}

/** The include entries that name one file (no glob), without a leading `./`. */
export function literalIncludes(include: readonly string[]): Set<string> {
  return new Set(
    include
      .filter(p => !picomatch.scan(p).isGlob)
      .map(p => p.replace(/^(?:\.\/)+/, ''))
  )
}

/** What decides the kind a selected file is scanned as. */
export interface ScanKindContext {
  readonly kinds: ReadonlySet<KindSetting>
  /** Files an include names literally: scanned as their name says, whatever `kinds` says. */
  readonly literal: ReadonlySet<string>
  /** Files a `.gitlab-ci.yml` includes by local path (gitlabIncludedPaths). */
  readonly gitlabIncluded: ReadonlySet<string>
}

/**
 * The kind a selected file is scanned as; undefined = not scanned (its kind
 * is turned off). A file `.gitlab-ci.yml` includes is GitLab CI; any other
 * YAML file of no telling name is a Kubernetes candidate (core/scan.ts
 * parses it only when it looks like a manifest); a literally included file
 * of an unknown name is a Dockerfile, as before issue 10.
 */
export function scanKind(
  path: string,
  context: ScanKindContext
): FileKind | undefined {
  const byName = kindByName(path)
  if (byName !== 'dockerfile' && context.gitlabIncluded.has(path)) {
    return context.kinds.has('gitlab-ci') ? 'gitlab-ci' : undefined
  }
  const kind =
    byName === undefined
      ? 'dockerfile'
      : byName === 'yaml'
        ? 'kubernetes'
        : byName
  if (context.literal.has(path)) return kind
  return context.kinds.has(settingOf(kind)) ? kind : undefined
}

/**
 * The selected paths a `.gitlab-ci.yml` includes by local path: entries
 * are repository-relative (a leading `/` is the root) and may hold GitLab's
 * wildcards, matched by GitLab's own grammar (gitlabWildcard).
 */
export function gitlabIncludedPaths(
  entries: readonly string[],
  selected: readonly string[]
): string[] {
  const patterns = entries
    .map(entry => entry.trim().replace(/^(?:\.?\/)+/, ''))
    .filter(entry => entry !== '')
    .map(gitlabWildcard)
  return selected.filter(path => patterns.some(p => p.test(path)))
}

/**
 * GitLab's `include: local` wildcard (Repository#search_files_by_wildcard_path):
 * the pattern is regex-escaped, then `**\/` is any run of folders or none,
 * `**` any characters including `/`, `*` any characters but `/`; nothing
 * else is special (`?`, `[ab]`, `{a,b}` are literal). So `ci/*.yml` stays
 * in ci/, `ci/**.yml` and `ci/**\/*.yml` reach every folder below it.
 */
export function gitlabWildcard(pattern: string): RegExp {
  const source = pattern
    .replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    .replaceAll('\\*\\*\\/', '(?:.*?\\/)?')
    .replaceAll('\\*\\*', '.*?')
    .replaceAll('\\*', '[^\\/]*?')
  return new RegExp(`^${source}$`)
}

/**
 * The scanned files of a flat listing (a git tree): those the selector
 * selects and none of whose folders it skips, under `scope` (folders; empty
 * = everything), sorted.
 */
export function selectPaths(
  paths: readonly string[],
  options: SelectOptions,
  scope: readonly string[] = []
): string[] {
  const selector = fileSelector(options)
  const inScope = (p: string): boolean =>
    scope.length === 0 ||
    scope.some(dir => p === dir || p.startsWith(`${dir}/`))
  return paths
    .filter(p => inScope(p) && selector.selects(p))
    .filter(p => !folders(p).some(selector.skips))
    .sort(byCodeUnit)
}

/** "a/b/c" → ["a", "a/b"]. */
function folders(path: string): string[] {
  const parts = path.split('/')
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'))
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}
