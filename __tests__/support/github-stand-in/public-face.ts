/** The GitHubStandIn object tests hold. */
import { rm } from 'node:fs/promises'
import type { GitStore } from './git-store.js'
import { commitAsHuman, merge } from './human-actions.js'
import { closePull, snapshotPull } from './pull-requests.js'
import type { RepositoryState } from './repository-state.js'
import type { StandInServer } from './server.js'
import type { GitHubStandIn } from './types.js'

export function publicFace(
  server: StandInServer,
  state: RepositoryState,
  git: GitStore,
  root: string
): GitHubStandIn {
  const { url } = server
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    gitDir: git.gitDir,
    get pulls() {
      return state.pulls.map(snapshotPull)
    },
    get dispatches() {
      return [...state.dispatches]
    },
    get repositoryDispatches() {
      return [...state.repositoryDispatches]
    },
    get requests() {
      return server.requests.map(record => ({ ...record }))
    },
    get violations() {
      return [...server.violations]
    },
    get responseViolations() {
      return [...server.responseViolations]
    },
    writes: () =>
      server.requests
        .filter(record => record.method !== 'GET')
        .map(record => ({ ...record })),
    commitFile: async (branch, path, content, message) =>
      commitAsHuman(state, branch, path, content, message),
    mergePullRequest: async number => merge(state, number),
    closePullRequest: number => closePull(state.findPull(number)),
    branchHead: async name => git.refSha(`refs/heads/${name}`),
    readFile: async (ref, path) =>
      git.attempt(['cat-file', 'blob', `${ref}:${path}`]),
    listFiles: async ref =>
      [...(await git.flatTree(ref))].map(([path, item]) => ({ path, ...item })),
    log: async ref => git.log(ref),
    isVerified: sha => state.isVerified(sha),
    fsck: async () => {
      const { stdout, stderr } = await git.exec(['fsck', '--strict'])
      return `${stdout.toString('utf8')}${stderr}`
    },
    failNext: (match, response, times = 1) =>
      void server.faults.push({ match, response, remaining: times }),
    delayNext: (match, ms, times = 1) =>
      void server.faults.push({ match, delayMs: ms, remaining: times }),
    stop: async () => {
      await server.close()
      git.stop()
      await rm(root, { recursive: true, force: true })
    }
  }
}
