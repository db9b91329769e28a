import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Nlp = ReturnType<typeof winkNLP>;
let instance: Nlp | null = null;

/** The shared wink-nlp instance (loaded once, lazily; the model ships inside the npm package). */
export function nlp(): Nlp {
  if (!instance) instance = winkNLP(model, ['sbd', 'pos']);
  return instance;
}

export interface Token {
  start: number;
  end: number;
  /** The token as it appears in the text. */
  value: string;
  /** Universal POS tag from wink ("PROPN", "VERB", …). */
  pos: string;
}

/**
 * Tokenise `text` losslessly: every token carries its offsets into `text`.
 * Also returns sentence boundaries as token index ranges.
 */
export function tokenize(text: string): { tokens: Token[]; sentences: Array<[number, number]> } {
  const n = nlp();
  const doc = n.readDoc(text);
  const its = n.its;
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const tokens: Token[] = [];
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    offset += spaces[i].length;
    let start = offset;
    const v = values[i];
    // wink is lossless, but guard against any normalisation: re-find the token.
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
    tokens.push({ start, end: Math.min(offset, text.length), value: v, pos: pos[i] });
  }
  const sentences = (doc.sentences().out(its.span) as Array<[number, number]>).map(
    ([a, b]) => [a, b] as [number, number],
  );
  return { tokens, sentences };
}
