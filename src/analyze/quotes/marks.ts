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

/**
 * A doubled ASCII mark at `i`: two apostrophes ('' … '', the New York Times' plain-text convention) or two
 * backticks (`` opening, TeX style). Exactly two: a longer run is left alone.
 */
function asciiPair(text: string, i: number, from: number, to: number): boolean {
  const ch = text[i];
  if ((ch !== "'" && ch !== '`') || i + 1 >= to || text[i + 1] !== ch) return false;
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
      else if (!leftOpen && rightClosed && ch === "'") marks.push({ pos: i + 1, ch: '"', role: 'close' });
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
  const out: Segment[] = [];
  const marks = scanMarks(text, start, end);
  if (marks.length === 0) return pairSingle(text, start, end, block);
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

/** Where the quoted text starts after the opening mark at `open` (two characters for '' and ``). */
export function quoteStart(text: string, open: number): number {
  const ch = text[open];
  return (ch === "'" || ch === '`') && text[open + 1] === ch ? open + 2 : open + 1;
}

/** Where the quoted text ends before the closing mark at `close` (its first character for ''). */
export function quoteEnd(text: string, close: number): number {
  return text[close] === "'" && text[close - 1] === "'" ? close - 1 : close;
}

/**
 * British-style single quotes (‘…’) in a block without double marks. An opening
 * ‘ follows a space or the block start; a closing ’ follows a non-space and is
 * not followed by a letter (so apostrophes in "don’t" never close a quote).
 * Unclosed single quotes are dropped (too often a stray apostrophe).
 */
function pairSingle(text: string, start: number, end: number, block: number): Segment[] {
  const out: Segment[] = [];
  let open = -1;
  for (let i = text.indexOf('\u2018', start); i >= 0 && i < end; ) {
    if (open < 0) {
      const before = i > start ? text[i - 1] : undefined;
      if (isSpaceLike(before) && i + 1 < end && !/\s/.test(text[i + 1])) open = i;
      i = text.indexOf('\u2018', i + 1);
      if (open >= 0) {
        // find the closing ’ for this opening
        const closes = (k: number) => !/\s/.test(text[k - 1]) && !/[\p{L}\p{N}]/u.test(text[k + 1] ?? '');
        // "the students’ demands": a plural possessive, not a closing mark — unless nothing better follows
        const possessive = (k: number) => text[k - 1] === 's' && /^\s+\p{Ll}/u.test(text.slice(k + 1, k + 4));
        let k = text.indexOf('\u2019', open + 1);
        let fallback = -1;
        while (k >= 0 && k < end && (!closes(k) || possessive(k))) {
          if (fallback < 0 && closes(k)) fallback = k;
          k = text.indexOf('\u2019', k + 1);
        }
        if (k < 0 || k >= end) k = fallback;
        if (k < 0) return out;
        out.push(seg(text, open, k, block, false));
        open = -1;
        i = text.indexOf('\u2018', k + 1);
      }
    }
  }
  return out;
}
