import { availableParallelism } from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** `util.parseArgs` with strict checking, turning its errors into one-line usage errors. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]);
  }
}

/** Parse a size like "50", "50MB", "1.5GB" into bytes (plain numbers are MB). */
export function parseSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb)?$/i.exec(value.trim());
  if (!m) throw new UsageError(`--max-size: cannot read "${value}" (e.g. 64MB)`);
  const unit = (m[2] ?? 'mb').toLowerCase()[0];
  const scale = unit === 'k' ? 1024 : unit === 'g' ? 1024 ** 3 : 1024 ** 2;
  return Math.round(parseFloat(m[1]) * scale);
}

/** `--jobs N`: a whole number of worker threads, 0 for one per core (absent: 1). */
export function parseJobs(value: string | undefined, command: string): number {
  const arg = value ?? '1';
  if (!/^\d+$/.test(arg)) throw new UsageError(`${command}: --jobs must be a whole number (got "${arg}")`);
  return Number(arg) === 0 ? availableParallelism() : Number(arg);
}

/** Print input errors to stderr, one line each: `retold: <input>: <message> [code]`. */
export function printErrors(errors: Array<{ source: string; message: string; code: string }>): void {
  for (const e of errors) process.stderr.write(`retold: ${e.source}: ${e.message} [${e.code}]\n`);
}
