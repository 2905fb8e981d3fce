/**
 * One severity text per OSV record (issue 9 "Vulnerabilities": "severity
 * when given"). OSV `severity[]` (ossf/osv-schema docs/schema.md) carries
 * CVSS vectors, not scores, so a CVSS v3.x base score is computed here per
 * the CVSS v3.1 specification §7 (https://www.first.org/cvss/v3.1/specification-document).
 *
 * Precedence: a CVSS v3 score ("high 7.5") → Ubuntu's priority
 * (`{type: "Ubuntu", score: "medium"}`) → `database_specific.severity`
 * (GHSA "HIGH", "MODERATE") → "CVSS 4" when only a v4 vector is given (no v4
 * calculator here: the vector's presence is all we say).
 */
import type { OsvRecord } from './types.js'

const ATTACK_VECTOR: Readonly<Record<string, number>> = {
  N: 0.85,
  A: 0.62,
  L: 0.55,
  P: 0.2
}
const ATTACK_COMPLEXITY: Readonly<Record<string, number>> = { L: 0.77, H: 0.44 }
const USER_INTERACTION: Readonly<Record<string, number>> = { N: 0.85, R: 0.62 }
const IMPACT: Readonly<Record<string, number>> = { H: 0.56, L: 0.22, N: 0 }

/** Privileges Required depends on Scope (spec §7.4). */
function privileges(value: string, changed: boolean): number | undefined {
  if (value === 'N') return 0.85
  if (value === 'L') return changed ? 0.68 : 0.62
  if (value === 'H') return changed ? 0.5 : 0.27
  return undefined
}

/** Roundup as defined in CVSS v3.1 Appendix A (avoids floating point artefacts). */
function roundUp(value: number): number {
  const integer = Math.round(value * 100_000)
  return integer % 10_000 === 0
    ? integer / 100_000
    : (Math.floor(integer / 10_000) + 1) / 10
}

/**
 * CVSS v3.0/v3.1 base score of a vector such as
 * `CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H` (9.8); undefined when a
 * base metric is missing or invalid.
 */
export function cvss3BaseScore(vector: string): number | undefined {
  const parts = vector.trim().split('/')
  if (!/^CVSS:3\.[01]$/.test(parts[0] ?? '')) return undefined
  const metrics = new Map<string, string>()
  for (const part of parts.slice(1)) {
    const [name, value] = part.split(':')
    if (name === undefined || value === undefined) return undefined
    metrics.set(name, value)
  }
  const scope = metrics.get('S')
  if (scope !== 'U' && scope !== 'C') return undefined
  const changed = scope === 'C'
  const av = ATTACK_VECTOR[metrics.get('AV') ?? '']
  const ac = ATTACK_COMPLEXITY[metrics.get('AC') ?? '']
  const pr = privileges(metrics.get('PR') ?? '', changed)
  const ui = USER_INTERACTION[metrics.get('UI') ?? '']
  const c = IMPACT[metrics.get('C') ?? '']
  const i = IMPACT[metrics.get('I') ?? '']
  const a = IMPACT[metrics.get('A') ?? '']
  if ([av, ac, pr, ui, c, i, a].some(v => v === undefined)) return undefined
  const iss = 1 - (1 - (c ?? 0)) * (1 - (i ?? 0)) * (1 - (a ?? 0))
  const impact = changed
    ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15)
    : 6.42 * iss
  const exploitability = 8.22 * (av ?? 0) * (ac ?? 0) * (pr ?? 0) * (ui ?? 0)
  if (impact <= 0) return 0
  const sum = changed
    ? 1.08 * (impact + exploitability)
    : impact + exploitability
  return roundUp(Math.min(sum, 10))
}

/** Qualitative rating of a CVSS v3 score (spec §5). */
export function cvssRating(score: number): string {
  if (score === 0) return 'none'
  if (score < 4) return 'low'
  if (score < 7) return 'medium'
  if (score < 9) return 'high'
  return 'critical'
}

const WORDS: Readonly<Record<string, string>> = {
  critical: 'critical',
  high: 'high',
  important: 'high',
  moderate: 'medium',
  medium: 'medium',
  low: 'low',
  negligible: 'low',
  none: 'none'
}

function word(value: unknown): string | undefined {
  return typeof value === 'string'
    ? WORDS[value.trim().toLowerCase()]
    : undefined
}

export function severityOf(record: OsvRecord): string | undefined {
  const entries = record.severity ?? []
  const scores = entries
    .filter(s => s.type === 'CVSS_V3')
    .map(s => cvss3BaseScore(s.score))
    .filter((s): s is number => s !== undefined)
  if (scores.length > 0) {
    const best = Math.max(...scores)
    return `${cvssRating(best)} ${best.toFixed(1)}`
  }
  const ubuntu = entries.find(s => s.type === 'Ubuntu')
  const named =
    word(ubuntu?.score) ?? word(record.database_specific?.['severity'])
  if (named !== undefined) return named
  return entries.some(s => s.type === 'CVSS_V4') ? 'CVSS 4' : undefined
}

/** The levels severityOf names, most severe first; their index is severityRank. */
export const SEVERITY_LEVELS = [
  'critical',
  'high',
  'medium',
  'low',
  'none'
] as const

/**
 * Sort rank of a severity text from severityOf: critical first; unknown
 * ("CVSS 4", none given) last.
 */
export function severityRank(severity: string | undefined): number {
  const first = severity?.split(' ')[0] ?? ''
  const index = (SEVERITY_LEVELS as readonly string[]).indexOf(first)
  return index < 0 ? SEVERITY_LEVELS.length : index
}
