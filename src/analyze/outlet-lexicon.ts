import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/paths.js';

export type OutletKind = 'agency' | 'newspaper' | 'broadcaster' | 'magazine' | 'online';

/** One news organisation from data/outlets.json. */
export interface Outlet {
  name: string;
  variants: string[];
  domains: string[];
  kind: OutletKind;
}

export interface OutletMention {
  start: number;
  end: number;
  outlet: Outlet;
  /** True when the name is also a common word/person name ("Time", "The Hill"); trust it only in citation context. */
  weak: boolean;
}

interface Lexicon {
  outlets: Outlet[];
  /** Lower-cased name/variant (without leading "the") → outlet. */
  byName: Map<string, Outlet>;
  byDomain: Map<string, Outlet>;
  /** First word of a name form → the forms starting with it, longest first. */
  byFirstWord: Map<string, string[]>;
}

let lexicon: Lexicon | null = null;

/** Single words that are outlet names but also ordinary words or surnames. */
const WEAK = new Set(['time', 'hill', 'deadline', 'salon', 'punch', 'slate', 'fortune', 'variety', 'wired', 'reforma', 'sun', 'times', 'national', 'australian', 'conversation', 'forbes', 'sputnik', 'axios', 'ria', 'nation', 'vox', 'rt', 'nos', 'ard', 'cna', 'metro', 'babel', 'channel one', 'consumerist', 'lenta']);

function stripThe(s: string): string {
  return s.replace(/^the\s+/i, '');
}

function load(): Lexicon {
  if (lexicon) return lexicon;
  const path = join(packageRoot(), 'data', 'outlets.json');
  let outlets: Outlet[];
  try {
    outlets = JSON.parse(readFileSync(path, 'utf8')) as Outlet[];
  } catch (e) {
    throw new Error(`retold: cannot read the outlet list ${path}: ${(e as Error).message}`);
  }
  const byName = new Map<string, Outlet>();
  const byDomain = new Map<string, Outlet>();
  const forms = new Set<string>();
  for (const o of outlets) {
    for (const v of [o.name, ...o.variants]) {
      const key = stripThe(v).toLowerCase();
      if (!byName.has(key)) byName.set(key, o);
      forms.add(stripThe(v));
    }
    for (const d of o.domains) if (!byDomain.has(d.toLowerCase())) byDomain.set(d.toLowerCase(), o);
  }
  const byFirstWord = new Map<string, string[]>();
  for (const f of forms) {
    const first = f.split(/[\s]/)[0];
    const list = byFirstWord.get(first) ?? [];
    list.push(f);
    byFirstWord.set(first, list);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  lexicon = { outlets, byName, byDomain, byFirstWord };
  return lexicon;
}

/** All outlets in data/outlets.json. */
export function loadOutlets(): Outlet[] {
  return load().outlets;
}

/** The outlet a name refers to ("Bloomberg News", "the AP", "AFP"), or null. */
export function outletByName(name: string): Outlet | null {
  const key = stripThe(name.trim()).toLowerCase().replace(/\s+/g, ' ');
  return load().byName.get(key) ?? null;
}

/** The outlet of a host name ("www.nypost.com", "edition.cnn.com" → CNN), or null. */
export function outletByDomain(host: string): Outlet | null {
  let h = host.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
  const map = load().byDomain;
  for (;;) {
    const o = map.get(h);
    if (o) return o;
    const dot = h.indexOf('.');
    if (dot < 0 || h.indexOf('.', dot + 1) < 0) return null;
    h = h.slice(dot + 1);
  }
}

/** Whether a matched name form is weak (also a common word or a surname). */
export function isWeakOutletName(form: string): boolean {
  return WEAK.has(stripThe(form).toLowerCase());
}

/**
 * Outlet names mentioned in `text[from, to)`, left to right, longest form first
 * (case-sensitive: outlet names are proper names; an optional "the" is included).
 * Linear: one lookup per word.
 */
export function findOutletMentions(text: string, from = 0, to = text.length): OutletMention[] {
  const { byFirstWord, byName } = load();
  const out: OutletMention[] = [];
  const word = /[\p{L}\p{N}][\p{L}\p{N}.&'’\/-]*/gu;
  word.lastIndex = from;
  let skipUntil = -1;
  for (let m = word.exec(text); m && m.index < to; m = word.exec(text)) {
    if (m.index < skipUntil) continue;
    const w = m[0];
    const last = w.charCodeAt(w.length - 1);
    const candidates = byFirstWord.get(w) ?? (last === 46 || last === 39 || last === 0x2019 ? byFirstWord.get(w.replace(/[.'’]+$/, '')) : undefined);
    if (!candidates) continue;
    for (const form of candidates) {
      const end = m.index + form.length;
      if (end > to || !text.startsWith(form, m.index)) continue;
      if (/[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
      const outlet = byName.get(form.toLowerCase());
      if (!outlet) continue;
      let start = m.index;
      const the = /(?:^|[^\p{L}\p{N}])([Tt]he\s+)$/u.exec(text.slice(Math.max(from, start - 5), start));
      if (the) start -= the[1].length;
      out.push({ start, end, outlet, weak: isWeakOutletName(form) });
      skipUntil = end;
      break;
    }
  }
  return out;
}

/** Words that make an unknown capitalised name look like a news organisation ("the Kyiv Independent", "Daily Star"). */
export const OUTLET_NAME_WORDS = /\b(?:Times|Post|News|Journal|Herald|Tribune|Gazette|Telegraph|News Agency|Press Agency|Press|Radio|TV|Television|Daily|Chronicle|Guardian|Wire|Media|Newspaper|Magazine|Observer|Courier|Star|Mail|Express|Review|Dispatch|Bulletin|Examiner|Inquirer|Monitor|Pravda|Zeitung|Gazeta|Broadcasting|Sun|Bee|Sentinel|Register|Record|Journal-Constitution|Globe|Free Press|Plain Dealer|Tribune-Review|Morning News|Standard|Independent|Times-Picayune|Post-Gazette|Star-Tribune|Star Tribune|Leader|Enquirer)\b/;
