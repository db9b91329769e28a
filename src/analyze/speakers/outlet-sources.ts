import type { Attribution, Speaker } from '../../model.js';
import type { Token } from '../nlp.js';
import { tokenAt } from '../quotes/tokens.js';
import { classifyPhrase } from './classify.js';

/**
 * Outlets that are sources of attribution relations but of no quote ("UNN reports citing [Bloomberg]",
 * "[Reuters] reported") become article-level speakers of kind `outlet` (one per outlet name, joined with
 * an outlet the quotes already made a speaker), so the story follows them across articles like people
 * and the relation's `speakerId` says which outlet it is. New speakers are numbered after the others.
 * Mutates `speakers` and the relations' `speakerId`; relations with a speaker are left alone.
 */
export function addOutletSpeakers(speakers: Speaker[], attributions: Attribution[], tokens: Token[], text: string, articleId: string): void {
  let next = 1;
  for (const s of speakers) {
    const m = /:s(\d+)$/.exec(s.id);
    if (m) next = Math.max(next, Number(m[1]) + 1);
  }
  const byName = new Map<string, Speaker>();
  for (const s of speakers) if (s.kind === 'outlet') for (const n of s.names) byName.set(n.toLowerCase(), s);
  for (const a of attributions) {
    // an outlet's name is capitalised (a quick test before the phrase is classified)
    if (!a.source || a.speakerId || !/\p{Lu}/u.test(a.source.text) || /^(?:he|she|it|they|we|i|you|who|which|that)$/i.test(a.source.text)) continue;
    const phrase: Token[] = [];
    for (let i = tokenAt(tokens, a.source.start); i < tokens.length && tokens[i].start < a.source.end; i++) {
      if (tokens[i].value.trim() !== '') phrase.push(tokens[i]);
    }
    if (phrase.length === 0) continue;
    const info = classifyPhrase(phrase, text);
    if (info.kind !== 'outlet' || !info.name) continue;
    const key = info.name.toLowerCase();
    let sp = byName.get(key);
    if (!sp) {
      sp = { id: `${articleId}:s${next++}`, kind: 'outlet', names: [info.name], descriptions: [], mentions: [] };
      speakers.push(sp);
      byName.set(key, sp);
    }
    a.speakerId = sp.id;
  }
}
