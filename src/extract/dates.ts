/**
 * Date parsing for article metadata and date lines, offline and deterministic.
 *
 * Formats: ISO 8601 ("2024-01-25T19:00:00Z", "2024-01-25 19:00 +02:00"),
 * RFC 2822 ("Thu, 25 Jan 2024 19:00:00 +0000"), US style ("January 25, 2024,
 * 7:00 PM ET", "Jan. 25, 2024 at 7 p.m. EST"), day-month ("25 January 2024
 * 19:00", "25 Jan 2024, 19:00 GMT"), numeric ("25.01.2024 19:00",
 * "01/25/2024"), time-first ("19:00, 25 January 2024"), month names in
 * English, German, French, Spanish, Italian, Portuguese, Dutch, Ukrainian,
 * Russian and Polish; no relative dates ("2 hours ago").
 *
 * Result (`DateValue`):
 * - with a time and a known zone → `iso` is a full UTC instant
 *   ("2024-01-26T00:00:00.000Z"); US generic zones (ET, CT, MT, PT) and named
 *   zones ("Kyiv time") get DST by date through the IANA database.
 * - with no time, or a time but no zone (and no `defaultTimeZone`) → `iso` is
 *   the calendar date as written ("2024-01-25", ISO 8601 date only): we do
 *   not invent a time or a zone. `raw` keeps the time.
 * - `timeZone` is the zone as written ("ET", "+02:00", "GMT+2", "Z"), or the
 *   `defaultTimeZone` when that was applied, else null.
 * Numeric slash dates are read month/day/year unless the first number is over
 * 12 (then day/month/year); dotted dates are always day.month.year.
 */
import type { DateValue } from '../model.js';

export interface ParseDateOptions {
  /** IANA zone ("Europe/Kyiv") or abbreviation ("ET", "UTC") applied when the string names none. */
  defaultTimeZone?: string;
  /** Try every pattern, without the cheap pre-checks (for tests: the pre-checks must never lose a date). */
  exhaustive?: boolean;
}

export interface FoundDate extends DateValue {
  /** `[start, end)` offsets of `raw` in the searched text. */
  start: number;
  end: number;
  /** True when the match carried a time of day. */
  hasTime: boolean;
}

// ------------------------------------------------------------------ months

const MONTH_NAMES: [string, number][] = [];
function months(n: number, ...names: string[]): void {
  for (const s of names) MONTH_NAMES.push([s, n]);
}
months(1, 'january', 'jan', 'januar', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'janeiro', 'januari', 'jänner', 'jän',
  'січня', 'січень', 'января', 'январь', 'янв', 'stycznia', 'styczeń', 'sty');
months(2, 'february', 'feb', 'febr', 'februar', 'février', 'fevrier', 'févr', 'fevr', 'febrero', 'febbraio', 'fevereiro', 'fev', 'februari',
  'лютого', 'лютий', 'февраля', 'февраль', 'фев', 'lutego', 'luty', 'lut');
months(3, 'march', 'mar', 'märz', 'maerz', 'mär', 'mars', 'marzo', 'março', 'marco', 'maart', 'mrt',
  'березня', 'березень', 'марта', 'март', 'мар', 'marca', 'marzec');
months(4, 'april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile',
  'квітня', 'квітень', 'апреля', 'апрель', 'апр', 'kwietnia', 'kwiecień', 'kwi');
months(5, 'may', 'mai', 'mayo', 'maggio', 'mag', 'maio', 'mei',
  'травня', 'травень', 'мая', 'май', 'maja', 'maj');
months(6, 'june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu', 'junho',
  'червня', 'червень', 'июня', 'июнь', 'июн', 'czerwca', 'czerwiec', 'cze');
months(7, 'july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'julho',
  'липня', 'липень', 'июля', 'июль', 'июл', 'lipca', 'lipiec', 'lip');
months(8, 'august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus',
  'серпня', 'серпень', 'августа', 'август', 'авг', 'sierpnia', 'sierpień', 'sie');
months(9, 'september', 'sep', 'sept', 'septembre', 'septiembre', 'set', 'settembre', 'setembro',
  'вересня', 'вересень', 'сентября', 'сентябрь', 'сен', 'сент', 'września', 'wrzesień', 'wrz');
months(10, 'october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'outubro', 'out',
  'жовтня', 'жовтень', 'октября', 'октябрь', 'окт', 'października', 'październik', 'paź');
months(11, 'november', 'nov', 'novembre', 'noviembre', 'novembro',
  'листопада', 'листопад', 'ноября', 'ноябрь', 'ноя', 'listopada', 'listopad', 'lis');
months(12, 'december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dicembre', 'dezembro', 'dezember',
  'грудня', 'грудень', 'декабря', 'декабрь', 'дек', 'grudnia', 'grudzień', 'gru');
const MONTH_MAP = new Map(MONTH_NAMES.map(([s, n]) => [s, n]));
// longest first so "January" wins over "Jan"
const MONTH_ALT = [...new Set(MONTH_NAMES.map(([s]) => s))].sort((a, b) => b.length - a.length)
  .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

function monthNumber(name: string): number | null {
  return MONTH_MAP.get(name.toLowerCase().replace(/\.$/, '')) ?? null;
}

// ------------------------------------------------------------------ zones

/** Fixed-offset abbreviations (minutes east of UTC). Ambiguous ones take the most common news reading. */
const FIXED_ZONES: Record<string, number> = {
  UTC: 0, GMT: 0, UT: 0, Z: 0, WET: 0, WEST: 60, BST: 60, IST: 330, CET: 60, CEST: 120, MEZ: 60, MESZ: 120,
  EET: 120, EEST: 180, MSK: 180, MSD: 240, TRT: 180, GST: 240, PKT: 300, SGT: 480, HKT: 480, JST: 540, KST: 540,
  AWST: 480, ACST: 570, ACDT: 630, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600, AST: -240, ADT: -180, NST: -210, NDT: -150, BRT: -180, ART: -180,
};
/** Zones whose offset depends on the date (DST): resolved through the IANA database. */
const NAMED_ZONES: Record<string, string> = {
  ET: 'America/New_York', CT: 'America/Chicago', MT: 'America/Denver', PT: 'America/Los_Angeles',
  'EASTERN': 'America/New_York', 'CENTRAL': 'America/Chicago', 'PACIFIC': 'America/Los_Angeles',
  'KYIV TIME': 'Europe/Kyiv', 'KIEV TIME': 'Europe/Kyiv', 'MOSCOW TIME': 'Europe/Moscow', 'LONDON TIME': 'Europe/London',
  'PARIS TIME': 'Europe/Paris', 'BERLIN TIME': 'Europe/Berlin', 'WASHINGTON TIME': 'America/New_York',
  'NEW YORK TIME': 'America/New_York', 'KYIV': 'Europe/Kyiv', 'КИЇВ': 'Europe/Kyiv', 'МСК': 'Europe/Moscow',
};

const ZONE_ALT =
  '(?:(?:GMT|UTC)\\s?[+\\-\u2212]\\s?\\d{1,2}(?::?\\d{2})?|[+\\-\u2212]\\d{2}:?\\d{2}|Z(?![\\w])|' +
  '(?:Kyiv|Kiev|Moscow|London|Paris|Berlin|Washington|New York) time|(?:Eastern|Central|Pacific)(?: (?:Standard|Daylight))? Time|' +
  Object.keys(FIXED_ZONES).filter((z) => z !== 'Z').concat(['ET', 'CT', 'MT', 'PT']).sort((a, b) => b.length - a.length).join('|') +
  ')(?![\\p{L}\\d])';

const dtfCache = new Map<string, Intl.DateTimeFormat | null>();
function formatterFor(tz: string): Intl.DateTimeFormat | null {
  if (!dtfCache.has(tz)) {
    let f: Intl.DateTimeFormat | null = null;
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      if (tz === 'Europe/Kyiv') f = formatterFor('Europe/Kiev');
    }
    dtfCache.set(tz, f);
  }
  return dtfCache.get(tz)!;
}

/** Offset (minutes east of UTC) of an IANA zone at a UTC instant, or null if the zone is unknown. */
function ianaOffset(tz: string, utcMs: number): number | null {
  const f = formatterFor(tz);
  if (!f) return null;
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(utcMs))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/** Convert a wall-clock time (as if UTC) in `zone` to a UTC instant; null if the zone is unknown. */
function zoneToUtc(localMs: number, zone: string): number | null {
  const z = zone.trim().replace(/\u2212/g, '-');
  const up = z.toUpperCase().replace(/\s+/g, ' ');
  const off = /^(?:(?:GMT|UTC)\s?)?([+-])\s?(\d{1,2})(?::?(\d{2}))?$/.exec(up);
  if (off) {
    const mins = (Number(off[2]) * 60 + Number(off[3] ?? 0)) * (off[1] === '-' ? -1 : 1);
    if (Math.abs(mins) > 14 * 60) return null;
    return localMs - mins * 60000;
  }
  if (up in FIXED_ZONES) return localMs - FIXED_ZONES[up] * 60000;
  const generic = /^(EASTERN|CENTRAL|PACIFIC|MOUNTAIN)(?: (STANDARD|DAYLIGHT))? TIME$/.exec(up);
  if (generic) {
    const base = { EASTERN: -300, CENTRAL: -360, MOUNTAIN: -420, PACIFIC: -480 }[generic[1] as 'EASTERN'];
    if (generic[2]) return localMs - (base + (generic[2] === 'DAYLIGHT' ? 60 : 0)) * 60000;
    return zoneToUtc(localMs, { EASTERN: 'ET', CENTRAL: 'CT', MOUNTAIN: 'MT', PACIFIC: 'PT' }[generic[1] as 'EASTERN']);
  }
  const iana = NAMED_ZONES[up] ?? (z.includes('/') ? z : null);
  if (!iana) return null;
  const o1 = ianaOffset(iana, localMs);
  if (o1 === null) return null;
  let utc = localMs - o1 * 60000;
  const o2 = ianaOffset(iana, utc);
  if (o2 !== null && o2 !== o1) utc = localMs - o2 * 60000;
  return utc;
}

// ------------------------------------------------------------------ patterns

const WEEKDAY = '(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?,?\\s{1,3})?';
const MONTH = `(?<month>${MONTH_ALT})\\.?`;
const DAY = '(?<day>[0-3]?\\d)(?:st|nd|rd|th|\\.)?';
const YEAR = '(?<year>1[89]\\d\\d|2[01]\\d\\d)(?:\\s?(?:р\\.|г\\.|року|года|r\\.))?';
const AMPM = '[ap]\\.?\\s?m\\.?(?![\\p{L}])';
const TIME = `(?<hour>[0-2]?\\d)(?:(?:[:.h]|\\s?год\\.?\\s?)(?<minute>[0-5]\\d)(?::(?<second>[0-5]\\d)(?:[.,]\\d{1,9})?)?(?:\\s?(?<ampm>${AMPM}))?|\\s?(?<ampm2>${AMPM}))`;
const TZ = `(?:\\s{0,2}\\(?(?<zone>${ZONE_ALT})\\)?)?`;
const SEP = '(?:\\s{0,3}(?:,|\\||•|·|-|–|—|/|at|à|um|a las|в|о|o)?\\s{0,3})';
const TIME_TAIL = `(?:${SEP}${TIME}${TZ})?`;

interface Pattern { re: RegExp; kind: 'mdy' | 'dmy' | 'iso' | 'dotted' | 'slash' | 'time-first-dmy' | 'time-first-mdy' | 'time-first-num' }

const F = 'giu';
const PATTERNS: Pattern[] = [
  // 2024-01-25, 2024-01-25T19:00:00.000Z, 2024-01-25 19:00 +02:00
  { kind: 'iso', re: new RegExp(`(?<![\\d])(?<year>\\d{4})-(?<mon>[01]\\d)-(?<day>[0-3]\\d)(?:(?:T|\\s{1,2})(?<hour>[0-2]\\d):(?<minute>[0-5]\\d)(?::(?<second>[0-5]\\d)(?:[.,]\\d{1,9})?)?(?:\\s?(?<zone>Z(?![\\w])|[+\\-\u2212]\\d{2}(?::?\\d{2})?(?![\\d])|(?:UTC|GMT)(?:\\s?[+\\-\u2212]\\d{1,2}(?::?\\d{2})?(?![\\d]))?(?![\\p{L}])))?)?(?![\\d])`, F) },
  // 2024/01/25, 2024.01.25 19:00 (year first, slashes or dots)
  { kind: 'iso', re: new RegExp(`(?<![\\d/.])(?<year>(?:19|20|21)\\d\\d)(?<sep>[/.])(?<mon>[01]?\\d)\\k<sep>(?<day>[0-3]?\\d)(?![\\d/.]\\d|\\d)${TIME_TAIL}`, F) },
  // January 25, 2024, 7:00 PM ET
  { kind: 'mdy', re: new RegExp(`(?<![\\p{L}\\d])${WEEKDAY}${MONTH}\\s{1,3}${DAY},?\\s{1,3}${YEAR}${TIME_TAIL}`, F) },
  // 25 January 2024 19:00, Thu, 25 Jan 2024 19:00:00 +0000, 25 de enero de 2024
  { kind: 'dmy', re: new RegExp(`(?<![\\p{L}\\d])${WEEKDAY}${DAY}\\s{0,3}(?:de\\s)?${MONTH},?\\s{1,3}(?:de\\s)?${YEAR}${TIME_TAIL}`, F) },
  // 25.01.2024 19:00
  { kind: 'dotted', re: new RegExp(`(?<![\\d.])(?<day>[0-3]?\\d)\\.(?<mon>[01]?\\d)\\.(?<year>(?:19|20|21)\\d\\d)(?![\\d.]\\d)${TIME_TAIL}`, F) },
  // 01/25/2024 (US) or 25/01/2024
  { kind: 'slash', re: new RegExp(`(?<![\\d/])(?<a>[0-3]?\\d)/(?<b>[0-3]?\\d)/(?<year>(?:19|20|21)\\d\\d)(?![\\d/])${TIME_TAIL}`, F) },
  // 19:00, 25 January 2024 / 7:00 PM ET, January 25, 2024 / 19:00 25.01.2024
  { kind: 'time-first-dmy', re: new RegExp(`(?<![\\d:])(?<hour>[0-2]?\\d)[:.](?<minute>[0-5]\\d)\\s?(?<ampm>[ap]\\.?\\s?m\\.?(?![\\p{L}]))?${TZ}${SEP}${WEEKDAY}${DAY}\\s{1,3}${MONTH},?\\s{1,3}${YEAR}`, F) },
  { kind: 'time-first-mdy', re: new RegExp(`(?<![\\d:])(?<hour>[0-2]?\\d)[:.](?<minute>[0-5]\\d)\\s?(?<ampm>[ap]\\.?\\s?m\\.?(?![\\p{L}]))?${TZ}${SEP}${WEEKDAY}${MONTH}\\s{1,3}${DAY},?\\s{1,3}${YEAR}`, F) },
  { kind: 'time-first-num', re: new RegExp(`(?<![\\d:])(?<hour>[0-2]?\\d):(?<minute>[0-5]\\d)${TZ}${SEP}(?<day>[0-3]?\\d)\\.(?<mon>[01]?\\d)\\.(?<year>(?:19|20|21)\\d\\d)(?![\\d])`, F) },
];

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** Build a DateValue from matched groups; null when the parts are not a real date. */
function fromGroups(kind: Pattern['kind'], g: Record<string, string | undefined>, raw: string, opts: ParseDateOptions): (DateValue & { hasTime: boolean }) | null {
  const year = Number(g.year);
  let month: number | null;
  let day: number;
  if (kind === 'slash') {
    const a = Number(g.a);
    const b = Number(g.b);
    if (a > 12) { day = a; month = b; } else { month = a; day = b; }
  } else {
    month = g.mon !== undefined ? Number(g.mon) : g.month !== undefined ? monthNumber(g.month) : null;
    day = Number(g.day);
  }
  if (!month || month < 1 || month > 12 || !year || day < 1 || day > daysIn(year, month)) return null;
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  const ampm = g.ampm ?? g.ampm2;
  if (g.hour === undefined || (g.minute === undefined && !ampm)) {
    // a bare number after the date ("January 25, 2024 7") is not a time
    return { iso: date, raw, timeZone: null, hasTime: false };
  }
  let hour = Number(g.hour);
  const minute = Number(g.minute ?? 0);
  const second = Number(g.second ?? 0);
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    const pm = /^p/i.test(ampm);
    if (pm && hour < 12) hour += 12;
    if (!pm && hour === 12) hour = 0;
  }
  if (hour > 24 || (hour === 24 && (minute || second))) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const written = g.zone?.trim() || null;
  const zone = written ?? opts.defaultTimeZone ?? null;
  if (!zone) return { iso: date, raw, timeZone: null, hasTime: true };
  const utc = zoneToUtc(local, zone);
  if (utc === null) return { iso: date, raw, timeZone: zone, hasTime: true };
  return { iso: new Date(utc).toISOString(), raw, timeZone: zone, hasTime: true };
}

function trimRaw(text: string, start: number, end: number): [number, number] {
  while (end > start && /[\s,|•·\-–—(]/.test(text[end - 1])) end--;
  return [start, end];
}

const LETTER_RUN = /\p{L}+/gu;

/** Whether `text` has a month name followed by a day number (mdy) or preceded by one (dmy). */
function monthShapes(text: string): { mdy: boolean; dmy: boolean } {
  let mdy = false;
  let dmy = false;
  for (const m of text.matchAll(LETTER_RUN)) {
    let word = m[0];
    let at = m.index;
    // "3rdJanuary": an ordinal suffix glued to the month
    if (/^(?:st|nd|rd|th)/i.test(word) && /\d/.test(text[at - 1] ?? '')) {
      word = word.slice(2);
      at += 2;
    }
    if (!MONTH_MAP.has(word.toLowerCase())) continue;
    const end = at + word.length;
    if (/^\.?,?\s{1,3}\d/.test(text.slice(end, end + 6))) mdy = true;
    if (/\d(?:st|nd|rd|th|\.)?\s{0,3}(?:de\s)?$/i.test(text.slice(Math.max(0, at - 10), at))) dmy = true;
    if (mdy && dmy) break;
  }
  return { mdy, dmy };
}

/**
 * Every date in `text` with its span, parsed. Overlapping candidates resolve
 * to the longest (earliest on ties). Linear in the text length.
 */
export function findDates(text: string, opts: ParseDateOptions = {}): FoundDate[] {
  const cands: FoundDate[] = [];
  if (!/\d{4}/.test(text)) return cands; // every pattern needs a four-digit year
  // The patterns with month names are the costliest regexps to compile (Unicode, case-insensitive, many
  // languages); each runs only where its shape can be: a month name followed by a day (…-mdy), preceded by
  // a day (…-dmy), and the time-first ones only with a time before a year.
  const time = /\d[:.][0-5]\d/.exec(text);
  const timeFirst = opts.exhaustive || (time !== null && /\d{4}/.test(text.slice(time.index + 4)));
  const { mdy, dmy } = opts.exhaustive ? { mdy: true, dmy: true } : monthShapes(text);
  for (const p of PATTERNS) {
    if (!timeFirst && p.kind.startsWith('time-first')) continue;
    if (!mdy && (p.kind === 'mdy' || p.kind === 'time-first-mdy')) continue;
    if (!dmy && (p.kind === 'dmy' || p.kind === 'time-first-dmy')) continue;
    p.re.lastIndex = 0;
    for (const m of text.matchAll(p.re)) {
      const [s, e] = trimRaw(text, m.index!, m.index! + m[0].length);
      const v = fromGroups(p.kind, m.groups ?? {}, text.slice(s, e), opts);
      if (v) cands.push({ ...v, start: s, end: e });
    }
  }
  cands.sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start));
  const out: FoundDate[] = [];
  for (const c of cands) {
    const last = out[out.length - 1];
    if (last && c.start < last.end) {
      if (c.end - c.start > last.end - last.start) out[out.length - 1] = c;
      continue;
    }
    out.push(c);
  }
  return out;
}

/**
 * Parse a date string (a meta value, a "Published …" line). The first date
 * found in the string is used, so labels around it are tolerated; `raw` is
 * the input trimmed. Unix epoch seconds / milliseconds are accepted too.
 * Returns null when the string holds no date.
 */
export function parseDate(raw: string, opts: ParseDateOptions = {}): DateValue | null {
  if (typeof raw !== 'string') return null;
  const s = raw.replace(/[\u00a0\u2009\u202f]/g, ' ').trim();
  if (!s || s.length > 500) return null;
  if (/^\d{10}(?:\d{3})?$/.test(s)) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    const d = new Date(ms);
    const y = d.getUTCFullYear();
    if (y < 1990 || y > 2199) return null;
    return { iso: d.toISOString(), raw: s, timeZone: 'UTC' };
  }
  const found = findDates(s, opts);
  if (found.length === 0) return null;
  // Prefer the candidate carrying a time ("Updated …" lines may hold two dates: take the first).
  const best = found[0];
  return { iso: best.iso, raw: s, timeZone: best.timeZone };
}
