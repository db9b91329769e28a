import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inlineDebris, lineDebris } from '../../src/extract/text/debris.js';
import { captionCredit, isCreditShaped } from '../../src/extract/text/captions.js';
import { parseByline, parseDateLine, parseDatelineOutlet, parseWireDateline, titleOutletSuffix } from '../../src/extract/text/header.js';

const OUTLETS = [{ name: 'UNN', domains: ['unn.ua'] }, { name: 'New York Post', variants: ['NY Post'], domains: ['nypost.com'] }, { name: 'Reuters', domains: ['reuters.com'] }];

test('lineDebris: whole-line prompts are debris, body sentences are not', () => {
  const debris: [string, string][] = [
    ['Load More…', 'load-more'], ['Advertisement', 'advertisement'], ['ADVERTISEMENT', 'advertisement'],
    ['Share this article', 'share'], ['Facebook Twitter Email', 'share'], ['Copy the URL to share', 'share'],
    ['Sign up for our newsletter', 'newsletter'], ['Subscribe to our daily briefing by email', 'newsletter'],
    ['Follow us on Telegram', 'follow'], ['Read more: Ukraine says grain corridor will work', 'related'],
    ['RELATED:', 'related'], ['Читайте також: Байден пообіцяв', 'related'],
    ['We use cookies to improve your experience. By continuing you agree to our cookie policy.', 'cookie'],
    ['Skip to main content', 'boilerplate'], ['© 2024 Example Media. All rights reserved.', 'boilerplate'],
    ['Scroll down for video', 'boilerplate'], ['* * *', 'separator'],
    ['https://nypost.com/2024/01/25/news/x/?utm_source=a&utm_campaign=site %20Buttons', 'url'],
  ];
  for (const [t, why] of debris) assert.equal(lineDebris(t), why, t);
  const body = [
    'Google said it uses cookies to track users, a practice regulators have criticised for years.',
    'Like others on YouTube, the channel makes money from ads.',
    'Share prices fell 3% on Monday.',
    'Read the full statement below, the ministry said in a post on Telegram.',
    'He signed up for the army newsletter in 2019 and later joined the unit, his mother said.',
    'See more at the ministry’s site, officials said.',
  ];
  for (const t of body) assert.equal(lineDebris(t), null, t);
});

test('inlineDebris: template tokens, view counters, glued share prompts', () => {
  const t = '{{#isDisplay}} {{/isDisplay}}{{#isSRVideo}} {{/isSRVideo}}';
  assert.deepEqual(inlineDebris(t).map((h) => h.reason), ['template', 'template', 'template', 'template']);
  assert.deepEqual(inlineDebris('\u00a0•\u00a032679\u00a0views').map((h) => h.reason), ['view-counter']);
  const g = inlineDebris('Copy the URL to sharePutin sends a signal');
  assert.equal(g[0].reason, 'share');
  assert.equal('Copy the URL to sharePutin sends a signal'.slice(g[0].end), 'Putin sends a signal');
  assert.deepEqual(inlineDebris('The video got 32679 views in a day, police said.'), []);
});

test('credit shapes', () => {
  for (const c of ['POOL/AFP via Getty Images', 'Getty Images', 'ZUMAPRESS.com', 'REUTERS/Yoruk Isik', 'AP Photo/Evan Vucci', 'EPA-EFE/SERGEY KOZLOV', 'Shutterstock']) {
    assert.ok(isCreditShaped(c), c);
  }
  for (const c of ['the official told Reuters.', 'Reuters reported', 'From Bloomberg:', '(With the Associated Press)', 'Kyiv. EPA', 'January 25 AFP']) {
    assert.ok(!isCreditShaped(c), c);
  }
  assert.equal(captionCredit('Body sentence one here. Body sentence two here. Body three. Body four. Getty Images'), null); // too many sentences
  assert.equal(captionCredit('x'.repeat(450) + '. Getty Images'), null); // too long
});

test('header lines: date lines, bylines, dateline/outlet lines, wire datelines, title suffixes', () => {
  assert.equal(parseDateLine('Published January 25, 2024, 7:00 PM ET')?.published?.iso, '2024-01-26T00:00:00.000Z');
  const both = parseDateLine('Updated 3:45 PM GMT, Thu July 13, 2023 | Published July 13, 2023 10:02 AM GMT');
  assert.equal(both?.published?.iso, '2023-07-13T10:02:00.000Z');
  assert.equal(both?.modified?.iso, '2023-07-13T15:45:00.000Z');
  assert.equal(parseDateLine('The summit was held on January 25, 2024 in Davos.'), null);
  assert.equal(parseDateLine('Last modified on Thu 25 Jan 2024 20.15 GMT')?.modified?.iso, '2024-01-25T20:15:00.000Z');
  assert.equal(parseDateLine('Опубліковано 25 січня 2024 о 19:00')?.published?.raw, '25 січня 2024 о 19:00');
  const upd = parseDateLine('25 January 2024, 19:00 GMT • Updated 20:15');
  assert.equal(upd?.published?.iso, '2024-01-25T19:00:00.000Z');
  assert.equal(upd?.modified?.iso, '2024-01-25T20:15:00.000Z');
  assert.equal(parseDatelineOutlet('Kyiv, 25 January 2024 • UNN', OUTLETS)?.date?.iso, '2024-01-25');
  assert.equal(parseDatelineOutlet('Kyiv, January 25 • UNN', OUTLETS)?.place, 'Kyiv');
  assert.equal(parseByline('By Jane Doe'), 'Jane Doe');
  assert.equal(parseByline('By Jane Doe and John Roe, Reuters'), 'Jane Doe and John Roe');
  assert.equal(parseByline('By the way, this is a sentence'), null);
  assert.equal(parseByline('By 2030 the plan will be complete.'), null);
  const d = parseDatelineOutlet('Kyiv\u00a0 • \u00a0UNN', OUTLETS);
  assert.equal(d?.place, 'Kyiv');
  assert.equal(d?.outletName, 'UNN');
  assert.equal(parseDatelineOutlet('Apples • Oranges', OUTLETS), null);
  assert.deepEqual(parseWireDateline('WASHINGTON (Reuters) - The U.S. said'), { length: 23, place: 'WASHINGTON', agency: 'Reuters', date: null });
  assert.equal(parseWireDateline('MOSCOW, Jan 25 (Reuters) - Russia said')?.date, 'Jan 25');
  assert.equal(parseWireDateline('KYIV, Ukraine (AP) — Officials')?.place, 'KYIV, Ukraine');
  assert.equal(parseWireDateline('(NEWSER) – Wonder how')?.agency, 'NEWSER');
  assert.equal(parseWireDateline('EXCLUSIVE – Roger Stone: Don’t'), null);
  assert.equal(parseWireDateline('US officials - who declined'), null);
  assert.deepEqual(titleOutletSuffix('Putin sends signals: report – New York Post', OUTLETS, null), { start: 27, outlet: 'New York Post' });
  assert.equal(titleOutletSuffix('Biden – the long road home', OUTLETS, null), null);
});
