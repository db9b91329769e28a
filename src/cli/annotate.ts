import { analyzeInputs } from '../pipeline/articles.js';
import { annotatedLine, type AnnotatedLine } from '../pipeline/annotate-line.js';
import { annotateInputsInParallel } from '../pipeline/annotate-pool.js';
import { parse, parseJobs, parseSize, printErrors, UsageError } from './args.js';
import { progress } from './progress.js';

export const ANNOTATE_USAGE = `Usage: retold annotate <inputs...> --jsonl [--as-is] [--jobs N] [--max-size 32MB]

Annotate each article on its own: sentences, quotes, speakers, citations,
attribution relations, numbers and hedges. Writes one JSON line per input, in
input order, as it goes: {source, article, quotes, speakers, citations,
attributions, numbers, hedges, sentences} or {source, error}.

  --jsonl         one JSON object per line (the only format for now)
  --as-is         take plain text verbatim, so spans are offsets into the file
  --jobs N        annotate on N worker threads (0 = one per core; default 1);
                  the same lines in the same order as with one
  --max-size N    largest input accepted (default 32MB)

Exit code: 0 when every input was annotated, 1 when some failed, 2 on usage errors.
`;

export async function runAnnotate(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    jsonl: { type: 'boolean' },
    'as-is': { type: 'boolean' },
    jobs: { type: 'string', short: 'j' },
    'max-size': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(ANNOTATE_USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('annotate: give at least one input (file, directory or -)');
  if (!values.jsonl) throw new UsageError('annotate: --jsonl is required (one JSON line per input)');
  const jobs = parseJobs(values.jobs, 'annotate');
  const opts = { asIs: values['as-is'], maxBytes: values['max-size'] ? parseSize(values['max-size']) : undefined };
  let failed = 0;
  let done = 0;
  // a counter on stderr when it is a terminal (cleared before an error line is printed)
  const bar = progress('annotating');
  const emit = async (r: AnnotatedLine): Promise<void> => {
    if (r.error) {
      failed++;
      bar.done();
      printErrors([r.error]);
    }
    bar.tick(++done);
    if (!process.stdout.write(r.line + '\n')) await new Promise((resolve) => process.stdout.once('drain', resolve));
  };
  if (jobs <= 1) {
    for await (const result of analyzeInputs(positionals, opts)) await emit(annotatedLine(result));
  } else {
    for await (const line of annotateInputsInParallel(positionals, opts, jobs)) await emit(line);
  }
  bar.done();
  return failed > 0 ? 1 : 0;
}
