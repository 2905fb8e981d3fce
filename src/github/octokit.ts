/**
 * The one place that builds an Octokit: GHES base URL, retry and throttling
 * (FACTS.md §6.5), and nothing secret in what it logs.
 */
import { setTimeout as sleep } from 'node:timers/promises'
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
  /**
   * One `retry-after` second in milliseconds, also the unit of plugin-retry's
   * 1, 4, 9 backoff after a 5xx (tests compress it; 1000 otherwise).
   */
  readonly retryAfterUnitMs?: number
}

/** Rate-limit retries before a request fails for good. */
const MAX_RATE_LIMIT_RETRIES = 2

/** Longer waits than this are not sat out: the job fails and says to re-run later. */
const MAX_RATE_LIMIT_WAIT_S = 120

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
      const tooLong = retryAfter > MAX_RATE_LIMIT_WAIT_S
      const retrying = retryCount < MAX_RATE_LIMIT_RETRIES && !tooLong
      logger.warn(
        `GitHub ${kind} rate limit on ${request.method} ${request.url}; ${retrying ? `retrying after ${retryAfter} s` : tooLong ? `giving up: GitHub asks to wait ${retryAfter} s` : 'giving up'}.`
      )
      return retrying
    }
  const octokit = new ClientClass({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: 'freshbase',
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: (message: string) => logger.debug(message),
      error: (message: string) => logger.debug(message)
    },
    // plugin-retry: 429 is left to the throttling plugin (create-pull-request
    // does the same); a 409 conflict is settled by re-reading (git-data.ts),
    // not by sending the same request again.
    retry: {
      doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451],
      ...(options.retryAfterUnitMs === undefined
        ? {}
        : { retryAfterBaseValue: options.retryAfterUnitMs })
    },
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
  honourRetryAfter(octokit, options.retryAfterUnitMs ?? 1000, onLimit('API'))
  return octokit
}

/**
 * plugin-throttling retries a 403/429 only when the message says "secondary
 * rate" or the quota is at 0; GitHub's advice covers any 403/429 carrying
 * retry-after (FACTS.md §6.5). This hook, outside the plugins, waits out the
 * rest, bounded by the same handler.
 */
function honourRetryAfter(
  octokit: GitHubClient,
  unitMs: number,
  onLimit: (
    retryAfter: number,
    request: { method: string; url: string },
    octokit: unknown,
    retryCount: number
  ) => boolean
): void {
  octokit.hook.wrap('request', async (request, options) => {
    for (let retryCount = 0; ; retryCount++) {
      try {
        return await request(options)
      } catch (error) {
        const seconds = unhandledRetryAfter(error)
        if (
          seconds === undefined ||
          !onLimit(seconds, options, octokit, retryCount)
        )
          throw error
        await sleep(seconds * unitMs)
      }
    }
  })
}

function unhandledRetryAfter(error: unknown): number | undefined {
  const e = error as {
    status?: unknown
    message?: unknown
    response?: { headers?: Record<string, unknown> }
  }
  if (e.status !== 403 && e.status !== 429) return undefined
  const headers = e.response?.headers ?? {}
  // plugin-throttling's own cases: it has already retried those.
  if (/\bsecondary rate\b/i.test(String(e.message))) return undefined
  if (headers['x-ratelimit-remaining'] === '0') return undefined
  const seconds = Number(headers['retry-after'])
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined
}

/**
 * A plugin-throttling limiter group (one at a time, `minTime` apart) with our
 * interval; `bottleneck` is the limiter the plugin itself is built on.
 */
function limiterGroup(id: string, minTime: number): Bottleneck.Group {
  return new Bottleneck.Group({ id, maxConcurrent: 1, minTime })
}
