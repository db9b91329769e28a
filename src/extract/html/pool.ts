import { availableParallelism } from 'node:os';
import type { RawDocument } from '../../model.js';
import { workerModule, WorkerPool } from '../../util/worker-pool.js';
import type { ExtractResult } from './result.js';

/** A job of the extraction workers (worker.ts). */
export interface ExtractJob {
  source: string;
  raw: RawDocument;
  timeoutMs: number;
}

/**
 * A pool of extraction workers. `run` resolves with the result for one document; a worker that
 * exceeds the hard time limit (twice the cooperative one, for code paths that cannot check the clock)
 * is terminated and replaced, and the document gets a TIMEOUT error.
 */
export class ExtractPool {
  private readonly pool: WorkerPool<ExtractJob, ExtractResult>;

  constructor(readonly size: number = availableParallelism(), readonly timeoutMs = 10_000) {
    this.pool = new WorkerPool<ExtractJob, ExtractResult>({
      url: workerModule(import.meta.url, 'worker'),
      size,
      hardLimitMs: timeoutMs * 2 + 1000,
      failed: (source, code, message) =>
        code === 'TIMEOUT' ? { source, error: { code, message, stage: 'extract' } } : { source, error: { code: 'EXTRACT_FAILED', message, stage: 'extract' } },
    });
  }

  run(raw: RawDocument): Promise<ExtractResult> {
    return this.pool.run({ source: raw.source, raw, timeoutMs: this.timeoutMs });
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
