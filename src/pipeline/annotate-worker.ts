/** worker_threads entry of `retold annotate --jobs` (see annotate-pool.ts): a raw document in, its JSON line out. */
import { parentPort } from 'node:worker_threads';
import type { InputError } from '../model.js';
import type { PoolMessage, PoolReply } from '../util/worker-pool.js';
import { annotatedLine, type AnnotatedLine } from './annotate-line.js';
import type { AnnotateJob } from './annotate-pool.js';
import { processDocument } from './articles.js';

parentPort?.on('message', ({ id, job }: PoolMessage<AnnotateJob>) => {
  // processDocument turns every failure of extraction or analysis into the input's error; a failure
  // outside it (a bug) still answers, as an error naming the input
  processDocument(job.raw, job.opts).then(
    (result) => parentPort!.postMessage({ id, result: annotatedLine(result) } satisfies PoolReply<AnnotatedLine>),
    (e: unknown) => {
      const error: InputError = { source: job.source, stage: 'analyze', code: 'INTERNAL', message: `internal error: ${(e as Error)?.message ?? String(e)}` };
      parentPort!.postMessage({ id, result: annotatedLine({ source: job.source, error }) } satisfies PoolReply<AnnotatedLine>);
    },
  );
});
