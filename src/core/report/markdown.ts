/**
 * Markdown for text that comes from users' files or from registries:
 * escaping, inline code, table rows, safe links, and the image page link.
 * Shared by the pull request body and the job summary.
 */
import { parseImageRef } from '../image-ref.js'

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;'
}

/** "1 base image", "3 base images". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/**
 * Prose from a file or a registry, shown as text: no HTML, emphasis, links
 * or code; "@name" gets a word joiner so it never mentions anyone.
 */
export function escapeText(text: string): string {
  return text
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/[&<>]/g, c => ENTITIES[c] ?? c)
    .replace(/[\\`*_[\]~]/g, '\\$&')
    .replace(/@(?=\w)/g, '@\u2060')
}

/**
 * Inline code showing `text` verbatim (no HTML, links or mentions render in
 * code): a fence longer than any backtick run inside, padded when the text
 * starts or ends with a backtick or a space.
 */
export function inlineCode(text: string): string {
  const flat = text.replace(/\p{Cc}+/gu, ' ')
  if (flat === '') return '—'
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map(r => r.length))
  const fence = '`'.repeat(longest + 1)
  const pad = /^[` ]|[` ]$/.test(flat) ? ' ' : ''
  return `${fence}${pad}${flat}${pad}${fence}`
}

/** A table row; "|" is escaped in every cell, inside code spans too (GFM). */
export function tableRow(cells: readonly string[]): string {
  return `| ${cells.map(c => c.replaceAll('|', '\\|')).join(' | ')} |`
}

/** A header row and its rule; the first `right` columns are right-aligned. */
export function tableHead(columns: readonly string[], right = 0): string {
  const rule = columns.map((_, i) => (i < right ? '---:' : '---'))
  return `${tableRow(columns)}\n${tableRow(rule)}`
}

/** Only http(s), with the characters that could end a Markdown link encoded. */
export function markdownLink(label: string, url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined
  const safe = url.replace(
    /[\s()<>[\]`"\\]/g,
    c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
  )
  return `[${label}](${safe})`
}

/** Link to the image's page on Docker Hub / GHCR / Quay, when there is one. */
export function imagePageUrl(key: string): string | undefined {
  const parsed = parseImageRef(key)
  if (!parsed.ok) return undefined
  const { registry, repository } = parsed.ref
  if (registry === 'docker.io') {
    const official = /^library\/([^/]+)$/.exec(repository)?.[1]
    return official === undefined
      ? `https://hub.docker.com/r/${repository}`
      : `https://hub.docker.com/_/${official}`
  }
  if (registry === 'ghcr.io') return `https://ghcr.io/${repository}`
  if (registry === 'quay.io') return `https://quay.io/repository/${repository}`
  return undefined
}

/** "node:20@sha256:…" → "node:20". */
export function withoutDigest(image: string): string {
  const at = image.indexOf('@')
  return at < 0 ? image : image.slice(0, at)
}
