import type { Article, Citation, CitationKind, Span } from '../../model.js';
import { findOutletMentions, outletByName, OUTLET_NAME_WORDS, type OutletMention } from '../outlet-lexicon.js';
import { countWord, ROLE_NOUNS } from '../quotes/lexicon.js';
import { npAfter } from '../quotes/noun-phrase.js';
import { tokenAt, type TokenizedArticle } from '../quotes/tokens.js';
import { classifyPhrase } from '../speakers/classify.js';
import { collectNames, type NameMention } from '../speakers/names.js';

/** A citation before it gets its ids. */
type Draft = Omit<Citation, 'id' | 'articleId'>;

/** Capitalised words that make a name an institution ("the Center for Responsive Politics"). */
const ORG_NAME_WORDS = /\b(?:Observatory|Watch|Forum|Initiative|Movement|Front|Forces|Guard|Tribunal|Prosecutor|Center|Centre|Institute|Foundation|Committee|Department|Bureau|Office|Agency|Council|Association|Union|Party|Commission|University|College|School|Hospital|Company|Inc|Corp|Corporation|Group|Fund|Bank|Court|Police|Ministry|Administration|Service|Authority|Organization|Organisation|Federation|Board|Campaign|Coalition|Network|Project|Society|Institution|Laboratory|Lab|Trust|Alliance|Council|Senate|Congress|Parliament|Government|Army|Navy|Command|Embassy|Party)\b/;

/** A capitalised name ending in an outlet word, then a reporting verb ("The Kyiv Daily Star reported"). */
const UNKNOWN_OUTLET_VERB = /\b((?:\p{Lu}[\p{L}'’.&-]*\s+){0,4}\p{Lu}[\p{L}'’.&-]*)\s+(?:(?:has|had|also|first|previously|earlier)\s+)?(reported|reports|wrote|quoted|cited|revealed|published|claimed)\b/gu;

/** A lone generic word ("Media reports", "Press reported") names no outlet. */
const GENERIC_MEDIA_WORD = /^(?:Media|Press|News|Radio|TV|Television|Newspapers?|Agency|Wire|Daily|Magazine)$/;

/** Cues that put the source after them ("citing Reuters", "according to CNN", "told the AP"). */
const CUE_BEFORE_SOURCE = /\b(?:citing|cited by|according to|reported by|quoted by|told|tells|telling|in an interview with|in a statement to|speaking to|speaking with|in comments to|a question from|questions from|as first reported by|first reported by|published by|obtained by|reports? (?:by|in|from)|(?:a |an )?(?:report|article) (?:by|in|from)|(?:an |the )?(?:investigation|broadcast) by|(?:an |a )?(?:\w+ )?interview with)\s+/gi;
/** Verbs after an outlet ("Bloomberg reported", "the BBC said"). */
const OUTLET_VERBS = /^\s*(?:(?:has|had|have|also|first|previously|earlier)\s+){0,2}(reported|reports|reporting|said|says|wrote|writes|quoted|quotes|cited|cites|noted|notes|learned|learnt|revealed|published|claimed|claims|added|stated|broadcast|according)\b/i;
/** Anonymous sources: count? modifiers? head qualifier… */
const ANON =
  /\b(?:(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|multiple|some|many|a|an|\d{1,3})\s+)?((?:(?!(?:the|to|of|and|or|but|as|while|with|from|according|citing|quoting|a|an|by|in|on|at|for|that|this|these|those|one|two|three|four|five|six|seven|eight|nine|ten|several|multiple|some|many|said|told|says|say|reported|reports|is|are|was|were|has|have|had|who|which)\b)[\p{L}.-]+\s+){0,3}?)(sources?|people|persons?|officials?|insiders?|diplomats?|aides?|individuals?|officers?|members?|staffers?|employees?)\s+(familiar with|close to|with (?:direct )?knowledge of|knowledgeable about|briefed on|involved in|aware of|who (?:asked|spoke|requested|declined|were not authori[sz]ed)|speaking on (?:the )?condition of anonymity|not authori[sz]ed)([^,.;:!?\n]{0,80})/giu;
/** Bare anonymous sources ("sources said", "a source told", "according to sources"). */
const BARE_SOURCES = new RegExp(
  String.raw`\b(?:(one|two|three|four|five|six|seven|eight|nine|ten|several|multiple|some|many|a|an|\d{1,3})\s+)?((?:` +
    String.raw`${'(?!(?:the|to|of|and|or|but|as|while|with|from|according|citing|quoting|a|an|by|in|on|at|for|that|this|these|those|said|told|says|say|reported|reports|is|are|was|were|has|have|had|who|which|news|open|data)\b)'}[\p{L}.-]+\s+){0,2}?)(sources?|insiders?)\b`,
  'giu',
);
const ANON_CUE_AFTER = /^\s*(?:,[^,]{0,120},\s*)?(?:(?:have|has|had|also|previously|reportedly)\s+){0,2}(told|tell|tells|said|say|says|added|confirmed|claimed|revealed|suggested|indicated|warned|cautioned)\b/i;
const ANON_CUE_BEFORE = /(according to|citing|cited|quoting|quoted|told by|said|says|say)\s*$/i;

/**
 * Citations: the outlets, people and anonymous sources an article names as
 * the source of its information. Outlets come from data/outlets.json, or are
 * recognised from context ("the Kyiv Daily newspaper", "told the Foo Times").
 * Ids `${articleId}:c${n}` in text order.
 */
export function findCitations(article: Article, tok: TokenizedArticle): Citation[] {
  const text = article.text;
  const drafts: Draft[] = [];
  let names: NameMention[] | null = null;
  const outletMentions = findOutletMentions(text);
  const mentionAt = new Map<number, OutletMention>();
  for (const m of outletMentions) mentionAt.set(m.start, m);

  for (const block of article.blocks) {
    const bt = text.slice(block.start, block.end);
    // 1. cue + source
    for (const m of bt.matchAll(CUE_BEFORE_SOURCE)) {
      const cueStart = block.start + m.index!;
      const srcStart = cueStart + m[0].length;
      const cue = m[0].trim().toLowerCase().replace(/\s+/g, ' ');
      const outlet = outletStartingAt(srcStart, mentionAt);
      if (outlet) {
        if (outlet.weak && !/^(?:citing|according to|told|reported by|cited by)/.test(cue)) continue;
        drafts.push(outletDraft(outlet, cueStart, cue));
        continue;
      }
      const ti = tokenAt(tok.tokens, srcStart);
      if (!tok.tokens[ti] || tok.tokens[ti].start !== srcStart) continue;
      const limit = Math.min(tok.tokens.length, ti + 16);
      let max = ti;
      while (max < limit && tok.tokens[max].block === tok.tokens[ti].block && !/^[.,;:!?]$/.test(tok.tokens[max].value)) max++;
      const np = npAfter(tok.tokens, ti, max);
      if (!np) continue;
      const ph = text.slice(tok.tokens[np[0]].start, tok.tokens[np[1] - 1].end);
      if (/(?:^|\s)(?:weeks?|months?|years?|days?|hours?)$/i.test(ph)) continue; // "reports in recent weeks"
      const s = tok.tokens[np[0]].start;
      const e = tok.tokens[np[1] - 1].end;
      const phrase = text.slice(s, e);
      const info = classifyPhrase(tok.tokens.slice(np[0], np[1]), text);
      const isTold = /^(?:told|tells|telling)$/.test(cue);
      // an outlet inside the phrase: "the editorial board of the New York Daily News"
      const inner = outletMentions.find((om) => om.start >= s && om.end <= e && !om.weak);
      if (inner) {
        drafts.push({ ...outletDraft(inner, cueStart, cue), end: Math.max(inner.end, e) });
        continue;
      }
      const tail = text.slice(e, Math.min(block.end, e + 30));
      let kind: CitationKind | null = null;
      let srcEnd = e;
      const docTail = /^\s*(?:\/\S+\s+)?(?:polls?|polling average|polling|survey|study|report|analysis|data|average|tracker|update|post|page|account|profile|feed|video|blog)\b/i.exec(tail);
      if (/^['’]s\s+\p{Ll}/u.test(tail)) kind = null; // "citing Trump's proposed ban"
      else if (docTail) {
        kind = 'document'; // "a CNN/WMUR poll"
        srcEnd = e + docTail[0].length;
      }
      else if (/^\s*['’]s\b/.test(tail)) kind = null;
      else if (/\s(?:magazine|newspaper|news agency|broadcaster|tabloid|daily|weekly|news site|website)$/i.test(phrase) && /^(?:the\s+)?\p{Lu}/u.test(phrase)) kind = 'outlet';
      // "the Italian newspaper L'Unione Sarda", "Iraqi media", "the Italian press", "state-run newspaper X"
      else if (/\b(?:newspapers?|media|press|outlets?|tabloids?|broadcasters?|news agenc(?:y|ies)|channels?|television|TV|radio|dailies|magazines?|blogs?|news sites?|websites?)\b/.test(phrase) && !/\b(?:secretary|conference|release|office|officer)\b/i.test(phrase)) kind = 'outlet';
      else if (/\b(?:story|stories|update|information|article|blog post|statement|announcement|release|press release|leak|leaked)\b/i.test(phrase) && !/\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(phrase)) kind = 'document';
      else if (ORG_NAME_WORDS.test(phrase) || /^(?:the\s+)?\p{Lu}{2,6}$/u.test(phrase)) kind = 'organization';
      else if (info.kind === 'outlet' || OUTLET_NAME_WORDS.test(phrase) && /^\p{Lu}/u.test(phrase.replace(/^the\s+/i, ''))) kind = 'outlet';
      else if (isTold || /^(?:speaking|in a statement|in comments|a question|questions)|interview with$/.test(cue)) kind = null; // told a person: not a source of the article
      else if (/\b(?:reports?|documents?|data|statement|study|studies|survey|surveys|filings?|records?|letters?|memos?|polls?|polling|analysis|estimates?|figures|transcripts?|census|findings|research|testimony|results?|numbers|tally|count|website|filing|e-?mails?|excerpts?|cables?|court papers|indictment|complaint|lawsuit|ruling|order|tweets?|posts?|video|footage|book|memoir|tracker|average|projections?|forecasts?)\b/i.test(phrase)) kind = 'document';
      else if (/['’]s$/.test(tok.tokens[np[1] - 1]?.value ?? '') || /['’]s\s+\p{Ll}/u.test(phrase)) kind = null; // "citing Trump's proposed ban": the thing cited is not a source
      else if (info.kind === 'anonymous' || info.kind === 'collective') kind = 'anonymous';
      else if (info.kind === 'organization') kind = 'organization';
      else if (/^(?:The\s+\p{Lu}[\p{L}\p{N}]*|\p{Lu}[\p{L}.]*['’]s\s+\p{Lu}[\p{L}\p{N}]*)$/u.test(phrase)) kind = 'organization'; // "The Wrap", "Taiwan's DigiTimes"
      else if (info.kind === 'person' && info.name && !/\s/.test(info.name) && !/\p{Ll}/u.test((info.description ?? '').replace(/^(?:the|a|an)\b\s*/i, ''))) {
        // a single capitalised word: "the Consumerist" is an organisation; a bare surname is a person
        names ??= collectNames(tok.tokens, text);
        kind = names.some((n) => n.name.endsWith(' ' + info.name)) ? 'person' : /^the\s/i.test(phrase) ? 'organization' : 'person';
      } else if (info.kind === 'person' && (info.name || (info.head && ROLE_NOUNS.has(info.head)))) kind = 'person';
      else if (/^(?:the\s+)?[\p{Lu}\p{N}]/u.test(phrase)) kind = 'organization'; // "9to5Mac", "the Consumerist"
      else kind = null; // "citing the 13-hour difference": a reason, not a source
      if (!kind) continue;
      if (kind === 'anonymous' && ANON.test(phrase)) { ANON.lastIndex = 0; continue; } // handled by the anonymous pass
      ANON.lastIndex = 0;
      drafts.push({
        start: cueStart, end: srcEnd, source: kind === 'outlet' ? phrase.replace(/^the\s+/i, '') : text.slice(s, srcEnd), kind,
        sourceSpan: { start: s, end: srcEnd }, cue, count: kind === 'anonymous' ? info.count : null,
        description: kind === 'anonymous' ? info.description : null,
      });
    }
    // 2. outlet + verb ("Bloomberg reported", "the BBC said")
    for (const om of outletMentions) {
      if (om.start < block.start || om.end > block.end || om.weak) continue;
      // "Michael Bloomberg … Bloomberg says": the person, when the article names one so
      names ??= collectNames(tok.tokens, text);
      const form = text.slice(om.start, om.end).replace(/^the\s+/i, '');
      if (!/\s/.test(form) && names.some((n) => n.name.endsWith(' ' + form))) continue;
      const after = text.slice(om.end, Math.min(block.end, om.end + 40));
      const v = OUTLET_VERBS.exec(after);
      if (!v) continue;
      if (/^\s*(?:reports?|reported)\s+citing\b/i.test(after)) continue; // "UNN reports citing Bloomberg": the relay, not the source
      if (/^according$/i.test(v[1])) continue;
      const prev = text.slice(Math.max(block.start, om.start - 24), om.start);
      if (/(?:citing|according to|told|by|from|with|to)\s+$/i.test(prev)) continue; // already a cue+source citation
      const vEnd = om.end + v.index + v[0].length;
      drafts.push({ ...outletDraft(om, om.start, v[1].toLowerCase()), start: om.start, end: vEnd });
    }
    // 2b. unknown outlets recognised from their name and a reporting verb ("The Daily Star reported")
    for (const m of bt.matchAll(UNKNOWN_OUTLET_VERB)) {
      const name = m[1].replace(/^The\s+/, '');
      if (!OUTLET_NAME_WORDS.test(name.split(/\s+/).pop() ?? '') || outletByName(name)) continue;
      if (!/\s/.test(name) && GENERIC_MEDIA_WORD.test(name)) continue; // "Media reports details": no outlet named
      if (/^\s*citing\b/i.test(bt.slice(m.index! + m[0].length))) continue; // "X reports citing Y": X relays
      const s = block.start + m.index! + m[0].indexOf(name);
      const the = /(?:^|\s)([Tt]he\s+)$/.exec(text.slice(Math.max(block.start, s - 5), s));
      const start = the ? s - the[1].length : s;
      const vEnd = block.start + m.index! + m[0].length;
      drafts.push({
        start, end: vEnd, source: name, kind: 'outlet', sourceSpan: { start, end: s + name.length },
        cue: m[2].toLowerCase(), count: null, description: null,
      });
    }
    // 3. anonymous sources with a qualifier ("two people close to the Kremlin")
    const anonHeads = /\b(?:sources?|people|persons?|officials?|insiders?|diplomats?|aides?|individuals?|officers?|members?|staffers?|employees?)\s+(?:familiar|close|with|knowledgeable|briefed|involved|aware|who|speaking|not)\b/i.test(bt);
    for (const m of anonHeads ? bt.matchAll(ANON) : []) {
      const s = block.start + m.index!;
      const pre = text.slice(Math.max(block.start, s - 5), s);
      if (/\bthe\s*$/i.test(pre) && !m[1]) continue; // "the people close to…" refers back
      let srcEnd = s + m[0].length;
      // the qualifier tail ends before a reporting verb ("close to the Kremlin told Bloomberg")
      const tail = m[5];
      // the qualifier tail ends at the first finite verb ("close to the Kremlin told Bloomberg", "… went further")
      const tailStart = s + m[0].length - tail.length;
      let cut = tail.search(/\s(?:and said|according|who)\b/i);
      for (let k = tokenAt(tok.tokens, tailStart); k < tok.tokens.length && tok.tokens[k].start < tailStart + tail.length; k++) {
        const t = tok.tokens[k];
        if ((t.pos === 'VERB' || t.pos === 'AUX') && !/ing$/i.test(t.value) && !(k > 0 && /^(?:to)$/i.test(tok.tokens[k - 1].value))) {
          const at = t.start - tailStart;
          if (cut < 0 || at < cut) cut = at;
          break;
        }
      }
      const tailKept = cut >= 0 ? tail.slice(0, cut) : tail;
      srcEnd = s + m[0].length - tail.length + tailKept.length;
      while (srcEnd > s && /\s/.test(text[srcEnd - 1])) srcEnd--;
      const mods = (m[2] ?? '').trim();
      if (mods && /\b(?:the|these|those|of|and|with|to|from)\b/i.test(mods)) continue;
      const phrase = text.slice(s, srcEnd);
      const cueInfo = cueNear(text, block.start, block.end, s, srcEnd);
      drafts.push({
        start: Math.min(s, cueInfo.start), end: Math.max(srcEnd, cueInfo.end), source: phrase, kind: 'anonymous',
        sourceSpan: { start: s, end: srcEnd }, cue: cueInfo.cue, count: m[1] ? countWord(m[1]) : null,
        description: (m[4] + tailKept).trim(),
      });
    }
    // 4. bare "sources said", "a source told", "according to sources"
    for (const m of /\b(?:sources?|insiders?)\b/i.test(bt) ? bt.matchAll(BARE_SOURCES) : []) {
      const s = block.start + m.index!;
      const e = s + m[0].length;
      if (drafts.some((d) => d.kind === 'anonymous' && d.sourceSpan.start <= s && d.sourceSpan.end >= e - 1)) continue;
      if (/\bthe\s*$/i.test(text.slice(Math.max(block.start, s - 5), s))) continue;
      const cueInfo = cueNear(text, block.start, block.end, s, e);
      if (!cueInfo.cue) continue;
      drafts.push({
        start: Math.min(s, cueInfo.start), end: Math.max(e, cueInfo.end), source: m[0], kind: 'anonymous',
        sourceSpan: { start: s, end: e }, cue: cueInfo.cue, count: m[1] ? countWord(m[1]) : null,
        description: m[2] ? m[2].trim() : null,
      });
    }
  }
  // Dedupe (same source span), order by position.
  // Dedupe: one citation per source start (the longest phrase wins), in text order.
  drafts.sort((a, b) => a.sourceSpan.start - b.sourceSpan.start || b.sourceSpan.end - a.sourceSpan.end || a.start - b.start);
  const out: Citation[] = [];
  for (const d of drafts) {
    const prev = out[out.length - 1];
    if (prev && prev.sourceSpan.start === d.sourceSpan.start) continue;
    out.push({ id: `${article.id}:c${out.length + 1}`, articleId: article.id, ...d });
  }
  return out;
}

function outletStartingAt(pos: number, mentionAt: Map<number, OutletMention>): OutletMention | null {
  return mentionAt.get(pos) ?? null;
}

function outletDraft(om: OutletMention, cueStart: number, cue: string): Draft {
  return {
    start: Math.min(cueStart, om.start), end: om.end, source: om.outlet.name, kind: 'outlet',
    sourceSpan: { start: om.start, end: om.end }, cue, count: null, description: null,
  };
}

function cueNear(text: string, blockStart: number, blockEnd: number, s: number, e: number): { cue: string; start: number; end: number } {
  const after = ANON_CUE_AFTER.exec(text.slice(e, Math.min(blockEnd, e + 160)));
  if (after) return { cue: after[1].toLowerCase(), start: s, end: e + after[0].length };
  const beforeText = text.slice(Math.max(blockStart, s - 30), s);
  const before = ANON_CUE_BEFORE.exec(beforeText);
  if (before) return { cue: before[1].toLowerCase(), start: s - (beforeText.length - before.index), end: e };
  return { cue: '', start: s, end: e };
}

