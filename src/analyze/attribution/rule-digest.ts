import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeArticle, ruleRelations } from '../index.js';
import { extractArticle } from '../../extract/index.js';
import { toRawDocument } from '../../ingest/index.js';
import type { Article, Attribution } from '../../model.js';
import type { TaggerPair } from './annotate.js';
import { ruleSpans, type RuleSpan } from './rule-codes.js';

/**
 * The content tagger reads the rule relations as features, so a model is only as current as the rules
 * it was trained with; and the edge rerankers learn from merged relations, so they are only as current as
 * the merge and the content cuts. Training writes two digests next to the model
 * (`attribution-rules.json`): of the rule spans of its texts, and of the relations the new tagger gives
 * on them, merged with the rules, without rerankers. The annotation bench recomputes both from the same
 * texts with the shipped tagger and says when either changed since (retrain then).
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

/**
 * The digest of the merged relations (without rerankers) a tagger gives on the named texts of a PolNeAR
 * split: source, cue and content spans and form, text after text.
 */
export function mergedDigest(dir: string, names: readonly string[], model: TaggerPair): string {
  const h = createHash('sha256');
  const span = (x: { start: number; end: number } | null): string => (x ? `${x.start}-${x.end}` : '-');
  for (const name of new Set(names)) {
    const rels: Attribution[] = analyzeArticle(plainArticle(join(dir, 'text', name + '.txt')), { model, edgeModels: null }).attributions;
    for (const r of rels) h.update(`${span(r.source)} ${span(r.cue)} ${span(r.content)} ${r.form};`);
    h.update('\n');
  }
  return h.digest('hex').slice(0, 16);
}

/**
 * What training writes beside the model: the digest of its texts' rule spans (`digest`), how many texts,
 * and the digest of the merged relations its tagger gives on them (`merged`; absent after `--rules-only`).
 */
export interface RulesRecord {
  digest: string;
  texts: number;
  merged?: string;
}

/** The record's path beside a model file. */
export const rulesRecordPath = (modelPath: string): string => join(modelPath, '..', 'attribution-rules.json');
