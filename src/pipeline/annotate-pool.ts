import type { RawDocument } from '../model.js';
import { WorkerPool } from '../util/worker-pool.js';
import type { AnnotatedLine } from './annotate-line.js';
import type { ArticleOptions } from './articles.js';

/** A job of the annotation workers. */
export interface AnnotateJob {
  source: string;
  raw: RawDocument;
  opts: Pick<ArticleOptions, 'asIs' | 'timeoutMs'>;
}

/** Per document, the longest a worker may take to extract and analyse it before it is replaced (TIMEOUT). */
export const ANNOTATE_HARD_LIMIT_MS = 120_000;

/**
 * Worker threads that extract and annotate documents (`retold annotate --jobs N`); each loads its own
 * wink and attribution models (about half a second). The lines are those the single-threaded path
 * writes: every worker tokenises each text as a fresh wink instance would, so which worker reads a
 * document does not change its annotations.
 */
export class AnnotatePool {
  private readonly pool: WorkerPool<AnnotateJob, AnnotatedLine>;

  constructor(size: number, hardLimitMs = ANNOTATE_HARD_LIMIT_MS) {
    this.pool = new WorkerPool<AnnotateJob, AnnotatedLine>({
      url: new URL(import.meta.url.endsWith('.ts') ? './annotate-worker.ts' : './annotate-worker.js', import.meta.url),
      size,
      hardLimitMs,
      failed: (source, code, message) => {
        const error = { source, stage: 'analyze' as const, code, message };
        return { source, line: JSON.stringify({ source, error }), error };
      },
    });
  }

  run(raw: RawDocument, opts: AnnotateJob['opts']): Promise<AnnotatedLine> {
    return this.pool.run({ source: raw.source, raw, opts });
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
