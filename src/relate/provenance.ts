import type {
  Alignment,
  Article,
  Citation,
  Evidence,
  ProvenanceEdge,
  ProvenanceNode,
  ProvenanceNodeKind,
  Quote,
  Speaker,
} from '../model.js';
import { outletFromName } from '../extract/outlets.js';
import { articleLabel, articleLabels, articleOrder, slug } from './quote-text.js';
import { compareNames, describe } from './speaker-names.js';

/**
 * The provenance graph of a story: who relayed whom.
 *
 * Nodes: every input article (`article:<id>`, labelled with its outlet), every outlet,
 * person, anonymous source, organisation or document an article cites or quotes
 * (`outlet:<slug>`, `person:<slug>`, `anon:<slug>`, `org:<slug>`, `doc:<slug>`). A cited
 * outlet that is one of the inputs is that input's article node.
 * Edges: article → source (`cites` from citations, `quotes` from attributed quotes), and
 * later article → earlier article (`copies` for long word-for-word overlap, `earlier` for
 * a shared but reworded account) when publication times order them. Every edge carries
 * its evidence spans and a one-line explanation.
 */
export function buildProvenance(input: {
  articles: Article[];
  citations: Citation[];
  quotes: Quote[];
  storySpeakers: Speaker[];
  alignment?: Alignment;
}): { nodes: ProvenanceNode[]; edges: ProvenanceEdge[] } {
  const order = articleOrder(input.articles);
  const byId = new Map(input.articles.map((a) => [a.id, a]));
  const labels = articleLabels(input.articles);
  const nodes = new Map<string, ProvenanceNode>();
  const edges = new Map<string, ProvenanceEdge & { count: number; cues: Set<string>; asWritten: Set<string>; via: Set<string> }>();

  // input articles; an outlet name → the first input article of that outlet
  const inputByOutlet = new Map<string, string>();
  const sortedArticles = [...input.articles].sort((x, y) => order.get(x.id)! - order.get(y.id)!);
  for (const a of sortedArticles) {
    const id = `article:${a.id}`;
    if (nodes.has(id)) continue;
    nodes.set(id, { id, label: labels.get(a.id) ?? articleLabel(a), kind: 'article', articleId: a.id, input: true });
    if (a.outlet) {
      const key = outletKey(a.outlet);
      if (!inputByOutlet.has(key)) inputByOutlet.set(key, id);
    }
  }

  const addNode = (id: string, label: string, kind: ProvenanceNodeKind): string => {
    if (!nodes.has(id)) nodes.set(id, { id, label, kind, articleId: null, input: false });
    return id;
  };
  const addEdge = (from: string, to: string, kind: ProvenanceEdge['kind'], ev: Evidence, cue: string | null) => {
    const key = `${from}|${to}|${kind}`;
    let e = edges.get(key);
    if (!e) edges.set(key, (e = { from, to, kind, evidence: [], explanation: '', count: 0, cues: new Set(), asWritten: new Set(), via: new Set() }));
    e.evidence.push(ev);
    e.count++;
    if (cue) e.cues.add(cue.toLowerCase());
  };
  const ev = (articleId: string, start: number, end: number): Evidence => ({
    articleId,
    start,
    end,
    text: byId.get(articleId)?.text.slice(start, end) ?? '',
  });

  // story speakers → node ids
  const speakerNode = new Map<string, string>();
  const personByName = new Map<string, string>();
  for (const s of input.storySpeakers) {
    const nodeId = nodeForSpeaker(s, inputByOutlet);
    if (!nodeId) continue;
    speakerNode.set(s.id, nodeId.id);
    for (const m of s.members ?? []) speakerNode.set(m, nodeId.id);
    if (!nodeId.id.startsWith('article:')) addNode(nodeId.id, nodeId.label, nodeId.kind);
    for (const n of s.names) personByName.set(n.toLowerCase(), nodeId.id);
  }

  // citations
  const citations = [...input.citations].sort(
    (x, y) => (order.get(x.articleId) ?? 0) - (order.get(y.articleId) ?? 0) || x.start - y.start || x.end - y.end,
  );
  const outletCitations = new Map<string, Array<{ c: Citation; node: string }>>();
  for (const c of citations) {
    if (!byId.has(c.articleId)) continue;
    const from = `article:${c.articleId}`;
    const to = nodeForCitation(c, inputByOutlet, personByName, addNode);
    if (!to || to === from) continue;
    if (c.kind === 'outlet' || c.kind === 'organization') {
      let l = outletCitations.get(c.articleId);
      if (!l) outletCitations.set(c.articleId, (l = []));
      l.push({ c, node: to });
    }
    addEdge(from, to, 'cites', ev(c.articleId, c.start, c.end), c.cue);
    edges.get(`${from}|${to}|cites`)!.asWritten.add(c.source.trim());
  }

  const fromLabelOf = (id: string) => nodes.get(id)?.label ?? id;
  // attributed quotes
  const quotes = [...input.quotes].sort(
    (x, y) => (order.get(x.articleId) ?? 0) - (order.get(y.articleId) ?? 0) || x.start - y.start,
  );
  for (const q of quotes) {
    // (an article that gives no speaker relays no one's words here, whoever was mentioned last)
    if (!byId.has(q.articleId) || !q.speakerId || q.speakerGuessed) continue;
    const to = speakerNode.get(q.speakerId);
    const from = `article:${q.articleId}`;
    if (!to || to === from) continue;
    addEdge(from, to, 'quotes', ev(q.articleId, q.start, q.end), q.verb);
    if (q.speaker && !PRONOUN.test(q.speaker.trim())) edges.get(`${from}|${to}|quotes`)!.asWritten.add(q.speaker.trim());
    if (q.speakerSpan) edges.get(`${from}|${to}|quotes`)!.evidence.push(ev(q.articleId, q.speakerSpan.start, q.speakerSpan.end));
    // "…,” a Kremlin spokesman told Bloomberg: the outlet got the quote first, the article relays it
    const via = relayingOutlet(q, outletCitations.get(q.articleId) ?? [], byId.get(q.articleId)!.text, quotes);
    if (via && via.node !== to && via.node !== from) {
      addEdge(via.node, to, 'quotes', ev(q.articleId, q.start, q.end), via.c.cue);
      const e = edges.get(`${via.node}|${to}|quotes`)!;
      e.evidence.push(ev(q.articleId, via.c.start, via.c.end));
      e.via.add(fromLabelOf(from));
    }
  }

  // article ↔ article from the sentence alignment
  const between = articleEdges(input.alignment, order, byId, labels);

  const out: ProvenanceEdge[] = [];
  for (const e of edges.values()) {
    const fromLabel = nodes.get(e.from)!.label;
    const toNode = nodes.get(e.to)!;
    const cues = [...e.cues].slice(0, 3).map((c) => `“${c}”`).join(', ');
    const times = e.count === 1 ? 'once' : `${e.count} times`;
    e.explanation =
      e.kind === 'cites'
        ? `${fromLabel} cites ${toNode.label}${asWritten(e.asWritten, toNode.label)} ${times}${cues ? ` (${cues})` : ''}${toNode.input ? ' — an input article' : ''}`
        : e.via.size
          ? `${fromLabel} quoted ${toNode.label} first, as relayed by ${[...e.via].join(', ')} (${times}${cues ? `, ${cues}` : ''})`
          : `${fromLabel} quotes ${toNode.label}${asWritten(e.asWritten, toNode.label)} ${times}${cues ? ` (${cues})` : ''}`;
    out.push({ from: e.from, to: e.to, kind: e.kind, evidence: e.evidence, explanation: e.explanation });
  }
  out.push(...between);

  const nodeRank = new Map([...nodes.keys()].map((k, i) => [k, i]));
  out.sort(
    (x, y) => nodeRank.get(x.from)! - nodeRank.get(y.from)! || KIND_RANK[x.kind] - KIND_RANK[y.kind] || nodeRank.get(x.to)! - nodeRank.get(y.to)!,
  );
  return { nodes: [...nodes.values()], edges: out };
}

/** How far (characters) from a quote an outlet citation may be to say who the speaker spoke to. */
const RELAY_WINDOW = 160;

/**
 * The outlet a quote was given to, when the article says so right next to it ("…,” X told
 * Bloomberg", "X said in response to a question from Bloomberg News"): the nearest outlet
 * citation in the same paragraph, not separated from the quote by another quote.
 */
function relayingOutlet(
  q: Quote,
  cites: Array<{ c: Citation; node: string }>,
  text: string,
  quotes: Quote[],
): { c: Citation; node: string } | null {
  let best: { c: Citation; node: string } | null = null;
  let bestGap = Infinity;
  for (const x of cites) {
    if (!/^(told|tells|telling|said to|speaking to|in an interview with|a question from|an interview with|interview)$/i.test(x.c.cue.trim())) continue;
    const gap = x.c.start >= q.end ? x.c.start - q.end : q.start >= x.c.end ? q.start - x.c.end : 0;
    if (gap > RELAY_WINDOW || gap >= bestGap) continue;
    const lo = Math.min(q.end, x.c.end);
    const hi = Math.max(q.start, x.c.start);
    if (hi > lo && text.slice(lo, hi).includes('\n\n')) continue;
    if (quotes.some((o) => o !== q && o.articleId === q.articleId && o.start >= lo && o.end <= hi)) continue;
    best = x;
    bestGap = gap;
  }
  return best;
}

const PRONOUN = /^(he|she|they|him|her|them|it|we|i|you)$/i;

/** "(as “a Kremlin spokesman”)" when the article calls the source something other than the node label. */
function asWritten(labels: Set<string>, nodeLabel: string): string {
  const n = nodeLabel.toLowerCase();
  const other = [...labels].filter((l) => !l.toLowerCase().includes(n) && !n.includes(l.toLowerCase())).slice(0, 2);
  return other.length ? ` (as ${other.map((l) => `“${l}”`).join(', ')})` : '';
}

const KIND_RANK: Record<ProvenanceEdge['kind'], number> = { copies: 0, earlier: 1, cites: 2, quotes: 3 };

/** Canonical outlet key: the outlet list's name when known ("NY Post" → "new-york-post"), leading "the" dropped. */
export function outletKey(name: string): string {
  let canonical = name;
  try {
    canonical = outletFromName(name)?.name ?? name;
  } catch {
    // outlet list unreadable: fall back to the name as written
  }
  return slug(canonical.replace(/^the\s+/i, ''));
}

function nodeForSpeaker(
  s: Speaker,
  inputByOutlet: Map<string, string>,
): { id: string; label: string; kind: ProvenanceNodeKind } | null {
  const name = s.names[0];
  const desc = s.descriptions[0];
  if (s.kind === 'outlet') {
    const label = name ?? desc;
    if (!label) return null;
    const key = outletKey(label);
    return { id: inputByOutlet.get(key) ?? `outlet:${key}`, label, kind: 'outlet' };
  }
  if (s.kind === 'organization') {
    const label = name ?? desc;
    return label ? { id: `org:${slug(label.replace(/^the\s+/i, ''))}`, label, kind: 'organization' } : null;
  }
  if (name) return { id: `person:${slug(name)}`, label: name, kind: 'person' };
  if (desc) return { id: `anon:${anonKey(desc)}`, label: desc, kind: 'anonymous' };
  return null;
}

/** Key of an unnamed source: its role and affiliation words, so "two sources close to the Kremlin" = "two people close to the Kremlin". */
function anonKey(desc: string): string {
  const f = describe(desc);
  const parts = [...[...f.roles].sort(), ...[...f.orgs].sort()];
  return parts.length ? slug(parts.join(' ')) : slug(desc);
}

function nodeForCitation(
  c: Citation,
  inputByOutlet: Map<string, string>,
  personByName: Map<string, string>,
  addNode: (id: string, label: string, kind: ProvenanceNodeKind) => string,
): string | null {
  const source = c.source.trim();
  if (!source) return null;
  switch (c.kind) {
    case 'outlet': {
      const key = outletKey(source);
      return inputByOutlet.get(key) ?? addNode(`outlet:${key}`, source, 'outlet');
    }
    case 'person': {
      let known = personByName.get(source.toLowerCase());
      if (!known) {
        // "Peskov" → the one story identity named "Dmitry Peskov"
        const fits = new Set([...personByName].filter(([n]) => compareNames(source, n) !== 'different').map(([, id]) => id));
        if (fits.size === 1) known = [...fits][0];
      }
      return known ?? addNode(`person:${slug(source)}`, source, 'person');
    }
    case 'anonymous':
      return addNode(`anon:${anonKey(source)}`, source, 'anonymous');
    case 'document':
      return addNode(`doc:${slug(source)}`, source, 'document');
    case 'organization': {
      const key = outletKey(source);
      if (inputByOutlet.has(key)) return inputByOutlet.get(key)!;
      return addNode(`org:${slug(source.replace(/^the\s+/i, ''))}`, source, 'organization');
    }
    default:
      return null;
  }
}

/** What two input articles share: `x` is the earlier, `y` the later. */
interface PairOverlap {
  x: string;
  y: string;
  same: number;
  sameChars: number;
  reworded: number;
  evidence: Evidence[];
}

/** Minimum word-for-word overlap (characters of `same` sentences) for a `copies` edge. */
const COPY_MIN_CHARS = 280;
const COPY_MIN_SENTENCES = 3;
/** Earlier articles kept as likely sources of one later article (strongest overlap first). */
const MAX_SOURCES_PER_ARTICLE = 3;
/** Evidence spans kept per article → article edge (the counts are in the explanation). */
const MAX_EDGE_EVIDENCE = 12;

/**
 * Later → earlier edges between input articles: `copies` when they share long passages
 * word for word, `earlier` when they share a reworded account. Only when publication
 * times order the two articles (otherwise the direction is unknown and no edge is drawn).
 */
function articleEdges(
  alignment: Alignment | undefined,
  order: Map<string, number>,
  byId: Map<string, Article>,
  labels: Map<string, string>,
): ProvenanceEdge[] {
  if (!alignment) return [];
  const pairs = new Map<string, PairOverlap>();
  for (const link of alignment.links) {
    const xa = link.a[0]?.articleId;
    const ya = link.b[0]?.articleId;
    if (!xa || !ya || xa === ya || !byId.has(xa) || !byId.has(ya)) continue;
    const [x, y] = (order.get(xa) ?? 0) <= (order.get(ya) ?? 0) ? [xa, ya] : [ya, xa];
    const key = `${x}|${y}`;
    let p = pairs.get(key);
    if (!p) pairs.set(key, (p = { x, y, same: 0, sameChars: 0, reworded: 0, evidence: [] }));
    const refs = [...link.a, ...link.b];
    if (link.kind === 'same') {
      p.same++;
      p.sameChars += link.b.reduce((n, r) => n + (r.end - r.start), 0);
    } else p.reworded++;
    if (p.evidence.length < MAX_EDGE_EVIDENCE) {
      for (const r of refs) p.evidence.push({ articleId: r.articleId, start: r.start, end: r.end, text: byId.get(r.articleId)!.text.slice(r.start, r.end) });
    }
  }
  // Each later article keeps its strongest earlier counterparts only: in a story relayed by 200 outlets every
  // article overlaps every earlier one, and drawing all pairs (the transitive closure) hides who relayed whom.
  const candidates = new Map<string, PairOverlap[]>();
  for (const p of pairs.values()) {
    let list = candidates.get(p.y);
    if (!list) candidates.set(p.y, (list = []));
    list.push(p);
  }
  const kept: PairOverlap[] = [];
  for (const list of candidates.values()) {
    list.sort((u, v) => v.sameChars - u.sameChars || v.same + v.reworded - (u.same + u.reworded) || (order.get(u.x) ?? 0) - (order.get(v.x) ?? 0));
    kept.push(...list.slice(0, MAX_SOURCES_PER_ARTICLE));
  }
  kept.sort((u, v) => (order.get(u.y) ?? 0) - (order.get(v.y) ?? 0) || (order.get(u.x) ?? 0) - (order.get(v.x) ?? 0));
  const out: ProvenanceEdge[] = [];
  for (const p of kept) {
    const earlier = byId.get(p.x)!;
    const later = byId.get(p.y)!;
    if (!earlier.publishedAt || !later.publishedAt || earlier.publishedAt === later.publishedAt) continue;
    const copies = p.same >= COPY_MIN_SENTENCES && p.sameChars >= COPY_MIN_CHARS;
    if (!copies && p.same + p.reworded < COPY_MIN_SENTENCES) continue;
    const el = labels.get(earlier.id) ?? articleLabel(earlier);
    const ll = labels.get(later.id) ?? articleLabel(later);
    out.push({
      from: `article:${later.id}`,
      to: `article:${earlier.id}`,
      kind: copies ? 'copies' : 'earlier',
      evidence: p.evidence,
      explanation: copies
        ? `${ll} repeats ${p.same} sentences (${p.sameChars} characters) of ${el} word for word and was published later (${later.publishedAt} vs ${earlier.publishedAt})`
        : `${ll} retells ${p.same + p.reworded} sentences also in ${el}, published earlier (${earlier.publishedAt} vs ${later.publishedAt})`,
    });
  }
  return out;
}
