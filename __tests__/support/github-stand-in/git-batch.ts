/**
 * Long-lived `git cat-file --batch` and `git mktree --batch` processes.
 * A 300-file Action run made ~3,000 git spawns (one per object read and one
 * per directory written), most of a minute of the test's time on two shared
 * cores; one process per kind answers the same questions in order.
 */
import { spawn } from 'node:child_process'
import type { ChildProcessWithoutNullStreams } from 'node:child_process'

type Env = Readonly<Record<string, string>>

/** One git process answering requests strictly in order. */
class BatchProcess {
  private child: ChildProcessWithoutNullStreams | undefined
  private buffer = Buffer.alloc(0)
  private waiting: (() => void) | undefined
  private queue: Promise<unknown> = Promise.resolve()
  private failure: Error | undefined

  constructor(
    private readonly args: readonly string[],
    private readonly env: () => Env
  ) {}

  /** Sends `input`, then lets `read` take its answer off stdout. */
  async request<T>(input: string, read: () => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      const child = this.start()
      child.stdin.write(input)
      return read()
    })
    this.queue = next.catch(() => undefined)
    return next
  }

  /** The next line of stdout, without its "\n". */
  async line(): Promise<string> {
    for (;;) {
      const end = this.buffer.indexOf(10)
      if (end >= 0) {
        const text = this.buffer.subarray(0, end).toString('utf8')
        this.buffer = this.buffer.subarray(end + 1)
        return text
      }
      await this.more()
    }
  }

  /** The next `size` bytes of stdout. */
  async bytes(size: number): Promise<Buffer> {
    while (this.buffer.length < size) await this.more()
    const out = Buffer.from(this.buffer.subarray(0, size))
    this.buffer = this.buffer.subarray(size)
    return out
  }

  stop(): void {
    this.child?.kill()
    this.child = undefined
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child !== undefined) return this.child
    this.failure = undefined
    this.buffer = Buffer.alloc(0)
    const child = spawn('git', this.args, { env: this.env() })
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk])
      this.wake()
    })
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    child.stdin.on('error', () => undefined)
    child.on('close', code => {
      if (this.child === child) this.child = undefined
      const stderr = Buffer.concat(err).toString('utf8')
      this.failure = new Error(
        `git ${this.args.join(' ')} (${code}): ${stderr}`
      )
      this.wake()
    })
    // Never keeps a test process alive on its own.
    child.unref()
    for (const stream of [child.stdin, child.stdout, child.stderr]) {
      ;(stream as unknown as { unref?: () => void }).unref?.()
    }
    this.child = child
    return child
  }

  private async more(): Promise<void> {
    if (this.failure !== undefined && this.child === undefined) {
      throw this.failure
    }
    await new Promise<void>(resolve => (this.waiting = resolve))
  }

  private wake(): void {
    const waiting = this.waiting
    this.waiting = undefined
    waiting?.()
  }
}

export interface CatFileAnswer {
  readonly type: string
  readonly content: Buffer
}

/** Reads objects by object name (a sha; refs are read by a fresh process). */
export class GitBatch {
  private readonly catFile: BatchProcess
  private readonly mktree: BatchProcess

  constructor(env: () => Env) {
    this.catFile = new BatchProcess(['cat-file', '--batch'], env)
    this.mktree = new BatchProcess(['mktree', '--batch', '-z'], env)
  }

  async read(sha: string): Promise<CatFileAnswer | undefined> {
    const p = this.catFile
    return p.request(`${sha}\n`, async () => {
      const header = await p.line()
      if (header.endsWith(' missing')) return undefined
      const [, type = '', size = '0'] = header.split(' ')
      const content = await p.bytes(Number(size))
      await p.bytes(1) // the "\n" after the content
      return { type, content }
    })
  }

  /** One tree from NUL-terminated mktree entries; returns its sha. */
  async writeTree(entries: string): Promise<string> {
    const p = this.mktree
    // In batch mode an empty entry ends a tree.
    return p.request(`${entries}\0`, async () => (await p.line()).trim())
  }

  stop(): void {
    this.catFile.stop()
    this.mktree.stop()
  }
}
