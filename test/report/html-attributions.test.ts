import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'htmlparser2';
import { findAll, textContent } from 'domutils';
import type { Document, Element } from 'domhandler';
import type { Attribution, Report, Span } from '../../src/model.js';
import { renderHtml } from '../../src/report/html/index.js';
import { readFixture } from '../helpers.js';
import { withAttributions } from './attribution-fixture.js';

const seed = (): Report => withAttributions(JSON.parse(readFixture('report', 'seed-report.json')));
const classes = (el: Element): string[] => (el.attribs.class ?? '').split(/\s+/);
const all = (root: Document | Element, pred: (el: Element) => boolean): Element[] => findAll(pred, root.children);

/** The segments of one article's text, with their offsets and (decoded) text. */
function segments(doc: Document, articleId: string): Array<{ el: Element; o: number; t: string }> {
  const art = all(doc, (el) => el.name === 'article' && el.attribs['data-id'] === articleId)[0];
  assert.ok(art, `article ${articleId} rendered`);
  return all(art, (el) => classes(el).includes('seg')).map((el) => ({ el, o: Number(el.attribs['data-o']), t: textContent(el) }));
}
const within = (segs: ReturnType<typeof segments>, s: Span) => segs.filter((x) => x.o >= s.start && x.o < s.end);

function checkMarks(report: Report, doc: Document, x: Attribution, i: number): void {
  const segs = segments(doc, x.articleId);
  const text = report.articles.find((a) => a.id === x.articleId)!.text;
  // The cue: exactly the segments carrying this attribution's index, drawn as one box.
  const cue = segs.filter((s) => (s.el.attribs['data-a'] ?? '').split(' ').includes(String(i)));
  assert.equal(cue.map((s) => s.t).join(''), text.slice(x.cue.start, x.cue.end), `${x.id}: cue text`);
  assert.equal(cue[0].o, x.cue.start, `${x.id}: cue starts a segment`);
  assert.ok(cue.every((s) => classes(s.el).includes('acue')), `${x.id}: cue segments are marked`);
  assert.ok(classes(cue[0].el).includes('acue-s') && classes(cue[cue.length - 1].el).includes('acue-e'), `${x.id}: cue box edges`);
  assert.match(cue[0].el.attribs.title ?? '', /(^|\n)Attributed to /, `${x.id}: the cue's tooltip names the relation`);
  // The source: underlined segments with exactly its text.
  if (x.source) {
    const src = within(segs, x.source);
    assert.equal(src.map((s) => s.t).join(''), x.source.text, `${x.id}: source text`);
    assert.ok(src.every((s) => classes(s.el).includes('asrc')), `${x.id}: source segments are marked`);
  }
  // The content: its own segment boundaries, so that the page can light it up exactly.
  const content = within(segs, x.content);
  assert.equal(content[0]?.o, x.content.start, `${x.id}: content starts a segment`);
  assert.equal(content.map((s) => s.t).join(''), x.content.text, `${x.id}: content text`);
}

test('attribution cues and sources are marked in the text, contents get their own segments', () => {
  const r = seed();
  assert.equal(r.attributions.length, 9);
  const doc = parseDocument(renderHtml(r), { decodeEntities: true });
  r.attributions.forEach((x, i) => checkMarks(r, doc, x, i));
  // Overlaps keep every mark: the direct quote is still a quote where it is also an attributed content,
  // the speaker is still coloured where it is also the credited source, a citation stays a citation.
  const nyp = segments(doc, r.articles[0].id);
  const q1 = r.quotes.find((q) => q.id === 'acc4ae7c4:q1')!;
  assert.ok(within(nyp, q1).every((s) => classes(s.el).includes('q')));
  assert.ok(within(nyp, q1.speakerSpan!).every((s) => classes(s.el).includes('who') && classes(s.el).includes('asrc')));
  const unn = segments(doc, r.articles[1].id);
  const bloomberg = r.attributions[5];
  assert.ok(within(unn, bloomberg.cue).every((s) => classes(s.el).includes('cite') && classes(s.el).includes('acue')));
  // The nested relation ('who asked …' inside the source of '… said'): both cues and both sources.
  const inner = r.attributions[8];
  assert.ok(within(unn, inner.cue).every((s) => classes(s.el).includes('asrc') && classes(s.el).includes('acue')));
  // Segments still tile the blocks.
  for (const a of r.articles) {
    const covered = segments(doc, a.id).reduce((n, s) => (assert.equal(a.text.slice(s.o, s.o + s.t.length), s.t), n + s.t.length), 0);
    assert.equal(covered, a.blocks.reduce((n, b) => n + b.end - b.start, 0));
  }
});

test('each article lists its attributions (source, cue, content excerpt) in text order, linked by index', () => {
  const r = seed();
  const doc = parseDocument(renderHtml(r), { decodeEntities: true });
  for (const a of r.articles) {
    const head = all(doc, (el) => el.attribs.id === `head-${a.id}`)[0];
    const items = all(head, (el) => el.name === 'li' && 'data-att' in el.attribs);
    const own = r.attributions.map((x, i) => ({ x, i })).filter(({ x }) => x.articleId === a.id);
    assert.equal(items.length, own.length, `${a.id}: one entry per attribution`);
    assert.match(textContent(all(head, (el) => el.name === 'summary')[0]), new RegExp(`^Attributions \\(${own.length}\\)`));
    const order = items.map((li) => r.attributions[Number(li.attribs['data-att'])].cue.start);
    assert.deepEqual(order, [...order].sort((p, q) => p - q), 'in text order');
    for (const { x, i } of own) {
      const li = items.find((el) => el.attribs['data-att'] === String(i))!;
      const src = textContent(all(li, (el) => classes(el).includes('att-src'))[0]);
      const cue = textContent(all(li, (el) => classes(el).includes('att-cue'))[0]);
      const q = textContent(all(li, (el) => el.name === 'q')[0]);
      assert.equal(cue, x.cue.text);
      if (x.source) assert.ok(src.startsWith(x.source.text.slice(0, 60)), `${x.id}: source ${src}`);
      else assert.equal(src, '(no source named)');
      assert.ok(x.content.text.replace(/^[“"]/, '').startsWith(q.replace(/…$/, '')), `${x.id}: content excerpt ${q}`);
    }
  }
  // The speaker's name is added when the source only describes them.
  const li = all(doc, (el) => el.name === 'li' && el.attribs['data-att'] === '1')[0];
  assert.match(textContent(li), /^a Kremlin spokesman \(Dmitry Peskov\) told/);
  assert.ok(classes(li).some((c) => /^spk-\d+$/.test(c)), 'coloured by speaker');
});

test('attribution text is escaped: markup in a source, a content or a broken span never becomes markup', () => {
  const base = seed();
  const text = 'Officials <img src=x onerror="window.__pwned=1"> said that "<script>window.__pwned=2</script> & co" hold.';
  const at = (w: string) => { const start = text.indexOf(w); return { start, end: start + w.length, text: w }; };
  const article = { ...base.articles[0], id: 'evil', text, blocks: [{ start: 0, end: text.length, kind: 'paragraph' as const }], captions: [], removed: [] };
  const rel = (source: Attribution['source'], cue: Attribution['cue'], content: Attribution['content'], id: string): Attribution =>
    ({ id, articleId: 'evil', source, cue, content, speakerId: null, quoteId: null, form: 'indirect' });
  const r: Report = {
    ...base, articles: [article], sentences: [{ articleId: 'evil', start: 0, end: text.length, block: 0, caption: false }],
    quotes: [], citations: [], numbers: [], hedges: [], speakers: [], quoteVariants: [], findings: [],
    alignment: { links: [], unique: [] }, provenance: { nodes: [], edges: [] },
    attributions: [
      rel(at('Officials <img src=x onerror="window.__pwned=1">'), at('said'), at('"<script>window.__pwned=2</script> & co"'), 'e1'),
      rel({ start: -3, end: 9999, text: '<b onclick="x">bold</b>' }, { start: 5, end: 2, text: '<i>cue</i>' }, at('hold'), 'e2'),
    ],
  };
  const html = renderHtml(r);
  const doc = parseDocument(html, { decodeEntities: true });
  assert.equal(all(doc, (el) => el.name === 'script').length, 2, 'only the data and the page script');
  assert.equal(all(doc, (el) => el.name === 'img').length, 0, 'no <img>');
  assert.equal(all(doc, (el) => (el.name === 'b' && textContent(el) === 'bold') || (el.name === 'i' && textContent(el) === 'cue')).length, 0, 'no <b>, <i> from the spans');
  assert.equal(all(doc, (el) => 'onerror' in el.attribs || 'onclick' in el.attribs).length, 0);
  assert.ok(html.includes('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;'), 'source escaped in the text');
  const li = all(all(doc, (el) => el.attribs.id === 'head-evil')[0], (el) => el.name === 'li' && 'data-att' in el.attribs);
  assert.equal(li.length, 2);
  const entry = (i: number) => textContent(li.find((el) => el.attribs['data-att'] === String(i))!);
  assert.match(entry(0), /^Officials <img src=x onerror="window.__pwned=1"> said <script>window.__pwned=2<\/script> & co indirect speech$/);
  assert.match(entry(1), /^<b onclick="x">bold<\/b> <i>cue<\/i> hold/, 'broken spans: their stored text, escaped');
  checkMarks(r, doc, r.attributions[0], 0);
  assert.equal(all(doc, (el) => (el.attribs['data-a'] ?? '').split(' ').includes('1')).length, 0, 'a broken cue is not marked');
  assert.equal(all(doc, (el) => el.attribs['data-a'] === '0')[0].attribs.title, 'Attributed to Officials <img src=x onerror="window.__pwned=1"> (indirect speech)', 'title is an attribute value');
});

test('every attribution of the real seed-story report is marked and listed', () => {
  const r: Report = JSON.parse(readFixture('golden', 'seed-story.report.json'));
  assert.ok(r.attributions.length > 0);
  const doc = parseDocument(renderHtml(r), { decodeEntities: true });
  r.attributions.forEach((x, i) => {
    const cue = all(doc, (el) => el.name === 'span' && (el.attribs['data-a'] ?? '').split(' ').includes(String(i)));
    // (The article appears once in a column or in the store.)
    assert.equal(cue.map((s) => textContent(s)).join(''), x.cue.text, `${x.id}: cue`);
    assert.ok(all(doc, (el) => el.attribs['data-att'] === String(i)).length >= 1, `${x.id}: listed`);
  });
});
