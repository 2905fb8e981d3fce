/**
 * A counting semaphore: at most `limit` calls of `run` in flight, whoever
 * makes them. The registry client puts every request through one (an image
 * can have a few requests going at once, e.g. its index body and its old
 * pins); the pipeline bounds its file writes with another. Pure control flow.
 */
export class Slots {
  private active = 0
  private readonly waiting: (() => void)[] = []

  constructor(private readonly limit: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) {
      await new Promise<void>(resolve => this.waiting.push(resolve))
    } else {
      this.active++
    }
    try {
      return await fn()
    } finally {
      const next = this.waiting.shift()
      if (next === undefined) this.active--
      else next() // the slot passes straight to the next waiter
    }
  }
}
