/**
 * Console-backed Logger for the CLI. Every registered secret is masked in
 * anything it prints (the action's logger relies on core.setSecret instead).
 */
import type { Logger } from '../pipeline/ports.js'

export interface ConsoleLoggerOptions {
  readonly verbose: boolean
  readonly write: (line: string) => void
}

export function createConsoleLogger(options: ConsoleLoggerOptions): Logger & {
  mask(text: string): string
} {
  const secrets = new Set<string>()
  const mask = (text: string): string => maskSecrets(text, secrets)
  const where = (w?: { file: string; line: number }): string =>
    w === undefined ? '' : `${w.file}:${w.line}: `
  return {
    mask,
    info: message => options.write(mask(message)),
    warn: (message, w) => options.write(mask(`warning: ${where(w)}${message}`)),
    error: (message, w) => options.write(mask(`error: ${where(w)}${message}`)),
    debug: message => {
      if (options.verbose) options.write(mask(`debug: ${message}`))
    },
    secret: value => {
      if (value.length >= 4) secrets.add(value)
    },
    group: async (name, fn) => {
      const started = performance.now()
      try {
        return await fn()
      } finally {
        if (options.verbose) {
          options.write(
            `debug: ${name} took ${Math.round(performance.now() - started)} ms`
          )
        }
      }
    }
  }
}

export function maskSecrets(text: string, secrets: Iterable<string>): string {
  let masked = text
  for (const secret of secrets) masked = masked.split(secret).join('***')
  return masked
}
