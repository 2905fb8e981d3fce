/**
 * Finds the Dockerfiles below a root. Stable order (sorted by path), never
 * outside the tree: a symlink is followed only when its real path stays
 * inside the root, and each real file is listed once.
 *
 * The walk uses the synchronous calls: nothing else runs while files are
 * being found, and a thread-pool round trip per directory made 10,000
 * directories take ~0.8 s instead of ~0.2 s.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs'
import { realpath } from 'node:fs/promises'
import path from 'node:path'
import picomatch from 'picomatch'

export interface DiscoveredFile {
  /** Path relative to the root, with forward slashes: what the user sees. */
  readonly path: string
  /** Absolute real path: what is read and written (never a symlink). */
  readonly realPath: string
}

export interface DiscoverOptions {
  readonly include: readonly string[]
  readonly exclude: readonly string[]
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

export async function discoverDockerfiles(
  root: string,
  options: DiscoverOptions
): Promise<DiscoveredFile[]> {
  const realRoot = await realpath(root).catch((error: unknown) => {
    throw new Error(
      `cannot read the directory "${root}": ${(error as Error).message}. Pass an existing directory to scan.`
    )
  })
  const isExcluded = picomatch([...options.exclude], { dot: true })
  const isIncluded =
    options.include.length === 0
      ? () => true
      : picomatch([...options.include], { dot: true })
  const literalIncludes = new Set(
    options.include
      .filter(p => !picomatch.scan(p).isGlob)
      .map(p => p.replace(/^\.\//, ''))
  )
  const found: DiscoveredFile[] = []
  const seen = new Set<string>()
  // Entries that are not symlinks need no realpath/stat: below a real
  // directory they are real. Only symlinks are resolved and checked.
  const walk = (dir: string, relDir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true })
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`
      if (ALWAYS_SKIPPED.has(entry.name) || isExcluded(rel)) continue
      const full = path.join(dir, entry.name)
      const target = entry.isSymbolicLink()
        ? followInside(full, realRoot)
        : {
            real: full,
            isDirectory: entry.isDirectory(),
            isFile: entry.isFile()
          }
      if (target === undefined || seen.has(target.real)) continue
      if (target.isDirectory) {
        seen.add(target.real)
        walk(target.real, rel)
      } else if (target.isFile && wanted(entry.name, rel)) {
        seen.add(target.real)
        found.push({ path: rel, realPath: target.real })
      }
    }
  }
  const wanted = (name: string, rel: string): boolean =>
    literalIncludes.has(rel) || (isDockerfileName(name) && isIncluded(rel))
  walk(realRoot, '')
  return found
}

/** A symlink's target when its real path stays inside `realRoot`. */
function followInside(
  full: string,
  realRoot: string
): { real: string; isDirectory: boolean; isFile: boolean } | undefined {
  let real: string
  try {
    real = realpathSync(full)
  } catch {
    return undefined // a dangling link
  }
  const relative = path.relative(realRoot, real)
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined
  const info = statSync(real)
  return { real, isDirectory: info.isDirectory(), isFile: info.isFile() }
}
