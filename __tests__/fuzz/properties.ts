/**
 * The fuzz properties, shared by the CI test (__tests__/fuzz/*.test.ts, a
 * few hundred runs each) and the long run (bench/fuzz.ts, 100k+). Each one
 * throws (node:assert) on a violation, so fast-check shrinks to a minimal
 * counterexample and prints it with the seed and path to replay it.
 */
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import fc from 'fast-check'

import type { Digest } from '../../src/core/digest.js'
import { applyEdits, verifyRewrite } from '../../src/core/rewrite.js'
import type { Edit } from '../../src/core/rewrite.js'
import {
  pinnedSpanText,
  scanDockerfile
} from '../../src/core/dockerfile/scan.js'
import type { ImageSite } from '../../src/core/dockerfile/scan.js'
import {
  canonicalKey,
  formatPinned,
  parseImageRef
} from '../../src/core/image-ref.js'
import { planUpdates } from '../../src/core/plan.js'
import type { Resolution } from '../../src/core/resolution.js'
import { credentialFromEntry } from '../../src/registry/credentials.js'
import {
  configKeyHost,
  decodeAuth,
  findConfigKey,
  helperFor,
  parseAuthConfigEnv,
  parseDockerConfig
} from '../../src/registry/docker-config.js'
import { parseWwwAuthenticate } from '../../src/registry/www-authenticate.js'
import type { Challenge } from '../../src/registry/www-authenticate.js'
import {
  anyText,
  challengeSpec,
  codeUnitString,
  configCase,
  decodedBytes,
  digestArb,
  dockerfile,
  dockerfileSpec,
  formatRef,
  headerLike,
  noisyDockerfile,
  referenceLike,
  refPartsArb,
  renderChallenges,
  renderDockerfile
} from './arbitraries.js'
import type { ChallengeSpec, RefParts } from './arbitraries.js'

export interface FuzzParameters {
  readonly numRuns: number
  readonly seed?: number
  readonly path?: string
}

export interface FuzzOutcome {
  readonly failed: boolean
  readonly numRuns: number
  /** fast-check's report: the shrunk counterexample, seed and path. */
  readonly message: string
}

export interface FuzzProperty {
  readonly name: string
  /** Runs per CI run (FRESHBASE_FUZZ_RUNS overrides it). */
  readonly runs: number
  /** Runs in bench/fuzz.ts. */
  readonly longRuns: number
  readonly check: (parameters: FuzzParameters) => FuzzOutcome
}

function define<Ts extends [unknown, ...unknown[]]>(
  name: string,
  runs: number,
  longRuns: number,
  property: () => fc.IPropertyWithHooks<Ts>
): FuzzProperty {
  return {
    name,
    runs,
    longRuns,
    check: ({ numRuns, seed, path }) => {
      const details = fc.check(property(), {
        numRuns,
        ...(seed === undefined ? {} : { seed }),
        ...(path === undefined ? {} : { path })
      })
      return {
        failed: details.failed,
        numRuns: details.numRuns,
        message: fc.defaultReportMessage(details) ?? ''
      }
    }
  }
}

const FILE = 'Dockerfile'

// -------------------------------------------------------------------- scanner

/** What every scan must keep, whatever the text. */
export function checkScanInvariants(text: string): ImageSite[] {
  const sites = scanDockerfile(FILE, text)
  const lineCount = text.split(/\r\n|\r|\n/).length
  for (const site of sites) {
    assert.ok(site.line >= 1 && site.line <= lineCount, `line ${site.line}`)
    if (site.skip !== undefined) {
      assert.equal(site.span, undefined, 'a skipped site has no span')
      continue
    }
    const { span, spanText, spanPrefixLength, spanLine } = site
    assert.ok(span !== undefined && spanText !== undefined, 'span')
    assert.ok(span.start >= 0 && span.start <= span.end, 'span order')
    assert.equal(text.slice(span.start, span.end), spanText, 'spanText')
    assert.ok(
      spanPrefixLength !== undefined &&
        spanPrefixLength >= 0 &&
        spanPrefixLength <= spanText.length,
      'spanPrefixLength'
    )
    assert.ok(spanLine !== undefined && spanLine >= 1, 'spanLine')
    assert.ok(site.ref !== undefined, 'a pinnable site has a reference')
  }
  return sites
}

export const scanNeverThrows = define(
  'scanDockerfile never throws and keeps its span invariants',
  800,
  100_000,
  () => fc.property(anyText, text => void checkScanInvariants(text))
)

export const scanSeesConstructs = define(
  'scanDockerfile reports every generated construct at its line, nothing from heredoc bodies',
  500,
  50_000,
  () =>
    fc.property(dockerfileSpec, spec => {
      const { text, expected } = renderDockerfile(spec)
      const sites = checkScanInvariants(text)
      const seen = sites.map((s, i) => ({
        source: s.source,
        line: s.line,
        ...(expected[i]?.image === undefined ? {} : { image: s.image })
      }))
      assert.deepEqual(seen, expected)
      for (const site of sites) {
        // Images only written in comments, heredoc bodies or ONBUILD.
        const hidden = /incomment|inheredoc|onbuildonly/
        assert.ok(!hidden.test(site.image), `not a site: ${site.image}`)
      }
    })
)

export const noEditsIsIdentity = define(
  'a plan with no updates leaves the text byte-identical',
  400,
  50_000,
  () =>
    fc.property(anyText, text => {
      const applied = applyEdits(text, [])
      assert.deepEqual(applied, { ok: true, text })
      const sites = scanDockerfile(FILE, text)
      assert.deepEqual(scanDockerfile(FILE, text), sites, 'deterministic')
      const plan = planUpdates(sites, [], { pinUnpinned: true })
      assert.deepEqual(plan.files, [])
      assert.deepEqual(verifyRewrite(FILE, text, text, [], sites), {
        ok: true
      })
    })
)

function pinnable(site: ImageSite): boolean {
  return (
    site.skip === undefined &&
    site.span !== undefined &&
    site.spanText !== undefined &&
    site.ref !== undefined
  )
}

/** A fresh digest per image key, derived from the run's seed. */
function digestFor(seed: number, key: string): Digest {
  const hex = createHash('sha256').update(`${seed}\0${key}`).digest('hex')
  return `sha256:${hex}` as Digest
}

interface Pinning {
  readonly sites: readonly ImageSite[]
  readonly edits: readonly Edit[]
  readonly digests: ReadonlyMap<string, Digest>
}

/**
 * The edits plan.ts makes when every pinnable site's key resolves to a new
 * digest: one per span, and sites sharing a span must agree on it.
 */
function pinEverything(text: string, seed: number): Pinning {
  const sites = scanDockerfile(FILE, text)
  const digests = new Map<string, Digest>()
  const bySpan = new Map<string, Edit>()
  for (const site of sites) {
    if (!pinnable(site) || site.ref === undefined) continue
    const key = canonicalKey(site.ref)
    const digest = digests.get(key) ?? digestFor(seed, key)
    digests.set(key, digest)
    const span = site.span ?? { start: 0, end: 0 }
    const edit = {
      span,
      expected: site.spanText ?? '',
      replacement: pinnedSpanText(site, digest)
    }
    const spanKey = `${span.start}:${span.end}`
    const previous = bySpan.get(spanKey)
    if (previous === undefined) bySpan.set(spanKey, edit)
    else assert.deepEqual(edit, previous, 'sites sharing a span agree')
  }
  return { sites, edits: [...bySpan.values()], digests }
}

function sortedEdits(edits: readonly Edit[]): Edit[] {
  return [...edits].sort(
    (a, b) => a.span.start - b.span.start || a.span.end - b.span.end
  )
}

/** plan.ts, given the same digests, makes exactly these edits. */
function checkPlanAgrees(pinning: Pinning): void {
  const resolutions: Resolution[] = [...pinning.digests].map(
    ([key, digest]) => ({
      kind: 'resolved',
      key,
      digest,
      mediaType: 'application/vnd.oci.image.index.v1+json'
    })
  )
  const plan = planUpdates(pinning.sites, resolutions, { pinUnpinned: true })
  const planned = (plan.files[0]?.edits ?? []).map(
    ({ key: _key, ...edit }) => edit
  )
  assert.deepEqual(sortedEdits(planned), sortedEdits(pinning.edits), 'plan')
  assert.ok(
    plan.rows.every(row => row.decision !== 'failed'),
    'no failures'
  )
}

/** Every byte outside the edited spans is unchanged, and each span holds its replacement. */
function checkOnlySpansChanged(
  before: string,
  after: string,
  edits: readonly Edit[]
): void {
  let from = 0
  let to = 0
  for (const edit of sortedEdits(edits)) {
    const kept = before.slice(from, edit.span.start)
    assert.equal(after.slice(to, to + kept.length), kept, 'outside a span')
    to += kept.length
    const written = after.slice(to, to + edit.replacement.length)
    assert.equal(written, edit.replacement, 'replacement')
    to += edit.replacement.length
    from = edit.span.end
  }
  assert.equal(after.slice(to), before.slice(from), 'after the last span')
}

export function checkPinRoundTrip(text: string, seed: number): void {
  const pinning = pinEverything(text, seed)
  const { sites, edits, digests } = pinning
  checkPlanAgrees(pinning)
  const applied = applyEdits(text, edits)
  assert.ok(applied.ok, applied.ok ? '' : applied.error)
  const after = applied.text
  // (a) only the spans changed.
  checkOnlySpansChanged(text, after, edits)
  // (b) the same sites, the edited ones carrying their new digest.
  const again = checkScanInvariants(after)
  assert.deepEqual(
    again.map(s => [s.source, s.line]),
    sites.map(s => [s.source, s.line]),
    'same sites after pinning'
  )
  for (const [i, site] of sites.entries()) {
    const now = again[i]
    if (!pinnable(site) || site.ref === undefined) {
      assert.equal(now?.image, site.image, 'unedited image')
      assert.equal(now?.skip?.code, site.skip?.code, 'unedited skip')
      continue
    }
    const key = canonicalKey(site.ref)
    assert.equal(now?.skip, undefined, `pinned site ${site.line} skipped`)
    assert.equal(now?.ref?.digest, digests.get(key), 'new digest')
    assert.equal(now?.ref && canonicalKey(now.ref), key, 'same key')
  }
  // (c) the rewrite check accepts it.
  const verified = verifyRewrite(FILE, text, after, edits, sites)
  assert.ok(verified.ok, verified.ok ? '' : verified.error)
  // (d) pinning the same digests again changes nothing.
  const second = pinEverything(after, seed)
  for (const edit of second.edits) {
    assert.equal(edit.replacement, edit.expected, 'second pass is a no-op')
  }
  assert.deepEqual(applyEdits(after, second.edits), { ok: true, text: after })
}

export const pinRoundTrip = define(
  'pinning every site changes only its spans and re-scans to the new digests',
  300,
  30_000,
  () =>
    fc.property(dockerfile, fc.integer(), (text, seed) =>
      checkPinRoundTrip(text, seed)
    )
)

export const pinRoundTripNoisy = define(
  'pinning every site of a noisy file changes only its spans and re-scans to the new digests',
  300,
  30_000,
  () =>
    fc.property(noisyDockerfile, fc.integer(), (text, seed) =>
      checkPinRoundTrip(text, seed)
    )
)

// ----------------------------------------------------------- image references

const alphanumeric = '[a-z0-9]+'
const separator = '(?:[._]|__|[-]+)'
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const domainAndPort = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`
/** distribution/reference's ReferenceRegexp (FACTS.md §1.1), anchored. */
export const REFERENCE_RE = new RegExp(
  `^(?:${domainAndPort}/)?${pathComponent}(?:/${pathComponent})*` +
    '(?::[\\w][\\w.-]{0,127})?' +
    '(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$'
)

export const imageRefNeverThrows = define(
  'parseImageRef never throws, and accepts only what the reference grammar allows',
  2000,
  200_000,
  () =>
    fc.property(
      fc.oneof(
        referenceLike,
        fc.string({ unit: 'binary', maxLength: 40 }),
        codeUnitString
      ),
      text => {
        const parsed = parseImageRef(text)
        if (!parsed.ok) {
          assert.ok(parsed.error.startsWith(`invalid image reference "`))
          return
        }
        assert.match(text, REFERENCE_RE)
        assert.doesNotMatch(text, /^[a-f0-9]{64}$/)
        assert.ok(parsed.ref.repository.length <= 255)
        assert.equal(parsed.ref.original, text)
        assert.ok(text.startsWith(parsed.ref.name))
      }
    )
)

/** How distribution/reference normalizes a name (FACTS.md §1.3, `splitDockerDomain`). */
function expectedLocation(parts: RefParts): {
  registry: string
  repository: string
} {
  const name =
    parts.domain === undefined ? parts.path : `${parts.domain}/${parts.path}`
  const slash = name.indexOf('/')
  const first = name.slice(0, Math.max(slash, 0))
  const isDomain =
    slash >= 0 &&
    (first === 'localhost' ||
      /[.:]/.test(first) ||
      first !== first.toLowerCase())
  const domain = isDomain ? first.toLowerCase() : 'docker.io'
  const path = isDomain ? name.slice(slash + 1) : name
  if (domain !== 'docker.io' && domain !== 'index.docker.io') {
    return { registry: domain, repository: path }
  }
  const repository = path.includes('/') ? path : `library/${path}`
  return { registry: 'docker.io', repository }
}

export const imageRefRoundTrip = define(
  'valid references parse, normalize as distribution does, and re-parse stably once pinned',
  2000,
  200_000,
  () =>
    fc.property(refPartsArb, digestArb, (parts, digest) => {
      const text = formatRef(parts)
      const parsed = parseImageRef(text)
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.error)
      const { ref } = parsed
      assert.deepEqual(
        {
          registry: ref.registry,
          repository: ref.repository,
          tag: ref.tag,
          digest: ref.digest
        },
        { ...expectedLocation(parts), tag: parts.tag, digest: parts.digest }
      )
      const pinned = formatPinned(ref, digest as Digest)
      const spelling = text.split('@')[0] ?? ''
      assert.equal(pinned, `${spelling}@${digest}`, 'keeps the spelling')
      const again = parseImageRef(pinned)
      assert.ok(again.ok, again.ok ? '' : again.error)
      assert.equal(canonicalKey(again.ref), canonicalKey(ref), 'stable key')
      assert.equal(again.ref.digest, digest)
      assert.equal(formatPinned(again.ref, digest as Digest), pinned)
    })
)

// ----------------------------------------------------------- WWW-Authenticate

export const wwwAuthenticateNeverThrows = define(
  'parseWwwAuthenticate never throws and returns well-formed challenges',
  2000,
  200_000,
  () =>
    fc.property(headerLike, header => {
      for (const challenge of parseWwwAuthenticate(header)) {
        assert.notEqual(challenge.scheme, '')
        assert.equal(challenge.scheme, challenge.scheme.toLowerCase())
        for (const [name, value] of Object.entries(challenge.params)) {
          assert.equal(name, name.toLowerCase())
          assert.equal(typeof value, 'string')
        }
      }
    })
)

function expectedChallenge(spec: ChallengeSpec): Challenge {
  const scheme = spec.scheme.toLowerCase()
  if (spec.token68 !== undefined) {
    return { scheme, params: {}, token68: spec.token68 }
  }
  const params = new Map<string, string>()
  for (const p of spec.params) {
    const name = p.name.toLowerCase()
    if (!params.has(name)) params.set(name, p.value)
  }
  return { scheme, params: Object.fromEntries(params) }
}

export const wwwAuthenticateRoundTrip = define(
  'parseWwwAuthenticate reads back generated challenges: quoted commas, escaped quotes, BWS',
  2000,
  200_000,
  () =>
    fc.property(
      fc.array(challengeSpec, { minLength: 1, maxLength: 3 }),
      fc.constantFrom(',', ', ', ' , ', ',\t', ' ,,  '),
      fc.boolean(),
      (challenges, separator, escapeAll) => {
        const header = renderChallenges(challenges, separator, escapeAll)
        assert.deepEqual(
          parseWwwAuthenticate(header),
          challenges.map(expectedChallenge)
        )
      }
    )
)

// -------------------------------------------------------------- Docker config

const CONFIG_FILE = '/home/runner/.docker/config.json'

/** Secrets and their encodings that must never reach a message. */
function secretForms(secret: string): string[] {
  return [
    secret,
    Buffer.from(`user:${secret}`).toString('base64'),
    Buffer.from(secret).toString('base64')
  ]
}

function checkConfigError(
  run: () => unknown,
  names: string,
  secret: string | undefined
): unknown {
  try {
    return run()
  } catch (error) {
    assert.ok(error instanceof Error, `threw ${String(error)}`)
    assert.ok(error.message.includes(names), error.message)
    for (const form of secret === undefined ? [] : secretForms(secret)) {
      assert.ok(!error.message.includes(form), `leaks: ${error.message}`)
    }
    return undefined
  }
}

export const dockerConfigErrors = define(
  'the Docker config readers throw only their own Error naming the source, never quoting a secret',
  1500,
  100_000,
  () =>
    fc.property(
      fc.oneof(
        { weight: 4, arbitrary: configCase },
        {
          weight: 1,
          arbitrary: fc
            .oneof(
              fc.json(),
              fc.string({ unit: 'binary', maxLength: 60 }),
              codeUnitString,
              decodedBytes
            )
            .map(text => ({ text, secret: undefined }))
        }
      ),
      ({ text, secret }) => {
        const config = checkConfigError(
          () => parseDockerConfig(text, CONFIG_FILE),
          CONFIG_FILE,
          secret
        )
        checkConfigError(
          () => parseAuthConfigEnv(text),
          'DOCKER_AUTH_CONFIG',
          secret
        )
        if (config === undefined) return
        const parsed = parseDockerConfig(text, CONFIG_FILE)
        for (const registry of ['docker.io', 'ghcr.io', 'localhost:5000']) {
          helperFor(parsed, registry)
          findConfigKey(Object.keys(parsed.auths), registry)
        }
        for (const [key, entry] of Object.entries(parsed.auths)) {
          configKeyHost(key)
          credentialFromEntry(entry)
          if (entry.auth !== undefined) decodeAuth(entry.auth)
        }
      }
    )
)

export const ALL_PROPERTIES: readonly FuzzProperty[] = [
  scanNeverThrows,
  scanSeesConstructs,
  noEditsIsIdentity,
  pinRoundTrip,
  pinRoundTripNoisy,
  imageRefNeverThrows,
  imageRefRoundTrip,
  wwwAuthenticateNeverThrows,
  wwwAuthenticateRoundTrip,
  dockerConfigErrors
]
