/**
 * Per host (host[:port]): the request slots (issue 8: `--concurrency` applies
 * per registry, so a slow registry never holds back a fast one) and whether
 * the host has gone silent. A host is silent when a request to it timed out
 * for good (retried once) and nothing at all came back from it during that
 * last timeout: its queued and later requests then fail at once instead of
 * each waiting out two timeouts, so a hung registry ends the run in about
 * twice the per-request timeout. Any answer from the host clears it.
 */
import { Slots } from '../core/slots.js'
import { RegistryError } from './errors.js'

interface HostState {
  readonly slots: Slots
  /** performance.now() of the last answer (or of the first request). */
  lastAnswer: number
  silence?: { readonly since: number; readonly error: RegistryError }
}

export class HostHealth {
  private readonly hosts = new Map<string, HostState>()

  constructor(
    private readonly limit: number,
    private readonly timeoutMs: number
  ) {}

  slots(host: string): Slots {
    return this.state(host).slots
  }

  answered(host: string): void {
    const state = this.state(host)
    state.lastAnswer = performance.now()
    delete state.silence
  }

  /** A request to `host` timed out for good. */
  timedOut(host: string): void {
    const state = this.state(host)
    const now = performance.now()
    if (now - state.lastAnswer < this.timeoutMs) return
    state.silence = {
      since: now,
      error: new RegistryError({
        reason: 'timeout',
        message: `${host} answered nothing for ${Math.round(this.timeoutMs / 1000)} s and a request to it timed out twice; not asked again in this run`
      })
    }
  }

  /** The error to fail a request with at once when the host is silent. */
  silent(host: string): RegistryError | undefined {
    return this.state(host).silence?.error
  }

  private state(host: string): HostState {
    let state = this.hosts.get(host)
    if (state === undefined) {
      state = { slots: new Slots(this.limit), lastAnswer: performance.now() }
      this.hosts.set(host, state)
    }
    return state
  }
}
