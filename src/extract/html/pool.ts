import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RawDocument } from '../../model.js';
import { errorResult, type ExtractResult } from './result.js';

interface Slot { worker: Worker; busy: { id: number; source: string; timer: NodeJS.Timeout; resolve: (r: ExtractResult) => void } | null }

/** Start a worker; when running from TypeScript sources (tsx), register tsx inside the worker first. */
function startWorker(): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const target = new URL('./worker.ts', here).href;
    const code = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(target)}); })`;
    return new Worker(code, { eval: true });
  }
  return new Worker(new URL('./worker.js', here));
}

/**
 * A pool of extraction workers. `run` resolves with the result for one
 * document; a worker that exceeds the hard time limit is terminated and
 * replaced, and the document gets a TIMEOUT error.
 */
export class ExtractPool {
  private slots: Slot[] = [];
  private waiting: Array<() => void> = [];
  private nextId = 0;

  constructor(readonly size: number = availableParallelism(), readonly timeoutMs = 10_000) {
    for (let i = 0; i < Math.max(1, size); i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = startWorker();
    const slot: Slot = { worker, busy: null };
    worker.on('message', (msg: { id: number; result: ExtractResult }) => {
      const b = slot.busy;
      if (!b || b.id !== msg.id) return;
      clearTimeout(b.timer);
      slot.busy = null;
      b.resolve(msg.result);
      this.waiting.shift()?.();
    });
    worker.on('error', (e) => this.fail(slot, 'EXTRACT_FAILED', `worker crashed: ${e.message}`));
    worker.on('exit', () => { if (slot.busy) this.fail(slot, 'EXTRACT_FAILED', 'worker exited'); });
    worker.unref();
    return slot;
  }

  private fail(slot: Slot, code: string, message: string): void {
    const b = slot.busy;
    if (!b) return;
    clearTimeout(b.timer);
    slot.busy = null;
    b.resolve({ source: b.source, error: { code, message, stage: 'extract' } });
    const i = this.slots.indexOf(slot);
    void slot.worker.terminate();
    if (i >= 0) this.slots[i] = this.spawn();
    this.waiting.shift()?.();
  }

  async run(raw: RawDocument): Promise<ExtractResult> {
    let slot = this.slots.find((s) => !s.busy);
    while (!slot) {
      await new Promise<void>((r) => this.waiting.push(r));
      slot = this.slots.find((s) => !s.busy);
    }
    const id = this.nextId++;
    return new Promise<ExtractResult>((resolve) => {
      const s = slot!;
      // Hard limit: twice the cooperative limit, for code paths that cannot check the clock.
      const timer = setTimeout(() => this.fail(s, 'TIMEOUT', `gave up after ${this.timeoutMs * 2} ms`), this.timeoutMs * 2 + 1000);
      s.busy = { id, source: raw.source, timer, resolve };
      try {
        s.worker.postMessage({ id, raw, timeoutMs: this.timeoutMs });
      } catch (e) {
        clearTimeout(timer);
        s.busy = null;
        resolve(errorResult(raw.source, e));
      }
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
