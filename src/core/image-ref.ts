/**
 * Image references, normalized as distribution/reference does (FACTS.md §1).
 *
 * The text is split structurally (digest, tag, domain, path) and each part is
 * checked against its own rule from the grammar (FACTS.md §1.1), so an error
 * can say which part is wrong instead of "invalid reference format".
 */
import { parseDigest } from './digest.js'
import type { Digest } from './digest.js'

export interface ImageRef {
  /** Exactly as written, e.g. "Node:20" is invalid but "node:20-slim@sha256:…" is kept verbatim. */
  readonly original: string
  /** The name part as written (before ":tag" / "@digest"), e.g. "node" or "ghcr.io/o/app". */
  readonly name: string
  /** Normalized domain: "docker.io", "ghcr.io", "localhost:5000", "127.0.0.1:5000", "[::1]:5000". Lowercased. */
  readonly registry: string
  /** Repository path on that registry: "library/node", "o/app". */
  readonly repository: string
  readonly tag?: string
  readonly digest?: Digest
}

export type ImageRefResult =
  | { readonly ok: true; readonly ref: ImageRef }
  | { readonly ok: false; readonly error: string }

const DOCKER_HUB = 'docker.io'
/** normalize.go `legacyDefaultDomain`; `registry-1.docker.io` is not aliased (FACTS.md §1.3). */
const LEGACY_DOCKER_HUB = 'index.docker.io'
const OFFICIAL_PREFIX = 'library/'
/** distribution/reference v0.6.0+ counts the path only, not the domain (FACTS.md §1.2). */
const MAX_PATH_LENGTH = 255

// regexp.go: domain-name components, bracketed IPv6 without zone IDs, port.
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const DOMAIN_RE = new RegExp(
  `^(?<host>${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])` +
    '(?::(?<port>[0-9]+))?$'
)
// regexp.go: path-component := alpha-numeric [separator alpha-numeric]*,
// separator := [._] | __ | -+
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*'
const PATH_RE = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`)
const TAG_RE = /^[\w][\w.-]{0,127}$/
/** normalize.go rejects image IDs given where a name is expected. */
const IMAGE_ID_RE = /^[a-f0-9]{64}$/

export function parseImageRef(text: string): ImageRefResult {
  const fail = (reason: string): ImageRefResult => ({
    ok: false,
    error: `invalid image reference "${text}": ${reason}`
  })
  if (text === '') return fail('the reference is empty')
  if (IMAGE_ID_RE.test(text)) {
    return fail('a 64-character hexadecimal string is an image ID, not a name')
  }

  const { nameAndTag, digestText } = splitDigest(text)
  const digest = digestText === undefined ? undefined : parseDigest(digestText)
  if (digestText !== undefined && digest === undefined) {
    return fail(
      `digest "${digestText}" must be sha256: with 64 or sha512: with 128 ` +
        'lowercase hexadecimal characters'
    )
  }
  const { name, tag } = splitTag(nameAndTag)
  if (tag !== undefined && !TAG_RE.test(tag)) {
    return fail(
      `tag "${tag}" must be 1 to 128 letters, digits, '_', '.' or '-', ` +
        "and must not start with '.' or '-'"
    )
  }

  const located = locateRepository(name)
  const problem = repositoryProblem(located)
  if (problem !== undefined) return fail(problem)
  const ref: ImageRef = {
    original: text,
    name,
    ...located,
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest })
  }
  return { ok: true, ref }
}

/** "registry/repository:tag" — the dedupe key; one registry round trip per key. */
export function canonicalKey(ref: ImageRef): string {
  return `${ref.registry}/${ref.repository}:${ref.tag ?? 'latest'}`
}

/** "registry/repository", no tag: what a build declaration and a FROM are matched on. */
export function repositoryOf(
  ref: Pick<ImageRef, 'registry' | 'repository'>
): string {
  return `${ref.registry}/${ref.repository}`
}

/**
 * The tag a reference follows: as written; `latest` when none is written
 * ("FROM alpine"); none for a digest-only reference ("alpine@sha256:…").
 */
export function followedTag(
  ref: Pick<ImageRef, 'tag' | 'digest'>
): string | undefined {
  return ref.tag ?? (ref.digest === undefined ? 'latest' : undefined)
}

/** The user's own spelling with the digest set: name + (":" + tag) + "@" + digest. */
export function formatPinned(ref: ImageRef, digest: Digest): string {
  const tag = ref.tag === undefined ? '' : `:${ref.tag}`
  return `${ref.name}${tag}@${digest}`
}

/**
 * The short form people write (normalize.go `familiarizeName`): Docker Hub's
 * domain and a single-level `library/` are dropped. No tag or digest.
 */
export function familiarName(ref: ImageRef): string {
  if (ref.registry !== DOCKER_HUB) return `${ref.registry}/${ref.repository}`
  const official = ref.repository.startsWith(OFFICIAL_PREFIX)
    ? ref.repository.slice(OFFICIAL_PREFIX.length)
    : undefined
  return official !== undefined && !official.includes('/')
    ? official
    : ref.repository
}

interface DigestSplit {
  readonly nameAndTag: string
  readonly digestText?: string
}

/** Neither names nor tags may contain "@", so the first one starts the digest. */
function splitDigest(text: string): DigestSplit {
  const at = text.indexOf('@')
  if (at < 0) return { nameAndTag: text }
  return { nameAndTag: text.slice(0, at), digestText: text.slice(at + 1) }
}

interface TagSplit {
  readonly name: string
  readonly tag?: string
}

/** A ":" after the last "/" starts the tag; earlier ones belong to a port. */
function splitTag(nameAndTag: string): TagSplit {
  const colon = nameAndTag.lastIndexOf(':')
  if (colon < 0 || colon < nameAndTag.lastIndexOf('/')) {
    return { name: nameAndTag }
  }
  return { name: nameAndTag.slice(0, colon), tag: nameAndTag.slice(colon + 1) }
}

interface Located {
  readonly registry: string
  readonly repository: string
}

/**
 * normalize.go `splitDockerDomain`: only the text before the first "/" can be
 * a domain. Hosts are compared lowercased because DNS names are
 * case-insensitive; the library compares them as written.
 */
function locateRepository(name: string): Located {
  const slash = name.indexOf('/')
  const first = slash < 0 ? '' : name.slice(0, slash)
  const rest = name.slice(slash + 1)
  const domain = first.toLowerCase()
  const isDomain =
    slash >= 0 &&
    (domain === 'localhost' ||
      /[.:]/.test(first) ||
      first !== domain) /* uppercase namespaces are illegal, so a domain */
  if (!isDomain) return hubRepository(name)
  if (domain === LEGACY_DOCKER_HUB || domain === DOCKER_HUB) {
    return hubRepository(rest)
  }
  return { registry: domain, repository: rest }
}

/** Single-component Hub names are official images under `library/`. */
function hubRepository(path: string): Located {
  const repository = path.includes('/') ? path : `${OFFICIAL_PREFIX}${path}`
  return { registry: DOCKER_HUB, repository }
}

function repositoryProblem({
  registry,
  repository
}: Located): string | undefined {
  if (registry !== DOCKER_HUB && !DOMAIN_RE.test(registry)) {
    return `registry "${registry}" is not a valid host[:port]`
  }
  if (repository !== repository.toLowerCase()) {
    return 'repository name must be lowercase'
  }
  if (!PATH_RE.test(repository)) {
    return (
      `repository "${repository}" must be lowercase letters and digits, ` +
      "with components separated by '/' and joined by '.', '_', '__' or '-'"
    )
  }
  if (repository.length > MAX_PATH_LENGTH) {
    return (
      `repository path must not be more than ${MAX_PATH_LENGTH} characters ` +
      `(it has ${repository.length})`
    )
  }
  return undefined
}
