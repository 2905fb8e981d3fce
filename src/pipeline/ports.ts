/**
 * The interfaces the pipeline talks to. Adapters implement them; tests pass
 * real ones (the registry, the file system) or recording ones.
 */
import type { Resolution, ResolveRequest } from '../core/resolution.js'

export interface Logger {
  info(message: string): void
  warn(message: string, where?: { file: string; line: number }): void
  error(message: string, where?: { file: string; line: number }): void
  debug(message: string): void
  /** Registers a secret so it never reaches a log (core.setSecret in the action). */
  secret(value: string): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}

export interface DigestResolver {
  /** Never rejects for one image's failure: every request gets a Resolution. */
  resolveAll(requests: readonly ResolveRequest[]): Promise<Resolution[]>
}

export interface RequestCounter {
  /** kind: "manifest-head", "manifest-get", "blob-get", "token", "ping". */
  count(kind: string, registry: string): void
}

/** Reading and writing the files being pinned. */
export interface FileStore {
  /** Dockerfiles below config.root, as paths relative to it, in stable order. */
  discover(config: {
    readonly root: string
    readonly include: readonly string[]
    readonly exclude: readonly string[]
  }): Promise<string[]>
  /** The file's text; rejects with a message naming the file when it can't be read as UTF-8. */
  read(file: string): Promise<string>
  /** Replaces the file atomically (never half-written). */
  write(file: string, text: string): Promise<void>
}
