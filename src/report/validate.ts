import type { Article, Evidence, Report, Span } from '../model.js';

/**
 * Checks every span in a report: the article it names exists, `0 <= start <=
 * end <= text.length`, the span does not cut a surrogate pair, and wherever
 * the item carries its text, `text === article.text.slice(start, end)`.
 * Returns one line per problem (empty when the report is sound).
 */
export function checkReportSpans(report: Report): string[] {
  const problems: string[] = [];
  const byId = new Map<string, Article>();
  for (const a of report.articles) {
    if (byId.has(a.id)) problems.push(`articles: duplicate id ${a.id}`);
    byId.set(a.id, a);
  }

  const check = (where: string, articleId: string | null | undefined, span: Span | null | undefined, text?: string | null): void => {
    if (!span) return;
    if (articleId == null) { problems.push(`${where}: no articleId`); return; }
    const article = byId.get(articleId);
    if (!article) { problems.push(`${where}: unknown article ${articleId}`); return; }
    const { start, end } = span;
    const len = article.text.length;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > len) {
      problems.push(`${where}: span [${start}, ${end}) out of range for ${articleId} (text length ${len})`);
      return;
    }
    if (splitsPair(article.text, start) || splitsPair(article.text, end)) {
      problems.push(`${where}: span [${start}, ${end}) cuts a surrogate pair in ${articleId}`);
    }
    if (text != null && article.text.slice(start, end) !== text) {
      problems.push(`${where}: text ${JSON.stringify(clip(text))} != article text ${JSON.stringify(clip(article.text.slice(start, end)))}`);
    }
  };
  const checkEvidence = (where: string, ev: Evidence): void => check(where, ev.articleId, ev, ev.text);

  for (const a of report.articles) {
    a.blocks.forEach((b, i) => check(`article ${a.id} block ${i}`, a.id, b));
    a.captions.forEach((c, i) => check(`article ${a.id} caption ${i}`, a.id, c));
    a.sourceMap.forEach((r, i) => check(`article ${a.id} sourceMap ${i}`, a.id, { start: r.textStart, end: r.textEnd }));
  }
  report.sentences.forEach((s, i) => check(`sentence ${i}`, s.articleId, s));
  for (const q of report.quotes) {
    check(`quote ${q.id}`, q.articleId, q, q.text);
    check(`quote ${q.id} speakerSpan`, q.articleId, q.speakerSpan, q.speaker);
    check(`quote ${q.id} verbSpan`, q.articleId, q.verbSpan);
  }
  for (const s of report.speakers) s.mentions.forEach((m, i) => checkEvidence(`speaker ${s.id} mention ${i}`, m));
  for (const c of report.citations) {
    check(`citation ${c.id}`, c.articleId, c);
    check(`citation ${c.id} sourceSpan`, c.articleId, c.sourceSpan);
  }
  for (const at of report.attributions) {
    if (at.source) check(`attribution ${at.id} source`, at.articleId, at.source, at.source.text);
    check(`attribution ${at.id} cue`, at.articleId, at.cue, at.cue.text);
    check(`attribution ${at.id} content`, at.articleId, at.content, at.content.text);
  }
  for (const n of report.numbers) {
    check(`number ${n.id}`, n.articleId, n, n.text);
    check(`number ${n.id} countsSpan`, n.articleId, n.countsSpan, n.counts);
  }
  report.hedges.forEach((h, i) => check(`hedge ${i}`, h.articleId, h, h.text));

  // Alignment refs must match the sentence they index.
  const sentencesOf = new Map<string, Span[]>();
  for (const s of report.sentences) {
    const list = sentencesOf.get(s.articleId) ?? [];
    list.push(s);
    sentencesOf.set(s.articleId, list);
  }
  const checkRef = (where: string, r: { articleId: string; sentence: number } & Span): void => {
    check(where, r.articleId, r);
    const list = sentencesOf.get(r.articleId);
    if (!list) return;
    const s = list[r.sentence];
    if (!s) problems.push(`${where}: sentence index ${r.sentence} out of range for ${r.articleId}`);
    else if (s.start !== r.start || s.end !== r.end) {
      problems.push(`${where}: span [${r.start}, ${r.end}) differs from sentence ${r.sentence} [${s.start}, ${s.end})`);
    }
  };
  report.alignment.links.forEach((l, i) => {
    l.a.forEach((r, j) => checkRef(`alignment link ${i} a${j}`, r));
    l.b.forEach((r, j) => checkRef(`alignment link ${i} b${j}`, r));
  });
  report.alignment.unique.forEach((r, i) => checkRef(`alignment unique ${i}`, r));

  for (const v of report.quoteVariants) {
    checkEvidence(`quoteVariant ${v.id} a`, v.a);
    checkEvidence(`quoteVariant ${v.id} b`, v.b);
  }
  for (const e of report.provenance.edges) {
    e.evidence.forEach((ev, i) => checkEvidence(`provenance edge ${e.from}->${e.to} evidence ${i}`, ev));
  }
  for (const f of report.findings) f.evidence.forEach((ev, i) => checkEvidence(`finding ${f.id} evidence ${i}`, ev));
  return problems;
}

/**
 * Checks references between items: unique ids, quote/variant speaker ids that
 * exist, variant quote ids that exist, provenance edges between known nodes,
 * finding articles that exist.
 */
export function checkReportRefs(report: Report): string[] {
  const problems: string[] = [];
  const articleIds = new Set(report.articles.map((a) => a.id));
  const unique = (what: string, ids: string[]): Set<string> => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(`${what}: duplicate id ${id}`);
      seen.add(id);
    }
    return seen;
  };
  const speakerIds = unique('speakers', report.speakers.map((s) => s.id));
  const quoteIds = unique('quotes', report.quotes.map((q) => q.id));
  unique('citations', report.citations.map((c) => c.id));
  unique('numbers', report.numbers.map((n) => n.id));
  unique('quoteVariants', report.quoteVariants.map((v) => v.id));
  unique('findings', report.findings.map((f) => f.id));
  const nodeIds = unique('provenance nodes', report.provenance.nodes.map((n) => n.id));

  for (const q of report.quotes) {
    if (q.speakerId !== null && !speakerIds.has(q.speakerId)) problems.push(`quote ${q.id}: unknown speaker ${q.speakerId}`);
  }
  for (const v of report.quoteVariants) {
    if (!quoteIds.has(v.a.quoteId)) problems.push(`quoteVariant ${v.id}: unknown quote ${v.a.quoteId}`);
    if (v.b.quoteId !== null && !quoteIds.has(v.b.quoteId)) problems.push(`quoteVariant ${v.id}: unknown quote ${v.b.quoteId}`);
    // speakerA/speakerB may hold a speaker id or the speaker as written: not checked as references.
  }
  for (const n of report.provenance.nodes) {
    if (n.articleId !== null && !articleIds.has(n.articleId)) problems.push(`provenance node ${n.id}: unknown article ${n.articleId}`);
  }
  for (const e of report.provenance.edges) {
    if (!nodeIds.has(e.from)) problems.push(`provenance edge ${e.from}->${e.to}: unknown node ${e.from}`);
    if (!nodeIds.has(e.to)) problems.push(`provenance edge ${e.from}->${e.to}: unknown node ${e.to}`);
  }
  for (const f of report.findings) {
    for (const a of f.articles) if (!articleIds.has(a)) problems.push(`finding ${f.id}: unknown article ${a}`);
  }
  return problems;
}

function splitsPair(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const hi = text.charCodeAt(i - 1);
  const lo = text.charCodeAt(i);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

function clip(s: string): string {
  return s.length > 60 ? s.slice(0, 57) + '...' : s;
}
