import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFromHtml, bodyText } from '../../src/extract/html/index.js';
import { isDateLine } from '../../src/extract/html/blocks.js';
import { cleanByline } from '../../src/extract/html/metadata.js';
import { rawHtml } from './util.js';

const P = (s: string) => `<p>${s}</p>`;
const prose = [
  'The mayor said on Monday that the city would expand its bus network, adding routes to the eastern suburbs by spring.',
  'Officials estimate the expansion will cost about $12 million, paid for partly by a state grant announced last year.',
  'Critics, including two council members, said the plan did little for residents who commute by train, however.',
];

function page(inner: string, head = ''): string {
  return `<html><head>${head}</head><body><div class="page"><article class="story">${inner}</article>` +
    `<div class="sidebar-box"><ul><li><a href="/1">Top story one</a></li><li><a href="/2">Top story two</a></li></ul></div></div></body></html>`;
}

test('related-story blocks, teasers and link lists are dropped; the body stays', () => {
  const html = page(prose.map(P).join('') +
    '<div class="box"><h3>You may also like</h3><p>Another story entirely about something else, with commas, that is long enough to score.</p></div>' +
    '<div><h4>More Great Stories</h4></div><ul><li><a href="/x">A linked headline here</a></li><li><a href="/y">Another linked headline</a></li></ul>');
  const t = bodyText(extractFromHtml(rawHtml(html)));
  assert.equal(t, prose.join('\n\n'));
});

test('photo credits, author bios, promos and date stamps are removed but recorded; story credits stay', () => {
  const html = page('<p>(Jane Roe / Associated Press)</p>' + '<p>Updated Nov. 19, 2019 5:02 p.m. ET</p>' + prose.map(P).join('') +
    '<p>(Reporting by Will Dunham; Editing by Tom Brown)</p>' +
    '<p>Sign up for our free daily newsletter to get these stories in your inbox.</p>' +
    '<p>Maria Kowalski is a city hall reporter for the Ledger, covering transport and housing.</p>',
  '<meta name="author" content="Maria Kowalski">');
  const a = extractFromHtml(rawHtml(html));
  assert.equal(bodyText(a), [...prose, '(Reporting by Will Dunham; Editing by Tom Brown)'].join('\n\n'));
  const reasons = a.removed.map((r) => r.reason);
  for (const r of ['credit', 'date', 'author-bio']) assert.ok(reasons.includes(r), `${r} in ${reasons}`);
  assert.ok(a.removed.some((r) => (r.reason === 'promo' || r.reason === 'boilerplate') && r.text.startsWith('Sign up')));
  const credit = a.removed.find((r) => r.reason === 'credit')!;
  assert.equal(html.slice(credit.inputStart, credit.inputEnd), '(Jane Roe / Associated Press)');
});

test('embedded posts (tweets) inside the body are kept as quoted content', () => {
  const html = page(P(prose[0]) + '<div class="social-media-embed"><blockquote class="twitter-tweet"><p>We are on it, and the buses are coming soon to your neighbourhood!</p>— City Hall (@cityhall) <a href="https://twitter.com/x">November 18, 2019</a></blockquote></div>' + P(prose[1]));
  const a = extractFromHtml(rawHtml(html));
  assert.ok(bodyText(a).includes('We are on it, and the buses'));
  assert.ok(a.blocks.some((b) => b.kind === 'blockquote'));
});

test('date lines and bylines', () => {
  for (const s of ['13/03/2023 às 10h32', 'Updated Nov. 19, 2019 5:02 p.m. ET', 'segunda-feira, 22 de janeiro de 2018 às 0:13', 'November 19, 2019'])
    assert.ok(isDateLine(s), s);
  for (const s of ['2a etapa: 8 de abril – Curitiba', 'The vote was 7-2 on May 5', 'Published in 2019 by the council'])
    assert.ok(!isDateLine(s), s);
  assert.equal(cleanByline('TOM KRISHER, AP Auto Writer', null), 'TOM KRISHER');
  assert.equal(cleanByline('Amy Kuperinsky | NJ Advance Media for NJ.com', null), 'Amy Kuperinsky');
  assert.equal(cleanByline('Kevin Johnson and Kevin McCoy USA TODAY', null), 'Kevin Johnson and Kevin McCoy');
  assert.equal(cleanByline('Analysis by Chris Cillizza, CNN Editor-at-large', 'CNN'), 'Chris Cillizza');
  assert.equal(cleanByline('By Ana Silva, John Smith', null), 'Ana Silva, John Smith');
});
