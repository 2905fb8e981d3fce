/**
 * The only caller of core.getInput: action.yml input names → RawConfig, the
 * same keys the CLI options and the YAML config file use.
 */
import * as core from '@actions/core'
import type { RawConfig } from '../config/fields.js'
import { CORE_KEYS } from '../config/config.js'
import { PUBLISH_KEYS } from '../config/publish-config.js'

/**
 * Every input of action.yml: the core options (as the CLI spells them) and
 * the publishing ones. A test keeps this list and action.yml in step.
 */
export const INPUT_NAMES: readonly string[] = [
  ...CORE_KEYS.filter(key => key !== 'root'),
  ...PUBLISH_KEYS,
  // The behind mode's (fail-on-behind is the CLI's exit status).
  'mode',
  'max-age'
]

export function readInputs(
  env: Readonly<Record<string, string | undefined>>
): RawConfig {
  const raw: Record<string, string | undefined> = {
    root: env['GITHUB_WORKSPACE'] ?? '.'
  }
  for (const name of INPUT_NAMES) {
    const value = core.getInput(name)
    if (value !== '') raw[name] = value
  }
  return raw
}
