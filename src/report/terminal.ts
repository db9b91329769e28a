import type { Report } from '../model.js';
import {
  displayTitle, displayWidth, isoDay, kindLabel, nodeLabel, outletName, sanitizeLine, topFindings, truncate, wrap,
} from './text-util.js';

export interface TerminalOptions {
  /** ANSI colours (default false). */
  color?: boolean;
  /** Line width in columns (default 80; clamped to 40–120). */
  width?: number;
  /** How many findings to show (default 8). */
  maxFindings?: number;
}

const ANSI = { bold: '1', dim: '2', red: '31', yellow: '33', cyan: '36', green: '32', magenta: '35' } as const;
type Style = keyof typeof ANSI;

/**
 * A plain-text summary of a story report: counts, the articles, the most
 * important findings with their evidence, and the provenance edges. Every
 * line fits in `width` columns; untrusted text is stripped of control and
 * bidi characters so it cannot drive the terminal.
 */
export function renderTerminal(report: Report, opts: TerminalOptions = {}): string {
  const width = Math.max(40, Math.min(120, Math.floor(opts.width ?? 80)));
  const paint = (s: string, ...styles: Style[]): string =>
    opts.color && styles.length ? `\u001b[${styles.map((k) => ANSI[k]).join(';')}m${s}\u001b[0m` : s;
  const out: string[] = [];
  const byId = new Map(report.articles.map((a) => [a.id, a]));
  const outletOf = (id: string): string => { const a = byId.get(id); return a ? sanitizeLine(outletName(a)) : id; };

  // Title and counts
  const first = report.articles[0];
  const title = sanitizeLine(first?.title ?? 'Story report');
  out.push(paint(truncate(`retold: ${title}`, width), 'bold'));
  const sev = (s: string): number => report.findings.filter((f) => f.severity === s).length;
  const counts = [
    `${report.articles.length} article${report.articles.length === 1 ? '' : 's'}`,
    `${report.quotes.length} quotes`, `${report.speakers.length} speakers`, `${report.citations.length} citations`,
    `${report.quoteVariants.length} quote variants`,
    `${report.findings.length} findings (${sev('high')} high, ${sev('medium')} medium, ${sev('low')} low)`,
  ];
  let line = '';
  for (const c of counts) {
    const next = line ? `${line} · ${c}` : c;
    if (line && displayWidth(next) > width) { out.push(line); line = c; } else line = next;
  }
  out.push(line);

  // Articles
  out.push('', paint('Articles', 'bold'));
  const n = report.articles.length;
  const shown = report.articles.slice(0, n > 12 ? 10 : 12);
  const outletW = Math.min(22, Math.max(6, ...shown.map((a) => displayWidth(sanitizeLine(outletName(a))))));
  shown.forEach((a, i) => {
    const num = `${String(i + 1).padStart(String(n).length)}.`;
    const day = isoDay(a.publishedAt) ?? 'undated   ';
    const outlet = pad(truncate(sanitizeLine(outletName(a)), outletW), outletW);
    const head = `  ${num} ${day}  ${outlet}  `;
    const rest = width - displayWidth(head);
    out.push(head + (rest > 8 ? truncate(sanitizeLine(displayTitle(a)), rest) : ''));
  });
  if (n > shown.length) out.push(`  … and ${n - shown.length} more (see the HTML report)`);

  // Findings
  const max = opts.maxFindings ?? 8;
  const top = topFindings(report, max);
  out.push('', paint(top.length ? 'Most important findings' : 'Findings: none', 'bold'));
  for (const f of top) {
    const tag = f.severity === 'high' ? paint('HIGH', 'bold', 'red') : f.severity === 'medium' ? paint('MED ', 'yellow') : paint('LOW ', 'dim');
    let lines = wrap(`${kindLabel(f.kind)}: ${sanitizeLine(f.explanation)}`, width - 8);
    if (lines.length > 3) lines = [...lines.slice(0, 2), truncate(lines.slice(2).join(' '), width - 8)];
    out.push(`  ${tag}  ${lines[0]}`);
    for (const l of lines.slice(1)) out.push(`        ${l}`);
    for (const ev of f.evidence.slice(0, 2)) {
      const who = truncate(outletOf(ev.articleId), 18);
      const prefix = `        ${who}: `;
      const quote = `“${sanitizeLine(ev.text)}”`;
      out.push(prefix + paint(truncate(quote, width - displayWidth(prefix)), 'dim'));
    }
  }
  if (report.findings.length > top.length) out.push(`  … and ${report.findings.length - top.length} more (see the HTML report)`);

  // Provenance
  const edges = report.provenance.edges;
  out.push('', paint(edges.length ? 'Who relayed whom' : 'Who relayed whom: no sources named', 'bold'));
  const maxEdges = 12;
  for (const e of edges.slice(0, maxEdges)) {
    const from = sanitizeLine(nodeLabel(report, e.from));
    const to = sanitizeLine(nodeLabel(report, e.to));
    const ev = e.evidence[0] ? `  “${sanitizeLine(e.evidence[0].text)}”` : '';
    const main = `  ${from} ─${e.kind}→ ${to}`;
    out.push(truncate(main + ev, width).replace(`─${e.kind}→`, paint(`─${e.kind}→`, 'cyan')));
  }
  if (edges.length > maxEdges) out.push(`  … and ${edges.length - maxEdges} more edges`);

  // Inputs that failed
  if (report.errors.length) {
    out.push('', paint(`Inputs not analysed (${report.errors.length})`, 'bold', 'red'));
    for (const e of report.errors.slice(0, 10)) {
      for (const [i, l] of wrap(`${sanitizeLine(e.source)}: ${sanitizeLine(e.message)} [${e.code}]`, width - 4).entries()) {
        out.push((i ? '    ' : '  ') + l);
      }
    }
    if (report.errors.length > 10) out.push(`  … and ${report.errors.length - 10} more`);
  }
  // Safety net: no line may exceed the width (a line cut here loses its colour).
  const ansi = /\u001b\[[0-9;]*m/g;
  return out.map((l) => (displayWidth(l.replace(ansi, '')) > width ? truncate(l.replace(ansi, ''), width) : l)).join('\n') + '\n';
}

function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - displayWidth(s)));
}
