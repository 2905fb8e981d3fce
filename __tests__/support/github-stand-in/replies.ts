/** Replies, GitHub-shaped errors and the handler contract. */
const DOCS_URL = 'https://docs.github.com/rest'

export interface Reply {
  readonly status: number
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
}

/** A GitHub-shaped error; handlers throw it to answer early. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown
  ) {
    super(`${status} ${JSON.stringify(body)}`)
  }
}

export function failure(
  status: number,
  message: string,
  errors?: readonly unknown[]
) {
  return new ApiFailure(status, {
    message,
    documentation_url: DOCS_URL,
    status: String(status),
    ...(errors === undefined ? {} : { errors })
  })
}

export function notFound() {
  return failure(404, 'Not Found')
}

export function invalidField(field: string) {
  return failure(422, 'Validation Failed', [
    { resource: 'PullRequest', field, code: 'invalid' }
  ])
}

export function customPullError(message: string) {
  return failure(422, 'Validation Failed', [
    { resource: 'PullRequest', code: 'custom', message }
  ])
}

export interface ApiInput {
  readonly params: Readonly<Record<string, unknown>>
  readonly query: Readonly<Record<string, unknown>>
  readonly body: unknown
  /** The request URL, for pagination links. */
  readonly url: URL
}

export type Handler = (input: ApiInput) => Reply | Promise<Reply>

export function stringParam(input: ApiInput, name: string) {
  return String(input.params[name])
}
