/**
 * Lines and segments of a plain-text input, with input offsets.
 *
 * A `Seg` is a run of kept input pieces read as one string: pieces are joined
 * by a single space (a line's inline debris cut out, or a hard-wrapped
 * paragraph's lines). `seg.text` is what goes into the clean text; every
 * piece maps back to the input verbatim.
 */

export interface Piece {
  /** Input offsets `[s, e)`. */
  s: number;
  e: number;
}

export interface Seg {
  pieces: Piece[];
  /** Pieces' text joined by ' '. */
  text: string;
}

export interface Line extends Seg {
  /** Raw line bounds in the input (without the line break). */
  lineStart: number;
  lineEnd: number;
  /** True when one or more blank lines precede this line (or it is the first). */
  blankBefore: boolean;
  /** Index among non-blank lines. */
  index: number;
}

/** Whitespace to trim at piece edges: JS \s (covers NBSP, BOM) plus zero-width characters. */
const EDGE_WS = /[\s\u200b\u200c\u200d\u2060]/;

export function isWs(ch: string | undefined): boolean {
  return ch !== undefined && EDGE_WS.test(ch);
}

/** Trim whitespace from both ends of `[s, e)`; null when nothing is left. */
export function trimPiece(input: string, s: number, e: number): Piece | null {
  while (s < e && isWs(input[s])) s++;
  while (e > s && isWs(input[e - 1])) e--;
  return s < e ? { s, e } : null;
}

export function makeSeg(input: string, pieces: Piece[]): Seg {
  return { pieces, text: pieces.map((p) => input.slice(p.s, p.e)).join(' ') };
}

/** Non-blank lines of the input with their bounds. Handles \n, \r\n and \r. Linear. */
export function splitLines(input: string): Line[] {
  const out: Line[] = [];
  const re = /[^\r\n]*(?:\r\n|\n|\r|$)/g;
  let blank = true;
  let m: RegExpExecArray | null;
  while ((m = re.exec(input))) {
    if (m[0] === '') break;
    const lineStart = m.index;
    let lineEnd = lineStart + m[0].length;
    while (lineEnd > lineStart && (input[lineEnd - 1] === '\n' || input[lineEnd - 1] === '\r')) lineEnd--;
    const p = trimPiece(input, lineStart, lineEnd);
    if (!p) { blank = true; continue; }
    out.push({ pieces: [p], text: input.slice(p.s, p.e), lineStart, lineEnd, blankBefore: blank, index: out.length });
    blank = false;
  }
  return out;
}

/**
 * Cut `[cs, ce)` — offsets into `seg.text` — out of a segment, returning the
 * kept segment and the cut input ranges. Pieces are re-trimmed.
 */
export function cutSeg(input: string, seg: Seg, cs: number, ce: number): { kept: Piece[]; cut: Piece[] } {
  const kept: Piece[] = [];
  const cut: Piece[] = [];
  let t = 0;
  for (let i = 0; i < seg.pieces.length; i++) {
    const p = seg.pieces[i];
    const len = p.e - p.s;
    const ts = t;
    const te = t + len;
    const a = Math.max(cs, ts);
    const b = Math.min(ce, te);
    if (a >= b) {
      kept.push(p);
    } else {
      if (a > ts) { const k = trimPiece(input, p.s, p.s + (a - ts)); if (k) kept.push(k); }
      cut.push({ s: p.s + (a - ts), e: p.s + (b - ts) });
      if (b < te) { const k = trimPiece(input, p.s + (b - ts), p.e); if (k) kept.push(k); }
    }
    t = te + 1; // the joining space
  }
  return { kept, cut };
}

/** Input offset of a `seg.text` offset (a joining space maps to the end of the piece before it). */
export function segToInput(seg: Seg, offset: number): number {
  let t = 0;
  for (const p of seg.pieces) {
    const len = p.e - p.s;
    if (offset <= t + len) return p.s + Math.max(0, offset - t);
    t += len + 1;
  }
  const last = seg.pieces[seg.pieces.length - 1];
  return last ? last.e : 0;
}

/** Split a segment at `seg.text` offset `at` into [before, after] (both re-trimmed). */
export function splitSeg(input: string, seg: Seg, at: number): [Seg, Seg] {
  const before = cutSeg(input, seg, at, seg.text.length + 1).kept;
  const after = cutSeg(input, seg, 0, at).kept;
  return [makeSeg(input, before), makeSeg(input, after)];
}
