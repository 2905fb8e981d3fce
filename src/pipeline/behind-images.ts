/**
 * Which images the behind mode checks (issue 11 part 2): the images this
 * repository publishes, as its producers say (build-push-action literal
 * tags, Compose build + image, bake, and the `images` setting, which wins
 * per repository for the Dockerfile). One image per repository and tag.
 * A repository whose tags are only known at run time (metadata-action,
 * `${{ }}`) cannot be checked: it is said, with the line to add.
 */
import type { Producer } from '../core/chains/model.js'

/** One published image to check, with the Dockerfile that builds it. */
export interface BehindTarget {
  /** "ghcr.io/acme/app:1". */
  readonly image: string
  readonly dockerfile: string
  /** The stage built, when the producer names one. */
  readonly target?: string
}

/** A published image that is not checked, and why (with what to do). */
export interface Unchecked {
  readonly image: string
  readonly dockerfile?: string
  readonly why: string
}

export function publishedTargets(producers: readonly Producer[]): {
  targets: BehindTarget[]
  unchecked: Unchecked[]
} {
  const byRepository = new Map<string, Producer[]>()
  for (const producer of producers) {
    const list = byRepository.get(producer.repository) ?? []
    list.push(producer)
    byRepository.set(producer.repository, list)
  }
  const targets: BehindTarget[] = []
  const unchecked: Unchecked[] = []
  for (const [repository, list] of byRepository) {
    const config = list.filter(p => p.source === 'config')
    const builder = config[0] ?? list[0]
    if (builder === undefined) continue
    // The map names the Dockerfile; its tags, else every literal tag said anywhere.
    const tagged = config.some(p => p.tags !== undefined) ? config : list
    const tags = [...new Set(tagged.flatMap(p => p.tags ?? []))]
    if (tags.length === 0) {
      unchecked.push({
        image: repository,
        dockerfile: builder.dockerfile,
        why: untaggedWhy(repository, builder)
      })
      continue
    }
    for (const tag of tags) {
      targets.push({
        image: `${repository}:${tag}`,
        dockerfile: builder.dockerfile,
        ...(builder.target === undefined ? {} : { target: builder.target })
      })
    }
  }
  return { targets, unchecked }
}

function untaggedWhy(repository: string, producer: Producer): string {
  const where = `${producer.declaredIn.file}:${producer.declaredIn.line}`
  return (
    `${repository} (built from ${producer.dockerfile}, ${where}) has no tag known before the build ` +
    `(docker/metadata-action or an expression sets it), so Freshbase cannot tell which published image to check. ` +
    `Name the tag in the images setting, e.g. "${repository}:latest=${producer.dockerfile}".`
  )
}
