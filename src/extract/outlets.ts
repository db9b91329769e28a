/**
 * Outlet names from domains and from names as written ("NY Post", "the Post").
 *
 * The list lives in `data/outlets.json` (maintained with the citation
 * analysis): `[{ name, variants?, domains?, kind? }]`. When that file is
 * absent or unreadable, a small built-in list of widely cited outlets is used
 * so extraction still names the common ones. Callers may inject their own list.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/paths.js';

export interface OutletEntry {
  name: string;
  variants?: string[];
  domains?: string[];
  kind?: string;
}

/** Fallback when data/outlets.json is missing. Kept small on purpose. */
const BUILTIN: OutletEntry[] = [
  { name: 'Bloomberg', variants: ['Bloomberg News'], domains: ['bloomberg.com'], kind: 'agency' },
  { name: 'Reuters', variants: ['Thomson Reuters'], domains: ['reuters.com'], kind: 'agency' },
  { name: 'Associated Press', variants: ['AP', 'The Associated Press'], domains: ['apnews.com', 'ap.org'], kind: 'agency' },
  { name: 'AFP', variants: ['Agence France-Presse', 'Agence France Presse'], domains: ['afp.com'], kind: 'agency' },
  { name: 'New York Post', variants: ['NY Post', 'The New York Post'], domains: ['nypost.com'], kind: 'newspaper' },
  { name: 'The New York Times', variants: ['New York Times', 'NYT'], domains: ['nytimes.com'], kind: 'newspaper' },
  { name: 'The Washington Post', variants: ['Washington Post'], domains: ['washingtonpost.com'], kind: 'newspaper' },
  { name: 'The Wall Street Journal', variants: ['Wall Street Journal', 'WSJ'], domains: ['wsj.com'], kind: 'newspaper' },
  { name: 'The Guardian', variants: ['Guardian'], domains: ['theguardian.com', 'guardian.co.uk'], kind: 'newspaper' },
  { name: 'BBC', variants: ['BBC News'], domains: ['bbc.com', 'bbc.co.uk'], kind: 'broadcaster' },
  { name: 'CNN', variants: [], domains: ['cnn.com'], kind: 'broadcaster' },
  { name: 'Fox News', variants: [], domains: ['foxnews.com'], kind: 'broadcaster' },
  { name: 'NBC News', variants: [], domains: ['nbcnews.com'], kind: 'broadcaster' },
  { name: 'CBS News', variants: [], domains: ['cbsnews.com'], kind: 'broadcaster' },
  { name: 'ABC News', variants: [], domains: ['abcnews.go.com'], kind: 'broadcaster' },
  { name: 'NPR', variants: [], domains: ['npr.org'], kind: 'broadcaster' },
  { name: 'Politico', variants: ['POLITICO'], domains: ['politico.com', 'politico.eu'], kind: 'newspaper' },
  { name: 'USA Today', variants: ['USA TODAY'], domains: ['usatoday.com'], kind: 'newspaper' },
  { name: 'HuffPost', variants: ['Huffington Post', 'The Huffington Post'], domains: ['huffpost.com', 'huffingtonpost.com'], kind: 'newspaper' },
  { name: 'Breitbart', variants: ['Breitbart News'], domains: ['breitbart.com'], kind: 'newspaper' },
  { name: 'The Western Journal', variants: ['Western Journal'], domains: ['westernjournal.com'], kind: 'newspaper' },
  { name: 'Financial Times', variants: ['FT'], domains: ['ft.com'], kind: 'newspaper' },
  { name: 'The Economist', variants: ['Economist'], domains: ['economist.com'], kind: 'magazine' },
  { name: 'Al Jazeera', variants: [], domains: ['aljazeera.com'], kind: 'broadcaster' },
  { name: 'Deutsche Welle', variants: ['DW'], domains: ['dw.com'], kind: 'broadcaster' },
  { name: 'UNN', variants: ['Ukrainian National News'], domains: ['unn.ua', 'unn.com.ua'], kind: 'agency' },
  { name: 'Ukrinform', variants: [], domains: ['ukrinform.net', 'ukrinform.ua'], kind: 'agency' },
  { name: 'Kyiv Independent', variants: ['The Kyiv Independent'], domains: ['kyivindependent.com'], kind: 'newspaper' },
  { name: 'Interfax-Ukraine', variants: [], domains: ['interfax.com.ua'], kind: 'agency' },
  { name: 'TASS', variants: [], domains: ['tass.com', 'tass.ru'], kind: 'agency' },
  { name: 'RIA Novosti', variants: ['RIA'], domains: ['ria.ru'], kind: 'agency' },
  { name: 'UPI', variants: ['United Press International'], domains: ['upi.com'], kind: 'agency' },
  { name: 'dpa', variants: ['Deutsche Presse-Agentur'], domains: ['dpa.com'], kind: 'agency' },
  { name: 'Xinhua', variants: [], domains: ['xinhuanet.com', 'news.cn'], kind: 'agency' },
  { name: 'Newser', variants: ['NEWSER'], domains: ['newser.com'], kind: 'newspaper' },
];

let defaultList: OutletEntry[] | null = null;

function isEntry(x: unknown): x is OutletEntry {
  return !!x && typeof x === 'object' && typeof (x as OutletEntry).name === 'string';
}

/** Read an outlet list (`data/outlets.json` shape). Throws an Error naming the file when it is malformed. */
export function loadOutlets(path: string): OutletEntry[] {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const arr = Array.isArray(raw) ? raw : raw && typeof raw === 'object' && Array.isArray((raw as { outlets?: unknown }).outlets)
    ? (raw as { outlets: unknown[] }).outlets : null;
  if (!arr) throw new Error(`${path}: expected an array of outlets`);
  return arr.filter(isEntry);
}

/** The default list: data/outlets.json when present and valid, else the built-in list. */
export function defaultOutlets(): OutletEntry[] {
  if (defaultList) return defaultList;
  try {
    const list = loadOutlets(join(packageRoot(), 'data', 'outlets.json'));
    defaultList = list.length ? list : BUILTIN;
  } catch {
    defaultList = BUILTIN;
  }
  return defaultList;
}

const indexCache = new WeakMap<OutletEntry[], { byDomain: Map<string, OutletEntry>; byName: Map<string, OutletEntry> }>();

function normName(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[’']/g, "'").replace(/[^\p{L}\p{N}'&.]+/gu, ' ').trim();
}

function index(list: OutletEntry[]) {
  let ix = indexCache.get(list);
  if (!ix) {
    ix = { byDomain: new Map(), byName: new Map() };
    for (const e of list) {
      for (const d of e.domains ?? []) {
        const k = d.toLowerCase().replace(/^www\./, '');
        if (!ix.byDomain.has(k)) ix.byDomain.set(k, e);
      }
      for (const n of [e.name, ...(e.variants ?? [])]) {
        const k = normName(n);
        if (k && !ix.byName.has(k)) ix.byName.set(k, e);
      }
    }
    indexCache.set(list, ix);
  }
  return ix;
}

/** Outlet for a host or URL ("www.nypost.com", "https://edition.cnn.com/…"); subdomains match their parent. */
export function outletFromDomain(hostOrUrl: string, list: OutletEntry[] = defaultOutlets()): OutletEntry | null {
  let host = hostOrUrl.trim().toLowerCase();
  const m = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#:]+)/.exec(host);
  if (m) host = m[1];
  host = host.replace(/^www\d?\./, '').replace(/\.$/, '');
  const { byDomain } = index(list);
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
    const e = byDomain.get(h);
    if (e) return e;
  }
  return null;
}

/**
 * Outlet for a name as written ("NY Post", "the New York Post", "REUTERS").
 * Exact match on the name or a variant after case and punctuation folding; a
 * leading "the" is optional. Ambiguous short variants ("the Post") match only
 * as listed.
 */
export function outletFromName(name: string, list: OutletEntry[] = defaultOutlets()): OutletEntry | null {
  const { byName } = index(list);
  const k = normName(name);
  if (!k || k.length > 80) return null;
  return byName.get(k) ?? (k.startsWith('the ') ? byName.get(k.slice(4)) : byName.get('the ' + k)) ?? null;
}
