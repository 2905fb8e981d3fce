#!/usr/bin/env node
/**
 * Extracts the operations Freshbase calls from GitHub's OpenAPI description
 * (@octokit/openapi, api.github.com) into __tests__/support/github-openapi.json,
 * which the GitHub stand-in validates every request against.
 *
 * The package is ~400 MB unpacked, so CI never installs it; whoever bumps
 * the schema runs this script once against a downloaded tarball:
 *
 *   npm pack @octokit/openapi@<version>
 *   node scripts/extract-github-openapi.mjs --tarball octokit-openapi-<version>.tgz
 *   node scripts/extract-github-openapi.mjs --from <unpacked package dir>
 *
 * Kept per operation: path and query parameters, the JSON request body
 * schema and every documented response status with its JSON schema; the
 * referenced components/schemas are copied transitively (with `$ref`s kept)
 * and annotations (description, examples, title) are dropped.
 *
 * The output is deterministic: operations keep the order below, object keys
 * are sorted, and the file is formatted with the repository's Prettier
 * config, so re-running against the same version gives the same bytes.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { format, refsIn, sortKeys } from './schema-extract.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const DEFAULT_OUT = join(ROOT, '__tests__/support/github-openapi.json')
const DESCRIPTION = 'api.github.com'
const SPEC_FILE = `generated/${DESCRIPTION}.json`

/** The operations the action uses, as [method, path template]. */
const OPERATIONS = [
  ['get', '/repos/{owner}/{repo}'],
  ['get', '/repos/{owner}/{repo}/git/ref/{ref}'],
  ['get', '/repos/{owner}/{repo}/git/matching-refs/{ref}'],
  ['get', '/repos/{owner}/{repo}/git/commits/{commit_sha}'],
  ['get', '/repos/{owner}/{repo}/git/trees/{tree_sha}'],
  ['get', '/repos/{owner}/{repo}/git/blobs/{file_sha}'],
  ['post', '/repos/{owner}/{repo}/git/blobs'],
  ['post', '/repos/{owner}/{repo}/git/trees'],
  ['post', '/repos/{owner}/{repo}/git/commits'],
  ['post', '/repos/{owner}/{repo}/git/refs'],
  ['patch', '/repos/{owner}/{repo}/git/refs/{ref}'],
  ['delete', '/repos/{owner}/{repo}/git/refs/{ref}'],
  ['get', '/repos/{owner}/{repo}/pulls'],
  ['post', '/repos/{owner}/{repo}/pulls'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['patch', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['post', '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/labels'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/assignees'],
  ['post', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches'],
  ['post', '/repos/{owner}/{repo}/dispatches']
]

/**
 * Schema keywords that only document (they never change what validates).
 * Dropping them keeps the committed file small; validation is unaffected.
 */
const ANNOTATIONS = new Set([
  'description',
  'example',
  'examples',
  'externalDocs',
  'title',
  'x-github',
  'x-github-breaking-changes'
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

const USAGE = `Usage (the committed file is from version ${committedVersion()}):
  npm pack @octokit/openapi@<version>
  node scripts/extract-github-openapi.mjs --tarball octokit-openapi-<version>.tgz
  node scripts/extract-github-openapi.mjs --from <unpacked package dir>
Options: --out <file> (default ${DEFAULT_OUT})`

function committedVersion() {
  try {
    return readJson(DEFAULT_OUT).version
  } catch {
    return 'none'
  }
}

async function main() {
  const args = parseCli()
  const source = openPackage(args)
  try {
    const { version, spec } = loadDescription(source.dir)
    const document = extract(spec, version)
    const text = await format(JSON.stringify(document), args.out)
    writeFileSync(args.out, text)
    const kib = (Buffer.byteLength(text) / 1024).toFixed(1)
    console.log(
      `${relative(process.cwd(), args.out)}: ${document.operations.length} operations, ` +
        `${Object.keys(document.components.schemas).length} schemas, ` +
        `${kib} KiB (@octokit/openapi ${version})`
    )
  } finally {
    source.cleanup()
  }
}

function parseCli() {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      tarball: { type: 'string' },
      out: { type: 'string', default: DEFAULT_OUT },
      help: { type: 'boolean', short: 'h' }
    }
  })
  if (
    values.help ||
    (values.from === undefined) === (values.tarball === undefined)
  ) {
    console.error(USAGE)
    process.exit(values.help ? 0 : 2)
  }
  return {
    from: values.from,
    tarball: values.tarball,
    out: resolve(values.out)
  }
}

/** Returns the package directory, unpacking only the two files we read. */
function openPackage({ from, tarball }) {
  if (from !== undefined) return { dir: resolve(from), cleanup: () => {} }
  const temp = mkdtempSync(join(tmpdir(), 'octokit-openapi-'))
  const wanted = ['package/package.json', `package/${SPEC_FILE}`]
  execFileSync('tar', ['-xzf', resolve(tarball), '-C', temp, ...wanted])
  return {
    dir: join(temp, 'package'),
    cleanup: () => rmSync(temp, { recursive: true, force: true })
  }
}

function loadDescription(dir) {
  const pkg = readJson(join(dir, 'package.json'))
  if (pkg.name !== '@octokit/openapi') {
    throw new Error(`${dir} is ${pkg.name}, not @octokit/openapi`)
  }
  return { version: pkg.version, spec: readJson(join(dir, SPEC_FILE)) }
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'))
}

function extract(spec, version) {
  const operations = OPERATIONS.map(([method, path]) =>
    extractOperation(spec, method, path)
  )
  const schemas = collectComponents(spec, operations)
  // Metadata first for readers; everything below it has sorted keys.
  return {
    source: '@octokit/openapi',
    version,
    description: DESCRIPTION,
    operations: sortKeys(operations),
    components: { schemas: sortKeys(schemas) }
  }
}

function extractOperation(spec, method, path) {
  const item = spec.paths[path]
  const operation = item?.[method]
  if (operation === undefined) {
    throw new Error(`${method.toUpperCase()} ${path} is not in ${DESCRIPTION}`)
  }
  const parameters = [
    ...(item.parameters ?? []),
    ...(operation.parameters ?? [])
  ]
    .map(p => deref(spec, p))
    .filter(p => p.in === 'path' || p.in === 'query')
    .map(extractParameter)
  return {
    method: method.toUpperCase(),
    path,
    operationId: operation.operationId,
    parameters,
    requestBody: extractRequestBody(spec, operation.requestBody),
    responses: extractResponses(spec, operation.responses)
  }
}

function extractParameter(parameter) {
  const out = {
    name: parameter.name,
    in: parameter.in,
    required: parameter.required === true,
    schema: cleanSchema(parameter.schema ?? {})
  }
  // Path parameters such as `ref` may contain slashes (heads/feature/x).
  if (parameter['x-multi-segment'] === true) out['x-multi-segment'] = true
  return out
}

function extractRequestBody(spec, body) {
  if (body === undefined) return null
  const resolved = deref(spec, body)
  const schema = resolved.content?.['application/json']?.schema
  if (schema === undefined) return null
  return { required: resolved.required === true, schema: cleanSchema(schema) }
}

function extractResponses(spec, responses) {
  const out = {}
  for (const [status, response] of Object.entries(responses ?? {})) {
    const schema = deref(spec, response).content?.['application/json']?.schema
    out[status] = schema === undefined ? {} : { schema: cleanSchema(schema) }
  }
  return out
}

/** Follows a `$ref` to components/parameters|requestBodies|responses. */
function deref(spec, node) {
  let current = node
  while (typeof current?.$ref === 'string')
    current = pointer(spec, current.$ref)
  return current
}

function pointer(spec, ref) {
  if (!ref.startsWith('#/')) throw new Error(`external $ref ${ref}`)
  let node = spec
  for (const raw of ref.slice(2).split('/')) {
    node = node?.[raw.replaceAll('~1', '/').replaceAll('~0', '~')]
  }
  if (node === undefined) throw new Error(`dangling $ref ${ref}`)
  return node
}

/**
 * Copies a schema without annotations. Walks only schema positions so that a
 * property *named* `description` or `title` survives.
 */
function cleanSchema(schema) {
  if (typeof schema !== 'object' || schema === null) return schema
  if (Array.isArray(schema)) return schema.map(cleanSchema)
  const out = {}
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue
    if (SCHEMA_MAPS.has(key)) out[key] = mapValues(value, cleanSchema)
    else if (SCHEMA_VALUES.has(key)) out[key] = cleanSchema(value)
    else out[key] = value
  }
  return out
}

function mapValues(object, fn) {
  return Object.fromEntries(
    Object.entries(object).map(([key, value]) => [key, fn(value)])
  )
}

/** Copies components/schemas reachable from the operations, transitively. */
function collectComponents(spec, operations) {
  const prefix = '#/components/schemas/'
  const schemas = {}
  const pending = [...refsIn(operations)]
  while (pending.length > 0) {
    const ref = pending.pop()
    if (!ref.startsWith(prefix)) throw new Error(`unexpected $ref ${ref}`)
    const name = ref.slice(prefix.length)
    if (name in schemas) continue
    schemas[name] = cleanSchema(pointer(spec, ref))
    pending.push(...refsIn(schemas[name]))
  }
  return schemas
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error)
  console.error(USAGE)
  process.exit(1)
})
