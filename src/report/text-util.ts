/** Helpers shared by the report renderers: label lookups and safe, width-aware plain text. */
import type { Article, Finding, Report } from '../model.js';

/**
 * Remove what a terminal would interpret from untrusted text: C0/C1 control
 * characters (ESC sequences included), bidi overrides and isolates; collapse
 * runs of white space to one space.
 */
export function sanitizeLine(s: string): string {
  return s
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Display width in terminal columns, approximated per code point (wide East Asian and emoji count 2). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0)!);
  return w;
}

function charWidth(cp: number): number {
  if (cp === 0) return 0;
  if (cp >= 0x300 && cp <= 0x36f) return 0; // combining marks
  if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd)) return 2;
  return 1;
}

/** Cut `s` to at most `width` columns, ending with "…" when cut. */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = charWidth(ch.codePointAt(0)!);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}

/** Word-wrap `s` into lines of at most `width` columns (long words are cut). */
export function wrap(s: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of s.split(' ')) {
    if (!word) continue;
    const candidate = line ? `${line} ${word}` : word;
    if (displayWidth(candidate) <= width) { line = candidate; continue; }
    if (line) lines.push(line);
    line = displayWidth(word) <= width ? word : truncate(word, width);
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** The outlet name of an article, or a fallback from its source path. */
/** An article's title; an untitled one (plain text without a headline) is shown by its opening words, in quotes. */
export function displayTitle(a: Article, max = 80): string {
  if (a.title) return a.title;
  const first = sanitizeLine(a.text.slice(0, 400).trimStart().split('\n')[0] ?? '');
  if (!first) return outletName(a);
  return `“${first.length > max ? first.slice(0, max - 1).trimEnd() + '…' : first}”`;
}

export function outletName(a: Article): string {
  if (a.outlet) return a.outlet;
  if (a.url) {
    try { return new URL(a.url).hostname.replace(/^www\./, ''); } catch { /* fall through */ }
  }
  const base = a.source.split(/[\\/]/).pop() ?? a.source;
  return base || a.id;
}

/** `YYYY-MM-DD` of an ISO time, or null. */
export function isoDay(iso: string | null): string | null {
  return iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : null;
}

export const SEVERITY_ORDER: Finding['severity'][] = ['high', 'medium', 'low'];

/** Findings most important first (severity, then report order). */
export function rankedFindings(report: Report): Finding[] {
  return report.findings
    .map((f, i) => ({ f, i }))
    .sort((x, y) => SEVERITY_ORDER.indexOf(x.f.severity) - SEVERITY_ORDER.indexOf(y.f.severity) || x.i - y.i)
    .map((x) => x.f);
}

/** Readable label for a finding kind ("quote-drift" → "Quote drift"). */
export function kindLabel(kind: string): string {
  const s = kind.replace(/-/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Label of a provenance node id. */
export function nodeLabel(report: Report, id: string): string {
  return report.provenance.nodes.find((n) => n.id === id)?.label ?? id;
}

/**
 * The `n` findings to show first: by severity, and within a severity taking
 * kinds in turn (so five quote drifts do not crowd out a dropped hedge).
 */
export function topFindings(report: Report, n: number): Finding[] {
  const out: Finding[] = [];
  for (const sev of SEVERITY_ORDER) {
    const queues = new Map<string, Finding[]>();
    for (const f of report.findings) {
      if (f.severity !== sev) continue;
      const q = queues.get(f.kind) ?? [];
      q.push(f);
      queues.set(f.kind, q);
    }
    let any = true;
    while (any && out.length < n) {
      any = false;
      for (const q of queues.values()) {
        const f = q.shift();
        if (f) { out.push(f); any = true; if (out.length >= n) break; }
      }
    }
  }
  return out;
}
