/**
 * The in-repo chains in the run (issue 11 part 1): the references to
 * images built here are skipped, or with pin-built-here pinned once the
 * parent is known not to be rebuilt in this run; and the rebuild set (the
 * changed Dockerfiles and every descendant, in levels).
 */
import type { Chains } from '../core/chains/model.js'
import {
  cycleOf,
  cycleReason,
  parentsOf,
  selfAndAncestors,
  waitsReason
} from '../core/chains/in-repo.js'
import { rebuildLevels } from '../core/chains/levels.js'
import type { FileEdits } from '../core/plan.js'
import type { FileDone, SiteAdjuster } from './finish-files.js'

/**
 * With pin-built-here: a site of an image built here waits for the plans
 * of its parent and the parent's own ancestors; when any of them changes
 * in this run, the parent is rebuilt and its new digest does not exist
 * yet, so the site is skipped saying so. A parent in a build cycle with
 * the child is not waited for (no order exists).
 */
export function pinBuiltHereAdjuster(chains: Chains): SiteAdjuster {
  return async (file, sites, planOf) => {
    const rebuilt = async (parent: string): Promise<boolean> => {
      const upstream = selfAndAncestors(chains, parent)
      if (upstream.includes(file)) return false
      const plans = await Promise.all(upstream.map(async f => planOf(f)))
      return plans.some(done => done !== undefined && changes(done))
    }
    return Promise.all(
      sites.map(async site => {
        for (const parent of parentsOf(chains, site)) {
          const cycle = cycleOf(chains, parent)
          if (cycle?.includes(file) === true)
            return { ...site, skip: cycleReason(parent, cycle) }
          if (await rebuilt(parent))
            return { ...site, skip: waitsReason(parent) }
        }
        return site
      })
    )
  }
}

/** A file whose plan writes something: it is rebuilt. */
function changes(done: FileDone): boolean {
  return done.plan.rows.some(
    row => row.decision === 'pin' || row.decision === 'update'
  )
}

/** The Dockerfiles a plan changes (FileEdits without a kind are Dockerfiles). */
export function changedDockerfiles(files: readonly FileEdits[]): string[] {
  return files
    .filter(f => f.kind === undefined || f.kind === 'dockerfile')
    .map(f => f.file)
}

/** The changed Dockerfiles and every descendant, in build order. */
export function rebuildSet(
  chains: Chains,
  files: readonly FileEdits[]
): string[][] {
  return rebuildLevels(chains, changedDockerfiles(files))
}
