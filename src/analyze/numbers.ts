import type { Article, NumberKind, NumberMention, Sentence, Span } from '../model.js';
import { tokenize, type Token } from './nlp.js';

// ------------------------------------------------------------------ lexicon

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, hundredth: 100,
};
const SCALES: Record<string, number> = {
  hundred: 1e2, thousand: 1e3, million: 1e6, mln: 1e6, mn: 1e6, m: 1e6, billion: 1e9, bn: 1e9, b: 1e9,
  trillion: 1e12, tn: 1e12, trn: 1e12, k: 1e3,
};
const CURRENCY_SYMBOLS: Record<string, string> = {
  'US$': 'USD', 'C$': 'CAD', 'A$': 'AUD', 'HK$': 'HKD', $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY',
  '₴': 'UAH', '₽': 'RUB', '₹': 'INR', USD: 'USD', EUR: 'EUR', GBP: 'GBP', UAH: 'UAH', RUB: 'RUB', CNY: 'CNY',
  JPY: 'JPY',
};
const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP', sterling: 'GBP',
  hryvnia: 'UAH', hryvnias: 'UAH', hryvnas: 'UAH', hryvnyas: 'UAH', ruble: 'RUB', rubles: 'RUB', rouble: 'RUB',
  roubles: 'RUB', yuan: 'CNY', renminbi: 'CNY', yen: 'JPY', rupee: 'INR', rupees: 'INR', franc: 'CHF',
  francs: 'CHF', usd: 'USD', eur: 'EUR', gbp: 'GBP', uah: 'UAH', rub: 'RUB', cny: 'CNY', jpy: 'JPY',
};
const TIME_UNITS = new Set([
  'year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'hour', 'hours', 'minute', 'minutes',
  'second', 'seconds', 'decade', 'decades', 'century', 'centuries',
]);
const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10,
  nov: 11, dec: 12,
};

const WORDNUM_ATOM = `(?:${[...Object.keys(UNITS), ...Object.keys(TENS)].join('|')})`;
/** "twenty-five", "two hundred", "a dozen", "three thousand". */
const WORDNUM = `(?:${WORDNUM_ATOM}(?:[- ]${WORDNUM_ATOM})?(?:\\s+hundred(?:\\s+(?:and\\s+)?${WORDNUM_ATOM}(?:-${WORDNUM_ATOM})?)?)?|a\\s+dozen|a\\s+hundred|a\\s+thousand|dozen)`;
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const MONTH_FULL = 'January|February|March|April|May|June|July|August|September|October|November|December';
const MONTH = `(?:${MONTH_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)`;
const QUALIFIER = String.raw`(?:about|around|roughly|approximately|approx\.|nearly|almost|some|more\s+than|over|less\s+than|fewer\s+than|under|up\s+to|at\s+least|at\s+most|an\s+estimated|estimated|close\s+to|as\s+many\s+as|as\s+much\s+as|as\s+few\s+as|just\s+over|just\s+under|upwards\s+of|well\s+over|almost|nearly)`;

const RE_DATE_FULL = new RegExp(`\\b(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'g');
const RE_DATE_DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH}),?\\s+(\\d{4})\\b`, 'g');
const RE_DATE_MY = new RegExp(`\\b(${MONTH}),?\\s+(\\d{4})\\b`, 'g');
const RE_DATE_MD = new RegExp(`\\b(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?![\\d,:])`, 'g');
const RE_DATE_DM = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH})\\b`, 'g');
const RE_DATE_ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const RE_DATE_SLASH = /\b\d{1,2}\/\d{1,2}\/(?:\d{4}|\d{2})\b/g;
const RE_MONTH_ALONE = new RegExp(
  `\\b(?:in|since|until|till|by|from|last|next|this|early|late|mid-|of|on|through|during|before|after)\\s+(${MONTH_FULL})\\b`, 'g');
const RE_TIME = /\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?|\b\d{1,2}\s*[ap]\.m\.|\b\d{1,2}\s*[AP]M\b/g;

/** Units of measure → canonical unit. Values stay as written; `toSI` converts for comparison. */
const MEASURE_UNITS: Record<string, string> = {
  foot: 'ft', feet: 'ft', ft: 'ft', meter: 'm', meters: 'm', metre: 'm', metres: 'm', m: 'm', km: 'km',
  kilometer: 'km', kilometers: 'km', kilometre: 'km', kilometres: 'km', mile: 'mi', miles: 'mi', mi: 'mi',
  kg: 'kg', kilogram: 'kg', kilograms: 'kg', kilo: 'kg', kilos: 'kg', ton: 't', tons: 't', tonne: 't', tonnes: 't',
  lb: 'lb', lbs: 'lb', inch: 'in', inches: 'in', cm: 'cm', centimeters: 'cm', centimetres: 'cm', mph: 'mph',
  'km/h': 'km/h', kph: 'km/h', sq: 'sq', acres: 'acre', acre: 'acre', hectares: 'ha', hectare: 'ha', ha: 'ha',
};
const RE_MEASURE = /^[-\s]?(foot|feet|ft|meters?|metres?|m|km\/h|km|kilomet(?:er|re)s?|miles?|mi|kg|kilograms?|kilos?|tons?|tonnes?|lbs?|inch(?:es)?|cm|centimet(?:er|re)s|mph|kph|acres?|hectares?|ha)(?![\p{L}\p{N}])/iu;
const SI: Record<string, [string, number]> = {
  ft: ['m', 0.3048], m: ['m', 1], km: ['m', 1000], mi: ['m', 1609.344], in: ['m', 0.0254], cm: ['m', 0.01],
  kg: ['kg', 1], t: ['kg', 1000], lb: ['kg', 0.45359237], mph: ['m/s', 0.44704], 'km/h': ['m/s', 1 / 3.6],
  acre: ['m2', 4046.8564224], ha: ['m2', 10000],
};

/** A measured quantity in SI units for comparison ("16 ft" → 4.877 m); null when the unit is not a measure. */
export function toSI(value: number | null, unit: string | null): { value: number; unit: string } | null {
  if (value === null || !unit || !(unit in SI)) return null;
  const [u, f] = SI[unit];
  return { value: value * f, unit: u };
}

const RE_CORE = new RegExp(
  `(?:(US\\$|C\\$|A\\$|HK\\$|[$€£¥₴₽₹]|\\b(?:USD|EUR|GBP|UAH|RUB|CNY|JPY)\\s?))?` +
  `(?<![\\p{L}\\p{N}.,])(${DIGITS}|\\b${WORDNUM}\\b)(?![\\p{N}])`, 'giu');
const RE_ORDINAL_DIGIT = /\b(\d+)(st|nd|rd|th)\b/g;
const RE_ORDINAL_WORD = new RegExp(
  `\\b(?:(the|its|his|her|their|our|a|this|that|each)\\s+)?(${Object.keys(ORDINAL_WORDS).join('|')})\\b`, 'gi');
const RE_VAGUE = /\b(dozens|hundreds|thousands|tens\s+of\s+thousands|hundreds\s+of\s+thousands|millions|billions)\s+of\b/gi;

// ------------------------------------------------------------------ helpers

function wordValue(s: string): number | null {
  const words = s.toLowerCase().split(/[\s-]+/).filter((w) => w && w !== 'and');
  if (words.length === 0) return null;
  let total = 0;
  let current = 0;
  for (const w of words) {
    if (w === 'a') { current = current || 1; continue; }
    if (w === 'dozen') { current = (current || 1) * 12; continue; }
    if (w in UNITS) current += UNITS[w];
    else if (w in TENS) current += TENS[w];
    else if (w === 'hundred') current = (current || 1) * 100;
    else if (w === 'thousand') { total += (current || 1) * 1000; current = 0; }
    else return null;
  }
  return total + current;
}

function coreValue(s: string): number | null {
  if (/^\d/.test(s)) {
    const n = Number(s.replace(/,/g, ''));
    return Number.isFinite(n) ? n : null;
  }
  return wordValue(s);
}

function scaled(v: number, scale: number): number {
  return Number((v * scale).toPrecision(12));
}

function overlaps(claimed: Span[], s: number, e: number): boolean {
  for (const c of claimed) if (s < c.end && e > c.start) return true;
  return false;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

function monthNum(s: string): number {
  return MONTHS[s.toLowerCase().replace(/\.$/, '')] ?? 0;
}

/** Local view of one sentence with lazily computed POS tokens. */
class SentenceView {
  constructor(readonly text: string, readonly offset: number, private toks: Token[] | null = null) {}
  tokens(): Token[] {
    if (!this.toks) this.toks = tokenize(this.text).tokens;
    return this.toks;
  }
  /** Index of the first token starting at or after local offset `at`. */
  tokenAt(at: number): number {
    const t = this.tokens();
    let lo = 0;
    let hi = t.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t[mid].start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const PHRASE_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'ADP', 'NUM', 'PART', 'PRON']);
const PHRASE_STOP = new Set(['that', 'which', 'who', 'whom', 'whose', 'than', 'as', 'since', 'because', 'while',
  'when', 'if', 'to', 'from', 'by', 'with', 'and', 'or', 'but', 'back', 'last', 'this', 'next', 'ago', 'until',
  'after', 'before', 'during', 'between', 'it', 'they', 'he', 'she', 'we', 'i', 'you']);
const NOUNISH = new Set(['NOUN', 'PROPN']);

/** The phrase after local offset `at` naming what a quantity measures ("of the country", "aid for Ukraine"). */
function countsPhrase(view: SentenceView, at: number, dropLeadingIn: boolean): Span | null {
  const toks = view.tokens();
  let i = view.tokenAt(at);
  if (i >= toks.length) return null;
  // Only immediately following material (no clause boundary between).
  if (/[^\s]/.test(view.text.slice(at, toks[i].start))) return null;
  if (dropLeadingIn && toks[i].value.toLowerCase() === 'in' && i + 1 < toks.length) i++;
  const first = i;
  let lastNoun = -1;
  let adps = 0;
  for (let k = i; k < toks.length && k < first + 8; k++) {
    const t = toks[k];
    const lw = t.value.toLowerCase();
    if (!PHRASE_POS.has(t.pos) && !(t.pos === 'VERB' && /ing$|ed$/.test(lw) && k > first && lastNoun < 0)) break;
    if (k > first && PHRASE_STOP.has(lw)) break;
    if (t.pos === 'PRON' && !/^(its|his|her|their|our|my|your)$/.test(lw)) break;
    if (t.pos === 'ADP') {
      if (k > first && lastNoun < 0) break;
      adps++;
      if (adps > 2) break;
    }
    if (t.pos === 'NUM') break;
    if (NOUNISH.has(t.pos)) lastNoun = k;
  }
  if (lastNoun < 0) return null;
  return { start: toks[first].start, end: toks[lastNoun].end };
}

/** The noun a count counts ("two sources close to…" → "sources"): adjectives/nouns after the number. */
function countedNoun(view: SentenceView, at: number): Span | null {
  const toks = view.tokens();
  const i = view.tokenAt(at);
  if (i >= toks.length) return null;
  if (/[^\s-]/.test(view.text.slice(at, toks[i].start))) return null;
  let lastNoun = -1;
  for (let k = i; k < toks.length && k < i + 4; k++) {
    const t = toks[k];
    if (t.pos === 'ADJ' || (t.pos === 'VERB' && /ed$/.test(t.value) && k === i)) {
      if (lastNoun >= 0) break;
      continue;
    }
    if (NOUNISH.has(t.pos)) {
      lastNoun = k;
      continue;
    }
    break;
  }
  if (lastNoun < 0) return null;
  return { start: toks[i].start, end: toks[lastNoun].end };
}

// ------------------------------------------------------------------ main

interface Draft {
  start: number; // local
  end: number;
  kind: NumberKind;
  value: number | null;
  unit: string | null;
  counts: Span | null; // local
  date?: string | null;
  qualifier: string | null;
}

/** True when the whitespace-delimited chunk around `at` looks like a URL, path or code, not prose. */
function inUrlLike(text: string, at: number): boolean {
  let a = at;
  let b = at;
  while (a > 0 && !/\s/.test(text[a - 1])) a--;
  while (b < text.length && !/\s/.test(text[b])) b++;
  const chunk = text.slice(a, b);
  return /:\/\/|www\.|[=&?_]|%[0-9A-Fa-f]{2}|\/.*\/|\.(com|org|net|html?)\b/.test(chunk);
}

function leadingQualifier(text: string, start: number): { start: number; qualifier: string } | null {
  const before = text.slice(Math.max(0, start - 24), start);
  const m = new RegExp(`(?:^|[^\\p{L}])(${QUALIFIER})\\s+$`, 'iu').exec(before);
  if (!m) return null;
  const qs = start - (before.length - before.lastIndexOf(m[1]));
  return { start: qs, qualifier: m[1].replace(/\s+/g, ' ') };
}

function scanSentence(view: SentenceView): Draft[] {
  const text = view.text;
  const drafts: Draft[] = [];
  const claimed: Span[] = [];
  const claim = (d: Draft | null, s: number, e: number) => {
    claimed.push({ start: s, end: e });
    if (d) drafts.push(d);
  };

  // Times are claimed but not reported ("7:00 PM").
  for (const m of text.matchAll(RE_TIME)) claim(null, m.index!, m.index! + m[0].length);

  // Dates, most specific first.
  for (const m of text.matchAll(RE_DATE_ISO)) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validDay(y, mo, d)) continue;
    claim({ start: m.index!, end: m.index! + m[0].length, kind: 'date', value: null, unit: null, counts: null,
      date: `${m[1]}-${m[2]}-${m[3]}`, qualifier: null }, m.index!, m.index! + m[0].length);
  }
  for (const m of text.matchAll(RE_DATE_FULL)) {
    const s = m.index!, e = s + m[0].length;
    if (overlaps(claimed, s, e)) continue;
    const mo = monthNum(m[1]), d = Number(m[2]), y = Number(m[3]);
    const iso = validDay(y, mo, d) ? `${y}-${pad2(mo)}-${pad2(d)}` : null;
    claim({ start: s, end: e, kind: 'date', value: null, unit: null, counts: null, date: iso, qualifier: null }, s, e);
  }
  for (const m of text.matchAll(RE_DATE_DMY)) {
    const s = m.index!, e = s + m[0].length;
    if (overlaps(claimed, s, e)) continue;
    const mo = monthNum(m[2]), d = Number(m[1]), y = Number(m[3]);
    const iso = validDay(y, mo, d) ? `${y}-${pad2(mo)}-${pad2(d)}` : null;
    claim({ start: s, end: e, kind: 'date', value: null, unit: null, counts: null, date: iso, qualifier: null }, s, e);
  }
  for (const m of text.matchAll(RE_DATE_MY)) {
    const s = m.index!, e = s + m[0].length;
    if (overlaps(claimed, s, e)) continue;
    const mo = monthNum(m[1]), y = Number(m[2]);
    if (y < 1000) continue;
    claim({ start: s, end: e, kind: 'date', value: null, unit: null, counts: null, date: `${y}-${pad2(mo)}`,
      qualifier: null }, s, e);
  }
  for (const re of [RE_DATE_MD, RE_DATE_DM]) {
    for (const m of text.matchAll(re)) {
      const s = m.index!, e = s + m[0].length;
      if (overlaps(claimed, s, e)) continue;
      const day = Number(re === RE_DATE_MD ? m[2] : m[1]);
      if (day < 1 || day > 31) continue;
      claim({ start: s, end: e, kind: 'date', value: null, unit: null, counts: null, date: null, qualifier: null }, s, e);
    }
  }
  for (const m of text.matchAll(RE_DATE_SLASH)) {
    const s = m.index!, e = s + m[0].length;
    if (overlaps(claimed, s, e)) continue;
    claim({ start: s, end: e, kind: 'date', value: null, unit: null, counts: null, date: null, qualifier: null }, s, e);
  }
  for (const m of text.matchAll(RE_MONTH_ALONE)) {
    const s = m.index! + m[0].length - m[1].length, e = m.index! + m[0].length;
    if (overlaps(claimed, s, e)) continue;
    claim({ start: s, end: e, kind: 'date', value: null, unit: null, counts: null, date: null, qualifier: null }, s, e);
  }

  // Ordinals ("93rd Mechanized Brigade", "its third year").
  for (const m of text.matchAll(RE_ORDINAL_DIGIT)) {
    const s = m.index!, e = s + m[0].length;
    if (overlaps(claimed, s, e)) continue;
    claim({ start: s, end: e, kind: 'ordinal', value: Number(m[1]), unit: null,
      counts: countedNoun(view, e), qualifier: null }, s, e);
  }
  for (const m of text.matchAll(RE_ORDINAL_WORD)) {
    const word = m[2].toLowerCase();
    const s = m.index! + m[0].length - m[2].length, e = m.index! + m[0].length;
    if (overlaps(claimed, s, e)) continue;
    // "first"/"second" are too often not quantities ("at first", "a second look"): only before a noun, with a determiner.
    if (!m[1] && (word === 'first' || word === 'second')) continue;
    const noun = countedNoun(view, e);
    if (!noun) continue;
    claim({ start: s, end: e, kind: 'ordinal', value: ORDINAL_WORDS[word], unit: null, counts: noun, qualifier: null }, s, e);
  }

  // Vague counts ("dozens of people").
  for (const m of text.matchAll(RE_VAGUE)) {
    const s = m.index!, e = s + m[1].length;
    if (overlaps(claimed, s, e)) continue;
    const q = leadingQualifier(text, s);
    claim({ start: q ? q.start : s, end: e, kind: 'count', value: null, unit: null,
      counts: countsPhrase(view, e, false), qualifier: q ? q.qualifier : m[1].toLowerCase() }, s, e);
  }

  // Numbers proper.
  for (const m of text.matchAll(RE_CORE)) {
    const symbol = m[1] ?? null;
    const core = m[2];
    const coreStart = m.index! + m[0].length - core.length;
    let s = symbol ? m.index! : coreStart;
    let e = coreStart + core.length;
    if (overlaps(claimed, coreStart, e)) continue;
    if (inUrlLike(text, coreStart)) continue;
    // Phone numbers and codes ("800-273-8255", "EB-5").
    if (/(?:\d-|[A-Z]-)$/.test(text.slice(Math.max(0, coreStart - 2), coreStart)) || /^-\d/.test(text.slice(coreStart + core.length))) continue;
    // "9/11", "24/7": not quantities.
    if (/\d\/$/.test(text.slice(Math.max(0, coreStart - 2), coreStart)) || /^\/\d/.test(text.slice(coreStart + core.length))) continue;
    const isWord = !/^\d/.test(core);
    const lower = core.toLowerCase();
    // Number words that are mostly not quantities.
    if (isWord && (lower === 'one' || lower === 'dozen') && !symbol) {
      const after = text.slice(e, e + 12);
      if (!/^\s+(in|out\s+of|of\s+every|in\s+every)\s+/i.test(after) && !/^\s+[a-z]+s?\b/.test(after)) continue;
      if (/^\s+(of(?!\s+every)|another|day|more|side|way|thing)\b/i.test(after)) continue;
    }
    let value = coreValue(core);
    let after = text.slice(e);
    // Scale word / suffix.
    const sc = /^(?:[\s-]?(million|billion|trillion|thousand|mln|bn|mn|tn|trn)\b|(m|b|k)\b)/i.exec(after);
    let scaleWord: string | null = null;
    if (sc && !(sc[2] && !symbol)) {
      scaleWord = (sc[1] ?? sc[2]).toLowerCase();
      if (value !== null) value = scaled(value, SCALES[scaleWord]);
      e += sc[0].length;
      after = text.slice(e);
    }
    let kind: NumberKind = 'quantity';
    let unit: string | null = null;
    let counts: Span | null = null;
    let date: string | null | undefined;
    const pct = /^\s?(%|percent\b|per\s+cent\b|percentage\s+points?\b|pct\b|pc\b)/i.exec(after);
    const meas = RE_MEASURE.exec(after);
    const cur = /^\s?([A-Za-z]+)\b/.exec(after);
    const curCode = !symbol && cur ? CURRENCY_WORDS[cur[1].toLowerCase()] : undefined;
    const ratio = /^(\s*(?:-to-|to|:)\s*)(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)\b/i.exec(after);
    const inRatio = /^(\s+(?:in|out\s+of|of\s+every|in\s+every)\s+)(\d+|two|three|four|five|six|seven|eight|nine|ten|a\s+hundred)\b/i.exec(after);
    const before = text.slice(Math.max(0, s - 40), s);
    const ageOrSpan = /^-(year|month|week|day|hour|minute|decade)(-old)?\b/i.exec(after);
    if (symbol) {
      kind = 'money';
      unit = CURRENCY_SYMBOLS[symbol.trim()] ?? symbol.trim();
      counts = countsPhrase(view, e, true);
    } else if (meas && !(isWord && meas[1].length <= 2)) {
      kind = 'quantity';
      unit = MEASURE_UNITS[meas[1].toLowerCase()];
      e += meas[0].length;
      // "a 16-foot deep crater": the dimension, else the noun measured.
      const dim = /^[-\s](deep|wide|long|high|tall|thick|away|across|in\s+diameter|in\s+radius)\b/i.exec(text.slice(e));
      if (dim) counts = { start: e + 1, end: e + dim[0].length };
      else counts = countsPhrase(view, e, false);
    } else if (pct) {
      kind = 'percent';
      unit = /point/i.test(pct[1]) ? 'pp' : '%';
      e += pct[0].length;
      counts = countsPhrase(view, e, false);
      // "18% of the country", "a 20 percent stake" — not "10% in Britain" (a place, not what is counted).
      if (counts && /^(in|on|at|for|from|by|since|after|before|during)\b/i.test(text.slice(counts.start, counts.end))) counts = null;
    } else if (curCode) {
      kind = 'money';
      unit = curCode;
      e += cur![0].length;
      counts = countsPhrase(view, e, true);
    } else if (ratio && !scaleWord && (/\b(ratio|odds|outnumber\w*|margin|vote[ds]?|split|by)\s+(\w+\s+){0,2}$/i.test(before) ||
      /^\s*(-to-|:)/.test(ratio[1]) || coreValue(ratio[2]) === 1) && !/\b(from|between)\s+$/i.test(before) &&
      !/^\s*:\s*\d{2}\b/.test(after)) {
      const b = coreValue(ratio[2]);
      kind = 'ratio';
      unit = 'ratio';
      value = value !== null && b ? Number((value / b).toPrecision(12)) : null;
      e += ratio[0].length;
    } else if (inRatio && !scaleWord) {
      const b = coreValue(inRatio[2]);
      kind = 'ratio';
      unit = 'ratio';
      value = value !== null && b ? Number((value / b).toPrecision(12)) : null;
      e += inRatio[0].length;
      counts = countedNoun(view, e);
    } else {
      const noun = countedNoun(view, e);
      const nounText = noun ? text.slice(noun.start, noun.end) : '';
      const head = nounText.split(/\s+/).pop()!.toLowerCase();
      const isYearShape = /^(1[6-9]\d\d|20\d\d)$/.test(core) && !scaleWord;
      const yearContext = /\b(in|since|by|until|till|from|of|before|after|during|early|late|mid)\s+$/i.test(before);
      if (isYearShape && (yearContext || !(noun && /s$/.test(head) && !/^\s*'?s\b/.test(after) && !TIME_UNITS.has(head)))) {
        kind = 'year';
        date = core;
        // Decades: "the 1990s".
        if (/^s\b/.test(after)) { e += 1; date = null; }
      } else if (ageOrSpan) {
        // "a 14-year-old daughter", "a 40-year career".
        kind = ageOrSpan[2] ? 'quantity' : 'duration';
        unit = ageOrSpan[2] ? 'years old' : `${ageOrSpan[1].toLowerCase()}s`;
        e += ageOrSpan[0].length;
        counts = countedNoun(view, e);
      } else if (noun && TIME_UNITS.has(head) && noun.start - e <= 1) {
        kind = 'duration';
        unit = head.endsWith('s') ? head : head === 'century' ? 'centuries' : head + 's';
        counts = noun;
      } else if (noun && isWord && /^\p{Lu}/u.test(head === nounText.split(/\s+/).pop()!.toLowerCase() ? nounText.split(/\s+/).pop()! : '')) {
        continue; // "Zero Hedge", "Seven Sisters": a name, not a count
      } else if (noun) {
        kind = 'count';
        counts = noun;
      } else if (isWord) {
        continue; // a bare number word ("the two of them") is not worth reporting
      } else {
        kind = 'quantity';
      }
    }
    let qualifier: string | null = null;
    if (kind !== 'year') {
      const q = leadingQualifier(text, s);
      if (q) { s = q.start; qualifier = q.qualifier; }
    }
    if (overlaps(claimed, s, e)) {
      // Its extension ran into another mention ("10 to 1 May 2024"): keep the bare number only.
      s = symbol ? m.index! : coreStart;
      e = coreStart + core.length;
      if (overlaps(claimed, s, e) || isWord) continue;
      claim({ start: s, end: e, kind: 'quantity', value: coreValue(core), unit: null, counts: null, qualifier: null }, s, e);
      continue;
    }
    if (counts && counts.start < e) counts = null;
    claim({ start: s, end: e, kind, value, unit, counts, date, qualifier }, s, e);
  }
  return drafts.sort((a, b) => a.start - b.start || a.end - b.end);
}

const HAS_NUMBER = new RegExp(`\\d|\\b(?:${WORDNUM_ATOM}|dozen|dozens|hundreds|thousands|millions|billions|${Object.keys(ORDINAL_WORDS).join('|')})\\b`, 'i');

/** The article's tokens (offsets into the article text) and each sentence's token range, as
 *  `tokenizeArticle` gives them: when passed, numbers reuse them instead of tokenising each sentence again. */
export interface SentenceTokens {
  tokens: Token[];
  sentenceTokens: Array<[number, number]>;
}

function localTokens(t: SentenceTokens, sentence: number, offset: number): Token[] | null {
  const range = t.sentenceTokens[sentence];
  if (!range) return null;
  const out: Token[] = [];
  for (let k = range[0]; k < range[1]; k++) {
    const tok = t.tokens[k];
    out.push({ start: tok.start - offset, end: tok.end - offset, value: tok.value, pos: tok.pos });
  }
  return out;
}

/**
 * Numbers in an article: percentages, money (currency + scale), ratios, counts
 * with their noun, dates, years, ordinals, durations. Each carries what it
 * counts when found (`counts`, `countsSpan`) and an approximation qualifier
 * ("around 18%") inside its span. Ids are `${articleId}:n${k}` in text order.
 *
 * `tokenized`, when given, must describe the same
 * sentences (`tokenizeArticle(article)`): the POS tags used for "what it counts" are then not recomputed.
 */
export function findNumbers(article: Article, sentences: Sentence[], tokenized?: SentenceTokens): NumberMention[] {
  const out: NumberMention[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const sent = sentences[i];
    const text = article.text.slice(sent.start, sent.end);
    if (!HAS_NUMBER.test(text)) continue;
    const view = new SentenceView(text, sent.start, tokenized ? localTokens(tokenized, i, sent.start) : null);
    for (const d of scanSentence(view)) {
      const m: NumberMention = {
        id: '',
        articleId: article.id,
        start: sent.start + d.start,
        end: sent.start + d.end,
        text: text.slice(d.start, d.end),
        kind: d.kind,
        value: d.value,
        unit: d.unit,
        counts: d.counts ? text.slice(d.counts.start, d.counts.end) : null,
        countsSpan: d.counts ? { start: sent.start + d.counts.start, end: sent.start + d.counts.end } : null,
        qualifier: d.qualifier,
      };
      if (d.kind === 'date' || d.kind === 'year') m.date = d.date ?? null;
      if (d.kind === 'date') m.value = null;
      out.push(m);
    }
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  out.forEach((m, k) => (m.id = `${article.id}:n${k}`));
  return out;
}
