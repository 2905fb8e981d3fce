/**
 * The Reliability table in the README is generated from the fault suites:
 * each fault test records what it injected, what the user sees and what it
 * verified. Recording is a no-op unless FRESHBASE_RELIABILITY_OUT names a
 * file (scripts/reliability.mjs sets it, runs the suites, renders the table).
 */
import { appendFileSync } from 'node:fs'
import path from 'node:path'
import { expect } from 'vitest'

export interface FaultRecord {
  /** 'registry' | 'github' */
  readonly suite: string
  /** The injected fault, e.g. "429 with Retry-After: 1 on the manifest HEAD". */
  readonly fault: string
  /** What the user sees: the message, the exit status or step result. */
  readonly userSees: string
  /** What the test asserted, e.g. ["other images written", "no temp file", "3 requests (bounded)"]. */
  readonly verified: readonly string[]
}

/** Call after the assertions passed, so only verified rows reach the table. */
export function recordFault(record: FaultRecord): void {
  const out = process.env['FRESHBASE_RELIABILITY_OUT']
  if (out === undefined || out === '') return
  // The test file: the script orders rows by it (files run in parallel,
  // the tests of one file in order), so the table does not churn.
  const file = path.relative(process.cwd(), expect.getState().testPath ?? '')
  appendFileSync(out, `${JSON.stringify({ ...record, file })}\n`)
}
