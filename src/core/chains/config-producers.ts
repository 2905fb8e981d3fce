/**
 * The `images` setting: `ghcr.io/acme/base: base/Dockerfile` says that
 * Dockerfile builds that image. A key with a tag (`ghcr.io/acme/base:1`)
 * names the one tag built; without a tag any tag of the repository counts
 * as built here, unverified. The context is the Dockerfile's directory.
 * These statements win over what the workflows, Compose and bake say for
 * the same repository (graph.ts).
 */
import type { Producer, ProducerProblem } from './model.js'
import { dirOf, normalPath } from './paths.js'
import { parseImageRef, repositoryOf } from '../image-ref.js'

export function configProducers(
  map: Readonly<Record<string, string>>,
  declaredIn: string
): { producers: Producer[]; problems: ProducerProblem[] } {
  const producers: Producer[] = []
  const problems: ProducerProblem[] = []
  const fail = (message: string): void => {
    problems.push({ file: declaredIn, line: 1, message })
  }
  for (const key of Object.keys(map).sort()) {
    const value = map[key] ?? ''
    const parsed = parseImageRef(key.trim())
    if (!parsed.ok) {
      fail(
        `"${key}" in ${declaredIn} is not an image repository (${parsed.error}); write it as registry/repository or registry/repository:tag.`
      )
      continue
    }
    if (parsed.ref.digest !== undefined) {
      fail(
        `"${key}" in ${declaredIn} has a digest, but a Dockerfile builds a tag, not a digest; write it as registry/repository or registry/repository:tag.`
      )
      continue
    }
    const dockerfile = normalPath(value.trim())
    if (dockerfile === undefined || dockerfile === '.') {
      fail(
        `"${key}" in ${declaredIn} is built by "${value}", which is not a Dockerfile path in this repository; write the repository-relative path, e.g. base/Dockerfile.`
      )
      continue
    }
    const { ref } = parsed
    producers.push({
      dockerfile,
      context: dirOf(dockerfile),
      repository: repositoryOf(ref),
      ...(ref.tag === undefined ? {} : { tags: [ref.tag] }),
      source: 'config',
      declaredIn: { file: declaredIn, line: 1 }
    })
  }
  return { producers, problems }
}
