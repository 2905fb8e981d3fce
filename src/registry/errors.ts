/**
 * Registry errors: the thrown class carrying request details (MODELS.md 3.4,
 * after ggcr's transport.Error) and its mapping to the plain RegistryFailure
 * record that names the image and says what to do.
 */
import type { FailureCode, RegistryFailure } from '../core/resolution.js'
import { redirectedHost } from './http-policy.js'
import type { HeaderBag } from './http-types.js'

/** What went wrong, independent of the HTTP status. */
export type RegistryErrorReason =
  | 'status'
  | 'network'
  /** The answer began but the connection closed before its body was complete. */
  | 'interrupted'
  | 'timeout'
  | 'too-large'
  | 'invalid-response'
  | 'unsupported'
  | 'token'
  | 'no-credentials'

export interface RegistryErrorInit {
  readonly reason: RegistryErrorReason
  readonly message: string
  /** First OCI error code of the body (distribution-spec "Error Codes"). */
  readonly code?: string
  readonly status?: number
  readonly method?: string
  /** Already redacted. */
  readonly url?: string
  readonly retryAfter?: string
  /** The other host a redirect led to, when the answer came from there. */
  readonly redirectedTo?: string
  readonly cause?: unknown
}

// Temporary by status / OCI code (FACTS.md §2.7, §4): worth retrying later.
const TEMPORARY_CODES = new Set(['TOOMANYREQUESTS', 'UNAVAILABLE'])

export class RegistryError extends Error {
  override readonly name = 'RegistryError'
  readonly reason: RegistryErrorReason
  readonly code?: string
  readonly status?: number
  readonly method?: string
  readonly url?: string
  readonly retryAfter?: string
  readonly redirectedTo?: string
  readonly temporary: boolean

  constructor(init: RegistryErrorInit) {
    super(init.message, { cause: init.cause })
    this.reason = init.reason
    if (init.code !== undefined) this.code = init.code
    if (init.status !== undefined) this.status = init.status
    if (init.method !== undefined) this.method = init.method
    if (init.url !== undefined) this.url = init.url
    if (init.retryAfter !== undefined) this.retryAfter = init.retryAfter
    if (init.redirectedTo !== undefined) this.redirectedTo = init.redirectedTo
    this.temporary = isTemporary(init)
  }
}

function isTemporary(init: RegistryErrorInit): boolean {
  if (['network', 'interrupted', 'timeout'].includes(init.reason)) return true
  if (init.code !== undefined && TEMPORARY_CODES.has(init.code)) return true
  const status = init.status ?? 0
  return status === 429 || status >= 500
}

export interface OciError {
  readonly code: string
  readonly message?: string
}

/** `{"errors":[{"code","message","detail"}]}`; any other body gives []. */
export function parseOciErrors(body: Uint8Array): OciError[] {
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder().decode(body))
  } catch {
    return []
  }
  if (!isRecord(json) || !Array.isArray(json['errors'])) return []
  const errors: OciError[] = []
  for (const entry of json['errors'] as unknown[]) {
    if (!isRecord(entry) || typeof entry['code'] !== 'string') continue
    const message = entry['message']
    errors.push(
      typeof message === 'string'
        ? { code: entry['code'], message }
        : { code: entry['code'] }
    )
  }
  return errors
}

export interface ErrorResponse {
  readonly status: number
  readonly headers: HeaderBag
  readonly body: Uint8Array
}

/**
 * A non-2xx registry answer as an error; the URL must already be redacted.
 * With `registryHost`, an answer from another host (after a redirect) says so.
 */
export function errorFromResponse(
  method: string,
  url: string,
  response: ErrorResponse,
  registryHost?: string
): RegistryError {
  const redirectedTo =
    registryHost === undefined ? undefined : redirectedHost(url, registryHost)
  const first = parseOciErrors(response.body)[0]
  const retryAfter = response.headers.get('retry-after') ?? undefined
  const label = first === undefined ? '' : ` ${first.code}`
  const detail = first?.message === undefined ? '' : `: ${first.message}`
  return new RegistryError({
    reason: 'status',
    message: `${method} ${url} answered ${response.status}${label}${detail}`,
    status: response.status,
    method,
    url,
    ...(first === undefined ? {} : { code: first.code }),
    ...(retryAfter === undefined ? {} : { retryAfter }),
    ...(redirectedTo === undefined ? {} : { redirectedTo })
  })
}

/** The image a failure is about, as the resolve request names it. */
export interface ImageContext {
  readonly registry: string
  readonly repository: string
  readonly tag: string
}

export function imageName(image: ImageContext): string {
  return `${image.registry}/${image.repository}:${image.tag}`
}

/** Maps anything thrown while resolving one image to its failure record. */
export function toRegistryFailure(
  error: unknown,
  image: ImageContext
): RegistryFailure {
  if (!(error instanceof RegistryError)) {
    const text = error instanceof Error ? error.message : String(error)
    return failure('INVALID_RESPONSE', image, `unexpected error: ${text}`, {
      hint: 'This is likely a Freshbase bug; please report it with the log.'
    })
  }
  if (error.reason === 'status') return statusFailure(error, image)
  return reasonFailure(error, image)
}

function reasonFailure(
  error: RegistryError,
  image: ImageContext
): RegistryFailure {
  const { registry } = image
  switch (error.reason) {
    case 'timeout':
      return failure('TIMEOUT', image, `${registry} did not answer in time`, {
        hint: `The registry is unreachable or slow. Check network access to ${registry} and retry later.`
      })
    case 'network':
      return failure('NETWORK', image, `${registry} is unreachable`, {
        detail: error.message,
        hint: `Check the registry host name, network access and TLS setup for ${registry}; a plain-HTTP registry must be listed as insecure.`
      })
    case 'interrupted':
      return failure(
        'NETWORK',
        image,
        `${registry} closed the connection in the middle of an answer`,
        {
          detail: error.message,
          hint: `The registry, or a proxy between here and ${registry}, cut the answer short; retry later. If it keeps happening, check proxies and firewalls on the way.`
        }
      )
    case 'token':
      return tokenFailure(error, image)
    case 'no-credentials':
      return failure('UNAUTHORIZED', image, error.message, {
        status: 401,
        hint: credentialHint(registry)
      })
    case 'unsupported':
      return failure('UNSUPPORTED', image, error.message, {
        hint: 'Push a v2 / OCI manifest or index for this tag, or pin it by hand.'
      })
    default:
      return failure('INVALID_RESPONSE', image, error.message, {
        hint: `The registry ${registry} sent something Freshbase cannot trust; retry later or report it to the registry operator.`
      })
  }
}

function tokenFailure(
  error: RegistryError,
  image: ImageContext
): RegistryFailure {
  const status = error.status
  if (status === 401 || status === 403) {
    return failure('UNAUTHORIZED', image, error.message, {
      status,
      hint: credentialHint(image.registry)
    })
  }
  if (status !== undefined && (status === 429 || status >= 500)) {
    return failure('UNAVAILABLE', image, error.message, {
      status,
      hint: 'The token endpoint is failing or rate limiting; retry later.'
    })
  }
  return failure('INVALID_RESPONSE', image, error.message, {
    ...(status === undefined ? {} : { status }),
    hint: 'The token endpoint answered something unusable; retry later or report it to the registry operator.'
  })
}

function statusFailure(
  error: RegistryError,
  image: ImageContext
): RegistryFailure {
  const status = error.status ?? 0
  const code = error.code
  const name = `${image.registry}/${image.repository}`
  const options = { status, detail: error.message }
  if ((status === 401 || status === 403) && error.redirectedTo !== undefined) {
    return failure(
      status === 401 ? 'UNAUTHORIZED' : 'DENIED',
      image,
      `${image.registry} redirected to ${error.redirectedTo}, which refused access (${status}); credentials are never sent to another host`,
      {
        ...options,
        hint: `The registry hands this request to another host that wants credentials. Ask the operator of ${image.registry} to serve it without that redirect, or pin the image by hand.`
      }
    )
  }
  if (status === 401 || status === 403) {
    return failure(
      status === 401 ? 'UNAUTHORIZED' : 'DENIED',
      image,
      `${image.registry} refused access (${status}${code === undefined ? '' : ` ${code}`}); the repository may be private or may not exist`,
      { ...options, hint: credentialHint(image.registry) }
    )
  }
  if (status === 404 && code === 'NAME_UNKNOWN') {
    return failure('NOT_FOUND', image, `repository ${name} does not exist`, {
      ...options,
      hint: 'Check the image name (registry, namespace and repository spelling).'
    })
  }
  if (status === 404) {
    return failure(
      'NOT_FOUND',
      image,
      `tag "${image.tag}" does not exist in ${name}`,
      {
        ...options,
        hint: 'Check the tag spelling; the tag may have been deleted or renamed upstream.'
      }
    )
  }
  if (status === 429 || code === 'TOOMANYREQUESTS') {
    const after =
      error.retryAfter === undefined
        ? ''
        : ` (Retry-After: ${error.retryAfter})`
    return failure(
      'TOO_MANY_REQUESTS',
      image,
      `${image.registry} rate limited the request${after}`,
      {
        ...options,
        hint: `Authenticate to ${image.registry} to raise the limit, or retry later.`
      }
    )
  }
  if (status >= 500) {
    return failure(
      'UNAVAILABLE',
      image,
      `${image.registry} failed with ${status}`,
      {
        ...options,
        hint: 'The registry is having trouble; retry later.'
      }
    )
  }
  if (status === 405 || code === 'UNSUPPORTED') {
    return failure(
      'UNSUPPORTED',
      image,
      `${image.registry} does not support this request (${status})`,
      {
        ...options,
        hint: 'The registry does not implement the OCI distribution API for this operation.'
      }
    )
  }
  return failure(
    'INVALID_RESPONSE',
    image,
    `unexpected answer ${status}${code === undefined ? '' : ` ${code}`}`,
    {
      ...options,
      hint: `Check the image reference; if it is right, report the answer of ${image.registry}.`
    }
  )
}

function credentialHint(registry: string): string {
  const login =
    registry === 'docker.io' ? 'docker login' : `docker login ${registry}`
  return `Check the credentials for ${registry} (run \`${login}\`, check the Docker config file, or set the docker-config option), or make sure the image is public.`
}

interface FailureOptions {
  readonly hint: string
  readonly status?: number
  readonly detail?: string
}

function failure(
  code: FailureCode,
  image: ImageContext,
  what: string,
  options: FailureOptions
): RegistryFailure {
  const detail =
    options.detail === undefined || options.detail === what
      ? ''
      : ` (${options.detail})`
  const text = `cannot resolve ${imageName(image)}: ${what}${detail}`
  return {
    code,
    ...(options.status === undefined ? {} : { status: options.status }),
    // A full stop, so "message hint" (CLI row, annotation) reads as two sentences.
    message: /[.!?]$/.test(text) ? text : `${text}.`,
    hint: options.hint
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
