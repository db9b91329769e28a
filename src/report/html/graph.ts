import type { ProvenanceEdge, ProvenanceNode, Report } from '../../model.js';
import { escapeHtml } from './escape.js';

export interface PlacedNode {
  node: ProvenanceNode;
  layer: number;
  x: number;
  y: number;
  width: number;
}

export interface GraphLayout {
  /** Source nodes left out of the drawing (too many to draw; they stay in the edge list). */
  hidden: number;
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: Array<{ edge: ProvenanceEdge; index: number; from: PlacedNode; to: PlacedNode }>;
}

const NODE_H = 30;
const ROW_GAP = 24;
const COL_GAP = 230;
const PAD = 16;
const CHAR_W = 6.6;
const MAX_LABEL = 34;

/**
 * Deterministic layered layout of the provenance graph. Sources are on the
 * left, the input articles that relay them on the right: a node's layer is the
 * longest chain of "relays" edges above it (cycles are broken by bounding the
 * relaxation). Within a layer, nodes are ordered by the mean row of their
 * neighbours (two sweeps), ties by label then id.
 */
export function layoutGraph(report: Report, maxSources = 40): GraphLayout {
  const { keep, hidden } = selectNodes(report, maxSources);
  const nodes = report.provenance.nodes.filter((n) => keep.has(n.id)).sort((a, b) => cmp(a.label, b.label) || cmp(a.id, b.id));
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const edges = report.provenance.edges
    .map((edge, i) => ({ edge, i, f: index.get(edge.from), t: index.get(edge.to) }))
    .filter((e): e is { edge: ProvenanceEdge; i: number; f: number; t: number } => e.f !== undefined && e.t !== undefined && e.f !== e.t);

  // depth[n] = longest path of edges from any node to n counted from the relaying side:
  // a source sits one layer left of whoever relays it.
  const depth = new Array<number>(nodes.length).fill(0);
  const rounds = Math.min(nodes.length, 64);
  for (let r = 0; r < rounds; r++) {
    let changed = false;
    for (const e of edges) {
      if (depth[e.t] < depth[e.f] + 1) { depth[e.t] = depth[e.f] + 1; changed = true; }
    }
    if (!changed) break;
  }
  const maxDepth = Math.max(0, ...depth);
  const layers: number[][] = Array.from({ length: maxDepth + 1 }, () => []);
  nodes.forEach((_, i) => layers[maxDepth - depth[i]].push(i));

  // Order within layers by neighbour barycentre.
  const row = new Array<number>(nodes.length).fill(0);
  const assignRows = (): void => layers.forEach((l) => l.forEach((n, r) => { row[n] = r; }));
  assignRows();
  const neighbours: number[][] = nodes.map(() => []);
  for (const e of edges) { neighbours[e.f].push(e.t); neighbours[e.t].push(e.f); }
  for (let sweep = 0; sweep < 2; sweep++) {
    for (const l of layers) {
      const key = new Map(l.map((n) => {
        const ns = neighbours[n];
        return [n, ns.length ? ns.reduce((s, m) => s + row[m], 0) / ns.length : row[n]];
      }));
      l.sort((a, b) => key.get(a)! - key.get(b)! || cmp(nodes[a].label, nodes[b].label) || cmp(nodes[a].id, nodes[b].id));
    }
    assignRows();
  }

  const labelW = (n: ProvenanceNode): number => Math.min(MAX_LABEL, n.label.length) * CHAR_W + 24;
  const colW = layers.map((l) => Math.max(90, ...l.map((n) => labelW(nodes[n]))));
  const colX: number[] = [];
  let x = PAD;
  for (const w of colW) { colX.push(x); x += w + COL_GAP; }
  const maxRows = Math.max(1, ...layers.map((l) => l.length));
  const height = PAD * 2 + maxRows * NODE_H + (maxRows - 1) * ROW_GAP;
  const placed: PlacedNode[] = new Array(nodes.length);
  layers.forEach((l, li) => {
    // Centre short columns against the tallest one, unless the graph is tall (then align to the top).
    const offset = maxRows <= 12 ? ((maxRows - l.length) * (NODE_H + ROW_GAP)) / 2 : 0;
    l.forEach((n, r) => {
      placed[n] = { node: nodes[n], layer: li, x: colX[li], y: PAD + offset + r * (NODE_H + ROW_GAP), width: colW[li] };
    });
  });
  return {
    hidden,
    width: Math.max(200, x - COL_GAP + PAD),
    height,
    nodes: placed,
    edges: edges.map((e) => ({ edge: e.edge, index: e.i, from: placed[e.f], to: placed[e.t] })),
  };
}

/** The provenance graph as inline SVG (no external resources). Edges carry `data-edge` (index into provenance.edges). */
export function renderGraphSvg(report: Report, outletOf: (articleId: string) => string): string {
  if (report.provenance.nodes.length === 0) return '<p class="empty">No sources are named in these articles.</p>';
  const g = layoutGraph(report);
  const parts: string[] = [];
  parts.push('<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#6b7280"/></marker></defs>');
  // Occupied boxes (nodes, then labels as they are placed) so edge labels do not overlap.
  const taken: Array<[number, number, number, number]> = g.nodes.map((n) => [n.x, n.y, n.x + n.width, n.y + NODE_H]);
  const free = (x0: number, y0: number, x1: number, y1: number): boolean =>
    taken.every(([a, b, c, d]) => x1 <= a || x0 >= c || y1 <= b || y0 >= d);
  const edgeParts: string[] = [];
  for (const e of g.edges) {
    // Arrow from the relaying article (right) to its source (left).
    const fromLeft = e.from.x > e.to.x;
    const x1 = fromLeft ? e.from.x : e.from.x + e.from.width;
    const x2 = fromLeft ? e.to.x + e.to.width : e.to.x;
    const y1 = e.from.y + NODE_H / 2;
    const y2 = e.to.y + NODE_H / 2;
    const sameLayer = e.from.layer === e.to.layer;
    const mx = (x1 + x2) / 2;
    const d = sameLayer
      ? `M${r(e.from.x + e.from.width)},${r(y1)} C${r(e.from.x + e.from.width + 60)},${r(y1)} ${r(e.to.x + e.to.width + 60)},${r(y2)} ${r(e.to.x + e.to.width)},${r(y2)}`
      : `M${r(x1)},${r(y1)} C${r(mx)},${r(y1)} ${r(mx)},${r(y2)} ${r(x2)},${r(y2)}`;
    const ev = e.edge.evidence[0];
    const phrase = ev ? ev.text : e.edge.kind;
    const tip = [e.edge.explanation, ...e.edge.evidence.slice(0, 6).map((x) => `${outletOf(x.articleId)}: “${x.text}”`)].join('\n');
    // Label near the source end of the arrow, where fewer edges crowd together.
    const t = 0.72;
    const bez = (a: number, b: number, c: number, d: number): number =>
      (1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t ** 2 * c + t ** 3 * d;
    const lx = sameLayer ? e.from.x + e.from.width + 48 : bez(x1, mx, mx, x2);
    const n = e.edge.evidence.length;
    const label = e.edge.kind === 'cites' && ev
      ? clip(`cites “${phrase}”`, 26) + (n > 1 ? ` +${n - 1}` : '')
      : `${e.edge.kind}${n > 1 ? ` ×${n}` : ''}`;
    const halfW = ([...label].length * 6) / 2 + 3;
    let ly = (sameLayer ? (y1 + y2) / 2 : bez(y1, y1, y2, y2)) - 4;
    // Nudge up or down a little to dodge other labels; stay near the arrow even if crowded.
    for (let k = 0; k < 9; k++) {
      const dy = (k % 2 === 0 ? 1 : -1) * Math.ceil(k / 2) * 12;
      if (free(lx - halfW, ly + dy - 11, lx + halfW, ly + dy + 3)) { ly += dy; break; }
    }
    taken.push([lx - halfW, ly - 11, lx + halfW, ly + 3]);
    edgeParts.push(`<g class="edge edge-${escapeHtml(e.edge.kind)}" data-edge="${e.index}" tabindex="0"><title>${escapeHtml(tip)}</title>` +
      `<path class="hit" d="${d}"/><path class="line" d="${d}" marker-end="url(#arrow)"/>` +
      `<text x="${r(lx)}" y="${r(ly)}" text-anchor="middle">${escapeHtml(label)}</text></g>`);
  }
  const top = Math.min(0, ...taken.map((t) => t[1] - 4));
  const bottom = Math.max(g.height, ...taken.map((t) => t[3] + 6));
  const left = Math.min(0, ...taken.map((t) => t[0] - 4));
  const right = Math.max(g.width, ...taken.map((t) => t[2] + 4));
  parts.unshift(`<svg class="graph" viewBox="${r(left)} ${r(top)} ${r(right - left)} ${r(bottom - top)}" width="${r(right - left)}" height="${r(bottom - top)}" role="img" aria-label="Provenance graph: who relayed whom">`);
  parts.push(...edgeParts);
  for (const n of g.nodes) {
    const cls = `node node-${escapeHtml(n.node.kind)}${n.node.input ? ' node-input' : ''}`;
    const attr = n.node.articleId ? ` data-article="${escapeHtml(n.node.articleId)}"` : '';
    parts.push(`<g class="${cls}"${attr}><title>${escapeHtml(`${n.node.label} (${n.node.input ? 'input article' : n.node.kind})`)}</title>` +
      `<rect x="${r(n.x)}" y="${r(n.y)}" width="${r(n.width)}" height="${NODE_H}" rx="${n.node.kind === 'anonymous' ? 15 : 5}"/>` +
      `<text x="${r(n.x + n.width / 2)}" y="${r(n.y + NODE_H / 2 + 4)}" text-anchor="middle">${escapeHtml(clip(n.node.label, MAX_LABEL))}</text></g>`);
  }
  parts.push('</svg>');
  if (g.hidden > 0) {
    parts.unshift(`<p class="legend">Drawn: the input articles and the ${report.provenance.nodes.filter((n) => !n.input).length - g.hidden} sources relayed by the most articles; ${g.hidden} more are in the list below.</p>`);
  }
  return parts.join('');
}

/**
 * Which nodes to draw: every input article, and the `maxSources` other nodes
 * relayed by the most distinct articles (ties: outlets, documents and
 * organisations before people, then label). Everything stays in the edge list.
 */
function selectNodes(report: Report, maxSources: number): { keep: Set<string>; hidden: number } {
  const relayers = new Map<string, Set<string>>();
  for (const e of report.provenance.edges) {
    const set = relayers.get(e.to) ?? new Set<string>();
    set.add(e.from);
    relayers.set(e.to, set);
  }
  const kindRank: Record<string, number> = { outlet: 0, document: 1, organization: 2, anonymous: 3, person: 4, article: 5 };
  const others = report.provenance.nodes.filter((n) => !n.input)
    .sort((a, b) => (relayers.get(b.id)?.size ?? 0) - (relayers.get(a.id)?.size ?? 0) ||
      (kindRank[a.kind] ?? 9) - (kindRank[b.kind] ?? 9) || cmp(a.label, b.label) || cmp(a.id, b.id));
  const keep = new Set(report.provenance.nodes.filter((n) => n.input).map((n) => n.id));
  for (const n of others.slice(0, maxSources)) keep.add(n.id);
  return { keep, hidden: Math.max(0, others.length - maxSources) };
}

function clip(s: string, n: number): string {
  const chars = [...s.replace(/\s+/g, ' ')];
  return chars.length > n ? chars.slice(0, n - 1).join('') + '…' : chars.join('');
}

function r(v: number): string {
  return String(Math.round(v * 10) / 10);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
