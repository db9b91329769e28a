import type { Span } from '../../model.js';
import { subjectBefore } from './cues.js';
import { tokenAt, type TokenizedArticle } from './tokens.js';

/** Cues whose subject is not their source: participles ("…, warning that") and passives ("has been endorsed"). */
const NO_SUBJECT_CUE = /^\S+ing\b|\b(?:been|being)\b|^(?:is|are|was|were|be)\s+\S+(?:ed|en)\b/i;

/**
 * The subject of the clause a cue opens, when it is the clause's first phrase: at the start of the
 * sentence or after an opening adverbial and its comma ("In return, however, Russia would demand that
 * …"). For relations the learned tagger left without a source. Null for participles and passives, and
 * when a verb comes before the phrase (the phrase is then an object: "… opponents of taking in migrants
 * have embraced").
 */
export function sentenceSubject(tok: TokenizedArticle, cue: Span, text: string): Span | null {
  const { tokens, sentenceTokens } = tok;
  if (NO_SUBJECT_CUE.test(text.slice(cue.start, cue.end))) return null;
  const v = tokenAt(tokens, cue.start);
  const t = tokens[v];
  if (!t || t.sentence < 0 || !(t.pos === 'VERB' || t.pos === 'AUX')) return null;
  const s0 = sentenceTokens[t.sentence][0];
  const r = subjectBefore(tokens, v, s0);
  if (!r) return null;
  // only an opening adverbial before the phrase: no verb, and a comma right before it
  if (r[0] > s0) {
    if (tokens[r[0] - 1].value !== ',') return null;
    for (let k = s0; k < r[0]; k++) if (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX') return null;
  }
  // right before the cue (adverbs, auxiliaries, a closing comma between): not the subject of an earlier verb
  // that the cue is coordinated with ("The video has become …, and called for")
  for (let k = r[1]; k < v; k++) if (!/^(?:ADV|AUX|PART)$/.test(tokens[k].pos) && tokens[k].value !== ',') return null;
  return { start: tokens[r[0]].start, end: tokens[r[1] - 1].end };
}
