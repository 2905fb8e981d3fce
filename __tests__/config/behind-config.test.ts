import { describe, expect, it } from 'vitest'
import { parseBehindConfig } from '../../src/config/behind-config.js'
import type { BehindRunReport } from '../../src/pipeline/behind-run.js'
import { exitStatus } from '../../src/cli/behind.js'
import type { Digest } from '../../src/core/digest.js'

const parse = (
  raw: Record<string, string | boolean>
): { value: unknown; problems: string[] } => {
  const problems: string[] = []
  return { value: parseBehindConfig(raw, problems), problems }
}

describe('behind settings', () => {
  it('default: pin mode, no age limit, behind is not a failure', () => {
    expect(parse({})).toEqual({
      value: { mode: 'pin', failOnBehind: false },
      problems: []
    })
  })

  it('mode behind, max-age in days, fail-on-behind', () => {
    expect(
      parse({ mode: 'Behind', 'max-age': '90', 'fail-on-behind': true }).value
    ).toEqual({
      mode: 'behind',
      maxAgeDays: 90,
      failOnBehind: true
    })
  })

  it('names each wrong value with what is allowed', () => {
    expect(parse({ mode: 'rebuild', 'max-age': '0' }).problems).toEqual([
      '\'mode\' must be one of pin, behind, got "rebuild".',
      '\'max-age\' must be a whole number from 1 to 3650, got "0".'
    ])
  })
})

describe('freshbase behind exit status', () => {
  const digest = `sha256:${'1'.repeat(64)}` as Digest
  const entry = (
    status: 'behind' | 'current',
    extra: object = {}
  ): BehindRunReport['entries'][number] => ({
    report: {
      image: { image: 'ghcr.io/acme/app:1', base: 'alpine:3.21' },
      status,
      platforms:
        status === 'behind'
          ? [
              {
                status,
                platform: 'linux/amd64',
                method: 'provenance',
                builtOn: digest,
                now: digest
              }
            ]
          : [
              {
                status,
                platform: 'linux/amd64',
                method: 'provenance',
                builtOn: digest
              }
            ],
      ...extra
    }
  })
  const report = (
    ...entries: BehindRunReport['entries'][number][]
  ): BehindRunReport => ({
    entries,
    unchecked: [],
    problems: [],
    levels: [],
    chains: { producers: [], edges: [], levels: [], cycles: [], problems: [] }
  })
  const failed = entry('current', {
    error: 'ghcr.io/acme/gone:1 was not found.'
  })

  it('0 when every image was checked, behind or not; 1 when one could not be', () => {
    expect(exitStatus(report(entry('behind'), entry('current')), false)).toBe(0)
    expect(exitStatus(report(entry('behind'), failed), false)).toBe(1)
  })

  it('--fail-on-behind: 3 for behind or stale, winning over 1', () => {
    expect(exitStatus(report(entry('current')), true)).toBe(0)
    expect(exitStatus(report(entry('behind'), failed), true)).toBe(3)
    const stale = {
      ...entry('current'),
      stale: { days: 400, created: '2025-01-01T00:00:00Z' }
    }
    expect(exitStatus(report(stale), true)).toBe(3)
    expect(exitStatus(report(failed), true)).toBe(1)
  })
})
