/** worker_threads entry: RawDocument in, ExtractResult out (used by `retold extract --jobs`). */
import { parentPort } from 'node:worker_threads';
import type { RawDocument } from '../../model.js';
import { extractArticle } from '../index.js';
import { articleResult, errorResult, type ExtractResult } from './result.js';

interface Job { id: number; raw: RawDocument; timeoutMs: number }

parentPort?.on('message', (job: Job) => {
  let result: ExtractResult;
  try {
    result = articleResult(extractArticle(job.raw, { timeoutMs: job.timeoutMs }));
  } catch (e) {
    result = errorResult(job.raw.source, e);
  }
  parentPort!.postMessage({ id: job.id, result });
});
