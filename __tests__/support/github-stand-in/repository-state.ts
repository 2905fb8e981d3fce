/** In-memory state beside the git repository: pulls, dispatches. */
import type { GitStore } from './git-store.js'
import { closePull } from './pull-requests.js'
import type { PullRecord } from './pull-requests.js'
import { notFound } from './replies.js'
import type {
  GitHubStandInOptions,
  RepositoryDispatch,
  WorkflowDispatch
} from './types.js'

interface StateOptions extends GitHubStandInOptions {
  readonly branch: string
  readonly url: string
}

export class RepositoryState {
  readonly pulls: PullRecord[] = []
  readonly dispatches: WorkflowDispatch[] = []
  readonly repositoryDispatches: RepositoryDispatch[] = []
  readonly verified = new Map<string, boolean>()
  readonly labels = new Map<string, number>()
  private nextNumber = 1
  private nextId = 1
  readonly api: string
  readonly web: string

  constructor(
    readonly git: GitStore,
    readonly options: StateOptions
  ) {
    const slug = `${options.owner}/${options.repo}`
    this.api = `${options.url}/repos/${slug}`
    this.web = `https://github.com/${slug}`
  }

  allocateNumber() {
    return this.nextNumber++
  }

  allocateId() {
    return this.nextId++
  }

  isVerified(sha: string) {
    return this.verified.get(sha)
  }

  findPull(number: unknown) {
    const pull = this.pulls.find(candidate => candidate.number === number)
    if (pull === undefined) throw notFound()
    return pull
  }

  /** Keeps PR heads/bases in step; deleting a head branch closes its PR. */
  refMoved(ref: string, sha: string | undefined) {
    const branch = ref.replace(/^refs\/heads\//, '')
    if (branch === ref) return
    for (const pull of this.pulls) {
      if (pull.state !== 'open') continue
      if (pull.head.ref === branch && sha === undefined) closePull(pull)
      if (sha === undefined) continue
      if (pull.head.ref === branch) pull.head.sha = sha
      if (pull.base.ref === branch) pull.base.sha = sha
    }
  }

  async moveBranch(ref: string, sha: string, old: string) {
    if (!(await this.git.updateRef(ref, sha, old))) {
      throw new Error(`${ref} moved concurrently`)
    }
    this.refMoved(ref, sha)
  }
}
