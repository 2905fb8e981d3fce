import { describe, expect, it } from 'vitest'
import { readStatement } from '../../../src/core/evidence/in-toto.js'

const enc = (value: unknown): Uint8Array =>
  new TextEncoder().encode(JSON.stringify(value))
const hex = (c: string): string => c.repeat(64)
const PLAIN = 'application/vnd.in-toto+json'
const base64 = (text: string): string =>
  Buffer.from(text, 'utf8').toString('base64')

/** DOI alpine SBOM statement (EVIDENCE.md §9.3): v0.1, one sha256 over 9 subjects' names. */
const doiStatement = {
  _type: 'https://in-toto.io/Statement/v0.1',
  predicateType: 'https://spdx.dev/Document',
  subject: [
    {
      name: 'pkg:docker/alpine@3.23.2?platform=linux%2Famd64',
      digest: { sha256: hex('a') }
    },
    {
      name: 'pkg:docker/alpine@3.23?platform=linux%2Famd64',
      digest: { sha256: hex('a') }
    },
    {
      name: 'pkg:docker/alpine@latest?platform=linux%2Famd64',
      digest: { sha256: hex('a') }
    }
  ],
  predicate: {
    spdxVersion: 'SPDX-2.3',
    creationInfo: { creators: ['Tool: docker-scout-1.18.1'] },
    packages: []
  }
}

describe('readStatement', () => {
  it('reads a plain v0.1 statement, subjects deduplicated by digest', () => {
    const statement = readStatement(enc(doiStatement), PLAIN)
    expect(statement.type).toBe('https://in-toto.io/Statement/v0.1')
    expect(statement.predicateType).toBe('https://spdx.dev/Document')
    expect(statement.subjects).toEqual([`sha256:${hex('a')}`])
    expect(statement.predicate).toEqual(doiStatement.predicate)
  })

  it('reads a v1 statement with an empty subject', () => {
    const statement = readStatement(
      enc({
        _type: 'https://in-toto.io/Statement/v1',
        subject: [],
        predicateType: 'https://slsa.dev/provenance/v1',
        predicate: { buildDefinition: {} }
      }),
      PLAIN
    )
    expect(statement.subjects).toEqual([])
    expect(statement.predicateType).toBe('https://slsa.dev/provenance/v1')
  })

  it('unwraps a DSSE envelope (media type *+dsse), without verifying signatures', () => {
    const envelope = {
      payloadType: 'application/vnd.in-toto+json',
      payload: base64(JSON.stringify(doiStatement)),
      signatures: [{ keyid: '', sig: 'MEUCIQ==' }]
    }
    const statement = readStatement(
      enc(envelope),
      'application/vnd.in-toto.spdx+dsse'
    )
    expect(statement.subjects).toEqual([`sha256:${hex('a')}`])
    expect(statement.predicate).toEqual(doiStatement.predicate)
  })

  it('unwraps an envelope served under the plain media type, URL-safe base64 without padding', () => {
    const payload = Buffer.from(
      JSON.stringify({ ...doiStatement, n: '~~~?' })
    ).toString('base64url')
    const statement = readStatement(
      enc({ payloadType: 'application/vnd.in-toto+json', payload }),
      PLAIN
    )
    expect(statement.predicateType).toBe('https://spdx.dev/Document')
  })

  it('decodes non-ASCII payload text as UTF-8', () => {
    const withName = {
      ...doiStatement,
      predicate: { name: 'Zoë <ü>' }
    }
    const statement = readStatement(
      enc({
        payloadType: 'application/vnd.in-toto+json',
        payload: base64(JSON.stringify(withName))
      }),
      'application/vnd.in-toto.spdx+dsse'
    )
    expect(statement.predicate).toEqual({ name: 'Zoë <ü>' })
  })

  it('skips subjects without a valid sha256 and lowercases hex', () => {
    const statement = readStatement(
      enc({
        ...doiStatement,
        subject: [
          { name: '_', digest: { sha512: hex('b') } },
          { name: '_', digest: { sha256: 'abc' } },
          { name: '_', digest: { sha256: hex('C') } },
          'junk'
        ]
      }),
      PLAIN
    )
    expect(statement.subjects).toEqual([`sha256:${hex('c')}`])
  })

  it.each([
    [
      'not JSON',
      new TextEncoder().encode('<html>'),
      PLAIN,
      /not valid UTF-8 JSON/
    ],
    [
      'an unknown _type',
      enc({ ...doiStatement, _type: 'x' }),
      PLAIN,
      /_type "x"/
    ],
    [
      'no predicateType',
      enc({ ...doiStatement, predicateType: undefined }),
      PLAIN,
      /no predicateType/
    ],
    [
      'a DSSE envelope with another payloadType',
      enc({ payloadType: 'text/plain', payload: base64('{}') }),
      'application/vnd.in-toto.spdx+dsse',
      /payloadType is "text\/plain"/
    ],
    [
      'a DSSE payload that is not base64',
      enc({ payloadType: 'application/vnd.in-toto+json', payload: '%%%' }),
      'application/vnd.in-toto.spdx+dsse',
      /not valid base64/
    ],
    [
      'a DSSE payload that is not JSON',
      enc({
        payloadType: 'application/vnd.in-toto+json',
        payload: base64('no')
      }),
      'application/vnd.in-toto.spdx+dsse',
      /DSSE payload is not valid UTF-8 JSON/
    ]
  ])('throws on %s', (_name, body, mediaType, message) => {
    expect(() => readStatement(body, mediaType)).toThrow(message)
  })
})
