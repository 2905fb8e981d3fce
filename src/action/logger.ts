/** Logger backed by @actions/core: annotations on file lines, setSecret, groups. */
import * as core from '@actions/core'
import type { Logger } from '../pipeline/ports.js'

export function createActionLogger(): Logger {
  const props = (w?: {
    file: string
    line: number
  }): core.AnnotationProperties =>
    w === undefined ? {} : { file: w.file, startLine: w.line }
  return {
    info: message => core.info(message),
    warn: (message, where) => core.warning(message, props(where)),
    error: (message, where) => core.error(message, props(where)),
    debug: message => core.debug(message),
    secret: value => {
      if (value !== '') core.setSecret(value)
    },
    group: async (name, fn) => core.group(name, fn)
  }
}
