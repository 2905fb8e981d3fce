/** Routes requests to operations and validates them with ajv. */
import { readFile } from 'node:fs/promises'
import { Ajv } from 'ajv'
import type { ValidateFunction } from 'ajv'
import ajvFormats from 'ajv-formats'
import {
  allowsNull,
  coerce,
  compileRoute,
  describeError,
  normalizeNullable,
  placeholderString,
  primaryType
} from './openapi-schema.js'
import type {
  CheckedRequest,
  JsonSchema,
  OpenApiDocument,
  RawRequest,
  Route
} from './openapi-schema.js'
import { isRecord, parseJson, safeDecode } from './shared.js'

const SCHEMA_ID = 'github-openapi.json'
const SCHEMA_FILE = new URL('../github-openapi.json', import.meta.url)
const MAX_SKELETON_DEPTH = 12

export class OpenApiCatalog {
  readonly routes: readonly Route[]
  private readonly ajv: Ajv
  private readonly validators = new Map<string, ValidateFunction>()

  private constructor(private readonly document: OpenApiDocument) {
    this.routes = document.operations.map(compileRoute)
    this.ajv = new Ajv({ strict: false, allErrors: true })
    ajvFormats.default(this.ajv)
    // GitHub-specific formats that ajv-formats does not know.
    this.ajv.addFormat('repo.nwo', /^[^/\s]+\/[^/\s]+$/)
    this.ajv.addFormat('timestamp', true)
    this.ajv.addSchema({ ...document, $id: SCHEMA_ID })
  }

  static async load() {
    const text = await readFile(SCHEMA_FILE, 'utf8')
    const document = normalizeNullable(JSON.parse(text) as unknown)
    return new OpenApiCatalog(document as OpenApiDocument)
  }

  match(method: string, rawPath: string) {
    for (const route of this.routes) {
      if (route.operation.method !== method) continue
      const found = route.pattern.exec(rawPath)
      if (found === null) continue
      const params = Object.fromEntries(
        route.names.map((name, i) => [name, safeDecode(found[i + 1] ?? '')])
      )
      return { route, params }
    }
    return undefined
  }

  checkRequest(route: Route, raw: RawRequest): CheckedRequest {
    const errors: string[] = []
    const params = this.checkParameters(route, 'path', raw.params, errors)
    const query = this.checkParameters(
      route,
      'query',
      Object.fromEntries(raw.query),
      errors
    )
    const body = this.checkBody(route, raw, errors)
    return { errors, params, query, body }
  }

  checkResponse(route: Route, status: number, body: unknown) {
    if (route.operation.responses[status]?.schema === undefined) return []
    const pointer = `/operations/${route.index}/responses/${status}/schema`
    return this.validate(pointer, body, 'response')
  }

  /** Lays `overlay` over a skeleton of the response schema for `status`. */
  shapeResponse(route: Route, status: number, overlay: unknown) {
    const schema = route.operation.responses[status]?.schema
    if (schema === undefined || overlay === undefined) return overlay
    return this.shape(schema, overlay, 0)
  }

  private checkParameters(
    route: Route,
    location: 'path' | 'query',
    raw: Readonly<Record<string, string>>,
    errors: string[]
  ) {
    const { parameters } = route.operation
    const known = new Set(
      parameters.filter(p => p.in === location).map(p => p.name)
    )
    for (const name of Object.keys(raw)) {
      if (!known.has(name))
        errors.push(`unknown ${location} parameter '${name}'`)
    }
    const values: Record<string, unknown> = {}
    parameters.forEach((spec, j) => {
      if (spec.in !== location) return
      const value = raw[spec.name]
      if (value === undefined) {
        if (spec.required)
          errors.push(`missing ${location} parameter '${spec.name}'`)
        return
      }
      values[spec.name] = coerce(value, spec.schema)
      const pointer = `/operations/${route.index}/parameters/${j}/schema`
      const where = `${location}.${spec.name}`
      errors.push(...this.validate(pointer, values[spec.name], where))
    })
    return values
  }

  private checkBody(route: Route, raw: RawRequest, errors: string[]): unknown {
    const spec = route.operation.requestBody
    if (raw.body.length === 0) {
      if (spec?.required === true) errors.push('request body is required')
      return undefined
    }
    if (spec === null) {
      errors.push(`${route.operation.operationId} takes no request body`)
      return undefined
    }
    if (!/^application\/json\b/i.test(raw.contentType ?? '')) {
      errors.push(
        `content-type must be application/json, not ${raw.contentType}`
      )
    }
    const body = parseJson(raw.body)
    if (body === undefined) {
      errors.push('request body is not valid JSON')
      return undefined
    }
    const pointer = `/operations/${route.index}/requestBody/schema`
    errors.push(...this.validate(pointer, body, 'body'))
    errors.push(...this.unknownProperties(spec.schema, body))
    return body
  }

  /**
   * Stricter than GitHub on purpose: GitHub ignores body fields it does not
   * know, so a misspelt field would silently do nothing in production.
   */
  private unknownProperties(schema: JsonSchema, body: unknown) {
    if (!isRecord(body)) return []
    const known = new Set<string>()
    for (const member of [
      schema,
      ...(schema.allOf ?? []),
      ...(schema.oneOf ?? []),
      ...(schema.anyOf ?? [])
    ]) {
      Object.keys(this.resolve(member).properties ?? {}).forEach(k =>
        known.add(k)
      )
    }
    if (known.size === 0 || schema.additionalProperties === true) return []
    return Object.keys(body)
      .filter(key => !known.has(key))
      .map(key => `body/${key} is not a property of this operation's body`)
  }

  validate(pointer: string, data: unknown, where: string) {
    let validator = this.validators.get(pointer)
    if (validator === undefined) {
      validator = this.ajv.compile({ $ref: `${SCHEMA_ID}#${pointer}` })
      this.validators.set(pointer, validator)
    }
    if (validator(data)) return []
    return (validator.errors ?? []).map(error => describeError(where, error))
  }

  private resolve(schema: JsonSchema): JsonSchema {
    let current = schema
    for (let hops = 0; current.$ref !== undefined && hops < 32; hops++) {
      const name = current.$ref.replace('#/components/schemas/', '')
      current = this.document.components.schemas[name] ?? {}
    }
    return current
  }

  private shape(schema: JsonSchema, value: unknown, depth: number): unknown {
    const resolved = this.resolve(schema)
    if (value === undefined) return this.skeleton(resolved, depth)
    if (Array.isArray(value)) {
      const items = this.itemsOf(resolved)
      const list: unknown[] = value
      if (items === undefined) return list
      return list.map(item => this.shape(items, item, depth + 1))
    }
    if (!isRecord(value)) return value
    const { properties, required } = this.objectShape(resolved)
    const out: Record<string, unknown> = {}
    for (const key of new Set([...required, ...Object.keys(value)])) {
      const property = properties[key]
      out[key] =
        property === undefined
          ? value[key]
          : this.shape(property, value[key], depth + 1)
    }
    return out
  }

  /** A minimal value that satisfies the schema: required fields only. */
  private skeleton(schema: JsonSchema, depth: number): unknown {
    if (depth > MAX_SKELETON_DEPTH || allowsNull(schema)) return null
    if (schema.enum !== undefined) return schema.enum[0]
    if (schema.default !== undefined) return schema.default
    const variant = schema.oneOf?.[0] ?? schema.anyOf?.[0]
    if (variant !== undefined && schema.properties === undefined) {
      return this.shape(variant, undefined, depth + 1)
    }
    switch (primaryType(schema)) {
      case 'object':
        return this.shape(schema, {}, depth)
      case 'array':
        return []
      case 'string':
        return placeholderString(schema.format)
      case 'integer':
      case 'number':
        return 0
      case 'boolean':
        return false
      default:
        return null
    }
  }

  private objectShape(schema: JsonSchema) {
    const properties: Record<string, JsonSchema> = {}
    const required: string[] = []
    const parts = [schema, ...(schema.allOf ?? []).map(s => this.resolve(s))]
    for (const part of parts) {
      Object.assign(properties, part.properties ?? {})
      required.push(...(part.required ?? []))
    }
    return { properties, required }
  }

  private itemsOf(schema: JsonSchema): JsonSchema | undefined {
    if (schema.items !== undefined) return schema.items
    const parts = [...(schema.allOf ?? []), ...(schema.oneOf ?? [])]
    return parts.map(s => this.resolve(s)).find(s => s.items)?.items
  }
}
