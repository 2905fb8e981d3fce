/**
 * FNV-1a over a string's UTF-16 code units: stable across runs and
 * machines, tiny, no I/O and no crypto (core is pure). For names and
 * equality checks, not against someone who can choose the input.
 */

/** 32 bits as 8 hex digits (branch names). */
export function fnv1a32(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}

/** 128 bits as 32 hex digits: two 64-bit FNV-1a with different offsets (plan fingerprints). */
export function fnv1a128(text: string): string {
  const prime = 0x100000001b3n
  const mask = 0xffffffffffffffffn
  let a = 0xcbf29ce484222325n
  let b = 0x84222325cbf29ce4n
  for (let i = 0; i < text.length; i++) {
    const c = BigInt(text.charCodeAt(i))
    a = ((a ^ c) * prime) & mask
    b = ((b ^ c) * prime) & mask
  }
  return a.toString(16).padStart(16, '0') + b.toString(16).padStart(16, '0')
}
