import { Parser } from 'htmlparser2';

/**
 * A small, fast DOM built with htmlparser2 callbacks. Text nodes keep their
 * offsets in the decoded input so the clean text can map back to it.
 * Traversals over it are iterative: a 100,000-deep document cannot blow the stack.
 */
export interface HNode {
  /** Lower-case tag name, or '#text'. */
  tag: string;
  attrs: Record<string, string>;
  children: HNode[];
  parent: HNode | null;
  /** Decoded text (text nodes only). */
  text: string;
  /** Input offsets `[start, end)` (text: the raw run; elements: the open tag start). */
  start: number;
  end: number;
  /** Text statistics, filled by `computeStats` (content.ts). */
  chars: number;
  linkChars: number;
  paras: number;
  commas: number;
}

/** Elements whose content is never article text; their subtrees are not built. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed',
  'canvas', 'select', 'textarea', 'button', 'input', 'option', 'audio', 'video', 'map', 'head']);

const VOID = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'source', 'wbr', 'area', 'base', 'col', 'param', 'track', 'embed']);

/** Max element depth built; deeper elements are flattened into the node at the cap. */
export const MAX_DEPTH = 400;

export interface ParsedHtml {
  root: HNode;
  /** <meta>/<link> attributes collected anywhere in the page. */
  metas: Record<string, string>[];
  links: Record<string, string>[];
  /** Raw text of <script type="application/ld+json"> blocks. */
  jsonLd: string[];
  /** Text of <title>. */
  title: string;
  /** `lang` of <html>. */
  htmlLang: string | null;
  elementCount: number;
}

function el(tag: string, attrs: Record<string, string>, parent: HNode | null, start: number): HNode {
  return { tag, attrs, children: [], parent, text: '', start, end: start, chars: 0, linkChars: 0, paras: 0, commas: 0 };
}

export interface ParseLimits {
  /** Called every ~4096 elements; throw from it to abort (time limit). */
  checkpoint?: () => void;
}

/** Nesting beyond which tags are blanked out before parsing (htmlparser2's open-element stack is O(depth) per tag). */
export const PARSE_DEPTH_LIMIT = 3000;

const TAG_SCAN = /<(?:!--[\s\S]*?-->|(script|style|textarea|title)\b[^>]*>[\s\S]*?<\/\1\s*>|(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*>)/g;

/**
 * Replace open/close tags nested deeper than `limit` by spaces of the same
 * length, so the text keeps its offsets while the parser never sees a huge
 * stack. Pages nested less deeply come back unchanged (one regex pass).
 */
export function flattenDeepNesting(html: string, limit = PARSE_DEPTH_LIMIT): string {
  let depth = 0;
  let maxDepth = 0;
  TAG_SCAN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TAG_SCAN.exec(html))) {
    const name = m[3];
    if (!name) continue;
    if (m[2]) { if (depth > 0) depth--; continue; }
    if (VOID.has(name.toLowerCase()) || m[0].endsWith('/>')) continue;
    if (++depth > maxDepth) maxDepth = depth;
  }
  if (maxDepth <= limit) return html;
  const parts: string[] = [];
  let last = 0;
  depth = 0;
  const blanked = new Map<string, number>();
  TAG_SCAN.lastIndex = 0;
  while ((m = TAG_SCAN.exec(html))) {
    const name = m[3]?.toLowerCase();
    if (!name) continue;
    let blank = false;
    if (m[2]) {
      const b = blanked.get(name) ?? 0;
      if (b > 0) { blanked.set(name, b - 1); blank = true; } else if (depth > 0) depth--;
    } else if (!VOID.has(name) && !m[0].endsWith('/>')) {
      if (depth >= limit) { blanked.set(name, (blanked.get(name) ?? 0) + 1); blank = true; } else depth++;
    }
    if (blank) {
      parts.push(html.slice(last, m.index), ' '.repeat(m[0].length));
      last = m.index + m[0].length;
    }
  }
  parts.push(html.slice(last));
  return parts.join('');
}

export function parseHtml(input: string, limits: ParseLimits = {}): ParsedHtml {
  const html = flattenDeepNesting(input);
  const root = el('#root', {}, null, 0);
  const metas: Record<string, string>[] = [];
  const links: Record<string, string>[] = [];
  const jsonLd: string[] = [];
  let title = '';
  let htmlLang: string | null = null;
  let cur = root;
  let depth = 0;
  /** Elements not built (skipped subtree or beyond depth cap): count of open ones. */
  let skipDepth = 0;
  let flattened = 0;
  let inTitle = false;
  let inJsonLd = false;
  let jsonBuf = '';
  let elementCount = 0;
  const checkpoint = limits.checkpoint;
  // Parallel stack of what each open tag did: 0 = built, 1 = skipped subtree root/inside, 2 = flattened.
  const kinds: number[] = [];

  const parser = new Parser({
    onopentag(name, attribs) {
      elementCount++;
      if (checkpoint && (elementCount & 4095) === 0) checkpoint();
      if (name === 'meta') { metas.push(attribs); }
      else if (name === 'link') { links.push(attribs); }
      else if (name === 'html' && attribs.lang && htmlLang === null) htmlLang = attribs.lang;
      if (name === 'title' && !title) { inTitle = true; }
      if (name === 'script') {
        const type = (attribs.type || '').toLowerCase();
        if (type.includes('ld+json')) { inJsonLd = true; jsonBuf = ''; }
      }
      if (skipDepth > 0) { skipDepth++; kinds.push(1); return; }
      if (SKIP.has(name)) { skipDepth = 1; kinds.push(1); return; }
      if (depth >= MAX_DEPTH) { flattened++; kinds.push(2); return; }
      const node = el(name, attribs, cur, parser.startIndex);
      cur.children.push(node);
      if (VOID.has(name)) { kinds.push(3); node.end = parser.endIndex + 1; return; }
      cur = node;
      depth++;
      kinds.push(0);
    },
    ontext(data) {
      if (inJsonLd) { jsonBuf += data; return; }
      if (inTitle) { title += data; return; }
      if (skipDepth > 0) return;
      const start = parser.startIndex;
      const end = parser.endIndex + 1;
      const last = cur.children[cur.children.length - 1];
      if (last && last.tag === '#text' && last.end === start && last.text.length === last.end - last.start &&
          data.length === end - start) {
        // Adjacent verbatim chunks: merge.
        last.text += data;
        last.end = end;
        return;
      }
      cur.children.push({ tag: '#text', attrs: EMPTY, children: NONE, parent: cur, text: data, start, end, chars: 0, linkChars: 0, paras: 0, commas: 0 });
    },
    onclosetag(name) {
      const kind = kinds.pop();
      if (name === 'title') inTitle = false;
      if (name === 'script' && inJsonLd) { inJsonLd = false; jsonLd.push(jsonBuf); jsonBuf = ''; }
      if (kind === 1) { skipDepth--; return; }
      if (kind === 2) { flattened--; return; }
      if (kind === 3) return;
      if (kind === 0) {
        cur.end = parser.endIndex + 1;
        if (cur.parent) cur = cur.parent;
        depth--;
      }
    },
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true });
  parser.write(html);
  parser.end();
  return { root, metas, links, jsonLd, title: title.replace(/\s+/g, ' ').trim(), htmlLang, elementCount };
}

const EMPTY: Record<string, string> = Object.freeze({}) as Record<string, string>;
const NONE: HNode[] = Object.freeze([]) as unknown as HNode[];

/** Visit every node below `root` in document order (iterative). Return false from `enter` to skip a subtree. */
export function walk(root: HNode, enter: (n: HNode) => boolean | void, leave?: (n: HNode) => void): void {
  const stack: { n: HNode; i: number }[] = [{ n: root, i: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.i < top.n.children.length) {
      const child = top.n.children[top.i++];
      if (enter(child) === false) continue;
      if (child.children.length) stack.push({ n: child, i: 0 });
      else if (leave) leave(child);
    } else {
      stack.pop();
      if (leave && top.n !== root) leave(top.n);
    }
  }
}

/** All text below a node, whitespace collapsed. */
export function textOf(node: HNode): string {
  if (node.tag === '#text') return node.text.replace(/\s+/g, ' ');
  const parts: string[] = [];
  walk(node, (n) => { if (n.tag === '#text') parts.push(n.text); else if (n.tag === 'br') parts.push(' '); });
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export function findAll(root: HNode, pred: (n: HNode) => boolean): HNode[] {
  const out: HNode[] = [];
  walk(root, (n) => { if (n.tag !== '#text' && pred(n)) out.push(n); });
  return out;
}
