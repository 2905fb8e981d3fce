/**
 * npx tsx bench/fuzz.ts [-- --scale 1 --only scan --seed 42 --path 3:1]
 *
 * The fuzz properties of __tests__/fuzz/properties.ts with their long-run
 * counts (100k cases for the scanner) times --scale. Prints cases per second
 * for each property and, for a failure, fast-check's report: the shrunk
 * counterexample with the seed and path that replay it (pass them back with
 * --seed/--path and --only). Exits 1 when any property fails.
 */
import { parseArgs } from 'node:util'
import { ALL_PROPERTIES } from '../__tests__/fuzz/properties.js'

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    only: { type: 'string' },
    seed: { type: 'string' },
    path: { type: 'string' }
  }
})
const scale = Number(values.scale)
const seed = values.seed === undefined ? undefined : Number(values.seed)

let failures = 0
const started = performance.now()
for (const property of ALL_PROPERTIES) {
  if (values.only !== undefined && !property.name.includes(values.only))
    continue
  const numRuns = Math.max(1, Math.round(property.longRuns * scale))
  const t0 = performance.now()
  const outcome = property.check({
    numRuns,
    ...(seed === undefined ? {} : { seed }),
    ...(values.path === undefined ? {} : { path: values.path })
  })
  const seconds = (performance.now() - t0) / 1000
  const rate = Math.round(outcome.numRuns / seconds)
  const status = outcome.failed ? 'FAIL' : 'ok'
  console.log(
    `${status.padEnd(4)} ${String(outcome.numRuns).padStart(7)} cases ` +
      `${seconds.toFixed(1).padStart(6)} s ${String(rate).padStart(7)} cases/s  ${property.name}`
  )
  if (outcome.failed) {
    failures++
    console.log(outcome.message.replace(/^/gm, '    '))
  }
}
const total = ((performance.now() - started) / 1000).toFixed(1)
console.log(
  `${failures === 0 ? 'all passed' : `${failures} failed`} in ${total} s`
)
process.exitCode = failures === 0 ? 0 : 1
