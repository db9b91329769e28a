#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { packageRoot } from '../util/paths.js';
import { UsageError } from './args.js';

const USAGE = `retold — how a news story changes as it is retold from outlet to outlet

Usage:
  retold story <inputs...> [--out report.html] [--json] [--as-is]
  retold annotate <inputs...> --jsonl [--as-is] [--jobs N]
  retold extract <inputs...> [--format json|jsonl|text] [--jobs N]
  retold --version

Run "retold <command> --help" for a command's options.
`;

// A run compiles hundreds of large regular expressions (lexicons, multilingual date patterns), most used a few
// times. V8 compiles a regexp to bytecode first and again to machine code from its second use on ("tier-up"),
// which nearly doubled that cost: the example story took 1.4 s instead of 1.05 s. Every regexp of a long run
// ends up as machine code either way. Set before the commands (and every regexp they hold) are imported.
setFlagsFromString('--no-regexp-tier-up');

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  story: async () => (await import('./story.js')).runStory,
  annotate: async () => (await import('./annotate.js')).runAnnotate,
  extract: async () => (await import('./extract.js')).runExtract,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
    process.stdout.write(`retold ${pkg.version}\n`);
    return 0;
  }
  const load = COMMANDS[command];
  if (!load) throw new UsageError(`unknown command "${command}" (try: ${Object.keys(COMMANDS).join(', ')})`);
  return (await load())(rest);
}

// A reader that stops early ("retold annotate dir --jsonl | head") closes the pipe: stop quietly, as a
// Unix filter does, instead of failing on the next write. Any other output error is reported.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  process.stderr.write(`retold: cannot write the output: ${e.message}\n`);
  process.exit(74);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(`retold: ${e.message}\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    const err = e instanceof Error ? e : new Error(String(e));
    process.stderr.write(`retold: internal error: ${err.message}\n`);
    if (process.env.RETOLD_DEBUG) process.stderr.write(`${err.stack}\n`);
    else process.stderr.write('(set RETOLD_DEBUG=1 to see the stack; please report it)\n');
    process.exitCode = 70;
  },
);
