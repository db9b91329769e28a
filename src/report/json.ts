import { SCHEMA_VERSION } from '../model.js';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  Alignment, Article, Attribution, Citation, Finding, Hedge, InputError, NumberMention, Quote, QuotedTerm, QuoteVariant, Report,
  Sentence, Span, Speaker,
} from '../model.js';

/** The pieces of a report, in any order. Only `articles` is required; missing lists are empty. */
export interface ReportParts {
  articles: Article[];
  sentences?: Sentence[];
  quotes?: Quote[];
  terms?: QuotedTerm[];
  speakers?: Speaker[];
  citations?: Citation[];
  attributions?: Attribution[];
  numbers?: NumberMention[];
  hedges?: Hedge[];
  alignment?: Alignment;
  quoteVariants?: QuoteVariant[];
  provenance?: Report['provenance'];
  findings?: Finding[];
  errors?: InputError[];
  /** Generator version; defaults to the `version` in retold's package.json. */
  version?: string;
}

const SEVERITY_RANK: Record<Finding['severity'], number> = { high: 0, medium: 1, low: 2 };

/**
 * Assemble a `Report` in a stable order: articles by publication time (undated
 * last), then outlet, then id; every per-article list in article order then by
 * position; findings by severity, then by where their first evidence lies.
 * Sentences keep their order within an article (alignment refs index into it).
 * The input objects are not mutated.
 */
export function buildReport(parts: ReportParts): Report {
  const articles = [...parts.articles].sort(compareArticles);
  const rank = new Map(articles.map((a, i) => [a.id, i]));
  const pos = (articleId: string | undefined): number => (articleId === undefined ? Infinity : rank.get(articleId) ?? Infinity);
  const bySpan = <T extends Span & { articleId: string }>(xs: T[] | undefined): T[] =>
    [...(xs ?? [])].sort((x, y) => pos(x.articleId) - pos(y.articleId) || x.start - y.start || x.end - y.end);
  const findings = [...(parts.findings ?? [])].sort((x, y) => {
    const ex = x.evidence[0];
    const ey = y.evidence[0];
    return SEVERITY_RANK[x.severity] - SEVERITY_RANK[y.severity] ||
      pos(ex?.articleId) - pos(ey?.articleId) || (ex?.start ?? 0) - (ey?.start ?? 0) ||
      (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  });
  const alignment = parts.alignment ?? { links: [], unique: [] };

  return {
    schemaVersion: SCHEMA_VERSION,
    generator: { name: 'retold', version: parts.version ?? packageVersion() },
    articles,
    // Stable sort: sentences keep their per-article order.
    sentences: [...(parts.sentences ?? [])].sort((x, y) => pos(x.articleId) - pos(y.articleId)),
    quotes: bySpan(parts.quotes),
    terms: bySpan(parts.terms),
    speakers: [...(parts.speakers ?? [])],
    citations: bySpan(parts.citations),
    attributions: [...(parts.attributions ?? [])].sort((x, y) =>
      pos(x.articleId) - pos(y.articleId) || x.cue.start - y.cue.start || x.content.start - y.content.start),
    numbers: bySpan(parts.numbers),
    hedges: bySpan(parts.hedges),
    alignment: {
      links: [...alignment.links],
      unique: [...alignment.unique].sort((x, y) => pos(x.articleId) - pos(y.articleId) || x.sentence - y.sentence),
    },
    quoteVariants: [...(parts.quoteVariants ?? [])],
    provenance: parts.provenance ?? { nodes: [], edges: [] },
    findings,
    errors: [...(parts.errors ?? [])],
  };
}

let cachedVersion: string | null = null;

/** retold's version from its package.json (found by walking up from this module); '0.0.0' if not found. */
export function packageVersion(): string {
  if (cachedVersion !== null) return cachedVersion;
  cachedVersion = '0.0.0';
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const p = join(dir, 'package.json');
    if (existsSync(p)) {
      try {
        const pkg = JSON.parse(readFileSync(p, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'retold' && typeof pkg.version === 'string') { cachedVersion = pkg.version; break; }
      } catch { /* not ours; keep walking */ }
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return cachedVersion;
}

function compareArticles(x: Article, y: Article): number {
  const dx = x.publishedAt ?? '\uffff';
  const dy = y.publishedAt ?? '\uffff';
  if (dx !== dy) return dx < dy ? -1 : 1;
  const ox = x.outlet ?? '\uffff';
  const oy = y.outlet ?? '\uffff';
  if (ox !== oy) return ox < oy ? -1 : 1;
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

/** Keys listed here come first, in this order; any other key follows alphabetically. */
const KEY_ORDER = [
  'schemaVersion', 'generator', 'name', 'version',
  'id', 'articleId', 'source', 'outlet', 'title', 'url', 'publishedAt', 'published', 'modifiedAt', 'byline',
  'dateline', 'language', 'description', 'image', 'section',
  'kind', 'class', 'severity', 'op', 'label', 'input', 'from', 'to', 'a', 'b', 'sentence', 'block', 'caption',
  'start', 'end', 'text', 'textStart', 'textEnd', 'inputStart', 'inputEnd',
  'articles', 'sentences', 'quotes', 'terms', 'speakers', 'citations', 'attributions', 'numbers', 'hedges', 'alignment',
  'quoteVariants', 'provenance', 'findings', 'errors',
];
const KEY_RANK = new Map(KEY_ORDER.map((k, i) => [k, i]));

function compareKeys(x: string, y: string): number {
  const rx = KEY_RANK.get(x);
  const ry = KEY_RANK.get(y);
  if (rx !== undefined && ry !== undefined) return rx - ry;
  if (rx !== undefined) return -1;
  if (ry !== undefined) return 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Serialise a report deterministically: keys in a fixed order (independent of
 * insertion order), 2-space indent, no trailing newline. Throws on non-finite numbers,
 * which JSON cannot carry.
 */
export function reportToJson(report: Report): string {
  return JSON.stringify(canonical(report, '$'), null, 2);
}

function canonical(value: unknown, path: string): unknown {
  if (Array.isArray(value)) return value.map((v, i) => canonical(v, `${path}[${i}]`));
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`report: ${path} is ${value}, not a finite number`);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  const obj = value as Record<string, unknown>;
  for (const k of Object.keys(obj).sort(compareKeys)) {
    if (obj[k] === undefined) continue;
    out[k] = canonical(obj[k], `${path}.${k}`);
  }
  return out;
}
