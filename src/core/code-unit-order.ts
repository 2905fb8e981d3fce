/**
 * The one string order for anything a user reads or a test compares: UTF-16
 * code units, the same on every machine and locale (localeCompare is not).
 */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
