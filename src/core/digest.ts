/**
 * Content digests (OCI image-spec descriptor.md, "Digests").
 * Only registered algorithms with their exact lowercase hex length are
 * accepted, so nothing malformed is ever written into a Dockerfile.
 */
export type Digest = string & { readonly __brand: 'Digest' }

const ALGORITHM_HEX_LENGTH: Readonly<Record<string, number>> = {
  sha256: 64,
  sha512: 128
}

/** Returns the digest when `text` is `sha256:<64 hex>` or `sha512:<128 hex>`, lowercase. */
export function parseDigest(text: string): Digest | undefined {
  const match = /^(?<algorithm>[a-z0-9]+):(?<hex>[a-f0-9]+)$/.exec(text)
  const algorithm = match?.groups?.['algorithm']
  const hex = match?.groups?.['hex']
  if (algorithm === undefined || hex === undefined) return undefined
  const length = ALGORITHM_HEX_LENGTH[algorithm]
  return length === hex.length ? (text as Digest) : undefined
}

export function isDigest(text: string): text is Digest {
  return parseDigest(text) !== undefined
}

/** `sha256:0123456789ab` — 12 hex characters, for tables a human reads. */
export function shortDigest(digest: string): string {
  const colon = digest.indexOf(':')
  return colon < 0 ? digest : digest.slice(0, colon + 13)
}
