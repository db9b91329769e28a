import type { Attribution, Span, Speaker } from '../../model.js';
import type { QuoteDraft } from '../quotes/index.js';
import type { Token } from '../nlp.js';
import { tokenAt } from '../quotes/tokens.js';
import { classifyPhrase } from './classify.js';
import { firstIndex } from '../first-index.js';

/**
 * Outlets and organisations that are sources of attribution relations but of no quote ("UNN reports citing
 * [Bloomberg]", "[Reuters] reported", "[The Syrian Observatory for Human Rights] has cited witnesses") become
 * article-level speakers of kind `outlet` / `organization` (one per name, joined with one the quotes already
 * made a speaker), so the story follows them across articles like people and the relation's `speakerId` says
 * who it is. New speakers are numbered after the others. Mutates `speakers` and the relations' `speakerId`;
 * relations with a speaker are left alone.
 */
export function addSourceSpeakers(speakers: Speaker[], attributions: Attribution[], tokens: Token[], text: string, articleId: string): void {
  let next = 1;
  for (const s of speakers) {
    const m = /:s(\d+)$/.exec(s.id);
    if (m) next = Math.max(next, Number(m[1]) + 1);
  }
  const byName = new Map<string, Speaker>();
  const keyOf = (kind: string, name: string): string => `${kind}:${name.replace(/^the\s+/i, '').toLowerCase()}`;
  for (const s of speakers) if (s.kind === 'outlet' || s.kind === 'organization') for (const n of s.names) byName.set(keyOf(s.kind, n), s);
  for (const a of attributions) {
    // an outlet's name is capitalised (a quick test before the phrase is classified)
    if (!a.source || a.speakerId || !/\p{Lu}/u.test(a.source.text) || /^(?:he|she|it|they|we|i|you|who|which|that)$/i.test(a.source.text)) continue;
    const phrase: Token[] = [];
    for (let i = tokenAt(tokens, a.source.start); i < tokens.length && tokens[i].start < a.source.end; i++) {
      if (tokens[i].value.trim() !== '') phrase.push(tokens[i]);
    }
    if (phrase.length === 0) continue;
    const info = classifyPhrase(phrase, text);
    const name = info.kind === 'outlet' ? info.name : info.kind === 'organization' ? (info.description ?? '').replace(/^the\s+/i, '') : '';
    // (an organisation by its name, not "the publication" or "the ministry", which point back to one)
    if ((info.kind !== 'outlet' && info.kind !== 'organization') || !name || !/\p{Lu}/u.test(name)) continue;
    const key = keyOf(info.kind, name);
    let sp = byName.get(key);
    if (!sp) {
      sp = { id: `${articleId}:s${next++}`, kind: info.kind, names: [name], descriptions: [], mentions: [] };
      speakers.push(sp);
      byName.set(key, sp);
    }
    a.speakerId = sp.id;
  }
}

/**
 * "…,” it said.": a quote or relation whose speaker is "it" goes to the organisation or outlet mentioned last
 * before it, when that is the last speaker mentioned at all and in the same paragraph or the one before (the
 * mentions are the resolved ones: call after the sources became mentions); quotes carried over from such a
 * quote follow. Otherwise it stays unresolved ("The report was released. “…,” it said.").
 */
export function resolveIt(speakers: Speaker[], drafts: QuoteDraft[], attributions: Attribution[], blocks: readonly Span[]): void {
  const marks = speakers.flatMap((s) => s.mentions.map((m) => ({ start: m.start, speaker: s }))).sort((a, b) => a.start - b.start);
  if (!marks.some((m) => m.speaker.kind === 'organization' || m.speaker.kind === 'outlet')) return;
  const at = (pos: number): string | null => {
    const m = marks[firstIndex(marks.length, (i) => marks[i].start >= pos) - 1];
    return m && m.start >= windowStart(pos) && (m.speaker.kind === 'organization' || m.speaker.kind === 'outlet') ? m.speaker.id : null;
  };
  // start of the paragraph before the one holding `pos`
  const windowStart = (pos: number): number => {
    const after = firstIndex(blocks.length, (i) => blocks[i].start > pos);
    return blocks[Math.max(0, after - 2)]?.start ?? 0;
  };
  for (const d of drafts) {
    const q = d.quote;
    if (!q.speakerId && q.speakerSpan && /^it$/i.test(q.speaker ?? '')) q.speakerId = at(q.speakerSpan.start);
    else if (!q.speakerId && d.inheritsFrom !== null) q.speakerId = drafts[d.inheritsFrom].quote.speakerId;
  }
  for (const a of attributions) if (!a.speakerId && a.source && /^it$/i.test(a.source.text)) a.speakerId = at(a.source.start);
}
