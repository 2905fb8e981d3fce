/**
 * The only caller of core.getInput: action.yml input names → RawConfig, the
 * same keys the CLI options and the YAML config file use.
 */
import * as core from '@actions/core'
import type { RawConfig } from '../config/config.js'

/** Every input of action.yml (docs:check keeps this list and action.yml in step). */
export const INPUT_NAMES = [
  'token',
  'paths',
  'include',
  'exclude',
  'pin-unpinned',
  'ignore',
  'registry-map',
  'insecure-registries',
  'docker-config',
  'concurrency',
  'timeout',
  'group-by',
  'branch-prefix',
  'base-branch',
  'title',
  'commit-message',
  'labels',
  'reviewers',
  'team-reviewers',
  'assignees',
  'draft',
  'auto-merge',
  'rebuild-workflow',
  'rebuild-inputs',
  'dispatch-event-type',
  'dry-run'
] as const

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
