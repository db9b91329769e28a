import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from 'htmlparser2';
import { findAll } from 'domutils';
import type { AnyNode, Element } from 'domhandler';
import type { Report } from '../../src/model.js';
import { escapeHtml, jsonForScript, layoutGraph, renderHtml, safeHref } from '../../src/report/html/index.js';
import { readFixture } from '../helpers.js';

/** Tiny selector: `tag`, `.class`, `tag.class`, `[attr]`, `tag[attr="v"]`, `#id`, and `A B` descendant (two parts max). */
function match(el: Element, sel: string): boolean {
  const m = /^([a-z0-9]*)(?:#([\w-]+))?(?:\.([\w-]+))?(?:\[([\w-]+)(?:="([^"]*)")?\])?$/.exec(sel);
  if (!m) throw new Error(`unsupported selector ${sel}`);
  const [, tag, id, cls, attr, val] = m;
  if (tag && el.name !== tag) return false;
  if (id && el.attribs.id !== id) return false;
  if (cls && !(el.attribs.class ?? '').split(/\s+/).includes(cls)) return false;
  if (attr && !(attr in el.attribs)) return false;
  if (attr && val !== undefined && el.attribs[attr] !== val) return false;
  return true;
}
function selectAll(sel: string, root: AnyNode | AnyNode[]): Element[] {
  const roots = Array.isArray(root) ? root : [root];
  const parts = sel.trim().split(/\s+/);
  const kids = (n: AnyNode): AnyNode[] => ('children' in n ? (n.children as AnyNode[]) : []);
  let scope: AnyNode[] = roots;
  for (const part of parts) {
    scope = scope.flatMap((r) => findAll((e) => match(e, part), kids(r)));
  }
  return [...new Set(scope as Element[])];
}
function selectOne(sel: string, root: AnyNode | AnyNode[]): Element | null {
  return selectAll(sel, root)[0] ?? null;
}

const seed = (): Report => JSON.parse(readFixture('report', 'seed-report.json'));

test('escapeHtml neutralises markup and attribute breakers', () => {
  assert.equal(escapeHtml('<script>alert(1)</script>'), '&lt;script&gt;alert(1)&lt;/script&gt;');
  assert.equal(escapeHtml('" onmouseover="x'), '&quot; onmouseover=&quot;x');
  assert.equal(escapeHtml("' autofocus onfocus='x"), '&#39; autofocus onfocus=&#39;x');
  assert.equal(escapeHtml('a & b `c`'), 'a &amp; b &#96;c&#96;');
  assert.equal(escapeHtml('\u0000x\ud800'), '\ufffdx\ufffd');
  assert.equal(escapeHtml('😀 ok'), '😀 ok');
});

test('escaped random strings never break out of a text node or an attribute (property)', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
    const esc = escapeHtml(s);
    assert.doesNotMatch(esc, /[<>"'`]/);
    assert.doesNotMatch(esc, /&(?!(amp|lt|gt|quot|#39|#96);)/);
    // Parsed back as the content of an element and of an attribute, it is a single text/attribute.
    const doc = parseDocument(`<p title="${esc}">${esc}</p><i></i>`, { decodeEntities: true });
    const p = selectOne('p', doc)!;
    assert.equal(p.children.length <= 1, true);
    assert.equal(Object.keys(p.attribs).join(), 'title');
    assert.equal(findAll(() => true, doc.children).length, 2, 'exactly the two elements written');
    assert.equal((p.children[0] as { data?: string } | undefined)?.data ?? '', s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
  }), { numRuns: 400 });
});

test('jsonForScript cannot close its script element and parses back (property)', () => {
  fc.assert(fc.property(fc.anything(), (v) => {
    const json = jsonForScript(v);
    assert.doesNotMatch(json, /<|>|&/);
    assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify(v) ?? 'null'));
  }), { numRuns: 200 });
  assert.equal(jsonForScript('</script><!--'), '"\\u003c/script\\u003e\\u003c!--"');
});

test('safeHref keeps http(s) only', () => {
  assert.equal(safeHref('https://example.com/a?b=1'), 'https://example.com/a?b=1');
  assert.equal(safeHref('javascript:alert(1)'), null);
  assert.equal(safeHref('data:text/html,<b>'), null);
  assert.equal(safeHref('not a url'), null);
  assert.equal(safeHref(null), null);
});

/** A report whose every text field carries markup that would run if not escaped. */
function hostile(): Report {
  const r = seed();
  const evil = '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">"\'`';
  const a = r.articles[0];
  a.title = evil;
  a.outlet = evil;
  a.byline = evil;
  a.url = 'javascript:window.__pwned=3';
  const insertAt = a.blocks[1].start;
  const shift = evil.length;
  // Prepend the payload to the first paragraph, shifting every later span of this article.
  a.text = a.text.slice(0, insertAt) + evil + a.text.slice(insertAt);
  const move = (s: { start: number; end: number }): void => { if (s.start >= insertAt) { s.start += shift; s.end += shift; } };
  a.blocks.forEach((b, i) => { if (i === 1) b.end += shift; else move(b); });
  a.captions.forEach(move);
  const of = <T extends { articleId: string; start: number; end: number }>(xs: T[]) => xs.filter((x) => x.articleId === a.id).forEach(move);
  of(r.sentences); of(r.quotes); of(r.citations); of(r.numbers); of(r.hedges);
  r.quotes.forEach((q) => { if (q.articleId === a.id) { if (q.speakerSpan) move(q.speakerSpan); if (q.verbSpan) move(q.verbSpan); } });
  r.citations.forEach((c) => { if (c.articleId === a.id) move(c.sourceSpan); });
  r.numbers.forEach((n) => { if (n.articleId === a.id && n.countsSpan) move(n.countsSpan); });
  r.speakers.forEach((s) => of(s.mentions));
  r.alignment.links.forEach((l) => { of(l.a); of(l.b); });
  of(r.alignment.unique);
  r.quoteVariants.forEach((v) => { of([v.a]); of([v.b]); });
  r.provenance.edges.forEach((e) => of(e.evidence));
  r.findings.forEach((f) => of(f.evidence));
  r.findings[0].explanation = evil;
  r.provenance.nodes[0].label = evil;
  r.speakers[0].names = [evil];
  r.quoteVariants[0].diff.push({ op: 'insert', text: evil });
  r.errors.push({ source: evil, stage: 'ingest', message: evil, code: evil });
  return r;
}

test('renderHtml escapes every piece of untrusted text', () => {
  const html = renderHtml(hostile());
  const doc = parseDocument(html);
  const scripts = selectAll('script', doc);
  assert.equal(scripts.length, 2, 'only the data and the page script');
  assert.equal(selectAll('img', doc).length, 0);
  assert.equal(selectAll('[onerror]', doc).length, 0);
  assert.doesNotMatch(html, /href="javascript:/i);
  const data = JSON.parse((scripts[0].children[0] as unknown as { data: string }).data);
  assert.equal(data.articles[0].title, hostile().articles[0].title, 'embedded data round-trips');
});

test('renderHtml is self-contained and deterministic', () => {
  const r = seed();
  const html = renderHtml(r);
  assert.equal(renderHtml(seed()), html);
  // No URL that a browser would fetch: no src/href to a network resource, no @import/url() in CSS.
  const doc = parseDocument(html);
  for (const el of selectAll('[src]', doc)) assert.fail(`element with src: ${el.name}`);
  for (const el of selectAll('link', doc)) assert.fail(`link element: ${el.attribs.href}`);
  assert.doesNotMatch(html, /@import|url\((?!#)/);
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/);
  // Every finding is a button, every variant and edge is addressable.
  assert.equal(selectAll('button.finding', doc).length, r.findings.length);
  assert.equal(selectAll('.variant', doc).length, r.quoteVariants.length);
  assert.equal(selectAll('svg.graph g.edge', doc).length, r.provenance.edges.length);
});

test('segments tile each block exactly: their text is the article text at their offsets', () => {
  const r = seed();
  const doc = parseDocument(renderHtml(r));
  const text = (n: unknown): string => {
    const node = n as { type: string; data?: string; children?: unknown[] };
    return node.type === 'text' ? node.data! : (node.children ?? []).map(text).join('');
  };
  for (const a of r.articles) {
    const el = selectOne(`article.doc[data-id="${a.id}"]`, doc)!;
    const segs = selectAll('.seg', el);
    let covered = 0;
    for (const s of segs) {
      const o = Number(s.attribs['data-o']);
      const t = text(s).replace(/&amp;/g, '&');
      assert.equal(a.text.slice(o, o + t.length), t, `segment at ${o}`);
      covered += t.length;
    }
    const blockChars = a.blocks.reduce((n, b) => n + b.end - b.start, 0);
    assert.equal(covered, blockChars, `${a.id}: segments cover every block character once`);
    // Every quote is rendered as quote segments.
    for (const q of r.quotes.filter((x) => x.articleId === a.id)) {
      const qs = segs.filter((s) => +s.attribs['data-o'] >= q.start && +s.attribs['data-o'] < q.end);
      assert.ok(qs.length > 0 && qs.every((s) => s.attribs.class.split(' ').includes('q')), `quote ${q.id}`);
    }
  }
});

test('quoted terms are marked apart from quotes, with the reason in their tooltip and a count', () => {
  const r = seed();
  const a = r.articles[0];
  const words = '93rd Mechanized Brigade';
  const start = a.text.indexOf(words);
  assert.ok(start > 0);
  r.terms = [{ articleId: a.id, start, end: start + words.length, text: words, reason: 'title' }];
  const doc = parseDocument(renderHtml(r));
  const segs = selectAll('.seg', selectOne(`article.doc[data-id="${a.id}"]`, doc)!);
  const inTerm = segs.filter((s) => +s.attribs['data-o'] >= start && +s.attribs['data-o'] < start + words.length);
  assert.equal(inTerm.map((s) => (s.children[0] as unknown as { data: string }).data).join(''), words, 'the term has its own segments');
  for (const s of inTerm) {
    assert.ok(s.attribs.class.split(' ').includes('term'), 'marked as a term');
    assert.ok(!s.attribs.class.split(' ').includes('q'), 'not as a quote');
    assert.match(s.attribs.title ?? '', /Quoted title or name, not a quotation/);
  }
  const before = segs.filter((s) => +s.attribs['data-o'] < start);
  assert.ok(before.every((s) => !s.attribs.class.split(' ').includes('term')), 'nothing else is a term');
  assert.ok(selectAll('.counts li', doc).some((li) => /^1 quoted terms$/.test(li.children.map((c) => ('data' in c ? c.data : (c as Element).children.map((x) => ('data' in x ? x.data : '')).join(''))).join(''))), 'counted');
  // a report without terms (schema 1.0) shows no count
  const old = seed() as Partial<Report>;
  delete old.terms;
  assert.ok(!/quoted terms/.test(renderHtml(old as Report).split('<ul class="counts">')[1].split('</ul>')[0]));
});

test('200 articles: two columns and a chooser, not 200 columns', () => {
  const base = seed();
  const articles = Array.from({ length: 200 }, (_, i) => ({ ...base.articles[i % 2], id: `x${String(i).padStart(3, '0')}` }));
  const sentences = articles.flatMap((a, i) => base.sentences.filter((s) => s.articleId === base.articles[i % 2].id).map((s) => ({ ...s, articleId: a.id })));
  const r: Report = { ...base, articles, sentences, quotes: [], quoteVariants: [], findings: [], alignment: { links: [], unique: [] }, speakers: [], provenance: { nodes: [], edges: [] } };
  const t0 = Date.now();
  const html = renderHtml(r);
  const ms = Date.now() - t0;
  const doc = parseDocument(html);
  assert.equal(selectAll('.col', doc).length, 2);
  assert.equal(selectAll('#pick-0 option', doc).length, 200);
  assert.equal(selectAll('article.doc', doc).length, 200);
  assert.ok(ms < 5000, `rendered in ${ms} ms`);
});

test('graph layout: sources left of the articles that relay them, deterministic', () => {
  const r = seed();
  const g = layoutGraph(r);
  const at = new Map(g.nodes.map((n) => [n.node.id, n]));
  for (const e of r.provenance.edges) assert.ok(at.get(e.to)!.x < at.get(e.from)!.x, `${e.from} → ${e.to}`);
  assert.deepEqual(layoutGraph(seed()), g);
  // A cycle does not hang the layout.
  r.provenance.edges.push({ from: 'outlet:bloomberg', to: r.provenance.edges[0].from, kind: 'earlier', evidence: [], explanation: '' });
  assert.equal(layoutGraph(r).nodes.length, r.provenance.nodes.length);
});

test('the page script parses and the CSP hash matches it', async () => {
  const { CLIENT_JS } = await import('../../src/report/html/client.js');
  const { createHash } = await import('node:crypto');
  assert.doesNotThrow(() => new Function(CLIENT_JS));
  const html = renderHtml(seed());
  assert.ok(html.includes(`<script>${CLIENT_JS}</script>`));
  assert.ok(html.includes(`&#39;sha256-${createHash('sha256').update(CLIENT_JS).digest('base64')}&#39;`), 'CSP allows exactly this script');
});

test('random articles and random (even broken) spans render, and segments still tile the blocks (property)', () => {
  const base = seed();
  const spanArb = fc.tuple(fc.integer({ min: -5, max: 140 }), fc.integer({ min: -5, max: 140 }));
  fc.assert(fc.property(
    fc.string({ unit: fc.constantFrom('a', ' ', '.', '“', '”', '<', '&', '😀', '\n', 'é'), minLength: 1, maxLength: 120 }),
    fc.array(fc.integer({ min: 0, max: 120 }), { maxLength: 6 }),
    fc.array(spanArb, { maxLength: 12 }),
    (text, cutsRaw, spans) => {
      // Blocks: split the text at the chosen cuts.
      // (Block edges never split a surrogate pair: extractors guarantee that; a lone half would render as U+FFFD.)
      const splitsPair = (c: number) => c > 0 && c < text.length && /[\ud800-\udbff]/.test(text[c - 1]);
      const cuts = [...new Set(cutsRaw.map((c) => Math.min(c, text.length)))].filter((c) => !splitsPair(c)).sort((a, b) => a - b);
      const edges = [0, ...cuts, text.length];
      const blocks = [];
      for (let i = 0; i + 1 < edges.length; i++) if (edges[i] < edges[i + 1]) blocks.push({ start: edges[i], end: edges[i + 1], kind: i === 1 ? 'caption' as const : 'paragraph' as const });
      const a = { ...base.articles[0], id: 'r1', text, blocks, captions: blocks.filter((b) => b.kind === 'caption').map((b) => ({ start: b.start, end: b.end, credit: '<c>' })) };
      const ev = (s: [number, number]) => ({ articleId: 'r1', start: s[0], end: s[1], text: text.slice(s[0], s[1]) });
      const report: Report = {
        ...base, articles: [a],
        sentences: blocks.map((b, i) => ({ articleId: 'r1', start: b.start, end: b.end, block: i, caption: b.kind === 'caption' })),
        quotes: spans.slice(0, 4).map((s, i) => ({ id: `q${i}`, articleId: 'r1', start: s[0], end: s[1], text: '', kind: 'direct' as const, speaker: null, speakerSpan: null, speakerId: null, verb: null, verbSpan: null })),
        citations: [], numbers: [], hedges: spans.slice(4, 6).map((s) => ({ articleId: 'r1', start: s[0], end: s[1], text: '', kind: 'hedge' as const, strength: -0.5 })),
        speakers: [], quoteVariants: [], provenance: { nodes: [], edges: [] }, alignment: { links: [], unique: [] },
        findings: spans.slice(6).map((s, i) => ({ id: `f${i}`, kind: 'quote-drift' as const, severity: 'low' as const, articles: ['r1'], evidence: [ev(s)], explanation: '<b>x</b>' })),
      };
      const html = renderHtml(report);
      const doc = parseDocument(html);
      const el = selectOne('article.doc[data-id="r1"]', doc)!;
      const textOf = (n: unknown): string => {
        const node = n as { type: string; data?: string; children?: unknown[] };
        return node.type === 'text' ? node.data! : (node.children ?? []).map(textOf).join('');
      };
      let covered = 0;
      for (const s of selectAll('.seg', el)) {
        const o = Number(s.attribs['data-o']);
        const t = textOf(s).replace(/&lt;/g, '<').replace(/&amp;/g, '&');
        assert.equal(text.slice(o, o + t.length), t);
        covered += t.length;
      }
      assert.equal(covered, blocks.reduce((n, b) => n + b.end - b.start, 0));
      for (const b of selectAll('button.finding', doc)) assert.equal(selectAll('b', b).length, 0, 'explanations are escaped');
      if (report.findings.length) assert.ok(html.includes('&lt;b&gt;x&lt;/b&gt;'));
    }), { numRuns: 150 });
});
