/** Injected faults: failures and delays for matching requests. */
import type { MutableRecord } from './http-io.js'
import type { InjectedResponse, RequestMatch } from './types.js'

export interface Fault {
  readonly match: RequestMatch
  readonly response?: InjectedResponse
  readonly delayMs?: number
  remaining: number
}

export function faultMatches(match: RequestMatch, record: MutableRecord) {
  if (
    match.operationId !== undefined &&
    match.operationId !== record.operationId
  ) {
    return false
  }
  if (
    match.method !== undefined &&
    match.method.toUpperCase() !== record.method
  ) {
    return false
  }
  return match.path === undefined || match.path.test(record.path)
}
