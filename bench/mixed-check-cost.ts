/**
 * What the content check saves (issue 10, "Performance"), measured in
 * process over the mixed repository's YAML without images: the time of the
 * check itself (core/scan.ts needsParse, what the scan stage runs on each)
 * against the time parsing them would take (core/yaml/document.ts
 * parseYaml, what scanFile would do without the check), and the time
 * reading them takes, which is what they still cost. The CLI's own
 * figures (files turned away, the scan stage's time) come from its
 * --verbose lines; this one is free of registry and event-loop noise.
 */
import { readFileSync } from 'node:fs'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { needsParse } from '../src/core/scan.js'
import { parseYaml } from '../src/core/yaml/document.js'

export interface CheckCost {
  readonly files: number
  readonly bytes: number
  /** Reading every file as the CLI's file store does (readFileSync, strict UTF-8 decode), best of several rounds. */
  readonly readMs: number
  /** The content check over every file (best of several rounds). */
  readonly checkMs: number
  /** Parsing every file as YAML instead (best of several rounds). */
  readonly parseMs: number
}

export async function measureCheckCost(
  root: string,
  folders: readonly string[]
): Promise<CheckCost> {
  const texts: [string, string][] = []
  for (const folder of folders) {
    const entries = await readdir(join(root, folder), {
      recursive: true,
      withFileTypes: true
    })
    for (const entry of entries.filter(e => e.isFile())) {
      const path = join(entry.parentPath, entry.name)
      texts.push([path, await readFile(path, 'utf8')])
    }
  }
  const parsed = texts.filter(([, text]) => needsParse('kubernetes', text))
  if (parsed.length > 0)
    throw new Error(
      `${parsed.length} of the YAML files without images pass the content check (${parsed[0]?.[0] ?? ''}): the mixed repository must not make them look like manifests.`
    )
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const readMs = best(3, () => {
    for (const [path] of texts) decoder.decode(readFileSync(path))
  })
  const checkMs = best(5, () => {
    for (const [, text] of texts) needsParse('kubernetes', text)
  })
  const parseMs = best(3, () => {
    for (const [file, text] of texts) parseYaml(file, 'kubernetes', text)
  })
  const bytes = texts.reduce((sum, [, text]) => sum + text.length, 0)
  return { files: texts.length, bytes, readMs, checkMs, parseMs }
}

function best(rounds: number, work: () => void): number {
  let fastest = Infinity
  for (let i = 0; i < rounds; i++) {
    const started = performance.now()
    work()
    fastest = Math.min(fastest, performance.now() - started)
  }
  return fastest
}
