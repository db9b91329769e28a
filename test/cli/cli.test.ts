import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers.js';

const root = repoRoot();
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const built = existsSync(cli);

function run(args: string[], input?: string) {
  return spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', input, maxBuffer: 1 << 28 });
}

test('retold --version and --help', { skip: !built && 'run npm run build first' }, () => {
  const v = run(['--version']);
  assert.equal(v.status, 0);
  assert.match(v.stdout, /^retold \d+\.\d+\.\d+/);
  const h = run(['--help']);
  assert.equal(h.status, 0);
  assert.match(h.stdout, /retold story/);
  const bad = run(['frobnicate']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown command "frobnicate"/);
  const badFlag = run(['story', '--nope', 'x']);
  assert.equal(badFlag.status, 2);
  assert.doesNotMatch(badFlag.stderr, /\n\s+at /, 'no stack trace');
});

test('retold story on the example writes HTML and prints an 80-column summary', { skip: !built && 'run npm run build first' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'retold-cli-'));
  const out = join(dir, 'r.html');
  const r = run(['story', 'examples/seed-story', '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  const html = readFileSync(out, 'utf8');
  assert.match(html, /^<!doctype html>/i);
  assert.match(html, /New York Post/);
  assert.doesNotMatch(html, /<(script|link|img)[^>]+(src|href)="https?:/i, 'no network resources');
  for (const line of r.stdout.split('\n')) assert.ok(line.length <= 80, `line over 80 columns: ${line}`);
  assert.match(r.stdout, /quote/i);
});

test('retold story run twice on a directory does not read its own report as an article (a named one is still read)', { skip: !built && 'run npm run build first' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'retold-cli-'));
  for (const f of ['nypost-putin-backchannel.txt', 'unn-putin-signal.txt']) writeFileSync(join(dir, f), readFileSync(join(root, 'examples', 'seed-story', f)));
  const out = join(dir, 'report.html');
  const articles = (r: ReturnType<typeof run>) => Number(/(\d+) articles/.exec(r.stdout)?.[1]);
  const first = run(['story', dir, '--out', out]);
  assert.equal(first.status, 0, first.stderr);
  assert.equal(articles(first), 2);
  const second = run(['story', dir, '--out', out]);
  assert.equal(second.status, 0, second.stderr);
  assert.equal(articles(second), 2, second.stdout);
  const named = run(['story', dir, out, '--out', join(dir, 'other.html')]);
  assert.equal(articles(named), 3, named.stdout);
  rmSync(dir, { recursive: true, force: true });
});

test('retold story --json is valid JSON with spans into the article text', { skip: !built && 'run npm run build first' }, () => {
  const r = run(['story', 'examples/seed-story', '--json']);
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.articles.length, 2);
  const byId = new Map(report.articles.map((a: { id: string; text: string }) => [a.id, a.text]));
  assert.ok(report.quotes.length >= 8);
  for (const q of report.quotes) assert.equal((byId.get(q.articleId) as string).slice(q.start, q.end), q.text);
});

test('retold story with bad inputs: names each, analyses the rest, exits non-zero, no stack trace', { skip: !built && 'run npm run build first' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'retold-cli-bad-'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'bin.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 7]));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from('The minister said: \x93We will not resign.\x94 Caf\xe9 owners agreed.\n', 'latin1'));
  const r = run(['story', join(dir, 'empty.txt'), join(dir, 'bin.txt'), join(dir, 'nope.txt'), join(dir, 'latin1.txt'), 'examples/seed-story/unn-putin-signal.txt', '--json']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /empty\.txt: .*\[EMPTY\]/);
  assert.match(r.stderr, /bin\.txt: .*\[BINARY\]/);
  assert.match(r.stderr, /nope\.txt: .*\[ENOENT\]/);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  const report = JSON.parse(r.stdout);
  assert.equal(report.articles.length, 2);
  assert.equal(report.errors.length, 3);
  const latin = report.articles.find((a: { source: string }) => a.source.endsWith('latin1.txt'));
  assert.match(latin.text, /“We will not resign\.” Café/);
});

test('retold story with no usable input exits 1 and writes nothing', { skip: !built && 'run npm run build first' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'retold-cli-none-'));
  const r = run(['story', dir, '--out', join(dir, 'r.html')]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /NO_INPUTS/);
  assert.equal(existsSync(join(dir, 'r.html')), false);
});

test('retold story reads stdin with -', { skip: !built && 'run npm run build first' }, () => {
  const text = readFileSync(join(root, 'examples/seed-story/unn-putin-signal.txt'), 'utf8');
  const r = run(['story', '-', '--json'], text);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).articles[0].source, '-');
});

test('retold annotate --jsonl --as-is: one line per input in order, spans are input offsets', { skip: !built && 'run npm run build first' }, () => {
  const files = ['examples/seed-story/unn-putin-signal.txt', 'missing.txt', 'examples/seed-story/nypost-putin-backchannel.txt'];
  const r = run(['annotate', ...files, '--jsonl', '--as-is']);
  assert.equal(r.status, 1);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.source), files);
  assert.equal(lines[1].error.code, 'ENOENT');
  for (const i of [0, 2]) {
    const input = readFileSync(join(root, files[i]), 'utf8');
    assert.equal(lines[i].article.text, input);
    assert.ok(lines[i].quotes.length > 0);
    for (const q of lines[i].quotes) assert.equal(input.slice(q.start, q.end), q.text);
    for (const a of lines[i].attributions) assert.equal(input.slice(a.content.start, a.content.end), a.content.text);
  }
});

test('retold annotate --jobs 2: the same lines in the same order as one thread, failures included', { skip: !built && 'run npm run build first' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'retold-annotate-jobs-'));
  try {
    // a failing input between the articles: one with no text at all, one that is not text
    writeFileSync(join(dir, 'blank.txt'), '   \n\n  ');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
    const files = [
      'examples/seed-story/unn-putin-signal.txt',
      join(dir, 'blank.txt'),
      'examples/seed-story/nypost-putin-backchannel.txt',
      join(dir, 'binary.txt'),
      'examples/seed-story/unn-putin-signal.txt',
      'missing.txt',
    ];
    const one = run(['annotate', ...files, '--jsonl', '--as-is']);
    const two = run(['annotate', ...files, '--jsonl', '--as-is', '--jobs', '2']);
    assert.equal(one.status, 1);
    assert.equal(two.status, 1);
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.stderr, one.stderr);
    const lines = two.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.source), files);
    assert.deepEqual(lines.map((l) => l.error?.code ?? 'ok'), ['ok', lines[1].error.code, 'ok', lines[3].error.code, 'ok', 'ENOENT']);
    assert.ok(lines[1].error && lines[3].error, 'the blank and the binary input are errors');
    assert.ok(lines[0].attributions.length > 0);
    const bad = run(['annotate', files[0], '--jsonl', '--jobs', 'two']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--jobs must be a whole number/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('retold annotate into a reader that stops early (| head): quiet exit 0, no EPIPE trace', { skip: !built && 'run npm run build first' }, async () => {
  const { spawn } = await import('node:child_process');
  for (const jobs of ['1', '2']) {
    const files = Array.from({ length: 40 }, () => 'examples/seed-story/nypost-putin-backchannel.txt');
    const child = spawn(process.execPath, [cli, 'annotate', ...files, '--jsonl', '--jobs', jobs], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // read the first chunk, then close the pipe as `head` does
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    assert.equal(code, 0, `--jobs ${jobs}: ${stderr}`);
    assert.doesNotMatch(stderr, /EPIPE|\n\s+at /, `--jobs ${jobs}`);
  }
});
