/**
 * The one place that builds an Octokit: GHES base URL, retry and throttling
 * (FACTS.md §6.5), and nothing secret in what it logs.
 */
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { Octokit } from '@octokit/rest'
import Bottleneck from 'bottleneck'
import type { Logger } from '../pipeline/ports.js'

export type GitHubClient = InstanceType<typeof ClientClass>

const ClientClass = Octokit.plugin(retry, throttling)

export interface OctokitOptions {
  readonly token: string
  /** GITHUB_API_URL (GitHub Enterprise Server: https://host/api/v3). */
  readonly baseUrl: string
  readonly logger: Logger
  /** Time between write requests (GitHub asks for ≥ 1 s; tests against a stand-in use less). */
  readonly writeIntervalMs?: number
  /** One `retry-after` second in milliseconds (tests compress it). */
  readonly retryAfterUnitMs?: number
}

/** Rate-limit retries before a request fails for good. */
const MAX_RATE_LIMIT_RETRIES = 2

export function createOctokit(options: OctokitOptions): GitHubClient {
  const { logger } = options
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _octokit: unknown,
      retryCount: number
    ): boolean => {
      const retrying = retryCount < MAX_RATE_LIMIT_RETRIES
      logger.warn(
        `GitHub ${kind} rate limit on ${request.method} ${request.url}; ${retrying ? `retrying after ${retryAfter} s` : 'giving up'}.`
      )
      return retrying
    }
  return new ClientClass({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: 'freshbase',
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: (message: string) => logger.debug(message),
      error: (message: string) => logger.debug(message)
    },
    // plugin-retry: 429 is left to the throttling plugin (create-pull-request does the same).
    retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    throttle: {
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
      ...(options.retryAfterUnitMs === undefined
        ? {}
        : { retryAfterBaseValue: options.retryAfterUnitMs }),
      ...(options.writeIntervalMs === undefined
        ? {}
        : {
            write: limiterGroup('octokit-write', options.writeIntervalMs),
            // PRs and comments also pass the notifications limiter (3 s apart by default).
            notifications: limiterGroup(
              'octokit-notifications',
              options.writeIntervalMs
            )
          })
    }
  })
}

/**
 * A plugin-throttling limiter group (one at a time, `minTime` apart) with our
 * interval; `bottleneck` is the limiter the plugin itself is built on.
 */
function limiterGroup(id: string, minTime: number): Bottleneck.Group {
  return new Bottleneck.Group({ id, maxConcurrent: 1, minTime })
}
