/**
 * The YAML rewrite properties (issue 10), shared by the CI test
 * (__tests__/fuzz/yaml-rewrite.test.ts) and the long run (bench/fuzz.ts):
 * over generated Compose files, Kubernetes manifests and GitHub workflows
 * (yaml-arbitraries.ts), every pinnable site is pinned with the checked
 * rewrite the pipeline uses (core/rewrite.ts rewriteChecked), and
 * (a) the check accepts; (b) only the scalars' bytes change, decoys never;
 * (c) the output re-scans to the digests written and parses to the same
 * YAML tree with only those values changed; (d) a second apply is a no-op;
 * (e) the scanner finds exactly the image places the generator wrote.
 */
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import type { Document, Node } from 'yaml'
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  Scalar
} from 'yaml'

import { pinnedSpanText } from '../../src/core/dockerfile/scan.js'
import { canonicalKey } from '../../src/core/image-ref.js'
import type { ImageSite } from '../../src/core/image-site.js'
import { applyEdits, rewriteChecked } from '../../src/core/rewrite.js'
import type { Edit } from '../../src/core/rewrite.js'
import { scanFile } from '../../src/core/scan.js'
import type { FuzzParameters, FuzzProperty } from './properties.js'
import {
  composeCase,
  kubernetesCase,
  workflowCase
} from './yaml-arbitraries.js'
import type { ExpectedYamlSite, YamlCase } from './yaml-arbitraries.js'

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
    check: ({ numRuns, seed, path }: FuzzParameters) => {
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

const PARSE_OPTIONS = {
  keepSourceTokens: true,
  merge: true,
  uniqueKeys: false
} as const

function parse(text: string): Document.Parsed[] {
  return parseAllDocuments(text, PARSE_OPTIONS) as Document.Parsed[]
}

function pinnable(site: ImageSite): boolean {
  return (
    site.skip === undefined &&
    site.span !== undefined &&
    site.spanText !== undefined &&
    site.ref !== undefined
  )
}

/** A fresh digest per image key, derived from the run's seed. */
export function digestFor(seed: number, key: string): string {
  const hex = createHash('sha256').update(`${seed}\0${key}`).digest('hex')
  return `sha256:${hex}`
}

/** One edit per span, as plan.ts makes them: sites sharing a span (an alias) agree. */
export function pinEdits(
  sites: readonly ImageSite[],
  seed: number
): { edits: Edit[]; digests: Map<string, string> } {
  const digests = new Map<string, string>()
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
    const at = `${span.start}:${span.end}`
    const previous = bySpan.get(at)
    if (previous === undefined) bySpan.set(at, edit)
    else assert.deepEqual(edit, previous, 'sites sharing a span agree')
  }
  const edits = [...bySpan.values()].sort((a, b) => a.span.start - b.span.start)
  return { edits, digests }
}

function brief(site: ExpectedYamlSite): string {
  return site.skip === undefined
    ? site.image
    : `${site.image} skip:${site.skip}`
}

/** (e) the sites found are the image places written, no more, no fewer. */
function checkFound(c: YamlCase, sites: readonly ImageSite[]): void {
  const found = sites.map(s =>
    brief({
      image: s.image,
      ...(s.skip === undefined ? {} : { skip: s.skip.code })
    })
  )
  const sorted = (list: string[]) =>
    [...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  assert.deepEqual(
    sorted(found),
    sorted(c.expected.map(brief)),
    'the sites are the image places written'
  )
  for (const site of sites) {
    assert.ok(!site.image.includes('decoy/'), `a decoy read as an image`)
    if (site.span === undefined) continue
    assert.equal(
      c.text.slice(site.span.start, site.span.end),
      site.spanText,
      'spanText is the text at span'
    )
  }
}

/** (b) every byte outside the edited spans is unchanged, decoys included. */
function checkOnlySpans(
  before: string,
  after: string,
  edits: readonly Edit[],
  decoys: readonly string[]
): void {
  let from = 0
  let to = 0
  for (const edit of edits) {
    const kept = before.slice(from, edit.span.start)
    assert.equal(after.slice(to, to + kept.length), kept, 'outside a span')
    to += kept.length
    const written = after.slice(to, to + edit.replacement.length)
    assert.equal(written, edit.replacement, 'replacement')
    to += edit.replacement.length
    from = edit.span.end
  }
  assert.equal(after.slice(to), before.slice(from), 'after the last span')
  const count = (text: string, s: string) => text.split(s).length - 1
  for (const decoy of decoys) {
    assert.equal(count(after, decoy), count(before, decoy), `decoy ${decoy}`)
    for (const edit of edits) {
      const around = before.slice(
        Math.max(0, edit.span.start - decoy.length),
        edit.span.end + decoy.length
      )
      assert.ok(!around.includes(decoy), `an edit touches decoy ${decoy}`)
    }
  }
}

/** The value a scalar must have after the edits: the edit spliced into its value. */
function expectedValue(
  scalar: Scalar,
  edits: readonly Edit[],
  used: Set<Edit>
): unknown {
  const range = scalar.range
  if (range === undefined || range === null) return scalar.value
  const edit = edits.find(
    e => e.span.start >= range[0] && e.span.end <= range[1]
  )
  if (edit === undefined) return scalar.value
  used.add(edit)
  const inner = scalar.type === Scalar.PLAIN ? range[0] : range[0] + 1
  const value = String(scalar.value)
  return (
    value.slice(0, edit.span.start - inner) +
    edit.replacement +
    value.slice(edit.span.end - inner)
  )
}

/** (c) the same YAML tree, node by node, with only the edited scalars' values changed. */
function checkSameTree(
  before: unknown,
  after: unknown,
  edits: readonly Edit[],
  used: Set<Edit>,
  path: string
): void {
  if (isScalar(before)) {
    assert.ok(isScalar(after), `${path}: scalar`)
    assert.equal(after.type, before.type, `${path}: scalar style`)
    assert.equal(after.anchor, before.anchor, `${path}: anchor`)
    // The merge key's value is a symbol made per parse: compared by name.
    const shown = (v: unknown) => (typeof v === 'symbol' ? String(v) : v)
    assert.equal(
      shown(after.value),
      shown(expectedValue(before, edits, used)),
      `${path}: value`
    )
  } else if (isAlias(before)) {
    assert.ok(
      isAlias(after) && after.source === before.source,
      `${path}: alias`
    )
  } else if (isMap(before) || isSeq(before)) {
    const kind = isMap(before) ? 'map' : 'seq'
    assert.ok(isMap(before) ? isMap(after) : isSeq(after), `${path}: ${kind}`)
    const a = (after as { items: unknown[]; flow?: boolean }).items
    assert.equal(a.length, before.items.length, `${path}: size`)
    assert.equal((after as Node & { flow?: boolean }).flow, before.flow)
    for (const [i, item] of before.items.entries()) {
      const other = a[i]
      if (isPair(item)) {
        assert.ok(isPair(other), `${path}[${i}]: pair`)
        checkSameTree(item.key, other.key, edits, used, `${path}[${i}].key`)
        checkSameTree(item.value, other.value, edits, used, `${path}[${i}]`)
      } else checkSameTree(item, other, edits, used, `${path}[${i}]`)
    }
  } else assert.equal(after ?? null, before ?? null, `${path}: empty`)
}

function checkParsesTheSame(
  before: string,
  after: string,
  edits: readonly Edit[]
): void {
  const a = parse(after)
  const b = parse(before)
  assert.equal(a.length, b.length, 'documents')
  const used = new Set<Edit>()
  for (const [i, document] of b.entries()) {
    assert.deepEqual(a[i]?.errors, [], 'the output parses')
    checkSameTree(document.contents, a[i]?.contents, edits, used, `doc${i}`)
  }
  assert.equal(used.size, edits.length, 'every edit is inside a scalar')
}

/** The output re-scans to the same sites, the pinned ones at their new digests. */
function checkRescan(
  c: YamlCase,
  sites: readonly ImageSite[],
  after: string,
  digests: ReadonlyMap<string, string>
): ImageSite[] {
  const again = scanFile(c.file, after, c.kind)
  assert.equal(again.length, sites.length, 'same number of sites')
  for (const [i, site] of sites.entries()) {
    const now = again[i]
    if (!pinnable(site) || site.ref === undefined) {
      assert.equal(now?.image, site.image, 'unedited image')
      assert.equal(now?.skip?.code, site.skip?.code, 'unedited skip')
      continue
    }
    const digest = digests.get(canonicalKey(site.ref))
    assert.equal(now?.skip, undefined, `pinned site ${site.line} skipped`)
    assert.equal(now?.ref?.digest, digest, 'the digest written')
  }
  return again
}

export function checkYamlRoundTrip(
  c: YamlCase,
  seed: number,
  exact = true
): void {
  const parsed = parse(c.text)
  const errors = parsed.flatMap(d => d.errors.map(e => e.message))
  if (exact) {
    assert.deepEqual(errors, [], 'the generator writes valid YAML')
    // toJS throws on an alias written before its anchor.
    for (const d of parsed) d.toJS({ maxAliasCount: -1 })
  }
  const sites = scanFile(c.file, c.text, c.kind)
  if (exact) checkFound(c, sites)
  const { edits, digests } = pinEdits(sites, seed)
  const result = rewriteChecked(c.file, c.text, edits, sites, c.kind)
  // (a) the rewrite check accepts.
  assert.ok(result.ok, result.ok ? '' : result.error)
  const after = result.text
  checkOnlySpans(c.text, after, edits, c.decoys)
  const again = checkRescan(c, sites, after, digests)
  if (errors.length === 0) checkParsesTheSame(c.text, after, edits)
  // (d) the same digests again: nothing to change.
  const second = pinEdits(again, seed)
  for (const edit of second.edits)
    assert.equal(edit.replacement, edit.expected, 'second apply is a no-op')
  assert.deepEqual(applyEdits(after, second.edits), { ok: true, text: after })
}

function roundTrip(name: string, cases: fc.Arbitrary<YamlCase>): FuzzProperty {
  return define(
    `pinning every ${name} site changes only its scalars, re-parses to the new digests and finds every image place`,
    300,
    30_000,
    () =>
      fc.property(cases, fc.integer(), (c, seed) => {
        try {
          checkYamlRoundTrip(c, seed)
        } catch (error) {
          throw new Error(
            `${(error as Error).message}\n--- ${c.file} (${c.kind}) ---\n${JSON.stringify(c.text)}\n${c.text}`
          )
        }
      })
  )
}

export const composeRoundTrip = roundTrip('Compose', composeCase)
export const kubernetesRoundTrip = roundTrip('Kubernetes', kubernetesCase)
export const workflowRoundTrip = roundTrip('workflow', workflowCase)

const FRAGMENTS = [
  '\n',
  '\r\n',
  ' ',
  '  ',
  '#',
  ' # c',
  ':',
  ': ',
  '- ',
  '"',
  "'",
  '&a ',
  '*a',
  '<<: *a\n',
  '{',
  '}',
  '[',
  ']',
  ',',
  '|\n',
  '>-\n',
  '---\n',
  '\uFEFF',
  '\t',
  '${',
  '${{ x }}',
  'image: ',
  '\nimage: node:20\n',
  '@sha256:' + 'a'.repeat(64),
  '# freshbase: ignore'
]

/** A generated file with fragments inserted and slices deleted anywhere. */
const noisyCase: fc.Arbitrary<YamlCase> = fc
  .tuple(
    fc.oneof(composeCase, kubernetesCase, workflowCase),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.oneof(
          fc.constantFrom(...FRAGMENTS),
          fc.nat(8).map(n => -n - 1)
        )
      ),
      { minLength: 1, maxLength: 4 }
    )
  )
  .map(([c, changes]) => ({
    ...c,
    decoys: [],
    text: changes.reduce((out, [at, change]) => {
      const i = at % (out.length + 1)
      return typeof change === 'string'
        ? out.slice(0, i) + change + out.slice(i)
        : out.slice(0, i) + out.slice(i - change - 1)
    }, c.text)
  }))

export const noisyRoundTrip = define(
  'every site the YAML scanners offer in a damaged file can be pinned: the check accepts, only spans change, a second apply is a no-op',
  300,
  30_000,
  () =>
    fc.property(noisyCase, fc.integer(), (c, seed) => {
      try {
        checkYamlRoundTrip(c, seed, false)
      } catch (error) {
        throw new Error(
          `${(error as Error).message}\n--- ${c.file} (${c.kind}) ---\n${JSON.stringify(c.text)}`
        )
      }
    })
)

export const YAML_PROPERTIES: readonly FuzzProperty[] = [
  composeRoundTrip,
  kubernetesRoundTrip,
  workflowRoundTrip,
  noisyRoundTrip
]
