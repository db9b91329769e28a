import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findDates, parseDate } from '../../src/extract/dates.js';

const iso = (s: string, opts = {}) => parseDate(s, opts)?.iso ?? null;

test('parseDate: ISO 8601 and RFC 2822', () => {
  assert.equal(iso('2024-01-25T19:00:00Z'), '2024-01-25T19:00:00.000Z');
  assert.equal(iso('2024-01-25T19:00:00.123+02:00'), '2024-01-25T17:00:00.000Z');
  assert.equal(iso('2024-01-25 19:00 +02:00'), '2024-01-25T17:00:00.000Z');
  assert.equal(iso('2024-01-25'), '2024-01-25');
  assert.equal(iso('Thu, 25 Jan 2024 19:00:00 +0000'), '2024-01-25T19:00:00.000Z');
  assert.equal(iso('Thu, 25 Jan 2024 19:00:00 GMT'), '2024-01-25T19:00:00.000Z');
  assert.equal(iso('1706227200'), '2024-01-26T00:00:00.000Z');
});

test('parseDate: US styles with zone abbreviations, DST by date for generic ET/PT', () => {
  const v = parseDate('Published January 25, 2024, 7:00 PM ET');
  assert.deepEqual(v, { iso: '2024-01-26T00:00:00.000Z', raw: 'Published January 25, 2024, 7:00 PM ET', timeZone: 'ET' });
  assert.equal(iso('July 4, 2024, 7:00 PM ET'), '2024-07-04T23:00:00.000Z'); // EDT
  assert.equal(iso('Jan. 25, 2024 at 7 p.m. EST'), '2024-01-26T00:00:00.000Z');
  assert.equal(iso('Sept. 5, 2023, 11:48 a.m. ET'), '2023-09-05T15:48:00.000Z');
  assert.equal(iso('Monday, March 3, 2025 12:30 pm PT'), '2025-03-03T20:30:00.000Z'); // PST
  assert.equal(iso('March 10, 2024 3:30 AM ET'), '2024-03-10T07:30:00.000Z'); // first hour of EDT
  assert.equal(iso('Jan. 25, 2024'), '2024-01-25');
  assert.equal(iso('12:00 AM ET, January 25, 2024'), '2024-01-25T05:00:00.000Z');
});

test('parseDate: day-month, numeric and named zones', () => {
  assert.equal(iso('25 January 2024 19:00 GMT'), '2024-01-25T19:00:00.000Z');
  assert.equal(iso('25 January 2024 19:00 Kyiv time'), '2024-01-25T17:00:00.000Z');
  assert.equal(iso('25 July 2024 19:00 Kyiv time'), '2024-07-25T16:00:00.000Z'); // EEST
  assert.equal(iso('25.01.2024 19:00', { defaultTimeZone: 'Europe/Kyiv' }), '2024-01-25T17:00:00.000Z');
  assert.equal(iso('25 січня 2024, 19:00', { defaultTimeZone: 'Europe/Kyiv' }), '2024-01-25T17:00:00.000Z');
  assert.equal(iso('25 января 2024'), '2024-01-25');
  assert.equal(iso('25. Januar 2024'), '2024-01-25');
  assert.equal(iso('25 de enero de 2024'), '2024-01-25');
  assert.equal(iso('01/25/2024'), '2024-01-25');
  assert.equal(iso('2024/01/25'), '2024-01-25');
  assert.equal(iso('2024.01.25 19:00 UTC'), '2024-01-25T19:00:00.000Z');
  assert.equal(iso('2024/01/25.2'), null);
  assert.equal(iso('25/01/2024'), '2024-01-25');
  assert.equal(iso('2024-01-25 19:00 GMT+2'), '2024-01-25T17:00:00.000Z');
  assert.equal(iso('25 Jan 2024, 19:00 UTC+03:00'), '2024-01-25T16:00:00.000Z');
});

test('parseDate: no zone → calendar date only, raw and zone kept', () => {
  assert.deepEqual(parseDate('25 January 2024 19:00'), { iso: '2024-01-25', raw: '25 January 2024 19:00', timeZone: null });
  const v = parseDate('25 January 2024 19:00', { defaultTimeZone: 'UTC' });
  assert.deepEqual(v, { iso: '2024-01-25T19:00:00.000Z', raw: '25 January 2024 19:00', timeZone: 'UTC' });
});

test('parseDate rejects impossible or absent dates', () => {
  for (const s of ['2024-02-30', 'February 30, 2024', 'yesterday', '', 'Room 101', '13/13/2024', '2 hours ago', 'January 25, 2024, 13:00 PM ET']) {
    assert.equal(parseDate(s), null, s);
  }
});

test('findDates gives spans and prefers the longest reading', () => {
  const text = 'He said on January 25, 2024, 7:00 PM ET that 2024-01-01 and 5.5.2020 were dates; 2024 alone is not.';
  const found = findDates(text);
  assert.deepEqual(found.map((d) => d.raw), ['January 25, 2024, 7:00 PM ET', '2024-01-01', '5.5.2020']);
  for (const d of found) assert.equal(text.slice(d.start, d.end), d.raw);
  assert.equal(found[0].hasTime, true);
});

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

test('property: US-style ET times map to the same wall clock in America/New_York', () => {
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
  fc.assert(fc.property(
    fc.integer({ min: 1990, max: 2060 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }),
    fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 59 }), fc.boolean(),
    (y, m, d, h, min, pm) => {
      const s = `${MONTHS[m - 1]} ${d}, ${y}, ${h}:${String(min).padStart(2, '0')} ${pm ? 'PM' : 'AM'} ET`;
      const v = parseDate(s);
      assert.ok(v && v.iso && v.iso.endsWith('Z'), s);
      const h24 = (h % 12) + (pm ? 12 : 0);
      const p = Object.fromEntries(fmt.formatToParts(new Date(v.iso)).map((x) => [x.type, x.value]));
      // wall clock round-trips except in the skipped spring-forward hour (March since 2007, April before)
      if (!(Number(p.hour) !== h24 && (m === 3 || m === 4) && h24 === 2)) {
        assert.deepEqual([p.year, p.month, p.day, p.hour, p.minute].map(Number), [y, m, d, h24, min], s);
      }
    }), { numRuns: 400 });
});

test('property: ISO strings round-trip and findDates spans match', () => {
  fc.assert(fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }), (dt) => {
    const s = new Date(Math.floor(dt.getTime() / 1000) * 1000).toISOString();
    assert.equal(parseDate(s)?.iso, s);
  }), { numRuns: 300 });
  fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => {
    for (const d of findDates(s)) assert.equal(s.slice(d.start, d.end), d.raw);
  }), { numRuns: 300 });
});

test('findDates is fast on adversarial input', () => {
  const text = 'January 1, '.repeat(20000) + '1 2 3 4 '.repeat(20000) + '12:00 '.repeat(20000);
  const t0 = performance.now();
  findDates(text);
  assert.ok(performance.now() - t0 < 3000, `${performance.now() - t0} ms`);
});

test('property: the pre-checks that skip costly patterns never lose a date', () => {
  const part = fc.constantFrom(
    'January', 'Jan.', 'jan', 'MARCH', 'Sept', 'août', 'січня', 'de', 'enero', '25', '3rd', '25th', '2024', '1999', '7:00', '19.30', 'PM',
    'ET', 'GMT+2', 'Thursday,', 'Thu', ',', '.', '/', '—', ' ', '  ', '|', 'at', 'Published', 'Updated', '01/25/2024', '25.01.2024', '2024-01-25',
  );
  fc.assert(fc.property(fc.array(part, { maxLength: 12 }), fc.array(fc.boolean(), { maxLength: 12 }), (parts, glue) => {
    const text = parts.map((p, i) => (glue[i] ? p : p + ' ')).join('');
    assert.deepEqual(findDates(text), findDates(text, { exhaustive: true }), text);
  }), { numRuns: 500 });
});
