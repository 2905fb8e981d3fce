/**
 * The only caller of core.getInput*: action.yml input names → RawConfig
 * (the same keys the CLI and the YAML config file use).
 */
import * as core from '@actions/core'
import type { RawConfig } from '../config/config.js'

export function readInputs(
  env: Readonly<Record<string, string | undefined>>
): RawConfig {
  const input = (name: string): string | undefined => {
    const value = core.getInput(name)
    return value === '' ? undefined : value
  }
  return {
    root: input('path') ?? env['GITHUB_WORKSPACE'] ?? '.',
    include: input('include'),
    exclude: input('exclude'),
    'docker-config': input('docker-config'),
    'insecure-registries': input('insecure-registries'),
    'registry-map': input('registry-map'),
    concurrency: input('concurrency'),
    'pin-unpinned': input('pin-unpinned'),
    ignore: input('ignore'),
    timeout: input('timeout')
  }
}
