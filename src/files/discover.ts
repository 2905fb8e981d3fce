/**
 * Finds the files to scan below a root (Dockerfiles, Compose files,
 * manifests, workflows…: the kinds turned on), as files/select.ts says (the
 * same rule the Action applies to the base tree), in one walk, sorted by
 * path; never outside
 * the tree: a symlink is followed only when its real path stays
 * inside the root, and each real file is listed once.
 *
 * The walk uses the synchronous calls: nothing else runs while files are
 * being found, and a thread-pool round trip per directory made 10,000
 * directories take ~0.8 s instead of ~0.2 s.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs'
import { realpath } from 'node:fs/promises'
import path from 'node:path'
import { byCodeUnit } from '../core/code-unit-order.js'
import { fileSelector } from './select.js'
import type { SelectOptions } from './select.js'

export interface DiscoveredFile {
  /** Path relative to the root, with forward slashes: what the user sees. */
  readonly path: string
  /** Absolute real path: what is read and written (never a symlink). */
  readonly realPath: string
}

export async function discoverFiles(
  root: string,
  options: SelectOptions
): Promise<DiscoveredFile[]> {
  const realRoot = await realpath(root).catch((error: unknown) => {
    throw new Error(
      `cannot read the directory "${root}": ${(error as Error).message}. Pass an existing directory to scan.`
    )
  })
  const selector = fileSelector(options)
  const found: DiscoveredFile[] = []
  const seen = new Set<string>()
  // Entries that are not symlinks need no realpath/stat: below a real
  // directory they are real. Only symlinks are resolved and checked.
  const walk = (dir: string, relDir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true })
    entries.sort((a, b) => byCodeUnit(a.name, b.name))
    for (const entry of entries) {
      const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`
      if (selector.skips(rel)) continue
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
      } else if (target.isFile && selector.selects(rel)) {
        seen.add(target.real)
        found.push({ path: rel, realPath: target.real })
      }
    }
  }
  walk(realRoot, '')
  return found.sort((a, b) => byCodeUnit(a.path, b.path))
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
