// What the API-description extract scripts share (extract-github-openapi.mjs,
// extract-osv-schema.mjs): finding $refs, a stable key order, and the
// repository's own formatting, so a re-run gives the same bytes.
import * as prettier from 'prettier'

/** Every `$ref` string below `node`. */
export function refsIn(node, found = new Set()) {
  if (Array.isArray(node)) node.forEach(child => refsIn(child, found))
  else if (typeof node === 'object' && node !== null) {
    if (typeof node.$ref === 'string') found.add(node.$ref)
    Object.values(node).forEach(child => refsIn(child, found))
  }
  return found
}

/** Object keys sorted by code unit, recursively. */
export function sortKeys(node) {
  if (Array.isArray(node)) return node.map(sortKeys)
  if (typeof node !== 'object' || node === null) return node
  const keys = Object.keys(node).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return Object.fromEntries(keys.map(key => [key, sortKeys(node[key])]))
}

/** JSON text formatted as Prettier formats `file` in this repository. */
export async function format(json, file) {
  const options = (await prettier.resolveConfig(file)) ?? {}
  return prettier.format(json, { ...options, filepath: file })
}
