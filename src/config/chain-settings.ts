/**
 * The in-repo chain settings (issue 11 part 1, CHAINS.md §A1.8): `images`
 * (which Dockerfile of this repository builds which image, when the
 * workflows, Compose and bake files do not say it, or say it wrong: the
 * map wins) and `pin-built-here`. Read by the one field rule set
 * (config/fields.ts).
 */
import { parseImageRef } from '../core/image-ref.js'
import type { FieldReader, RawConfig } from './fields.js'

/**
 * `images`: one entry per line, `repository[:tag]=path` or
 * `repository[:tag]: path` (the YAML config file's mapping arrives as
 * `key=value` lines, config-file.ts). Keys keep the spelling written; the
 * path is repository-relative, without `./`.
 */
export function readImages(
  raw: RawConfig,
  problems: string[]
): Record<string, string> {
  const value = raw['images']
  const lines =
    typeof value === 'string'
      ? value.split('\n')
      : Array.isArray(value)
        ? (value as readonly string[])
        : []
  if (value !== undefined && typeof value !== 'string' && !Array.isArray(value))
    problems.push(
      `'images' must be lines of image=Dockerfile, got ${JSON.stringify(value)}.`
    )
  const images: Record<string, string> = {}
  for (const line of lines.map(l => l.trim())) {
    if (line === '' || line.startsWith('#')) continue
    const entry = imageEntry(line)
    if (typeof entry === 'string') problems.push(entry)
    else images[entry.image] = entry.dockerfile
  }
  return images
}

/** One `image=path` or `image: path` line, or the problem with it. */
function imageEntry(
  line: string
): { image: string; dockerfile: string } | string {
  const match = /^(?<image>[^=\s]+?)\s*(?:=|:\s)\s*(?<path>\S.*)$/.exec(line)
  const image = match?.groups?.['image']
  const dockerfile = match?.groups?.['path']?.trim().replace(/^(?:\.\/)+/, '')
  const example =
    'e.g. ghcr.io/acme/base=base/Dockerfile or ghcr.io/acme/base:1: base/Dockerfile'
  if (image === undefined || dockerfile === undefined)
    return `'images': "${line}" must be image=Dockerfile (one per line), ${example}.`
  const parsed = parseImageRef(image)
  if (!parsed.ok || parsed.ref.digest !== undefined)
    return `'images': "${image}" is not an image repository with an optional tag (${parsed.ok ? 'a digest names one build, not what a Dockerfile builds' : parsed.error}); ${example}.`
  if (
    dockerfile.startsWith('/') ||
    dockerfile.split('/').includes('..') ||
    dockerfile.endsWith('/')
  )
    return `'images': "${dockerfile}" (for ${image}) must be the path of a Dockerfile relative to the repository root, e.g. base/Dockerfile.`
  return { image, dockerfile }
}

/** `pin-built-here`: pin references to images built here too (default off). */
export function readPinBuiltHere(fields: FieldReader): boolean {
  return fields.boolean('pin-built-here', false)
}
