/**
 * The import rules of DESIGN.md / MODELS.md 3.1: dependencies point toward
 * the purer code. Fails naming the file, the import and the rule.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = path.resolve(import.meta.dirname, '../src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory()
      ? sourceFiles(full)
      : entry.name.endsWith('.ts')
        ? [full]
        : []
  })
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [
    ...text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm)
  ].map(m => m[1] ?? '')
}

/** The layer of a src-relative path: its first folder, or the file name for top-level files. */
function layerOf(rel: string): string {
  const [first] = rel.split('/')
  return rel.includes('/') ? (first ?? '') : rel.replace(/\.ts$/, '')
}

const ALLOWED: Record<string, { layers: string[]; packages: RegExp }> = {
  core: { layers: ['core'], packages: /^(dockerfile-ast|yaml)$/ },
  config: { layers: ['config', 'core'], packages: /^yaml$/ },
  registry: { layers: ['registry', 'core', 'pipeline'], packages: /^node:/ },
  files: {
    layers: ['files', 'core', 'pipeline'],
    packages: /^(node:|picomatch$)/
  },
  github: {
    layers: ['github', 'core', 'pipeline'],
    packages: /^(node:|@octokit\/|bottleneck$)/
  },
  log: { layers: ['log', 'pipeline'], packages: /^(node:|@actions\/core$)/ },
  pipeline: { layers: ['pipeline', 'core', 'config'], packages: /^$/ },
  wiring: {
    layers: [
      'registry',
      'files',
      'github',
      'log',
      'pipeline',
      'config',
      'core'
    ],
    packages: /^node:/
  },
  // The Action's GitHub side, apart so the CLI bundle carries no Octokit.
  'github-wiring': {
    layers: ['github', 'files', 'pipeline', 'config'],
    packages: /^$/
  },
  cli: {
    layers: ['cli', 'wiring', 'pipeline', 'config', 'core', 'log', 'version'],
    packages: /^node:/
  },
  action: {
    layers: [
      'action',
      'wiring',
      'github-wiring',
      'pipeline',
      'config',
      'core',
      'log'
    ],
    packages: /^(node:|@actions\/)/
  },
  index: { layers: ['action'], packages: /^$/ },
  version: { layers: [], packages: /^$/ },
  cli_entry: { layers: ['cli'], packages: /^$/ }
}

describe('architecture', () => {
  const files = sourceFiles(SRC)

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10)
  })

  it.each(files.map(f => [path.relative(SRC, f)]))(
    '%s imports only what its layer may',
    rel => {
      const layer = rel === 'cli.ts' ? 'cli_entry' : layerOf(rel)
      const rule = ALLOWED[layer]
      expect(rule, `no rule for layer ${layer}`).toBeDefined()
      const violations = importsOf(path.join(SRC, rel)).filter(spec => {
        if (!spec.startsWith('.')) return !(rule?.packages.test(spec) ?? false)
        const target = path.relative(
          SRC,
          path.resolve(SRC, path.dirname(rel), spec)
        )
        const targetLayer =
          target === 'cli/main.js'
            ? 'cli'
            : layerOf(target.replace(/\.js$/, '.ts'))
        return !(rule?.layers.includes(targetLayer) ?? false)
      })
      expect(
        violations,
        `${rel} (layer ${layer}) may not import these`
      ).toEqual([])
    }
  )
})
