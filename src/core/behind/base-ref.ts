/**
 * The base a Dockerfile names, as a registry repository and tag, in the
 * one normalized form image-ref.ts gives (FACTS.md §1): `alpine:3.21`,
 * `docker.io/library/alpine:3.21` and `index.docker.io/library/alpine:3.21`
 * are one base.
 */
import type { Digest } from '../digest.js'
import { familiarName, followedTag, parseImageRef } from '../image-ref.js'

export interface BaseRef {
  readonly registry: string
  readonly repository: string
  /** Absent when the reference names only a digest. */
  readonly tag?: string
  readonly digest?: Digest
  /** As written. */
  readonly text: string
}

/** The normalized reference, or undefined when `text` is not one. */
export function baseRefOf(text: string): BaseRef | undefined {
  const parsed = parseImageRef(text.trim())
  if (!parsed.ok) return undefined
  const { registry, repository, digest } = parsed.ref
  const tagOrDefault = followedTag(parsed.ref)
  return {
    registry,
    repository,
    ...(tagOrDefault === undefined ? {} : { tag: tagOrDefault }),
    ...(digest === undefined ? {} : { digest }),
    text
  }
}

export function sameRepository(a: BaseRef, b: BaseRef): boolean {
  return a.registry === b.registry && a.repository === b.repository
}

/** Tags agree, or one side names none (a digest-only reference). */
export function sameTag(a: BaseRef, b: BaseRef): boolean {
  return a.tag === undefined || b.tag === undefined || a.tag === b.tag
}

/** "alpine", "ghcr.io/acme/base": the repository as people write it. */
export function repositoryName(ref: BaseRef): string {
  return familiarName({ ...ref, original: ref.text, name: ref.text })
}

/** "alpine:3.21", "ghcr.io/acme/base:1": the short form people write. */
export function baseName(ref: BaseRef): string {
  const name = repositoryName(ref)
  return ref.tag === undefined ? name : `${name}:${ref.tag}`
}
