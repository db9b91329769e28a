/** worker_threads entry of `retold annotate --jobs` (see annotate-pool.ts): a raw document in, its JSON line out. */
import { parentPort } from 'node:worker_threads';
import type { PoolMessage, PoolReply } from '../util/worker-pool.js';
import { annotateDocument, type AnnotatedLine } from './annotate-line.js';
import type { AnnotateJob } from './annotate-pool.js';

parentPort?.on('message', ({ id, job }: PoolMessage<AnnotateJob>) => {
  // annotateDocument turns every failure of extraction or analysis into the input's error line; a
  // failure outside it (a bug) still answers, as an error naming the input
  annotateDocument(job.raw, job.opts).then(
    (result) => parentPort!.postMessage({ id, result } satisfies PoolReply<AnnotatedLine>),
    (e: unknown) => {
      const error = { source: job.source, stage: 'analyze' as const, code: 'INTERNAL', message: `internal error: ${(e as Error)?.message ?? String(e)}` };
      parentPort!.postMessage({ id, result: { source: job.source, line: JSON.stringify({ source: job.source, error }), error } } satisfies PoolReply<AnnotatedLine>);
    },
  );
});
