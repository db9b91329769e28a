import type { TaggedSpan } from './annotate.js';

export interface LinkedRelation {
  source: TaggedSpan | null;
  cue: TaggedSpan;
  content: TaggedSpan;
}

function gap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

/**
 * Link tagged spans into relations. Each content goes to the nearest cue in its paragraph (by character
 * gap; ties prefer the cue before the content); a content in a paragraph without a cue continues the
 * last cue of the previous two paragraphs (multi-paragraph quotes). Each cue takes the nearest source
 * in its sentence that lies outside the content, else the nearest within its paragraph and 80
 * characters, else none. Cues without content are dropped. `mergeGap` ≥ 0 first joins split contents
 * (off by default: it did not help on PolNeAR dev).
 */
export function linkSpans(input: TaggedSpan[], mergeGap = -1): LinkedRelation[] {
  const spans = mergeGap >= 0 ? mergeContents(input, mergeGap) : input;
  const cues = spans.filter((s) => s.kind === 'C').sort((a, b) => a.start - b.start);
  const sources = spans.filter((s) => s.kind === 'S');
  const contents = spans.filter((s) => s.kind === 'T').sort((a, b) => a.start - b.start);
  const out: LinkedRelation[] = [];
  for (const content of contents) {
    let best: TaggedSpan | null = null;
    let bestCost = Infinity;
    for (const cue of cues) {
      if (cue.paragraph !== content.paragraph) continue;
      const cost = gap(cue, content) + (cue.start > content.end ? 0.5 : 0);
      if (cost < bestCost) {
        bestCost = cost;
        best = cue;
      }
    }
    if (!best) {
      for (let i = cues.length - 1; i >= 0; i--) {
        const c = cues[i];
        if (c.paragraph < content.paragraph && content.paragraph - c.paragraph <= 2) {
          best = c;
          break;
        }
      }
    }
    if (!best) continue;
    out.push({ source: pickSource(best, content, sources), cue: best, content });
  }
  return out;
}

function pickSource(cue: TaggedSpan, content: TaggedSpan, sources: TaggedSpan[]): TaggedSpan | null {
  let best: TaggedSpan | null = null;
  let bestCost = Infinity;
  for (const s of sources) {
    if (s.paragraph !== cue.paragraph) continue;
    if (s.start >= content.start && s.end <= content.end && !(cue.start >= content.start && cue.end <= content.end)) continue;
    const d = gap(s, cue);
    const cost = s.sent === cue.sent ? d : d <= 80 ? d + 1000 : Infinity;
    if (cost < bestCost) {
      bestCost = cost;
      best = s;
    }
  }
  return best;
}

/**
 * Join consecutive content spans of one paragraph that the tagger split (e.g. at a hyphen or a
 * comma) when at most `maxGap` characters and no source or cue lie between them.
 */
export function mergeContents(spans: TaggedSpan[], maxGap: number): TaggedSpan[] {
  const contents = spans.filter((s) => s.kind === 'T').sort((a, b) => a.start - b.start);
  const others = spans.filter((s) => s.kind !== 'T');
  const merged: TaggedSpan[] = [];
  for (const c of contents) {
    const prev = merged[merged.length - 1];
    if (
      prev &&
      prev.paragraph === c.paragraph &&
      c.start - prev.end <= maxGap &&
      !others.some((o) => o.start < c.start && o.end > prev.end)
    ) {
      merged[merged.length - 1] = { ...prev, end: Math.max(prev.end, c.end) };
    } else merged.push(c);
  }
  return [...others, ...merged];
}
