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
 * characters, else none. Cues without content are dropped.
 */
export function linkSpans(spans: TaggedSpan[]): LinkedRelation[] {
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
