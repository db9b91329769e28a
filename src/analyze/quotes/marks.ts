/**
 * Quote-mark scanning and pairing. Linear in the text length: every mark is
 * looked at once, pairing keeps O(1) state per block, so 10,000 marks in one
 * paragraph cost 10,000 steps.
 */

export type MarkRole = 'open' | 'close' | 'either';

export interface Mark {
  /** Offset of the mark in the scanned string. */
  pos: number;
  ch: string;
  role: MarkRole;
}

/** Double quote marks we pair. Single marks (‘ ’ ') are left alone: they double as apostrophes. */
const DOUBLE_MARKS = new Set(['"', '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033', '\uFF02']);
const OPEN_GLYPHS = new Set(['\u201C', '\u201E', '\u201F', '\u00AB']);
const CLOSE_GLYPHS = new Set(['\u201D', '\u00BB']);

export function isQuoteMark(ch: string): boolean {
  return DOUBLE_MARKS.has(ch);
}

function isSpaceLike(ch: string | undefined): boolean {
  return ch === undefined || /[\s([{\u2014\u2013\-\/]/.test(ch);
}

function isRightFlankEnd(ch: string | undefined): boolean {
  return ch === undefined || /[\s.,;:!?)\]}\u2014\u2013\-\u2026]/.test(ch);
}

/** Marks that, doubled, stand for a double quotation mark. */
const DOUBLABLE = new Set(["'", '`', '\u2018', '\u2019']);

/**
 * A doubled mark at `i`: two apostrophes ('' … '', the New York Times' plain-text convention), two
 * backticks (`` opening, TeX style) or two curly single marks (‘‘ … ’’, as some wire copy closes a quote:
 * “It was an attempt to mislead voters,’’ Will Moy said). Exactly two: a longer run is left alone.
 */
function asciiPair(text: string, i: number, from: number, to: number): boolean {
  const ch = text[i];
  if (!DOUBLABLE.has(ch) || i + 1 >= to || text[i + 1] !== ch) return false;
  return (i === from || text[i - 1] !== ch) && (i + 2 >= to || text[i + 2] !== ch);
}

/**
 * Every double quote mark in `text[from, to)` with its likely role (open/close) from its neighbours. A doubled
 * ASCII mark ('' or ``) counts as one: an opening one stands at its first character, a closing one at its
 * second, so that the text before the opening mark and after the closing mark is what follows the quote
 * (`quoteStart` / `quoteEnd` give the quoted text's bounds).
 */
export function scanMarks(text: string, from = 0, to = text.length): Mark[] {
  const marks: Mark[] = [];
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (asciiPair(text, i, from, to)) {
      const before = i > from ? text[i - 1] : undefined;
      const after = i + 2 < to ? text[i + 2] : undefined;
      const leftOpen = isSpaceLike(before) || (before !== undefined && DOUBLE_MARKS.has(before));
      const rightClosed = isRightFlankEnd(after) || (after !== undefined && DOUBLE_MARKS.has(after));
      if (leftOpen && !rightClosed) marks.push({ pos: i, ch: '"', role: 'open' });
      else if (!leftOpen && rightClosed && (ch === "'" || ch === '\u2019')) marks.push({ pos: i + 1, ch: '"', role: 'close' });
      i++;
      continue;
    }
    if (!DOUBLE_MARKS.has(ch)) continue;
    const before = i > from ? text[i - 1] : undefined;
    const after = i + 1 < to ? text[i + 1] : undefined;
    const leftOpen = isSpaceLike(before) || (before !== undefined && DOUBLE_MARKS.has(before));
    const rightClosed = isRightFlankEnd(after) || (after !== undefined && DOUBLE_MARKS.has(after));
    let role: MarkRole;
    if (leftOpen && !rightClosed) role = 'open';
    else if (!leftOpen && rightClosed) role = 'close';
    else if (OPEN_GLYPHS.has(ch)) role = 'open';
    else if (CLOSE_GLYPHS.has(ch)) role = 'close';
    else role = 'either';
    marks.push({ pos: i, ch, role });
  }
  return marks;
}

/** A quoted stretch inside one block. `start/end` exclude the marks. */
export interface Segment {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or -1 when the segment runs to the end of the block unclosed. */
  close: number;
  start: number;
  end: number;
  /** Index of the block. */
  block: number;
  /** True when inner marks were unbalanced (nested/broken). */
  broken: boolean;
}

/** Does text (after a closing mark) begin with a reporting cue such as `, Hill told` or `, she said`? */
const CUE_AFTER = /^[\s,\u2014\u2013-]*(?:[\p{L}\p{N}.'’-]+\s+){0,10}?(?:said|says|say|told|tells|added|adds|noted|notes|wrote|writes|explained|insisted|warned|argued|continued|stated|claimed|asked|replied|declared|stressed|according)\b/u;

/**
 * Pair the marks of one block `[start, end)` into segments. Nested marks are
 * tolerated (depth counter); when a block ends with the quote still open but
 * a closing mark followed by a reporting cue was seen, the quote is closed there
 * (a broken inner mark: “It brings benefits [Russia] “so that …,” Hill told).
 */
export function pairBlock(text: string, start: number, end: number, block: number): Segment[] {
  const marks = scanMarks(text, start, end);
  // script left in the text ("mboxCreate('FoxNews-Politics');", "kmn_size = '300x250';") quotes nothing
  const code = looksLikeScript(text.slice(start, end));
  if (marks.length === 0) return code ? [] : pairSingle(text, start, end, block);
  const doubles = pairDoubles(text, start, end, block, marks);
  // British nesting, single marks outside and double inside ('They called it "a disaster",' she said):
  // when every double-quoted stretch lies inside a single-quoted one, the single ones are the quotes
  if (code || !/['\u2018]/.test(text.slice(start, end))) return doubles;
  const singles = pairSingle(text, start, end, block);
  const inside = (d: Segment): boolean => singles.some((s) => s.open < d.open && (s.close < 0 || (d.close >= 0 && d.close < s.close)));
  return singles.length > 0 && doubles.every(inside) ? singles : doubles;
}

/**
 * A block of script: a call or an assignment with a single-quoted string literal ("mboxCreate('Fox-Videos');",
 * "kmn_size = '300x250';"), an HTML comment, a function. Its single marks quote nothing.
 */
export function looksLikeScript(block: string): boolean {
  return /<!--|\bfunction\s*\(|[\w$]\(\s*'[^'\s]*'|[\w\]]\s*=\s*'[^'\s]*'|';\s*(?:\/\/|$)/m.test(block);
}

/** Pair the double marks of one block (see `pairBlock`). */
function pairDoubles(text: string, start: number, end: number, block: number, marks: Mark[]): Segment[] {
  const out: Segment[] = [];
  let open = -1;
  let depth = 0;
  let broken = false;
  let cueClose = -1;
  for (const m of marks) {
    if (open < 0) {
      if (m.role === 'close') continue; // stray closing mark
      open = m.pos;
      depth = 1;
      broken = false;
      cueClose = -1;
      continue;
    }
    if (m.role === 'open') {
      depth++;
      broken = true;
      continue;
    }
    // close or either
    depth--;
    if (depth <= 0) {
      out.push(seg(text, open, m.pos, block, broken));
      open = -1;
      depth = 0;
    } else if (cueClose < 0 && CUE_AFTER.test(text.slice(m.pos + 1, Math.min(end, m.pos + 160)))) {
      cueClose = m.pos;
    }
  }
  if (open >= 0) {
    if (cueClose >= 0) {
      out.push(seg(text, open, cueClose, block, true));
      // anything opened after cueClose is lost to the depth counter; rescan the tail once
      const tail = pairTail(text, cueClose + 1, end, block);
      out.push(...tail);
    } else {
      let e = end;
      while (e > open + 1 && /\s/.test(text[e - 1])) e--;
      out.push({ open, close: -1, start: quoteStart(text, open), end: Math.max(e, quoteStart(text, open)), block, broken });
    }
  }
  return out;
}

/** Pair the rest of a block flatly (no nesting), used after a broken quote was closed at its cue. */
function pairTail(text: string, start: number, end: number, block: number): Segment[] {
  const out: Segment[] = [];
  let open = -1;
  for (const m of scanMarks(text, start, end)) {
    if (open < 0) {
      if (m.role !== 'close') open = m.pos;
    } else if (m.role !== 'open') {
      out.push(seg(text, open, m.pos, block, false));
      open = -1;
    } else {
      open = m.pos;
    }
  }
  if (open >= 0) {
    let e = end;
    while (e > open + 1 && /\s/.test(text[e - 1])) e--;
    out.push({ open, close: -1, start: quoteStart(text, open), end: Math.max(e, quoteStart(text, open)), block, broken: false });
  }
  return out;
}

function seg(text: string, open: number, close: number, block: number, broken: boolean): Segment {
  return { open, close, start: quoteStart(text, open), end: quoteEnd(text, close), block, broken };
}

/** Where the quoted text starts after the opening mark at `open` (two characters for '', `` and ‘‘). */
export function quoteStart(text: string, open: number): number {
  const ch = text[open];
  return (ch === "'" || ch === '`' || ch === '\u2018') && text[open + 1] === ch ? open + 2 : open + 1;
}

/** Where the quoted text ends before the closing mark at `close` (its first character for '' and ’’). */
export function quoteEnd(text: string, close: number): number {
  return (text[close] === "'" || text[close] === '\u2019') && text[close - 1] === text[close] ? close - 1 : close;
}

/**
 * Elisions an apostrophe opens: 'tis, 'twas, 'em, 'til, 'cause, 'bout, 'round, 'n', decades and years
 * ('90s, '16) — also after a ‘, which word processors put there as often as the right ’.
 */
const ELISION = /^(?:\d0s|\d\d(?![\p{N}.,%])|(?:tis|twas|em|til|cause|bout|round|n)(?![\p{L}\p{N}]))/iu;

/** A ' beside another, or a ‘ or ’ beside its like: part of '', ‘‘ or ’’ (the double marks scanMarks reads), not a single mark. */
function doubled(text: string, i: number): boolean {
  const ch = text[i];
  return text[i - 1] === ch || text[i + 1] === ch;
}

/**
 * A single mark at `i` that can open a quote: ‘ or ' after a space, the block start or an opening
 * bracket (‘ also after a dash), before a non-space, not opening an elision.
 */
function opensSingle(text: string, i: number, start: number, end: number): boolean {
  const ch = text[i];
  if ((ch !== '\u2018' && ch !== "'") || doubled(text, i)) return false;
  const before = i > start ? text[i - 1] : undefined;
  // (a straight mark after a dash reads as closing: "'I was going to say—' she began")
  if (!(ch === '\u2018' ? isSpaceLike(before) : before === undefined || /[\s([{/]/.test(before)) || i + 1 >= end || /\s/.test(text[i + 1])) return false;
  return !ELISION.test(text.slice(i + 1, i + 7));
}

/**
 * A single mark at `k` that can close a quote: ’ or ' after neither a space nor an opening bracket, and not before a letter or digit
 * ("don’t" never closes), nor the end of "rock 'n' roll".
 */
function closesSingle(text: string, k: number): boolean {
  const ch = text[k];
  if ((ch !== '\u2019' && ch !== "'") || doubled(text, k) || /[\s([{]/.test(text[k - 1]) || /[\p{L}\p{N}]/u.test(text[k + 1] ?? '')) return false;
  return !(text[k - 1] === 'n' && /['\u2018\u2019]/.test(text[k - 2]) && /\s/.test(text[k - 3] ?? ' '));
}

/** "the students’ demands", "six months' time": a plural possessive, not a closing mark (unless nothing better follows). */
function possessive(text: string, k: number, open: number): boolean {
  if (text[k - 1] !== 's' || !/^\s+\p{Ll}/u.test(text.slice(k + 1, k + 4))) return false;
  // … but a short quoted title closes there: "starred in 'Neighbors' earlier this year"
  return !(k - open <= 40 && TITLE.test(text.slice(open + 1, k)));
}

/** One to four capitalised words: a title ("Neighbors", "The Interview"). */
const TITLE = /^\p{Lu}[\p{L}\p{N}'’-]*(?:\s+(?:\p{Lu}[\p{L}\p{N}'’-]*|of|the|and|a|in|on|to)){0,3}$/u;

/** Nothing but space before `i` in the block, or a colon ("He said: '…"). */
function leadsQuote(text: string, start: number, i: number): boolean {
  let k = i - 1;
  while (k >= start && /\s/.test(text[k])) k--;
  return k < start || text[k] === ':';
}

/**
 * British-style single quotes (‘…’ or straight '…') in a block without double marks. An opening mark
 * follows a space, the block start or an opening bracket or dash (a straight one: not an elision such as
 * 'em or '90s); a closing one follows a non-space and is not followed by a letter or digit, so the
 * apostrophes of "don’t" or "Labour's" never close a quote. An unclosed quote is kept only when it
 * opens its paragraph or follows a colon ("He said: 'Scorpions are …", continued in the next
 * paragraph); elsewhere an unpaired mark is too often a stray apostrophe. Linear in the block length.
 */
function pairSingle(text: string, start: number, end: number, block: number): Segment[] {
  const out: Segment[] = [];
  let i = start;
  let plainCloseLeft = true;
  while (i < end) {
    let open = -1;
    for (let j = i; j < end; j++) {
      if (opensSingle(text, j, start, end)) {
        open = j;
        break;
      }
    }
    if (open < 0) break;
    let close = -1;
    let fallback = -1;
    for (let k = open + 1; k < end; k++) {
      if (!closesSingle(text, k)) continue;
      if (plainCloseLeft && possessive(text, k, open)) {
        if (fallback < 0) fallback = k;
        continue;
      }
      close = k;
      break;
    }
    if (close < 0) {
      // the scan reached the block's end: from here on the first closing mark is the only choice
      // (so a run of possessives costs one scan, not one per quote)
      plainCloseLeft = false;
      close = fallback;
    }
    if (close < 0) {
      // no closing mark after `open`, so none after any later opening either: the first opening that
      // starts the paragraph or follows a colon runs to the block's end
      for (let j = open; j < end; j++) {
        if (!opensSingle(text, j, start, end) || !leadsQuote(text, start, j)) continue;
        let e = end;
        while (e > j + 1 && /\s/.test(text[e - 1])) e--;
        out.push({ open: j, close: -1, start: j + 1, end: Math.max(e, j + 1), block, broken: false });
        break;
      }
      break;
    }
    out.push(seg(text, open, close, block, false));
    i = close + 1;
  }
  return out;
}
