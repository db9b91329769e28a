import type { ATok } from './tokens.js';

export interface KindSpan {
  kind: string;
  start: number;
  end: number;
}

/**
 * BIO tags for one paragraph from gold spans. Spans are taken in the given order (priority);
 * a span overlapping tokens already tagged is skipped (the taggers cannot represent nesting).
 * `kinds` maps span kind → tag suffix (e.g. source → S).
 */
export function spansToTags(toks: ATok[], spans: KindSpan[], tags: string[], kinds: Record<string, string>): Uint8Array {
  const out = new Uint8Array(toks.length);
  if (toks.length === 0) return out;
  const pStart = toks[0].start;
  const pEnd = toks[toks.length - 1].end;
  const taken = new Uint8Array(toks.length);
  for (const s of spans) {
    const suffix = kinds[s.kind];
    if (!suffix || s.end <= pStart || s.start >= pEnd) continue;
    let a = -1;
    let b = -1;
    for (let i = 0; i < toks.length; i++) {
      if (toks[i].start < s.end && toks[i].end > s.start) {
        if (a < 0) a = i;
        b = i;
      }
    }
    if (a < 0) continue;
    let free = true;
    for (let i = a; i <= b; i++) if (taken[i]) free = false;
    if (!free) continue;
    const B = tags.indexOf('B-' + suffix);
    const I = tags.indexOf('I-' + suffix);
    for (let i = a; i <= b; i++) {
      taken[i] = 1;
      out[i] = i === a ? B : I;
    }
  }
  return out;
}

/** Spans `[start, end)` (text offsets) of the tag sequence, with the tag suffix as kind. */
export function tagsToSpans(toks: ATok[], seq: Uint8Array, tags: string[]): KindSpan[] {
  const out: KindSpan[] = [];
  let cur: KindSpan | null = null;
  for (let i = 0; i < toks.length; i++) {
    const tag = tags[seq[i]];
    if (tag.startsWith('B-') || (tag.startsWith('I-') && (!cur || cur.kind !== tag.slice(2)))) {
      if (cur) out.push(cur);
      cur = { kind: tag.slice(2), start: toks[i].start, end: toks[i].end };
    } else if (tag.startsWith('I-') && cur) {
      cur.end = toks[i].end;
    } else {
      if (cur) out.push(cur);
      cur = null;
    }
  }
  if (cur) out.push(cur);
  return out;
}
