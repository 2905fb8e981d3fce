/**
 * npx tsx bench/render.ts: writes reports/bench.md again from the
 * measurements `npm run bench` saved in reports/bench.json (after a change
 * to how the table is drawn, without measuring again).
 */
import { readFile, writeFile } from 'node:fs/promises'
import { renderEvidenceTable } from './evidence-report.js'
import type { EvidenceRow } from './evidence-report.js'
import { renderMixedTable } from './mixed-report.js'
import type { MixedSize } from './mixed-report.js'
import { renderTable } from './report.js'
import type { Row, Setting } from './report.js'

const saved = JSON.parse(await readFile('reports/bench.json', 'utf8')) as {
  setting: Setting
  rows: Row[]
  startup: number[]
  mixed?: { rows: Row[]; sizes: MixedSize[] }
  evidence?: EvidenceRow[]
}
const table = [
  renderTable(saved.rows, saved.startup, saved.setting),
  renderMixedTable(
    saved.mixed?.rows ?? [],
    saved.setting,
    saved.mixed?.sizes ?? []
  ),
  renderEvidenceTable(saved.evidence ?? [], saved.setting.concurrency)
]
  .filter(Boolean)
  .join('\n\n')
await writeFile('reports/bench.md', `${table}\n`)
console.log(table)
