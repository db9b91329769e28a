import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildStory } from '../pipeline/story.js';
import { reportToJson } from '../report/json.js';
import { renderHtml } from '../report/html/index.js';
import { renderTerminal } from '../report/terminal.js';
import { parse, parseSize, printErrors, UsageError } from './args.js';
import { progress } from './progress.js';

export const STORY_USAGE = `Usage: retold story <inputs...> [--out report.html] [--json] [--as-is] [--max-size 32MB]

Analyse the articles that retell one story and report how it changed from
outlet to outlet. Inputs: .txt/.html/.htm files (optionally .gz), directories
of them, or - for stdin.

  --out FILE      write the HTML report here (default report.html)
  --json          print the report as JSON on stdout instead of the summary
                  (the HTML is then written only when --out is given)
  --as-is         take plain text verbatim: no debris cleaning, so every span
                  is an offset into the input file itself
  --max-size N    largest input accepted (default 32MB)
  --no-color      plain terminal output
`;

export async function runStory(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: 'string', short: 'o' },
    json: { type: 'boolean' },
    'as-is': { type: 'boolean' },
    'max-size': { type: 'string' },
    'no-color': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(STORY_USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('story: give at least one input (file, directory or -)');
  const bar = progress('analysing');
  const htmlPath = values.out ?? (values.json ? null : 'report.html');
  const report = await buildStory(positionals, {
    // (the report of an earlier run in a directory being read is not an article)
    skipFiles: htmlPath ? [htmlPath] : [],
    asIs: values['as-is'],
    maxBytes: values['max-size'] ? parseSize(values['max-size']) : undefined,
    onProgress: (done) => bar.tick(done),
  });
  bar.done();
  printErrors(report.errors);
  if (report.articles.length === 0) {
    process.stderr.write('retold: no article could be analysed; no report written\n');
    return 1;
  }
  if (htmlPath) writeFileSync(htmlPath, renderHtml(report));
  if (values.json) process.stdout.write(reportToJson(report) + '\n');
  else {
    const color = !values['no-color'] && !!process.stdout.isTTY && !process.env.NO_COLOR;
    process.stdout.write(renderTerminal(report, { color, width: Math.min(process.stdout.columns || 80, 100) }));
    if (htmlPath) process.stdout.write(`\nHTML report: ${resolve(htmlPath)}\n`);
  }
  return report.errors.length > 0 ? 1 : 0;
}
