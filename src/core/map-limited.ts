/**
 * Runs `fn` over `items` with at most `limit` calls in flight; results keep
 * the order of `items`. Pure control flow (no I/O of its own), shared by the
 * registry client and the pipeline's file reads and writes.
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index] as T)
    }
  }
  await Promise.all(
    Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker)
  )
  return results
}
