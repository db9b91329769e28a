/**
 * The attribution relations `analyzeArticle` outputs: rule relations (quotes/attributions.ts,
 * quotes/indirect.ts) merged with the learned PolNeAR tagger's (attribution/index.ts), with the
 * resolved speaker (`speakerId`) and the quote (`quoteId`) filled by overlap.
 */
import { CITING_CUE } from './quotes/lexicon.js';
import { quoteEnd } from './quotes/marks.js';
import { pronounFits } from './speakers/gender.js';
import { surnameOf } from './speakers/names.js';
import type { Attribution, Quote, Span, Speaker } from '../model.js';
import type { Token } from './nlp.js';
import type { QuoteDraft } from './quotes/index.js';
import { tokenAt } from './quotes/tokens.js';

/** What the merge needs besides the two attribution lists. */
export interface MergeContext {
  text: string;
  articleId: string;
  /** The article's quotes (for `quoteId`, by overlap of the content). */
  quotes: Quote[];
  /** Resolved speaker id of a source phrase, or null. */
  speakerOf: (source: Span) => string | null;
  /** Start of the last speaker mention before an offset (-1 if none). */
  lastMentionBefore: (offset: number) => number;
  /** Whether "he"/"she" can refer to a speaker (false when the speaker's known gender is the other one). */
  pronounFits?: (speakerId: string, pronoun: string) => boolean;
  /** The grammatical subject before a cue ("In return, Russia would demand"), for relations the tagger left without a source. */
  subjectOf?: (cue: Span) => Span | null;
}

/**
 * Indices (ascending) of the spans overlapping a query span, without scanning them all: spans
 * sorted by start, with a max-end segment tree over that order; a query visits only the subtrees
 * that hold an overlapping span, O((hits + 1) · log n) — no quadratic blow-up on articles with
 * thousands of quotes, nor when one long span covers everything.
 */
export function overlapIndex(spans: readonly Span[]): (q: Span) => number[] {
  const order = spans.map((_, i) => i).sort((a, b) => spans[a].start - spans[b].start || a - b);
  const starts = order.map((i) => spans[i].start);
  let size = 1;
  while (size < order.length) size *= 2;
  const tree = new Float64Array(2 * size).fill(-Infinity);
  order.forEach((i, k) => (tree[size + k] = spans[i].end));
  for (let k = size - 1; k >= 1; k--) tree[k] = Math.max(tree[2 * k], tree[2 * k + 1]);
  return (q: Span): number[] => {
    const limit = lowerBound(starts, q.end); // spans starting before the query's end: order[0, limit)
    const out: number[] = [];
    const visit = (node: number, lo: number, hi: number): void => {
      if (lo >= limit || tree[node] <= q.start) return;
      if (node >= size) {
        out.push(order[lo]);
        return;
      }
      const mid = (lo + hi) >> 1;
      visit(2 * node, lo, mid);
      visit(2 * node + 1, mid, hi);
    };
    if (order.length) visit(1, 0, size);
    return out.sort((a, b) => a - b);
  };
}

/** First index whose value is >= x in an ascending array. */
function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A relation of quotes/colon.ts: the colon is the cue. */
const colonRule = (r: Attribution): boolean => r.cue.text === ':' && r.source !== null;

const inter = (a: Span, b: Span): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const len = (a: Span): number => a.end - a.start;
/** Whether `outer` contains `inner`. */
const holds = (outer: Span, inner: Span): boolean => outer.start <= inner.start && inner.end <= outer.end;

/** Two contents are the same attributed material when they overlap by at least half of the shorter one. */
export function sameContent(a: Span, b: Span): boolean {
  const o = inter(a, b);
  return o > 0 && o * 2 >= Math.min(len(a), len(b));
}

/**
 * Merge rule attributions (quotes with a cue, indirect speech, according-to) with the learned
 * tagger's relations into one list. Measured choices (PolNeAR dev, bench/annotate-bench.ts):
 * - A rule relation and a model relation are the same when their contents overlap by half of the
 *   shorter (`sameContent`) and their cues overlap. The pair keeps the model's spans (they follow
 *   the PolNeAR conventions more often), except: "according to X" takes the rule's cue and source;
 *   indirect speech takes the rule's content when it holds the cue ("X, he said, Y") or strictly
 *   contains the model's (the tagger stops early); a missing model source takes the rule's, and
 *   so does one the rule's extends (same start, longer); a relative-pronoun ("who") model source
 *   stays (PolNeAR's source) with the speaker of the rule's antecedent; "A," he said. "B." stays
 *   one direct quotation.
 * - A rule quotation with a speaker and an adjacent cue ("…” ― Name, "…," she said) outranks a
 *   model relation over the same words linked to another cue.
 * - A model content running over several rule relations with different cues (sentences the tagger
 *   joined) gives way to those rule relations.
 * - Rule relations the model missed (no model content overlaps them, or only relations nested in
 *   them: "sources said [X called for Y]"; for "according to", none with the same cue) are kept.
 * - `speakerId`: the rule's when the source is the rule's; otherwise resolved from the source span
 *   (`MergeContext.speakerOf`), pronouns to the most recent source when it is more recent than any
 *   speaker mention. `quoteId`: the quote lying (at least half) inside the content.
 * - Rule sources follow the PolNeAR comma convention (`normalizeRule`).
 * Ids `${articleId}:r${n}` in text order (content start, then cue start).
 */
export function mergeAttributions(rules0: Attribution[], model0: Attribution[], ctx: MergeContext): Attribution[] {
  const rules = rules0.map((r) => normalizeRule(r, ctx.text));
  const model = withoutMisassembled(model0, rules);
  const rulesAt = overlapIndex(rules.map((r) => r.content));
  const out: Attribution[] = [];
  const usedRule = new Set<number>();
  const split = new Set<number>();
  const ruleSourcesAt = overlapIndex(rules.map((r) => r.source ?? { start: 0, end: 0 }));
  for (const m0 of model) {
    const m = normalizeModel(m0, ctx.text);
    // the tagger read the source an outlet cites as content: "UNN reports [Bloomberg]" (the whole source),
    // "citing [Bloomberg]" (under the same cue)
    const asSource = (i: number): boolean => {
      const r = rules[i];
      if (!CITING_CUE.test(r.cue.text)) return false;
      const src = r.source!;
      const whole = src.start === m.content.start && src.end === m.content.end;
      return whole || (src.start <= m.content.start && m.content.end <= src.end && inter(r.cue, m.cue) > 0);
    };
    if (ruleSourcesAt(m.content).some(asSource)) continue;
    // a colon relation (transcript line, "Name: headline") reads exactly: it outranks a model relation over
    // its words unless that one is nested in it (its cue inside the colon relation's content)
    const byColon = rulesAt(m.content).find((i) => colonRule(rules[i]) && !(rules[i].content.start <= m.cue.start && m.cue.end <= rules[i].content.end));
    if (byColon !== undefined) {
      split.add(byColon);
      usedRule.add(byColon);
      continue;
    }
    // A model content that runs over several rule relations with different cues (two sentences the
    // tagger joined) gives way to them. One that runs over the pieces of one quotation with one cue
    // ("A," he said, "B.") stays whole: PolNeAR annotates that as one (discontinuous) content.
    const near = rulesAt(m.content);
    const inner = near.map((i) => [rules[i], i] as const).filter(([r, i]) => !usedRule.has(i) && inter(r.content, m.content) * 2 >= len(r.content));
    if (inner.length >= 2 && new Set(inner.map(([r]) => r.cue.start)).size >= 2) {
      for (const [, i] of inner) split.add(i);
      for (const [, i] of inner) usedRule.add(i);
      continue;
    }
    let best = -1;
    let bestOverlap = 0;
    for (const i of near) {
      const r = rules[i];
      if (usedRule.has(i) || !sameContent(r.content, m.content)) continue;
      if (inter(r.cue, m.cue) === 0) continue; // different cues: different (possibly nested) relations
      const o = inter(r.content, m.content);
      if (o > bestOverlap) {
        best = i;
        bestOverlap = o;
      }
    }
    if (best < 0) {
      // a quotation whose cue the rules read right next to it ("…” ― Name, "…," she said) outranks
      // a model relation over the same words linked to another cue, unless that relation holds the
      // quotation's cue: "Lynch said [she recalled thinking, “…”]" is two relations, one nested in the other
      const direct = near.find((i) => {
        const r = rules[i];
        return !usedRule.has(i) && r.form === 'direct' && r.source !== null && sameContent(r.content, m.content) && len(r.content) * 2 >= len(m.content) && !holds(m.content, r.cue);
      });
      if (direct !== undefined) {
        split.add(direct);
        usedRule.add(direct);
        continue;
      }
      out.push({ ...m });
      continue;
    }
    usedRule.add(best);
    const r = rules[best];
    if (r.form === 'according-to') {
      const content = preferRuleContent(r, m) ? r.content : m.content;
      const merged: Attribution = { ...m, content, cue: r.cue, source: r.source ?? m.source, form: r.form, speakerId: r.source ? r.speakerId : null };
      if (r.source) decided.add(merged);
      out.push(merged);
    } else {
      const content = r.form === 'indirect' && preferRuleContent(r, m) ? r.content : m.content;
      // a relative pronoun ("…, who said") stays the source, as PolNeAR marks it; the rule's subject (its
      // antecedent) names the speaker
      const pronoun = m.source !== null && /^(?:who|which|that)$/i.test(m.source.text) && r.source !== null;
      const relative = pronoun && r.source!.end <= m.source!.start;
      // … unless the rule's source holds it: "The people close to the Kremlin, who asked not to be named, said"
      const held = pronoun && r.source!.start <= m.source!.start && m.source!.end <= r.source!.end;
      // the tagger cuts long sources short ("X, a lawyer who has been"): the rule's runs on
      const longer = m.source !== null && r.source !== null && r.source.start === m.source.start && r.source.end > m.source.end && !/,$/.test(m.source.text);
      // … or keeps only the phrase's tail ("two sources close to [the Kremlin] told"): the rule's holds it whole
      const tail = m.source !== null && r.source !== null && r.source.start < m.source.start && r.source.end === m.source.end;
      const source = held || longer || tail || !m.source ? r.source : m.source;
      const sameSource = source !== null && r.source !== null && source.start === r.source.start && source.end === r.source.end;
      // "A," said X. "B." stays a direct quotation though the covering content holds the cue
      const form = r.form === 'direct' && content === m.content && OPENS_QUOTE.test(m.content.text) ? 'direct' : m.form;
      const merged: Attribution = { ...m, content, source, form, speakerId: sameSource || relative ? r.speakerId : null };
      if (sameSource || (relative && r.speakerId)) decided.add(merged);
      out.push(merged);
    }
  }
  const modelAt = overlapIndex(model.map((m) => m.content));
  // rule relations the model missed (their content overlaps no model content), and split ones
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i];
    // kept too when the model relation it overlaps is nested in it ("sources said [X called for Y]")
    const nested = (m: Attribution): boolean => r.content.start <= m.cue.start && m.cue.end <= r.content.end;
    // … and a quotation whose cue lies inside the model's content: "Lynch said [she recalled thinking, “…”]"
    const inNested = (m: Attribution): boolean => holds(m.content, r.cue) && inter(m.cue, r.cue) === 0;
    // "according to X" reads exactly: kept unless a model relation with the same cue covers it,
    // and so does a cited source ("…, UNN reports citing [Bloomberg]"): the reporting outlet's relation is another one
    const covers = (m: Attribution): boolean =>
      inter(m.content, r.content) > 0 && (r.form === 'according-to' || CITING_CUE.test(r.cue.text) ? inter(m.cue, r.cue) > 0 : !nested(m) && !(r.form === 'direct' && inNested(m)));
    if (!split.has(i) && (usedRule.has(i) || modelAt(r.content).some((k) => covers(model[k])))) continue;
    const kept = { ...rules[i] };
    // (a colon relation has no speaker yet: it is resolved from its source like a model relation's)
    if (!colonRule(kept)) decided.add(kept);
    out.push(kept);
  }
  // a model relation the tagger left without a source: the subject that opens its clause
  if (ctx.subjectOf) {
    for (let i = 0; i < out.length; i++) {
      const a = out[i];
      if (a.source || a.form === 'according-to' || a.content.start < a.cue.end) continue;
      const subj = ctx.subjectOf(a.cue);
      if (subj) out[i] = normalizeRule({ ...a, source: { ...subj, text: ctx.text.slice(subj.start, subj.end) } }, ctx.text);
    }
  }
  return finish(joinSplitQuotation(out, ctx.text), ctx);
}

/**
 * “A,” Clinton said. “B.” — one quotation interrupted by its attribution sentence: PolNeAR annotates it as one
 * (discontinuous) content, so two relations with the same cue and source, the first a quotation ending before
 * the cue and the second one opening after the attribution sentence's full stop in the same paragraph, become
 * one whose content covers both (measured on PolNeAR dev: 6 of 8 such pairs are one content there, 1 two).
 */
/** A content that opens / closes with a quotation mark (double, '' … '', or British single ‘ … ’ / ' … '). */
const OPENS_QUOTE = /^["“„«‘']/;
const CLOSES_QUOTE = /["”»’']$/;

function joinSplitQuotation(list: Attribution[], text: string): Attribution[] {
  const out: Attribution[] = [];
  const gone = new Set<Attribution>();
  const byCue = new Map<string, Attribution[]>();
  for (const a of list) {
    const k = `${a.cue.start}:${a.cue.end}:${a.source?.start ?? -1}:${a.source?.end ?? -1}`;
    const xs = byCue.get(k);
    if (xs) xs.push(a);
    else byCue.set(k, [a]);
  }
  for (const xs of byCue.values()) {
    if (xs.length !== 2 || !xs[0].source) continue;
    const [a, b] = xs[0].content.start < xs[1].content.start ? xs : [xs[1], xs[0]];
    if (!(a.content.end <= a.cue.start && b.content.start >= a.cue.end && a.content.end <= a.source!.start && b.content.start >= a.source!.end)) continue;
    if (!CLOSES_QUOTE.test(a.content.text) || !OPENS_QUOTE.test(b.content.text)) continue;
    const between = text.slice(a.content.end, b.content.start);
    if (between.includes('\n') || !/[.!?]\s+$/.test(between)) continue;
    const joined = { ...a, content: { start: a.content.start, end: b.content.end, text: text.slice(a.content.start, b.content.end) }, form: 'direct' as const };
    if (decided.has(a)) decided.add(joined);
    gone.add(a);
    gone.add(b);
    out.push(joined);
  }
  if (!gone.size) return list;
  return [...list.filter((a) => !gone.has(a)), ...out];
}

/**
 * Model relations the linker put together across a quotation's marks: a cue inside a quotation the rules
 * read ("“President Putin has repeatedly stated that …,” Peskov said") with a source outside it or a
 * content running out of it. The words inside the marks are the quoted speaker's; such a relation mixes
 * two (the quoted one, if any, is the rules' or another model relation's). Measured on PolNeAR dev.
 */
function withoutMisassembled(model: Attribution[], rules: Attribution[]): Attribution[] {
  const quotes = rules.filter((r) => r.form === 'direct' && OPENS_QUOTE.test(r.content.text));
  if (!quotes.length) return model;
  const at = overlapIndex(quotes.map((r) => r.content));
  const inside = (a: Span, b: Span): boolean => b.start <= a.start && a.end <= b.end;
  return model.filter((m) => {
    for (const k of at(m.cue)) {
      const q = quotes[k].content;
      if (!(q.start < m.cue.start && m.cue.end < q.end)) continue;
      if (!inside(m.content, q) || (m.source !== null && !inside(m.source, q))) return false;
    }
    return true;
  });
}

/**
 * PolNeAR convention: a source with an appositive closed by a comma before its cue keeps that comma
 * ("Douglas Brinkley, a historian who attended the session, said"). For rule relations and for sources
 * filled from the clause's subject.
 */
function normalizeRule(r: Attribution, text: string): Attribution {
  const s = r.source;
  if (!s || !s.text.includes(',') || text[s.end] !== ',' || r.cue.start < s.end) return r;
  return { ...r, source: { start: s.start, end: s.end + 1, text: text.slice(s.start, s.end + 1) } };
}

/** A wire dateline opening the source: "LA CROSSE, Wisc. — " in "LA CROSSE, Wisc. — Gov. Mike Pence blamed". */
const DATELINE_IN_SOURCE = /^\p{Lu}[\p{Lu}'’.-]+(?:\s+\p{Lu}[\p{Lu}'’.-]+)*(?:,\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2})?\s*(?:\([^)]{1,30}\)\s*)?[—–-]{1,2}\s+/u;

/** Who quotes the source, before it: "The AP quotes " in "The AP quotes Nicaraguan spokeswoman Rosario Murillo as saying". */
const QUOTING_IN_SOURCE = /^[^,\n]{1,60}?\s(?:quotes|quoted|cites|cited)\s+(?=\S)/u;

/** One word of a name: capitalised, or an initial/abbreviation ("U.S.", "Sen.", "D."). */
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’&-]*|(?:\p{Lu}\.)+|(?:Sen|Rep|Gov|Gen|Dr|Mr|Mrs|Ms|St|Lt|Col|Adm)\.)$/u;
/** Words that join the parts of a name ("Observatory for Human Rights", "Bank of England"). */
const NAME_JOINER = /^(?:of|for|on|and|de|the)$/;

/**
 * Where a name the tagger cut short really starts: "The Syrian Observatory for [Human Rights]" → the
 * start of "The Syrian Observatory for Human Rights". Walks back over capitalised words and joiners on
 * the same line; the name must open with a capitalised word or "the".
 */
function nameStart(text: string, start: number): number {
  const words = /(\S+)\s+$/u;
  let best = start;
  let at = start;
  for (let n = 0; n < 8; n++) {
    const before = text.slice(Math.max(0, at - 40), at);
    const m = words.exec(before);
    if (!m || /\n/.test(m[0])) break;
    const w = m[1];
    const wStart = at - m[0].length;
    if (NAME_WORD.test(w)) {
      at = wStart;
      best = at;
    } else if (NAME_JOINER.test(w) || w === 'The') {
      at = wStart;
      if (/^the$/i.test(w)) best = at;
    } else break;
  }
  return best;
}

/** Debris the tagger leaves at a source's edges: a quotation mark or "However," before it, "as" or a dash after it. */
const SOURCE_HEAD_DEBRIS = /^(?:["“”‘’'«»]\s*|(?:However|Meanwhile|Still|Instead|Also|Yet|But|And),?\s+)+/u;
const SOURCE_TAIL_DEBRIS = /(?:\s+(?:as|to)|\s*[—–]+|\s+-+)$/u;

/** PolNeAR's "according to" cue holds both words; the tagger sometimes stops at "according". */
function normalizeModel(m: Attribution, text: string): Attribution {
  if (m.source) {
    const head = SOURCE_HEAD_DEBRIS.exec(m.source.text)?.[0].length ?? 0;
    const tail = SOURCE_TAIL_DEBRIS.exec(m.source.text)?.[0].length ?? 0;
    if ((head || tail) && head + tail < m.source.text.length) {
      const start = m.source.start + head;
      const end = m.source.end - tail;
      m = { ...m, source: { start, end, text: text.slice(start, end) } };
    }
  }
  const d = m.source ? DATELINE_IN_SOURCE.exec(m.source.text) ?? QUOTING_IN_SOURCE.exec(m.source.text) : null;
  if (d && m.source && d[0].length < m.source.text.length) {
    const start = m.source.start + d[0].length;
    m = { ...m, source: { start, end: m.source.end, text: text.slice(start, m.source.end) } };
  }
  // only a cut inside a name: the word before the source joins it to a name ("… Observatory for [Human Rights]")
  if (m.source && /^\p{Lu}/u.test(m.source.text) && /\p{Lu}[\p{L}.'’-]*\s+(?:of|for|on|de)\s+$/u.test(text.slice(Math.max(0, m.source.start - 40), m.source.start))) {
    const start = nameStart(text, m.source.start);
    if (start < m.source.start) m = { ...m, source: { start, end: m.source.end, text: text.slice(start, m.source.end) } };
  }
  if (/^according$/i.test(m.cue.text)) {
    const to = /^\s+to\b/.exec(text.slice(m.cue.end, m.cue.end + 8));
    if (to) {
      const end = m.cue.end + to[0].length;
      return { ...m, cue: { start: m.cue.start, end, text: text.slice(m.cue.start, end) }, form: 'according-to' };
    }
  }
  return m;
}

/**
 * For an indirect-speech pair, the rule's content is better when it holds the cue ("X, he said, Y":
 * the whole sentence is the content) or strictly contains the model's (the tagger tends to stop
 * early, at a comma or a relative clause). Measured on PolNeAR dev.
 */
function preferRuleContent(r: Attribution, m: Attribution): boolean {
  const inside = (a: Span, b: Span): boolean => b.start <= a.start && a.end <= b.end;
  return inside(r.cue, r.content) || (inside(m.content, r.content) && len(m.content) < len(r.content));
}

/** Relations whose `speakerId` the rules decided (a null there means "deliberately unresolved"). */
const decided = new WeakSet<Attribution>();

/**
 * Fill speaker and quote ids, sort in text order, number the ids. Speakers are resolved in text
 * order so that a pronoun source ("they said") goes to the most recent source of reported speech
 * when that is more recent than any speaker mention (possibly unresolved: "people close to X").
 */
function finish(list: Attribution[], ctx: MergeContext): Attribution[] {
  list.sort((a, b) => a.content.start - b.content.start || a.cue.start - b.cue.start || a.content.end - b.content.end);
  const bySource = [...list].filter((a) => a.source).sort((a, b) => a.source!.start - b.source!.start);
  const last = { plural: { start: -1, id: null as string | null }, singular: { start: -1, id: null as string | null } };
  for (const a of bySource) {
    const src = a.source!;
    const pronoun = /^(?:he|she|they)$/i.test(src.text);
    if (!decided.has(a) && !a.speakerId) {
      const id = ctx.speakerOf(src);
      const recent = /^they$/i.test(src.text) ? last.plural : last.singular;
      const mention = pronoun ? ctx.lastMentionBefore(src.start) : -1;
      const fits = !recent.id || !ctx.pronounFits || ctx.pronounFits(recent.id, src.text);
      a.speakerId = pronoun && recent.start > mention && fits ? recent.id : id;
    }
    if (!pronoun && !/^(?:it|we|i|who|which|that)$/i.test(src.text)) {
      const head = src.text.split(/,/)[0].split(/\s(?:close|familiar|of|from|with|in|at|who|for|to)\b/)[0].trim().split(/\s+/).pop() ?? '';
      const target = /(?:s|people|officials)$/i.test(head) && !/ss$/.test(head) ? last.plural : last.singular;
      target.start = src.start;
      target.id = a.speakerId;
    }
  }
  const quotesAt = overlapIndex(ctx.quotes);
  for (const a of list) {
    a.articleId = ctx.articleId;
    if (!a.quoteId) a.quoteId = quoteFor(a.content, quotesAt(a.content).map((i) => ctx.quotes[i]));
  }
  list.forEach((a, n) => (a.id = `${ctx.articleId}:r${n + 1}`));
  return list;
}

/** The quote that covers most of `content` (at least half of the quote lies inside it), or null. */
function quoteFor(content: Span, quotes: Quote[]): string | null {
  let best: string | null = null;
  let bestO = 0;
  for (const q of quotes) {
    const o = inter(q, content);
    if (o * 2 >= len(q) && o > bestO) {
      best = q.id;
      bestO = o;
    }
  }
  return best;
}

/** Speaker resolution for the merge: `speakerResolver` plus where the last speaker mention before an offset starts. */
export function speakerContext(text: string, speakers: Speaker[]): Pick<MergeContext, 'speakerOf' | 'lastMentionBefore' | 'pronounFits'> {
  const starts = speakers.flatMap((sp) => sp.mentions.map((m) => m.start)).sort((a, b) => a - b);
  const lastMentionBefore = (offset: number): number => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? starts[lo - 1] : -1;
  };
  const byId = new Map(speakers.map((sp) => [sp.id, sp]));
  const fits = (id: string, pronoun: string): boolean => {
    const sp = byId.get(id);
    return !sp || pronounFits(sp, pronoun);
  };
  return { speakerOf: speakerResolver(text, speakers), lastMentionBefore, pronounFits: fits };
}

/**
 * Resolve a source phrase to an article-level speaker: a speaker mention it overlaps, else (who /
 * which / that) the mention right before it, else a speaker whose name or surname it ends with, else
 * (he/she/they) the most recent fitting speaker mentioned before it. Null when nothing fits.
 */
export function speakerResolver(text: string, speakers: Speaker[]): (source: Span) => string | null {
  const mentions = speakers
    .flatMap((sp) => sp.mentions.map((m) => ({ start: m.start, end: m.end, sp })))
    .sort((x, y) => x.start - y.start || x.end - y.end);
  const byName = new Map<string, string>();
  const bySurname = new Map<string, string>();
  for (const sp of speakers) {
    for (const n of sp.names) {
      const k = n.toLowerCase();
      if (!byName.has(k)) byName.set(k, sp.id);
      if (sp.kind !== 'person') continue;
      const last = surnameOf(n).toLowerCase();
      bySurname.set(last, bySurname.has(last) && bySurname.get(last) !== sp.id ? '' : sp.id);
    }
  }
  const mentionsAt = overlapIndex(mentions);
  const starts = mentions.map((m) => m.start);
  return (src: Span): string | null => {
    let best: string | null = null;
    let bestO = 0;
    for (const i of mentionsAt(src)) {
      const m = mentions[i];
      const o = inter(m, src);
      if (o > bestO) {
        best = m.sp.id;
        bestO = o;
      }
    }
    if (best) return best;
    const phrase = text.slice(src.start, src.end).trim().toLowerCase().replace(/[’']s$/, '');
    if (/^(?:who|which|that)$/.test(phrase)) {
      // "Peskov, who said …": the speaker mentioned right before the relative pronoun
      const i = lowerBound(starts, src.start) - 1;
      for (let k = i; k >= 0 && k > i - 8; k--) {
        const m = mentions[k];
        if (m.end <= src.start && /^[\s,]{0,3}$/.test(text.slice(m.end, src.start))) return m.sp.id;
      }
      return null;
    }
    const named = byName.get(phrase);
    if (named) return named;
    const words = phrase.split(/\s+/);
    const sur = bySurname.get(words[words.length - 1]);
    if (sur) return sur;
    if (/^(?:he|she|they)$/.test(phrase)) {
      const plural = phrase === 'they';
      // the most recent fitting mention before it (a bounded look back); "he" is not a spokeswoman
      let i = lowerBound(starts, src.start) - 1;
      for (const stop = Math.max(0, i - 500); i >= stop; i--) {
        const m = mentions[i];
        const k = m.sp.kind;
        if (plural ? k === 'collective' || k === 'anonymous' || k === 'organization' : k === 'person' && pronounFits(m.sp, phrase)) return m.sp.id;
      }
    }
    return null;
  };
}

/**
 * Quotes the rules left without a speaker, written or inherited (partial quotes inside reported
 * speech: `X said the plan was "dead on arrival"`), take the source and cue of the merged
 * attribution whose content holds them (the tightest one), or else of one whose source opens right
 * after the closing comma and mark (`“…,” Rep. Jim Jordan (R-Ohio), a panel member, said`). (A
 * quotation right after an attributed sentence is not given that sentence's source: on PolNeAR
 * train that was right for under half of them.) A relative pronoun source ("who") is no speaker
 * phrase. Sets the draft's cue (token ranges) and the quote's speaker and verb, so that
 * `resolveSpeakers` run again resolves them like any other quote. Returns the ids of the quotes changed.
 */
export function adoptQuoteSpeakers(drafts: QuoteDraft[], attributions: Attribution[], tokens: Token[], text: string): Set<string> {
  const adopted = new Set<string>();
  const at = overlapIndex(attributions.map((a) => a.content));
  const named = attributions.filter((a) => a.source && !/^(?:who|which|that)$/i.test(a.source.text));
  const sourceStarts = named.map((a) => a.source!.start);
  const order = sourceStarts.map((_, i) => i).sort((x, y) => sourceStarts[x] - sourceStarts[y] || x - y);
  const sortedStarts = order.map((i) => sourceStarts[i]);
  /**
   * A relation whose source opens right after the closing mark, with a comma at the close and its
   * cue after the source: `“…,” Rep. X (R-Ohio), a member, said`. (Without the comma — `“… over.”
   * Smith said the talks …` — it is mostly a new sentence by someone else: on PolNeAR train such
   * adoptions were right 13% of the time, with the comma 4 of 4.)
   */
  const signedAfter = (close: number): Attribution | null => {
    for (let k = lowerBound(sortedStarts, close + 1); k < order.length && sortedStarts[k] <= close + 4; k++) {
      const a = named[order[k]];
      const gap = text.slice(close + 1, a.source!.start);
      if (/^[\s,]*$/.test(gap) && /,/.test(text[quoteEnd(text, close) - 1] + gap) && a.cue.start >= a.source!.end && a.cue.start - a.source!.end < 40) return a;
    }
    return null;
  };
  for (const d of drafts) {
    const q = d.quote;
    if (q.speakerSpan || q.speakerId || d.inheritsFrom !== null || d.caption) continue;
    let best: Attribution | null = null;
    for (const k of at(q)) {
      const a = attributions[k];
      if (!a.source || /^(?:who|which|that)$/i.test(a.source.text)) continue;
      if (inter(q, a.content) * 2 < len(q)) continue;
      if (!best || len(a.content) < len(best.content)) best = a;
    }
    if (!best && d.close >= 0) best = signedAfter(d.close);
    if (!best || !best.source) continue;
    const s0 = tokenAt(tokens, best.source.start);
    let s1 = s0;
    while (s1 < tokens.length && tokens[s1].start < best.source.end) s1++;
    const v = tokenAt(tokens, best.cue.start);
    if (s1 <= s0 || v >= tokens.length) continue;
    d.cue = { speaker: [s0, s1], verb: v, side: best.source.start < q.start ? 'before' : 'after' };
    q.speaker = best.source.text;
    q.speakerSpan = { start: best.source.start, end: best.source.end };
    if (!q.verbSpan) {
      q.verb = best.cue.text;
      q.verbSpan = { start: best.cue.start, end: best.cue.end };
    }
    adopted.add(q.id);
  }
  return adopted;
}

/**
 * Every attribution source resolved to a speaker becomes a mention of that speaker (if it is not one
 * already; relative pronouns are not), so the speaker's evidence covers indirect speech too.
 * Mentions stay in text order.
 */
export function addSourceMentions(speakers: Speaker[], attributions: Attribution[], articleId: string): void {
  const byId = new Map(speakers.map((s) => [s.id, s]));
  const known = new Set(speakers.flatMap((s) => s.mentions.map((m) => `${s.id}:${m.start}:${m.end}`)));
  const touched = new Set<Speaker>();
  for (const a of attributions) {
    if (!a.source || !a.speakerId || /^(?:who|which|that)$/i.test(a.source.text)) continue;
    const sp = byId.get(a.speakerId);
    const key = `${a.speakerId}:${a.source.start}:${a.source.end}`;
    if (!sp || known.has(key)) continue;
    known.add(key);
    sp.mentions.push({ articleId, start: a.source.start, end: a.source.end, text: a.source.text });
    touched.add(sp);
  }
  for (const sp of touched) sp.mentions.sort((x, y) => x.start - y.start || x.end - y.end);
}
