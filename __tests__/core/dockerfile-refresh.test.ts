/**
 * Issue 8 §6: an existing digest is refreshed wherever its bytes are
 * written plainly — in the FROM line, or in an ARG value that holds only the
 * digest and that nothing else reads — even when the tag comes from an ARG.
 * Each shape goes scan → resolve request → plan → apply → verify → plan
 * again, byte for byte.
 */
import { describe, expect, it } from 'vitest'

import type { Digest } from '../../src/core/digest.js'
import { applyEdits, verifyRewrite } from '../../src/core/rewrite.js'
import { scanDockerfile } from '../../src/core/dockerfile/scan.js'
import { planUpdates } from '../../src/core/plan.js'
import { buildRequests } from '../../src/core/resolve-requests.js'
import type { Resolution } from '../../src/core/resolution.js'

const OLD = `sha256:${'a'.repeat(64)}` as Digest
const NEW = `sha256:${'b'.repeat(64)}` as Digest
const OTHER = `sha256:${'c'.repeat(64)}`
const NODE_20 = 'docker.io/library/node:20'

function resolved(key: string, digest: Digest = NEW): Resolution {
  return {
    kind: 'resolved',
    key,
    digest,
    mediaType: 'application/vnd.oci.image.index.v1+json'
  }
}

function plan(text: string, key = NODE_20, digest: Digest = NEW) {
  const sites = scanDockerfile('Dockerfile', text)
  return {
    sites,
    plan: planUpdates(sites, [resolved(key, digest)], { pinUnpinned: true })
  }
}

interface Shape {
  readonly name: string
  readonly text: string
  /** The text once refreshed to NEW, byte for byte. */
  readonly after: string
  /** 1-based lines of the FROMs that are refreshed. */
  readonly from: readonly number[]
  /** 1-based line of the digest bytes, and the ARG that holds them. */
  readonly at: { readonly line: number; readonly arg?: string }
  readonly key?: string
}

const SHAPES: readonly Shape[] = [
  {
    name: 'a tag ARG, the digest in the FROM line',
    text: `ARG TAG=20\nFROM node:\${TAG}@${OLD}\n`,
    after: `ARG TAG=20\nFROM node:\${TAG}@${NEW}\n`,
    from: [2],
    at: { line: 2 }
  },
  {
    name: 'a tag ARG, "@" and the digest in their own ARG',
    text: `ARG TAG=20\nARG HASH=@${OLD}\nFROM node:\${TAG}\${HASH}\n`,
    after: `ARG TAG=20\nARG HASH=@${NEW}\nFROM node:\${TAG}\${HASH}\n`,
    from: [3],
    at: { line: 2, arg: 'HASH' }
  },
  {
    name: 'a tag ARG, the digest alone in its own ARG after a literal "@"',
    text: `ARG TAG=20\nARG DIGEST=${OLD}\nFROM node:\${TAG}@\${DIGEST}\n`,
    after: `ARG TAG=20\nARG DIGEST=${NEW}\nFROM node:\${TAG}@\${DIGEST}\n`,
    from: [3],
    at: { line: 2, arg: 'DIGEST' }
  },
  {
    name: 'a literal tag, the digest in an ARG',
    text: `ARG D=${OLD}\nFROM node:20@\${D}\n`,
    after: `ARG D=${NEW}\nFROM node:20@\${D}\n`,
    from: [2],
    at: { line: 1, arg: 'D' }
  },
  {
    name: 'a double-quoted digest ARG, CRLF line endings',
    text: `ARG D="${OLD}"\r\nFROM node:20@\${D} AS build\r\n`,
    after: `ARG D="${NEW}"\r\nFROM node:20@\${D} AS build\r\n`,
    from: [2],
    at: { line: 1, arg: 'D' }
  },
  {
    name: 'a single-quoted digest ARG',
    text: `ARG D='${OLD}'\nFROM node:20@$D\n`,
    after: `ARG D='${NEW}'\nFROM node:20@$D\n`,
    from: [2],
    at: { line: 1, arg: 'D' }
  },
  {
    name: 'the tag and the digest ARG declared on one line',
    text: `ARG TAG=20 D=${OLD}\nFROM node:\${TAG}@\${D}\n`,
    after: `ARG TAG=20 D=${NEW}\nFROM node:\${TAG}@\${D}\n`,
    from: [2],
    at: { line: 1, arg: 'D' }
  },
  {
    name: 'a ${TAG:-default} tag, with a BOM',
    text: `\uFEFFFROM node:\${TAG:-20}@${OLD}\n`,
    after: `\uFEFFFROM node:\${TAG:-20}@${NEW}\n`,
    from: [1],
    at: { line: 1 }
  },
  {
    name: 'a tag ARG and a literal suffix before the digest',
    text: `ARG TAG=20\nFROM node:\${TAG}-slim@${OLD}\n`,
    after: `ARG TAG=20\nFROM node:\${TAG}-slim@${NEW}\n`,
    from: [2],
    at: { line: 2 },
    key: 'docker.io/library/node:20-slim'
  },
  {
    name: 'the digest ARG reached through "@${D}" in another ARG',
    text: `ARG TAG=20\nARG D=${OLD}\nARG AT_D=@\${D}\nFROM node:\${TAG}\${AT_D}\n`,
    after: `ARG TAG=20\nARG D=${NEW}\nARG AT_D=@\${D}\nFROM node:\${TAG}\${AT_D}\n`,
    from: [4],
    at: { line: 2, arg: 'D' }
  },
  {
    name: 'two FROMs of the same image sharing the digest ARG',
    text: `ARG D=${OLD}\nFROM node:20@\${D} AS deps\nFROM node:20@$D\n`,
    after: `ARG D=${NEW}\nFROM node:20@\${D} AS deps\nFROM node:20@$D\n`,
    from: [2, 3],
    at: { line: 1, arg: 'D' }
  },
  {
    // Global ARGs reach a stage only through `ARG D` there (FACTS.md §5.4):
    // this stage's D is its own, and so are its RUN and ENV uses.
    name: 'a digest ARG that a stage declares again with its own value',
    text: `ARG D=${OLD}\nFROM node:20@\${D}\nARG D=${OTHER}\nENV X=$D\nRUN echo $D\n`,
    after: `ARG D=${NEW}\nFROM node:20@\${D}\nARG D=${OTHER}\nENV X=$D\nRUN echo $D\n`,
    from: [2],
    at: { line: 1, arg: 'D' }
  },
  {
    name: 'a digest split from its "@" by a line continuation',
    text: `FROM node:20@\\\n${OLD}\n`,
    after: `FROM node:20@\\\n${NEW}\n`,
    from: [1],
    at: { line: 2 }
  }
]

describe('refreshing a digest written apart from the tag (issue 8 §6)', () => {
  it.each(SHAPES)('$name', ({ text, after, from, at, key = NODE_20 }) => {
    const { sites, plan: first } = plan(text, key)

    expect(sites.map(s => [s.line, s.skip, s.spanLine, s.spanArg])).toEqual(
      from.map(line => [line, undefined, at.line, at.arg])
    )
    // Resolved by the tag the ARG defaults give, with the pin to compare.
    expect(buildRequests(sites, {})).toMatchObject([
      { key, currentDigests: [OLD] }
    ])
    expect(
      first.rows.map(r => [r.line, r.decision, r.currentDigest, r.newDigest])
    ).toEqual(from.map(line => [line, 'update', OLD, NEW]))
    expect(first.rows.map(r => r.editLine)).toEqual(
      from.map(line => (line === at.line ? undefined : at.line))
    )
    // One edit, exactly over the old digest bytes.
    const edits = first.files[0]?.edits ?? []
    const start = text.indexOf(OLD)
    expect(edits).toEqual([
      {
        span: { start, end: start + OLD.length },
        expected: OLD,
        replacement: NEW,
        key
      }
    ])
    expect(applyEdits(text, edits)).toEqual({ ok: true, text: after })
    expect(verifyRewrite('Dockerfile', text, after, edits, sites)).toEqual({
      ok: true
    })
    const second = plan(after, key).plan
    expect(second.rows.map(r => r.decision)).toEqual(
      from.map(() => 'up to date')
    )
    expect(second.files).toEqual([])
  })

  it('leaves a digest that is still current alone', () => {
    const text = `ARG TAG=20\nFROM node:\${TAG}@${OLD}\n`

    const { plan: result } = plan(text, NODE_20, OLD)

    expect(result.rows.map(r => r.decision)).toEqual(['up to date'])
    expect(result.files).toEqual([])
  })
})

const STAGE_USE =
  'ARG D is also used by ARG D in a stage on line 3, which a new digest in its value would change too; write the digest in the FROM line, or give this FROM an ARG of its own for it, to refresh it.'
const SPLIT =
  'The digest is not written in one piece (quotes, an escape, a line continuation or a variable splits it), so it cannot be replaced in place; write it in one piece, in the FROM line or alone in an ARG, to refresh it.'

interface Refused {
  readonly name: string
  readonly text: string
  /** Per site: its line, skip code and message. */
  readonly skipped: readonly (readonly [number, string, string])[]
}

const REFUSED: readonly Refused[] = [
  {
    name: 'the digest ARG imported into a stage and read by RUN',
    text: `ARG D=${OLD}\nFROM node:20@\${D}\nARG D\nRUN echo $D\n`,
    skipped: [[2, 'variable', STAGE_USE]]
  },
  {
    name: 'the digest ARG imported into a stage and read by ENV and LABEL',
    text: `ARG D=${OLD}\nFROM node:20@\${D} AS app\nARG D\nENV BASE=$D\nLABEL base.digest=$D\n`,
    skipped: [[2, 'variable', STAGE_USE]]
  },
  {
    name: 'the digest ARG read by a FROM of another image',
    text: `ARG D=${OLD}\nFROM node:20@\${D}\nFROM python:3@\${D}\n`,
    skipped: [2, 3].map(line => [
      line,
      'variable',
      `ARG D is used by several FROM lines for different images (node:20@${OLD}, python:3@${OLD}), and one digest cannot pin them all; give each image its own ARG.`
    ])
  },
  {
    name: 'an ARG that holds the tag and the digest, the tag from another ARG',
    text: `ARG TAG=20\nARG IMG=node:\${TAG}@${OLD}\nFROM \${IMG}\n`,
    skipped: [
      [
        3,
        'variable',
        'ARG IMG holds other text besides the digest; an existing digest is refreshed on its own only where it is written in the FROM line or alone in an ARG (e.g. ARG IMG_DIGEST=sha256:… and FROM …@${IMG_DIGEST}), so move it to one of those to refresh it.'
      ]
    ]
  },
  {
    name: 'a tag ARG without a default value',
    text: `ARG TAG\nFROM node:\${TAG}@${OLD}\n`,
    skipped: [
      [
        2,
        'variable',
        'ARG TAG has no default value, so the image is only known at build time; give it the value you build with as its default (ARG TAG=…) to pin it.'
      ]
    ]
  },
  {
    name: 'a digest split by a line continuation',
    text: `ARG TAG=20\nFROM node:\${TAG}@sha256:aa\\\n${'a'.repeat(62)}\n`,
    skipped: [[2, 'invalid', SPLIT]]
  },
  {
    name: 'a digest split by a variable',
    text: `ARG TAG=20\nARG HEX=${'a'.repeat(64)}\nFROM node:\${TAG}@sha256:\${HEX}\n`,
    skipped: [[3, 'invalid', SPLIT]]
  }
]

describe('refusing to refresh a digest, with the reason (issue 8 §6)', () => {
  it.each(REFUSED)('$name', ({ text, skipped }) => {
    const { sites, plan: result } = plan(text)

    expect(sites.map(s => [s.line, s.skip?.code, s.skip?.message])).toEqual(
      skipped
    )
    expect(result.rows.map(r => [r.line, r.decision, r.reason])).toEqual(
      skipped.map(([line, , message]) => [line, 'skipped', message])
    )
    expect(result.files).toEqual([])
  })

  it('refreshes the digest in the FROM line but not a tag ARG another FROM reads', () => {
    const text = `ARG TAG=20\nFROM node:\${TAG}@${OLD}\nFROM node:\${TAG}\n`

    const { plan: result } = plan(text)

    expect(result.rows.map(r => [r.line, r.decision, r.reason])).toEqual([
      [2, 'update', undefined],
      [
        3,
        'skipped',
        'ARG TAG is also used by FROM on line 2, which a digest in its value would change too; give this image its own ARG (e.g. ARG TAG_IMAGE=node:20) to pin it.'
      ]
    ])
    const edits = result.files[0]?.edits ?? []
    expect(applyEdits(text, edits)).toEqual({
      ok: true,
      text: `ARG TAG=20\nFROM node:\${TAG}@${NEW}\nFROM node:\${TAG}\n`
    })
  })
})
