/**
 * Which scanner reads a selected file (issue 10): the kind its name gives
 * (core/file-kind.ts), except that a file a `.gitlab-ci.yml` includes by
 * local path is GitLab CI whatever its name, and a YAML file of no telling
 * name is a Kubernetes candidate (core/scan.ts parses it only when it
 * looks like a manifest). Only turned-on kinds are scanned.
 */
import type { FileKind, KindSetting } from '../core/file-kind.js'
import { kindByName, settingOf } from '../core/file-kind.js'

/**
 * The kind a selected file is scanned as; undefined = not scanned (its
 * kind is turned off). A name of no kind (a file an include names
 * literally) is a Dockerfile, as before issue 10.
 */
export function scanKind(
  path: string,
  kinds: ReadonlySet<KindSetting>,
  gitlabIncluded: ReadonlySet<string>
): FileKind | undefined {
  const byName = kindByName(path)
  if (byName !== 'dockerfile' && gitlabIncluded.has(path)) {
    return kinds.has('gitlab-ci') ? 'gitlab-ci' : undefined
  }
  const kind =
    byName === undefined
      ? 'dockerfile'
      : byName === 'yaml'
        ? 'kubernetes'
        : byName
  return kinds.has(settingOf(kind)) ? kind : undefined
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
