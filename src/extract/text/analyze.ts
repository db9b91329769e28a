/**
 * Line-level reading of a plain-text capture: which lines are debris, which
 * carry metadata (title, date, byline, dateline/outlet), which are content.
 * Shared by the cleaning extractor and `--as-is` (which only takes metadata).
 */
import type { DateValue } from '../../model.js';
import type { ArticleMeta } from '../builder.js';
import { canonicalUrl, findUrls } from '../url.js';
import { parseDate } from '../dates.js';
import { outletFromDomain, outletFromName, type OutletEntry } from '../outlets.js';
import { captionCredit } from './captions.js';
import { inlineDebris, lineDebris } from './debris.js';
import {
  parseByline, parseBylineIn, parseDateLine, parseDatelineOutlet, parseWireDateline, titleCaseRatio, titleOutletSuffix,
} from './header.js';
import { cutSeg, makeSeg, type Line, type Piece, type Seg } from './segments.js';

export type LineRole = 'content' | 'title' | 'removed';

export interface LineInfo {
  line: Line;
  /** The line after inline debris is cut. */
  seg: Seg;
  role: LineRole;
  /** Why it was removed (role 'removed'), e.g. `share`, `date`, `byline`, `duplicate-title`. */
  reason: string | null;
  /** Inline cuts: input ranges with reasons. */
  cuts: { s: number; e: number; reason: string }[];
}

export interface TextMeta extends ArticleMeta {
  dateline: string | null;
}

const TERMINAL = /[.!?…]["”’»)]?$/;

function norm(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[‘’]/g, "'").replace(/[“”«»]/g, '"').replace(/(?:\.\.\.|…)$/, '').replace(/\s+/g, ' ').trim();
}

function words(s: string): number {
  return (s.match(/\S+/g) ?? []).length;
}

/** A line that reads as running body text (not a headline or a label). */
function bodyLike(t: string): boolean {
  return t.length >= 200 || (words(t) >= 12 && TERMINAL.test(t));
}

/** A short label line: one to three words, or a "A › B" breadcrumb, no sentence punctuation. */
function isSectionLabel(t: string): boolean {
  if (t.length > 40 || /[.!?,;:"“”]/.test(t)) return false;
  if (/[›>»]/.test(t)) return t.split(/\s*[›>»]\s*/).every((p) => p && words(p) <= 3);
  if (/\d/.test(t) || !/^\p{Lu}/u.test(t)) return false;
  return words(t) === 1 || (words(t) <= 3 && !/\p{Ll}/u.test(t));
}

function bodyLikeStrict(t: string): boolean {
  return t.length >= 200 || words(t) >= 35;
}

/** Read every line; fill metadata. `clean` enables inline cuts (off for `--as-is`). */
export function analyzeLines(input: string, lines: Line[], outlets: OutletEntry[], clean: boolean): { infos: LineInfo[]; meta: TextMeta } {
  const meta: TextMeta = { title: null, outlet: null, url: null, published: null, modified: null, byline: null, dateline: null, section: null };
  const infos: LineInfo[] = [];

  // 1. inline debris and whole-line debris
  for (const line of lines) {
    const cuts: LineInfo['cuts'] = [];
    let seg: Seg = line;
    if (clean) {
      const hits = inlineDebris(line.text);
      if (hits.length) {
        let kept: Piece[] = [];
        let at = 0;
        const base = line.pieces[0].s;
        for (const h of hits) {
          if (h.start > at) kept.push({ s: base + at, e: base + h.start });
          cuts.push({ s: base + h.start, e: base + h.end, reason: h.reason });
          at = h.end;
        }
        if (at < line.text.length) kept.push({ s: base + at, e: base + line.text.length });
        kept = kept.map((p) => trimSep(input, p)).filter((p): p is Piece => p !== null);
        seg = makeSeg(input, kept);
      }
    }
    const info: LineInfo = { line, seg, role: 'content', reason: null, cuts };
    if (!seg.text.trim()) {
      info.role = 'removed';
      info.reason = cuts[cuts.length - 1]?.reason ?? 'empty';
    } else {
      const why = lineDebris(seg.text);
      if (why) { info.role = 'removed'; info.reason = why; }
    }
    infos.push(info);
  }

  // URLs on their own lines are the page's own links (share buttons, canonical links)
  const urlLines = infos.filter((i) => i.reason === 'url');

  // 2. header zone: up to the first line that reads as body text
  let firstBody = infos.findIndex((i) => i.role === 'content' && bodyLike(i.seg.text));
  if (firstBody < 0) firstBody = infos.length;
  const headerEnd = Math.min(firstBody, 15);

  for (let k = 0; k < infos.length; k++) {
    const info = infos[k];
    if (info.role !== 'content') continue;
    const t = info.seg.text;
    const inHeader = k < headerEnd;
    if (t.length > 160) continue;
    const dl = parseDatelineOutlet(t, outlets);
    if (dl && inHeader) {
      info.role = 'removed'; info.reason = 'dateline';
      if (dl.place && !meta.dateline) meta.dateline = dl.place;
      if (dl.outletName && !meta.outlet) meta.outlet = dl.outletName;
      if (dl.date && !meta.published) meta.published = dl.date;
      continue;
    }
    const labelled = /^(?:published|posted|updated|last updated|first published|опубліковано|оновлено|опубликовано|обновлено)(?![\p{L}])/iu.test(t);
    const date = inHeader || labelled ? parseDateLine(t) : null;
    if (date) {
      info.role = 'removed'; info.reason = 'date';
      if (date.published && !meta.published) meta.published = date.published;
      if (date.modified && !meta.modified) meta.modified = date.modified;
      continue;
    }
    if (inHeader) {
      const isFirst = infos.findIndex((i) => i.role === 'content' || i.role === 'title') === k;
      const byIn = isFirst ? null : parseBylineIn(t);
      if (byIn) {
        info.role = 'removed'; info.reason = 'byline';
        if (!meta.byline) meta.byline = byIn.byline;
        if (!meta.dateline) meta.dateline = byIn.place;
        continue;
      }
      const by = parseByline(t, outlets);
      if (by) {
        info.role = 'removed'; info.reason = 'byline';
        if (!meta.byline) meta.byline = by;
        continue;
      }
      // "By Jane Doe Published January 25, 2024, 7:00 PM ET" (byline and date line glued by the capture)
      const glued = /^(By\s.{2,80}?)\s*(?:[|•·,–—-]\s*)?((?:Published|Posted|Updated)\b.*)$/i.exec(t);
      if (glued) {
        const b = parseByline(glued[1], outlets);
        const d = parseDateLine(glued[2]);
        if (b && d) {
          info.role = 'removed'; info.reason = 'byline';
          if (!meta.byline) meta.byline = b;
          if (d.published && !meta.published) meta.published = d.published;
          if (d.modified && !meta.modified) meta.modified = d.modified;
          continue;
        }
      }
      // "By Jane Doe | January 25, 2024" / "Jane Doe • 25.01.2024"
      const parts = t.split(/\s+[|•·]\s+/);
      if (parts.length === 2) {
        const b = parseByline(parts[0], outlets);
        const d = parseDateLine(parts[1]);
        if (b && d) {
          info.role = 'removed'; info.reason = 'byline';
          if (!meta.byline) meta.byline = b;
          if (d.published && !meta.published) meta.published = d.published;
          continue;
        }
      }
    }
  }

  // URL and outlet from the page's own URL lines
  let chosen: string | null = null;
  for (const i of urlLines) {
    for (const u of findUrls(i.seg.text)) {
      if (!u.url) continue;
      const o = outletFromDomain(u.url, outlets);
      const pathDepth = new URL(u.url).pathname.split('/').filter(Boolean).length;
      if (meta.outlet && o && o.name === meta.outlet) { chosen = u.url; break; }
      if (!chosen && pathDepth >= 1) chosen = u.url;
    }
    if (chosen && meta.outlet && outletFromDomain(chosen, outlets)?.name === meta.outlet) break;
  }
  if (chosen) {
    meta.url = canonicalUrl(chosen);
    if (!meta.outlet) meta.outlet = outletFromDomain(chosen, outlets)?.name ?? null;
  }
  // a role line right under a byline ("Eastern Europe correspondent"), a time-only "Updated 6:12 p.m. ET"
  for (let k = 1; k < Math.min(infos.length, headerEnd + 3); k++) {
    const info = infos[k];
    if (info.role !== 'content') continue;
    const t = info.seg.text;
    if (infos[k - 1].reason === 'byline' && !info.line.blankBefore && t.length <= 80 && !TERMINAL.test(t) &&
        /\b(?:correspondent|reporter|editor|writer|columnist|contributor|staff|bureau|analyst|journalist|producer|кореспондент|корреспондент)\b/i.test(t)) {
      info.role = 'removed'; info.reason = 'byline';
      continue;
    }
    const tm = /^(?:updated|published|posted|last updated)\s*:?\s*(\d{1,2}(?:[:.]\d{2})?\s?(?:[ap]\.?\s?m\.?)?(?:\s+[A-Z]{1,5})?)$/i.exec(t);
    if (tm) {
      info.role = 'removed'; info.reason = 'date';
      const day = meta.published?.iso?.length === 10 ? meta.published.raw : null;
      const v = day ? parseDate(`${day} ${tm[1]}`) : null;
      if (v && /^updated|^last/i.test(t) && !meta.modified) meta.modified = { ...v, raw: t };
    }
  }
  // after a "Related" / "More on this story" header, the short link lines that follow are part of the promo
  for (let k = 0; k + 1 < infos.length; k++) {
    if (infos[k].reason !== 'related' || !/^[^:]{0,40}:?\s*$/.test(infos[k].seg.text)) continue;
    for (let j = k + 1; j < Math.min(infos.length, k + 9); j++) {
      const n = infos[j];
      if (n.role === 'removed') { if (n.reason === 'related') continue; break; }
      if (n.seg.text.length > 100 || TERMINAL.test(n.seg.text) || bodyLike(n.seg.text)) break;
      n.role = 'removed'; n.reason = 'related';
    }
  }

  // 3. title: the first content line, when it reads as a headline
  const content = () => infos.filter((i) => i.role === 'content');
  let c = content();
  if (c.length >= 2 && c[0].line.index < headerEnd + 1) {
    const [a, b] = c;
    const na = norm(a.seg.text);
    const nb = norm(b.seg.text);
    if (a.seg.text.length <= 300 && b.seg.text.length <= 300 && na.length >= 10) {
      if (na === nb) { b.role = 'removed'; b.reason = 'duplicate-title'; }
      // a truncated copy above the full headline; never a headline that merely opens the first paragraph
      else if (nb.startsWith(na) && !bodyLike(b.seg.text) && !TERMINAL.test(b.seg.text)) { a.role = 'removed'; a.reason = 'duplicate-title'; }
      else if (na.startsWith(nb) && nb.length >= 10 && !bodyLike(a.seg.text) && !TERMINAL.test(a.seg.text)) { b.role = 'removed'; b.reason = 'duplicate-title'; }
    }
  }
  c = content();
  // a section label above the headline ("Politics", "WORLD NEWS", "Europe › Ukraine")
  if (c.length >= 3 && c[0].line.index < headerEnd && isSectionLabel(c[0].seg.text) && c[1].seg.text.length <= 250 &&
      !TERMINAL.test(c[1].seg.text) && (c[1].seg.text.match(/\S+/g) ?? []).length >= 3) {
    c[0].role = 'removed';
    c[0].reason = 'section';
    meta.section = c[0].seg.text.replace(/\s*[›>»/|]\s*/g, ' › ');
    c = content();
  }
  if (c.length >= 2) {
    const first = c[0];
    const next = c[1];
    const t = first.seg.text;
    const dupRemoved = infos.some((i) => i.reason === 'duplicate-title');
    const suffix = t.length <= 300 ? titleOutletSuffix(t, outlets, meta.outlet) : null;
    const followedByMeta = infos.slice(first.line.index + 1, next.line.index).some((i) => ['date', 'byline', 'dateline'].includes(i.reason ?? ''));
    const wireNext = parseWireDateline(next.seg.text) !== null;
    const excluded = parseWireDateline(t) !== null || captionCredit(t)?.strong === true;
    const headline = !excluded && t.length <= 250 && words(t) <= 40 && !/^["“«]/.test(t) && first.line.index < headerEnd + 1 && (
      dupRemoved || suffix !== null || followedByMeta || wireNext ||
      (!TERMINAL.test(t) && !/[,;:]$/.test(t) && words(t) >= 2 && next.seg.text.length >= Math.min(80, 1.2 * t.length)) ||
      (titleCaseRatio(t) >= 0.7 && words(t) >= 3) ||
      (/[;:]$/.test(t) && !next.line.blankBefore && !bodyLikeStrict(next.seg.text) && t.length <= 150) ||
      (/^[^\p{Ll}]{3,60}$/u.test(next.seg.text) && /\p{Lu}{3}/u.test(next.seg.text) && t.length <= 200) ||
      (words(t) <= 20 && next.line.blankBefore && next.seg.text.length >= 2 * t.length && !/\b(?:said|says|told)\b/.test(t))
    );
    if (headline) {
      first.role = 'title';
      if (/[;:]$/.test(t) && !next.line.blankBefore && t.length + next.seg.text.length <= 300 && !bodyLikeStrict(next.seg.text)) {
        // "Headline; " + "deck line." — one title over two lines (news database exports)
        first.seg = makeSeg(input, [...first.seg.pieces, ...next.seg.pieces]);
        next.role = 'removed';
        next.reason = 'merged-into-title';
      }
      if (suffix) {
        const { kept, cut } = cutSeg(input, first.seg, suffix.start, t.length);
        first.cuts.push(...cut.map((p) => ({ ...p, reason: 'title-suffix' })));
        first.seg = makeSeg(input, kept);
        if (!meta.outlet) meta.outlet = suffix.outlet;
        // "Headline | Section | Outlet": the section label before the outlet
        const sec = /\s+\|\s+([^|]{2,30})$/.exec(first.seg.text);
        if (sec && words(sec[1]) <= 3 && first.seg.text.length - sec[0].length >= 15) {
          const c2 = cutSeg(input, first.seg, sec.index, first.seg.text.length);
          first.cuts.push(...c2.cut.map((p) => ({ ...p, reason: 'title-section' })));
          first.seg = makeSeg(input, c2.kept);
          if (!meta.section) meta.section = sec[1].trim();
        }
      }
      meta.title = first.seg.text;
    }
  }

  // 4. wire dateline opening the first body paragraph (kept in the text: "(Reuters)" is a citation)
  const firstPara = infos.find((i) => i.role === 'content');
  if (firstPara) {
    const w = parseWireDateline(firstPara.seg.text);
    if (w && w.place && !meta.dateline) meta.dateline = w.place;
  }

  if (!meta.byline) {
    for (let k = infos.length - 1; k >= Math.max(0, infos.length - 8); k--) {
      const f = /^(?:Reporting|Reported|Writing|Written) by ([\p{Lu}][^;\n]{1,100}?)(?:;|\.?$)/u.exec(infos[k].seg.text);
      if (f && infos[k].role === 'content') { meta.byline = f[1].replace(/\s+in\s+[\p{Lu}][\p{L}]+$/u, '').trim(); break; }
    }
  }
  // no date line: a date in the page's own URL path (".../2024/01/25/slug") is the next best, date only
  if (!meta.published && meta.url) {
    const m = /\/((?:19|20)\d\d)[/-]([01]\d)[/-]([0-3]\d)(?=\/|$)/.exec(new URL(meta.url).pathname);
    if (m) {
      const v = parseDate(`${m[1]}-${m[2]}-${m[3]}`);
      if (v) meta.published = { iso: v.iso, raw: m[0].slice(1), timeZone: null };
    }
  }
  if (meta.outlet) meta.outlet = outletFromName(meta.outlet, outlets)?.name ?? meta.outlet;
  return { infos, meta };
}

/** Trim whitespace and leftover bullets/pipes at a piece's edges. */
function trimSep(input: string, p: Piece): Piece | null {
  let { s, e } = p;
  while (s < e && /[\s\u200b•·|]/.test(input[s])) s++;
  while (e > s && /[\s\u200b•·|]/.test(input[e - 1])) e--;
  return s < e ? { s, e } : null;
}
