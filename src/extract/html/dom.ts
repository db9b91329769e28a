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
  return { tag, attrs, children: [], parent, text: '', start, end: start };
}

export interface ParseLimits {
  /** Called every ~4096 elements; throw from it to abort (time limit). */
  checkpoint?: () => void;
}

export function parseHtml(html: string, limits: ParseLimits = {}): ParsedHtml {
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
      cur.children.push({ tag: '#text', attrs: EMPTY, children: NONE, parent: cur, text: data, start, end });
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
