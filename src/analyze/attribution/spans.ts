import type { ATok } from './tokens.js';

export interface KindSpan {
  kind: string;
  start: number;
  end: number;
}

/**
 * BIO(E) tags for one paragraph from gold spans: when `tags` has `E-x`, the last token of a span of
 * two or more tokens takes it (an end tag lets the tagger learn what ends a span, not only what follows one). Spans are taken in the given order (priority);
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
    const E = tags.indexOf('E-' + suffix);
    for (let i = a; i <= b; i++) {
      taken[i] = 1;
      out[i] = i === a ? B : i === b && E >= 0 ? E : I;
    }
  }
  return out;
}

/** Spans `[start, end)` (text offsets) of the tag sequence, with the tag suffix as kind. `E-x` closes a span. */
export function tagsToSpans(toks: ATok[], seq: Uint8Array, tags: string[]): KindSpan[] {
  const out: KindSpan[] = [];
  let cur: KindSpan | null = null;
  for (let i = 0; i < toks.length; i++) {
    const tag = tags[seq[i]];
    const inside = tag.startsWith('I-') || tag.startsWith('E-');
    if (tag.startsWith('B-') || (inside && (!cur || cur.kind !== tag.slice(2)))) {
      if (cur) out.push(cur);
      cur = { kind: tag.slice(2), start: toks[i].start, end: toks[i].end };
    } else if (inside && cur) {
      cur.end = toks[i].end;
    } else {
      if (cur) out.push(cur);
      cur = null;
    }
    if (tag.startsWith('E-') && cur) {
      out.push(cur);
      cur = null;
    }
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * Per token of a tag sequence: 0 outside, 1 first token of a span, 2 inside (`I-` or `E-`): the
 * tag-set independent reading the stacked features use.
 */
export function bioOf(seq: Uint8Array, tags: string[]): Uint8Array {
  const code = tags.map((t) => (t.startsWith('B-') ? 1 : t.startsWith('I-') || t.startsWith('E-') ? 2 : 0));
  const out = new Uint8Array(seq.length);
  for (let i = 0; i < seq.length; i++) out[i] = code[seq[i]];
  return out;
}
