import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fixturePath, repoRoot } from '../helpers.js';

const compiled = !import.meta.url.endsWith('.ts');

function cli(args: string[], input?: string) {
  const root = repoRoot();
  const argv = compiled ? [join(root, 'dist', 'src', 'cli', 'main.js'), ...args] : ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), ...args];
  return spawnSync(process.execPath, argv, { cwd: root, input, encoding: 'utf8', timeout: 120_000 });
}

test('retold extract: jsonl over a directory with good and bad inputs, in input order', () => {
  const dir = mkdtempSync(join(tmpdir(), 'retold-extract-'));
  try {
    copyFileSync(fixturePath('extract-html', 'opengraph-wordpress', 'source.html'), join(dir, 'a-good.html'));
    writeFileSync(join(dir, 'b-gzipped.html.gz'), gzipSync(Buffer.from('<html><body><article><p>Gzipped page text that is long enough, with commas, to count as an article.</p></article></body></html>')));
    writeFileSync(join(dir, 'c-corrupt.html.gz'), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'd-empty.html'), '<html><body><nav><a href="/">Home</a></nav></body></html>');
    writeFileSync(join(dir, 'notes.txt'), 'ground truth or notes beside the pages: not a page');
    writeFileSync(join(dir, 'e-latin1.html'), Buffer.from('<html><body><article><p>Caf\xe9 cr\xe8me, dit le serveur, co\xfbte trois euros depuis janvier dernier.</p></article></body></html>', 'latin1'));
    const r = cli(['extract', dir, '--format', 'jsonl']);
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
    assert.deepEqual(lines.map((l) => l.source.split('/').pop()), ['a-good.html', 'b-gzipped.html.gz', 'c-corrupt.html.gz', 'd-empty.html', 'e-latin1.html']);
    assert.equal(lines[0].title, 'Council approves road budget');
    assert.equal(lines[0].byline, 'Maria Kowalski');
    assert.ok(lines[0].text.includes('\n\n'));
    assert.ok(lines[1].text.startsWith('Gzipped page text'));
    assert.equal(lines[2].error.code, 'GZIP');
    assert.equal(lines[3].error.code, 'NO_ARTICLE');
    assert.ok(lines[4].text.startsWith('Café crème'));
    assert.match(r.stderr, /c-corrupt\.html\.gz: .*\[GZIP\]/);
    assert.ok(!/\n\s+at /.test(r.stderr), 'no stack traces');

    // The worker pool gives the same results in the same order.
    const p = cli(['extract', dir, '--format', 'jsonl', '--jobs', '2']);
    assert.equal(p.stdout, r.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('retold extract: stdin, json and text formats, usage errors', () => {
  const html = '<html><head><title>Stdin story</title></head><body><article><p>Text read from standard input, long enough, with commas, to be an article.</p></article></body></html>';
  const j = cli(['extract', '-'], html);
  assert.equal(j.status, 0, j.stderr);
  const arr = JSON.parse(j.stdout) as Array<Record<string, unknown>>;
  assert.equal(arr.length, 1);
  assert.equal(arr[0].title, 'Stdin story');
  const t = cli(['extract', '-', '--format', 'text'], html);
  assert.match(t.stdout, /# Stdin story/);
  const bad = cli(['extract', '-', '--format', 'xml'], html);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--format/);
});
