/**
 * The one set of field readers: every setting, from the CLI's argv, the
 * Action's inputs or the YAML config file, is read by these rules, so the
 * same value means the same thing wherever it is written:
 *
 * - an empty value (or a missing one) is the default;
 * - strings are trimmed (the Action's core.getInput trims, so argv and YAML
 *   do too);
 * - lists: an array, or a string with one item per line or comma-separated
 *   (name=value lists: per line only); items are trimmed, empty ones and `#`
 *   comments dropped;
 * - booleans: true or false, any case;
 * - whole numbers: digits only, within the allowed range;
 * - choices: one of the allowed words, any case (or a list of them).
 *
 * A wrong value adds one problem naming the key and what is allowed, and
 * reads as the default, so every problem is listed at once.
 */

/** Values as they come from argv, inputs or YAML: strings, lists, booleans, numbers. */
export type RawValue = string | number | boolean | readonly string[] | undefined
export type RawConfig = Readonly<Record<string, RawValue>>

/** Reads the fields of one raw record, collecting problems into `problems`. */
export class FieldReader {
  constructor(
    private readonly raw: RawConfig,
    private readonly problems: string[]
  ) {}

  string(key: string): string | undefined {
    const value = this.given(key)
    if (value === undefined || typeof value === 'string') return value?.trim()
    return this.wrong(key, 'a single string', undefined)
  }

  list(key: string): string[] {
    const value = this.given(key)
    if (value === undefined) return []
    if (typeof value === 'string') return splitList(value)
    if (isStringArray(value)) return value.flatMap(item => splitList(item))
    return this.wrong(key, 'a list of strings', [])
  }

  boolean(key: string, fallback: boolean): boolean {
    const value = this.given(key)
    if (value === undefined) return fallback
    if (typeof value === 'boolean') return value
    const word = typeof value === 'string' ? value.trim().toLowerCase() : ''
    if (word === 'true' || word === 'false') return word === 'true'
    return this.wrong(key, 'true or false', fallback)
  }

  integer(key: string, min: number, max: number, fallback: number): number {
    const value = this.given(key)
    if (value === undefined) return fallback
    const number = wholeNumber(value)
    if (number !== undefined && number >= min && number <= max) return number
    return this.wrong(key, `a whole number from ${min} to ${max}`, fallback)
  }

  oneOf<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
    const value = this.string(key)?.toLowerCase()
    if (value === undefined) return fallback
    const found = allowed.find(a => a === value)
    return found ?? this.wrong(key, `one of ${allowed.join(', ')}`, fallback)
  }

  /**
   * A list of allowed words, any case, each once, in the order of `allowed`;
   * an empty list is the fallback. Every unknown word is named.
   */
  listOf<T extends string>(
    key: string,
    allowed: readonly T[],
    fallback: readonly T[]
  ): T[] {
    const words = this.list(key).map(word => word.toLowerCase())
    if (words.length === 0) return [...fallback]
    for (const word of words) {
      if (!allowed.some(a => a === word)) {
        this.problems.push(
          `'${key}': "${word}" is not one of ${allowed.join(', ')}.`
        )
      }
    }
    return allowed.filter(a => words.includes(a))
  }

  /** `name=value`, one per line (a value may hold commas: platforms=linux/amd64,linux/arm64). */
  keyValues(key: string): Record<string, string> {
    const value = this.given(key)
    if (value === undefined) return {}
    const lines =
      typeof value === 'string'
        ? value.split('\n')
        : isStringArray(value)
          ? value
          : this.wrong(key, 'name=value lines', [])
    const out: Record<string, string> = {}
    for (const line of lines.map(l => l.trim())) {
      if (line === '' || line.startsWith('#')) continue
      const eq = line.indexOf('=')
      const name = line.slice(0, eq).trim()
      if (eq <= 0 || name === '') {
        this.problems.push(
          `'${key}': "${line}" must be name=value (one per line).`
        )
        continue
      }
      out[name] = line.slice(eq + 1).trim()
    }
    return out
  }

  /** A value that is there: an all-blank string counts as not given. */
  private given(key: string): RawValue {
    const value = this.raw[key]
    return typeof value === 'string' && value.trim() === '' ? undefined : value
  }

  private wrong<T>(key: string, allowed: string, fallback: T): T {
    this.problems.push(
      `'${key}' must be ${allowed}, got ${describe(this.raw[key])}.`
    )
    return fallback
  }
}

/** One item per line or comma-separated; trimmed; empty items and `#` comments dropped. */
export function splitList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map(item => item.trim())
    .filter(item => item !== '' && !item.startsWith('#'))
}

function wholeNumber(value: RawValue): number | undefined {
  if (typeof value === 'number')
    return Number.isInteger(value) ? value : undefined
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value.trim()))
    return undefined
  return Number(value.trim())
}

function isStringArray(value: RawValue): value is readonly string[] {
  return (
    Array.isArray(value) &&
    (value as readonly unknown[]).every(item => typeof item === 'string')
  )
}

function describe(value: RawValue): string {
  return Array.isArray(value) ? 'a list' : JSON.stringify(value)
}
