/**
 * The few JSON readers the evidence parsers share: bytes → object, and
 * typed field reads that never trust the shape of what a registry served.
 * A malformed document throws an Error naming `what` it was; the pipeline
 * turns it into "evidence unavailable: <why>".
 */
import { isObject } from '../json.js'
import type { JsonObject } from '../json.js'

export { isObject }
export type { JsonObject }

/** UTF-8 bytes → a JSON object, or an Error naming `what` was malformed. */
export function parseJsonObject(body: Uint8Array, what: string): JsonObject {
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body))
  } catch {
    throw new Error(`${what} is not valid UTF-8 JSON`)
  }
  if (!isObject(json)) throw new Error(`${what} is not a JSON object`)
  return json
}

export function stringField(
  record: JsonObject,
  name: string
): string | undefined {
  const value = record[name]
  return typeof value === 'string' ? value : undefined
}

/** An array field; absent or not an array → []. */
export function arrayField(record: JsonObject, name: string): unknown[] {
  const value = record[name]
  return Array.isArray(value) ? (value as unknown[]) : []
}

export function objectField(
  record: JsonObject,
  name: string
): JsonObject | undefined {
  const value = record[name]
  return isObject(value) ? value : undefined
}

/** A string → string map (OCI annotations, config labels): non-string values dropped. */
export function stringMap(value: unknown): Readonly<Record<string, string>> {
  const out: Record<string, string> = {}
  if (!isObject(value)) return out
  for (const [key, entry] of Object.entries(value))
    if (typeof entry === 'string') out[key] = entry
  return out
}
