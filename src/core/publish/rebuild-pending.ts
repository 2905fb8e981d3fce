/**
 * Left at the end of a pull request's body when its rebuild could not be
 * dispatched. The body then differs from the one the next run renders, so
 * that run rewrites it (dropping the mark) and dispatches again. Publishing
 * reads the mark, the rebuild writes it: here, so neither imports the other.
 */
export const REBUILD_PENDING = '<!-- freshbase:rebuild-pending -->'
