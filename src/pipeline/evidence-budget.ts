/**
 * One time budget for all the evidence of a run (issue 9: "time budget"):
 * evidence is best effort and must never hold up the bump it describes.
 * A part started after the deadline, or still running at it, is
 * `unavailable` ("time budget of 60 s spent"); its reads are left to finish
 * or fail on their own (the registry client bounds each request).
 */
import type { Part } from '../core/evidence/types.js'
import { messageOf } from './evidence-reads.js'

export interface Budget {
  /** Why a part is unavailable once the budget is spent. */
  readonly why: string
  /** Runs `part` within what is left; a rejection becomes `unavailable` with its message. */
  run<T>(part: () => Promise<Part<T>>): Promise<Part<T>>
}

export function startBudget(ms: number, now: () => number = Date.now): Budget {
  const deadline = now() + ms
  const seconds = ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`
  const why = `time budget of ${seconds} spent`
  const spent = { kind: 'unavailable', why } as const
  return {
    why,
    run: async <T>(part: () => Promise<Part<T>>): Promise<Part<T>> => {
      const left = deadline - now()
      if (left <= 0) return spent
      let timer: ReturnType<typeof setTimeout> | undefined
      const timeout = new Promise<Part<T>>(resolve => {
        timer = setTimeout(() => resolve(spent), left)
      })
      const work = (async (): Promise<Part<T>> => {
        try {
          return await part()
        } catch (error) {
          return { kind: 'unavailable', why: messageOf(error) }
        }
      })()
      try {
        return await Promise.race([work, timeout])
      } finally {
        clearTimeout(timer)
      }
    }
  }
}
