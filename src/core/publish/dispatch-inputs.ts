/**
 * What a workflow accepts through workflow_dispatch (FACTS.md §6.4, issue 8
 * part 2): GitHub refuses to dispatch a workflow without that trigger (422
 * "Workflow does not have 'workflow_dispatch' trigger") and refuses a
 * dispatch carrying an input the workflow does not declare (422 "Unexpected
 * inputs provided: [...]"). So the rebuild sends only the declared inputs,
 * and a workflow that cannot be dispatched is reported before any push. Pure.
 */
import type { Node, Pair } from 'yaml'
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml'

export type DispatchTrigger =
  /** `inputs`: the names under on.workflow_dispatch.inputs, in file order. */
  | { readonly kind: 'dispatchable'; readonly inputs: readonly string[] }
  /** `fix`: the edit that adds the trigger, naming the line. */
  | { readonly kind: 'no-trigger'; readonly fix: string }
  | { readonly kind: 'invalid'; readonly line: number; readonly error: string }

const TRIGGER = 'workflow_dispatch'

/** Reads the `on:` key of a workflow file as GitHub does: string, list or map form. */
export function readDispatchTrigger(text: string): DispatchTrigger {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false })
  const [error] = doc.errors
  if (error !== undefined) {
    const line = lines.linePos(error.pos[0]).line
    return { kind: 'invalid', line, error: error.message }
  }
  const lineOf = (node: Node | null | undefined): number =>
    lines.linePos(node?.range?.[0] ?? 0).line
  if (!isMap(doc.contents)) {
    return { kind: 'invalid', line: 1, error: 'the file is not a YAML mapping' }
  }
  const on = doc.contents.items.find(pair => isOnKey(pair.key))
  if (on === undefined) {
    return {
      kind: 'no-trigger',
      fix: 'add the line "on: workflow_dispatch" (the file has no "on:" key)'
    }
  }
  return triggerOf(on, lineOf(on.key))
}

/**
 * `on` is a string key in YAML 1.2 (the yaml package's default), but a file
 * that asks for YAML 1.1 (`%YAML 1.1`) reads it as the boolean true: both
 * mean the triggers when the source text is `on`.
 */
function isOnKey(key: unknown): boolean {
  if (!isScalar(key)) return false
  return key.value === 'on' || (key.value === true && key.source === 'on')
}

function triggerOf(on: Pair, line: number): DispatchTrigger {
  const value = on.value
  if (isScalar(value) && typeof value.value === 'string') {
    if (value.value === TRIGGER) return { kind: 'dispatchable', inputs: [] }
    return {
      kind: 'no-trigger',
      fix: `change line ${line} to "on: [${value.value}, ${TRIGGER}]"`
    }
  }
  if (isSeq(value)) {
    const named = value.items.some(i => isScalar(i) && i.value === TRIGGER)
    if (named) return { kind: 'dispatchable', inputs: [] }
    return {
      kind: 'no-trigger',
      fix: `add ${TRIGGER} to the list of events on line ${line}`
    }
  }
  const events = isMap(value) ? value.items : []
  const dispatch = events.find(p => isScalar(p.key) && p.key.value === TRIGGER)
  if (dispatch === undefined) {
    return {
      kind: 'no-trigger',
      fix: `add the line "  ${TRIGGER}:" under "on:" (line ${line})`
    }
  }
  return { kind: 'dispatchable', inputs: declaredInputs(dispatch.value) }
}

/** `workflow_dispatch:` may be empty, `true`, `{}` or a map with `inputs`. */
function declaredInputs(dispatch: unknown): string[] {
  if (!isMap(dispatch)) return []
  const inputs = dispatch.items.find(
    p => isScalar(p.key) && p.key.value === 'inputs'
  )?.value
  if (!isMap(inputs)) return []
  return inputs.items.flatMap(p => (isScalar(p.key) ? [nameOf(p.key)] : []))
}

function nameOf(key: { value: unknown; source?: string }): string {
  return typeof key.value === 'string'
    ? key.value
    : (key.source ?? String(key.value))
}

export interface OfferedInput {
  readonly name: string
  readonly value: string
  /** Where it comes from, for the summary: 'Freshbase' or 'rebuild-inputs'. */
  readonly source: string
}

export interface ChosenInputs {
  readonly send: Readonly<Record<string, string>>
  readonly leftOut: readonly OfferedInput[]
}

/** The offered inputs the workflow declares; the rest are left out, not sent. */
export function chooseDispatchInputs(
  declared: readonly string[],
  offered: readonly OfferedInput[]
): ChosenInputs {
  const known = new Set(declared)
  const send: Record<string, string> = {}
  const leftOut: OfferedInput[] = []
  for (const input of offered) {
    if (known.has(input.name)) send[input.name] = input.value
    else leftOut.push(input)
  }
  return { send, leftOut }
}

/**
 * Freshbase's own inputs after the user's `rebuild-inputs`; a name both
 * offer is Freshbase's (files, images and levels win).
 */
export function withRebuildInputs(
  ours: readonly OfferedInput[],
  rebuildInputs: Readonly<Record<string, string>>
): OfferedInput[] {
  const extra = Object.entries(rebuildInputs)
    .filter(([name]) => !ours.some(o => o.name === name))
    .map(([name, value]) => ({ name, value, source: 'rebuild-inputs' }))
  return [...extra, ...ours]
}
