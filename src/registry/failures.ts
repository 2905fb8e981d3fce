/**
 * Anything thrown while resolving one image, as the plain RegistryFailure
 * record the plan carries: it names the image, says what happened and what
 * to do next (DESIGN.md "Habits").
 */
import type { FailureCode, RegistryFailure } from '../core/resolution.js'
import { RegistryError } from './errors.js'

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
  const options = { status, detail: error.message }
  if (status === 401 || status === 403)
    return accessFailure(error, image, status, options)
  if (status === 404) return notFoundFailure(error, image, options)
  if (status === 429 || error.code === 'TOOMANYREQUESTS') {
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
  return otherStatusFailure(error, image, options)
}

interface StatusOptions {
  readonly status: number
  readonly detail: string
}

function accessFailure(
  error: RegistryError,
  image: ImageContext,
  status: 401 | 403,
  options: StatusOptions
): RegistryFailure {
  const code = status === 401 ? 'UNAUTHORIZED' : 'DENIED'
  if (error.redirectedTo !== undefined) {
    return failure(
      code,
      image,
      `${image.registry} redirected to ${error.redirectedTo}, which refused access (${status}); credentials are never sent to another host`,
      {
        ...options,
        hint: `The registry hands this request to another host that wants credentials. Ask the operator of ${image.registry} to serve it without that redirect, or pin the image by hand.`
      }
    )
  }
  const label = error.code === undefined ? '' : ` ${error.code}`
  return failure(
    code,
    image,
    `${image.registry} refused access (${status}${label}); the repository may be private or may not exist`,
    { ...options, hint: credentialHint(image.registry) }
  )
}

function notFoundFailure(
  error: RegistryError,
  image: ImageContext,
  options: StatusOptions
): RegistryFailure {
  const name = `${image.registry}/${image.repository}`
  if (error.code === 'NAME_UNKNOWN') {
    return failure('NOT_FOUND', image, `repository ${name} does not exist`, {
      ...options,
      hint: 'Check the image name (registry, namespace and repository spelling).'
    })
  }
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

function otherStatusFailure(
  error: RegistryError,
  image: ImageContext,
  options: StatusOptions
): RegistryFailure {
  const { status } = options
  const label = error.code === undefined ? '' : ` ${error.code}`
  if (status === 405 || error.code === 'UNSUPPORTED') {
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
    `unexpected answer ${status}${label}`,
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
