import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../../src/model.js';
import { renderHtml } from '../../src/report/html/index.js';
import { readFixture } from '../helpers.js';
import { withAttributions } from './attribution-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} not found (apt-get install -y chromium)`;

type Page = import('playwright-core').Page;

/** Write `report` as a page in a temporary folder, open it in headless Chromium and run `use` on it (page errors collected). */
async function withPage(report: Report, viewport: { width: number; height: number } | undefined, use: (page: Page, problems: string[], url: string) => Promise<void>): Promise<void> {
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'retold-report-'));
  const file = join(dir, 'report.html');
  writeFileSync(file, renderHtml(report));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage(viewport ? { viewport } : undefined);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await use(page, problems, `file://${file}`);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the report page works in headless Chromium: findings and attributions highlight their spans, no errors, no network', { skip, timeout: 90_000 }, async () => {
  const { chromium } = await import('playwright-core');
  const report: Report = withAttributions(JSON.parse(readFixture('report', 'seed-report.json')));
  const dir = mkdtempSync(join(tmpdir(), 'retold-report-'));
  const file = join(dir, 'report.html');
  writeFileSync(file, renderHtml(report));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => { if (r.url() !== `file://${file}`) requests.push(r.url()); });
    await page.goto(`file://${file}`);

    // Each finding, clicked, highlights exactly the text of its evidence in the shown articles.
    for (let i = 0; i < report.findings.length; i++) {
      const f = report.findings[i];
      await page.click(`button.finding[data-f="${i}"]`);
      const got = await page.evaluate(() => {
        const byArticle: Record<string, string> = {};
        document.querySelectorAll('.col .seg.hl').forEach((s) => {
          const id = s.closest('article.doc')!.getAttribute('data-id')!;
          byArticle[id] = (byArticle[id] ?? '') + '|' + s.getAttribute('data-o') + ':' + s.textContent;
        });
        return byArticle;
      });
      for (const ev of f.evidence) {
        const segs = (got[ev.articleId] ?? '').split('|').filter(Boolean).map((x) => {
          const at = x.indexOf(':');
          return { o: Number(x.slice(0, at)), t: x.slice(at + 1) };
        });
        const inside = segs.filter((s) => s.o >= ev.start && s.o < ev.end).map((s) => s.t).join('');
        assert.equal(inside, ev.text, `finding ${f.id}: highlighted text in ${ev.articleId}`);
      }
      assert.equal(await page.locator('button.finding.active').count(), 1);
      const onScreen = await page.evaluate(() => [...document.querySelectorAll('.col')].every((col) => {
        const s = col.querySelector('.seg.hl');
        if (!s) return true;
        const r = s.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      }));
      assert.ok(onScreen, `finding ${f.id}: highlighted spans are on screen`);
    }
    // The highlight is visible: the first highlighted segment lies inside its column's viewport.
    await page.click('button.finding[data-f="0"]');
    const visible = await page.evaluate(() => {
      const s = document.querySelector('.col .seg.hl')!;
      const body = s.closest('.col-body')!;
      const a = s.getBoundingClientRect();
      const b = body.getBoundingClientRect();
      return a.top >= b.top && a.bottom <= b.bottom && a.top >= 0 && a.bottom <= window.innerHeight;
    });
    assert.ok(visible, 'highlighted span scrolled into view');

    // Quote variants and provenance edges highlight too.
    await page.click('.variant[data-v="1"]');
    assert.ok(await page.locator('.col .seg.hl').count() > 0);
    await page.click('svg.graph g.edge[data-edge="0"] text');
    assert.ok(await page.locator('.col .seg.hl').count() > 0);

    // Alignment: hovering a linked sentence lights up its counterpart in the other column.
    await page.hover('#col-0 .sent.al-link');
    assert.equal(await page.locator('#col-1 .sent.al-hover').count() >= 1, true);

    // Attributions: each entry of an article's list highlights its source, cue and content, and nothing else.
    const highlighted = (side: number) => page.evaluate((col) => [...document.querySelectorAll(`#col-${col} .seg.hl`)]
      .map((el) => ({ o: Number(el.getAttribute('data-o')), t: el.textContent ?? '' })), side);
    let checked = 0;
    for (const side of [0, 1]) {
      const id = await page.locator(`#col-${side} article.doc`).getAttribute('data-id');
      await page.click(`#col-${side} details.atts summary`);
      for (const [i, x] of report.attributions.entries()) {
        if (x.articleId !== id) continue;
        await page.click(`#col-${side} li[data-att="${i}"]`);
        const segs = await highlighted(side);
        const spans = [x.source, x.cue, x.content].filter((s) => s !== null);
        for (const s of spans) assert.equal(segs.filter((g) => g.o >= s.start && g.o < s.end).map((g) => g.t).join(''), s.text, `${x.id}: highlighted ${s.text}`);
        assert.ok(segs.every((g) => spans.some((s) => g.o >= s.start && g.o < s.end)), `${x.id}: only its spans`);
        assert.equal(await page.locator(`#col-${side} li[data-att].active`).count(), 1);
        assert.equal(await page.locator(`#col-${side} li[data-att="${i}"]`).getAttribute('class').then((c) => /\bactive\b/.test(c ?? '')), true);
        const onScreen = await page.evaluate((col) => {
          const el = document.querySelector(`#col-${col} .seg.hl`);
          const r = el?.getBoundingClientRect();
          return !!r && r.top >= 0 && r.bottom <= window.innerHeight;
        }, side);
        assert.ok(onScreen, `${x.id}: the highlight is on screen`);
        checked++;
      }
    }
    assert.equal(checked, report.attributions.length, 'every attribution was listed in its column');
    // Hovering a cue lights up what it attributes; clicking it pins the relation like its list entry.
    const bloomberg = report.attributions.findIndex((x) => x.source?.text === 'Bloomberg');
    const b = report.attributions[bloomberg];
    await page.hover(`#col-1 .seg[data-a~="${bloomberg}"]`);
    const lit = await page.evaluate(() => [...document.querySelectorAll('#col-1 .seg.att-on')].map((el) => el.textContent).join(''));
    assert.equal(lit, b.content.text);
    await page.mouse.move(1, 1);
    assert.equal(await page.locator('.seg.att-on').count(), 0, 'unlit when the pointer leaves');
    await page.click(`#col-1 .seg[data-a~="${bloomberg}"]`);
    assert.equal((await highlighted(1)).map((g) => g.t).join(''), b.cue.text + b.source!.text + b.content.text, 'cue, source, content (not the words between)');
    assert.equal(await page.locator(`#col-1 li[data-att="${bloomberg}"].active`).count(), 1);

    // Toggles switch the mark styles off and on.
    await page.click('.toggles input[data-class="show-quotes"]');
    assert.equal(await page.evaluate(() => document.body.classList.contains('show-quotes')), false);

    await page.screenshot({ path: join(dir, 'report.png'), fullPage: false });
    assert.ok(existsSync(join(dir, 'report.png')));
    assert.deepEqual(problems, [], 'no console errors');
    assert.deepEqual(requests, [], 'no network requests');
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the pair chooser swaps articles when there are more than two', { skip, timeout: 90_000 }, async () => {
  const base: Report = JSON.parse(readFixture('report', 'seed-report.json'));
  // A third article: a copy of the second under another id (spans re-pointed).
  const copy = { ...base.articles[1], id: 'a-copy', outlet: 'Copy Outlet' };
  const report: Report = { ...base, articles: [...base.articles, copy],
    sentences: [...base.sentences, ...base.sentences.filter((s) => s.articleId === base.articles[1].id).map((s) => ({ ...s, articleId: 'a-copy' }))] };
  report.findings = [...base.findings, { id: 'fx', kind: 'quote-drift', severity: 'high', articles: ['a-copy'],
    evidence: [{ articleId: 'a-copy', start: copy.blocks[1].start, end: copy.blocks[1].start + 10, text: copy.text.slice(copy.blocks[1].start, copy.blocks[1].start + 10) }], explanation: 'test' }];
  await withPage(report, undefined, async (page, problems, url) => {
    await page.goto(url);
    assert.equal(await page.locator('#col-1 article.doc').getAttribute('data-id'), base.articles[1].id);
    await page.selectOption('#pick-1', 'a-copy');
    assert.equal(await page.locator('#col-1 article.doc').getAttribute('data-id'), 'a-copy');
    assert.match((await page.locator('#col-1 .col-head').textContent()) ?? '', /Copy Outlet/);
    // Choosing on the left the article shown on the right swaps them.
    await page.selectOption('#pick-0', 'a-copy');
    assert.equal(await page.locator('#col-0 article.doc').getAttribute('data-id'), 'a-copy');
    assert.equal(await page.locator('#col-1 article.doc').getAttribute('data-id'), base.articles[0].id);
    // A finding about an article not shown brings it into view.
    await page.selectOption('#pick-0', base.articles[1].id);
    await page.click(`button.finding[data-f="${report.findings.length - 1}"]`);
    const shown = await page.evaluate(() => [...document.querySelectorAll('.col article.doc')].map((d) => d.getAttribute('data-id')));
    assert.ok(shown.includes('a-copy'));
    assert.equal(await page.locator('.col .seg.hl').count() > 0, true);
    assert.deepEqual(problems, []);
  });
});

test('findings can be filtered and deep-linked', { skip, timeout: 90_000 }, async () => {
  const report: Report = JSON.parse(readFixture('report', 'seed-report.json'));
  await withPage(report, undefined, async (page, problems, url) => {
    const target = report.findings.find((f) => f.severity === 'medium')!;
    await page.goto(`${url}#finding-${target.id}`);
    assert.equal(await page.locator('button.finding.active').getAttribute('id'), `finding-${target.id}`);
    assert.ok(await page.locator('.col .seg.hl').count() > 0, 'deep link highlights the evidence');

    const visible = () => page.locator('button.finding:visible').count();
    assert.equal(await visible(), report.findings.length);
    await page.uncheck('.ffilter input[data-sev="low"]');
    assert.equal(await visible(), report.findings.filter((f) => f.severity !== 'low').length);
    await page.check('.ffilter input[data-sev="low"]');
    await page.fill('#finding-search', 'fiona hill');
    const expected = report.findings.filter((f) => (f.explanation + f.evidence.map((x) => x.text).join(' ')).toLowerCase().includes('fiona hill')).length;
    assert.ok(expected > 0);
    assert.equal(await visible(), expected);
    assert.deepEqual(problems, []);
  });
});

test('on a narrow screen a finding scrolls the page to its evidence', { skip, timeout: 90_000 }, async () => {
  const report: Report = JSON.parse(readFixture('report', 'seed-report.json'));
  await withPage(report, { width: 420, height: 800 }, async (page, problems, url) => {
    await page.goto(url);
    const last = report.findings.length - 1;
    await page.click(`button.finding[data-f="${last}"]`);
    const inView = await page.evaluate(() => {
      const s = document.querySelector('.col .seg.hl');
      if (!s) return false;
      const r = s.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    assert.ok(inView, 'the first highlighted span is on screen');
    assert.deepEqual(problems, []);
  });
});

test('a quoted term is drawn in italics, apart from quotes, and hides with the quotes toggle', { skip, timeout: 90_000 }, async () => {
  const report: Report = JSON.parse(readFixture('report', 'seed-report.json'));
  const a = report.articles[0];
  const words = '93rd Mechanized Brigade';
  const start = a.text.indexOf(words);
  report.terms = [{ articleId: a.id, start, end: start + words.length, text: words, reason: 'title' }];
  await withPage(report, { width: 1400, height: 1000 }, async (page, problems, url) => {
    await page.goto(url);
    const style = () => page.evaluate(() => {
      const s = document.querySelector('.seg.term')!;
      const plain = document.querySelector('.seg:not(.term):not(.q)')!;
      return { term: getComputedStyle(s).fontStyle, plain: getComputedStyle(plain).fontStyle, text: [...document.querySelectorAll('.seg.term')].map((x) => x.textContent).join('') };
    });
    const shown = await style();
    assert.equal(shown.text, words, 'the term segments hold the term');
    assert.equal(shown.term, 'italic');
    assert.equal(shown.plain, 'normal');
    await page.click('input[data-class="show-quotes"]');
    assert.equal((await style()).term, 'normal', 'hidden with the quotes');
    assert.deepEqual(problems, []);
  });
});
