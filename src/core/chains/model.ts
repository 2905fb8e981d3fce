/**
 * In-repo image chains (issue 11 part 1, CHAINS.md §A): which Dockerfile in
 * this repository builds which image, which Dockerfile builds FROM an image
 * built here, and the order a rebuild must follow. Pure data; the readers
 * of each declaration live next to this file, the pipeline feeds them the
 * texts.
 */

/** Where a "this Dockerfile builds that image" statement was read. */
export type ProducerSource = 'build-push-action' | 'compose' | 'bake' | 'config'

/** One statement that a Dockerfile of this repository builds an image. */
export interface Producer {
  /** The Dockerfile, repository-relative POSIX path ("base/Dockerfile"). */
  readonly dockerfile: string
  /** The build context directory, repository-relative ("base", "." for the root). */
  readonly context: string
  /**
   * The image repository it builds, normalized as image-ref.ts does, without
   * tag: "ghcr.io/acme/base", "docker.io/library/app".
   */
  readonly repository: string
  /**
   * The tags known statically ("1", "latest"); undefined when they are only
   * known at run time (metadata-action, `${{ }}` expressions): an edge to it
   * is then "tag unverified".
   */
  readonly tags?: readonly string[]
  /** The stage built (`target:`), when one is named. */
  readonly target?: string
  readonly source: ProducerSource
  /** Where the statement was read: file and 1-based line. */
  readonly declaredIn: { readonly file: string; readonly line: number }
}

/** A declaration that could not be read, said once with why and what to do. */
export interface ProducerProblem {
  readonly file: string
  readonly line: number
  readonly message: string
}

/** The child Dockerfile builds on an image the parent Dockerfile builds. */
export interface ChainEdge {
  readonly parent: string
  readonly child: string
  /** The reference as the child writes it (after ARG defaults). */
  readonly image: string
  /** The child's line of that reference. */
  readonly line: number
  /**
   * The child's tag is one the parent is known to build. False when the
   * parent's tags are only known at run time, or the child names another
   * tag of the same repository: said in the plan as "tag unverified".
   */
  readonly tagVerified: boolean
}

export interface Chains {
  readonly producers: readonly Producer[]
  readonly edges: readonly ChainEdge[]
  /**
   * Topological levels of every Dockerfile that takes part in an edge:
   * level 0 builds from nothing built here; each later level only from
   * earlier ones. Paths sorted within a level.
   */
  readonly levels: readonly (readonly string[])[]
  /** Each cycle once, as the Dockerfiles involved (sorted); they are in no level. */
  readonly cycles: readonly (readonly string[])[]
  readonly problems: readonly ProducerProblem[]
}
