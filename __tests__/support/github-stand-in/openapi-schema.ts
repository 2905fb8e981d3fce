/** The extracted OpenAPI description: its shapes and schema helpers. */
import type { ErrorObject } from 'ajv'
import { isRecord } from './shared.js'

export interface JsonSchema {
  readonly $ref?: string
  readonly type?: string | readonly string[]
  readonly properties?: Readonly<Record<string, JsonSchema>>
  readonly required?: readonly string[]
  readonly additionalProperties?: boolean | JsonSchema
  readonly items?: JsonSchema
  readonly allOf?: readonly JsonSchema[]
  readonly anyOf?: readonly JsonSchema[]
  readonly oneOf?: readonly JsonSchema[]
  readonly enum?: readonly unknown[]
  readonly default?: unknown
  readonly format?: string
  readonly nullable?: boolean
}

interface ParameterSpec {
  readonly name: string
  readonly in: 'path' | 'query'
  readonly required: boolean
  readonly schema: JsonSchema
  readonly 'x-multi-segment'?: boolean
}

interface OperationSpec {
  readonly method: string
  readonly path: string
  readonly operationId: string
  readonly parameters: readonly ParameterSpec[]
  readonly requestBody: {
    readonly required: boolean
    readonly schema: JsonSchema
  } | null
  readonly responses: Readonly<Record<string, { readonly schema?: JsonSchema }>>
}

export interface OpenApiDocument {
  readonly version: string
  readonly operations: readonly OperationSpec[]
  readonly components: {
    readonly schemas: Readonly<Record<string, JsonSchema>>
  }
}

export interface Route {
  readonly index: number
  readonly operation: OperationSpec
  readonly pattern: RegExp
  readonly names: readonly string[]
}

export interface CheckedRequest {
  readonly errors: readonly string[]
  readonly params: Readonly<Record<string, unknown>>
  readonly query: Readonly<Record<string, unknown>>
  readonly body: unknown
}

export interface RawRequest {
  readonly params: Readonly<Record<string, string>>
  readonly query: URLSearchParams
  readonly body: Buffer
  readonly contentType: string | undefined
}

export function compileRoute(operation: OperationSpec, index: number): Route {
  const names: string[] = []
  const multiSegment = new Set(
    operation.parameters
      .filter(p => p['x-multi-segment'] === true)
      .map(p => p.name)
  )
  // Octokit sends `heads%2Ffeature` but other clients send `heads/feature`;
  // multi-segment parameters (refs, shas) accept both.
  const source = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name)
    return multiSegment.has(name) ? '(.+)' : '([^/]+)'
  })
  return { index, operation, pattern: new RegExp(`^${source}$`), names }
}

/** OpenAPI 3.0 `nullable` without `type` is something ajv refuses. */
export function normalizeNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalizeNullable)
  if (!isRecord(node)) return node
  const copy = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, normalizeNullable(value)])
  )
  if (copy.nullable !== true || copy.type !== undefined) return copy
  const { nullable: _nullable, ...rest } = copy
  return { anyOf: [rest, { type: 'null' }] }
}

/** Query and path values are strings; the schema says what they mean. */
export function coerce(value: string, schema: JsonSchema): unknown {
  const types = new Set<string>()
  for (const s of [schema, ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) {
    ;[s.type ?? []].flat().forEach(type => types.add(type))
  }
  const numeric = types.has('integer') || types.has('number')
  if (numeric && /^-?\d+(\.\d+)?$/.test(value)) return Number(value)
  if (types.has('boolean') && /^(true|false)$/.test(value)) {
    return value === 'true'
  }
  return value
}

export function describeError(where: string, error: ErrorObject) {
  const detail = JSON.stringify(error.params)
  return `${where}${error.instancePath} ${error.message ?? error.keyword} ${detail}`
}

export function allowsNull(schema: JsonSchema) {
  if (schema.nullable === true) return true
  return (schema.anyOf ?? []).some(member => member.type === 'null')
}

export function primaryType(schema: JsonSchema) {
  const types = [schema.type ?? []].flat().filter(type => type !== 'null')
  if (types[0] !== undefined) return types[0]
  if (schema.properties !== undefined || schema.allOf !== undefined) {
    return 'object'
  }
  return undefined
}

export function placeholderString(format: string | undefined) {
  switch (format) {
    case 'date-time':
      return '1970-01-01T00:00:00Z'
    case 'date':
      return '1970-01-01'
    case 'uri':
    case 'uri-template':
      return 'https://github.com/'
    case 'email':
      return 'placeholder@users.noreply.github.com'
    case 'repo.nwo':
      return 'placeholder/placeholder'
    default:
      return ''
  }
}
