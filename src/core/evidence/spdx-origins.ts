/**
 * Source packages expressed as SPDX relationships (Docker Scout, as in
 * Docker Official Images SBOMs; EVIDENCE.md §9.3).
 *
 * SPDX 2.3 §11.1: "A GENERATED_FROM B" — A was generated from B (a binary
 * from its source); "A GENERATES B" is the inverse. The DOI alpine SBOM
 * writes `libcrypto3 GENERATED_FROM openssl`.
 *
 * Scout lists the origin too, as a package with a purl like any other
 * (`pkg:apk/alpine/openssl@3.5.4-r0`), although alpine:3.23 installs no
 * `openssl` package: the entry is synthesized from its binaries (their
 * description, and CONTAINS over exactly their files). Counting it would
 * show every openssl bump twice and report a package the image does not
 * have. But an origin can also be installed itself (`busybox`, origin of
 * `busybox-binsh` and `ssl_client`; `alpine-baselayout`), and then it owns
 * files none of its binaries has. So an origin is left out of the package
 * list only when every file it CONTAINS is contained by one of the
 * packages generated from it; when the SBOM has no file relationships for
 * them at all, nothing is left out (counted twice rather than lost).
 */
import { arrayField, isObject, stringField } from './attestations-json.js'
import type { JsonObject } from './attestations-json.js'

export interface Origins {
  /** SPDXID of a package → SPDXID of the package it was generated from. */
  readonly sourceOf: ReadonlyMap<string, string>
  /** SPDXIDs of entries that only stand for a source package, not an installed one. */
  readonly originOnly: ReadonlySet<string>
}

interface Relationship {
  readonly from: string
  readonly type: string
  readonly to: string
}

/** Reads `relationships[]` of an SPDX document (JSON) for source links. */
export function readOrigins(document: JsonObject): Origins {
  const sourceOf = new Map<string, string>()
  const children = new Map<string, Set<string>>()
  const relationships = arrayField(document, 'relationships')
  for (const relationship of eachRelationship(relationships)) {
    const link = generation(relationship)
    if (link === undefined || sourceOf.has(link.binary)) continue
    sourceOf.set(link.binary, link.origin)
    const set = children.get(link.origin) ?? new Set<string>()
    set.add(link.binary)
    children.set(link.origin, set)
  }
  if (children.size === 0) return { sourceOf, originOnly: new Set() }
  const files = containedFiles(
    relationships,
    new Set(sourceOf.keys()),
    children
  )
  const originOnly = new Set<string>()
  for (const [origin, binaries] of children)
    if (isSynthesized(files.get(origin), binaries, files))
      originOnly.add(origin)
  return { sourceOf, originOnly }
}

function* eachRelationship(values: readonly unknown[]): Iterable<Relationship> {
  for (const value of values) {
    if (!isObject(value)) continue
    const from = stringField(value, 'spdxElementId')
    const type = stringField(value, 'relationshipType')
    const to = stringField(value, 'relatedSpdxElement')
    if (from !== undefined && type !== undefined && to !== undefined)
      yield { from, type: type.toUpperCase(), to }
  }
}

function generation(
  relationship: Relationship
): { readonly binary: string; readonly origin: string } | undefined {
  const { from, type, to } = relationship
  if (from === to) return undefined
  if (type === 'GENERATED_FROM') return { binary: from, origin: to }
  if (type === 'GENERATES') return { binary: to, origin: from }
  return undefined
}

/** Files contained by the packages that take part in a generation link (only those: bounded). */
function containedFiles(
  relationships: readonly unknown[],
  binaries: ReadonlySet<string>,
  origins: ReadonlyMap<string, unknown>
): Map<string, Set<string>> {
  const files = new Map<string, Set<string>>()
  const add = (owner: string, file: string): void => {
    if (!binaries.has(owner) && !origins.has(owner)) return
    const set = files.get(owner) ?? new Set<string>()
    set.add(file)
    files.set(owner, set)
  }
  for (const { from, type, to } of eachRelationship(relationships)) {
    if (type === 'CONTAINS') add(from, to)
    else if (type === 'CONTAINED_BY') add(to, from)
  }
  return files
}

function isSynthesized(
  own: ReadonlySet<string> | undefined,
  binaries: ReadonlySet<string>,
  files: ReadonlyMap<string, ReadonlySet<string>>
): boolean {
  const theirs = [...binaries].map(binary => files.get(binary))
  const known = theirs.filter(set => set !== undefined)
  if (own === undefined || own.size === 0) return known.length > 0
  for (const file of own) if (!known.some(set => set.has(file))) return false
  return true
}
