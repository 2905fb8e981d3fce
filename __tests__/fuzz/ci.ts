/**
 * How the CI tests run a fuzz property: its own run count, or
 * FRESHBASE_FUZZ_RUNS for every property; FRESHBASE_FUZZ_SEED and
 * FRESHBASE_FUZZ_PATH replay a failure fast-check reported.
 */
import { it } from 'vitest'

import type { FuzzParameters, FuzzProperty } from './properties.js'

export function ciParameters(property: FuzzProperty): FuzzParameters {
  const env = process.env
  const runs = Number(env['FRESHBASE_FUZZ_RUNS'] ?? '')
  const seed = Number(env['FRESHBASE_FUZZ_SEED'] ?? '')
  const path = env['FRESHBASE_FUZZ_PATH'] ?? ''
  return {
    numRuns: Number.isInteger(runs) && runs > 0 ? runs : property.runs,
    ...(env['FRESHBASE_FUZZ_SEED'] && Number.isInteger(seed) ? { seed } : {}),
    ...(path === '' ? {} : { path })
  }
}

/** One test per property; the timeout grows with the run count. */
export function itHolds(property: FuzzProperty): void {
  const parameters = ciParameters(property)
  it(
    property.name,
    () => {
      const outcome = property.check(parameters)
      if (outcome.failed) throw new Error(outcome.message)
    },
    Math.max(60_000, parameters.numRuns * 20)
  )
}
