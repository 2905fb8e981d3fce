/**
 * Image globs for the `ignore` option: `*` matches any run of characters
 * (slashes included, so `ghcr.io/acme/*` covers every image of that org), `?`
 * one character; everything else is literal. Matched against the name as
 * written and its normalized forms, with and without the tag.
 */
import type { ImageRef } from './image-ref.js'

export function compileImageGlobs(
  globs: readonly string[]
): (ref: ImageRef) => string | undefined {
  const compiled = globs.map(glob => ({ glob, regex: globToRegExp(glob) }))
  return ref => {
    const forms = imageForms(ref)
    return compiled.find(({ regex }) => forms.some(form => regex.test(form)))
      ?.glob
  }
}

function globToRegExp(glob: string): RegExp {
  const body = [...glob]
    .map(ch =>
      ch === '*'
        ? '.*'
        : ch === '?'
          ? '.'
          : ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&')
    )
    .join('')
  return new RegExp(`^${body}$`)
}

function imageForms(ref: ImageRef): string[] {
  const tag = ref.tag === undefined ? '' : `:${ref.tag}`
  const normalized = `${ref.registry}/${ref.repository}`
  const familiar =
    ref.registry === 'docker.io'
      ? ref.repository.replace(/^library\/(?=[^/]+$)/, '')
      : normalized
  return [
    ref.name,
    ref.name + tag,
    normalized,
    normalized + tag,
    familiar,
    familiar + tag
  ]
}
