/**
 * Which files are scanned: one rule for the walk below a directory (CLI,
 * files/discover.ts) and for the base branch's tree listing (Action,
 * files/tree-file-store.ts), so both pick the same files in the same order.
 *
 * - `.git` and `node_modules` are never entered, nor anything an `exclude`
 *   glob matches (a folder that matches excludes all below it);
 * - a file is scanned when its name can hold images of a turned-on kind
 *   (core/file-kind.ts selectedByName: Dockerfile names, Compose files,
 *   workflows, any YAML file for Kubernetes or GitLab CI includes) and it
 *   matches an `include` glob (no include = every file), or when an include
 *   names it literally, whatever its name (`./` in front is ignored; a name
 *   of no kind is a Dockerfile) while its kind is on;
 * - paths are relative to the root with forward slashes, sorted by code unit.
 *
 * Which scanner reads a selected file is the scan stage's (pipeline/scan-kind.ts).
 */
import picomatch from 'picomatch'
import { byCodeUnit } from '../core/code-unit-order.js'
import type { KindSetting } from '../core/file-kind.js'
import { KIND_SETTINGS, kindByName, selectedByName } from '../core/file-kind.js'

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
      (literal.has(path)
        ? literalSelected(path, kinds)
        : selectedByName(path, kinds) && isIncluded(path))
  }
}

/**
 * A file an include names literally is scanned whatever its name, as a
 * Dockerfile when its name says nothing (as before issue 10), while its
 * kind is turned on.
 */
function literalSelected(
  path: string,
  kinds: ReadonlySet<KindSetting>
): boolean {
  return kindByName(path) === undefined
    ? kinds.has('dockerfile')
    : selectedByName(path, kinds)
}

/** The include entries that name one file (no glob), without a leading `./`. */
function literalIncludes(include: readonly string[]): Set<string> {
  return new Set(
    include
      .filter(p => !picomatch.scan(p).isGlob)
      .map(p => p.replace(/^(?:\.\/)+/, ''))
  )
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
