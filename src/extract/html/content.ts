import { textOf, walk, type HNode } from './dom.js';
import { BODY_HINT, BLOCK_TAGS, classAndId, classWeight, DROP_TAGS, isHidden, UNLIKELY } from './hints.js';

/** Per-element text statistics, computed once bottom-up. */
export interface Stats {
  /** Visible text length (whitespace collapsed, approximately). */
  chars: number;
  /** Text length inside links. */
  linkChars: number;
  /** Number of <p> descendants with at least 40 chars. */
  paras: number;
  /** Commas in the text (a cheap prose signal). */
  commas: number;
}

export function stats(n: HNode): Stats {
  return n;
}

function collapsedLength(s: string): number {
  let len = 0;
  let space = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160) {
      if (!space) { len++; space = true; }
    } else { len++; space = false; }
  }
  return len;
}

function countCommas(s: string): number {
  let k = 0;
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (c === 44 || c === 0xff0c || c === 0x3001) k++; }
  return k;
}

/** Compute `Stats` for every element (iterative post-order). */
export function computeStats(root: HNode): void {
  const sum = (n: HNode) => {
    let chars = 0, linkChars = 0, paras = 0, commas = 0;
    for (const c of n.children) { chars += c.chars; linkChars += c.linkChars; paras += c.paras; commas += c.commas; }
    n.chars = chars;
    n.linkChars = n.tag === 'a' ? chars : linkChars;
    n.paras = n.tag === 'p' && chars >= 40 ? paras + 1 : paras;
    n.commas = commas;
  };
  walk(root, () => true, (n) => {
    if (n.tag === '#text') {
      n.chars = collapsedLength(n.text);
      n.commas = countCommas(n.text);
    } else sum(n);
  });
  sum(root);
}

export function linkDensity(n: HNode): number {
  const s = stats(n);
  return s.chars ? s.linkChars / s.chars : 0;
}

function hasBlockChild(n: HNode): boolean {
  for (const c of n.children) if (c.tag !== '#text' && BLOCK_TAGS.has(c.tag) && c.tag !== 'picture') return true;
  return false;
}

/** Stats of the inline children of an element that also has block children. */
export function looseStats(n: HNode): Stats {
  const s: Stats = { chars: 0, linkChars: 0, paras: 0, commas: 0 };
  for (const c of n.children) {
    if (c.tag !== '#text' && BLOCK_TAGS.has(c.tag)) continue;
    const cs = stats(c);
    s.chars += cs.chars; s.linkChars += cs.linkChars; s.commas += cs.commas;
  }
  return s;
}

function initialScore(n: HNode): number {
  let s = 0;
  switch (n.tag) {
    case 'div': case 'article': case 'main': case 'section': s = 5; break;
    case 'pre': case 'td': case 'blockquote': s = 3; break;
    case 'address': case 'ol': case 'ul': case 'dl': case 'dd': case 'dt': case 'li': case 'form': s = -3; break;
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'th': s = -5; break;
  }
  return s + classWeight(n);
}

/** True when an element (or an ancestor up to `stop`) is page furniture by tag, class or visibility. */
function isFurniture(n: HNode): boolean {
  if (DROP_TAGS.has(n.tag)) return true;
  if (isHidden(n)) return true;
  const ci = classAndId(n);
  if (ci && UNLIKELY.test(ci) && !MAYBE.test(ci) && n.tag !== 'body' && n.tag !== 'article' && n.tag !== 'main') return true;
  if (n.attrs.role === 'navigation' || n.attrs.role === 'complementary' || n.attrs.role === 'contentinfo') return true;
  return introducedAsRelated(n);
}

/** Class words that keep an element even when it also has an unlikely word ("content-with-sidebar"). */
const MAYBE = /and|article|body|column|content|main|story|entry|post-?text|embed|tweet/i;

const TEASER_END = /(?:…|\.\.\.|\[(?:…|\.\.\.)\])\s*$/;

/** The last non-blank text under a node (its ending). */
function lastText(n: HNode): string {
  let cur: HNode | undefined = n;
  for (let guard = 0; cur && guard < 10_000; guard++) {
    if (cur.tag === '#text') return cur.text;
    let next: HNode | undefined;
    for (let i = cur.children.length - 1; i >= 0; i--) {
      const c = cur.children[i];
      if (c.tag === '#text' ? c.text.trim() : c.chars > 0) { next = c; break; }
    }
    cur = next;
  }
  return '';
}

const RELATED_CLASS = /related|recommend|more-?stories|you-?may|read-?next|also-?like/i;
const RELATED_TEXT = /^(?:related(?: (?:articles?|stories|posts|content|coverage|news))?|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|more (?:from|on|stories|news|articles)\b.*|more great .*stories|read (?:more|next|also)|recommended(?: for you| stories)?|see also|also read|(?:leia|veja) (?:também|mais)|você (?:pode|também pode) gostar|te puede interesar|(?:lee|ver) también|noticias relacionadas|à lire aussi|lire aussi|sur le même sujet|lesen sie auch|mehr zum thema|das könnte sie auch interessieren|leggi anche|potrebbe interessarti|читайте также|похожие статьи|baca juga)\W*$/i;

/** A block whose first child is a "Related / You may also like" title is a list of other stories. */
function introducedAsRelated(n: HNode): boolean {
  if (n.tag !== 'div' && n.tag !== 'section' && n.tag !== 'article' && n.tag !== 'ul' && n.tag !== 'aside') return false;
  let first: HNode | null = null;
  for (const c of n.children) {
    if (c.tag === '#text') { if (c.text.trim()) return false; continue; }
    first = c;
    break;
  }
  if (!first || first.chars === 0 || first.chars > 60) return false;
  const isTitle = /^h[1-6]$/.test(first.tag) || first.tag === 'strong' || first.tag === 'b' ||
    ((first.tag === 'div' || first.tag === 'p' || first.tag === 'span') && first.children.length <= 3);
  if (!isTitle) return false;
  if (RELATED_CLASS.test(classAndId(first))) return true;
  return RELATED_TEXT.test(textOf(first));
}

export interface Candidate {
  node: HNode;
  score: number;
}

/**
 * Readability-style scoring: every paragraph-like element gives points to its
 * parent and grandparents; furniture subtrees are not counted. Returns the
 * candidates sorted best first.
 */
export function scoreCandidates(root: HNode): Candidate[] {
  const scores = new Map<HNode, number>();
  /** Points from prose alone (without the class/tag prior). */
  const earned = new Map<HNode, number>();
  walk(root, (n) => {
    if (n.tag === '#text') return false;
    if (isFurniture(n)) return false;
    const isPara = n.tag === 'p' || n.tag === 'pre' || n.tag === 'td' ||
      ((n.tag === 'div' || n.tag === 'section' || n.tag === 'article' || n.tag === 'main' || n.tag === 'body') && !hasBlockChild(n));
    let st: Stats;
    let anc: HNode | null;
    if (isPara) {
      st = stats(n);
      anc = n.parent;
    } else {
      // Loose inline text directly inside a block container counts as a paragraph of that container.
      if (!BLOCK_TAGS.has(n.tag) || !hasBlockChild(n)) return true;
      st = looseStats(n);
      anc = n;
    }
    if (st.chars < 25) return true;
    let points = 1 + st.commas + Math.min(Math.floor(st.chars / 100), 3);
    points *= 1 - Math.min(1, st.chars ? st.linkChars / st.chars : 0);
    // A paragraph cut with an ellipsis is a teaser of another story.
    if (isPara && TEASER_END.test(lastText(n))) points *= 0.1;
    let level = 0;
    while (anc && level < 3 && anc.tag !== '#root') {
      if (!scores.has(anc)) scores.set(anc, initialScore(anc));
      const div = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(anc, scores.get(anc)! + points / div);
      earned.set(anc, (earned.get(anc) ?? 0) + points / div);
      anc = anc.parent;
      level++;
    }
    return !isPara || n.tag !== 'p';
  });
  const out: Candidate[] = [];
  for (const [node, score] of scores) {
    // A container whose only prose is teasers keeps little of its class prior.
    const prose = earned.get(node) ?? 0;
    const sc = prose < 3 ? Math.min(score, prose * 3) : score;
    out.push({ node, score: sc * (1 - linkDensity(node)) });
  }
  out.sort((a, b) => b.score - a.score || a.node.start - b.node.start);
  return out;
}

/** Elements whose class/id or itemprop names them as the article body. */
export function hintedBodies(root: HNode): HNode[] {
  const out: HNode[] = [];
  walk(root, (n) => {
    if (n.tag === '#text') return false;
    if (n.attrs.itemprop === 'articleBody' || n.attrs.itemprop === 'articlebody') { out.push(n); return false; }
    const ci = classAndId(n);
    if (ci && BODY_HINT.test(ci) && stats(n).chars > 200) { out.push(n); return false; }
    return true;
  });
  return out;
}

/** Lowest common ancestor of a set of nodes. */
export function commonAncestor(nodes: HNode[]): HNode | null {
  if (!nodes.length) return null;
  let path: HNode[] = [];
  for (let a: HNode | null = nodes[0]; a; a = a.parent) path.push(a);
  path.reverse();
  for (let i = 1; i < nodes.length; i++) {
    const set = new Set<HNode>();
    for (let a: HNode | null = nodes[i]; a; a = a.parent) set.add(a);
    let k = 0;
    while (k < path.length && set.has(path[k])) k++;
    path = path.slice(0, k);
  }
  return path[path.length - 1] ?? null;
}

/**
 * Choose the article container: the top-scored candidate, widened to its
 * parent when the parent's other children carry comparable prose (articles
 * split over sibling columns), or the hinted body when it holds most of the prose.
 */
export function chooseContainer(root: HNode): { node: HNode; method: string; skip?: Set<HNode> } | null {
  const cands = scoreCandidates(root);
  const hinted = hintedBodies(root);
  let top = cands[0]?.node ?? null;
  let method = 'score';
  if (hinted.length) {
    const best = hinted.reduce((a, b) => (goodChars(b) > goodChars(a) ? b : a));
    // Several hinted siblings (body split in parts) → their common ancestor.
    const parts = hinted.filter((h) => h === best || (h.attrs.class === best.attrs.class && goodChars(h) > 0.2 * goodChars(best)));
    let node = best;
    if (parts.length > 1) {
      const lca = commonAncestor(parts);
      if (lca && goodChars(lca) < 1.3 * parts.reduce((s, p) => s + goodChars(p), 0)) node = lca;
    }
    const gNode = goodChars(node);
    const gTop = top ? goodChars(top) : 0;
    let useHint: boolean;
    if (!top) useHint = true;
    else if (contains(node, top)) useHint = gTop < 0.8 * gNode;
    else if (contains(top, node)) useHint = gNode >= 0.6 * gTop;
    else useHint = gNode >= 0.5 * gTop;
    if (useHint) {
      top = node;
      method = 'hint';
    }
  }
  if (!top) {
    // Best effort: no paragraph-like element scored, but the page body has prose outside furniture.
    let body: HNode | null = null;
    walk(root, (n) => { if (body || n.tag === '#text') return false; if (n.tag === 'body') { body = n; return false; } return true; });
    const b = body ?? root;
    return goodChars(b) >= 25 ? { node: b, method: 'body' } : null;
  }
  // Readability-style sibling merge: siblings of the chosen node that score well or read as prose join it.
  const skip = new Set<HNode>();
  const parent = top.parent;
  if (parent && parent.tag !== '#root' && parent.tag !== 'html') {
    const scoreOf = new Map(cands.map((c) => [c.node, c.score]));
    const topScore = scoreOf.get(top) ?? 0;
    const threshold = Math.max(10, topScore * 0.2);
    let joined = 0;
    let figures = 0;
    for (const sib of parent.children) {
      if (sib === top || sib.tag === '#text') continue;
      let keep = false;
      if (sib.tag === 'figure') { figures++; continue; }
      if (!isFurniture(sib)) {
        const sc = scoreOf.get(sib) ?? -Infinity;
        const bonus = sib.attrs.class && top.attrs.class && sib.attrs.class === top.attrs.class ? topScore * 0.2 : 0;
        if (sc + bonus >= threshold) keep = true;
        else if (sib.tag === 'p') {
          const st = stats(sib);
          const ld = linkDensity(sib);
          if (st.chars > 80 && ld < 0.25) keep = true;
          else if (st.chars > 0 && st.chars <= 80 && ld === 0 && /[.!?]["”’]?$/.test(textOfShort(sib))) keep = true;
        }
      }
      if (keep) joined++;
      else skip.add(sib);
    }
    if (joined > 0) return { node: parent, method: method + '+siblings', skip };
    // The lead photo sits beside the body: take the parent for its caption, nothing else.
    if (figures > 0) return { node: parent, method: method + '+figure', skip };
  }
  return { node: top, method };
}

function textOfShort(n: HNode): string {
  const parts: string[] = [];
  walk(n, (c) => { if (c.tag === '#text') parts.push(c.text); });
  return parts.join('').trim();
}

function contains(a: HNode, b: HNode): boolean {
  for (let x: HNode | null = b; x; x = x.parent) if (x === a) return true;
  return false;
}

const goodCache = new WeakMap<HNode, number>();

/** Text in paragraph-like blocks with few links, outside furniture. */
export function goodChars(n: HNode): number {
  const cached = goodCache.get(n);
  if (cached !== undefined) return cached;
  let total = 0;
  if (hasBlockChild(n)) {
    const ls = looseStats(n);
    if (ls.chars >= 30 && ls.linkChars / ls.chars < 0.4) total += ls.chars - ls.linkChars;
  }
  walk(n, (c) => {
    if (c.tag === '#text') return false;
    if (isFurniture(c)) return false;
    if (c.tag === 'p' || ((c.tag === 'div' || c.tag === 'section' || c.tag === 'article' || c.tag === 'main') && !hasBlockChild(c)) || c.tag === 'blockquote' ||
      c.tag === 'pre') {
      const st = stats(c);
      if (st.chars >= 30 && st.linkChars / st.chars < 0.4) total += st.chars - st.linkChars;
      return false;
    }
    if (!hasBlockChild(c)) return true;
    const ls = looseStats(c);
    if (ls.chars >= 30 && ls.linkChars / ls.chars < 0.4) total += ls.chars - ls.linkChars;
    return true;
  });
  goodCache.set(n, total);
  return total;
}

function paraRatio(n: HNode): number {
  const st = stats(n);
  return st.chars ? goodChars(n) / st.chars : 0;
}

export { isFurniture };
