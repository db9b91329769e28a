import type { InputError, RawDocument } from '../model.js';
import { isInputError } from '../ingest/index.js';
import { ordered, workerModule, WorkerPool } from '../util/worker-pool.js';
import { annotatedLine, type AnnotatedLine } from './annotate-line.js';
import { readArticleInputs, type ArticleOptions } from './articles.js';

/** A job of the annotation workers. */
export interface AnnotateJob {
  source: string;
  raw: RawDocument;
  opts: Pick<ArticleOptions, 'asIs' | 'timeoutMs'>;
}

/** Per document, the longest a worker may take to extract and analyse it before it is replaced (TIMEOUT). */
export const ANNOTATE_HARD_LIMIT_MS = 120_000;

/**
 * Worker threads that extract and annotate documents into `retold annotate` lines; each loads its own wink
 * and attribution models (about half a second). The lines are the single-threaded path's: every worker
 * tokenises each text as a fresh wink instance would, so which worker reads a document does not change its
 * annotations.
 */
export class AnnotatePool {
  private readonly pool: WorkerPool<AnnotateJob, AnnotatedLine>;

  constructor(size: number, hardLimitMs = ANNOTATE_HARD_LIMIT_MS) {
    this.pool = new WorkerPool<AnnotateJob, AnnotatedLine>({
      url: workerModule(import.meta.url, 'annotate-worker'),
      size,
      hardLimitMs,
      failed: (source, code, message) => annotatedLine({ source, error: { source, stage: 'analyze', code, message } }),
    });
  }

  run(raw: RawDocument, opts: AnnotateJob['opts']): Promise<AnnotatedLine> {
    return this.pool.run({ source: raw.source, raw, opts });
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/**
 * `retold annotate`'s lines of `inputs`, made on `jobs` worker threads: the inputs are read here (in order,
 * streaming), extracted and annotated on the workers, and the lines come back in input order with at most
 * two documents per worker in flight.
 */
export async function* annotateInputsInParallel(inputs: string[], opts: ArticleOptions, jobs: number): AsyncGenerator<AnnotatedLine> {
  const pool = new AnnotatePool(jobs);
  const jobOpts = { asIs: opts.asIs, timeoutMs: opts.timeoutMs };
  const fromError = (error: InputError): AnnotatedLine => annotatedLine({ source: error.source, error });
  try {
    yield* ordered(readArticleInputs(inputs, opts), jobs * 2, async (item) => (isInputError(item) ? fromError(item) : pool.run(item, jobOpts)));
  } finally {
    await pool.close();
  }
}
