import type { Article, Evidence, Quote, QuoteVariant, Speaker, SpeakerKind } from '../model.js';
import { articleLabel, articleLabels, articleOrder } from './quote-text.js';
import { compareDescriptions, compareNames, describe, type DescriptionRelation, nameTokens } from './speaker-names.js';

/**
 * Resolve article-level speakers into one identity per person across the story.
 *
 * Merges, strongest first, each recorded in `mergeEvidence`:
 * 1. names: the same name, a surname ↔ the one full name in the story with that surname,
 *    a transliteration variant with the same first name;
 * 2. a shared quote variant whose two speakers are not named differently and whose
 *    descriptions do not conflict ("a National Security Council member" ↔ "US National
 *    Security Council spokeswoman Adrienne Watson");
 * 3. equivalent descriptions across articles ("a Kremlin spokesman" ↔ "Kremlin spokesman")
 *    when exactly one named identity fits, or between unnamed sources.
 * Two different named people are never merged; clusters that already hold two speakers of
 * one article are not merged on description grounds (the article kept them apart).
 */
export function resolveStorySpeakers(input: {
  articles: Article[];
  speakers: Speaker[];
  quotes: Quote[];
  variants: QuoteVariant[];
}): { speakers: Speaker[]; map: Map<string, string> } {
  const order = articleOrder(input.articles);
  const byId = new Map(input.articles.map((a) => [a.id, a]));
  const labels = articleLabels(input.articles);
  const label = (articleId: string) => labels.get(articleId) ?? articleLabel(byId.get(articleId));

  const firstAppearance = (s: Speaker, i: number): [number, number, number] => {
    let best: [number, number] = [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
    for (const m of s.mentions) {
      const key: [number, number] = [order.get(m.articleId) ?? Number.MAX_SAFE_INTEGER, m.start];
      if (key[0] < best[0] || (key[0] === best[0] && key[1] < best[1])) best = key;
    }
    return [best[0], best[1], i];
  };
  const articleOf = new Map<string, string | null>();
  for (const s of input.speakers) articleOf.set(s.id, s.mentions[0]?.articleId ?? null);
  for (const q of input.quotes) if (q.speakerId && !articleOf.get(q.speakerId)) articleOf.set(q.speakerId, q.articleId);

  const sorted = input.speakers
    .map((s, i) => ({ s, key: firstAppearance(s, i) }))
    .sort((x, y) => x.key[0] - y.key[0] || x.key[1] - y.key[1] || x.key[2] - y.key[2]);

  const clusters: Cluster[] = sorted.map(({ s }, rank) => ({
    rank,
    members: [s],
    names: [...s.names],
    descriptions: [...s.descriptions],
    articles: new Set(articleOf.get(s.id) ? [articleOf.get(s.id)!] : []),
    evidence: [],
    kinds: new Set([s.kind]),
  }));
  const parent = clusters.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const indexOf = new Map(sorted.map(({ s }, i) => [s.id, i]));
  const union = (i: number, j: number, why: string): void => {
    let a = find(i);
    let b = find(j);
    if (a === b) return;
    if (b < a) [a, b] = [b, a];
    parent[b] = a;
    const A = clusters[a];
    const B = clusters[b];
    A.members.push(...B.members);
    // (one form per wording: "Labour's" and "Labour’s" are the same description typeset two ways)
    const typeset = (x: string): string => x.replace(/[\u2018\u2019]/g, "'");
    for (const n of B.names) if (!A.names.some((x) => typeset(x) === typeset(n))) A.names.push(n);
    for (const d of B.descriptions) if (!A.descriptions.some((x) => typeset(x) === typeset(d))) A.descriptions.push(d);
    for (const x of B.articles) A.articles.add(x);
    for (const k of B.kinds) A.kinds.add(k);
    A.evidence.push(...B.evidence, why);
  };
  const who = (s: Speaker) => {
    const art = articleOf.get(s.id);
    const name = s.names[0] ?? s.descriptions[0] ?? s.id;
    return art ? `“${name}” (${label(art)})` : `“${name}”`;
  };

  // 1. names
  const fullNames = new Map<string, Set<number>>(); // surname → clusters holding a multi-word name with it
  for (let i = 0; i < clusters.length; i++) {
    for (const n of clusters[i].names) {
      const t = nameTokens(n);
      if (t.length < 2) continue;
      const key = t[t.length - 1];
      let set = fullNames.get(key);
      if (!set) fullNames.set(key, (set = new Set()));
      set.add(i);
    }
  }
  // 1a. identical names (linear)
  const byName = new Map<string, number>();
  for (let i = 0; i < clusters.length; i++) {
    const si = sorted[i].s;
    for (const n of si.names) {
      const key = nameTokens(n).join(' ');
      if (!key) continue;
      const prev = byName.get(key);
      if (prev === undefined) { byName.set(key, i); continue; }
      if (find(prev) === find(i) || !kindsFit(sorted[prev].s.kind, si.kind)) continue;
      if (!namesCompatible(clusters[find(prev)], clusters[find(i)])) continue;
      union(prev, i, `same name “${n}” — ${who(sorted[prev].s)} = ${who(si)}`);
    }
  }
  // 1b. spelling variants, then surnames, compared within buckets of surname prefixes
  const buckets = new Map<string, Set<number>>();
  for (let i = 0; i < clusters.length; i++) {
    for (const n of sorted[i].s.names) {
      const last = nameTokens(n).pop();
      if (!last) continue;
      const k = last.slice(0, 4);
      let set = buckets.get(k);
      if (!set) buckets.set(k, (set = new Set()));
      set.add(find(i));
    }
  }
  const pairs: Array<[number, number]> = [];
  for (const set of buckets.values()) {
    const l = [...set].sort((x, y) => x - y);
    for (let x = 0; x < l.length; x++) for (let y = x + 1; y < l.length; y++) pairs.push([l[x], l[y]]);
  }
  pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  for (const pass of ['variant', 'surname'] as const) {
    for (const [i, j] of pairs) {
      if (find(i) === find(j)) continue;
      const ci = clusters[find(i)];
      const cj = clusters[find(j)];
      if (!clusterKindsFit(ci, cj)) continue;
      const rel = bestNameRelation(ci.names, cj.names);
      if (!rel || rel.relation !== pass) continue;
      if (rel.relation === 'surname') {
        // only people have surnames, and a surname is capitalised ("agency" is not one)
        if (![...ci.kinds, ...cj.kinds].every((k) => PERSONISH.has(k))) continue;
        const singleRaw = nameTokens(rel.x).length === 1 ? rel.x : rel.y;
        if (!/^\p{Lu}/u.test(singleRaw.replace(/^(mr|mrs|ms|dr)\.?\s+/i, '').trim())) continue;
        const single = nameTokens(singleRaw)[0];
        const holders = new Set([...(fullNames.get(single) ?? [])].map(find));
        if (holders.size > 1) continue; // "Biden" when the story has two Bidens
      }
      if (!namesCompatible(ci, cj)) continue;
      const how =
        rel.relation === 'surname' ? `“${rel.x}” and “${rel.y}”: surname of the only person so named in the story` :
        `“${rel.x}” and “${rel.y}”: spelling variants of one name`;
      union(i, j, `${how} — ${who(sorted[i].s)} = ${who(sorted[j].s)}`);
    }
  }

  // 2. shared quote variants
  const quoteById = new Map(input.quotes.map((q) => [q.id, q]));
  for (const v of input.variants) {
    if (!v.b.quoteId) continue;
    const qa = quoteById.get(v.a.quoteId);
    const qb = quoteById.get(v.b.quoteId);
    // (a guessed speaker is no evidence that two speakers are one)
    if (!qa?.speakerId || !qb?.speakerId || qa.speakerGuessed || qb.speakerGuessed) continue;
    const i = indexOf.get(qa.speakerId);
    const j = indexOf.get(qb.speakerId);
    if (i === undefined || j === undefined) continue;
    const ci = clusters[find(i)];
    const cj = clusters[find(j)];
    if (ci === cj || sharesArticle(ci, cj) || !clusterKindsFit(ci, cj)) continue;
    if (ci.names.length && cj.names.length) {
      // both named: only when the names fit ("Trump" / "Donald Trump") — the shared quote settles
      // a surname that alone was ambiguous; different people are never merged
      const rel = bestNameRelation(ci.names, cj.names);
      if (!rel || rel.relation === 'different' || !namesCompatible(ci, cj) || v.similarity < 0.5) continue;
      union(i, j, `same quote (${v.class}, ${label(v.a.articleId)} ↔ ${label(v.b.articleId)}: “${clip(v.a.text)}”) credited to ${who(sorted[i].s)} and ${who(sorted[j].s)}, names fit (“${rel.x}” / “${rel.y}”)`);
      continue;
    }
    if (!ci.names.length && !cj.names.length && !ci.descriptions.length && !cj.descriptions.length) continue;
    const desc = describeRelation(ci, cj);
    if (desc.relation === 'conflict') continue;
    if (desc.relation === 'unknown' && (ci.descriptions.length && cj.descriptions.length)) continue;
    if (v.similarity < 0.5 && desc.relation !== 'equivalent') continue;
    const because = desc.shared.length ? `; descriptions agree on ${desc.shared.map((w) => `“${w}”`).join(', ')}` : '';
    union(i, j, `same quote (${v.class}, ${label(v.a.articleId)} ↔ ${label(v.b.articleId)}: “${clip(v.a.text)}”) credited to ${who(sorted[i].s)} and ${who(sorted[j].s)}${because}`);
  }

  // 3. equivalent descriptions across articles (candidates share a description word)
  const byWord = new Map<string, number[]>();
  for (let i = 0; i < clusters.length; i++) {
    for (const d of sorted[i].s.descriptions) for (const w of describe(d).orgs) {
      let l = byWord.get(w);
      if (!l) byWord.set(w, (l = []));
      if (l[l.length - 1] !== i) l.push(i);
    }
  }
  for (let j = 0; j < clusters.length; j++) {
    const cj = clusters[find(j)];
    if (cj.names.length || !cj.descriptions.length) continue;
    const cands = new Set<number>();
    for (const d of sorted[j].s.descriptions) for (const w of describe(d).orgs) for (const i of byWord.get(w) ?? []) cands.add(find(i));
    const named: number[] = [];
    const unnamed: number[] = [];
    for (const root of [...cands].sort((a, b) => a - b)) {
      if (root === find(j)) continue;
      const ci = clusters[root];
      if (sharesArticle(ci, cj) || !clusterKindsFit(ci, cj)) continue;
      if (describeRelation(ci, cj).relation !== 'equivalent') continue;
      (ci.names.length ? named : unnamed).push(root);
    }
    const targets = named.length === 1 ? named : named.length === 0 ? unnamed : [];
    for (const t of targets) {
      const ct = clusters[find(t)];
      const cur = clusters[find(j)];
      if (find(t) === find(j) || sharesArticle(ct, cur)) continue;
      const rel = describeRelation(ct, cur);
      union(t, j, `equivalent descriptions “${rel.x}” and “${rel.y}”${named.length ? ' (the only named person described so)' : ''}`);
    }
  }

  // story speakers in first-appearance order
  const roots = [...new Set(clusters.map((_, i) => find(i)))].sort((a, b) => a - b);
  const map = new Map<string, string>();
  const speakers: Speaker[] = roots.map((root, n) => {
    const c = clusters[root];
    const id = `p${n + 1}`;
    for (const m of c.members) map.set(m.id, id);
    const mentions: Evidence[] = c.members
      .flatMap((m) => m.mentions)
      .sort((x, y) => (order.get(x.articleId) ?? 0) - (order.get(y.articleId) ?? 0) || x.start - y.start || x.end - y.end);
    const out: Speaker = {
      id,
      kind: storyKind(c),
      names: c.names,
      descriptions: c.descriptions,
      mentions,
      members: c.members.map((m) => m.id),
    };
    if (c.members.length > 1) out.mergeEvidence = c.evidence;
    return out;
  });
  return { speakers, map };
}

interface Cluster {
  rank: number;
  members: Speaker[];
  names: string[];
  descriptions: string[];
  articles: Set<string>;
  evidence: string[];
  kinds: Set<SpeakerKind>;
}

function bestNameRelation(xs: string[], ys: string[]): { relation: ReturnType<typeof compareNames>; x: string; y: string } | null {
  const rank = { same: 0, variant: 1, surname: 2, different: 3 } as const;
  let best: { relation: ReturnType<typeof compareNames>; x: string; y: string } | null = null;
  for (const x of xs) for (const y of ys) {
    const relation = compareNames(x, y);
    if (!best || rank[relation] < rank[best.relation]) best = { relation, x, y };
  }
  return best;
}

/** No two multi-word names of the clusters belong to different people, and some name pair matches. */
function namesCompatible(a: Cluster, b: Cluster): boolean {
  if (!a.names.length || !b.names.length) return true;
  let matched = false;
  for (const x of a.names) for (const y of b.names) {
    const rel = compareNames(x, y);
    if (rel !== 'different') matched = true;
    else if (nameTokens(x).length > 1 && nameTokens(y).length > 1) return false;
  }
  return matched;
}

function describeRelation(a: Cluster, b: Cluster): { relation: DescriptionRelation; shared: string[]; x: string; y: string } {
  const rank: Record<DescriptionRelation, number> = { equivalent: 0, compatible: 1, unknown: 2, conflict: 3 };
  let best: { relation: DescriptionRelation; shared: string[]; x: string; y: string } = { relation: 'unknown', shared: [], x: '', y: '' };
  let any = false;
  for (const x of a.descriptions) for (const y of b.descriptions) {
    const r = compareDescriptions(x, y);
    if (!any || rank[r.relation] < rank[best.relation]) best = { ...r, x, y };
    any = true;
  }
  return best;
}

function sharesArticle(a: Cluster, b: Cluster): boolean {
  for (const x of a.articles) if (b.articles.has(x)) return true;
  return false;
}

const PERSONISH = new Set<SpeakerKind>(['person', 'anonymous']);
function kindsFit(a: SpeakerKind, b: SpeakerKind): boolean {
  if (a === b) return true;
  if (PERSONISH.has(a) && PERSONISH.has(b)) return true;
  return (a === 'organization' || a === 'outlet') && (b === 'organization' || b === 'outlet');
}

function clusterKindsFit(a: Cluster, b: Cluster): boolean {
  for (const x of a.kinds) for (const y of b.kinds) if (!kindsFit(x, y)) return false;
  return true;
}

function storyKind(c: Cluster): SpeakerKind {
  if (c.kinds.size === 1) {
    const only = [...c.kinds][0];
    return only === 'anonymous' && c.names.length ? 'person' : only;
  }
  if (c.kinds.has('person') || c.names.length) return 'person';
  return [...c.kinds].sort()[0];
}

function clip(s: string, n = 60): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? t.slice(0, n - 1).trimEnd() + '…' : t;
}
