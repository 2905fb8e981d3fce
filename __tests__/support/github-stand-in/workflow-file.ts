/**
 * What GitHub reads of a workflow file when it is dispatched: whether `on`
 * has workflow_dispatch, and the inputs it declares. Written apart from
 * src/core/publish/dispatch-inputs.ts on purpose: the stand-in is the
 * oracle the action's reading is tested against.
 */
import { parse } from 'yaml'

/** The declared input names; undefined when the file has no workflow_dispatch trigger. */
export function dispatchInputsOf(text: string): string[] | undefined {
  const workflow = parse(text) as unknown
  if (!isRecord(workflow)) return undefined
  const on = workflow['on']
  if (on === 'workflow_dispatch') return []
  if (Array.isArray(on))
    return on.includes('workflow_dispatch') ? [] : undefined
  if (!isRecord(on) || !('workflow_dispatch' in on)) return undefined
  const trigger = on['workflow_dispatch']
  const inputs = isRecord(trigger) ? trigger['inputs'] : undefined
  return isRecord(inputs) ? Object.keys(inputs) : []
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
