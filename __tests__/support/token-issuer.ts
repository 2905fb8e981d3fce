/**
 * A token issuer for Distribution's `auth.token` (FACTS.md §9): ES256 JWTs
 * whose header carries the self-signed certificate in x5c, so the real
 * registry verifies every token against its rootcertbundle. P-256 rather
 * than RSA: a real token service signs on its own machines, this one shares
 * the two cores with the CLI under test, and an RSA-2048 signature costs
 * ~2 ms of them per token where ES256 costs ~0.1 ms.
 */
import { execFile } from 'node:child_process'
import {
  X509Certificate,
  createPrivateKey,
  randomUUID,
  sign
} from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { promisify } from 'node:util'

export interface TokenIssuerOptions {
  /** Basic credentials the issuer accepts: user → password. */
  readonly users?: Readonly<Record<string, string>>
  /** OAuth2 refresh tokens (identity tokens) the POST endpoint accepts: token → user. */
  readonly identityTokens?: Readonly<Record<string, string>>
  /** Grant pull to anonymous callers (default true). */
  readonly anonymousPull?: boolean
  /** Repositories only these users may pull (others get an empty grant). */
  readonly privateRepositories?: Readonly<Record<string, readonly string[]>>
  /** expires_in of issued tokens (default 300). */
  readonly expiresIn?: number
  /** 'garbage': answer 200 with a non-JSON body. */
  readonly misbehave?: 'garbage'
}

export interface TokenGrantRequest {
  readonly method: string
  readonly user?: string
  readonly scope?: string
  readonly service?: string
}

export interface TokenIssuer {
  readonly url: string
  readonly service: string
  readonly issuer: string
  readonly certPath: string
  /** Every token request, in order. */
  readonly log: TokenGrantRequest[]
  readonly requests: number
  /** A token for `repository` with `actions`, minted locally (seeding, tests). */
  mint(repository: string, actions: readonly string[], subject?: string): string
  setOptions(options: TokenIssuerOptions): void
  /** The next `count` tokens get a broken signature (the registry says invalid_token). */
  corruptNextTokens(count: number): void
  stop(): Promise<void>
}

const run = promisify(execFile)
const SERVICE = 'freshbase-test-registry'
const ISSUER = 'freshbase-test-issuer'

export async function startTokenIssuer(
  dir: string,
  initial: TokenIssuerOptions = {}
): Promise<TokenIssuer> {
  const { key, x5c, certPath } = await makeCertificate(dir)
  let options = initial
  const corrupt = { remaining: 0 }
  const log: TokenGrantRequest[] = []
  const mint = (
    repository: string,
    actions: readonly string[],
    subject = 'admin'
  ): string =>
    signJwt(key, x5c, subject, [
      { type: 'repository', name: repository, actions: [...actions] }
    ])
  const server = createServer((req, res) => {
    void handle(req, res, options, log, (subject, access) => {
      const token = signJwt(key, x5c, subject, access)
      if (corrupt.remaining <= 0) return token
      corrupt.remaining -= 1
      return `${token.slice(0, -8)}AAAAAAAA`
    }).catch((error: unknown) => {
      res.writeHead(500).end(String(error))
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port =
    typeof address === 'object' && address !== null ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}/token`,
    service: SERVICE,
    issuer: ISSUER,
    certPath,
    log,
    get requests() {
      return log.length
    },
    mint,
    setOptions: next => {
      options = next
    },
    corruptNextTokens: count => {
      corrupt.remaining = count
    },
    stop: async () => closeServer(server)
  }
}

async function makeCertificate(
  dir: string
): Promise<{ key: KeyObject; x5c: string; certPath: string }> {
  const keyPath = join(dir, 'issuer-key.pem')
  const certPath = join(dir, 'issuer-cert.pem')
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    keyPath,
    '-out',
    certPath,
    '-days',
    '2',
    '-subj',
    `/CN=${ISSUER}`
  ])
  const key = createPrivateKey(await readFile(keyPath))
  const x5c = new X509Certificate(await readFile(certPath)).raw.toString(
    'base64'
  )
  return { key, x5c, certPath }
}

interface Access {
  readonly type: string
  readonly name: string
  readonly actions: string[]
}

function signJwt(
  key: KeyObject,
  x5c: string,
  subject: string,
  access: Access[]
): string {
  const now = Math.floor(Date.now() / 1000)
  const header = { typ: 'JWT', alg: 'ES256', x5c: [x5c] }
  const claims = {
    iss: ISSUER,
    sub: subject,
    aud: SERVICE,
    exp: now + 3600,
    nbf: now - 10,
    iat: now,
    jti: randomUUID(),
    access
  }
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`
  const signature = sign('sha256', Buffer.from(input), {
    key,
    dsaEncoding: 'ieee-p1363'
  }).toString('base64url')
  return `${input}.${signature}`
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url')
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  options: TokenIssuerOptions,
  log: TokenGrantRequest[],
  issue: (subject: string, access: Access[]) => string
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://issuer')
  const body = await readBody(req)
  const form = new URLSearchParams(req.method === 'POST' ? body : '')
  const scope = url.searchParams.get('scope') ?? form.get('scope') ?? undefined
  const service =
    url.searchParams.get('service') ?? form.get('service') ?? undefined
  const user = authenticate(req, form, options)
  log.push({
    method: req.method ?? '',
    ...(user === undefined || user === false ? {} : { user }),
    ...(scope === undefined ? {} : { scope }),
    ...(service === undefined ? {} : { service })
  })
  if (user === false) {
    res.writeHead(401, { 'Content-Type': 'application/json' })
    res.end(
      JSON.stringify({
        errors: [{ code: 'UNAUTHORIZED', message: 'bad credentials' }]
      })
    )
    return
  }
  if (options.misbehave === 'garbage') {
    res
      .writeHead(200, { 'Content-Type': 'application/json' })
      .end('<html>oops</html>')
    return
  }
  const token = issue(user ?? 'anonymous', grants(scope, user, options))
  const expiresIn = options.expiresIn ?? 300
  res.writeHead(200, { 'Content-Type': 'application/json' })
  res.end(
    JSON.stringify(
      req.method === 'POST'
        ? { access_token: token, expires_in: expiresIn, scope }
        : { token, access_token: token, expires_in: expiresIn }
    )
  )
}

/** undefined: anonymous; false: credentials given but wrong. */
function authenticate(
  req: IncomingMessage,
  form: URLSearchParams,
  options: TokenIssuerOptions
): string | undefined | false {
  if (req.method === 'POST') {
    const refresh = form.get('refresh_token') ?? ''
    return options.identityTokens?.[refresh] ?? false
  }
  const header = req.headers.authorization
  if (header === undefined) return undefined
  const decoded = Buffer.from(
    header.replace(/^Basic /i, ''),
    'base64'
  ).toString()
  const colon = decoded.indexOf(':')
  const user = decoded.slice(0, colon)
  const password = decoded.slice(colon + 1)
  return colon > 0 && options.users?.[user] === password ? user : false
}

function grants(
  scope: string | undefined,
  user: string | undefined,
  options: TokenIssuerOptions
): Access[] {
  const match = /^repository:(?<name>.+):(?<actions>[a-z,*]+)$/.exec(
    scope ?? ''
  )
  const name = match?.groups?.['name']
  if (name === undefined) return []
  const allowed = options.privateRepositories?.[name]
  if (allowed !== undefined && (user === undefined || !allowed.includes(user)))
    return []
  if (
    allowed === undefined &&
    user === undefined &&
    options.anonymousPull === false
  )
    return []
  return [{ type: 'repository', name, actions: ['pull'] }]
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString()
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections()
  await new Promise<void>(resolve => server.close(() => resolve()))
}
