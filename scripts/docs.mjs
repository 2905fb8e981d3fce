// Generates the README's inputs and outputs tables from action.yml.
// `node scripts/docs.mjs` rewrites README.md; `--check` fails when it differs.
import { readFile, writeFile } from 'node:fs/promises'
import { parse } from 'yaml'

const action = parse(await readFile('action.yml', 'utf8'))
const cell = text =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim()

const inputs = [
  '| input | default | description |',
  '| --- | --- | --- |',
  ...Object.entries(action.inputs).map(
    ([name, spec]) =>
      `| \`${name}\` | ${spec.default === undefined ? '' : `\`${cell(spec.default)}\``} | ${cell(spec.description)} |`
  )
].join('\n')
const outputs = [
  '| output | description |',
  '| --- | --- |',
  ...Object.entries(action.outputs).map(
    ([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`
  )
].join('\n')

const readme = await readFile('README.md', 'utf8')
const replace = (text, name, table) => {
  const start = `<!-- ${name}:start (generated from action.yml by npm run docs) -->`
  const end = `<!-- ${name}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from < 0 || to < from)
    throw new Error(`README.md has no ${start} … ${end} block`)
  return `${text.slice(0, from + start.length)}\n${table}\n${text.slice(to)}`
}
const next = replace(replace(readme, 'inputs', inputs), 'outputs', outputs)
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error(
      'README.md inputs/outputs tables differ from action.yml: run "npm run docs" and commit.'
    )
    process.exit(1)
  }
} else {
  await writeFile('README.md', next)
}
