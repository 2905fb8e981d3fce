/**
 * The behind mode's settings (issue 11 part 2), parsed from the same raw
 * record as Config so every problem is listed at once: `mode` (the
 * Action's; the CLI has the `behind` command), `max-age` and
 * `fail-on-behind`. The images checked are the ones this repository
 * publishes: what its workflows, Compose and bake files build, and the
 * `images` setting (config/chain-settings.ts) for the rest.
 */
import type { RawConfig } from './fields.js'
import { FieldReader } from './fields.js'

export type Mode = 'pin' | 'behind'

export interface BehindConfig {
  /** `pin` (default): pin bases and open pull requests; `behind`: check the published images. */
  readonly mode: Mode
  /**
   * Opt-in: an image whose config `created` is older than this many days is
   * "stale" and rebuilt too. `created` may be a SOURCE_DATE_EPOCH source
   * date rather than the build time, which the output says.
   */
  readonly maxAgeDays?: number
  /** CLI: exit 3 when an image is behind or stale (default: a finding, exit 0). */
  readonly failOnBehind: boolean
}

export const BEHIND_KEYS = ['mode', 'max-age', 'fail-on-behind'] as const

/** The longest max-age accepted: ten years. */
const MAX_AGE_DAYS = 3650

export function parseBehindConfig(
  raw: RawConfig,
  problems: string[]
): BehindConfig {
  const fields = new FieldReader(raw, problems)
  const mode = fields.oneOf<Mode>('mode', ['pin', 'behind'], 'pin')
  // 0 = not given: no age limit.
  const maxAge = fields.integer('max-age', 1, MAX_AGE_DAYS, 0)
  return {
    mode,
    ...(maxAge > 0 ? { maxAgeDays: maxAge } : {}),
    failOnBehind: fields.boolean('fail-on-behind', false)
  }
}
