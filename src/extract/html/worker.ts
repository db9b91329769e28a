/** worker_threads entry: RawDocument in, ExtractResult out (used by `retold extract --jobs`, see pool.ts). */
import { parentPort } from 'node:worker_threads';
import type { PoolMessage, PoolReply } from '../../util/worker-pool.js';
import { extractArticle } from '../index.js';
import type { ExtractJob } from './pool.js';
import { articleResult, errorResult, type ExtractResult } from './result.js';

parentPort?.on('message', ({ id, job }: PoolMessage<ExtractJob>) => {
  let result: ExtractResult;
  try {
    result = articleResult(extractArticle(job.raw, { timeoutMs: job.timeoutMs }));
  } catch (e) {
    result = errorResult(job.raw.source, e);
  }
  parentPort!.postMessage({ id, result } satisfies PoolReply<ExtractResult>);
});
