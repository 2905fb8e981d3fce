/**
 * The last stage of the pipeline, per file: wait for the file's own images,
 * plan it, apply the edits, re-scan the result and write it.
 */
import { rewriteChecked } from '../core/rewrite.js'
import type { ImageSite } from '../core/dockerfile/scan.js'
import { canonicalKey } from '../core/image-ref.js'
import type { FileEdits, Plan, PlanPolicy } from '../core/plan.js'
import { planUpdates } from '../core/plan.js'
import type { Resolution } from '../core/resolution.js'
import { Slots } from '../core/slots.js'
import { IO_PARALLELISM } from './scan-files.js'
import type { Scanned } from './scan-files.js'

export interface FileChange {
  readonly file: string
  readonly before: string
  readonly after: string
}

export interface FileDone {
  readonly plan: Pick<Plan, 'rows' | 'files'>
  readonly change?: FileChange
}

/**
 * Per file, in the files' order: waits for the file's own images, plans it
 * (planning never looks across files), applies the edits, re-scans the
 * result and writes it, at most IO_PARALLELISM files at once. A file that
 * fails the check or the write turns its pins and updates into failures
 * naming it; the other files go on.
 */
export async function finishFiles(
  scanned: Scanned,
  finals: ReadonlyMap<string, Promise<Resolution>>,
  policy: PlanPolicy,
  write: ((change: FileChange) => Promise<void>) | undefined,
  adjust?: SiteAdjuster
): Promise<FileDone[]> {
  const slots = new Slots(IO_PARALLELISM)
  const done = new Map<string, Promise<FileDone>>()
  const planOf = (file: string): Promise<FileDone> | undefined => done.get(file)
  for (const [file, found] of sitesByFile(scanned.sites)) {
    done.set(
      file,
      (async () => {
        // Every file's entry exists before any adjustment asks for one.
        await Promise.resolve()
        const sites =
          adjust === undefined ? found : await adjust(file, found, planOf)
        return finishFile(file, sites, {
          scanned,
          finals,
          policy,
          write,
          slots
        })
      })()
    )
  }
  return Promise.all(done.values())
}

/**
 * Changes a file's sites before it is planned, and may wait for other
 * files' plans to do so (issue 11: with pin-built-here, a child's pin of
 * an image built here waits to know whether its parent is rebuilt).
 */
export type SiteAdjuster = (
  file: string,
  sites: readonly ImageSite[],
  planOf: (file: string) => Promise<FileDone> | undefined
) => Promise<readonly ImageSite[]>

interface FinishContext {
  readonly scanned: Scanned
  readonly finals: ReadonlyMap<string, Promise<Resolution>>
  readonly policy: PlanPolicy
  readonly write: ((change: FileChange) => Promise<void>) | undefined
  readonly slots: Slots
}

async function finishFile(
  file: string,
  sites: readonly ImageSite[],
  { scanned, finals, policy, write, slots }: FinishContext
): Promise<FileDone> {
  const pending = new Map<string, Promise<Resolution>>()
  for (const site of sites) {
    const key = site.ref === undefined ? undefined : canonicalKey(site.ref)
    const final = key === undefined ? undefined : finals.get(key)
    if (key !== undefined && final !== undefined) pending.set(key, final)
  }
  const resolutions = await Promise.all(pending.values())
  const plan = planUpdates(sites, resolutions, policy)
  const planned = plan.files[0]
  if (planned === undefined) return { plan }
  return slots.run(async () => rewriteFile(file, planned, plan, scanned, write))
}

async function rewriteFile(
  file: string,
  { edits, kind }: FileEdits,
  plan: Pick<Plan, 'rows' | 'files'>,
  { texts, scans }: Scanned,
  write: ((change: FileChange) => Promise<void>) | undefined
): Promise<FileDone> {
  const before = texts.get(file) ?? ''
  const applied = rewriteChecked(file, before, edits, scans.get(file), kind)
  if (!applied.ok) return refuse(plan, `${file}: not written: ${applied.error}`)
  const change = { file, before, after: applied.text }
  try {
    await write?.(change)
  } catch (error) {
    return refuse(plan, (error as Error).message)
  }
  return { plan, change }
}

/** The file's pins and updates become failures with `reason`; nothing of it is written. */
function refuse(plan: Pick<Plan, 'rows' | 'files'>, reason: string): FileDone {
  const rows = plan.rows.map(row =>
    row.decision === 'pin' || row.decision === 'update'
      ? { ...row, decision: 'failed' as const, reason }
      : row
  )
  return { plan: { rows, files: [] } }
}

/** Sites grouped by file, files in scan order (a Map keeps insertion order). */
function sitesByFile(sites: readonly ImageSite[]): Map<string, ImageSite[]> {
  const byFile = new Map<string, ImageSite[]>()
  for (const site of sites) {
    const list = byFile.get(site.file)
    if (list === undefined) byFile.set(site.file, [site])
    else list.push(site)
  }
  return byFile
}
