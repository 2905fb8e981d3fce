import { describe, expect, it } from 'vitest'
import {
  cvss3BaseScore,
  cvssRating,
  severityOf,
  severityRank
} from '../../../src/core/evidence/severity.js'
import type { OsvRecord } from '../../../src/core/evidence/types.js'

describe('cvss3BaseScore (CVSS v3.1 §7, values from the FIRST calculator)', () => {
  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10.0],
    ['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N', 5.5],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 7.5],
    ['CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', 7.5],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1],
    ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H', 9.9],
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N', 5.9],
    ['CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N', 1.6],
    ['CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:N', 0],
    // temporal metrics after the base ones are ignored
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O', 9.8]
  ])('%s = %d', (vector, score) => {
    expect(cvss3BaseScore(vector)).toBe(score)
  })

  it.each([
    'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
    'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:X/C:H/I:H/A:H',
    'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H',
    'CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    'CVSS:3.1/garbage'
  ])('undefined for %s', vector => {
    expect(cvss3BaseScore(vector)).toBeUndefined()
  })

  it('rates scores per §5', () => {
    expect([0, 0.1, 3.9, 4, 6.9, 7, 8.9, 9, 10].map(cvssRating)).toEqual([
      'none',
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
      'critical'
    ])
  })
})

describe('severityOf', () => {
  const base: OsvRecord = { id: 'X-1' }

  it('computes the CVSS v3 score, the highest of several', () => {
    expect(
      severityOf({
        ...base,
        severity: [
          {
            type: 'CVSS_V3',
            score: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N'
          },
          {
            type: 'CVSS_V3',
            score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H'
          },
          { type: 'Ubuntu', score: 'low' }
        ]
      })
    ).toBe('high 7.5')
  })

  it("reads Ubuntu's priority, then database_specific.severity", () => {
    expect(
      severityOf({ ...base, severity: [{ type: 'Ubuntu', score: 'medium' }] })
    ).toBe('medium')
    expect(
      severityOf({ ...base, database_specific: { severity: 'HIGH' } })
    ).toBe('high')
    expect(
      severityOf({ ...base, database_specific: { severity: 'MODERATE' } })
    ).toBe('medium')
    expect(
      severityOf({
        ...base,
        severity: [{ type: 'Ubuntu', score: 'critical' }],
        database_specific: { severity: 'LOW' }
      })
    ).toBe('critical')
  })

  it('says "CVSS 4" only when nothing else is given', () => {
    const v4 = {
      type: 'CVSS_V4',
      score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'
    }
    expect(severityOf({ ...base, severity: [v4] })).toBe('CVSS 4')
    expect(
      severityOf({
        ...base,
        severity: [v4],
        database_specific: { severity: 'LOW' }
      })
    ).toBe('low')
  })

  it('is undefined when the record gives nothing usable', () => {
    expect(severityOf(base)).toBeUndefined()
    expect(
      severityOf({ ...base, database_specific: { severity: 42 } })
    ).toBeUndefined()
    expect(
      severityOf({ ...base, severity: [{ type: 'CVSS_V3', score: 'junk' }] })
    ).toBeUndefined()
  })
})

describe('severityRank', () => {
  it('orders critical before high before medium before low, unknown last', () => {
    const texts = [
      'low',
      'CVSS 4',
      'critical 9.8',
      'medium',
      'high 7.5',
      'none 0.0'
    ]
    const sorted = [...texts].sort((a, b) => severityRank(a) - severityRank(b))
    expect(sorted).toEqual([
      'critical 9.8',
      'high 7.5',
      'medium',
      'low',
      'none 0.0',
      'CVSS 4'
    ])
    expect(severityRank(undefined)).toBe(severityRank('CVSS 4'))
    expect(severityRank(undefined)).toBeGreaterThan(severityRank('none 0.0'))
  })
})
