import type { Article } from '../model.js';

/** A word of a quote or sentence: as written, normalised, and its offsets in the string it came from. */
export interface Word {
  text: string;
  /** Lower case, curly apostrophes straightened, possessive kept ("russia's"). */
  norm: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Words of `text` (letters/digits, inner apostrophes kept), punctuation and quote marks dropped. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    out.push({ text: m[0], norm: m[0].normalize('NFKC').toLowerCase().replace(/’/g, "'"), start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

/** Normalised words of `text`: what "identical after normalising quotes/case/punctuation" compares. */
export function normWords(text: string): string[] {
  return words(text).map((w) => w.norm);
}

const STOP = new Set(
  `a an the and or but nor so yet if then than that this these those there here it its it's itself
  i me my we us our you your he him his she her they them their what which who whom whose when where why how
  is are was were be been being am do does did doing have has had having will would shall should can could may might must
  of in on at to for from by with about as into onto over under after before between through during without within
  not no all any some each every both either neither other another such only own same too very just also even
  up down out off again once further more most much many few s t don't won't can't isn't aren't wasn't weren't
  that's there's it's we're they're i'm i'd i'll we'll you're he's she's
  said says say told tell tells added adds according
  go goes going gone went get gets getting got make makes made making know knows knew think thinks thought
  want wants like really well now lot lots thing things way yes oh okay ok done among while cannot`.split(/\s+/),
);

/** Crude stem for candidate search: possessive and inflection cut, then the first 6 letters. */
export function stem(norm: string): string {
  let w = norm.replace(/'s$/, '').replace(/'/g, '');
  if (w.length > 5) w = w.replace(/(ically|ally|ingly|ing|edly|ed|ies|es|ly|s)$/, '');
  return w.slice(0, 6);
}

export function isStopword(norm: string): boolean {
  return STOP.has(norm);
}

/** Stems of the content words (stopwords and 1-letter words left out). */
export function contentStems(ws: Word[]): Set<string> {
  const out = new Set<string>();
  for (const w of ws) {
    if (STOP.has(w.norm) || w.norm.length < 2) continue;
    out.add(stem(w.norm));
  }
  return out;
}

/**
 * Story order of articles: by publication time when known (undated after dated), then input
 * order. Returns article id → rank.
 */
export function articleOrder(articles: Article[]): Map<string, number> {
  const ranked = articles
    .map((a, i) => ({ id: a.id, at: a.publishedAt ?? '', i }))
    .sort((x, y) => (x.at && y.at ? (x.at < y.at ? -1 : x.at > y.at ? 1 : 0) : x.at ? -1 : y.at ? 1 : 0) || x.i - y.i);
  const order = new Map<string, number>();
  ranked.forEach((r, rank) => {
    if (!order.has(r.id)) order.set(r.id, rank);
  });
  return order;
}

/** Display label of an article: its outlet, else its source's file name, else its title (clipped); the same
 *  order as the text findings use, so one article is named alike in every finding. */
export function articleLabel(a: Pick<Article, 'outlet' | 'title' | 'source'> | undefined): string {
  if (!a) return 'an unknown article';
  if (a.outlet) return a.outlet;
  const base = a.source.split(/[\\/]/).pop() || a.source;
  if (base && base !== '-') return base;
  if (a.title) return `“${a.title.length > 40 ? a.title.slice(0, 39).trimEnd() + '…' : a.title}”`;
  return base;
}

/**
 * Display labels for a story's articles: the outlet, made unique when one outlet has several
 * articles ("usa-today (“Trump's taxes…”)"), else the title or file name.
 */
export function articleLabels(articles: Article[]): Map<string, string> {
  const base = articles.map((a) => articleLabel(a));
  const count = new Map<string, number>();
  for (const b of base) count.set(b, (count.get(b) ?? 0) + 1);
  const out = new Map<string, string>();
  const used = new Set<string>();
  articles.forEach((a, i) => {
    let label = base[i];
    if ((count.get(label) ?? 0) > 1) {
      const file = a.source.split(/[\\/]/).pop() || a.source;
      const detail = a.outlet && a.title ? `“${a.title.length > 40 ? a.title.slice(0, 39).trimEnd() + '…' : a.title}”` : file;
      label = `${label} (${detail})`;
    }
    let unique = label;
    for (let n = 2; used.has(unique); n++) unique = `${label} #${n}`;
    used.add(unique);
    if (!out.has(a.id)) out.set(a.id, unique);
  });
  return out;
}

/** Lower-case ASCII-ish slug for node ids ("Dmitry Peskov" → "dmitry-peskov"). */
export function slug(s: string): string {
  const out = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return out || 'unknown';
}
