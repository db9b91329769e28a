import { analyzeInputs } from '../pipeline/articles.js';
import { parse, parseSize, printErrors, UsageError } from './args.js';

export const ANNOTATE_USAGE = `Usage: retold annotate <inputs...> --jsonl [--as-is] [--max-size 32MB]

Annotate each article on its own: sentences, quotes, speakers, citations,
attribution relations, numbers and hedges. Writes one JSON line per input, in
input order, as it goes: {source, article, quotes, speakers, citations,
attributions, numbers, hedges, sentences} or {source, error}.

  --jsonl         one JSON object per line (the only format for now)
  --as-is         take plain text verbatim, so spans are offsets into the file
  --max-size N    largest input accepted (default 32MB)
`;

export async function runAnnotate(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    jsonl: { type: 'boolean' },
    'as-is': { type: 'boolean' },
    'max-size': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(ANNOTATE_USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('annotate: give at least one input (file, directory or -)');
  if (!values.jsonl) throw new UsageError('annotate: --jsonl is required (one JSON line per input)');
  let failed = 0;
  for await (const result of analyzeInputs(positionals, {
    asIs: values['as-is'],
    maxBytes: values['max-size'] ? parseSize(values['max-size']) : undefined,
  })) {
    let line: string;
    if (result.error) {
      failed++;
      printErrors([result.error]);
      line = JSON.stringify({ source: result.source, error: result.error });
    } else {
      const { articleId: _id, ...ann } = result.annotations;
      line = JSON.stringify({ source: result.source, article: result.article, ...ann });
    }
    if (!process.stdout.write(line + '\n')) await new Promise((r) => process.stdout.once('drain', r));
  }
  return failed > 0 ? 1 : 0;
}
