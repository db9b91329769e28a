import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultOutlets, loadOutlets, outletFromDomain, outletFromName, type OutletEntry } from '../../src/extract/outlets.js';
import { detectLanguage } from '../../src/extract/language.js';

const LIST: OutletEntry[] = [
  { name: 'New York Post', variants: ['NY Post', 'the Post'], domains: ['nypost.com'], kind: 'newspaper' },
  { name: 'UNN', variants: ['Ukrainian National News'], domains: ['unn.ua', 'unn.com.ua'], kind: 'agency' },
  { name: 'Reuters', variants: [], domains: ['reuters.com'], kind: 'agency' },
];

test('outletFromDomain: hosts, URLs, subdomains, www', () => {
  assert.equal(outletFromDomain('nypost.com', LIST)?.name, 'New York Post');
  assert.equal(outletFromDomain('https://www.nypost.com/2024/01/25/x/', LIST)?.name, 'New York Post');
  assert.equal(outletFromDomain('HTTPS://UNN.COM.UA/en/news/1', LIST)?.name, 'UNN');
  assert.equal(outletFromDomain('www.unn.ua', LIST)?.name, 'UNN');
  assert.equal(outletFromDomain('https://uk.reuters.com/article/x', LIST)?.name, 'Reuters');
  assert.equal(outletFromDomain('notreuters.com', LIST), null);
  assert.equal(outletFromDomain('example.org', LIST), null);
});

test('outletFromName: name and variants, case, optional "the"', () => {
  assert.equal(outletFromName('NY Post', LIST)?.name, 'New York Post');
  assert.equal(outletFromName('the New York Post', LIST)?.name, 'New York Post');
  assert.equal(outletFromName('REUTERS', LIST)?.name, 'Reuters');
  assert.equal(outletFromName('the Post', LIST)?.name, 'New York Post');
  assert.equal(outletFromName('Kyiv', LIST), null);
  assert.equal(outletFromName('', LIST), null);
});

test('loadOutlets reads the data/outlets.json shape and names a bad file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'outlets-'));
  const good = join(dir, 'o.json');
  writeFileSync(good, JSON.stringify(LIST));
  assert.equal(loadOutlets(good).length, 3);
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{"x": 1}');
  assert.throws(() => loadOutlets(bad), new RegExp('bad.json'));
});

test('the default list knows the seed outlets', () => {
  const list = defaultOutlets();
  assert.ok(list.length > 0);
  assert.equal(outletFromDomain('nypost.com', list)?.name, 'New York Post');
  assert.ok(outletFromDomain('unn.ua', list));
  assert.equal(outletFromDomain('bloomberg.com', list)?.name, 'Bloomberg');
  assert.equal(outletFromDomain('reuters.com', list)?.name, 'Reuters');
});

test('detectLanguage: common news languages and scripts', () => {
  const samples: [string, string][] = [
    ['en', 'The president said on Monday that the government would not change its position on the talks, according to officials who were at the meeting.'],
    ['de', 'Der Präsident sagte am Montag, dass die Regierung ihre Position zu den Gesprächen nicht ändern werde, wie Beamte berichteten, die bei dem Treffen waren.'],
    ['fr', 'Le président a déclaré lundi que le gouvernement ne changerait pas sa position sur les négociations, selon des responsables qui étaient à la réunion.'],
    ['es', 'El presidente dijo el lunes que el gobierno no cambiaría su posición sobre las conversaciones, según los funcionarios que estaban en la reunión.'],
    ['uk', 'Президент заявив у понеділок, що уряд не змінить своєї позиції щодо переговорів, повідомили посадовці, які були на зустрічі.'],
    ['ru', 'Президент заявил в понедельник, что правительство не изменит своей позиции по переговорам, сообщили чиновники, которые были на встрече.'],
    ['it', 'Il presidente ha detto lunedì che il governo non cambierà la sua posizione sui negoziati, secondo i funzionari che erano alla riunione.'],
    ['pl', 'Prezydent powiedział w poniedziałek, że rząd nie zmieni swojego stanowiska w sprawie rozmów, jak podali urzędnicy, którzy byli na spotkaniu.'],
    ['ar', 'قال الرئيس يوم الاثنين إن الحكومة لن تغير موقفها من المحادثات بحسب مسؤولين حضروا الاجتماع'],
    ['zh', '总统周一表示，政府不会改变其在谈判中的立场，出席会议的官员说。'],
  ];
  for (const [lang, text] of samples) assert.equal(detectLanguage(text), lang, lang);
  assert.equal(detectLanguage('ok'), null);
  assert.equal(detectLanguage('12345 67890 !!!'), null);
});
