/**
 * The rebuild workflow as the base branch has it, read before anything is
 * pushed (issue 8 part 2): GitHub refuses to dispatch a workflow without a
 * workflow_dispatch trigger, and refuses inputs the workflow does not
 * declare, so the dispatch sends only what on.workflow_dispatch.inputs
 * names, and a workflow that cannot be dispatched stops the run with the
 * line to add.
 */
import type { PublishConfig } from '../config/publish-config.js'
import { readDispatchTrigger } from '../core/publish/dispatch-inputs.js'
import type { BaseSnapshot, FileStore } from './ports.js'

export interface RebuildWorkflow {
  /** The workflow_id sent to GitHub: the file name (rebuild.yml) or a numeric ID. */
  readonly id: string
  /** .github/workflows/<file>, when the id is a file name. */
  readonly path?: string
  /** Inputs the workflow declares; undefined when they could not be read (everything is sent). */
  readonly declared?: readonly string[]
  /** Why the declared inputs are unknown, for the job summary. */
  readonly unchecked?: string
}

/** Thrown before any write: the rebuild workflow cannot be dispatched as it is. */
export class RebuildWorkflowError extends Error {}

const WORKFLOWS = '.github/workflows'
const NOTHING_PUSHED = 'Nothing was pushed.'

/**
 * `after` ends each refusal: what the run did not do because of it (the
 * pin mode pushes nothing; the behind mode dispatches nothing).
 */
export async function readRebuildWorkflow(
  config: PublishConfig,
  base: BaseSnapshot,
  files: FileStore,
  after: string = NOTHING_PUSHED
): Promise<RebuildWorkflow | undefined> {
  const id = config.rebuildWorkflow
  if (id === undefined) return undefined
  if (/^\d+$/.test(id)) {
    return {
      id,
      unchecked: `rebuild-workflow is a numeric workflow ID, so Freshbase could not read which inputs the workflow declares and sent all of them; give its file name (e.g. rebuild.yml) to send only the declared ones.`
    }
  }
  if (id.includes('/')) {
    throw new RebuildWorkflowError(
      `rebuild-workflow: "${id}" must be the workflow's file name in ${WORKFLOWS}/ (e.g. rebuild.yml) or its numeric ID, not a path. ${after}`
    )
  }
  const path = `${WORKFLOWS}/${id}`
  if (!base.files.has(path)) return missing(id, path, base, after)
  const read = readDispatchTrigger(await files.read(path))
  if (read.kind === 'dispatchable') return { id, path, declared: read.inputs }
  const where = `${path} on ${base.branch}`
  if (read.kind === 'no-trigger') {
    throw new RebuildWorkflowError(
      `rebuild-workflow: ${where} has no workflow_dispatch trigger, so GitHub refuses to dispatch it. In ${path}, ${read.fix}. ${after}`
    )
  }
  throw new RebuildWorkflowError(
    `rebuild-workflow: ${where}, line ${read.line}: not valid workflow YAML (${read.error.replace(/\.$/, '')}); GitHub cannot run it either. Fix the file. ${after}`
  )
}

function missing(
  id: string,
  path: string,
  base: BaseSnapshot,
  after: string
): RebuildWorkflow {
  // A truncated listing may just not show it: let GitHub decide.
  if (base.truncated) {
    return {
      id,
      path,
      unchecked: `The repository tree was too large to list in full, so Freshbase could not read ${path} and sent every rebuild input.`
    }
  }
  throw new RebuildWorkflowError(
    `rebuild-workflow: ${path} is not on ${base.branch}, so there is no workflow to dispatch. Add it there with the line "on: workflow_dispatch" (or "  workflow_dispatch:" under its "on:"), or correct the rebuild-workflow input. ${after}`
  )
}
