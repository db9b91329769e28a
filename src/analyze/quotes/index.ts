import type { Article, Quote, QuotedTerm, QuoteKind, Span } from '../../model.js';
import { BlockWords, listedTitles, quotedTermReason } from './terms.js';
import { cueAfter, cueBefore, cueColonIntro, isQuoteToken, isReportingVerb, type Cue } from './cues.js';
import type { TokenRange } from './noun-phrase.js';
import { REPORTING_VERBS } from './lexicon.js';
import { pairBlock, quoteEnd, type Segment } from './marks.js';
import { tokenAt, type TokenizedArticle } from './tokens.js';

/** A quote with the working data later stages need (cue tokens, blocks, inheritance). */
/** Offset → inside a quote (marks included)? Built from the drafts of `findQuotes`. */
export function quotedPredicate(drafts: readonly QuoteDraft[], text: string): (offset: number) => boolean {
  const ranges = drafts.map((d) => [d.open, d.close >= 0 ? d.close + 1 : d.quote.end] as [number, number]).sort((a, b) => a[0] - b[0]);
  void text;
  return (offset: number) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (offset < ranges[mid][0]) hi = mid - 1;
      else if (offset >= ranges[mid][1]) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

export interface QuoteDraft {
  quote: Quote;
  /** First and last block of the quote. */
  firstBlock: number;
  lastBlock: number;
  /** Offsets of the opening mark and closing mark (-1 if unclosed). */
  open: number;
  close: number;
  cue: Cue | null;
  /** Speaker carried over from the previous quote (no cue of its own). */
  inheritsFrom: number | null;
  /**
   * The speaker phrase (tokens) of the reported speech that ends the paragraph before the quote's ("Aparna Mathur
   * … said Ivanka Trump's statement …\n\n"…," she said"): the likeliest "he" or "she".
   */
  reportedBefore?: TokenRange | null;
  caption: boolean;
}

const CUE_WORDS = /\b(?:said|says|say|told|tells|added|adds|noted|wrote|writes|explained|insisted|warned|argued|continued|stated|claimed|asked|replied|declared|stressed|according to|quoted|quotes|cited)\b/i;

/**
 * Find the quotes of an article: pair marks per block, join paragraphs of
 * multi-paragraph quotes, classify them and find each one's reporting cue.
 */
export function findQuotes(article: Article, tok: TokenizedArticle): QuoteDraft[] {
  return findQuotesAndTerms(article, tok).drafts;
}

/** `findQuotes`, and the quotation marks around names, titles and terms it leaves out (quotes/terms.ts). */
export function findQuotesAndTerms(article: Article, tok: TokenizedArticle): { drafts: QuoteDraft[]; terms: QuotedTerm[] } {
  const text = article.text;
  const perBlock: Segment[][] = article.blocks.map((b, i) => pairBlock(text, b.start, b.end, i));

  // Which blocks have a reporting cue outside their quotes (decides continuation vs new quote).
  const outsideCue = article.blocks.map((b, i) => {
    let outside = '';
    let pos = b.start;
    for (const s of perBlock[i]) {
      outside += text.slice(pos, s.open) + ' ';
      pos = s.close >= 0 ? s.close + 1 : b.end;
    }
    if (pos < b.end) outside += text.slice(pos, b.end);
    return CUE_WORDS.test(outside);
  });

  // Group segments into quotes, merging an unclosed last segment with the next block's leading one.
  const groups: Segment[][] = [];
  const consumed = article.blocks.map(() => 0);
  for (let b = 0; b < article.blocks.length; b++) {
    const segs = perBlock[b];
    for (let k = consumed[b]; k < segs.length; k++) {
      const group = [segs[k]];
      let cur = segs[k];
      let curBlock = b;
      let lastIdx = k;
      // continuation: unclosed segment ending its block
      while (cur.close < 0 && lastIdx === perBlock[curBlock].length - 1) {
        const next = nextBodyBlock(article, curBlock);
        if (next < 0 || article.blocks[curBlock].kind === 'caption') break;
        const nb = article.blocks[next];
        const first = perBlock[next][0];
        if (!first || first.open !== firstNonSpace(text, nb.start, nb.end)) break;
        // A new quote when both paragraphs carry their own cue ("…Peskov said. “We are determined…" / "“We are not aware…," said Watson).
        if (outsideCue[curBlock] && outsideCue[next] && perBlock[next].length >= 1 && blockCueIsOwn(perBlock[next], text, nb.end)) break;
        group.push(first);
        consumed[next] = 1;
        cur = first;
        curBlock = next;
        lastIdx = 0;
      }
      groups.push(group);
      if (curBlock !== b) break; // rest of this block consumed by the group; continue from next block
    }
  }
  groups.sort((a, b) => a[0].open - b[0].open);

  // Quoted stretches (marks included), to skip words inside other quotes when looking for a cue.
  const quoted: Array<[number, number]> = groups.map((g) => [g[0].open, g[g.length - 1].close >= 0 ? g[g.length - 1].close + 1 : g[g.length - 1].end]);
  const inQuote = (offset: number): boolean => {
    let lo = 0;
    let hi = quoted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (offset < quoted[mid][0]) hi = mid - 1;
      else if (offset >= quoted[mid][1]) lo = mid + 1;
      else return true;
    }
    return false;
  };
  let drafts: QuoteDraft[] = [];
  for (const g of groups) {
    const first = g[0];
    const last = g[g.length - 1];
    const start = first.start;
    let end = last.end;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end <= start) continue;
    const kind = quoteKind(text, tok, g, start, end);
    const caption = article.blocks[first.block].kind === 'caption';
    const cue = findCue(tok, first.open, last.close, kind, inQuote, text) ?? (caption ? null : (cueBeforeColonBlock(article, tok, first) ?? (outsideCue[first.block] ? null : cueOfReportedParagraph(article, tok, first, perBlock))));
    const quote: Quote = {
      id: '',
      articleId: article.id,
      start,
      end,
      text: text.slice(start, end),
      kind,
      speaker: null,
      speakerSpan: null,
      speakerId: null,
      verb: null,
      verbSpan: null,
    };
    if (cue) {
      const v = tok.tokens[cue.verb];
      quote.verb = v.value;
      quote.verbSpan = { start: v.start, end: v.end };
      const particle = tok.tokens[cue.verb + 1];
      if (particle && /^(?:shot|shoots|fired|fires|hit|hits|pushed|snapped|chimed|chimes|went|goes|puts?)$/i.test(v.value) && /^(?:back|in|on|it)$/i.test(particle.value)) {
        quote.verb = text.slice(v.start, particle.end);
        quote.verbSpan = { start: v.start, end: particle.end };
      }
      if (cue.verb + 3 < tok.tokens.length && /^in$/i.test(v.value) && /^words$/i.test(tok.tokens[cue.verb + 2].value)) {
        const of = tok.tokens[cue.verb + 3];
        quote.verb = text.slice(v.start, of.end);
        quote.verbSpan = { start: v.start, end: of.end };
      }
      if (cue.verb + 1 < tok.tokens.length && v.value.toLowerCase() === 'according') {
        const to = tok.tokens[cue.verb + 1];
        quote.verb = text.slice(v.start, to.end);
        quote.verbSpan = { start: v.start, end: to.end };
      }
      if (cue.speaker) {
        const span: Span = { start: tok.tokens[cue.speaker[0]].start, end: tok.tokens[cue.speaker[1] - 1].end };
        quote.speakerSpan = span;
        quote.speaker = text.slice(span.start, span.end);
      }
    }
    // a "he"/"she" right after the quote of a paragraph that follows one of reported speech
    const reported = cue?.speaker && cue.speaker[1] - cue.speaker[0] === 1 && /^(?:he|she)$/i.test(tok.tokens[cue.speaker[0]].value) && tok.tokens[cue.speaker[0]].block === first.block ? reportedCueBefore(article, tok, first.block, perBlock, 3) : null;
    drafts.push({ quote, firstBlock: first.block, lastBlock: last.block, open: first.open, close: last.close, cue, inheritsFrom: null, caption, reportedBefore: reported?.speaker ?? null });
  }

  // names, titles and terms in quotation marks quote no one: set apart (before any inheritance refers to them)
  const terms: QuotedTerm[] = [];
  const quotes: QuoteDraft[] = [];
  const listed = listedTitles(drafts, text);
  const blockWords = new BlockWords(text);
  for (const [k, d] of drafts.entries()) {
    const reason = listed.has(k) ? 'title' : quotedTermReason(d, text, article.blocks[d.firstBlock], tok.tokens, blockWords);
    if (reason) terms.push({ articleId: article.id, start: d.quote.start, end: d.quote.end, text: d.quote.text, reason });
    else quotes.push(d);
  }
  drafts = quotes;

  // Inherit the speaker for cue-less quotes that stand alone right after an attributed quote.
  for (let i = 1; i < drafts.length; i++) {
    const d = drafts[i];
    if (d.cue || d.caption || d.quote.kind === 'partial' || !standsAlone(text, article, d)) continue;
    for (let j = i - 1; j >= 0; j--) {
      const p = drafts[j];
      if (p.caption) continue;
      const between = nextBodyBlock(article, p.lastBlock);
      // (or one short paragraph of narration between them, with no quote or speech verb: "“…,” said Stambaugh.\n\n
      // There are many advantages to a robot over a human patrol.\n\n“They'll work triple shift …”")
      const aside = between >= 0 && nextBodyBlock(article, between) === d.firstBlock && d.firstBlock !== p.lastBlock && perBlock[between].length === 0 && !outsideCue[between] && isShortAside(text, article.blocks[between], tok);
      const adjacent = p.lastBlock === d.firstBlock || between === d.firstBlock || aside;
      if (adjacent && (p.cue?.speaker || p.inheritsFrom !== null)) d.inheritsFrom = p.inheritsFrom ?? j;
      break;
    }
  }
  drafts.forEach((d, n) => (d.quote.id = `${article.id}:q${n + 1}`));
  return { drafts, terms };
}

function firstNonSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && /\s/.test(text[i])) i++;
  return i;
}

/**
 * One sentence of at most 20 words with no name-like word after its first and no speech or stance verb ("Many
 * parents believe …" gives the next quote its own speakers): a narrator's aside between two quotes.
 */
function isShortAside(text: string, block: Span, tok: TokenizedArticle): boolean {
  const s = text.slice(block.start, block.end).trim();
  const words = s.split(/\s+/);
  if (words.length > 20 || /[.!?]\s+\S/.test(s) || words.slice(1).some((w) => /^\p{Lu}\p{Ll}/u.test(w))) return false;
  for (let k = tokenAt(tok.tokens, block.start); k < tok.tokens.length && tok.tokens[k].start < block.end; k++) {
    if (REPORTING_VERBS.has(tok.tokens[k].value.toLowerCase())) return false;
  }
  return true;
}

function nextBodyBlock(article: Article, b: number): number {
  for (let i = b + 1; i < article.blocks.length; i++) {
    if (article.blocks[i].kind !== 'caption') return i;
  }
  return -1;
}

/** True when the block's own cue follows its first quote (the paragraph attributes its own quote). */
function blockCueIsOwn(segs: Segment[], text: string, blockEnd: number): boolean {
  const first = segs[0];
  if (first.close < 0) return false;
  const after = text.slice(first.close + 1, Math.min(blockEnd, first.close + 200));
  return /^[\s,\u2014\u2013-]*(?:[\p{L}\p{N}.'’-]+\s+){0,10}?(?:said|says|told|tells|added|adds|noted|wrote|writes|explained|insisted|warned|argued|continued|stated|claimed|asked|replied|declared|stressed)\b/u.test(after);
}

function quoteKind(text: string, tok: TokenizedArticle, g: Segment[], start: number, end: number): QuoteKind {
  if (g.length > 1) return 'multi-paragraph';
  const s = g[0];
  if (s.close < 0) return 'unclosed';
  const firstLetter = text.slice(start, Math.min(end, start + 40)).match(/\p{L}/u);
  if (firstLetter && firstLetter[0] !== firstLetter[0].toUpperCase()) return 'partial';
  // text of the same sentence before the opening mark
  const ti = tokenAt(tok.tokens, s.open);
  const sent = tok.tokens[ti]?.sentence ?? -1;
  const sentStart = sent >= 0 ? tok.sentences[sent].start : s.open;
  const before = text.slice(sentStart, s.open).trimEnd();
  const lastCh = before[before.length - 1];
  const endsSentence = /[.!?,\u2026]\s*$/.test(text.slice(start, end));
  if (before && lastCh && /[\p{L}\p{N}]/u.test(lastCh)) {
    if (!endsSentence) return 'partial';
    // "called the frontrunner “ISIS’ best recruiter.”" is partial; "He said “We will win.”" is direct
    const lastWord = /[\p{L}\p{N}'’-]+$/u.exec(before)?.[0].toLowerCase() ?? '';
    if (!REPORTING_VERBS.has(lastWord) && lastWord !== 'that' && text.slice(start, end).split(/\s+/).length <= 12) return 'partial';
  }
  return 'direct';
}

function findCue(tok: TokenizedArticle, open: number, close: number, kind: QuoteKind, inQuote: (offset: number) => boolean, text: string): Cue | null {
  const tokens = tok.tokens;
  const oi = tokenAt(tokens, open);
  const sent = tokens[oi]?.sentence ?? -1;
  // cues sit near their quote: look back at most 80 tokens (keeps huge run-on sentences linear)
  const from = Math.max(sent >= 0 ? tok.sentenceTokens[sent][0] : oi, oi - 80);
  const skip = (k: number) => inQuote(tokens[k].start);
  // "… and Clinton said, “as long as …”": a speech verb right before the mark introduces the quote itself
  let adj = oi - 1;
  if (adj >= from && /^[,:]$/.test(tokens[adj].value)) adj--;
  const adjacentVerb = adj >= from && REPORTING_VERBS.has(tokens[adj].value.toLowerCase()) && tokens[adj].pos === 'VERB';
  const before = () => (oi > from ? cueBefore(tokens, from, oi, { leftmost: kind === 'partial' && !adjacentVerb, skip }) : null);
  const after = () => {
    if (close < 0) return null;
    const ci = tokenAt(tokens, close);
    if (!tokens[ci] || tokens[ci].start !== close) return null;
    const blockEnd = blockTokenEnd(tok, ci);
    const endsSentence = /[.!?\u2026]\s*$/.test(text.slice(Math.max(0, close - 3), close));
    return cueAfter(tokens, ci + 1, blockEnd, endsSentence);
  };
  // a partial quote closing on a comma ("…“not on the table,” Smith said") takes the cue after it
  if (kind === 'partial' && !(close >= 0 && commaAtClose(tok, close))) {
    // … and one in a contrasting clause of its own takes that clause's cue: "The woman was described by officials
    // as “one of his wives”, while other reports have described her as his “ex-wife”"
    // (a clause with a subject of its own, right after the conjunction — not "…, while being interviewed, called …" —
    // and no speech verb right after the quote: "— “why wouldn’t you …?” asked Dunn")
    const later = after();
    for (let k = oi - 1; k > from + 1 && !later?.speaker; k--) {
      if (skip(k)) continue;
      const conj = /^(?:while|whereas|but|although|though)$/i.test(tokens[k].value) && /^[,;]$/.test(tokens[k - 1].value);
      if (conj || tokens[k].value === ';') {
        const own = cueBefore(tokens, k + 1, oi, { leftmost: !adjacentVerb, skip });
        if (own?.speaker && own.speaker[0] === k + 1 && own.verb > own.speaker[1] - 1) return own;
        break;
      }
    }
    return before() ?? later;
  }
  // "The minister said: “…”" — a colon introduction names the speaker
  if (oi > from && tokens[oi - 1].value === ':') return before() ?? after() ?? cueColonIntro(tokens, from, oi - 1);
  return after() ?? before();
}

/** A comma right inside or right after a closing mark (`…,”` / `…”,`). */
function commaAtClose(tok: TokenizedArticle, close: number): boolean {
  const i = tokenAt(tok.tokens, close);
  return tok.tokens[i - 1]?.value === ',' || tok.tokens[i + 1]?.value === ',';
}

function blockTokenEnd(tok: TokenizedArticle, i: number): number {
  const b = tok.tokens[i].block;
  let k = i;
  while (k < tok.tokens.length && tok.tokens[k].block === b && k < i + 40) k++;
  return k;
}

/**
 * True when a quote is a sentence (or more) of its own: nothing but space or
 * sentence punctuation between it and the previous sentence end, and nothing
 * after its closing mark up to the end of the sentence ("“Never.”", not "«…», a déclaré le ministre").
 */
/**
 * A quotation standing alone right after one in the same paragraph whose speaker was found only after the quotes
 * were paired (`adopted`: the learned attribution's source, the sentence subject) continues it, as it would
 * have with a cue found at once: "''…,'' Leonard E. Burman, director of … and a professor at … University, said
 * of Mrs. Clinton's plan. ''It doesn't make our long-term fiscal problems worse.''" Sets `inheritsFrom`; returns
 * the ids of the quotes that now inherit.
 */
export function inheritAdoptedSpeakers(drafts: QuoteDraft[], adopted: ReadonlySet<string>, article: Article): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < drafts.length; i++) {
    const d = drafts[i];
    const p = drafts[i - 1];
    const q = d.quote;
    if (d.cue || d.caption || d.inheritsFrom !== null || q.speakerSpan || q.speakerId || q.kind === 'partial') continue;
    if (!(adopted.has(p.quote.id) || out.has(p.quote.id)) || p.caption || p.lastBlock !== d.firstBlock) continue;
    if (!standsAlone(article.text, article, d)) continue;
    d.inheritsFrom = p.inheritsFrom ?? i - 1;
    out.add(q.id);
  }
  return out;
}

function standsAlone(text: string, article: Article, d: QuoteDraft): boolean {
  const firstBlock = article.blocks[d.firstBlock];
  const lastBlock = article.blocks[d.lastBlock];
  let i = d.open - 1;
  while (i >= firstBlock.start && /\s/.test(text[i])) i--;
  if (i >= firstBlock.start && !/[.!?\u2026"\u201D\u00BB:']/.test(text[i])) return false;
  if (d.close < 0) return true;
  let k = d.close + 1;
  while (k < lastBlock.end && /[\s.!?\u2026]/.test(text[k])) k++;
  if (k >= lastBlock.end) return true;
  // the next thing is another quote or a new sentence
  return /["'\u201C\u201E\u00AB]/.test(text[k]) || (/[.!?\u2026]/.test(text.slice(quoteEnd(text, d.close) - 1, d.close + 2)) && /\p{Lu}/u.test(text[k]));
}

/**
 * The reported speech that ends the paragraph before block `b`, when that paragraph holds no quote of its
 * own: the cue of its last sentence, which opens with its speaker and a speech verb (said, added, told,
 * warned… — not a stance verb such as "believes") or with "According to <speaker>,". "He added that parents
 * should play a stronger role."
 */
function reportedCueBefore(article: Article, tok: TokenizedArticle, b: number, perBlock: Segment[][], reach = 1): Cue | null {
  if (b === 0) return null;
  const prev = article.blocks[b - 1];
  if (prev.kind !== 'paragraph' || perBlock[b - 1].length > 0) return null;
  const last = tokenAt(tok.tokens, prev.end - 1);
  const lastSent = tok.tokens[last]?.sentence ?? -1;
  if (lastSent < 0 || tok.tokens[last].block !== b - 1) return null;
  // the paragraph's last sentence; or, when its last sentences have no speech verb, the one before them that
  // reports ("Mehra says he thinks it all boils down to …. Accessing sensors drains the battery, so Apple is
  // preventing developers …\n\n“Sensors take up a lot of battery …”"), up to `reach` sentences back
  for (let sent = lastSent; sent >= 0 && sent > lastSent - reach; sent--) {
    const [from, to] = tok.sentenceTokens[sent];
    if (tok.tokens[from]?.block !== b - 1) return null;
    const cue = reportedSentenceCue(tok, from, to);
    // (further back, only a verb of speech: not "Boko Haram has agreed to a ceasefire")
    if (cue && sent < lastSent && !CORE_SPEECH.test(tok.tokens[cue.verb].value)) return null;
    if (cue || tok.tokens.slice(from, to).some((t) => isReportingVerb(t, false))) return cue;
  }
  return null;
}

/** Verbs of speech proper, in the forms that report. */
const CORE_SPEECH = /^(?:said|says|told|tells|added|adds|explained|explains|wrote|writes|noted|notes|argued|argues|insisted|insists|claimed|claims|stated|states|warned|warns|acknowledged|acknowledges|admitted|admits|recalled|recalls|maintained|maintains|contended|contends)$/i;

/** The cue of a sentence of reported speech that opens on its speaker ("Mehra says he thinks …"), or null. */
function reportedSentenceCue(tok: TokenizedArticle, from: number, to: number): Cue | null {
  if (tok.tokens[to - 1]?.value === '?') return null;
  const cue = cueBefore(tok.tokens, from, to, { leftmost: true });
  // a sentence opening "According to Stambaugh, …" is reported speech too
  if (cue?.speaker && cue.verb === from && /^according$/i.test(tok.tokens[from].value) && tok.tokens[cue.speaker[1]]?.value === ',') return cue;
  if (!cue?.speaker || cue.verb < cue.speaker[1] || cue.verb > cue.speaker[1] + 1) return null;
  // a passive ("The charge against Lewandowski is explained in an affidavit") names no speaker
  if (cue.verb > cue.speaker[1] && /^(?:is|are|was|were|be|been|being)$/i.test(tok.tokens[cue.speaker[1]].value)) return null;
  // the speaker phrase opens the sentence (or what comes before it has no verb: "The National Coordinator for
  // Reproductive Health of the Republika Srpska, Nenad Babici, admitted")
  // (or the cue is set off by commas inside the sentence: "Educational institutes and parents should, he said, play a
  // stronger role")
  const aside = tok.tokens[cue.speaker[0] - 1]?.value === ',' && tok.tokens[cue.verb + 1]?.value === ',';
  // (or an opening phrase set off by a comma: "Quoting from Muslim scholars, Sheikh Munajjid argued that …")
  const opener = tok.tokens[cue.speaker[0] - 1]?.value === ',' && (/ing$/i.test(tok.tokens[from].value) || /^(?:ADP|SCONJ)$/.test(tok.tokens[from].pos));
  if (cue.speaker[0] > from + 2 && !aside && !opener && tok.tokens.slice(from, cue.speaker[0]).some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return null;
  return isReportingVerb(tok.tokens[cue.verb], false) ? cue : null;
}

/**
 * A quote that opens its paragraph (with no speech verb outside its quotes) right after a paragraph of
 * reported speech is that speaker's ("He added that educational institutes and parents should play a
 * stronger role.\n\n'It is obvious that children …'").
 */
function cueOfReportedParagraph(article: Article, tok: TokenizedArticle, first: Segment, perBlock: Segment[][]): Cue | null {
  const block = article.blocks[first.block];
  if (firstNonSpace(article.text, block.start, block.end) !== first.open) return null;
  return reportedCueBefore(article, tok, first.block, perBlock, 3);
}

/**
 * A quote opening its paragraph right after a paragraph that ends with a colon
 * ("Cruz continued:" / "The publication quotes Fiona Hill:") takes the cue of
 * that paragraph's last sentence.
 */
function cueBeforeColonBlock(article: Article, tok: TokenizedArticle, first: Segment): Cue | null {
  const text = article.text;
  const block = article.blocks[first.block];
  if (firstNonSpace(text, block.start, block.end) !== first.open || first.block === 0) return null;
  const prev = article.blocks[first.block - 1];
  if (prev.kind === 'caption' || !/:\s*$/.test(text.slice(Math.max(prev.start, prev.end - 4), prev.end))) return null;
  const colon = tokenAt(tok.tokens, text.lastIndexOf(':', prev.end));
  const sent = tok.tokens[colon]?.sentence ?? -1;
  if (sent < 0 || tok.tokens[colon].value !== ':') return null;
  let from = Math.max(tok.sentenceTokens[sent][0], colon - 80);
  for (let k = colon - 1; k >= from; k--) {
    if (isQuoteToken(tok.tokens, k)) {
      from = k + 1;
      break;
    }
  }
  return cueBefore(tok.tokens, from, colon) ?? cueColonIntro(tok.tokens, from, colon);
}
