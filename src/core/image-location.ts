/**
 * Where an image key's content is read: its registry after registry-map
 * (the mirror answers for it), and its repository.
 */
import { parseImageRef } from './image-ref.js'

export interface Located {
  readonly registry: string
  readonly repository: string
}

export function imageLocation(
  key: string,
  registryMap: Readonly<Record<string, string>>
): Located | undefined {
  const parsed = parseImageRef(key)
  return parsed.ok ? locate(parsed.ref, registryMap) : undefined
}

/** The same for a reference already parsed. */
export function locate(
  { registry, repository }: Located,
  registryMap: Readonly<Record<string, string>>
): Located {
  return { registry: registryMap[registry] ?? registry, repository }
}
