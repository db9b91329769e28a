/**
 * Metadata lines in plain-text captures: date lines ("Published January 25,
 * 2024, 7:00 PM ET"), bylines ("By Jane Doe"), dateline/outlet lines ("Kyiv •
 * UNN"), wire datelines opening the first paragraph ("WASHINGTON (Reuters) -",
 * "MOSCOW, Jan 25 (Reuters) -"), and title suffixes ("… – New York Post").
 */
import type { DateValue } from '../../model.js';
import { findDates, parseDate } from '../dates.js';
import { outletFromName, type OutletEntry } from '../outlets.js';

export interface DateLine {
  published: DateValue | null;
  modified: DateValue | null;
}

const MONTH_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const UPDATE_TIME_RE = /[\s|•·,;–—-]+(?:updated|last updated|оновлено|обновлено|aktualisiert|mis à jour|actualizado)\s*:?\s*(\d{1,2}[:.]\d{2}\s?(?:[ap]\.?\s?m\.?)?)(?:\s?([A-Z]{2,5}))?\s*$/iu;
const PUB_LABEL = /^(?:published|posted|first published|created|date|release date|publication date|опубліковано|опубликовано|veröffentlicht|publié le|publicado)\b/i;
const MOD_LABEL = /^(?:updated|last updated|modified|last modified|edited|оновлено|обновлено|aktualisiert|mis à jour|actualizado)\b/i;
const LABEL_WORDS = /(?<![\p{L}])(?:published|posted|first|created|date|release|publication|updated|last|modified|edited|on|at|am|um|le|el|the|опубліковано|опубликовано|оновлено|обновлено|veröffentlicht|aktualisiert|publié|mis|à|jour|publicado|actualizado|et|о|o|в|um|à|a las)(?![\p{L}])|[|•·:,()\-–—\s]/giu;

/**
 * A line that is nothing but one or two dates with labels ("Published …",
 * "Updated …"). Returns null for anything else (a body sentence with a date).
 */
export function parseDateLine(text: string): DateLine | null {
  if (text.length > 160 || (text.match(/\S+/g) ?? []).length > 20 || !/\d/.test(text)) return null;
  // "25 January 2024, 19:00 • Updated 20:15": an update time on the same day
  const upd = UPDATE_TIME_RE.exec(text);
  if (upd) {
    const head = parseDateLine(text.slice(0, upd.index));
    if (head?.published?.iso) {
      const day = head.published.iso.slice(0, 10);
      const [y, m, d] = day.split('-').map(Number);
      const zone = upd[2] ?? head.published.timeZone ?? '';
      const v = parseDate(`${MONTH_EN[m - 1]} ${d}, ${y} ${upd[1]} ${zone}`.trim());
      return { published: head.published, modified: v ? { ...v, raw: upd[0].replace(/^[\s|•·,;–—-]+/, '') } : head.modified };
    }
  }
  const dates = findDates(text);
  if (!dates.length || dates.length > 3) return null;
  let rest = '';
  let at = 0;
  for (const d of dates) { rest += ' ' + text.slice(at, d.start); at = d.end; }
  rest += ' ' + text.slice(at);
  const leftover = rest.replace(LABEL_WORDS, '').replace(/\s+/g, '');
  if (leftover.length > 3) return null;
  let published: DateValue | null = null;
  let modified: DateValue | null = null;
  let prevEnd = 0;
  for (const d of dates) {
    const before = text.slice(prevEnd, d.start).replace(/^[\s|•·,;–—-]+/, '').trim();
    const v: DateValue = { iso: d.iso, raw: d.raw, timeZone: d.timeZone };
    if (MOD_LABEL.test(before)) { if (!modified) modified = v; }
    else if (PUB_LABEL.test(before) || !published) { if (!published) published = v; else if (!modified) modified = v; }
    prevEnd = d.end;
  }
  return { published, modified };
}

const NAME_TOKEN = "[\\p{Lu}][\\p{L}'’.-]*";
const NAME_JOIN = "(?:\\s+(?:and|&|de|da|van|von|der|den|la|le|del|di|bin|al|y|i|и|та|,)\\s*|\\s+|,\\s*)";
const BYLINE_RE = new RegExp(`^(?:by|written by|author|authors|reporting by|story by|від|автор|авторы|von|par|por)\\s*[:：]?\\s+(${NAME_TOKEN}(?:${NAME_JOIN}${NAME_TOKEN}){0,12})(?:\\s*[,|•·–—-]\\s*(?:[\\p{Lu}][\\p{L}.'’ -]{0,40}))?\\s*$`, 'iu');

/** "By Jane Doe", "By Jane Doe and John Roe, Reuters", "Author: Jane Doe" → the names; else null. */
export function parseByline(text: string, outlets?: OutletEntry[]): string | null {
  if (text.length > 140) return null;
  const m = BYLINE_RE.exec(text.trim());
  if (!m) return null;
  // the first word after "By" must be a name, not "By the way …"
  if (/^(?:the|a|an|this|that|then|now)\b/i.test(m[1])) return null;
  let names = m[1].replace(/[\s,]+$/, '').trim();
  // "Jane Doe, Reuters" / "Jane Doe, Staff Writer" → "Jane Doe"
  for (let i = 0; i < 2; i++) {
    const comma = names.lastIndexOf(',');
    if (comma <= 0) break;
    const tail = names.slice(comma + 1).trim();
    if (outletFromName(tail, outlets) || ROLE_RE.test(tail)) names = names.slice(0, comma).trim();
    else break;
  }
  return names;
}

const ROLE_RE = /\b(?:correspondent|reporter|editor|writer|columnist|contributor|staff|bureau chief|analyst|journalist|producer|associated press|special to)\b/i;

/** "Shaun Walker in Kyiv" (a byline with the reporter's place, no "By") → names and place. */
export function parseBylineIn(text: string): { byline: string; place: string } | null {
  const m = /^((?:[\p{Lu}][\p{L}'’.-]+\s){1,3}[\p{Lu}][\p{L}'’.-]+(?:\s(?:and|&)\s(?:[\p{Lu}][\p{L}'’.-]+\s){1,3}[\p{Lu}][\p{L}'’.-]+)?)\s+in\s+([\p{Lu}][\p{L}'’.-]+(?:\s[\p{Lu}][\p{L}'’.-]+)?)$/u.exec(text.trim());
  return m ? { byline: m[1], place: m[2] } : null;
}

export interface DatelineOutlet {
  place: string | null;
  outlet: OutletEntry | null;
  outletName: string | null;
  date: DateValue | null;
}

const PLACE_RE = /^[\p{Lu}][\p{L}'’.-]*(?:[\s-][\p{Lu}][\p{L}'’.-]*){0,2}$/u;

/**
 * A header line of bullet-separated parts naming a place and an outlet
 * ("Kyiv  •  UNN", "London | Reuters | 25 January 2024"). Needs a separator
 * and at least one part that is a known outlet; every part must be a place,
 * an outlet or a date.
 */
export function parseDatelineOutlet(text: string, outlets: OutletEntry[]): DatelineOutlet | null {
  if (text.length > 140 || !/[•·|]/.test(text)) return null;
  const parts = text.split(/\s*[•·|]\s*/).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return null;
  const out: DatelineOutlet = { place: null, outlet: null, outletName: null, date: null };
  for (const p of parts) {
    const o = outletFromName(p, outlets);
    if (o && !out.outlet) { out.outlet = o; out.outletName = o.name; continue; }
    const dl = parseDateLine(p);
    if (dl?.published && !out.date) { out.date = dl.published; continue; }
    if (PLACE_RE.test(p) && !out.place && p.length <= 40) { out.place = p; continue; }
    // "Kyiv, 25 January 2024" / "Kyiv, January 25"
    const pd = /^([^,]{2,40}),\s*(.+)$/.exec(p);
    if (pd && PLACE_RE.test(pd[1]) && !out.place) {
      const d2 = parseDateLine(pd[2]);
      if (d2?.published || /^(?:\p{L}+\.?\s\d{1,2}|\d{1,2}\s\p{L}+\.?)$/u.test(pd[2])) {
        out.place = pd[1];
        if (d2?.published && !out.date) out.date = d2.published;
        continue;
      }
    }
    return null;
  }
  return out.outlet ? out : null;
}

export interface WireDateline {
  /** Length of the dateline prefix in the paragraph (up to and including the dash and space). */
  length: number;
  place: string | null;
  agency: string | null;
  date: string | null;
}

const WIRE_RE = /^((?:[\p{Lu}][\p{Lu}'’.-]+)(?:[\s-][\p{Lu}][\p{Lu}'’.-]*){0,3})(?:,\s*((?:[\p{Lu}][\p{L}.'’-]+)(?:\s[\p{Lu}][\p{L}.'’-]+){0,2}))?(?:,\s*([\p{Lu}][\p{L}]{2,8}\.?\s\d{1,2}(?:,\s\d{4})?))?\s*(?:\(([\p{Lu}][\p{L}\s.&-]{0,30})\))?\s*[-–—]{1,2}\s+/u;
/** Capitalised kickers that open headlines and leads but are not places. */
const KICKERS = /^(?:EXCLUSIVE|BREAKING(?: NEWS)?|UPDATE[D]?|WATCH|OPINION|ANALYSIS|EDITORIAL|REVIEW|LIVE|PHOTOS?|VIDEO|COMMENTARY|FACT CHECK|ALERT|URGENT|FLASH|EXPLAINER|INTERVIEW|REPORT|SPECIAL REPORT|CORRECTION|UPDATE \d+)$/;
const AGENCY_ONLY_RE = /^\(([\p{Lu}][\p{L}\s.&-]{0,30})\)\s*[-–—]{1,2}\s+/u;

/**
 * A wire dateline opening a paragraph: "WASHINGTON (Reuters) - ", "MOSCOW, Jan
 * 25 (Reuters) - ", "KYIV, Ukraine (AP) — ", "(NEWSER) – ", "LONDON — ".
 * The place must be in capitals (or an agency in brackets must follow).
 */
export function parseWireDateline(text: string): WireDateline | null {
  const a = AGENCY_ONLY_RE.exec(text);
  if (a) return { length: a[0].length, place: null, agency: a[1].trim(), date: null };
  const m = WIRE_RE.exec(text);
  if (!m) return null;
  const place = m[1].trim();
  if (KICKERS.test(place)) return null;
  if (place.replace(/[^\p{Lu}]/gu, '').length < 2) return null;
  // "US President …" is not a dateline; need a bracketed agency or a comma part, or a long all-caps place
  if (!m[4] && !m[2] && !m[3] && place.length < 4) return null;
  return { length: m[0].length, place: m[2] ? `${place}, ${m[2]}` : place, agency: m[4]?.trim() ?? null, date: m[3] ?? null };
}

const TITLE_SEP_RE = /\s+(?:[|–—-]|::|»)\s+(?!.*\s(?:[|–—-]|::|»)\s)(.{2,60})$/u;

/** "Headline – New York Post" → the outlet suffix and where it starts, when the suffix names a known outlet (or `known`). */
export function titleOutletSuffix(title: string, outlets: OutletEntry[], known: string | null): { start: number; outlet: string } | null {
  const m = TITLE_SEP_RE.exec(title);
  if (!m) return null;
  const suffix = m[1].trim();
  const o = outletFromName(suffix, outlets);
  if (o) return { start: m.index, outlet: o.name };
  if (known && suffix.toLowerCase() === known.toLowerCase()) return { start: m.index, outlet: known };
  return null;
}

/** Share of words of 4+ letters that start with a capital. */
export function titleCaseRatio(text: string): number {
  const words = text.match(/[\p{L}'’]{4,}/gu) ?? [];
  if (!words.length) return 0;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length;
}
