import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Article, RawDocument } from '../../src/model.js';
import { extractFromText } from '../../src/extract/text/index.js';
import { outletFromDomain, type OutletEntry } from '../../src/extract/outlets.js';
import { toInputOffset } from '../../src/extract/builder.js';
import { readFixture } from '../helpers.js';

const OUTLETS: OutletEntry[] = [
  { name: 'New York Post', variants: ['NY Post', 'the Post'], domains: ['nypost.com'], kind: 'newspaper' },
  { name: 'UNN', variants: ['Ukrainian National News'], domains: ['unn.ua', 'unn.com.ua'], kind: 'agency' },
  { name: 'Reuters', variants: ['Thomson Reuters'], domains: ['reuters.com'], kind: 'agency' },
  { name: 'Bloomberg', variants: ['Bloomberg News'], domains: ['bloomberg.com'], kind: 'agency' },
];

function doc(content: string, source = 'test.txt'): RawDocument {
  return { source, mediaType: 'text/plain', content, encoding: 'utf-8', encodingSource: 'default', byteLength: content.length };
}
function extract(content: string, asIs = false, outlets: OutletEntry[] = OUTLETS): Article {
  return extractFromText(doc(content), { asIs, outlets });
}
const blockTexts = (a: Article, kind?: string) => a.blocks.filter((b) => !kind || b.kind === kind).map((b) => a.text.slice(b.start, b.end));

/** Invariants every article must satisfy (source map, blocks, captions, removals). */
function checkInvariants(input: string, a: Article): void {
  let prevEnd = 0;
  for (const r of a.sourceMap) {
    assert.ok(r.textStart >= prevEnd && r.textEnd > r.textStart && r.textEnd <= a.text.length);
    assert.ok(r.inputStart >= 0 && r.inputEnd <= input.length && r.inputEnd >= r.inputStart);
    if (r.textEnd - r.textStart === r.inputEnd - r.inputStart) {
      assert.equal(a.text.slice(r.textStart, r.textEnd), input.slice(r.inputStart, r.inputEnd));
    }
    prevEnd = r.textEnd;
  }
  let last = -1;
  for (const b of a.blocks) {
    assert.ok(b.start >= last && b.end > b.start && b.end <= a.text.length, JSON.stringify(b));
    last = b.end;
  }
  for (const c of a.captions) assert.ok(a.blocks.some((b) => b.kind === 'caption' && b.start === c.start && b.end === c.end));
  for (const r of a.removed) {
    assert.ok(r.inputStart >= 0 && r.inputEnd <= input.length && r.inputStart < r.inputEnd);
    assert.equal(r.text, input.slice(r.inputStart, r.inputEnd));
  }
}

test('seed: New York Post capture → clean text, metadata, captions with credits', () => {
  const input = readFixture('extract-text', 'nypost-putin-backchannel.txt');
  const a = extract(input);
  checkInvariants(input, a);
  assert.equal(a.text, readFixture('extract-text', 'nypost-putin-backchannel.clean.txt'));
  assert.equal(a.title, 'Putin sends backchannel signals to US to end war in Ukraine: report');
  assert.equal(a.outlet, 'New York Post');
  assert.equal(a.url, 'https://nypost.com/2024/01/25/news/putin-sends-backchannel-signals-to-us-about-ending-war-in-ukraine-report/');
  assert.equal(a.publishedAt, '2024-01-26T00:00:00.000Z');
  assert.deepEqual(a.published, { iso: '2024-01-26T00:00:00.000Z', raw: 'January 25, 2024, 7:00 PM ET', timeZone: 'ET' });
  assert.equal(a.language, 'en');
  assert.equal(a.blocks[0].kind, 'title');
  assert.deepEqual(a.captions.map((c) => c.credit), ['POOL/AFP via Getty Images', 'Getty Images', 'ZUMAPRESS.com']);
  assert.deepEqual(blockTexts(a, 'caption'), [
    'According to reports, Vladimir Putin may be willing to admit Ukraine into NATO in return for retaining territory captured since 2022.',
    'A Ukrainian church was destroyed in the flight. Ukrainian troops are rationing their ammunition as supplies run out.',
    'Experts say reports about Russian negotiations may be aimed at undermining President Volodymyr Zelensky.',
  ]);
  for (const junk of ['{{', 'Load More', 'Copy the URL', 'utm_', 'Getty Images', 'ZUMAPRESS', 'Published January', '– New York Post']) {
    assert.ok(!a.text.includes(junk), junk);
  }
  const reasons = new Set(a.removed.map((r) => r.reason));
  for (const r of ['duplicate-title', 'title-suffix', 'date', 'load-more', 'template', 'url', 'share', 'credit']) assert.ok(reasons.has(r), r);
  // the body paragraph that mentions Bloomberg is not a caption
  assert.ok(blockTexts(a, 'paragraph').includes('Similar rumors were also circulating in diplomatic circles in Europe, Bloomberg reported.'));
  // the title appears once
  assert.equal(a.text.split('Putin sends backchannel signals').length, 2);
});

test('seed: UNN capture → dateline/outlet line, view counter and duplicate title removed', () => {
  const input = readFixture('extract-text', 'unn-putin-signal.txt');
  const a = extract(input);
  checkInvariants(input, a);
  assert.equal(a.text, readFixture('extract-text', 'unn-putin-signal.clean.txt'));
  assert.equal(a.title, 'Putin sends a signal to the United States on Ukraine talks: Media reports details');
  assert.equal(a.outlet, 'UNN');
  assert.equal(a.dateline, 'Kyiv');
  assert.equal(a.language, 'en');
  assert.deepEqual(a.removed.map((r) => r.reason).sort(), ['dateline', 'duplicate-title', 'view-counter']);
  assert.ok(!a.text.includes('views') && !a.text.includes('•'));
  assert.equal(a.blocks.filter((b) => b.kind === 'paragraph').length, 12);
  // the default outlet list names UNN too, whatever its display name
  const withDefault = extractFromText(doc(input));
  assert.equal(withDefault.outlet, outletFromDomain('unn.ua')?.name ?? 'UNN');
});

test('wire capture with CRLF, NBSP, cookie banner, ads, share/follow prompts, captions', () => {
  const input = readFixture('extract-text', 'wire-reuters-crlf.txt');
  assert.ok(input.includes('\r\n') && input.includes('\u00a0'));
  const a = extract(input);
  checkInvariants(input, a);
  assert.equal(a.title, 'Ukraine grain deal talks stall as Moscow sets conditions');
  assert.equal(a.outlet, 'Reuters');
  assert.equal(a.byline, 'Jane Doe and Pavel Polityuk');
  assert.equal(a.dateline, 'KYIV');
  assert.equal(a.publishedAt, '2023-07-13T10:02:00.000Z');
  assert.equal(a.modifiedAt, '2023-07-13T15:45:00.000Z');
  assert.ok(!a.text.includes('\r'));
  for (const junk of ['cookies', 'Accept all', 'Skip to main', 'Advertisement', 'Share this', 'Read more', 'newsletter', 'Follow us', 'Our Standards', '| Reuters']) {
    assert.ok(!a.text.includes(junk), junk);
  }
  // wire dateline stays in the text ("(Reuters)" is a citation); body mentions of Reuters are not captions
  assert.ok(a.text.includes('KYIV, July 13 (Reuters) - Russia set new conditions'));
  assert.ok(blockTexts(a, 'paragraph').some((t) => t.endsWith('the official told Reuters.')));
  assert.ok(blockTexts(a, 'paragraph').some((t) => t.endsWith('according to Reuters.')));
  assert.deepEqual(a.captions.map((c) => c.credit), ['REUTERS/Yoruk Isik', 'Photo: Reuters']);
  assert.deepEqual(blockTexts(a, 'caption'), ['A cargo ship loaded with grain sails in the Bosphorus in Istanbul, Turkey, July 11, 2023.', 'Grain silos at the port of Odesa.']);
  // NBSP kept verbatim inside the paragraph (lossless offsets)
  assert.ok(a.text.includes('alive.\u00a0The deal expires on Monday.'));
});

test('Ukrainian capture: dateline-outlet line, local date, "read also" promo, language uk', () => {
  const input = readFixture('extract-text', 'ukr-unn-style.txt');
  const a = extract(input);
  checkInvariants(input, a);
  assert.equal(a.title, 'Зеленський провів розмову з Байденом: подробиці');
  assert.equal(a.outlet, 'UNN');
  assert.equal(a.dateline, 'Київ');
  assert.equal(a.published?.raw, '25 січня 2024, 19:00');
  assert.equal(a.language, 'uk');
  assert.ok(!a.text.includes('Читайте також') && !a.text.includes('Підписуйтесь'));
});

test('hard-wrapped wire text is joined into paragraphs; dateline read, text kept', () => {
  const input = readFixture('extract-text', 'hard-wrapped-wire.txt');
  const a = extract(input);
  checkInvariants(input, a);
  assert.equal(a.dateline, 'SPRINGFIELD');
  assert.equal(a.title, 'City council approves new budget after long debate');
  assert.equal(blockTexts(a, 'paragraph').length, 3);
  assert.ok(blockTexts(a, 'paragraph')[0].startsWith('SPRINGFIELD (AP) -- The city council on Tuesday approved a $1.2 billion budget for'));
  assert.equal(a.removed.length, 0);
});

test('a clean article goes through unchanged except paragraphing', () => {
  const paras = [
    'Lawmakers approve spending bill',
    'WASHINGTON (Reuters) - The U.S. House of Representatives on Friday approved a spending bill, sending it to the Senate, lawmakers said.',
    '"This is a good day," said Speaker Mike Johnson, who told Reuters the vote was close.',
    'The Senate is expected to vote next week, aides said. Photographers were not allowed in the chamber.',
  ];
  const input = paras.join('\n\n') + '\n';
  const a = extract(input);
  checkInvariants(input, a);
  assert.equal(a.text, paras.join('\n\n'));
  assert.equal(a.removed.length, 0);
  assert.equal(a.captions.length, 0);
});

test('captions: credit forms; body sentences ending with an agency are not captions', () => {
  const cases: [string, string | null][] = [
    ['President Joe Biden speaks in the Oval Office. (AP Photo/Evan Vucci)', 'AP Photo/Evan Vucci'],
    ['Rescuers search the rubble in Kharkiv. EPA-EFE/SERGEY KOZLOV', 'EPA-EFE/SERGEY KOZLOV'],
    ['Smoke rises over the city. Photo: Ukrinform', 'Photo: Ukrinform'],
    ['Smoke rises over the city / Reuters', 'Reuters'],
    ['Vladimir Putin in Moscow on Jan. 25 Sergei Ilyin/Sputnik/AFP via Getty Images', 'Sergei Ilyin/Sputnik/AFP via Getty Images'],
    ['Protesters gather in Tbilisi. Shutterstock', 'Shutterstock'],
    ['The talks failed, the official told Reuters.', null],
    ['Russia denied the report, according to AFP.', null],
    ['The rally was covered by AP', null],
  ];
  for (const [cap, credit] of cases) {
    const input = `Some headline about the news\n\nFirst paragraph of the story is long enough to read as body text, it said on Monday in a statement.\n\n${cap}\n\nLast paragraph of the story, with more text that reads as body text for sure.\n`;
    const a = extract(input);
    checkInvariants(input, a);
    if (credit === null) {
      assert.equal(a.captions.length, 0, cap);
      assert.ok(a.text.includes(cap), cap);
    } else {
      assert.equal(a.captions.length, 1, cap);
      assert.equal(a.captions[0].credit, credit, cap);
      assert.ok(!a.text.includes(credit), cap);
    }
  }
});

test('a credit on its own line makes the short paragraph above a caption', () => {
  const input = 'Headline of the story here\n\nBody text of the article that is long enough to be a paragraph of the story, he said.\n\nThe port of Odesa at night.\n\nGetty Images\n\nMore body text follows here and it is long enough to be a paragraph, she said.\n';
  const a = extract(input);
  checkInvariants(input, a);
  assert.deepEqual(blockTexts(a, 'caption'), ['The port of Odesa at night.']);
  assert.equal(a.captions[0].credit, 'Getty Images');
  assert.ok(!a.text.includes('Getty'));
});

test('a lone wire credit line ("AP") is kept: it credits the text, not a photo', () => {
  const input = 'Headline of the story here\n\nBody text of the article that is long enough to be a paragraph of the story, he said.\n\nAP\n';
  const a = extract(input);
  assert.ok(a.text.endsWith('AP'));
  assert.equal(a.captions.length, 0);
});

test('--as-is: text is the input verbatim, blocks at input offsets, metadata still found', () => {
  const input = readFixture('extract-text', 'nypost-putin-backchannel.txt');
  const a = extract(input, true);
  assert.equal(a.text, input);
  assert.equal(a.extraction.asIs, true);
  assert.deepEqual(a.sourceMap, [{ textStart: 0, textEnd: input.length, inputStart: 0, inputEnd: input.length }]);
  assert.equal(a.removed.length, 0);
  assert.equal(a.title, 'Putin sends backchannel signals to US to end war in Ukraine: report');
  assert.equal(a.outlet, 'New York Post');
  assert.equal(a.publishedAt, '2024-01-26T00:00:00.000Z');
  const cap = a.captions.find((c) => c.credit === 'POOL/AFP via Getty Images');
  assert.ok(cap);
  assert.ok(input.slice(cap.start, cap.end).endsWith('captured since 2022.'));
  for (const b of a.blocks) assert.equal(toInputOffset(a, b.start), b.start);
  // every non-blank paragraph of the input starts a block
  const starts = new Set(a.blocks.map((b) => b.start));
  for (const m of input.matchAll(/(?:^|\n\n)(\S)/g)) assert.ok(starts.has(m.index! + m[0].length - 1));
});

test('--as-is: a text set in single-line paragraphs has a block per line; one set in blank-line paragraphs keeps its lines together', () => {
  // scraped text (FNC-1 bodies, a liveblog): paragraphs one per line, a blank line here and there
  const lines = [
    'Terrence Donilon, a spokesman for Archbishop Sean P. O\'Malley, says the story is a hoax.',
    '"We do not have a priest of this name," he told Metro.co.uk.',
    'When Meehan was apprised of the fact that the story was a hoax, she offered up this reply:',
    '"According to a recent media update, this story is false."',
    '',
    'Read more: http://example.com/story',
  ];
  const single = lines.join('\n');
  const a = extract(single, true);
  assert.equal(a.text, single);
  assert.deepEqual(a.blocks.map((b) => single.slice(b.start, b.end)), lines.filter(Boolean));
  // a text of blank-line paragraphs: a line break inside one (a pull quote and its attribution) does not split it
  const blank = 'The internal policy was obtained by a news station.\n\n“We\'ll train them to change their names.”\nThe document reads\n\nOfficials have been told to reject any birth certificates for the name.';
  const b = extract(blank, true);
  assert.deepEqual(b.blocks.map((x) => blank.slice(x.start, x.end)), blank.split('\n\n'));
  // and hard-wrapped text stays joined even without blank lines between its paragraphs' lines
  const wrapped = Array.from({ length: 8 }, (_, k) => `Line ${k} of a hard-wrapped wire story that goes on to about seventy chars`).join('\n');
  assert.equal(extract(wrapped, true).blocks.length, 1);
});

test('an input that is all page debris is an ExtractError naming the input, not an empty article', () => {
  const input = 'Load More…\n\nAdvertisement\n\n{{#isDisplay}} {{/isDisplay}}\n\nShare this article\n';
  assert.throws(() => extractFromText(doc(input, 'junk.txt'), { outlets: OUTLETS }), (e: Error & { code?: string }) =>
    e.name === 'ExtractError' && e.code === 'NO_ARTICLE' && e.message.startsWith('junk.txt: ') && /advertisement/.test(e.message));
  assert.equal(extract(input, true).text, input); // --as-is keeps it
});

test('empty and whitespace-only inputs give empty articles, no throw', () => {
  for (const s of ['', '\n\n', '   \r\n\t ', '\u00a0']) {
    const a = extract(s);
    assert.equal(a.text, '');
    assert.equal(a.blocks.length, 0);
    const b = extract(s, true);
    assert.equal(b.text, s);
  }
});

const piece = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('\n', '\n\n', '\r\n', '\r\n\r\n', '\u00a0', ' • ', '{{#x}}', '{{/x}}', 'Load More…', 'Advertisement', 'Share this article',
    'By Jane Doe', 'Published January 25, 2024, 7:00 PM ET', 'Kyiv • UNN', '• 123 views', 'https://nypost.com/a?utm_source=x %20y',
    'A caption line. Getty Images', 'Photo: Reuters', 'WASHINGTON (Reuters) - ', 'Title – New York Post', '"Quote," he said.', 'Read more: x'),
);

test('property: source map, blocks, removals are consistent on arbitrary messy input', () => {
  fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
    const input = parts.join('');
    let a: Article | null = null;
    try { a = extract(input); } catch (e) { assert.equal((e as { code?: string }).code, 'NO_ARTICLE'); }
    if (a) checkInvariants(input, a);
    const asis = extract(input, true);
    assert.equal(asis.text, input);
    for (const b of asis.blocks) assert.equal(asis.text.slice(b.start, b.end), input.slice(b.start, b.end));
  }), { numRuns: 400 });
});

test('property: extraction is deterministic', () => {
  fc.assert(fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
    const input = parts.join('');
    const run = () => { try { return extract(input); } catch (e) { return (e as Error).message; } };
    assert.deepEqual(run(), run());
  }), { numRuns: 100 });
});

test('linear-ish time on adversarial input', () => {
  for (const line of ['a - '.repeat(100000), 'By A '.repeat(50000), 'KYIV, '.repeat(50000), '(AP Photo/'.repeat(50000), 'Getty Images. '.repeat(50000)]) {
    const t = performance.now();
    try { extract(line + '\n\nSecond paragraph.\n'); } catch { /* all-debris is fine */ }
    assert.ok(performance.now() - t < 3000, `${line.slice(0, 12)}: ${performance.now() - t} ms`);
  }
  const big = ('{{#a}}'.repeat(2000) + ' • 1 views\n' + 'Getty Images. '.repeat(500) + '\n\n' + 'x'.repeat(5000) + '\n').repeat(20);
  const t0 = performance.now();
  extract(big);
  extract(big, true);
  assert.ok(performance.now() - t0 < 5000, `${performance.now() - t0} ms`);
});

test('section label, relative time, glued byline/date, gallery counter, footer byline', () => {
  const input = [
    'WORLD NEWS',
    'Talks on grain corridor resume in Istanbul',
    'By Jane Doe Published January 25, 2024, 7:00 PM ET',
    '2 hours ago',
    'ISTANBUL (Reuters) - Negotiators from Russia and Ukraine resumed talks on Thursday on reopening the grain corridor, officials said.',
    'Image 1 of 5',
    'A second round is planned for next week, a Turkish official told reporters on condition of anonymity.',
    'Reporting by John Roe in Istanbul; Editing by Mark Smith',
  ].join('\n\n');
  const a = extract(input);
  checkInvariants(input, a);
  assert.equal(a.section, 'WORLD NEWS');
  assert.equal(a.title, 'Talks on grain corridor resume in Istanbul');
  assert.equal(a.byline, 'Jane Doe');
  assert.equal(a.publishedAt, '2024-01-26T00:00:00.000Z');
  assert.equal(a.dateline, 'ISTANBUL');
  for (const junk of ['WORLD NEWS', 'hours ago', 'Image 1 of 5', 'Published']) assert.ok(!a.text.includes(junk), junk);
  const b = extract(input.replace('By Jane Doe Published January 25, 2024, 7:00 PM ET\n\n', ''));
  assert.equal(b.byline, 'John Roe');
});

test('a short one-line first paragraph of an untitled body is kept as text', () => {
  const input = 'Move over, Netflix and Hulu.\n\nWord has it that Amazon is looking to launch an ad-supported streaming video service, according to a report on Friday from people familiar with the plans.\n';
  const a = extract(input);
  checkInvariants(input, a);
  assert.ok(a.text.startsWith('Move over, Netflix and Hulu.'));
  assert.equal(a.removed.length, 0);
});

test('BBC-style capture: "Image source, …" / "Image caption, …" labels, role line under the byline, related topics', () => {
  const input = readFixture('extract-text', 'bbc-style-labels.txt');
  const a = extract(input, false, [...OUTLETS, { name: 'BBC', variants: ['BBC News'], domains: ['bbc.co.uk'] }]);
  checkInvariants(input, a);
  assert.equal(a.title, 'Ukraine war: Zelensky visits front-line troops in Kharkiv region');
  assert.equal(a.outlet, 'BBC');
  assert.equal(a.byline, 'Sarah Rainsford');
  assert.deepEqual(blockTexts(a, 'caption'), [
    'Volodymyr Zelensky met soldiers near the front line on Tuesday',
    "Residents of Kharkiv queue for water after a strike on the city's power plant",
  ]);
  assert.deepEqual(a.captions.map((c) => c.credit), ['Getty Images', null]);
  assert.deepEqual(blockTexts(a, 'paragraph').length, 3);
  for (const junk of ['Image source', 'Image caption', 'correspondent', 'Related Topics', 'War in Ukraine', 'Share', 'hour ago']) assert.ok(!a.text.includes(junk), junk);
  assert.ok(a.text.includes('BBC Russian reported.'));
});

test('NYT-style capture: Credit... glued to the caption, ad labels, time-only update line, print footer', () => {
  const input = readFixture('extract-text', 'nyt-style-capture.txt');
  const a = extract(input, false, [...OUTLETS, { name: 'The New York Times', variants: ['New York Times'], domains: ['nytimes.com'] }]);
  checkInvariants(input, a);
  assert.equal(a.outlet, 'The New York Times');
  assert.equal(a.title, 'Biden Signs Aid Package for Ukraine and Israel');
  assert.equal(a.publishedAt, '2024-04-24');
  assert.equal(a.modifiedAt, '2024-04-24T22:12:00.000Z');
  assert.deepEqual(blockTexts(a, 'caption'), ['President Biden speaking at the White House on Wednesday.']);
  assert.deepEqual(a.captions.map((c) => c.credit), ['Doug Mills/The New York Times']);
  assert.equal(blockTexts(a, 'paragraph').length, 3);
  for (const junk of ['ADVERTISEMENT', 'Supported by', 'Listen to', 'appears in print', 'Credit...']) assert.ok(!a.text.includes(junk), junk);
});

test('many lines: a 50,000-line (5 MB) hard-wrapped input and a 5 MB single line stay fast', () => {
  const line = 'The committee said the measure would be reviewed again in the spring session, officials noted';
  const wrapped = Array.from({ length: 50000 }, (_, i) => `${line} ${i}`).join('\n');
  let t0 = performance.now();
  const a = extract(wrapped);
  assert.ok(a.blocks.length <= 2);
  assert.ok(a.text.length > wrapped.length * 0.99);
  assert.ok(performance.now() - t0 < 8000, `${performance.now() - t0} ms`);
  const one = 'word '.repeat(1_000_000);
  t0 = performance.now();
  const b = extract(one);
  assert.equal(b.blocks.length, 1);
  assert.ok(performance.now() - t0 < 8000, `${performance.now() - t0} ms`);
});

test('an embedded post captured as text is a blockquote block', () => {
  const input = 'Officials react to the vote\n\nThe vote drew reactions from lawmakers across the spectrum on Friday, with many posting online.\n\nThis is a historic day for our state. pic.twitter.com/AbCdEf — Jane Doe (@janedoe) January 25, 2024\n\nOthers were more cautious, saying the bill still had to pass the Senate next week.\n';
  const a = extract(input);
  checkInvariants(input, a);
  assert.deepEqual(blockTexts(a, 'blockquote'), ['This is a historic day for our state. pic.twitter.com/AbCdEf — Jane Doe (@janedoe) January 25, 2024']);
});

test('a headline that opens the first paragraph is not a duplicate title', () => {
  const input = 'Trump wins Iowa caucuses\n\nTrump wins Iowa caucuses by a wide margin, according to early returns, as rivals vowed to fight on in New Hampshire.\n';
  const a = extract(input);
  checkInvariants(input, a);
  assert.equal(a.removed.length, 0);
  assert.equal(a.title, 'Trump wins Iowa caucuses');
  assert.ok(a.text.includes('Trump wins Iowa caucuses by a wide margin'));
});

test('no date line: the date in the page URL path is used, date only, raw kept', () => {
  const input = 'Headline of the story here\n\nBody text of the article that is long enough to be a paragraph of the story, he said.\n\nhttps://nypost.com/2024/01/25/news/some-story/?utm_source=x\n';
  const a = extract(input);
  assert.equal(a.url, 'https://nypost.com/2024/01/25/news/some-story/');
  assert.deepEqual(a.published, { iso: '2024-01-25', raw: '2024/01/25', timeZone: null });
  assert.equal(a.publishedAt, '2024-01-25');
});

test('Guardian-style capture: "Headline | Section | Outlet", "Name in Place" byline, Photograph: credit, topic list', () => {
  const input = readFixture('extract-text', 'guardian-style-capture.txt');
  const a = extract(input, false, [...OUTLETS, { name: 'The Guardian', variants: ['Guardian'], domains: ['theguardian.com'] }]);
  checkInvariants(input, a);
  assert.equal(a.title, 'Ukraine says it downed 20 Russian drones overnight');
  assert.equal(a.outlet, 'The Guardian');
  assert.equal(a.section, 'Ukraine');
  assert.equal(a.byline, 'Shaun Walker');
  assert.equal(a.dateline, 'Kyiv');
  assert.equal(a.publishedAt, '2024-01-25T19:00:00.000Z');
  assert.equal(a.modifiedAt, '2024-01-25T20:15:00.000Z');
  assert.deepEqual(a.captions.map((c) => c.credit), ['Photograph: Sergey Bobok/AFP/Getty Images']);
  assert.deepEqual(a.blocks.map((b) => b.kind), ['title', 'paragraph', 'caption', 'paragraph']);
});

test('a short headline is not taken for a "Name in Place" byline', () => {
  const input = 'Joe Biden in Kyiv\n\nPresident Joe Biden made a surprise visit to Kyiv on Monday, meeting President Volodymyr Zelensky, officials said.\n';
  const a = extract(input);
  assert.equal(a.title, 'Joe Biden in Kyiv');
  assert.equal(a.byline, null);
});
