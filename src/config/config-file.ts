/**
 * The optional YAML config file (the CLI's `--config`): the same keys as
 * the action inputs, read by the same field rules (config/fields.ts). Pure
 * over the file's text.
 */
import { parse } from 'yaml'
import type { RawConfig, RawValue } from './fields.js'
import { ConfigError } from './config.js'

export function parseConfigFile(
  file: string,
  text: string,
  allowedKeys: readonly string[]
): RawConfig {
  let data: unknown
  try {
    data = parse(text)
  } catch (error) {
    throw new ConfigError([
      `${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}. Fix the syntax.`
    ])
  }
  if (data === null || data === undefined) return {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError([
      `${file}: must be a mapping of option names to values.`
    ])
  }
  const problems: string[] = []
  const raw: Record<string, RawValue> = {}
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (!allowedKeys.includes(key)) {
      problems.push(
        `${file}: unknown key '${key}'. Allowed keys: ${allowedKeys.join(', ')}.`
      )
    } else if (isRawValue(value)) {
      raw[key] = value
    } else if (isStringMapping(value)) {
      // A mapping (images: {ghcr.io/acme/base: base/Dockerfile}) is read as
      // the name=value lines the Action input takes.
      raw[key] = Object.entries(value).map(([name, to]) => `${name}=${to}`)
    } else {
      problems.push(
        `${file}: '${key}' must be a string, number, boolean, list of strings or a mapping of strings.`
      )
    }
  }
  if (problems.length > 0) throw new ConfigError(problems)
  return raw
}

function isRawValue(value: unknown): value is RawValue {
  if (value === null) return false
  if (['string', 'number', 'boolean'].includes(typeof value)) return true
  return Array.isArray(value) && value.every(item => typeof item === 'string')
}

function isStringMapping(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every(item => typeof item === 'string')
  )
}
