import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildStory } from '../../src/pipeline/story.js';
import { reportToJson } from '../../src/report/json.js';
import { checkReportSpans } from '../../src/report/validate.js';
import { repoRoot } from '../helpers.js';

const root = repoRoot();
const golden = join(root, 'test', 'fixtures', 'golden', 'seed-story.report.json');

/** Paths where two JSON values differ, readable ("quotes[3].speaker: "a Kremlin spokesman" → null"). */
export function jsonDiff(a: unknown, b: unknown, path = '$', out: string[] = [], limit = 40): string[] {
  if (out.length >= limit) return out;
  if (Object.is(a, b)) return out;
  const show = (v: unknown) => (v === undefined ? 'undefined' : JSON.stringify(v)?.slice(0, 100));
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    out.push(`${path}: ${show(a)} → ${show(b)}`);
    return out;
  }
  if (Array.isArray(a) !== Array.isArray(b)) {
    out.push(`${path}: array/object mismatch`);
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) out.push(`${path}.length: ${a.length} → ${b.length}`);
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
  for (const k of keys) jsonDiff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], Array.isArray(a) ? `${path}[${k}]` : `${path}.${k}`, out, limit);
  return out;
}

async function exampleReport() {
  const prev = process.cwd();
  process.chdir(root);
  try {
    return await buildStory(['examples/seed-story']);
  } finally {
    process.chdir(prev);
  }
}

test('golden: the example story report matches the committed JSON', async () => {
  const report = await exampleReport();
  const json = reportToJson(report);
  if (process.env.UPDATE_GOLDEN || !existsSync(golden)) {
    mkdirSync(dirname(golden), { recursive: true });
    writeFileSync(golden, json + '\n');
    if (!process.env.UPDATE_GOLDEN) assert.fail(`golden file was missing; wrote ${golden} — review and commit it`);
    return;
  }
  const expected = JSON.parse(readFileSync(golden, 'utf8'));
  const diff = jsonDiff(expected, JSON.parse(json));
  assert.ok(diff.length === 0, `report differs from ${golden} (UPDATE_GOLDEN=1 npm test to accept):\n  ${diff.join('\n  ')}`);
});

test('the example report is deterministic and every span points at its text', async () => {
  const a = reportToJson(await exampleReport());
  const b = reportToJson(await exampleReport());
  assert.equal(a, b);
  assert.deepEqual(checkReportSpans(JSON.parse(a)), []);
});
