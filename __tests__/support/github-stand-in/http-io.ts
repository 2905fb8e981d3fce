/** Request records, reading request bodies and writing replies. */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Reply } from './replies.js'

export interface MutableRecord {
  method: string
  path: string
  query: Record<string, string>
  operationId: string
  status: number
  body: unknown
}

export function violationOf(record: MutableRecord) {
  return {
    operationId: record.operationId,
    method: record.method,
    path: record.path
  }
}

export async function readBody(request: IncomingMessage) {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

export function send(response: ServerResponse, reply: Reply) {
  const headers: Record<string, string> = {
    'x-github-request-id': randomUUID(),
    'x-github-media-type': 'github.v3; format=json',
    ...reply.headers
  }
  if (reply.status === 204 || reply.body === undefined) {
    response.writeHead(reply.status, headers).end()
    return
  }
  const text = JSON.stringify(reply.body)
  response
    .writeHead(reply.status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
      ...headers
    })
    .end(text)
}
