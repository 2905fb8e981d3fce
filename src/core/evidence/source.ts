/**
 * Where an image's source lives, and the link a reviewer follows (issue 9
 * "Source", EVIDENCE.md §5, §1.6, §9.4). Pure: reads annotations, labels and
 * provenance predicates already fetched.
 *
 * Precedence of places (pipeline/evidence.ts walks them in this order):
 * index annotations → index descriptor annotations → platform manifest
 * annotations → config labels → provenance.
 */
import type { SourceEvidence, SourceRef } from './types.js'

const OCI_SOURCE = 'org.opencontainers.image.source'
const OCI_REVISION = 'org.opencontainers.image.revision'
const LABEL_SCHEMA_URL = 'org.label-schema.vcs-url'
const LABEL_SCHEMA_REF = 'org.label-schema.vcs-ref'

/** A git commit id (abbreviated or full SHA-1, or SHA-256). */
const COMMIT = /^[0-9a-f]{7,64}$/i
/** What a revision may be to go into a link unescaped: a commit, tag or branch name. */
const SAFE_REVISION = /^[\w.+/-]{1,200}$/

export interface NormalizedSource {
  readonly url: string
  readonly revision?: string
  readonly path?: string
}

/**
 * `org.opencontainers.image.source` (+ `.revision`); in config labels also
 * the older `org.label-schema.vcs-url` / `vcs-ref`. An explicit revision
 * wins over one in the URL's fragment (DOI writes both, equal).
 */
export function sourceFromAnnotations(
  a: Readonly<Record<string, string>>,
  from: SourceRef['from']
): SourceRef | undefined {
  const labels = from === 'config'
  const text = a[OCI_SOURCE] ?? (labels ? a[LABEL_SCHEMA_URL] : undefined)
  if (text === undefined) return undefined
  const normalized = normalizeSourceUrl(text)
  if (normalized === undefined) return undefined
  const revisionText =
    a[OCI_REVISION] ?? (labels ? a[LABEL_SCHEMA_REF] : undefined)
  const revision = cleanRevision(revisionText) ?? normalized.revision
  return withParts(normalized.url, revision, normalized.path, from)
}

/**
 * Normalizes what publishers write as a source URL:
 * - DOI `https://github.com/<org>/<repo>.git#<sha>:<dir>` → url without
 *   `.git`, revision from the fragment (a commit only: a branch name moves),
 *   path `<dir>`;
 * - `git+https://github.com/o/r@refs/heads/main` (GitHub provenance) → url;
 * - `git@github.com:o/r.git`, `ssh://git@host/o/r` → https;
 * credentials, query and trailing slashes dropped. Anything not http(s)
 * after that (file paths, `pkg:` URIs, junk) → undefined.
 */
export function normalizeSourceUrl(text: string): NormalizedSource | undefined {
  let rest = text.trim()
  if (rest === '' || /\s/.test(rest)) return undefined
  let fragment: string | undefined
  const hash = rest.indexOf('#')
  if (hash >= 0) {
    fragment = rest.slice(hash + 1)
    rest = rest.slice(0, hash)
  }
  rest = rest.replace(/^git\+/, '')
  const scp = /^[\w.-]+@([\w.-]+):(?!\/\/)(.+)$/.exec(rest)
  if (scp !== null) rest = `https://${scp[1] ?? ''}/${scp[2] ?? ''}`
  rest = rest.replace(/^(?:ssh|git):\/\//, 'https://')
  const url = parseHttpUrl(rest)
  if (url === undefined) return undefined
  const { revision, path } = splitFragment(fragment)
  return {
    url,
    ...(revision === undefined ? {} : { revision }),
    ...(path === undefined ? {} : { path })
  }
}

function parseHttpUrl(text: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(text)
  } catch {
    return undefined
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return undefined
  }
  if (parsed.hostname === '') return undefined
  // `…/repo@refs/heads/main` (git+https in GitHub provenance): the ref is not a commit.
  let path = parsed.pathname.replace(/@refs\/.*$/, '').replace(/@[^/]*$/, '')
  path = path.replace(/\/+$/, '').replace(/\.git$/, '')
  const host = parsed.host.toLowerCase()
  const scheme = isKnownForge(parsed.hostname) ? 'https:' : parsed.protocol
  return `${scheme}//${host}${path}`
}

/** BuildKit git context fragment: `#<ref>[:<subdir>]`. */
function splitFragment(fragment: string | undefined): {
  revision?: string
  path?: string
} {
  if (fragment === undefined || fragment === '') return {}
  const colon = fragment.indexOf(':')
  const ref = colon < 0 ? fragment : fragment.slice(0, colon)
  const dir = colon < 0 ? '' : fragment.slice(colon + 1).replace(/^\/+/, '')
  return {
    ...(COMMIT.test(ref) ? { revision: ref.toLowerCase() } : {}),
    ...(dir === '' || dir === '.' ? {} : { path: dir })
  }
}

function cleanRevision(text: string | undefined): string | undefined {
  const trimmed = text?.trim()
  if (trimmed === undefined || !SAFE_REVISION.test(trimmed)) return undefined
  return COMMIT.test(trimmed) ? trimmed.toLowerCase() : trimmed
}

function withParts(
  url: string,
  revision: string | undefined,
  path: string | undefined,
  from: SourceRef['from']
): SourceRef {
  return {
    url,
    ...(revision === undefined ? {} : { revision }),
    ...(path === undefined ? {} : { path }),
    from
  }
}

/**
 * The source in a SLSA provenance predicate (buildx matches any
 * `https://slsa.dev/provenance/` prefix; so do we):
 * - v0.2: `invocation.configSource.{uri, digest.sha1, entryPoint}`, else a
 *   git entry of `materials[]` with `digest.sha1`;
 * - v1: `buildDefinition.externalParameters.configSource.{uri, digest.sha1,
 *   path}`, else a git entry of `resolvedDependencies[]` with `digest.sha1`
 *   or GitHub's `digest.gitCommit`.
 * Path: the fragment's sub-directory, else the Dockerfile path when it is
 * not the default `Dockerfile`.
 */
export function sourceFromProvenance(
  predicateType: string,
  predicate: unknown
): SourceRef | undefined {
  if (!predicateType.startsWith('https://slsa.dev/provenance/')) {
    return undefined
  }
  const p = asRecord(predicate)
  const v1 = asRecord(p?.['buildDefinition'])
  const v02 = asRecord(p?.['invocation'])
  const config = asRecord(
    v1 === undefined
      ? v02?.['configSource']
      : asRecord(v1['externalParameters'])?.['configSource']
  )
  const fromConfig = refFromEntry(
    config,
    string(config?.['entryPoint']) ?? string(config?.['path'])
  )
  if (fromConfig !== undefined) return fromConfig
  const entries =
    v1 === undefined ? p?.['materials'] : v1['resolvedDependencies']
  if (!Array.isArray(entries)) return undefined
  for (const entry of entries) {
    const found = refFromEntry(asRecord(entry), undefined)
    if (found?.revision !== undefined) return found
  }
  return undefined
}

function refFromEntry(
  entry: Record<string, unknown> | undefined,
  file: string | undefined
): SourceRef | undefined {
  const uri = string(entry?.['uri'])
  if (uri === undefined || uri.startsWith('pkg:')) return undefined
  const normalized = normalizeSourceUrl(uri)
  if (normalized === undefined) return undefined
  const digest = asRecord(entry?.['digest'])
  const revision =
    cleanRevision(string(digest?.['sha1'])) ??
    cleanRevision(string(digest?.['gitCommit'])) ??
    normalized.revision
  const path =
    normalized.path ??
    (file === undefined || file === 'Dockerfile' ? undefined : file)
  return withParts(normalized.url, revision, path, 'provenance')
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}

function string(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** github.com, gitlab.com and self-hosted GitLab on a `gitlab.` host. */
function forgeOf(url: string): 'github' | 'gitlab' | undefined {
  let host: string
  try {
    host = new URL(url).hostname
  } catch {
    return undefined
  }
  if (host === 'github.com' || host === 'www.github.com') return 'github'
  if (host === 'gitlab.com' || host.startsWith('gitlab.')) return 'gitlab'
  return undefined
}

function isKnownForge(hostname: string): boolean {
  return forgeOf(`https://${hostname}/`) !== undefined
}

/** The repository's web root: GitHub `https://github.com/o/r`; GitLab the path before `/-/`. */
function repositoryRoot(url: string): string | undefined {
  const forge = forgeOf(url)
  if (forge === undefined) return undefined
  const parsed = new URL(url)
  const segments = parsed.pathname.split('/').filter(s => s !== '')
  const repo =
    forge === 'github'
      ? segments.length >= 2
        ? segments.slice(0, 2)
        : undefined
      : segments.length >= 2
        ? segments.slice(0, indexOrEnd(segments, '-'))
        : undefined
  if (repo === undefined || repo.length < 2) return undefined
  return `https://${parsed.host.replace(/^www\./, '')}/${repo.join('/')}`
}

function indexOrEnd(segments: readonly string[], value: string): number {
  const index = segments.indexOf(value)
  return index < 0 ? segments.length : index
}

/**
 * Compare link (GitHub `…/compare/<old>...<new>`, GitLab
 * `…/-/compare/<old>...<new>`) when both revisions are known, differ and
 * name the same repository; otherwise a commit link (`…/commit/<rev>`,
 * GitLab `…/-/commit/<rev>`) to the new revision, else the old one.
 * Undefined on other hosts or without any revision.
 */
export function sourceLink(
  old?: SourceRef,
  next?: SourceRef
): SourceEvidence['link'] {
  const oldRoot = old === undefined ? undefined : repositoryRoot(old.url)
  const newRoot = next === undefined ? undefined : repositoryRoot(next.url)
  const dash = (root: string): string =>
    forgeOf(root) === 'gitlab' ? '/-' : ''
  if (
    oldRoot !== undefined &&
    newRoot !== undefined &&
    oldRoot.toLowerCase() === newRoot.toLowerCase() &&
    old?.revision !== undefined &&
    next?.revision !== undefined &&
    old.revision !== next.revision
  ) {
    const url = `${newRoot}${dash(newRoot)}/compare/${old.revision}...${next.revision}`
    return { kind: 'compare', url }
  }
  const side =
    newRoot !== undefined && next?.revision !== undefined
      ? { root: newRoot, revision: next.revision }
      : oldRoot !== undefined && old?.revision !== undefined
        ? { root: oldRoot, revision: old.revision }
        : undefined
  if (side === undefined) return undefined
  const url = `${side.root}${dash(side.root)}/commit/${side.revision}`
  return { kind: 'commit', url }
}
