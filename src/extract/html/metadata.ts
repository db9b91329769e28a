import type { DateValue } from '../../model.js';
import { decodeHTML } from 'entities';
import { parseDate } from '../dates.js';
import type { ArticleMeta } from '../builder.js';
import { canonicalUrl, urlHost } from '../url.js';
import { findAll, textOf, walk, type HNode, type ParsedHtml } from './dom.js';

export interface PageMeta extends ArticleMeta {
  language: string | null;
  description: string | null;
  image: string | null;
  /** JSON-LD `articleBody`, when the page carries one. */
  articleBody: string | null;
}

const BY_PREFIX = /^(?:(?:analysis|written|story|text|words|reporting|posted|column|commentary|opinion|report|photos?)\s+)?(?:by|von|par|por|di)[:\s]+/i;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const ARTICLE_TYPES = /article|posting|report|blog|newsarticle|webpage|opinion|review|analysis|liveblog/i;

function clean(s: string | null | undefined): string | null {
  if (s == null) return null;
  let t = String(s);
  // Double-escaped markup ("&amp;mdash;" in the source) leaves entities after one decode.
  if (/&(?:#\d{2,6}|#x[0-9a-f]{2,5}|[a-z]{2,8});/i.test(t)) t = decodeHTML(t);
  t = t.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

/** Flatten JSON-LD (arrays, @graph) into objects. */
function ldObjects(raws: string[]): Record<string, Json>[] {
  const out: Record<string, Json>[] = [];
  for (const raw of raws) {
    let data: Json;
    try {
      data = JSON.parse(raw.trim().replace(/^<!--|-->$/g, '')) as Json;
    } catch {
      try { data = JSON.parse(raw.replace(/[\u0000-\u001f]+/g, ' ')) as Json; } catch { continue; }
    }
    const stack: Json[] = [data];
    let guard = 0;
    while (stack.length && guard++ < 10000) {
      const d = stack.pop();
      if (Array.isArray(d)) { for (let i = d.length - 1; i >= 0; i--) stack.push(d[i]); continue; }
      if (d && typeof d === 'object') {
        out.push(d);
        const g = d['@graph'];
        if (g) stack.push(g);
      }
    }
  }
  return out;
}

function typeOf(o: Record<string, Json>): string {
  const t = o['@type'];
  return Array.isArray(t) ? t.join(' ') : typeof t === 'string' ? t : '';
}

function str(v: Json | undefined): string | null {
  if (v == null) return null;
  if (typeof v === 'string') return clean(v);
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) { for (const x of v) { const s = str(x); if (s) return s; } return null; }
  if (typeof v === 'object') return str(v.name ?? v.url ?? v['@id'] ?? v.contentUrl ?? null);
  return null;
}

function names(v: Json | undefined): string[] {
  if (v == null) return [];
  if (typeof v === 'string') return clean(v) ? [clean(v)!] : [];
  if (Array.isArray(v)) return v.flatMap((x) => names(x));
  if (typeof v === 'object') { const n = str(v.name ?? null); return n ? [n] : []; }
  return [];
}

function isUrlish(s: string): boolean {
  return /^(?:https?:)?\/\//i.test(s) || /^www\./i.test(s);
}

function joinNames(list: string[]): string | null {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of list) {
    const t = n.replace(BY_PREFIX, '').trim();
    if (!t || isUrlish(t) || seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    out.push(t);
  }
  for (let i = out.length - 1; i >= 0; i--) {
    if (out.some((o, j) => j !== i && o.length < out[i].length && out[i].toLowerCase().startsWith(o.toLowerCase()))) out.splice(i, 1);
  }
  if (!out.length) return null;
  if (out.length === 1) return out[0];
  return out.slice(0, -1).join(', ') + ' and ' + out[out.length - 1];
}

/** Read page metadata: JSON-LD first, then Open Graph / meta tags, microdata, then the page itself. */
export function readMetadata(page: ParsedHtml, source: string): PageMeta {
  const meta = new Map<string, string>();
  for (const m of page.metas) {
    const key = (m.property || m.name || m.itemprop || m['http-equiv'] || '').toLowerCase().trim();
    const content = m.content ?? m.value;
    if (!key || content == null) continue;
    const c = content.trim();
    if (!c) continue;
    if (!meta.has(key)) meta.set(key, c);
    else if (key === 'author' || key === 'article:author' || key === 'sailthru.author') meta.set(key, meta.get(key) + '\u0000' + c);
  }
  const get = (...keys: string[]): string | null => {
    for (const k of keys) { const v = meta.get(k); if (v) return clean(v.split('\u0000')[0]); }
    return null;
  };

  const objs = ldObjects(page.jsonLd);
  const article = objs.find((o) => /NewsArticle|ReportageNews|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle/i.test(typeOf(o))) ??
    objs.find((o) => /Article|BlogPosting|LiveBlogPosting|Report/i.test(typeOf(o))) ??
    objs.find((o) => ARTICLE_TYPES.test(typeOf(o)) && (o.headline || o.datePublished));
  const org = objs.find((o) => /^(?:NewsMediaOrganization|Organization|WebSite)$/i.test(typeOf(o)));

  // Title
  const ogTitle = get('og:title', 'twitter:title', 'dc.title', 'sailthru.title', 'parsely-title', 'headline');
  const ldTitle = article ? str(article.headline ?? article.name ?? null) : null;
  const h1s = findAll(page.root, (n) => n.tag === 'h1').map((h) => textOf(h)).filter((t) => t.length > 3);
  const docTitle = clean(page.title);
  const siteName = get('og:site_name');
  let title = [ldTitle, ogTitle].find((t) => t && (!siteName || t.toLowerCase() !== siteName.toLowerCase())) ?? null;
  const siteLower = (get('og:site_name') ?? '').toLowerCase();
  const realH1s = h1s.filter((h) => h.toLowerCase() !== siteLower && !(docTitle && docTitle.toLowerCase().endsWith(h.toLowerCase()) && docTitle.length > h.length + 10));
  const h1Match = realH1s.filter((h) => docTitle && docTitle.includes(h)).sort((a, b) => b.length - a.length)[0] ?? (realH1s.length === 1 ? realH1s[0] : null);
  if (!title) title = h1Match ?? (docTitle ? stripSiteSuffix(docTitle) : null);
  if (title && h1Match && title !== h1Match && h1Match.length > 10 && title.includes(h1Match)) title = h1Match;
  if (title) title = stripSiteSuffix(title, get('og:site_name'));

  // Outlet
  let outlet = get('og:site_name', 'application-name', 'al:ios:app_name', 'twitter:app:name:iphone', 'publisher', 'dc.publisher', 'cre');
  if (!outlet && article) {
    const pub = article.publisher ?? article.sourceOrganization ?? null;
    outlet = str(pub as Json);
  }
  if (!outlet && org) outlet = str(org.name ?? null);
  if (!outlet && docTitle) {
    const m = /\s[|–—-]\s([^|–—-]{2,40})$/.exec(docTitle);
    if (m) outlet = clean(m[1]);
  }
  if (outlet && outlet.startsWith('@')) outlet = outlet.slice(1);
  if (outlet && isUrlish(outlet)) outlet = urlHost(outlet.startsWith('//') ? 'https:' + outlet : /^www\./i.test(outlet) ? 'https://' + outlet : outlet)?.replace(/^www\./, '') ?? outlet;

  // URL
  const canonicalLink = page.links.find((l) => /(?:^|\s)canonical(?:\s|$)/i.test(l.rel || ''))?.href ?? null;
  const ogUrl = get('og:url', 'twitter:url', 'parsely-link');
  const ldUrl = article ? str((article.url ?? article.mainEntityOfPage ?? null) as Json) : null;
  let url: string | null = null;
  for (const cand of [canonicalLink, ogUrl, ldUrl]) {
    if (!cand) continue;
    const base = /^https?:/i.test(source) ? source : undefined;
    const u = canonicalUrl(cand, base ?? ogUrl ?? undefined);
    if (u && /^https?:/i.test(u)) { url = u; break; }
  }
  if (!outlet && url) outlet = urlHost(url)?.replace(/^www\./, '') ?? null;

  // Dates
  const pubRaw = (article ? str(article.datePublished ?? article.dateCreated ?? null) : null) ??
    get('article:published_time', 'og:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'publish-date',
      'publish_date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'sailthru.date', 'parsely-pub-date', 'article.published',
      'article:published', 'og:article:published_time', 'cxenseparse:recs:publishtime', 'originalpublicationdate', 'dat',
      'displaydate', 'ptime', 'pdate', 'published_time', 'release_date', 'citation_publication_date', 'datecreated') ??
    timeElement(page.root, 'published');
  const modRaw = (article ? str(article.dateModified ?? null) : null) ??
    get('article:modified_time', 'og:updated_time', 'datemodified', 'last-modified', 'dcterms.modified', 'utime',
      'article.updated', 'lastmod', 'modified_time') ?? timeElement(page.root, 'modified');
  const published = pubRaw ? plausible(parseDate(pubRaw) ?? { iso: null, raw: pubRaw, timeZone: null }) ??
    plausibleFirst([get('article:published_time'), get('og:published_time'), get('date'), get('pubdate'), get('sailthru.date'),
      timeElement(page.root, 'published')]) : null;
  const modified = modRaw ? (parseDate(modRaw) ?? { iso: null, raw: modRaw, timeZone: null }) : null;

  // Byline
  let byline = article ? joinNames(names(article.author ?? article.creator ?? null)) : null;
  if (!byline) {
    const metaAuthors = [meta.get('author'), meta.get('article:author'), meta.get('sailthru.author'), meta.get('parsely-author'),
      meta.get('dc.creator'), meta.get('byl'), meta.get('byline'), meta.get('citation_author')]
      .filter((x): x is string => !!x).flatMap((x) => x.split('\u0000'));
    byline = joinNames(metaAuthors.filter((a) => !isUrlish(a)));
  }
  if (!byline) byline = bylineFromPage(page.root);
  if (byline) byline = cleanByline(byline, outlet);

  // Language
  let language = clean(page.htmlLang) ?? get('content-language', 'og:locale', 'language', 'dc.language') ??
    (article ? str(article.inLanguage ?? null) : null);
  if (language) language = language.replace('_', '-').split(/[,;\s]/)[0].toLowerCase() || null;

  const description = get('og:description', 'description', 'twitter:description', 'dc.description') ??
    (article ? str(article.description ?? null) : null);
  let image = get('og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src', 'thumbnail') ??
    (article ? str((article.image ?? article.thumbnailUrl ?? null) as Json) : null);
  if (image && url && !/^https?:/i.test(image)) image = safeResolve(image, url);
  const section = get('article:section', 'section', 'parsely-section', 'sailthru.section', 'article.section', 'category', 'og:section') ??
    (article ? str(article.articleSection ?? null) : null);
  const body = article ? article.articleBody : null;
  const articleBody = typeof body === 'string' && body.trim().length > 0 ? body : null;
  return { title, outlet, url, published, modified, byline, language, description, image, section, articleBody };
}

const ROLE = /\b(?:writer|editor|editors|staff|correspondent|reporter|reporters|media|news|press|times|post|contributor|columnist|analyst|desk|bureau|team|associated|reuters|afp|wire|at-large|chief|senior|special|for)\b/i;

/** "TOM KRISHER, AP Auto Writer" → "TOM KRISHER"; "Amy K | NJ Advance Media" → "Amy K"; "A and B USA TODAY" → "A and B". */
export function cleanByline(raw: string, outlet: string | null): string | null {
  let b = raw.replace(BY_PREFIX, '').split(/\s+[|•·]\s+/)[0].trim();
  const parts = b.split(/\s*,\s*/);
  const kept = [parts[0]];
  for (const p of parts.slice(1)) {
    const words = p.replace(/^and\s+/i, '').split(/\s+/);
    if (ROLE.test(p) || words.length < 2 || (outlet && p.toLowerCase() === outlet.toLowerCase())) break;
    kept.push(p);
  }
  b = kept.join(', ');
  // Trailing upper-case outlet glued to mixed-case names ("Kevin McCoy USA TODAY").
  const m = /^(.*\p{Ll}.*?)(?:\s+\p{Lu}{2,})+$/u.exec(b);
  if (m && m[1].split(/\s+/).length >= 2) b = m[1];
  b = b.replace(/\s+(?:and|&)$/i, '').trim();
  return b || null;
}

/** Dates before 1990 on a web page are placeholders ("1901-01-01"); ignore them. */
function plausible(d: DateValue | null): DateValue | null {
  if (!d) return null;
  if (d.iso && Number(d.iso.slice(0, 4)) < 1990) return null;
  return d;
}

function plausibleFirst(raws: (string | null)[]): DateValue | null {
  for (const r of raws) {
    if (!r) continue;
    const d = plausible(parseDate(r));
    if (d) return d;
  }
  return null;
}

function safeResolve(u: string, base: string): string | null {
  try { return new URL(u, base).href; } catch { return null; }
}

/** "Headline | Site" → "Headline" (also " - ", " — "). */
export function stripSiteSuffix(title: string, site?: string | null): string {
  let t = title;
  if (site) {
    for (const sep of [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ']) {
      if (t.endsWith(sep + site)) { t = t.slice(0, -(sep + site).length); break; }
      if (t.startsWith(site + sep)) { t = t.slice((site + sep).length); break; }
    }
  }
  const m = /^(.{15,}?)\s+(?:[|–—·]|::)\s+[^|–—·]{2,50}$/.exec(t);
  if (m) t = m[1];
  else {
    const d = /^(.{25,}?)\s+-\s+[^-]{2,35}$/.exec(t);
    if (d && !site) t = d[1];
  }
  return t.trim();
}

function timeElement(root: HNode, which: 'published' | 'modified'): string | null {
  let found: string | null = null;
  walk(root, (n) => {
    if (found) return false;
    if (n.tag === '#text') return false;
    const ip = (n.attrs.itemprop || '').toLowerCase();
    if (which === 'published' && ip === 'datepublished') { found = n.attrs.content || n.attrs.datetime || textOf(n); return false; }
    if (which === 'modified' && ip === 'datemodified') { found = n.attrs.content || n.attrs.datetime || textOf(n); return false; }
    if (n.tag === 'time' && n.attrs.datetime) {
      const c = (n.attrs.class || '') + ' ' + (n.parent?.attrs.class || '');
      const isMod = /updat|modif/i.test(c);
      if ((which === 'modified') === isMod || (which === 'published' && !isMod && n.attrs.pubdate !== undefined)) {
        found = n.attrs.datetime;
        return false;
      }
      if (which === 'published' && !isMod) { found = n.attrs.datetime; return false; }
    }
    return true;
  });
  return found ? clean(found) : null;
}

const BYLINE_CLASS = /(?:^|[\s_-])(?:byline|author|authors|article-author|byline__name|author-name|contributor|writer|by-author|story-byline)(?:$|[\s_-])/i;

function bylineFromPage(root: HNode): string | null {
  let found: string | null = null;
  walk(root, (n) => {
    if (found) return false;
    if (n.tag === '#text' || n.tag === 'form' || n.tag === 'label' || n.tag === 'footer' || n.tag === 'nav') return false;
    if (/comment|respond|reply/i.test((n.attrs.class || '') + ' ' + (n.attrs.id || ''))) return false;
    const rel = n.attrs.rel;
    const ip = n.attrs.itemprop;
    const cls = (n.attrs.class || '') + ' ' + (n.attrs.id || '');
    if (ip === 'author' || rel === 'author' || BYLINE_CLASS.test(cls)) {
      let t = textOf(n);
      if (ip === 'author' && n.attrs.content) t = n.attrs.content;
      t = t.replace(BY_PREFIX, '').replace(/\s*[|,]?\s*(?:updated|published|posted)\b.*$/i, '').trim();
      if (t.length >= 3 && t.length <= 100 && /\p{Lu}/u.test(t) && !/\d{4}|[*:]$|\(|\)/.test(t)) { found = t; return false; }
    }
    return true;
  });
  return found;
}
