/**
 * npx tsx bench/render.ts: writes reports/bench.md again from the
 * measurements `npm run bench` saved in reports/bench.json (after a change
 * to how the table is drawn, without measuring again).
 */
import { readFile, writeFile } from 'node:fs/promises'
import { renderTable } from './report.js'
import type { Row, Setting } from './report.js'

const saved = JSON.parse(await readFile('reports/bench.json', 'utf8')) as {
  setting: Setting
  rows: Row[]
  startup: number[]
}
const table = renderTable(saved.rows, saved.startup, saved.setting)
await writeFile('reports/bench.md', `${table}\n`)
console.log(table)
