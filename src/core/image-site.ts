/**
 * The image mentions a scan reports, for every kind of file (core/scan.ts).
 * The types live apart from the scanners so that their internal modules can
 * use them without importing a scanner's entry point.
 */
import type { FileKind } from './file-kind.js'
import type { ImageRef } from './image-ref.js'

/**
 * Where the reference is written. Dockerfiles: `from`, `copy-from`,
 * `mount-from`, `syntax`. YAML (issue 10):
 * - `compose`: `services.<name>.image`, and a `docker-image://` value of
 *   `services.<name>.build.additional_contexts`;
 * - `container`: a pod spec's `containers`, `initContainers`, `ephemeralContainers` image;
 * - `image-volume`: a pod spec's `volumes[].image.reference`;
 * - `kustomize`: a kustomization's `images[]` entry;
 * - `helm-values`: an `image` string or `{registry?, repository, tag}` in a Helm values file;
 * - `job-container`, `service-container`: a GitHub workflow job's `container` and `services`;
 * - `docker-action`: a step's `uses: docker://…` or action.yml `runs.image: docker://…`;
 * - `gitlab-image`, `gitlab-service`: GitLab CI `image` and `services`;
 * - `file`: not an image: the whole file was skipped (a Helm template, invalid YAML), said once.
 */
export type SiteSource =
  | 'from'
  | 'copy-from'
  | 'mount-from'
  | 'syntax'
  | 'compose'
  | 'container'
  | 'image-volume'
  | 'kustomize'
  | 'helm-values'
  | 'job-container'
  | 'service-container'
  | 'docker-action'
  | 'gitlab-image'
  | 'gitlab-service'
  | 'file'

/**
 * - `built-here`: a Compose service that builds the image it names;
 * - `unsupported`: a value written in a way the rewrite cannot keep exact
 *   (block scalar, escapes, a multi-line plain scalar, an unknown shape);
 * - `template`: the whole file is a template (Helm `{{ }}`) or not valid YAML.
 */
export type SkipCode =
  | 'scratch'
  | 'stage'
  | 'digest-only'
  | 'variable'
  | 'ignored'
  | 'invalid'
  | 'built-here'
  | 'unsupported'
  | 'template'

export interface SkipReason {
  readonly code: SkipCode
  /** Full sentence for the user: why, and how to make it pinnable when it can be. */
  readonly message: string
}

/** Offsets are UTF-16 code unit indexes into the file text as read (BOM included). */
export interface TextSpan {
  readonly start: number
  readonly end: number
}

/**
 * One image mention. The span fields (`span`, `spanText`, `spanPrefixLength`,
 * `spanLine`, `spanArg`, `spanIsDigest`) are present exactly when `skip` is absent: a skipped
 * site has nothing to rewrite.
 */
export interface ImageSite {
  readonly file: string
  /** The kind of file the site is in; absent = a Dockerfile. */
  readonly kind?: FileKind
  /** Where in a YAML document the reference is, e.g. `services.web.image` (absent for Dockerfiles). */
  readonly yamlPath?: string
  /** 1-based line of the instruction that mentions the image (the FROM/COPY/RUN/# syntax line). */
  readonly line: number
  readonly source: SiteSource
  /**
   * The reference as the build sees it, after ARG expansion, e.g.
   * "node:20@sha256:…". When expansion is impossible, the text as written.
   */
  readonly image: string
  /**
   * The exact span to replace with the pinned text. For a literal reference
   * it is the reference token; when the reference comes from an ARG default
   * it is the ARG value (inside quotes) or the `${X:-default}` default.
   */
  readonly span?: TextSpan
  /** The text currently at `span`. */
  readonly spanText?: string
  /**
   * What `spanText` must become, as a function of the new digest, is
   * `pinnedSpanText(site, digest)`: spanText with its digest part replaced.
   * `spanPrefixLength` is the length of spanText before any existing "@digest".
   */
  readonly spanPrefixLength?: number
  /** 1-based line where the span starts (differs from `line` for ARG values). */
  readonly spanLine?: number
  /** The global ARG whose value holds `span`, when the pin goes into an ARG. */
  readonly spanArg?: string
  /**
   * The span holds only the existing digest (`sha256:…`, without "@"),
   * because the tag is written elsewhere (`FROM node:${TAG}@sha256:…`,
   * `FROM node:20@${DIGEST}`): the pin is refreshed by replacing those bytes
   * alone (issue 8 §6), and `spanPrefixLength` is 0.
   */
  readonly spanIsDigest?: true
  /** The literal --platform value, when given without variables. */
  readonly platform?: string
  /** The stage the FROM starts, or the stage the COPY/RUN belongs to. Absent for `# syntax`. */
  readonly stage?: { readonly index: number; readonly name?: string }
  readonly ref?: ImageRef
  readonly skip?: SkipReason
}
