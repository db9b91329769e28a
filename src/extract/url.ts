/**
 * URL helpers: canonical form of an article URL (tracking parameters,
 * fragments, default ports removed; host lowercased) and URL spotting in
 * plain text with offsets.
 */

/** Query parameters that only track the visitor, never select content. Matched case-insensitively. */
const TRACKING_EXACT = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id', 'igshid', 'igsh',
  'mc_cid', 'mc_eid', 'ref', 'ref_src', 'ref_url', 'referrer', 'cmpid', 'cmp', 'icid', 'ncid',
  'sr_share', 'smid', 'smtyp', 'ocid', 'ito', 'at_medium', 'at_campaign', 'at_custom1',
  'at_custom2', 'at_custom3', 'at_custom4', 'xtor', 'wt_mc', 'wt.mc_id', 'ns_mchannel', 'ns_source', 'ns_campaign',
  'ns_linkname', 'ns_fee', 'taid', 'mbid', 'int_source', 'int_medium', 'int_campaign', '_ga', '_gl', '_hsenc',
  '_hsmi', 'hsctatracking', 'vero_id', 'vero_conv', 'oly_anon_id', 'oly_enc_id', 'rb_clickid', 's_cid', 'spm',
  'guccounter', 'guce_referrer', 'guce_referrer_sig', 'soc_src', 'soc_trk', 'fb_action_ids', 'fb_action_types',
  'fb_source', 'fb_ref', 'amp', 'si', 'wt_zmc', 'cmpid', 'ftag', 'ns_campaign',
]);
/** Parameter name prefixes that mark tracking (`utm_source`, `pk_campaign`, …). */
const TRACKING_PREFIX = ['utm_', 'pk_', 'mtm_', 'hsa_', 'at_', 'ns_', 'trk_', 'stm_'];

/** True when a query parameter name only serves tracking. */
export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  if (TRACKING_EXACT.has(n)) return true;
  return TRACKING_PREFIX.some((p) => n.startsWith(p));
}

/**
 * Repair a URL broken by whitespace the way copy-paste breaks them
 * ("…&utm_campaign=site %20Buttons"): whitespace inside the query or after a
 * `%xx` / `=` / `&` is dropped. Whitespace in the path is kept out (the URL
 * ends there) — the caller passes the full candidate string.
 */
function collapseSpaces(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url.trim();
  return (url.slice(0, q).trim() + url.slice(q).replace(/\s+/g, '')).trim();
}

/**
 * The canonical form of a URL: scheme and host lowercased, default port,
 * fragment and tracking parameters (utm_*, fbclid, gclid, mc_cid, ref, …)
 * removed, remaining parameters kept in their order. Relative URLs resolve
 * against `base`. Returns null for anything that is not an http(s) URL.
 */
export function canonicalUrl(url: string, base?: string): string | null {
  if (typeof url !== 'string') return null;
  let s = collapseSpaces(url.replace(/[\u00a0\u200b\u200c\u200d\ufeff]/g, ' '));
  if (!s) return null;
  if (/^www\./i.test(s)) s = 'https://' + s;
  if (s.startsWith('//')) s = 'https:' + s;
  let u: URL;
  try {
    u = base ? new URL(s, base) : new URL(s);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (!u.hostname) return null;
  u.hash = '';
  u.username = '';
  u.password = '';
  // WHATWG URL already lowercases the host and drops default ports.
  const kept: [string, string][] = [];
  for (const [k, v] of u.searchParams) {
    if (isTrackingParam(k) || (k.toLowerCase() === 'outputtype' && v.toLowerCase() === 'amp')) continue;
    kept.push([k, v]);
  }
  if (kept.length === 0) {
    u.search = '';
  } else if (kept.length !== [...u.searchParams].length) {
    const p = new URLSearchParams();
    for (const [k, v] of kept) p.append(k, v);
    u.search = p.toString();
  }
  return u.toString();
}

/** The host of a URL without a leading "www." (lowercase), or null. */
export function urlHost(url: string): string | null {
  const c = canonicalUrl(url);
  if (!c) return null;
  return new URL(c).hostname.replace(/^www\d?\./, '');
}

export interface FoundUrl {
  /** `[start, end)` offsets into the searched text, covering the URL as written (including repaired spaces). */
  start: number;
  end: number;
  /** The URL as written. */
  raw: string;
  /** Canonical form (see `canonicalUrl`), null when it does not parse. */
  url: string | null;
}

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'`{}|\\^\u00a0]+/gi;

/**
 * Find http(s)/www URLs in plain text with their spans. A URL whose query was
 * broken by a space ("…&utm_campaign=site %20Buttons") is continued across the
 * space when the next piece looks like a percent-escape or parameter
 * continuation. Trailing sentence punctuation is not part of the URL.
 * Linear in the length of the text.
 */
export function findUrls(text: string): FoundUrl[] {
  const out: FoundUrl[] = [];
  URL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = URL_RE.exec(text))) {
    const start = m.index;
    let end = start + m[0].length;
    // continue across single spaces inside a query string: "site %20Buttons", "a=b &c=d"
    if (m[0].includes('?')) {
      const cont = /^[ \t]{1,2}((?:%[0-9A-Fa-f]{2}|[&=])[^\s<>"'`{}|\\^\u00a0]*)/;
      for (let guard = 0; guard < 8; guard++) {
        const c = cont.exec(text.slice(end, end + 2048));
        if (!c) break;
        end += c[0].length;
      }
      URL_RE.lastIndex = end;
    }
    // trim trailing punctuation; keep a closing paren only when balanced
    while (end > start) {
      const ch = text[end - 1];
      if (/[.,;:!?'"»”’\]}>]/.test(ch)) { end--; continue; }
      if (ch === ')') {
        const seg = text.slice(start, end);
        const open = (seg.match(/\(/g) ?? []).length;
        const close = (seg.match(/\)/g) ?? []).length;
        if (close > open) { end--; continue; }
      }
      break;
    }
    const raw = text.slice(start, end);
    if (/^(?:https?:\/\/|www\.)$/i.test(raw)) continue;
    out.push({ start, end, raw, url: canonicalUrl(raw) });
  }
  return out;
}
