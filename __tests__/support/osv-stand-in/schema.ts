/**
 * OSV's published API description (the extract in ../osv-openapi.json, made
 * by scripts/extract-osv-schema.mjs) compiled with ajv: request bodies are
 * checked strictly, responses loosely (a self-check of the stand-in).
 */
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import type { ErrorObject, ValidateFunction } from 'ajv'
import ajvFormats from 'ajv-formats'

const SCHEMA_FILE = new URL('../osv-openapi.json', import.meta.url)

export interface OsvDescription {
  readonly source: string
  readonly path: string
  readonly commit: string
  readonly date: string
  readonly definitions: Readonly<Record<string, unknown>>
}

type Json = Record<string, unknown>

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The proto3 JSON mapping: "Parsers accept both the lowerCamelCase name (or
 * the one specified by the json_name option) and the original proto field
 * name". The description is generated with the camelCase names
 * (`pageToken`); OSV's docs and clients write the proto names
 * (`page_token`, docs/api/post-v1-querybatch.md). Both are mapped to the
 * description's names before validation; giving both is an error.
 */
export function toJsonNames(
  value: unknown,
  errors: string[],
  at = 'body'
): unknown {
  if (Array.isArray(value)) {
    return value.map((item: unknown, i) =>
      toJsonNames(item, errors, `${at}/${i}`)
    )
  }
  if (!isRecord(value)) return value
  const out: Json = {}
  const given = new Map<string, string>()
  for (const [key, child] of Object.entries(value)) {
    const name = key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())
    const earlier = given.get(name)
    if (earlier !== undefined)
      errors.push(`${at}: both ${earlier} and ${key} given`)
    given.set(name, key)
    out[name] = toJsonNames(child, errors, `${at}/${name}`)
  }
  return out
}

/**
 * Stricter than the description on purpose, and as strict as the service:
 * the gRPC transcoder rejects a field it does not know ("Cannot find
 * field"), so every object with declared properties takes no others.
 */
function strictCopy(definitions: Readonly<Record<string, unknown>>) {
  const close = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(close)
    if (!isRecord(node)) return node
    const copy = Object.fromEntries(
      Object.entries(node).map(([key, child]) => [key, close(child)])
    )
    if (isRecord(copy.properties) && copy.additionalProperties === undefined) {
      copy.additionalProperties = false
    }
    return copy
  }
  return close(definitions) as Json
}

function describe(where: string, error: ErrorObject) {
  const detail = JSON.stringify(error.params)
  return `${where}${error.instancePath} ${error.message ?? error.keyword} ${detail}`
}

export class OsvSchema {
  readonly description: OsvDescription
  private readonly strict: ValidateFunction
  private readonly loose = new Map<string, ValidateFunction>()
  private readonly ajv: Ajv

  constructor() {
    const text = readFileSync(SCHEMA_FILE, 'utf8')
    this.description = JSON.parse(text) as OsvDescription
    this.ajv = new Ajv({ strict: false, allErrors: true })
    ajvFormats.default(this.ajv)
    this.ajv.addSchema({
      $id: 'osv.json',
      definitions: this.description.definitions
    })
    this.ajv.addSchema({
      $id: 'osv-strict.json',
      definitions: strictCopy(this.description.definitions)
    })
    this.strict = this.ajv.compile({
      $ref: 'osv-strict.json#/definitions/v1BatchQuery'
    })
  }

  /** The body as the description names it, or the reasons it is invalid. */
  checkBatchBody(raw: unknown): { body: unknown; errors: string[] } {
    const errors: string[] = []
    const body = toJsonNames(raw, errors)
    if (!this.strict(body)) {
      errors.push(
        ...(this.strict.errors ?? []).map(error => describe('body', error))
      )
    }
    return { body, errors }
  }

  /** Reasons a response body does not fit `definition` (names mapped as for requests). */
  checkResponse(definition: string, body: unknown): string[] {
    let validate = this.loose.get(definition)
    if (validate === undefined) {
      validate = this.ajv.compile({
        $ref: `osv.json#/definitions/${definition}`
      })
      this.loose.set(definition, validate)
    }
    const errors: string[] = []
    if (validate(toJsonNames(body, errors, 'response'))) return errors
    return [
      ...errors,
      ...(validate.errors ?? []).map(error => describe('response', error))
    ]
  }
}
