/**
 * groupTexts: the texts a group's commit carries. With group-by file or
 * image they are rebuilt from the base text and a subset of the plan's
 * edits, which the run never checked: each must pass the re-scan check that
 * guards every CLI write (issue 8 part 3).
 */
import { describe, expect, it } from 'vitest'
import type { Digest } from '../../src/core/digest.js'
import { scanDockerfile } from '../../src/core/dockerfile/scan.js'
import type { Plan } from '../../src/core/plan.js'
import { planUpdates } from '../../src/core/plan.js'
import { groupTexts, groupUpdates } from '../../src/core/publish/groups.js'
import type { Resolution } from '../../src/core/resolution.js'

const NODE = `sha256:${'a'.repeat(64)}` as Digest
const ALPINE = `sha256:${'b'.repeat(64)}` as Digest
const NODE_KEY = 'docker.io/library/node:20'
const ALPINE_KEY = 'docker.io/library/alpine:3.20'

const TEXT =
  '# alpine:3.20 is the runtime\nFROM node:20 AS build\nFROM alpine:3.20\n'

function planFor(text: string): Plan {
  const resolutions: Resolution[] = [
    { kind: 'resolved', key: NODE_KEY, digest: NODE, mediaType: 'x' },
    { kind: 'resolved', key: ALPINE_KEY, digest: ALPINE, mediaType: 'x' }
  ]
  return planUpdates(scanDockerfile('Dockerfile', text), resolutions, {
    pinUnpinned: true
  })
}

describe('groupTexts', () => {
  it('commits only the group’s own pins with group-by image', () => {
    const plan = planFor(TEXT)
    const groups = groupUpdates(plan, 'image', 'freshbase/')
    const alpine = groups.find(g => g.id === ALPINE_KEY)
    if (alpine === undefined) throw new Error('no alpine group')

    const texts = groupTexts(alpine, plan, new Map([['Dockerfile', TEXT]]))

    expect(texts).toEqual({
      ok: true,
      files: [
        {
          file: 'Dockerfile',
          before: TEXT,
          after: TEXT.replace('FROM alpine:3.20', `FROM alpine:3.20@${ALPINE}`)
        }
      ]
    })
  })

  it('refuses a text the re-scan check rejects, naming the file and what is wrong', () => {
    const plan = planFor(TEXT)
    // An edit whose bytes match but that is not an image reference: applying
    // it succeeds, only the re-scan sees that it pins a comment.
    const comment = { start: 2, end: 2 + 'alpine:3.20'.length }
    const tampered: Plan = {
      ...plan,
      files: plan.files.map(f => ({
        ...f,
        edits: f.edits.map(e =>
          e.key === ALPINE_KEY ? { ...e, span: comment } : e
        )
      }))
    }
    const groups = groupUpdates(tampered, 'image', 'freshbase/')
    const alpine = groups.find(g => g.id === ALPINE_KEY)
    if (alpine === undefined) throw new Error('no alpine group')

    const texts = groupTexts(alpine, tampered, new Map([['Dockerfile', TEXT]]))

    expect(texts.ok).toBe(false)
    expect(texts.ok ? '' : texts.error).toMatch(
      /^Dockerfile: not committed: the edit of "alpine:3\.20" does not replace an image reference/
    )
  })

  it('refuses a text whose base changed since the plan was made', () => {
    const plan = planFor(TEXT)
    const [group] = groupUpdates(plan, 'file', 'freshbase/')
    if (group === undefined) throw new Error('no group')
    const moved = `# a new first line\n${TEXT}`

    const texts = groupTexts(group, plan, new Map([['Dockerfile', moved]]))

    expect(texts.ok).toBe(false)
    expect(texts.ok ? '' : texts.error).toMatch(
      /^Dockerfile: not committed: line \d+ should hold/
    )
  })
})
