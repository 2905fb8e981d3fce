import { describe, expect, it } from 'vitest'
import { renderTable } from '../../src/cli/render.js'
import type { Digest } from '../../src/core/digest.js'
import type { PlanRow } from '../../src/core/plan.js'

const d = (ch: string): Digest => `sha256:${ch.repeat(64)}` as Digest

function table(rows: PlanRow[]): string {
  return renderTable({
    plan: { rows, files: [], resolutions: [] },
    changes: [],
    filesScanned: 1,
    uniqueImages: 1
  })
}

const update: PlanRow = {
  file: 'Dockerfile',
  line: 3,
  image: `node:20@${d('a')}`,
  key: 'docker.io/library/node:20',
  source: 'from',
  decision: 'update',
  currentDigest: d('a'),
  newDigest: d('b'),
  warnings: []
}

describe('renderTable', () => {
  it('names the line the digest is written on when an ARG holds it (issue 8 §6)', () => {
    expect(table([{ ...update, editLine: 1 }])).toContain(
      'Dockerfile:3 (digest on 1)'
    )
    expect(table([update])).not.toContain('digest on')
  })
})
