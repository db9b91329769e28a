import { readInputs, isInputError } from '../ingest/index.js';
import { extractArticle } from '../extract/index.js';
import { sniffHtmlCharset } from '../extract/html-charset.js';
import { DEFAULT_TIMEOUT_MS } from '../extract/html/index.js';
import { ExtractPool } from '../extract/html/pool.js';
import { ordered } from '../util/worker-pool.js';
import { articleResult, errorResult, type ExtractResult } from '../extract/html/result.js';
import { parse, parseJobs, parseSize, UsageError } from './args.js';

export const EXTRACT_USAGE = `Usage: retold extract <inputs...> [--format json|jsonl|text] [--jobs N] [--timeout MS] [--max-size 32MB]

Extract the article from saved web pages (.html, .htm, .html.gz, directories of
them, - for stdin; a .txt file named explicitly is cleaned as plain text). Each result has source,
title, text (paragraphs separated by a blank line; captions are listed apart),
byline, publishedAt, modifiedAt (ISO 8601), url (canonical, tracking removed),
outlet, language, description, image, captions [{text, credit}], section —
or an error {code, message} saying why nothing could be extracted.

  --format F      json (one array, default), jsonl (one line per input, streamed
                  in input order with constant memory), text (readable)
  --jobs N        extract on N worker threads (0 = all cores; default 1)
  --timeout MS    time limit per page (default ${DEFAULT_TIMEOUT_MS})
  --max-size N    largest input accepted (default 32MB)

Exit code: 0 when every input gave an article, 1 when some failed, 2 on usage errors.
`;

type Format = 'json' | 'jsonl' | 'text';

export async function runExtract(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: 'string', short: 'f' },
    jobs: { type: 'string', short: 'j' },
    timeout: { type: 'string' },
    'max-size': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(EXTRACT_USAGE);
    return 0;
  }
  const format = (values.format ?? 'json') as Format;
  if (!['json', 'jsonl', 'text'].includes(format)) throw new UsageError(`extract: --format must be json, jsonl or text (got "${values.format}")`);
  if (positionals.length === 0) throw new UsageError('extract: give at least one input (file, directory or -)');
  const jobs = parseJobs(values.jobs, 'extract');
  const timeoutArg = values.timeout ?? String(DEFAULT_TIMEOUT_MS);
  if (!/^\d+$/.test(timeoutArg) || Number(timeoutArg) <= 0) throw new UsageError(`extract: --timeout must be a positive number of ms (got "${timeoutArg}")`);
  const timeoutMs = Number(timeoutArg);
  const maxBytes = values['max-size'] ? parseSize(values['max-size']) : undefined;

  const out = new Output(format);
  let failed = 0;
  const emit = async (r: ExtractResult) => {
    if (r.error) {
      failed++;
      process.stderr.write(`retold: ${r.source}: ${r.error.message} [${r.error.code}]\n`);
    }
    await out.write(r);
  };

  // a directory contributes its web pages only (a .txt beside them is usually notes or a ground truth); a .txt named
  // explicitly is still cleaned as plain text
  const inputs = readInputs(positionals, { maxBytes, sniffCharset: sniffHtmlCharset, extensions: ['.html', '.htm', '.xhtml'] });
  if (jobs <= 1) {
    for await (const item of inputs) {
      if (isInputError(item)) { await emit(errorResult(item.source, item)); continue; }
      let r: ExtractResult;
      try { r = articleResult(extractArticle(item, { timeoutMs })); } catch (e) { r = errorResult(item.source, e); }
      await emit(r);
    }
  } else {
    const pool = new ExtractPool(jobs, timeoutMs);
    // results in input order, with a bounded window of documents in flight
    try {
      for await (const r of ordered(inputs, jobs * 2, async (item) => (isInputError(item) ? errorResult(item.source, item) : pool.run(item)))) await emit(r);
    } finally {
      await pool.close();
    }
  }
  await out.end();
  return failed ? 1 : 0;
}

class Output {
  private first = true;
  constructor(readonly format: Format) {}

  async write(r: ExtractResult): Promise<void> {
    let s: string;
    if (this.format === 'jsonl') s = JSON.stringify(r) + '\n';
    else if (this.format === 'json') { s = (this.first ? '[\n' : ',\n') + JSON.stringify(r); }
    else s = textOf(r, this.first);
    this.first = false;
    await writeOut(s);
  }

  async end(): Promise<void> {
    if (this.format === 'json') await writeOut(this.first ? '[]\n' : '\n]\n');
  }
}

function textOf(r: ExtractResult, first: boolean): string {
  const lines: string[] = [];
  if (!first) lines.push('', '');
  lines.push(`=== ${r.source}`);
  if (r.error) { lines.push(`error: ${r.error.message} [${r.error.code}]`); return lines.join('\n') + '\n'; }
  if (r.title) lines.push(`# ${r.title}`);
  const meta = [r.outlet, r.byline && `by ${r.byline}`, r.publishedAt, r.url].filter(Boolean);
  if (meta.length) lines.push(meta.join(' · '));
  lines.push('', r.text ?? '');
  for (const c of r.captions ?? []) lines.push('', `[caption] ${c.text}${c.credit ? ` (credit: ${c.credit})` : ''}`);
  return lines.join('\n') + '\n';
}

/** Write to stdout honouring back-pressure (so jsonl over huge batches stays in constant memory). */
function writeOut(s: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = process.stdout.write(s, (e) => { if (e) reject(e); });
    if (ok) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}
