import type { Article, Attribution, TextSpan } from '../../model.js';
import { isCommonWord } from '../speakers/common-words.js';

/**
 * Attributions a colon makes (PolNeAR annotates the colon as the cue):
 * - a transcript line: `WALLACE: Let’s start with …` / `"PENCE: Well, look, …` — a speaker in capitals at
 *   the start of a paragraph (after an opening quotation mark, if any); the content is the rest of the
 *   paragraph, its final punctuation included; form `direct` (the words as spoken). Only when the article has
 *   two such lines or more, one label speaking twice (a transcript has turns; a lone label is more likely a
 *   dateline, "NEW DELHI: …", labels that never repeat are captions or a list) or two turns close together;
 *   none over a headline in capitals, none labelled like a caption ("ACCUSED:", "PICTURED:"). A turn
 *   runs on over the next paragraphs opened by a mark, up to the next turn or a stage direction;
 * - a headline naming who says it: `Pat Caddell: Democrat Voters Worried About …`, `Poll: Sanders Leads` —
 *   up to five words before the colon of the article's title block; the content runs to the end of the
 *   headline, without a final full stop outside quotation marks; form `indirect`.
 * Labels that are no source ("The Latest:", "UPDATE:", "Watch:", "Q:") are left alone.
 */
const NOT_SPEAKERS = new Set(
  ('the latest|breaking|breaking news|exclusive|watch|update|updated|updates|video|videos|photo|photos|live|opinion|analysis|review|' +
    'editorial|editor’s note|editor\'s note|note|new|just in|podcast|quiz|recap|explainer|transcript|read|listen|correction|fact check|' +
    'accused|pictured|inset|above|below|left|right|top|bottom|shock|horror|tragic|charged|arrested|jailed|victim|suspect|gallery|pictures|' +
    'related|see also|more|warning|spoiler|spoilers|full text|in pictures|timeline|factbox|instant view|here’s why|here\'s why|why|how|what|when')
    .split('|'),
);

/** A transcript's stage direction: "(CROSSTALK.)", "(APPLAUSE)". */
const STAGE_DIRECTION = /^\([^)]*\)[.!]?["”]?$/;

/** Words that make a headline prefix a phrase of its own rather than who is speaking. */
const FUNCTION_WORD = /(?:^|\s)(?:on|over|in|of|for|to|at|from|with|by|about|after|before|against|vs\.?|and|or|is|are|was|were|be|not|no|how|why|what)(?=\s|$)/i;

/** A speaker's label in a transcript: one to four capitalised words of at least two capitals ("PENCE", "CHRIS WALLACE"). */
const TRANSCRIPT = /^(\p{Lu}[\p{Lu}'’.-]*\p{Lu}[\p{Lu}'’.-]*(?:[ \t]+\p{Lu}[\p{Lu}'’.-]*){0,3}):[ \t]+(?=\S)/u;
/** A headline's source: up to five words, the first capitalised, no sentence punctuation. */
const HEADLINE = /^(\p{Lu}[^\s:.!?;"“”]*(?:[ \t]+[^\s:!?;"“”]+){0,4}):[ \t]+(?=\S)/u;

export function colonAttributions(article: Article): Attribution[] {
  const text = article.text;
  const span = (start: number, end: number): TextSpan => ({ start, end, text: text.slice(start, end) });
  const out: Attribution[] = [];
  const lines: Attribution[] = [];
  const lineBlock = new Map<Attribution, number>();
  // A turn runs on over the following paragraphs opened by a mark without a label of their own
  // (`last`, extended to `ext`), up to a stage direction ("(CROSSTALK.)") — but only when another turn
  // follows: after the last one, such paragraphs are as likely the article going on ("Follow … on Twitter").
  let last: Attribution | null = null;
  let ext = -1;
  let awaiting: Array<[Attribution, number]> = [];
  const extend = (a: Attribution, end: number): void => {
    a.content = span(a.content.start, end);
  };
  // (an advice column's "DEAR ABBY:" addresses the letter, it is not who writes it)
  const label = (m: RegExpExecArray): boolean => !NOT_SPEAKERS.has(m[1].toLowerCase()) && !/^dear\s/i.test(m[1]);
  // a transcript label names someone: its last word is no common word of the article ("BETRAYED:", "SYRIAN WAR:")
  const named = (m: RegExpExecArray): boolean => !isCommonWord(m[1].split(/\s+/).pop()!, text);
  article.blocks.forEach((b, k) => {
    if (b.kind === 'caption') return;
    let s = b.start;
    let e = b.end;
    while (e > s && /\s/.test(text[e - 1])) e--;
    while (s < e && /\s/.test(text[s])) s++;
    // a transcript line may open with a quotation mark (the whole transcript quoted paragraph by paragraph)
    const opened = s < e && /["“]/.test(text[s]);
    const from = opened ? s + 1 : s;
    const line = text.slice(from, Math.min(e, from + 200));
    const t = TRANSCRIPT.exec(line);
    if (t && label(t) && named(t)) {
      const colon = from + t[1].length;
      const contentStart = from + t[0].length;
      // a closing mark that matches the paragraph's opening one, or closes the transcript quoted from an
      // earlier paragraph (an odd one out in the line), is not part of the words
      const marks = (text.slice(contentStart, e).match(/["“”]/g) ?? []).length;
      const end = /["”]/.test(text[e - 1]) && (opened || marks % 2 === 1) ? e - 1 : e;
      for (const [a, x] of awaiting) extend(a, x);
      if (last && ext >= 0) extend(last, ext);
      awaiting = [];
      last = null;
      ext = -1;
      if (end - contentStart >= 2) {
        const turn: Attribution = { id: '', articleId: article.id, source: span(from, colon), cue: span(colon, colon + 1), content: span(contentStart, end), speakerId: null, quoteId: null, form: 'direct' };
        lines.push(turn);
        lineBlock.set(turn, k);
        if (opened) last = turn;
      }
      return;
    }
    if (last) {
      if (opened && !STAGE_DIRECTION.test(line)) {
        const marks = (text.slice(from, e).match(/["“”]/g) ?? []).length;
        ext = /["”]/.test(text[e - 1]) && marks % 2 === 1 ? e - 1 : e;
      } else {
        if (ext >= 0) awaiting.push([last, ext]);
        last = null;
        ext = -1;
      }
    }
    if (k !== 0 || b.kind !== 'title' || opened) return;
    const h = HEADLINE.exec(line);
    // a name or a noun phrase, not a title of its own ("Obama on Climate Change:", "Stealth Over Health:")
    if (!h || !label(h) || /^an?\s/i.test(h[1]) || FUNCTION_WORD.test(h[1])) return;
    const colon = from + h[1].length;
    const contentStart = from + h[0].length;
    let end = e;
    // the headline's own full stop is not part of what was said (one inside quotation marks is)
    if (text[end - 1] === '.') end--;
    if (end - contentStart >= 4) {
      out.push({ id: '', articleId: article.id, source: span(from, colon), cue: span(colon, colon + 1), content: span(contentStart, end), speakerId: null, quoteId: null, form: 'indirect' });
    }
  });
  // a transcript has turns: one capitalised label alone is more likely a dateline ("NEW DELHI: …")
  const dateline = article.dateline?.toLowerCase();
  // …and so are section labels over headlines in capitals ("LONDON: POLICE ALLEGE …"); in a transcript
  // somebody speaks twice (labels that never repeat are captions or a list: "ACCUSED: …", "ROMP: …")
  const turns = lines.filter((l) => l.source!.text.toLowerCase() !== dateline && /\p{Ll}/u.test(l.content.text.slice(0, 60)));
  const uses = new Map<string, number>();
  for (const t of turns) uses.set(t.source!.text, (uses.get(t.source!.text) ?? 0) + 1);
  // …or, for a short exchange, two turns close together (a question and its answer)
  const close = turns.some((t, i) => i > 0 && lineBlock.get(t)! - lineBlock.get(turns[i - 1])! <= 3);
  if (turns.length >= 2 && ([...uses.values()].some((n) => n >= 2) || close)) out.push(...turns);
  return out.sort((a, b) => a.content.start - b.content.start);
}
