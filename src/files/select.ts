/**
 * Which files are scanned: one rule for the walk below a directory (CLI,
 * files/discover.ts) and for the base branch's tree listing (Action,
 * files/tree-file-store.ts), so both pick the same files in the same order.
 *
 * - `.git` and `node_modules` are never entered, nor anything an `exclude`
 *   glob matches (a folder that matches excludes all below it);
 * - a file is scanned when its name is a Dockerfile name and it matches an
 *   `include` glob (no include = every file), or when an include names it
 *   literally, whatever its name (`./` in front is ignored);
 * - paths are relative to the root with forward slashes, sorted by code unit.
 */
import picomatch from 'picomatch'
import { byCodeUnit } from '../core/code-unit-order.js'

export interface SelectOptions {
  readonly include: readonly string[]
  readonly exclude: readonly string[]
}

export interface FileSelector {
  /** A folder or file never looked into: .git, node_modules, an exclude glob. */
  readonly skips: (path: string) => boolean
  /** A file (whose folders are not skipped) that is scanned. */
  readonly selects: (path: string) => boolean
}

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules'])

/** Dockerfile, Containerfile, *.Dockerfile, *.dockerfile, Dockerfile.*, Containerfile.* */
export function isDockerfileName(name: string): boolean {
  return (
    name === 'Dockerfile' ||
    name === 'Containerfile' ||
    /^.+\.(?:Dockerfile|dockerfile)$/.test(name) ||
    /^(?:Dockerfile|Containerfile)\..+$/.test(name)
  )
}

export function fileSelector(options: SelectOptions): FileSelector {
  const isExcluded = picomatch([...options.exclude], { dot: true })
  const isIncluded =
    options.include.length === 0
      ? () => true
      : picomatch([...options.include], { dot: true })
  const literal = new Set(
    options.include
      .filter(p => !picomatch.scan(p).isGlob)
      .map(p => p.replace(/^(?:\.\/)+/, ''))
  )
  return {
    skips: path => ALWAYS_SKIPPED.has(baseName(path)) || isExcluded(path),
    selects: path =>
      !ALWAYS_SKIPPED.has(baseName(path)) &&
      !isExcluded(path) &&
      (literal.has(path) ||
        (isDockerfileName(baseName(path)) && isIncluded(path)))
  }
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
