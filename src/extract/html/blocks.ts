import type { BlockKind } from '../../model.js';
import type { TextBuilder } from '../builder.js';
import { textOf, walk, type HNode } from './dom.js';
import { isFurniture, linkDensity, stats } from './content.js';
import { BLOCK_TAGS, classWeight } from './hints.js';

/** A piece of inline text with its place in the input. */
interface Piece {
  text: string;
  start: number;
  end: number;
  link: boolean;
  credit: boolean;
}

/** A normalised run of block text; `start < 0` when synthesized. */
interface Segment {
  text: string;
  start: number;
  end: number;
  link: boolean;
  credit: boolean;
}

export interface EmitOptions {
  /** Title of the page, to drop a repeated title line. */
  title: string | null;
  /** The article's byline, to drop the author's bio box. */
  byline?: string | null;
  /** Elements removed before emission (by the caller's cleaning). */
  skip?: Set<HNode>;
}

const CAPTION_CLASS = /(?:^|[\s_-])(?:caption|captions|figcaption|wp-caption-text|image-caption|media-caption|photo-caption|img-caption)(?:$|[\s_-])/i;
const CREDIT_CLASS = /(?:^|[\s_-])(?:credit|credits|copyright|photographer|attribution|image-source|photo-credit|source)(?:$|[\s_-])/i;
const BOILERPLATE = /^(?:newsletters?|advert|adverts|advertisement|tell us what you think\W*|what do you think\W*|leave a (?:comment|reply)\W*|join the (?:conversation|discussion)\W*|advertisements?\s*[-–—:]?\s*(?:scroll|continue).*|ad|sponsored( content)?|read more\b.*|related( articles?| stories| coverage| content)?:?.*|see also:?.*|more:.*|share( this)?( article| story| on \w+)?:?|follow (us|me)\b.*|sign up\b.*|subscribe\b.*|click here\b.*|continue reading\b.*|story continues( below)?.*|scroll (down )?to continue.*|watch:.*|listen to this article.*|(?:©|copyright\b).*(?:\d{4}|rights reserved).*|all rights reserved.*|iklan|anzeige|werbung|publicidad|publicité|pubblicità|reklama|реклама|advertentie|annonse|mainos|this article (was|has been) (updated|amended).*|loading\.*|image|photo|video|getty images|supported by|skip advertisement|recommended( stories| for you)?:?|trending( now)?:?|most (read|popular):?|previous|next|comments?|\d+ comments?|print|email|facebook|twitter|whatsapp|linkedin|copy link|text size|font size|tags?:?|topics:?|categories:?|keywords:?|filed under:?.*|posted in:?.*|listen|save|save article|gift( this)? article|share (full )?article)$/i;
const BYLINE = /^(?:by|von|par|por|di)\s+\p{Lu}[\p{L}.'’-]+(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|,|de|van|von|der|la|le))*(?:\s*[,|–—-]\s*.{0,60})?$/u;
const MONTH = /\b(?:janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|enero|febrero|marzo|mayo|junio|julio|septiembre|octubre|noviembre|diciembre|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;
const CAPTION_CREDIT_TAIL = /\s*(?:\((?:(?:photo|image|picture|foto|credit|photograph)s?\s*(?:by|:|credit:?)\s*)[^()]{1,80}\)|(?:(?:photo|image|picture|foto|credit|photograph)s?\s*(?:by|:|credit:?)|©)\s*[^.]{1,80}|\s[\p{Lu}][^.()]{0,60}\/(?:[\p{Lu}][\w .]*))\s*$/iu;

const MONTH_WORD = new RegExp('^(?:' + MONTH.source.replace(/^\\b\(\?:/, '').replace(/\)\\b$/, '') + ')$', 'i');
const WEEKDAY_WORD = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?$|^(?:segunda|terça|quarta|quinta|sexta)(?:-feira|feira)?$|^(?:feira|sábado|domingo|lunes|martes|miércoles|jueves|viernes|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)$/;
const DATE_WORD = new Set(['updated', 'published', 'posted', 'last', 'modified', 'created', 'on', 'at', 'de', 'às', 'as', 'a', 'las', 'le', 'à',
  'um', 'am', 'pm', 'a.m', 'p.m', 'p', 'm', 'et', 'est', 'edt', 'pt', 'pst', 'pdt', 'ct', 'cst', 'cdt', 'gmt', 'utc', 'bst', 'cet', 'cest', 'ist', 'uhr', 'the', 'of',
  'h', 'hs', 'min', 'ago', 'hour', 'hours', 'minute', 'minutes', 'day', 'days', 'publicado', 'atualizado', 'actualizado', 'publié', 'mis', 'jour',
  'aktualisiert', 'veröffentlicht', 'em', 'el', 'del', 'do', 'da', 'und', 'et', 'y', 'e', 'and', 'time', 'date', 'original', 'first']);

/** A short line that is only a date/time stamp ("Updated Nov. 19, 2019 5:02 p.m. ET", "13/03/2023 às 10h32"). */
export function isDateLine(s: string): boolean {
  if (s.length > 80 || !/\d/.test(s)) return false;
  const tokens = s.toLowerCase().split(/[\s,.;:|/()\[\]–—-]+/).filter(Boolean);
  let dateish = false;
  for (const t of tokens) {
    if (/^\d+$/.test(t)) continue;
    if (/^\d{1,2}(?:h\d{0,2}|am|pm|st|nd|rd|th|º|er|e)$/.test(t)) { dateish = true; continue; }
    if (MONTH_WORD.test(t)) { dateish = true; continue; }
    if (WEEKDAY_WORD.test(t) || DATE_WORD.has(t)) continue;
    return false;
  }
  return dateish || /\d{1,4}[-./]\d{1,2}[-./]\d{1,4}|\d{1,2}:\d{2}/.test(s);
}

function kindFor(n: HNode, inherited: BlockKind): BlockKind {
  switch (n.tag) {
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': return 'heading';
    case 'li': case 'dd': case 'dt': return inherited === 'caption' ? 'caption' : 'list-item';
    case 'blockquote': return 'blockquote';
    case 'figcaption': return 'caption';
  }
  const c = n.attrs.class;
  if (c && CAPTION_CLASS.test(c)) return 'caption';
  return inherited;
}

/** Embedded posts (tweets, Instagram) are quoted content, not furniture. */
const EMBED = /embed|tweet|instagram-media|tiktok-embed/i;

/** A line naming where the story came from ("Provided by ESA", "Source: Reuters") is provenance, kept even when linked. */
const SOURCE_LINE = /^(?:provided by|source:|sources:|via|courtesy of|originally published (?:by|in|at|on))\s/i;

/** Newsletter / subscription / script-required prompts. */
const PROMO = /\b(?:sign up|subscribe|register)\b.{0,120}\b(?:newsletter|inbox|e-?mail|for free|free daily)\b|\bclick here\b|\b(?:requires|enable) javascript\b|\bjavascript (?:is )?(?:required|disabled)\b/i;
/** A post's byline/category/tag line ("05/10/2018 - Publicado por: X - Categoria: Saúde - Tags: …"). */
const META_LINE = /\b(?:posted|published|publicado|publicada|publié|veröffentlicht|written|escrito|scritto) (?:by|por|par|von|da)\b|\b(?:categor(?:y|ies|ia|ías?|ie)|tags?|filed under|schlagwörter|etiquetas)\s*:/i;

/** Unrendered CMS shortcodes ("[button link=…]Send us…[/button]"). */
const SHORTCODE = /^\[[a-z_-]+\b[^\]]*\].*\[\/[a-z_-]+\]$/i;

const META_PROPS = /^(?:datePublished|dateModified|dateCreated|author|creator|publisher|headline|name)$/i;

/** Is this element dropped inside the chosen container? (readability-style conditional cleaning) */
function dropInside(n: HNode, container: HNode): string | null {
  if (n === container) return null;
  if (isFurniture(n)) return 'template';
  if (n.tag === 'header') return 'header';
  const ip = n.attrs.itemprop;
  if (ip && META_PROPS.test(ip) && stats(n).chars < 200) return 'metadata';
  if (n.tag === 'time' && stats(n).chars < 80) return 'metadata';
  const st = stats(n);
  const tag = n.tag;
  if (tag === 'span' || tag === 'font' || tag === 'em' || tag === 'strong' || tag === 'b' || tag === 'i') {
    // Inline wrappers: only a hidden cluster of several links (hover cards, "more by" lists) goes.
    return st.chars > 80 && linkDensity(n) > 0.5 && countLinks(n) >= 2 ? 'links' : null;
  }
  if (tag === 'div' || tag === 'section' || tag === 'ul' || tag === 'ol' || tag === 'table' || tag === 'aside') {
    const w = classWeight(n);
    const ld = linkDensity(n);
    if (w < 0 && st.paras < 3 && !EMBED.test(n.attrs.class || '')) return 'boilerplate';
    if (ld > 0.5 && st.chars < 2000) return 'links';
    if ((tag === 'ul' || tag === 'ol') && ld > 0.35) {
      let items = 0;
      for (const c of n.children) if (c.tag === 'li') items++;
      if ((st.chars - st.linkChars) / Math.max(1, items) < 40) return 'links';
    }
    if (ld > 0.25 && w < 25 && st.paras === 0 && st.chars < 400) return 'links';
  }
  return null;
}

/**
 * Walk the container and append its blocks to the builder. Block kinds follow
 * the markup (headings, list items, block quotes, captions with their credits).
 */
export function emitBlocks(container: HNode, builder: TextBuilder, opts: EmitOptions): void {
  const kinds: BlockKind[] = ['paragraph'];
  const kindOwners: HNode[] = [container];
  let pieces: Piece[] = [];
  let linkDepth = 0;
  let creditDepth = 0;
  let blockIndex = 0;
  const titleKey = opts.title ? normKey(opts.title) : '';
  const authors = (opts.byline ?? '').split(/\s*(?:,|\band\b|&)\s*/).map((a) => a.trim()).filter((a) => a.split(/\s+/).length >= 2);

  const flush = () => {
    if (!pieces.length) return;
    const kind = kinds[kinds.length - 1];
    const segs = normalise(pieces);
    pieces = [];
    if (!segs.length) return;
    let credit: string | null = null;
    let body = segs.filter((s) => !s.credit || kind !== 'caption');
    if (kind === 'caption') {
      const creditText = segs.filter((s) => s.credit).map((s) => s.text).join('').trim();
      if (creditText) credit = creditText;
      body = trimSegments(body);
      const text = body.map((s) => s.text).join('');
      const m = CAPTION_CREDIT_TAIL.exec(text);
      if (m && m.index > 10) {
        credit = (credit ? credit + ' ' : '') + m[0].trim();
        body = cutTail(body, text.length - m.index);
      }
    }
    body = trimSegments(body);
    const text = body.map((s) => s.text).join('');
    if (!text) return;
    const first = body.find((s) => s.start >= 0);
    const last = [...body].reverse().find((s) => s.start >= 0);
    const inStart = first ? first.start : container.start;
    const inEnd = last ? last.end : container.start;
    const reason = rejectBlock(text, body, kind, titleKey, blockIndex) ?? (isAuthorBio(text, authors) ? 'author-bio' : null);
    if (reason) {
      builder.remove(inStart, inEnd, reason, text);
      return;
    }
    for (const s of body) {
      if (s.start >= 0) builder.append(s.text, s.start, s.end);
      else builder.append(s.text);
    }
    builder.endBlock(kind, credit);
    blockIndex++;
  };

  // A short heading right before a dropped block ("More Great Stories" + link list) goes with it.
  const skip = new Set(opts.skip ?? []);
  walk(container, (n) => {
    if (n.tag === '#text') return false;
    if (skip.has(n)) return false;
    const why = dropInside(n, container);
    if (!why) return true;
    const prev = previousElement(n);
    if (prev && !skip.has(prev) && isLeadIn(prev)) skip.add(prev);
    return false;
  });

  walk(container, (n) => {
    if (n.tag === '#text') {
      pieces.push({ text: n.text, start: n.start, end: n.end, link: linkDepth > 0, credit: creditDepth > 0 });
      return;
    }
    if (n.tag === 'br') { if (kinds[kinds.length - 1] !== 'heading') flush(); return; }
    if (n.tag === 'img' || n.tag === 'hr') return;
    const why = skip.has(n) ? 'template' : dropInside(n, container);
    if (why) {
      if (n.children.length) {
        const t = textOf(n);
        if (t) builder.remove(n.start, n.end, why, t.length > 500 ? t.slice(0, 500) + '…' : t);
      }
      return false;
    }
    const isBlock = BLOCK_TAGS.has(n.tag);
    if (isBlock) flush();
    const k = kindFor(n, kinds[kinds.length - 1]);
    if (k !== kinds[kinds.length - 1] || isBlock) { kinds.push(k); kindOwners.push(n); }
    if (n.tag === 'a') linkDepth++;
    const c = n.attrs.class;
    if (c && CREDIT_CLASS.test(c)) creditDepth++;
    return true;
  }, (n) => leave(n));

  function leave(n: HNode): void {
    if (n.tag === '#text' || n.tag === 'br' || n.tag === 'img' || n.tag === 'hr') return;
    if (kindOwners[kindOwners.length - 1] === n) {
      flush();
      kinds.pop();
      kindOwners.pop();
    } else if (BLOCK_TAGS.has(n.tag)) flush();
    if (n.tag === 'a') linkDepth--;
    const c = n.attrs.class;
    if (c && CREDIT_CLASS.test(c)) creditDepth--;
  }
  flush();
}

function countLinks(n: HNode): number {
  let k = 0;
  walk(n, (c) => { if (c.tag === 'a') k++; return c.tag !== '#text'; });
  return k;
}

function previousElement(n: HNode): HNode | null {
  const sibs = n.parent?.children;
  if (!sibs) return null;
  for (let i = sibs.indexOf(n) - 1; i >= 0; i--) {
    const s = sibs[i];
    if (s.tag === '#text') { if (s.text.trim()) return null; continue; }
    if (s.tag === 'hr' || s.tag === 'br') continue;
    return s;
  }
  return null;
}

/** A short title-like element (heading, or short text without sentence punctuation). */
function isLeadIn(n: HNode): boolean {
  const st = stats(n);
  if (st.chars === 0 || st.chars > 60) return false;
  if (/^h[1-6]$/.test(n.tag)) return true;
  const t = textOf(n);
  return !/[.!?:"”]$/.test(t) && (n.tag === 'div' || n.tag === 'p' || n.tag === 'strong' || n.tag === 'span');
}

/** "Meg James is a corporate media reporter for …" — the author box under a story. */
function isAuthorBio(text: string, authors: string[]): boolean {
  if (!authors.length || text.length > 500) return false;
  return authors.some((a) => text.includes(a)) &&
    /\b(?:is an?|was an?|writes|covers|has covered|joined)\b[^.]{0,120}\b(?:reporter|writer|correspondent|editor|journalist|columnist|contributor|blog|column|covering|staff)\b/i.test(text);
}

function normKey(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function rejectBlock(text: string, segs: Segment[], kind: BlockKind, titleKey: string, index: number): string | null {
  const len = text.length;
  if (len < 140 && BOILERPLATE.test(text)) return 'boilerplate';
  if (len < 300 && PROMO.test(text)) return 'promo';
  // (Sentences such as "… first published by Bloomberg." are provenance, not meta lines.)
  if (len < 200 && META_LINE.test(text) && !/[.!?]["”’)]?$/.test(text)) return 'metadata';
  if (SHORTCODE.test(text)) return 'shortcode';
  if (kind !== 'caption') {
    let link = 0;
    for (const s of segs) if (s.link) link += s.text.length;
    if (link / len > (kind === 'list-item' ? 0.85 : 0.6) && !/^(?:https?:\/\/|www\.)\S+$/.test(text) && !SOURCE_LINE.test(text)) return 'links';
  }
  if (titleKey && (kind === 'heading' || index < 3) && len < 400 && normKey(text) === titleKey) return 'duplicate-title';
  if (len < 100 && BYLINE.test(text)) return 'byline';
  // A lone parenthesised credit under a photo ("(Reed Saxon / Associated Press)"); story credits
  // ("(Reporting by …; Editing by …)") are provenance and stay.
  if (len < 80 && /^\((?!(?:additional )?reporting\b|writing\b|editing\b|compiled\b|with\b|via\b|source\b)[^()]{2,70}\)$/i.test(text)) return 'credit';
  if (isDateLine(text)) return 'date';
  return null;
}

const WS = /\s/;

/** Collapse whitespace across inline pieces, keeping input offsets where text is verbatim. */
function normalise(pieces: Piece[]): Segment[] {
  const out: Segment[] = [];
  let prevSpace = true; // at block start, leading whitespace is dropped
  for (const p of pieces) {
    const verbatim = p.text.length === p.end - p.start;
    if (!verbatim) {
      let t = p.text.replace(/[\s\u00a0]+/g, ' ');
      if (prevSpace && t.startsWith(' ')) t = t.slice(1);
      if (!t) continue;
      out.push({ text: t, start: p.start, end: p.end, link: p.link, credit: p.credit });
      prevSpace = t.endsWith(' ');
      continue;
    }
    const s = p.text;
    let segStart = -1;
    let i = 0;
    while (i < s.length) {
      const ch = s[i];
      if (WS.test(ch)) {
        let j = i + 1;
        while (j < s.length && WS.test(s[j])) j++;
        const single = j === i + 1 && ch === ' ';
        if (single && !prevSpace) {
          if (segStart < 0) segStart = i;
          prevSpace = true;
        } else {
          if (segStart >= 0) {
            out.push({ text: s.slice(segStart, i), start: p.start + segStart, end: p.start + i, link: p.link, credit: p.credit });
            segStart = -1;
          }
          if (!prevSpace) {
            out.push({ text: ' ', start: -1, end: -1, link: p.link, credit: p.credit });
            prevSpace = true;
          }
        }
        i = j;
        continue;
      }
      if (segStart < 0) segStart = i;
      prevSpace = false;
      i++;
    }
    if (segStart >= 0) out.push({ text: s.slice(segStart), start: p.start + segStart, end: p.end, link: p.link, credit: p.credit });
  }
  return out;
}

/** Drop leading/trailing whitespace from a segment list. */
function trimSegments(segs: Segment[]): Segment[] {
  const out = segs.slice();
  while (out.length) {
    const f = out[0];
    const t = f.text.replace(/^\s+/, '');
    if (!t) { out.shift(); continue; }
    if (t !== f.text) out[0] = { ...f, text: t, start: f.start >= 0 ? f.end - t.length : -1 };
    if (f.start >= 0 && f.text.length !== f.end - f.start && t !== f.text) out[0] = { ...f, text: t };
    break;
  }
  while (out.length) {
    const l = out[out.length - 1];
    const t = l.text.replace(/\s+$/, '');
    if (!t) { out.pop(); continue; }
    if (t !== l.text) {
      const verbatim = l.start >= 0 && l.text.length === l.end - l.start;
      out[out.length - 1] = { ...l, text: t, end: verbatim ? l.start + t.length : l.end };
    }
    break;
  }
  return out;
}

/** Remove the last `n` characters from a segment list. */
function cutTail(segs: Segment[], n: number): Segment[] {
  const out = segs.slice();
  while (n > 0 && out.length) {
    const l = out[out.length - 1];
    if (l.text.length <= n) { n -= l.text.length; out.pop(); continue; }
    const t = l.text.slice(0, l.text.length - n);
    const verbatim = l.start >= 0 && l.text.length === l.end - l.start;
    out[out.length - 1] = { ...l, text: t, end: verbatim ? l.start + t.length : l.end };
    n = 0;
  }
  return out;
}
