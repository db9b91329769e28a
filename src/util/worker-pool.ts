import { Worker } from 'node:worker_threads';

/**
 * The worker module `name` (without extension) next to the module at `callerUrl` (its `import.meta.url`):
 * `name.js` when built, `name.ts` when running from TypeScript sources (tsx).
 */
export function workerModule(callerUrl: string, name: string): URL {
  return new URL(`./${name}${callerUrl.endsWith('.ts') ? '.ts' : '.js'}`, callerUrl);
}

/** Start the worker at `url`; a `.ts` module (tsx) registers tsx inside the worker first. */
export function startWorker(url: URL): Worker {
  if (url.href.endsWith('.ts')) {
    const code = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
    return new Worker(code, { eval: true });
  }
  return new Worker(url);
}

/** What a pool's worker is sent: an id it echoes back, and the job. */
export interface PoolMessage<J> {
  id: number;
  job: J;
}

/** What a pool's worker answers. */
export interface PoolReply<R> {
  id: number;
  result: R;
}

export interface PoolOptions<R> {
  /** The worker module (see `workerModule`). */
  url: URL;
  size: number;
  /** Hard limit per job: past it the worker is terminated and replaced, and the job gets `failed(…, 'TIMEOUT', …)`. */
  hardLimitMs: number;
  /** The result standing for a job that did not finish (timeout, crash, message that could not be sent). */
  failed: (source: string, code: 'TIMEOUT' | 'WORKER_FAILED', message: string) => R;
}

interface Slot<R> {
  worker: Worker;
  busy: { id: number; source: string; timer: NodeJS.Timeout; resolve: (r: R) => void } | null;
}

/**
 * A fixed pool of worker threads running one job at a time each. `run` resolves with the job's result,
 * never rejects: a worker that crashes, exits or passes the hard time limit is terminated and replaced,
 * and its job resolves with `failed(source, code, message)`, so one bad input costs only itself.
 */
export class WorkerPool<J extends { source: string }, R> {
  private slots: Slot<R>[] = [];
  private waiting: Array<() => void> = [];
  private nextId = 0;

  constructor(private readonly opts: PoolOptions<R>) {
    for (let i = 0; i < Math.max(1, opts.size); i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot<R> {
    const worker = startWorker(this.opts.url);
    const slot: Slot<R> = { worker, busy: null };
    worker.on('message', (msg: PoolReply<R>) => {
      const b = slot.busy;
      if (!b || b.id !== msg.id) return;
      clearTimeout(b.timer);
      slot.busy = null;
      b.resolve(msg.result);
      this.waiting.shift()?.();
    });
    worker.on('error', (e) => this.fail(slot, 'WORKER_FAILED', `worker crashed: ${e.message}`));
    worker.on('exit', () => {
      if (slot.busy) this.fail(slot, 'WORKER_FAILED', 'worker exited');
    });
    worker.unref();
    return slot;
  }

  private fail(slot: Slot<R>, code: 'TIMEOUT' | 'WORKER_FAILED', message: string): void {
    const b = slot.busy;
    if (!b) return;
    clearTimeout(b.timer);
    slot.busy = null;
    b.resolve(this.opts.failed(b.source, code, message));
    const i = this.slots.indexOf(slot);
    void slot.worker.terminate();
    if (i >= 0) this.slots[i] = this.spawn();
    this.waiting.shift()?.();
  }

  async run(job: J): Promise<R> {
    let slot = this.slots.find((s) => !s.busy);
    while (!slot) {
      await new Promise<void>((r) => this.waiting.push(r));
      slot = this.slots.find((s) => !s.busy);
    }
    const id = this.nextId++;
    return new Promise<R>((resolve) => {
      const s = slot!;
      const timer = setTimeout(() => this.fail(s, 'TIMEOUT', `gave up after ${this.opts.hardLimitMs} ms`), this.opts.hardLimitMs);
      s.busy = { id, source: job.source, timer, resolve };
      try {
        s.worker.postMessage({ id, job } satisfies PoolMessage<J>);
      } catch (e) {
        clearTimeout(timer);
        s.busy = null;
        resolve(this.opts.failed(job.source, 'WORKER_FAILED', `could not send the input to a worker: ${(e as Error).message}`));
        this.waiting.shift()?.();
      }
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

/**
 * The results of `start` on each of `items`, in the order of `items`, with at most `window` started and not
 * yet taken (streaming, bounded memory). `start` should not reject (a pool's `run` never does).
 */
export async function* ordered<T, R>(items: AsyncIterable<T>, window: number, start: (item: T) => Promise<R>): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  for await (const item of items) {
    pending.push(start(item));
    while (pending.length >= window) yield await pending.shift()!;
  }
  while (pending.length) yield await pending.shift()!;
}
