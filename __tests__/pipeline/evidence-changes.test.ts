import { describe, expect, it } from 'vitest'
import type { Digest } from '../../src/core/digest.js'
import type { PlanRow } from '../../src/core/plan.js'
import { changesOf } from '../../src/pipeline/evidence-changes.js'

const A = `sha256:${'a'.repeat(64)}` as Digest
const B = `sha256:${'b'.repeat(64)}` as Digest
const KEY = 'docker.io/library/node:22'

function row(over: Partial<PlanRow>): PlanRow {
  return {
    file: 'Dockerfile',
    line: 1,
    image: 'node:22',
    source: 'from',
    key: KEY,
    currentDigest: A,
    newDigest: B,
    decision: 'update',
    warnings: [],
    ...over
  }
}

const plan = (rows: PlanRow[]) => ({ rows, files: [], resolutions: [] })

describe('changesOf', () => {
  it("unions the lines' literal platforms of one bump", () => {
    const rows = [
      row({ platform: 'linux/arm64' }),
      row({ file: 'b/Dockerfile', platform: 'linux/amd64' }),
      row({ file: 'c/Dockerfile', platform: '$BUILDPLATFORM' })
    ]
    expect(changesOf(plan(rows.slice(0, 2)), [])).toEqual([
      { key: KEY, from: A, to: B, counted: ['linux/arm64', 'linux/amd64'] }
    ])
    // a line building for a variable platform builds any: all count
    expect(changesOf(plan(rows), [])).toEqual([
      { key: KEY, from: A, to: B, counted: [] }
    ])
  })

  it('the platforms setting wins over the lines', () => {
    expect(
      changesOf(plan([row({ platform: 'linux/arm64' })]), ['linux/s390x'])
    ).toEqual([{ key: KEY, from: A, to: B, counted: ['linux/s390x'] }])
  })

  it('a pin has no from; failed, skipped and up-to-date rows are left out', () => {
    const rows = [
      row({ decision: 'pin', currentDigest: undefined }),
      row({ decision: 'skipped' }),
      row({ decision: 'failed' }),
      row({ decision: 'up to date', newDigest: A })
    ]
    expect(changesOf(plan(rows), [])).toEqual([
      { key: KEY, to: B, counted: [] }
    ])
  })
})
