/**
 * Repository-relative POSIX paths for build declarations: `./base/` and
 * `base` are one directory, `app/../base/Dockerfile` is `base/Dockerfile`,
 * the root is ".". A path that leaves the repository, or an absolute one,
 * cannot name a file of this repository: undefined.
 */

/** `path` normalized; undefined when absolute or above the root. */
export function normalPath(path: string): string | undefined {
  if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) return undefined
  const parts: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part !== '..') parts.push(part)
    else if (parts.pop() === undefined) return undefined
  }
  return parts.length === 0 ? '.' : parts.join('/')
}

/** `path` read relative to the directory `dir` (itself normalized). */
export function joinPath(dir: string, path: string): string | undefined {
  if (path.startsWith('/')) return undefined
  return normalPath(dir === '.' ? path : `${dir}/${path}`)
}

/** The directory of a repository-relative file: "." at the root. */
export function dirOf(file: string): string {
  const slash = file.lastIndexOf('/')
  return slash < 0 ? '.' : file.slice(0, slash) || '.'
}

/** A build context that is not a directory of this checkout (Git URL, HTTP tarball, image). */
export function isRemoteContext(context: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(context) ||
    /^git@/.test(context) ||
    /\.git(?:#.*)?$/.test(context) ||
    /^github\.com\//.test(context)
  )
}
