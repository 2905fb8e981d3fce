/**
 * An in-toto statement from an attestation layer (EVIDENCE.md §1.3–1.4;
 * in-toto/attestation spec/v1/statement.md; DSSE envelope.md).
 *
 * - Plain statement (`application/vnd.in-toto+json`) or a DSSE envelope
 *   (`application/vnd.in-toto.*+dsse`, or any body shaped as one) whose
 *   `payload` is the base64 statement. Decoded without verifying, as buildx
 *   does: this is evidence for a reviewer, not a trust decision.
 * - `_type` Statement/v0.1 (BuildKit before v0.31, Docker Official Images)
 *   and Statement/v1 are both accepted.
 * - `subject` may be empty (a DOI ubuntu SBOM, §9.3); only `digest.sha256`
 *   is read from each subject ("matched purely by digest").
 */
import { parseDigest } from '../digest.js'
import type { Digest } from '../digest.js'
import {
  arrayField,
  isObject,
  objectField,
  parseJsonObject,
  stringField
} from './attestations-json.js'
import type { JsonObject } from './attestations-json.js'

export const STATEMENT_TYPES = [
  'https://in-toto.io/Statement/v0.1',
  'https://in-toto.io/Statement/v1'
] as const
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json'
const DSSE_MEDIA_TYPE = /^application\/vnd\.in-toto\.[^+]*\+dsse$/

export interface Statement {
  /** `_type` as written (Statement/v0.1 or Statement/v1). */
  readonly type: string
  readonly predicateType: string
  /** sha256 digests of the subjects; may be empty. */
  readonly subjects: readonly Digest[]
  /** The predicate, parsed JSON (undefined when the statement has none). */
  readonly predicate: unknown
}

/** Attestation layer bytes → the in-toto statement. Throws, saying what is wrong, on anything else. */
export function readStatement(
  bytes: Uint8Array,
  layerMediaType: string
): Statement {
  const outer = parseJsonObject(bytes, `in-toto layer (${layerMediaType})`)
  const json =
    DSSE_MEDIA_TYPE.test(layerMediaType) || isEnvelope(outer)
      ? parseJsonObject(envelopePayload(outer), 'DSSE payload')
      : outer
  const type = stringField(json, '_type') ?? ''
  if (!(STATEMENT_TYPES as readonly string[]).includes(type))
    throw new Error(
      `in-toto statement has _type "${type}", not one of ${STATEMENT_TYPES.join(', ')}`
    )
  const predicateType = stringField(json, 'predicateType')
  if (predicateType === undefined || predicateType === '')
    throw new Error('in-toto statement has no predicateType')
  return {
    type,
    predicateType,
    subjects: subjectDigests(json),
    predicate: json['predicate']
  }
}

function isEnvelope(json: JsonObject): boolean {
  return (
    json['_type'] === undefined &&
    typeof json['payload'] === 'string' &&
    typeof json['payloadType'] === 'string'
  )
}

function envelopePayload(envelope: JsonObject): Uint8Array {
  const payloadType = stringField(envelope, 'payloadType')
  if (payloadType !== IN_TOTO_PAYLOAD_TYPE)
    throw new Error(
      `DSSE envelope payloadType is "${payloadType ?? ''}", not ${IN_TOTO_PAYLOAD_TYPE}`
    )
  const payload = stringField(envelope, 'payload')
  if (payload === undefined)
    throw new Error('DSSE envelope has no base64 payload')
  return decodeBase64(payload)
}

/** Standard or URL-safe base64 (DSSE allows either), padding optional. */
function decodeBase64(text: string): Uint8Array {
  const standard = text.replace(/-/g, '+').replace(/_/g, '/').replace(/\s/g, '')
  let binary: string
  try {
    binary = atob(standard)
  } catch {
    throw new Error('DSSE envelope payload is not valid base64')
  }
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

function subjectDigests(statement: JsonObject): Digest[] {
  const digests: Digest[] = []
  for (const subject of arrayField(statement, 'subject')) {
    if (!isObject(subject)) continue
    const hex = stringField(objectField(subject, 'digest') ?? {}, 'sha256')
    const digest = parseDigest(`sha256:${(hex ?? '').toLowerCase()}`)
    if (digest !== undefined && !digests.includes(digest)) digests.push(digest)
  }
  return digests
}
