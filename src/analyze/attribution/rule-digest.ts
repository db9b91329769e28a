import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleRelations } from '../index.js';
import { extractArticle } from '../../extract/index.js';
import { toRawDocument } from '../../ingest/index.js';
import type { Article } from '../../model.js';
import { ruleSpans, type RuleSpan } from './rule-codes.js';

/**
 * The content tagger reads the rule relations as features, so a model is only as current as the rules
 * it was trained with. Training writes a digest of the rule spans of its texts next to the model
 * (`attribution-rules.json`); the annotation bench recomputes it from the same texts and says when the
 * rules changed since (retrain then).
 */

/** A PolNeAR text as `retold annotate --as-is` reads it (spans are offsets into the file). */
export function plainArticle(path: string): Article {
  const raw = toRawDocument(path, readFileSync(path), 'text/plain');
  if (!('content' in raw)) throw new Error(`${path}: ${raw.message}`);
  return extractArticle(raw, { asIs: true });
}

/** The rule spans of the named texts of a PolNeAR split (`<dir>/text/<name>.txt`), once per name, in the order given. */
export function ruleSpansOfTexts(dir: string, names: readonly string[]): Map<string, RuleSpan[]> {
  const out = new Map<string, RuleSpan[]>();
  for (const name of names) {
    if (!out.has(name)) out.set(name, ruleSpans(ruleRelations(plainArticle(join(dir, 'text', name + '.txt')))));
  }
  return out;
}

/** A digest of rule spans, text after text (16 hex digits of SHA-256). */
export function ruleDigest(perText: Iterable<readonly RuleSpan[]>): string {
  const h = createHash('sha256');
  for (const spans of perText) {
    for (const s of spans) h.update(`${s.kind} ${s.start} ${s.end} ${s.form};`);
    h.update('\n');
  }
  return h.digest('hex').slice(0, 16);
}

/** What training writes beside the model: the digest of its texts' rule spans and how many texts. */
export interface RulesRecord {
  digest: string;
  texts: number;
}

/** The record's path beside a model file. */
export const rulesRecordPath = (modelPath: string): string => join(modelPath, '..', 'attribution-rules.json');
