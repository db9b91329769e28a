import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Nlp = ReturnType<typeof winkNLP>;
let instance: Nlp | null = null;

/** The lexeme table of the loaded model: wink adds every unknown word it meets to `hash` and `list`. */
interface LexemeTable {
  hash: Record<string, number>;
  list: string[];
  intrinsicSize: number;
}
let lexemes: LexemeTable | null = null;
/** Index of the first lexeme not yet forgotten (see `forgetLearnedLexemes`). */
let learnedFrom = 0;
/** Past this many learned lexemes the instance is rebuilt, bounding memory on long runs. */
const MAX_LEARNED = 1_000_000;

/**
 * The shared wink-nlp instance (loaded once, lazily; the model ships inside the npm package).
 * The model is wrapped only to get hold of its lexeme table; see `forgetLearnedLexemes`.
 */
export function nlp(): Nlp {
  if (!instance) {
    const core = (model as unknown as { core: () => { features: { lexeme: LexemeTable } } }).core;
    const wrapped = Object.assign(Object.create(null), model, {
      core: () => {
        const m = core();
        lexemes = m.features.lexeme;
        learnedFrom = lexemes.list.length;
        return m;
      },
    }) as typeof model;
    instance = winkNLP(wrapped, ['sbd', 'pos']);
  }
  return instance;
}

/**
 * wink learns: a word it has not seen (say "Clinton's", met as "Clinton's.") is added to its lexicon, and
 * from then on its tokenizer takes that word whole instead of splitting it ("Clinton" + "'s"), so the
 * tokens of one text depended on the texts read before it (15 of 84 PolNeAR dev articles changed on a
 * second pass). After each document the learned words that hold anything but ASCII letters or digits are
 * removed from the lookup table, so every text is tokenized as by a fresh instance. wink's word list and
 * packed features only ever grow by appending, so they stay aligned; the instance is rebuilt once the list
 * has grown by MAX_LEARNED words, to bound memory.
 */
const PLAIN_WORD = /^(?:[A-Za-z]+|[0-9]+)$/;

function forgetLearnedLexemes(): void {
  if (!lexemes) return;
  const { hash, list } = lexemes;
  for (let i = learnedFrom; i < list.length; i++) {
    const w = list[i];
    // a word of plain ASCII letters or digits is taken whole whether known or not: keeping it saves wink
    // re-learning it in every document (~6% of annotation time) and leaves the tokens unchanged
    // (identical tokens on all 924 PolNeAR articles with either rule)
    if (hash[w] === i && !PLAIN_WORD.test(w)) delete hash[w];
  }
  learnedFrom = list.length;
  if (list.length - lexemes.intrinsicSize > MAX_LEARNED) {
    instance = null;
    lexemes = null;
  }
}

/** Whether wink's own lexicon (as shipped, not the words it learned since) holds `lower`. */
export function isLexiconWord(lower: string): boolean {
  // (the lexeme table is at hand once wink has read its model)
  if (!lexemes) nlp().readDoc('');
  const k = lexemes?.hash[lower];
  return k !== undefined && k < (lexemes?.intrinsicSize ?? 0);
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
  const its = n.its;
  let values: string[], spaces: string[], pos: string[], spans: Array<[number, number]>;
  try {
    const doc = n.readDoc(text);
    values = doc.tokens().out(its.value) as string[];
    spaces = doc.tokens().out(its.precedingSpaces) as string[];
    pos = doc.tokens().out(its.pos) as string[];
    spans = doc.sentences().out(its.span) as Array<[number, number]>;
  } finally {
    forgetLearnedLexemes();
  }
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
  return { tokens, sentences: joinBrokenSentences(spans, tokens, text) };
}

/**
 * wink ends a sentence at "(D-Calif.)", inside "(R-S.C.)", at "pic.twitter.com", "will.i.am" or at a question
 * closing a quote ("…?” he asks"). A sentence continues the previous one on the same line when it starts with a
 * lower-case letter (on PolNeAR dev all 24 such splits were mid-sentence) or with a comma, semicolon or colon
 * ("Rep. Elijah Cummings (D-Md.)" + ", the chair of the panel, said"), or when the previous one left a
 * parenthesis open that this one closes within its first four tokens ("(R-S." + "C.) told").
 */
function joinBrokenSentences(spans: Array<[number, number]>, tokens: Token[], text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [a, b] of spans) {
    const prev = out[out.length - 1];
    const first = tokens[a];
    const join = prev !== undefined && first !== undefined && tokens[prev[1]] !== undefined && !text.slice(tokens[prev[1]].end, first.start).includes('\n') && (/^\p{Ll}/u.test(first.value) || /^[,;:]$/.test(first.value) || closesOpenParen(tokens, prev, a, b));
    if (join) prev[1] = b;
    else out.push([a, b]);
  }
  return out;
}

/** The sentence `prev` has an unclosed "(" (in its last eight tokens) and tokens a..a+3 close it. */
function closesOpenParen(tokens: Token[], prev: [number, number], a: number, b: number): boolean {
  let depth = 0;
  for (let k = Math.max(prev[0], prev[1] - 7); k <= prev[1]; k++) {
    if (tokens[k].value === '(') depth++;
    else if (tokens[k].value === ')') depth = Math.max(0, depth - 1);
  }
  if (depth === 0) return false;
  for (let k = a; k <= Math.min(b, a + 3); k++) if (tokens[k].value === ')') return true;
  return false;
}

const dictionaryCache = new Map<string, boolean>();

/**
 * Whether a lower-case word is a common English word by wink's lexicon: the plural of a noun it knows ("participants"
 * → "participant") or a word of another class than noun ("several", "however"). Names are nouns wink lemmatises to
 * themselves ("obama", "acosta"), but surnames can be plurals too ("sanders", "banks"): callers check the article as
 * well. Cached; the lexicon forgets what the lookup teaches it, as after `tokenize`.
 */
export function isDictionaryWord(lower: string): boolean {
  let known = dictionaryCache.get(lower);
  if (known === undefined) {
    const n = nlp();
    try {
      const t = n.readDoc(lower).tokens().itemAt(0);
      const pos = t ? (t.out(n.its.pos) as string) : '';
      const lemma = t ? (t.out(n.its.lemma as unknown as typeof n.its.value) as string) : lower;
      known = /^(?:ADJ|ADV|DET|PRON|ADP|CCONJ|SCONJ|AUX|NUM)$/.test(pos) || (pos === 'NOUN' && lemma !== lower);
    } finally {
      forgetLearnedLexemes();
    }
    if (dictionaryCache.size > 100_000) dictionaryCache.clear();
    dictionaryCache.set(lower, known);
  }
  return known;
}
