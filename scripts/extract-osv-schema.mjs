#!/usr/bin/env node
/**
 * Extracts the operations Freshbase calls from OSV's published API
 * description (google/osv.dev `docs/osv_service_v1.swagger.json`, Swagger
 * 2.0 generated from the service's protos) into
 * __tests__/support/osv-openapi.json, which the OSV stand-in validates every
 * request against (issue 9).
 *
 * The description is one small file; whoever bumps the schema downloads it
 * at a known commit and runs this script once:
 *
 *   curl -LO https://raw.githubusercontent.com/google/osv.dev/<commit>/docs/osv_service_v1.swagger.json
 *   node scripts/extract-osv-schema.mjs osv_service_v1.swagger.json --commit <commit>
 *
 * (or read it through any GitHub mirror: the file carries no version of its
 * own, so the commit must be given.) Options: --date YYYY-MM-DD (the day of
 * the extraction, default today), --out <file>.
 *
 * Kept: POST /v1/querybatch and GET /v1/vulns/{id} (path parameters, the
 * body schema, every documented response with its schema) and the
 * definitions they reference, transitively, with `$ref`s kept as
 * `#/definitions/<name>`. Annotations (description, summary, title, example)
 * are dropped. Field names are the spec's (lowerCamelCase, as grpc-gateway
 * generates them: `pageToken`, `nextPageToken`); the service also accepts
 * and writes the proto names (`page_token`, `next_page_token`, per
 * docs/api/post-v1-querybatch.md), which the stand-in maps, not this file.
 *
 * The output is deterministic: operations keep the order below, object keys
 * are sorted (after the header), and the file is formatted with the
 * repository's Prettier config.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { format, refsIn, sortKeys } from './schema-extract.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const DEFAULT_OUT = join(ROOT, '__tests__/support/osv-openapi.json')
const REPOSITORY = 'google/osv.dev'
const SPEC_PATH = 'docs/osv_service_v1.swagger.json'

/** The operations Freshbase uses, as [method, path template]. */
const OPERATIONS = [
  ['post', '/v1/querybatch'],
  ['get', '/v1/vulns/{id}']
]

/** Keywords that only document; dropping them changes no validation. */
const ANNOTATIONS = new Set([
  'description',
  'summary',
  'title',
  'example',
  'externalDocs'
])
/** Keywords whose value is a map of name → schema. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties'])
/** Keywords whose value is a schema or a list of schemas. */
const SCHEMA_VALUES = new Set([
  'items',
  'additionalProperties',
  'not',
  'allOf',
  'anyOf',
  'oneOf'
])

const USAGE = `Usage:
  curl -LO https://raw.githubusercontent.com/${REPOSITORY}/<commit>/${SPEC_PATH}
  node scripts/extract-osv-schema.mjs <osv_service_v1.swagger.json> --commit <commit>
Options: --date YYYY-MM-DD (default today), --out <file> (default ${DEFAULT_OUT})`

async function main() {
  const args = parseCli()
  const spec = JSON.parse(readFileSync(args.file, 'utf8'))
  if (spec.swagger !== '2.0' || spec.info?.title !== 'OSV') {
    throw new Error(`${args.file} is not OSV's Swagger 2.0 description`)
  }
  const document = extract(spec, args)
  const text = await format(JSON.stringify(document), args.out)
  writeFileSync(args.out, text)
  const kib = (Buffer.byteLength(text) / 1024).toFixed(1)
  console.log(
    `${relative(process.cwd(), args.out)}: ${document.operations.length} operations, ` +
      `${Object.keys(document.definitions).length} definitions, ${kib} KiB ` +
      `(${REPOSITORY}@${args.commit.slice(0, 7)}:${SPEC_PATH})`
  )
}

function parseCli() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      commit: { type: 'string' },
      date: { type: 'string' },
      out: { type: 'string', default: DEFAULT_OUT },
      help: { type: 'boolean', short: 'h' }
    }
  })
  const file = positionals[0]
  const commit = values.commit ?? ''
  if (values.help || file === undefined || !/^[0-9a-f]{7,40}$/.test(commit)) {
    console.error(USAGE)
    process.exit(values.help ? 0 : 2)
  }
  const date = values.date ?? new Date().toISOString().slice(0, 10)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new Error(`--date ${date} is not YYYY-MM-DD`)
  }
  return { file: resolve(file), commit, date, out: resolve(values.out) }
}

function extract(spec, { commit, date }) {
  const operations = OPERATIONS.map(([method, path]) =>
    extractOperation(spec, method, path)
  )
  const definitions = collectDefinitions(spec, operations)
  // Metadata first for readers; everything below it has sorted keys.
  return {
    source: REPOSITORY,
    path: SPEC_PATH,
    commit,
    date,
    host: spec.host,
    operations: sortKeys(operations),
    definitions: sortKeys(definitions)
  }
}

function extractOperation(spec, method, path) {
  const operation = spec.paths?.[path]?.[method]
  if (operation === undefined) {
    throw new Error(`${method.toUpperCase()} ${path} is not in ${SPEC_PATH}`)
  }
  const parameters = operation.parameters ?? []
  const body = parameters.find(p => p.in === 'body')
  return {
    method: method.toUpperCase(),
    path,
    operationId: operation.operationId,
    parameters: parameters
      .filter(p => p.in === 'path' || p.in === 'query')
      .map(extractParameter),
    requestBody:
      body === undefined
        ? null
        : { required: body.required === true, schema: clean(body.schema) },
    responses: Object.fromEntries(
      Object.entries(operation.responses ?? {}).map(([status, response]) => [
        status,
        response.schema === undefined ? {} : { schema: clean(response.schema) }
      ])
    )
  }
}

/** Swagger 2.0 puts a non-body parameter's type on the parameter itself. */
function extractParameter(parameter) {
  const { name, in: where, required, ...rest } = parameter
  const schema = {}
  for (const key of ['type', 'format', 'enum', 'pattern', 'items']) {
    if (rest[key] !== undefined) schema[key] = rest[key]
  }
  return { name, in: where, required: required === true, schema }
}

/**
 * Copies a schema without annotations. Walks only schema positions so that a
 * property *named* `summary` or `description` survives.
 */
function clean(schema) {
  if (typeof schema !== 'object' || schema === null) return schema
  if (Array.isArray(schema)) return schema.map(clean)
  const out = {}
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue
    if (SCHEMA_MAPS.has(key)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, child]) => [name, clean(child)])
      )
    } else if (SCHEMA_VALUES.has(key)) out[key] = clean(value)
    else out[key] = value
  }
  return out
}

/** Copies the definitions reachable from the operations, transitively. */
function collectDefinitions(spec, operations) {
  const prefix = '#/definitions/'
  const definitions = {}
  const pending = [...refsIn(operations)]
  while (pending.length > 0) {
    const ref = pending.pop()
    if (!ref.startsWith(prefix)) throw new Error(`unexpected $ref ${ref}`)
    const name = ref.slice(prefix.length)
    if (name in definitions) continue
    const definition = spec.definitions?.[name]
    if (definition === undefined) throw new Error(`dangling $ref ${ref}`)
    definitions[name] = clean(definition)
    pending.push(...refsIn(definitions[name]))
  }
  return definitions
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error)
  console.error(USAGE)
  process.exit(1)
})
