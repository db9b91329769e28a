/**
 * Attribution relations for the hand-annotated seed report (whose fixture has
 * none): each is located by its words in the article text, so every offset is
 * computed, not guessed. They cover the hard cases for rendering: a cue and
 * source around a quote (direct), a content that contains a quote (mixed), a
 * content that starts outside a quote and ends inside it, an attribution nested
 * in the source of another, a cue overlapping a citation, one in a caption, and
 * one without a source.
 */
import type { Attribution, Report, TextSpan } from '../../src/model.js';

interface Plan {
  article: number;
  /** Where the relation starts: each part is the first occurrence of its words from here. */
  at: string;
  source: string | null;
  cue: string;
  content: string;
  form: Attribution['form'];
  quote?: string;
}

const PLANS: Plan[] = [
  { article: 0, at: 'The signals', source: 'two sources close to the Kremlin', cue: 'told', content: 'The signals were sent to senior U.S. officials sometime last month', form: 'indirect' },
  { article: 0, at: '“President Putin', source: 'a Kremlin spokesman', cue: 'told', content: '“President Putin has repeatedly stated that Russia has been, is and will continue to be open to negotiations on Ukraine,”', form: 'direct', quote: 'acc4ae7c4:q1' },
  { article: 0, at: 'The spokesman', source: 'The spokesman', cue: 'added', content: 'that Russia preferred to end the war through “diplomatic means” but was ready to continue with force', form: 'mixed', quote: 'acc4ae7c4:q2' },
  { article: 0, at: 'According to reports', source: 'reports', cue: 'According to', content: 'Vladimir Putin may be willing to admit Ukraine into NATO in return for retaining territory captured since 2022', form: 'according-to' },
  { article: 0, at: 'Despite the reports', source: null, cue: 'have denied', content: 'receiving any such messages, backchannel signals or tips from Russia', form: 'indirect' },
  { article: 1, at: 'According to Bloomberg', source: 'Bloomberg', cue: 'According to', content: 'Putin has made it clear through indirect channels that he is supposedly open to talks to end the war in Ukraine', form: 'according-to' },
  { article: 1, at: 'U.S. officials say', source: 'U.S. officials', cue: 'say', content: 'they "see no indication that the Russian president is serious about finding a way to end the fighting', form: 'mixed', quote: 'ab519935d:q1' },
  { article: 1, at: 'The people close', source: 'The people close to the Kremlin, who asked not to be identified to discuss matters that are not public,', cue: 'said', content: 'the signals were relayed to senior U.S. officials last month through an intermediary they declined to name', form: 'indirect' },
  { article: 1, at: 'The people close', source: 'who', cue: 'asked', content: 'not to be identified to discuss matters that are not public', form: 'indirect' },
];

/** The seed report with the attributions above (in this order). */
export function withAttributions(report: Report): Report {
  const attributions: Attribution[] = PLANS.map((p, n) => {
    const article = report.articles[p.article];
    const text = article.text;
    const find = (words: string, from: number): TextSpan => {
      const start = text.indexOf(words, from);
      if (start < 0) throw new Error(`not found in ${article.id}: ${words}`);
      return { start, end: start + words.length, text: words };
    };
    const at = find(p.at, 0).start;
    const quote = p.quote ? report.quotes.find((q) => q.id === p.quote) : undefined;
    return { id: `${article.id}:t${n + 1}`, articleId: article.id, source: p.source === null ? null : find(p.source, at),
      cue: find(p.cue, at), content: find(p.content, at), speakerId: quote?.speakerId ?? null, quoteId: quote?.id ?? null, form: p.form };
  });
  return { ...report, attributions };
}
