/**
 * RFC 7235 WWW-Authenticate parser (FACTS.md §3.1): several challenges in one
 * header, quoted and unquoted parameters, commas inside quotes.
 * STUB: implementation owned by the www-authenticate work item.
 */
export interface Challenge {
  /** Lowercased scheme: "bearer", "basic", … */
  readonly scheme: string
  /** Parameter names lowercased; values unquoted and unescaped. */
  readonly params: Readonly<Record<string, string>>
}

export declare function parseWwwAuthenticate(header: string): Challenge[]
