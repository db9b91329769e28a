import { nlp } from '../nlp.js';

/** A token of the attribution tagger: offsets into the article text plus the cheap facts features use. */
export interface ATok {
  start: number;
  end: number;
  value: string;
  lower: string;
  pos: string;
  /** Sentence index within the article. */
  sent: number;
}

/** A paragraph: the unit the tagger decodes (quotes and contents may run over sentences). */
export interface Paragraph {
  tokens: ATok[];
}

/**
 * Tokenise an article into paragraphs of tokens (a paragraph ends at a newline).
 * Offsets are exact JS string offsets into `text`.
 */
export function tokenizeParagraphs(text: string): Paragraph[] {
  if (!text) return [];
  const n = nlp();
  const its = n.its;
  const doc = n.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // Sentence index of each token via sentence token ranges.
  const sentOf = new Int32Array(values.length);
  const spans = doc.sentences().out(its.span) as Array<[number, number]>;
  spans.forEach(([a, b], k) => {
    for (let i = a; i <= b && i < values.length; i++) sentOf[i] = k;
  });
  const paragraphs: Paragraph[] = [];
  let cur: ATok[] = [];
  let offset = 0;
  const flush = (): void => {
    if (cur.length) paragraphs.push({ tokens: cur });
    cur = [];
  };
  for (let i = 0; i < values.length; i++) {
    const sp = spaces[i];
    offset += sp.length;
    if (sp.includes('\n')) flush();
    const v = values[i];
    let start = offset;
    if (text.startsWith(v, start)) {
      offset = start + v.length;
    } else {
      const found = text.indexOf(v, start);
      if (found >= 0 && found - start < 16) {
        start = found;
        offset = found + v.length;
      } else {
        offset = start + v.length;
      }
    }
    if (v.trim() === '') {
      if (v.includes('\n')) flush();
      continue;
    }
    cur.push({ start, end: Math.min(offset, text.length), value: v, lower: v.toLowerCase(), pos: pos[i], sent: sentOf[i] });
  }
  flush();
  return paragraphs;
}
