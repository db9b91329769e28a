import type { Paragraph } from './tokens.js';
import { tokenAt } from '../quotes/tokens.js';

/** A span of a rule relation, as the tagger's rule features read it. */
export interface RuleSpan {
  kind: 'source' | 'cue' | 'content';
  start: number;
  end: number;
  /** The relation's form ('direct', 'indirect', 'mixed', 'according-to', …). */
  form: string;
}

const KIND = { content: 1, source: 2, cue: 3 } as const;
const FORM: Record<string, number> = { direct: 1, indirect: 2, mixed: 3, 'according-to': 4 };

/** The spans of rule relations (quote, indirect-speech and headline rules) that the rule features read. */
export function ruleSpans(rels: readonly { source: { start: number; end: number } | null; cue: { start: number; end: number }; content: { start: number; end: number }; form: string }[]): RuleSpan[] {
  const out: RuleSpan[] = [];
  for (const r of rels) {
    out.push({ kind: 'content', start: r.content.start, end: r.content.end, form: r.form });
    if (r.source) out.push({ kind: 'source', start: r.source.start, end: r.source.end, form: r.form });
    out.push({ kind: 'cue', start: r.cue.start, end: r.cue.end, form: r.form });
  }
  return out;
}

/**
 * Per token of each paragraph, what the rules said of it: `kind * 2 + begins | form << 3` (kind 0 none,
 * 1 content, 2 source, 3 cue; `begins` when the token starts the span; form 0 unknown, 1 direct,
 * 2 indirect, 3 mixed, 4 according-to). Cues win over sources, sources over contents. The tagger reads
 * these as features (stacking the rules under the learned model); paragraphs keep them as `rules`.
 */
export function setRuleCodes(paras: Paragraph[], spans: readonly RuleSpan[]): void {
  const sorted = [...spans].sort((a, b) => KIND[a.kind] - KIND[b.kind] || a.start - b.start);
  for (const p of paras) {
    const toks = p.tokens;
    const codes = new Uint8Array(toks.length);
    if (toks.length > 0) {
      const lo = toks[0].start;
      const hi = toks[toks.length - 1].end;
      for (const s of sorted) {
        if (s.end <= lo || s.start >= hi) continue;
        let first = true;
        for (let i = tokenAt(toks, s.start); i < toks.length && toks[i].start < s.end; i++) {
          codes[i] = KIND[s.kind] * 2 + (first && toks[i].start >= s.start ? 1 : 0) + ((FORM[s.form] ?? 0) << 3);
          first = false;
        }
      }
    }
    p.rules = codes;
  }
}
