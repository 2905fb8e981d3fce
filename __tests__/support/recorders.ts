/**
 * Recording implementations of the pipeline's RequestCounter and Logger for
 * tests: what was counted, logged and registered as secret.
 */
import type { Logger, RequestCounter } from '../../src/pipeline/ports.js'
import type {
  Credential,
  CredentialSource
} from '../../src/registry/credentials.js'

export class RecordingCounter implements RequestCounter {
  readonly entries: { kind: string; registry: string }[] = []

  count(kind: string, registry: string): void {
    this.entries.push({ kind, registry })
  }

  /** Count of `kind` (for `registry` when given). */
  of(kind: string, registry?: string): number {
    return this.entries.filter(
      e =>
        e.kind === kind && (registry === undefined || e.registry === registry)
    ).length
  }

  byKind(): Record<string, number> {
    const out: Record<string, number> = {}
    for (const { kind } of this.entries) out[kind] = (out[kind] ?? 0) + 1
    return out
  }
}

export class RecordingLogger implements Logger {
  readonly lines: { level: string; message: string }[] = []
  readonly secrets = new Set<string>()

  info(message: string): void {
    this.lines.push({ level: 'info', message })
  }
  warn(message: string): void {
    this.lines.push({ level: 'warn', message })
  }
  error(message: string): void {
    this.lines.push({ level: 'error', message })
  }
  debug(message: string): void {
    this.lines.push({ level: 'debug', message })
  }
  secret(value: string): void {
    this.secrets.add(value)
  }
  async group<T>(_name: string, fn: () => Promise<T>): Promise<T> {
    return fn()
  }

  /** Every logged line, for checking that no secret leaked. */
  text(): string {
    return this.lines.map(l => l.message).join('\n')
  }
}

/** A `sleep` that returns at once (retries in tests without waiting). */
export async function noSleep(): Promise<void> {
  await Promise.resolve()
}

/** A `sleep` that records what it was asked to wait and returns at once. */
export function recordingSleep(slept: number[]): (ms: number) => Promise<void> {
  return async ms => {
    slept.push(ms)
    await Promise.resolve()
  }
}

/** A CredentialSource that answers `credential` for every registry. */
export function fixedCredentials(credential?: Credential): CredentialSource {
  return {
    get: async () => {
      await Promise.resolve()
      return credential
    }
  }
}
