/**
 * The benchmark's registry content and generated repositories: each tag is
 * pushed twice (the first push is the stale pin some files carry), and a
 * repository of Dockerfiles (multi-stage files, stale and current pins,
 * global ARGs, literal platforms, COPY --from, heredocs) names them.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type {
  SeededIndex,
  TestRegistry
} from '../__tests__/support/registry.js'

export interface Image {
  readonly repository: string
  readonly tag: string
  /** The first push (what stale pins name) and the one the tag points to. */
  readonly old: Pick<SeededIndex, 'indexDigest'>
  readonly current: Pick<SeededIndex, 'indexDigest'>
}

/** One unique tag a generated repository names, as the targets count it. */
export interface UsedTag {
  readonly repository: string
  readonly tag: string
  /** Some site pins it (resolved with a HEAD); otherwise tag-only (one GET). */
  readonly pinned: boolean
  /** Some site pins a digest the tag no longer points to. */
  readonly moved: boolean
}

export async function seed(
  target: TestRegistry,
  uniqueTags: number,
  repositories: number
): Promise<Image[]> {
  const specs = Array.from({ length: uniqueTags }, (_, i) => ({
    repository: `library/img${i % repositories}`,
    tag: `v${Math.floor(i / repositories)}.${i % 7}`
  }))
  const images: Image[] = []
  for (let i = 0; i < specs.length; i += 16) {
    const batch = specs.slice(i, i + 16)
    images.push(
      ...(await Promise.all(
        batch.map(async ({ repository, tag }) => {
          const platforms = ['linux/amd64', 'linux/arm64']
          const old = await target.seedImage(repository, tag, { platforms })
          const current = await target.seedImage(repository, tag, { platforms })
          return { repository, tag, old, current }
        })
      ))
    )
  }
  return images
}

/** Deterministic variety: file i uses tags i and 7i+3 (mod the tag count). */
export async function generateRepository(
  root: string,
  files: number,
  images: readonly Image[]
): Promise<UsedTag[]> {
  const { use, list } = tagUsage()
  for (let i = 0; i < files; i++) {
    const a = images[i % images.length] as Image
    const b = images[(i * 7 + 3) % images.length] as Image
    const lines = [`# service ${i}`, ...dockerfile(i, a, b, use)]
    const file = join(root, `svc${Math.floor(i / 100)}`, `s${i}`, 'Dockerfile')
    await mkdir(dirname(file), { recursive: true })
    await writeFile(file, `${lines.join('\n')}\n`)
  }
  return list()
}

export type Pin = 'old' | 'current'

/** The unique tags a generator names, each with whether some site pins it and whether a pin is stale. */
export function tagUsage(): {
  use: (img: Image, pin?: Pin) => void
  list: () => UsedTag[]
} {
  const used = new Map<Image, { pinned: boolean; moved: boolean }>()
  return {
    use: (img, pin) => {
      const seen = used.get(img) ?? { pinned: false, moved: false }
      used.set(img, {
        pinned: seen.pinned || pin !== undefined,
        moved: seen.moved || pin === 'old'
      })
    },
    list: () =>
      [...used].map(([img, flags]) => ({
        repository: img.repository,
        tag: img.tag,
        ...flags
      }))
  }
}

/** One Dockerfile's lines (file i, images a and b), by the same five shapes the Dockerfile repository uses. */
export function dockerfile(
  i: number,
  a: Image,
  b: Image,
  use: (img: Image, pin?: Pin) => void
): string[] {
  const name = (img: Image): string =>
    `${img.repository.replace(/^library\//, '')}:${img.tag}`
  switch (i % 5) {
    case 0:
      use(a)
      use(b)
      return [
        `FROM ${name(a)} AS build`,
        'RUN make',
        `FROM ${name(b)}`,
        'COPY --from=build /out /out'
      ]
    case 1:
      use(a, 'old')
      use(b, 'current')
      return [
        `FROM --platform=linux/arm64 ${name(a)}@${a.old.indexDigest} AS build`,
        'RUN make',
        `FROM ${name(b)}@${b.current.indexDigest}`
      ]
    case 2:
      // b only appears inside a heredoc: text, not a reference.
      use(a)
      return [
        `ARG BASE="${name(a)}"`,
        'FROM ${BASE}',
        'RUN <<EOF',
        `FROM ${name(b)}`,
        'EOF'
      ]
    case 3:
      use(a)
      use(b)
      return [`FROM ${name(a)}`, `COPY --from=${name(b)} /bin/tool /bin/tool`]
    default:
      use(a, 'current')
      return [`FROM ${name(a)}@${a.current.indexDigest}`, 'RUN true']
  }
}
