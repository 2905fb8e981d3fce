/**
 * RFC 7235 WWW-Authenticate parser (FACTS.md §3.1): several challenges in one
 * header, quoted and unquoted parameters, commas inside quotes.
 *
 * Registries are loose about the syntax (gcr.io sends `service=gcr.io`
 * unquoted, Quay sends two challenges in one header), so this never throws:
 * whatever cannot be read is skipped up to the next comma.
 */
export interface Challenge {
  /** Lowercased scheme: "bearer", "basic", … */
  readonly scheme: string
  /** Parameter names lowercased; values unquoted and unescaped. */
  readonly params: Readonly<Record<string, string>>
  /** The RFC 7235 §2.1 token68 form (`Negotiate abc==`), when used instead of params. */
  readonly token68?: string
}

// RFC 7230 §3.2.6 tchar, and RFC 7235 §2.1 token68 characters.
const TOKEN_RE = /[!#$%&'*+\-.^_`|~0-9A-Za-z]+/y
const TOKEN68_RE = /[A-Za-z0-9\-._~+/]+=*(?=[ \t]*(?:,|$))/y
const WHITESPACE_RE = /[ \t]*/y
const PARAM_START_RE = /[ \t]*[!#$%&'*+\-.^_`|~0-9A-Za-z]+[ \t]*=/y
/** Unquoted values: RFC 7235 wants a token, but URLs appear unquoted too. */
const BARE_VALUE_RE = /[^,\s]*/y

export function parseWwwAuthenticate(header: string): Challenge[] {
  const reader = new HeaderReader(header)
  const challenges: Challenge[] = []
  while (reader.skipSeparators()) {
    const scheme = reader.match(TOKEN_RE)
    if (scheme === undefined) {
      reader.skipPastComma()
      continue
    }
    challenges.push(readChallenge(reader, scheme.toLowerCase()))
  }
  return challenges
}

function readChallenge(reader: HeaderReader, scheme: string): Challenge {
  reader.match(WHITESPACE_RE)
  // Tried first: `abc=` before a comma is token68 padding, not an empty param.
  const token68 = reader.match(TOKEN68_RE)
  if (token68 !== undefined) return { scheme, params: {}, token68 }
  return { scheme, params: Object.fromEntries(readParams(reader)) }
}

/**
 * Reads `name=value` pairs separated by commas. A comma followed by something
 * that is not a parameter starts the next challenge, so the reader is left
 * just after that comma.
 */
function readParams(reader: HeaderReader): Map<string, string> {
  const params = new Map<string, string>()
  while (reader.peekParam()) {
    const { name, value } = reader.readParam()
    // RFC 7235 §2.1: each parameter name must occur once; keep the first.
    if (!params.has(name)) params.set(name, value)
    if (!reader.skipToNextParam()) break
  }
  return params
}

interface Param {
  readonly name: string
  readonly value: string
}

/** A cursor over the header text; every method advances or returns. */
class HeaderReader {
  private position = 0

  constructor(private readonly text: string) {}

  /** Skips whitespace and empty list elements; false at the end. */
  skipSeparators(): boolean {
    while (this.position < this.text.length && /[\s,]/.test(this.current())) {
      this.position += 1
    }
    return this.position < this.text.length
  }

  skipPastComma(): void {
    const comma = this.text.indexOf(',', this.position)
    this.position = comma < 0 ? this.text.length : comma + 1
  }

  match(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.position
    const found = pattern.exec(this.text)?.[0]
    if (found === undefined || found === '') return undefined
    this.position = pattern.lastIndex
    return found
  }

  /** True when `token BWS "="` follows. */
  peekParam(): boolean {
    PARAM_START_RE.lastIndex = this.position
    return PARAM_START_RE.test(this.text)
  }

  readParam(): Param {
    this.match(WHITESPACE_RE)
    const name = (this.match(TOKEN_RE) ?? '').toLowerCase()
    this.match(/[ \t]*=[ \t]*/y)
    const value =
      this.current() === '"' ? this.readQuoted() : this.match(BARE_VALUE_RE)
    return { name, value: value ?? '' }
  }

  /**
   * After a value: moves past the next comma (and any garbage before it).
   * True when another parameter follows; otherwise the reader stays just
   * after the comma, where the next challenge starts.
   */
  skipToNextParam(): boolean {
    this.skipPastComma()
    const afterComma = this.position
    this.skipSeparators()
    if (this.peekParam()) return true
    this.position = afterComma
    return false
  }

  /** RFC 7230 §3.2.6 quoted-string; an unterminated one runs to the end. */
  private readQuoted(): string {
    let value = ''
    this.position += 1
    while (this.position < this.text.length) {
      const char = this.current()
      this.position += 1
      if (char === '"') return value
      if (char === '\\' && this.position < this.text.length) {
        value += this.current()
        this.position += 1
      } else {
        value += char
      }
    }
    return value
  }

  private current(): string {
    return this.text.charAt(this.position)
  }
}
