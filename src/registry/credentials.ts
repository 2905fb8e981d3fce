/**
 * Registry credentials from a Docker config file (FACTS.md §3.4): `auths`,
 * `credHelpers`, `credsStore` (docker-credential-<name> get, run without a
 * shell), identity and registry tokens.
 * STUB: implementation owned by the credentials work item.
 */
export interface Credential {
  readonly username?: string
  readonly password?: string
  /** OAuth2 refresh token (docker config `identitytoken`, or helper Username "<token>"). */
  readonly identityToken?: string
  /** Bearer token sent to the registry as is (docker config `registrytoken`). */
  readonly registryToken?: string
}

export interface CredentialSource {
  /** `registry` is the normalized domain ("docker.io", "ghcr.io", "localhost:5000"). */
  get(registry: string): Promise<Credential | undefined>
}

export interface DockerConfigOptions {
  /** Explicit path; else $DOCKER_CONFIG/config.json; else ~/.docker/config.json. */
  readonly path?: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly homeDir: string
  /** Called with every secret value found, so the logger can mask it. */
  readonly onSecret?: (value: string) => void
}

export declare function dockerConfigCredentials(
  options: DockerConfigOptions
): Promise<CredentialSource>
