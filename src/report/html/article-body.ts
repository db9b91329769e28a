import type { Article, QuotedTermReason, Report, Span } from '../../model.js';
import { attributionMarks, type IndexedAttribution } from './attributions.js';
import { escapeHtml } from './escape.js';

/** A labelled range of an article's text that gets a CSS class on the segments it covers. */
export interface Mark extends Span {
  cls: string;
  title?: string;
  /** Index (in `report.attributions`) of the attribution whose cue this is: its segments get it in `data-a`. */
  att?: number;
}

/** Why a quoted term is no quotation, as its mark's tooltip says. */
const TERM_TITLES: Record<QuotedTermReason, string> = {
  named: 'Quoted term, not a quotation: introduced as a name or term ("so-called", "known as", "a film called")',
  title: 'Quoted title or name, not a quotation: a title-cased phrase no one is said to have said',
  scare: 'Scare quotes, not a quotation: one word in marks that no one is said to have said',
};

/**
 * Every offset at which some piece of evidence in the report starts or ends,
 * per article, so the page can highlight any finding by whole segments.
 */
export function evidenceCuts(report: Report): Map<string, number[]> {
  const cuts = new Map<string, number[]>();
  const add = (articleId: string, s: Span): void => {
    let list = cuts.get(articleId);
    if (!list) cuts.set(articleId, (list = []));
    list.push(s.start, s.end);
  };
  for (const f of report.findings) for (const e of f.evidence) add(e.articleId, e);
  for (const v of report.quoteVariants) { add(v.a.articleId, v.a); add(v.b.articleId, v.b); }
  for (const e of report.provenance.edges) for (const ev of e.evidence) add(ev.articleId, ev);
  for (const s of report.speakers) for (const m of s.mentions) add(m.articleId, m);
  return cuts;
}

/**
 * Render an article's clean text as HTML: one element per block (captions as
 * figure captions, the title as a heading), sentences wrapped in
 * `<span class="sent" data-si>` (index into the article's sentences), and the
 * text cut into `<span class="seg" data-o>` segments at every boundary of a
 * sentence, quote, quoted term, citation, attribution, number, hedge or piece of evidence.
 * `data-o` is the segment's offset in `article.text`, so the client can
 * highlight any `[start, end)` span exactly; segments of an attribution cue
 * carry `data-a` (indices into `report.attributions`). All text is escaped.
 */
export function renderArticleBody(report: Report, article: Article, speakerClass: Map<string, string>, cuts: number[],
  index: ArticleIndex = indexByArticle(report)): string {
  const text = article.text;
  const own = index.get(article.id) ?? emptyItems();
  const sentences = own.sentences;
  const marks: Mark[] = [];
  const speakerName = index.speakerName;
  for (const q of own.quotes) {
    const who = q.speakerId ? speakerName.get(q.speakerId) ?? q.speaker : q.speaker;
    marks.push({ start: q.start, end: q.end, cls: `q ${(q.speakerId && speakerClass.get(q.speakerId)) || 'spk-none'}`,
      title: `Quote${who ? ` — ${who}` : ' (speaker unknown)'}${q.speakerGuessed ? ' (no cue: the speaker mentioned last before it, a guess)' : q.verb ? ` (${q.verb})` : ''}` });
    if (q.speakerSpan) marks.push({ ...q.speakerSpan, cls: `who ${(q.speakerId && speakerClass.get(q.speakerId)) || 'spk-none'}` });
  }
  for (const t of own.terms) {
    marks.push({ start: t.start, end: t.end, cls: 'term',
      title: TERM_TITLES[t.reason] });
  }
  for (const c of own.citations) {
    marks.push({ start: c.start, end: c.end, cls: 'cite', title: `Source: ${c.source} (${c.kind}, “${c.cue}”)` });
  }
  for (const n of own.numbers) {
    const detail = [n.kind, n.value !== null ? String(n.value) : null, n.unit, n.counts].filter(Boolean).join(' · ');
    marks.push({ start: n.start, end: n.end, cls: 'num', title: `Number: ${detail}` });
  }
  for (const h of own.hedges) {
    marks.push({ start: h.start, end: h.end, cls: h.kind === 'booster' ? 'boost' : 'hedge', title: h.kind === 'booster' ? 'Certainty booster' : 'Hedge' });
  }
  const att = attributionMarks(text, own.attributions, speakerName);
  marks.push(...att.marks);

  const valid = (s: Span): boolean => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end;
  const goodMarks = marks.filter(valid).sort((a, b) => a.start - b.start || b.end - a.end);
  const bounds = new Set<number>();
  for (const m of goodMarks) { bounds.add(m.start); bounds.add(m.end); }
  for (const s of sentences) if (valid(s)) { bounds.add(s.start); bounds.add(s.end); }
  for (const c of cuts) if (c >= 0 && c <= text.length) bounds.add(c);
  for (const c of att.bounds) bounds.add(c);
  for (const b of article.blocks) { bounds.add(b.start); bounds.add(b.end); }
  const sortedBounds = [...bounds].sort((a, b) => a - b);
  // Never cut a surrogate pair in two.
  const cutPoints = sortedBounds.filter((i) => !(i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i))));

  const out: string[] = [];
  let si = 0; // sentence pointer
  let mi = 0; // mark pointer
  let bi = 0; // bound pointer
  const active: Mark[] = [];
  article.blocks.forEach((block, blockIndex) => {
    if (!(block.start < block.end && block.end <= text.length)) return;
    const tag = block.kind === 'title' ? 'h3' : block.kind === 'heading' ? 'h4' : block.kind === 'caption' ? 'figcaption' : block.kind === 'blockquote' ? 'blockquote' : 'p';
    const cls = `blk blk-${block.kind}`;
    const credit = block.kind === 'caption' ? article.captions.find((c) => c.start === block.start)?.credit ?? null : null;
    out.push(`<${tag} class="${cls}" data-b="${blockIndex}">`);
    if (block.kind === 'caption') out.push('<span class="cap-label" aria-hidden="true">Caption</span> ');
    if (block.kind === 'list-item') out.push('<span class="li-dot" aria-hidden="true">•</span> ');
    while (bi < cutPoints.length && cutPoints[bi] <= block.start) bi++;
    let x = block.start;
    let openSentence = -1;
    while (x < block.end) {
      const y = Math.min(bi < cutPoints.length ? cutPoints[bi] : block.end, block.end);
      if (bi < cutPoints.length && cutPoints[bi] <= y) bi++;
      // Which sentence holds x?
      while (si < sentences.length && sentences[si].end <= x) si++;
      const inSentence = si < sentences.length && sentences[si].start <= x && x < sentences[si].end ? si : -1;
      if (inSentence !== openSentence) {
        if (openSentence >= 0) out.push('</span>');
        if (inSentence >= 0) out.push(`<span class="sent" data-si="${inSentence}">`);
        openSentence = inSentence;
      }
      // Marks covering [x, y).
      while (mi < goodMarks.length && goodMarks[mi].start <= x) active.push(goodMarks[mi++]);
      for (let k = active.length - 1; k >= 0; k--) if (active[k].end <= x) active.splice(k, 1);
      const covering = active.filter((m) => m.start <= x && m.end >= y);
      const cls = new Set(covering.flatMap((m) => m.cls.split(' ')));
      // A cue cut into several segments is drawn as one box: its left edge on the first, its right on the last.
      if (cls.has('acue')) {
        if (covering.some((m) => m.att !== undefined && m.start === x)) cls.add('acue-s');
        if (covering.some((m) => m.att !== undefined && m.end === y)) cls.add('acue-e');
      }
      const classes = ['seg', ...cls].join(' ');
      const title = covering.map((m) => m.title).filter(Boolean).join('\n');
      const atts = [...new Set(covering.filter((m) => m.att !== undefined).map((m) => m.att))].join(' ');
      out.push(`<span class="${classes}" data-o="${x}"${atts ? ` data-a="${atts}"` : ''}${title ? ` title="${escapeHtml(title)}"` : ''}>${escapeHtml(text.slice(x, y))}</span>`);
      x = y;
    }
    if (openSentence >= 0) out.push('</span>');
    if (credit) out.push(` <span class="credit">${escapeHtml(credit)}</span>`);
    out.push(`</${tag}>`);
  });
  return out.join('');
}

export interface ArticleItems {
  sentences: Report['sentences'];
  quotes: Report['quotes'];
  terms: Report['terms'];
  citations: Report['citations'];
  numbers: Report['numbers'];
  hedges: Report['hedges'];
  attributions: IndexedAttribution[];
}
export type ArticleIndex = Map<string, ArticleItems> & { speakerName: Map<string, string> };

function emptyItems(): ArticleItems {
  return { sentences: [], quotes: [], terms: [], citations: [], numbers: [], hedges: [], attributions: [] };
}

/** The report's per-article items grouped once (rendering N articles stays linear in the report size). */
export function indexByArticle(report: Report): ArticleIndex {
  const index = new Map<string, ArticleItems>() as ArticleIndex;
  const get = (id: string): ArticleItems => {
    let items = index.get(id);
    if (!items) index.set(id, (items = emptyItems()));
    return items;
  };
  for (const x of report.sentences) get(x.articleId).sentences.push(x);
  for (const x of report.quotes) get(x.articleId).quotes.push(x);
  for (const x of report.terms ?? []) get(x.articleId).terms.push(x);
  for (const x of report.citations) get(x.articleId).citations.push(x);
  for (const x of report.numbers) get(x.articleId).numbers.push(x);
  for (const x of report.hedges) get(x.articleId).hedges.push(x);
  (report.attributions ?? []).forEach((a, i) => get(a.articleId).attributions.push({ i, a }));
  index.speakerName = new Map(report.speakers.map((s) => [s.id, s.names[0] ?? s.descriptions[0] ?? s.id]));
  return index;
}

function isHigh(c: number): boolean { return c >= 0xd800 && c <= 0xdbff; }
function isLow(c: number): boolean { return c >= 0xdc00 && c <= 0xdfff; }
