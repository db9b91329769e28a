/**
 * retold's core data model. Every stage reads and writes these types.
 *
 * Offsets: every `start`/`end` pair is a half-open range `[start, end)` of
 * JavaScript string indices (UTF-16 code units) into `Article.text`, unless
 * the field says otherwise. `Article.sourceMap` maps clean-text offsets back
 * to offsets in the decoded input, so any finding can be shown in the input.
 */

export const SCHEMA_VERSION = '1.2.0';

/** A half-open character range `[start, end)` into an article's `text`. */
export interface Span {
  start: number;
  end: number;
}

/** A span that says which article it belongs to, with its text for readability. */
export interface Evidence extends Span {
  articleId: string;
  text: string;
}

// ---------------------------------------------------------------- ingest

export type MediaType = 'text/plain' | 'text/html';

/** One input as read from disk/stdin/network, decoded to a JS string. */
export interface RawDocument {
  /** The input path (or `-` for stdin, or a URL). */
  source: string;
  mediaType: MediaType;
  /** Decoded text of the input (after gunzip and charset decoding). */
  content: string;
  /** The encoding used to decode (`utf-8`, `windows-1252`, `utf-16le`, …). */
  encoding: string;
  /** How the encoding was chosen: `bom`, `meta`, `http-equiv`, `sniff`, `default`. */
  encodingSource: string;
  /** Size of the raw bytes (before gunzip). */
  byteLength: number;
}

/** An input that could not be read or analysed. Never thrown away silently. */
export interface InputError {
  source: string;
  /** Which stage failed: `ingest`, `extract`, `analyze`. */
  stage: 'ingest' | 'extract' | 'analyze';
  /** A one-line human message naming the problem (not a stack trace). */
  message: string;
  /** Machine-readable code: `ENOENT`, `BINARY`, `EMPTY`, `TOO_LARGE`, `GZIP`, `NO_ARTICLE`, `TIMEOUT`, … */
  code: string;
}

// --------------------------------------------------------------- extract

export type BlockKind = 'title' | 'paragraph' | 'heading' | 'blockquote' | 'list-item' | 'caption';

/** A block of the clean text (paragraph, heading, caption…). Blocks are separated by "\n\n" in `text`. */
export interface Block extends Span {
  kind: BlockKind;
}

/** A photo caption: a `caption` block plus the credit that was cut from it. */
export interface Caption extends Span {
  /** Photo credit stripped from the caption ("POOL/AFP via Getty Images"), kept here. */
  credit: string | null;
}

/** A run of clean text that maps to a run of the decoded input. */
export interface SourceRun {
  textStart: number;
  textEnd: number;
  inputStart: number;
  inputEnd: number;
}

/** Something the extractor removed from the input, with the reason (lossless). */
export interface Removal {
  inputStart: number;
  inputEnd: number;
  /** `template`, `load-more`, `share`, `view-counter`, `url`, `credit`, `boilerplate`, `duplicate-title`, … */
  reason: string;
  text: string;
}

/** A date as found, with its parse. */
export interface DateValue {
  /** ISO 8601 in UTC (`2024-01-26T00:00:00.000Z`), or null when only the raw string is known. */
  iso: string | null;
  /** The string as written in the input. */
  raw: string;
  /** The time zone as written or implied (`ET`, `+02:00`, `America/New_York`), if any. */
  timeZone: string | null;
}

export interface Article {
  /** Stable id, derived from the content (deterministic). */
  id: string;
  /** The input path or URL this article came from. */
  source: string;
  /** Display name of the publishing outlet ("New York Post"), if known. */
  outlet: string | null;
  title: string | null;
  /** Canonical URL, tracking parameters removed. */
  url: string | null;
  /** ISO 8601 UTC publication time; `published` keeps the original string and zone. */
  publishedAt: string | null;
  published: DateValue | null;
  modifiedAt: string | null;
  byline: string | null;
  /** Dateline place ("Kyiv", "WASHINGTON"). */
  dateline: string | null;
  /** BCP-47-ish language code ("en"), if known. */
  language: string | null;
  description: string | null;
  image: string | null;
  section: string | null;
  /** Clean text. Blocks are separated by a blank line ("\n\n"). */
  text: string;
  blocks: Block[];
  captions: Caption[];
  /** Clean-text → input offsets. */
  sourceMap: SourceRun[];
  removed: Removal[];
  /** How the input was decoded / extracted, for the reader's trust. */
  extraction: {
    mediaType: MediaType;
    encoding: string;
    method: string;
    asIs: boolean;
  };
}

// --------------------------------------------------------------- analyze

export interface Sentence extends Span {
  articleId: string;
  /** Index into `Article.blocks`. */
  block: number;
  /** True when the sentence lies in a caption block. */
  caption: boolean;
}

export type QuoteKind = 'direct' | 'partial' | 'multi-paragraph' | 'unclosed';

export interface Quote extends Span {
  /** `${articleId}:q${n}`. */
  id: string;
  articleId: string;
  /** The quoted words (text.slice(start, end)), marks excluded. */
  text: string;
  kind: QuoteKind;
  /** The speaker as written next to this quote ("she", "a Kremlin spokesman"); null if none. */
  speaker: string | null;
  speakerSpan: Span | null;
  /** Id of the resolved speaker (article-level in `annotate`, story-level in `story`). */
  speakerId: string | null;
  /**
   * Set (true) when no cue tied `speakerId` to the quote: it is the speaker mentioned last before the quote, in its
   * paragraph or the one before — a reader's guess, never evidence for a speaker change or an identity merge.
   */
  speakerGuessed?: boolean;
  /** Reporting verb lemma-ish as written ("said", "told", "added"). */
  verb: string | null;
  verbSpan: Span | null;
}

/**
 * Why quoted words quote no one: introduced as a name or term ("the so-called …"), a title-cased title, brand or
 * slogan, or a scare quote (one word in marks no one is said to have said: a “porous” border).
 */
export type QuotedTermReason = 'named' | 'title' | 'scare';

/**
 * Words in quotation marks that quote no one — a title, brand, slogan, label or term ('the so-called "Florida
 * Man"', "Star Wars", 'what's called "feather duvet lung"'): kept apart from the quotes, with their spans.
 */
export interface QuotedTerm extends Span {
  articleId: string;
  /** The words inside the marks (text.slice(start, end)). */
  text: string;
  reason: QuotedTermReason;
}

export type SpeakerKind = 'person' | 'anonymous' | 'organization' | 'outlet' | 'collective';

/** A person or source who speaks. In `annotate` it is article-level; in `story`, one identity across articles. */
export interface Speaker {
  id: string;
  kind: SpeakerKind;
  /** Full names used ("Dmitry Peskov"). */
  names: string[];
  /** Descriptions used ("Kremlin spokesman", "a National Security Council member"). */
  descriptions: string[];
  /** Every mention in the text(s). */
  mentions: Evidence[];
  /** For story-level speakers: why article-level speakers were merged. */
  mergeEvidence?: string[];
  /** For story-level speakers: the article-level speaker ids merged here. */
  members?: string[];
}

export type CitationKind = 'outlet' | 'person' | 'anonymous' | 'document' | 'organization';

/** A source an article names for its information ("citing Reuters", "two people close to the Kremlin"). */
export interface Citation extends Span {
  id: string;
  articleId: string;
  /** The source as normalised ("Bloomberg", "two people close to the Kremlin"). */
  source: string;
  kind: CitationKind;
  /** The span of the source's name inside the citation phrase. */
  sourceSpan: Span;
  /** The cue: "citing", "told", "according to", "reported". */
  cue: string;
  /** For anonymous sources: how many ("two" → 2), if stated. */
  count: number | null;
  /** For anonymous sources: the description ("close to the Kremlin"). */
  description: string | null;
}

export interface TextSpan extends Span {
  text: string;
}

/** An attribution relation in the PolNeAR sense. */
export interface Attribution {
  id: string;
  articleId: string;
  source: TextSpan | null;
  cue: TextSpan;
  content: TextSpan;
  speakerId: string | null;
  /** The quote this attribution corresponds to, if any. */
  quoteId: string | null;
  /** `direct` (quoted), `indirect` (reported speech), `mixed`, `according-to`. */
  form: 'direct' | 'indirect' | 'mixed' | 'according-to';
}

export type NumberKind = 'percent' | 'money' | 'count' | 'ratio' | 'date' | 'year' | 'ordinal' | 'quantity' | 'duration';

export interface NumberMention extends Span {
  id: string;
  articleId: string;
  text: string;
  kind: NumberKind;
  /** Numeric value after scale (61.4 billion → 61400000000); ratios use a/b; dates use null. */
  value: number | null;
  /** Unit: "%", currency code ("USD"), "years", … */
  unit: string | null;
  /** What the number counts ("of Ukraine's territory", "aid for Ukraine"), as written, if found. */
  counts: string | null;
  countsSpan: Span | null;
  /** For dates: ISO date if resolvable. */
  date?: string | null;
  /** Approximation/limit qualifier as written ("around", "more than"), included in the span; null if none. */
  qualifier?: string | null;
}

export type HedgeKind = 'hedge' | 'booster';

/** A hedge ("reportedly", "may", "allegedly") or booster ("decided", "confirmed"). */
export interface Hedge extends Span {
  articleId: string;
  text: string;
  kind: HedgeKind;
  /** -1 (strong hedge) … +1 (strong certainty). */
  strength: number;
  /** The lexicon form matched, lower-case ("reportedly", "open to"). */
  cue?: string;
  /** Lexicon category: `evidential`, `modal`, `adverb`, `decision`. */
  category?: string;
  /** Position on the decision-certainty scale (1 considering < 2 planning < 3 decided), if the cue is on it. */
  scale?: number | null;
}

export interface ArticleAnnotations {
  articleId: string;
  sentences: Sentence[];
  quotes: Quote[];
  /** Quotation marks around a name, title or term rather than someone's words. */
  terms: QuotedTerm[];
  speakers: Speaker[];
  citations: Citation[];
  attributions: Attribution[];
  numbers: NumberMention[];
  hedges: Hedge[];
}

// ---------------------------------------------------------------- relate

export type AlignmentKind = 'same' | 'reworded';

export interface SentenceRef extends Span {
  articleId: string;
  /** Index into the article's sentences. */
  sentence: number;
}

/** A sentence of one article matched to its counterpart(s) in another. Many-to-one for merged sentences. */
export interface AlignmentLink {
  a: SentenceRef[];
  b: SentenceRef[];
  kind: AlignmentKind;
  /** Similarity in [0, 1]. */
  score: number;
}

export interface Alignment {
  links: AlignmentLink[];
  /** Sentences with no counterpart in any other article ("only in this article"). */
  unique: SentenceRef[];
}

export type QuoteVariantClass = 'verbatim' | 'reworded' | 'shortened' | 'extended' | 'merged' | 'paraphrased';

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** The same quote in two articles. `b` may be a paraphrase outside quote marks (then `b.quoteId` is null). */
export interface QuoteVariant {
  id: string;
  a: Evidence & { quoteId: string };
  b: Evidence & { quoteId: string | null };
  class: QuoteVariantClass;
  similarity: number;
  /** Word-level diff from a to b. */
  diff: DiffPart[];
  speakerA: string | null;
  speakerB: string | null;
}

export type ProvenanceNodeKind = 'article' | 'outlet' | 'person' | 'anonymous' | 'document' | 'organization';

export interface ProvenanceNode {
  id: string;
  label: string;
  kind: ProvenanceNodeKind;
  /** For article nodes: the article id; for outlets that are also inputs, too. */
  articleId: string | null;
  /** True if this node is one of the input articles. */
  input: boolean;
}

export interface ProvenanceEdge {
  /** The relaying side (article). */
  from: string;
  /** The source relayed. */
  to: string;
  kind: 'cites' | 'quotes' | 'copies' | 'earlier';
  evidence: Evidence[];
  explanation: string;
}

export type FindingKind =
  | 'quote-drift'
  | 'speaker-change'
  | 'verb-change'
  | 'material-added'
  | 'material-dropped'
  | 'attribution-dropped'
  | 'hedge-dropped'
  | 'hedge-added'
  | 'certainty-escalated'
  | 'certainty-softened'
  | 'number-mismatch';

export interface Finding {
  id: string;
  kind: FindingKind;
  severity: 'high' | 'medium' | 'low';
  articles: string[];
  evidence: Evidence[];
  /** One line a journalist can read. */
  explanation: string;
}

export interface StoryRelations {
  speakers: Speaker[];
  alignment: Alignment;
  quoteVariants: QuoteVariant[];
  provenance: { nodes: ProvenanceNode[]; edges: ProvenanceEdge[] };
  findings: Finding[];
}

// ---------------------------------------------------------------- report

export interface Report {
  schemaVersion: string;
  generator: { name: 'retold'; version: string };
  articles: Article[];
  sentences: Sentence[];
  quotes: Quote[];
  /** Quotation marks around names, titles and terms (not quotes). */
  terms: QuotedTerm[];
  speakers: Speaker[];
  citations: Citation[];
  attributions: Attribution[];
  numbers: NumberMention[];
  hedges: Hedge[];
  alignment: Alignment;
  quoteVariants: QuoteVariant[];
  provenance: { nodes: ProvenanceNode[]; edges: ProvenanceEdge[] };
  findings: Finding[];
  errors: InputError[];
}
