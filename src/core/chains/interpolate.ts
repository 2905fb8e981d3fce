/**
 * Compose and bake variables in a value: `${VAR:-default}` and
 * `${VAR-default}` take the default (the value the file states; the
 * environment of a run is not known), `$$` is a dollar. A variable with no
 * default (`${VAR}`, `$VAR`, `${VAR:?err}`) is only known at run time:
 * `unknownAt` is the offset of the first such one in the result.
 */
export interface Interpolated {
  readonly text: string
  /** Offset in `text` of the first unsettled variable, or -1. */
  readonly unknownAt: number
}

const VARIABLE =
  /\$\$|\$\{([_a-zA-Z][_a-zA-Z0-9]*)(?:(:?-)([^}]*))?\}|\$\{[^}]*\}|\$([_a-zA-Z][_a-zA-Z0-9]*)/g

export function interpolate(
  value: string,
  known: Readonly<Record<string, string>> = {}
): Interpolated {
  let unknownAt = -1
  let text = ''
  let last = 0
  for (const match of value.matchAll(VARIABLE)) {
    const index = match.index
    text += value.slice(last, index)
    last = index + match[0].length
    const name = match[1] ?? match[4]
    const settled =
      match[0] === '$$'
        ? '$'
        : name !== undefined && known[name] !== undefined
          ? known[name]
          : match[2] !== undefined
            ? (match[3] ?? '')
            : undefined
    if (settled === undefined) {
      if (unknownAt < 0) unknownAt = text.length
      text += match[0]
    } else text += settled
  }
  text += value.slice(last)
  return { text, unknownAt }
}
