/**
 * The build declarations of the repository (issue 11 part 1, CHAINS.md
 * §A1): which Dockerfile builds which image, read from the workflows
 * (docker/build-push-action, docker/metadata-action), the Compose files
 * (build + image), the bake files at the root and the `images` setting,
 * through the pure readers of core/chains. Read whether or not their kind
 * is turned on for pinning, and whatever `include` says (they are facts
 * about the repository, not files to pin); `exclude` is honoured.
 *
 * An HCL bake file is read by buildx (`docker buildx bake --print`, the
 * BakePrinter port); without buildx it is reported as not read, with what
 * to do, and the JSON bake files are read directly.
 */
import type { Config } from '../config/config.js'
import { readBakeProducers } from '../core/chains/bake-producers.js'
import { readComposeProducers } from '../core/chains/compose-producers.js'
import { configProducers } from '../core/chains/config-producers.js'
import type { Producer, ProducerProblem } from '../core/chains/model.js'
import { readWorkflowProducers } from '../core/chains/workflow-producers.js'
import type { KindSetting } from '../core/file-kind.js'
import { kindByName } from '../core/file-kind.js'
import { mapLimited } from '../core/map-limited.js'
import type { FileStore } from './ports.js'

/** What `docker buildx bake --print` gave: its JSON, or why not. */
export type BakePrint =
  | { readonly kind: 'printed'; readonly json: string }
  /** `docker buildx version` failed: no docker, or no buildx plugin. */
  | { readonly kind: 'unavailable' }
  | { readonly kind: 'failed'; readonly message: string }

/** Runs `docker buildx bake --print -f <file>…` in the repository root. */
export interface BakePrinter {
  print(files: readonly string[]): Promise<BakePrint>
}

/** The bake files buildx reads by default, in its order (bake/bake.go defaultFilenames), at the root. */
export const BAKE_FILES = [
  'docker-bake.json',
  'docker-bake.hcl',
  'docker-bake.override.json',
  'docker-bake.override.hcl'
]

export interface Declarations {
  readonly producers: readonly Producer[]
  readonly problems: readonly ProducerProblem[]
  /** The texts read, by file: the scan reuses them instead of reading again. */
  readonly texts: ReadonlyMap<string, string>
}

/** Where the `images` setting is said to be declared (ProducerProblem.file). */
export const IMAGES_SETTING = "the 'images' setting"

const DECLARATION_GLOBS = [
  '.github/workflows/*.yml',
  '.github/workflows/*.yaml',
  '**/*compose*.yml',
  '**/*compose*.yaml'
]

type DeclarationConfig = Pick<
  Config,
  'root' | 'include' | 'exclude' | 'kinds' | 'images' | 'githubRepository'
>

export async function readDeclarations(
  found: readonly string[],
  files: FileStore,
  config: DeclarationConfig,
  bake: BakePrinter | undefined
): Promise<Declarations> {
  const yamlFiles = await declarationFiles(found, files, config)
  const bakeFiles = await files.discover({
    root: config.root,
    include: BAKE_FILES,
    // Only the root: every other entry of the root, folders included, is
    // excluded, so the walk enters none.
    exclude: [...config.exclude, '!(docker-bake*)'],
    kinds: ['dockerfile']
  })
  const texts = new Map<string, string>()
  const producers: Producer[] = []
  const problems: ProducerProblem[] = []
  const add = (read: {
    producers: readonly Producer[]
    problems: readonly ProducerProblem[]
  }): void => {
    producers.push(...read.producers)
    problems.push(...read.problems)
  }
  const read = await mapLimited(yamlFiles, 16, async file =>
    files.read(file).catch((error: unknown) => error as Error)
  )
  yamlFiles.forEach((file, i) => {
    const text = read[i]
    if (text === undefined) return
    if (text instanceof Error) {
      problems.push(unreadable(file, text))
      return
    }
    texts.set(file, text)
    add(
      kindByName(file) === 'workflow'
        ? readWorkflowProducers(
            file,
            text,
            config.githubRepository === undefined
              ? {}
              : { repository: config.githubRepository }
          )
        : readComposeProducers(file, text)
    )
  })
  add(await readBake(bakeFiles.filter(isBakeFile), files, bake))
  add(configProducers(config.images, IMAGES_SETTING))
  return { producers, problems, texts }
}

/**
 * The workflows and Compose files: those discovered for the scan when it
 * found them all (both kinds on, no include), else a walk of their own.
 */
async function declarationFiles(
  found: readonly string[],
  files: FileStore,
  config: DeclarationConfig
): Promise<string[]> {
  const needed: KindSetting[] = ['compose', 'github-actions']
  const covered =
    config.include.length === 0 &&
    needed.every(kind => config.kinds.includes(kind))
  const candidates = covered
    ? found
    : await files.discover({
        root: config.root,
        include: DECLARATION_GLOBS,
        exclude: config.exclude,
        kinds: needed
      })
  return candidates.filter(file => {
    const kind = kindByName(file)
    return kind === 'workflow' || kind === 'compose'
  })
}

function isBakeFile(file: string): boolean {
  return BAKE_FILES.includes(file)
}

/**
 * With an HCL file: buildx prints every bake file resolved, at once; when
 * it cannot, the HCL files are reported and the JSON ones read directly.
 */
async function readBake(
  found: readonly string[],
  files: FileStore,
  bake: BakePrinter | undefined
): Promise<{ producers: Producer[]; problems: ProducerProblem[] }> {
  const ordered = BAKE_FILES.filter(file => found.includes(file))
  const hcl = ordered.filter(file => file.endsWith('.hcl'))
  const out = { producers: [] as Producer[], problems: [] as ProducerProblem[] }
  if (hcl.length > 0) {
    const printed =
      bake === undefined
        ? ({ kind: 'unavailable' } as const)
        : await bake.print(ordered)
    if (printed.kind === 'printed') {
      const read = readBakeProducers(hcl[0] ?? '', printed.json)
      return { producers: read.producers, problems: read.problems }
    }
    for (const file of hcl) out.problems.push(hclNotRead(file, printed))
  }
  for (const file of ordered.filter(f => f.endsWith('.json'))) {
    try {
      const read = readBakeProducers(file, await files.read(file))
      out.producers.push(...read.producers)
      out.problems.push(...read.problems)
    } catch (error) {
      out.problems.push(unreadable(file, error as Error))
    }
  }
  return out
}

function hclNotRead(
  file: string,
  printed: Exclude<BakePrint, { kind: 'printed' }>
): ProducerProblem {
  const message =
    printed.kind === 'unavailable'
      ? `not read: ${file} is HCL; install buildx on the runner (docker/setup-buildx-action) so \`docker buildx bake --print\` resolves it, or list the images in the images setting.`
      : `not read: \`docker buildx bake --print\` failed for ${file} (${printed.message}); fix the bake file, or list the images it builds in the images setting.`
  return { file, line: 1, message }
}

function unreadable(file: string, error: Error): ProducerProblem {
  return {
    file,
    line: 1,
    message: `not read: ${error.message.replace(/\.$/, '')}; the images it builds are not known to be built here.`
  }
}
