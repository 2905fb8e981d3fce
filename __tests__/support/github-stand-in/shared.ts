/** Small helpers shared by every part of the stand-in. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function isSha(value: string) {
  return /^[0-9a-f]{40}$/.test(value)
}

export function isoSeconds(date: Date) {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export function safeDecode(value: string) {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

export function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined
  try {
    return JSON.parse(raw.toString('utf8')) as unknown
  } catch {
    return undefined
  }
}
