import type { Article, Attribution, TextSpan } from '../../model.js';
import type { QuoteDraft } from './index.js';

/**
 * Rule-based attributions: one per quote that has a cue (its own, or the cue
 * of the quote it continues). Source = the speaker phrase, cue = the reporting
 * verb, content = the quoted words. Partial quotes are `mixed` (quoted words
 * inside reported speech). Ids `${articleId}:r${n}` in text order.
 */
export function quoteAttributions(article: Article, drafts: QuoteDraft[]): Attribution[] {
  const text = article.text;
  const span = (start: number, end: number): TextSpan => ({ start, end, text: text.slice(start, end) });
  const out: Attribution[] = [];
  for (const d of drafts) {
    const q = d.quote;
    let verbSpan = q.verbSpan;
    let sourceSpan = q.speakerSpan;
    if (!verbSpan && d.inheritsFrom !== null) {
      const p = drafts[d.inheritsFrom].quote;
      verbSpan = p.verbSpan;
      sourceSpan = p.speakerSpan;
    }
    if (!verbSpan) continue;
    out.push({
      id: '',
      articleId: article.id,
      source: sourceSpan ? span(sourceSpan.start, sourceSpan.end) : null,
      cue: span(verbSpan.start, verbSpan.end),
      // PolNeAR convention: the content of a direct quote includes its quotation marks
      content: span(d.open >= 0 && d.open < q.start ? d.open : q.start, d.close >= q.end ? d.close + 1 : q.end),
      speakerId: q.speakerId,
      quoteId: q.id,
      form: /^according/i.test(q.verb ?? '') ? 'according-to' : q.kind === 'partial' ? 'mixed' : 'direct',
    });
  }
  out.sort((a, b) => a.content.start - b.content.start);
  out.forEach((a, n) => (a.id = `${article.id}:r${n + 1}`));
  return out;
}
