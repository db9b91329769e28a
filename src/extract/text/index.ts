import type { Article, BlockKind, RawDocument } from '../../model.js';
import { TextBuilder, applyMeta, emptyArticle, finishArticle } from '../builder.js';
import type { ExtractOptions } from '../index.js';
import { ExtractError } from '../errors.js';
import { detectLanguage } from '../language.js';
import { defaultOutlets, type OutletEntry } from '../outlets.js';
import { analyzeLines, type LineInfo, type TextMeta } from './analyze.js';
import { CAPTION_LABEL_RE, captionCredit } from './captions.js';
import { cutSeg, makeSeg, splitLines, type Piece, type Seg } from './segments.js';

/**
 * Plain text → Article.
 *
 * Clean mode: page debris is removed (and recorded in `removed`), the title
 * becomes a `title` block, date/byline/dateline lines become metadata,
 * captions become `caption` blocks with their credit in `Caption.credit`,
 * paragraphs are blank-line or line separated (hard-wrapped text is joined).
 *
 * Removal reasons (`Article.removed[].reason`): page debris — `template`,
 * `view-counter`, `load-more`, `share`, `advertisement`, `newsletter`,
 * `follow`, `related`, `cookie`, `boilerplate`, `separator`, `gallery`, `url`,
 * `empty`; metadata taken out of the text — `duplicate-title`,
 * `title-suffix`, `title-section`, `section`, `date`, `byline`, `dateline`;
 * caption parts — `credit` (kept in `Caption.credit`), `caption-label`.
 *
 * Throws `ExtractError` (`NO_ARTICLE`) when the input has text but all of it
 * reads as page debris (the message counts what was removed).
 *
 * `opts.asIs`: `text` is the input verbatim, blocks are the blank-line
 * separated paragraphs at their input offsets; metadata is still detected.
 */
export function extractFromText(raw: RawDocument, opts: ExtractOptions & { outlets?: OutletEntry[] } = {}): Article {
  const asIs = !!opts.asIs;
  const input = raw.content;
  const article = emptyArticle(raw.source, 'text/plain', raw.encoding, asIs ? 'as-is' : 'text', asIs);
  const outlets = opts.outlets ?? defaultOutlets();
  const lines = splitLines(input);
  const { infos, meta } = analyzeLines(input, lines, outlets, !asIs);
  const b = new TextBuilder();
  if (asIs) buildAsIs(input, infos, b);
  else buildClean(input, infos, b);
  if (!asIs && !b.text && input.trim()) {
    const why = new Map<string, number>();
    for (const r of b.removed) why.set(r.reason, (why.get(r.reason) ?? 0) + 1);
    const list = [...why].map(([k, v]) => `${v} ${k}`).join(', ');
    throw new ExtractError(`${raw.source}: no article text: everything read as page debris (${list || 'nothing kept'}); use --as-is to keep the text verbatim`, 'NO_ARTICLE');
  }
  fillMeta(article, meta);
  const done = finishArticle(article, b);
  done.language = detectLanguage(bodySample(done));
  return done;
}

function fillMeta(a: Article, m: TextMeta): void {
  applyMeta(a, m);
  a.dateline = m.dateline;
}

function bodySample(a: Article): string {
  const parts: string[] = [];
  let n = 0;
  for (const bl of a.blocks) {
    if (bl.kind === 'caption') continue;
    parts.push(a.text.slice(bl.start, bl.end));
    n += bl.end - bl.start;
    if (n > 20000) break;
  }
  return parts.join('\n');
}

/** An embedded post as captured in text: "… — Jane Doe (@jdoe) January 25, 2024". */
const EMBED_RE = /[—–-]\s*[^()\n]{1,80}\(@\w{1,30}\)\s+(?:\p{L}+\.?\s\d{1,2},\s\d{4}|\d{1,2}\s\p{L}+\s\d{4})\s*$/u;

const LIST_RE = /^(?:[-–•*·▪►]\s+|\d{1,2}[.)]\s+)/;

/** Lines of one paragraph are joined when the text is hard-wrapped (a typical plain-text email/wire layout). */
function isHardWrapped(infos: LineInfo[]): boolean {
  const content = infos.filter((i) => i.role === 'content');
  if (content.length < 6) return false;
  const lens = content.map((i) => i.line.lineEnd - i.line.lineStart);
  if (lens.some((l) => l > 100)) return false;
  const long = lens.filter((l) => l >= 55).length;
  const continued = content.filter((i, k) => k + 1 < content.length && !content[k + 1].line.blankBefore).length;
  return long >= content.length * 0.5 && continued >= content.length * 0.4;
}

interface Para {
  infos: LineInfo[];
  seg: Seg;
  kind: BlockKind;
  /** Lines were joined (hard-wrapped text): `seg` is rebuilt from all lines once grouping is done. */
  joined?: boolean;
}

function buildClean(input: string, infos: LineInfo[], b: TextBuilder): void {
  const wrapped = isHardWrapped(infos);
  // record cuts and removed lines
  for (const i of infos) {
    for (const c of i.cuts) b.remove(c.s, c.e, c.reason, input.slice(c.s, c.e));
    if (i.role === 'removed' && i.reason !== 'merged-into-title') {
      for (const p of i.seg.pieces) b.remove(p.s, p.e, i.reason ?? 'boilerplate', input.slice(p.s, p.e));
    }
  }
  // paragraphs
  const paras: Para[] = [];
  let cur: Para | null = null;
  let prevContent: LineInfo | null = null;
  for (const i of infos) {
    if (i.role === 'removed') { cur = null; continue; }
    const kind: BlockKind = i.role === 'title' ? 'title' : LIST_RE.test(i.seg.text) ? 'list-item' : 'paragraph';
    const join = wrapped && cur && cur.kind === 'paragraph' && kind === 'paragraph' && !i.line.blankBefore &&
      prevContent && prevContent === cur.infos[cur.infos.length - 1];
    if (join && cur) {
      cur.infos.push(i);
      cur.joined = true;
    } else {
      cur = { infos: [i], seg: i.seg, kind };
      paras.push(cur);
      if (kind === 'title') cur = null;
    }
    prevContent = i;
  }
  for (const p of paras) if (p.joined) p.seg = makeSeg(input, p.infos.flatMap((i) => i.seg.pieces));
  // captions and headings
  const credits: (string | null)[] = paras.map(() => null);
  const drop: boolean[] = paras.map(() => false);
  const segs: Seg[] = paras.map((p) => p.seg);
  let pendingSource: string | null = null;
  for (let k = 0; k < paras.length; k++) {
    const p = paras[k];
    if (p.kind !== 'paragraph') continue;
    const label = CAPTION_LABEL_RE.exec(p.seg.text);
    if (label && label[0].length < p.seg.text.length) {
      // "Image caption, Zelensky in Kyiv" — labelled caption; its credit may sit in an "Image source, …" line above
      const { kept, cut } = cutSeg(input, p.seg, 0, label[0].length);
      for (const x of cut) b.remove(x.s, x.e, 'caption-label', input.slice(x.s, x.e));
      p.kind = 'caption';
      segs[k] = makeSeg(input, kept);
      const above = k > 0 && drop[k - 1] ? pendingSource : null;
      const own = captionCredit(segs[k].text);
      if (own && own.creditStart > 0) {
        const c2 = cutSeg(input, segs[k], own.creditStart, segs[k].text.length);
        for (const x of c2.cut) b.remove(x.s, x.e, 'credit', input.slice(x.s, x.e));
        segs[k] = makeSeg(input, c2.kept);
        credits[k] = own.credit;
      } else credits[k] = above;
      pendingSource = null;
      continue;
    }
    const c = captionCredit(p.seg.text);
    if (c) {
      if (c.creditStart === 0 && !c.strong) continue; // "AP", "Reuters" alone: a wire credit for the text, kept
      const { kept, cut } = cutSeg(input, p.seg, c.creditStart, p.seg.text.length);
      for (const x of cut) b.remove(x.s, x.e, 'credit', input.slice(x.s, x.e));
      if (kept.length) {
        p.kind = 'caption';
        segs[k] = makeSeg(input, kept);
        credits[k] = c.credit;
      } else {
        // a credit on its own line: it belongs to the short paragraph above, if any —
        // or, for "Image source, …" lines, to the "Image caption, …" line below
        drop[k] = true;
        const prev = k - 1;
        if (/^(?:Image|Media|Photo|Video) source,/i.test(p.seg.text) && paras[k + 1] && CAPTION_LABEL_RE.test(paras[k + 1].seg.text)) {
          pendingSource = c.credit;
        } else if (prev >= 0 && paras[prev].kind === 'paragraph' && !drop[prev] && segs[prev].text.length <= 400 && c.strong) {
          paras[prev].kind = 'caption';
          credits[prev] = c.credit;
        }
      }
      continue;
    }
    if (EMBED_RE.test(p.seg.text)) p.kind = 'blockquote';
    else if (isHeading(p.seg.text, paras[k + 1]?.seg.text)) p.kind = 'heading';
  }
  for (let k = 0; k < paras.length; k++) {
    if (drop[k]) continue;
    appendSeg(input, b, segs[k]);
    b.endBlock(paras[k].kind, credits[k]);
  }
}

function isHeading(t: string, next: string | undefined): boolean {
  if (!next || t.length > 90 || t.length < 3) return false;
  if (/[.!?…,;:"”’'»)]$/.test(t) || /^["“«‘'(]/.test(t)) return false;
  const w = (t.match(/\S+/g) ?? []).length;
  if (w > 12) return false;
  return next.length >= 2 * t.length && /^\p{Lu}/u.test(t);
}

function appendSeg(input: string, b: TextBuilder, seg: Seg): void {
  seg.pieces.forEach((p: Piece, k: number) => {
    if (k > 0) b.append(' ');
    b.append(input.slice(p.s, p.e), p.s, p.e);
  });
}

/** `--as-is`: the text is the input itself; blocks are blank-line separated paragraphs (or lines, see below). */
function buildAsIs(input: string, infos: LineInfo[], b: TextBuilder): void {
  b.append(input, 0, input.length);
  let group: LineInfo[] = [];
  const flush = () => {
    if (!group.length) return;
    const first = group[0].line;
    const last = group[group.length - 1].line;
    const start = first.pieces[0].s;
    const end = last.pieces[last.pieces.length - 1].e;
    let kind: BlockKind = group.length === 1 && group[0].role === 'title' ? 'title' : 'paragraph';
    let blockEnd = end;
    let credit: string | null = null;
    if (kind === 'paragraph') {
      const c = captionCredit(input.slice(start, end).replace(/[\r\n]/g, ' '));
      if (c && c.creditStart > 0) {
        kind = 'caption';
        credit = c.credit;
        blockEnd = start + c.creditStart;
        while (blockEnd > start && /\s/.test(input[blockEnd - 1])) blockEnd--;
      }
    }
    b.blocks.push({ start, end: blockEnd, kind });
    if (kind === 'caption') b.captions.push({ start, end: blockEnd, credit });
    group = [];
  };
  // a text whose paragraphs are mostly set apart by single line breaks (scraped text, a liveblog) has a paragraph per
  // line, unless it is hard-wrapped (as when the text is cleaned); lines of a text that mostly uses blank lines stay
  // together (a pull quote and its "The document reads" on the next line)
  const singles = infos.filter((i, k) => k > 0 && !i.line.blankBefore).length;
  const joined = isHardWrapped(infos) || singles <= infos.length - 1 - singles;
  for (const i of infos) {
    if (i.line.blankBefore || !joined) flush();
    group.push(i);
  }
  flush();
}

