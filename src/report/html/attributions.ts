import type { Article, Attribution, Span, TextSpan } from '../../model.js';
import type { Mark } from './article-body.js';
import { escapeHtml as e } from './escape.js';

/** An attribution with its index in `report.attributions` (the page script looks it up by that index). */
export interface IndexedAttribution {
  i: number;
  a: Attribution;
}

const FORM_LABEL: Record<Attribution['form'], string> = {
  direct: 'direct quote', indirect: 'indirect speech', mixed: 'partly quoted', 'according-to': 'according to',
};

/** The words of a span as they stand in the article text (the span's own copy when it does not fit the text). */
function spanText(text: string, s: TextSpan): string {
  return validIn(text, s) ? text.slice(s.start, s.end) : s.text;
}

function validIn(text: string, s: Span): boolean {
  return Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end;
}

function clip(s: string, n: number): string {
  const chars = [...s.replace(/\s+/g, ' ').trim()];
  return chars.length > n ? chars.slice(0, n - 1).join('') + '…' : chars.join('');
}

/** Without its own outer quotation marks (the list puts the excerpt in quotes). */
function unquoted(s: string): string {
  const t = s.trim();
  const m = /^["“„«‘'](.*?)[,.]?["”»’']$/s.exec(t);
  return m ? m[1] : t;
}

/** Who is credited: the source as written, then the speaker's name when it says more. */
function creditedTo(text: string, x: Attribution, speakerName: Map<string, string>): string {
  const written = x.source ? clip(spanText(text, x.source), 80) : '';
  const name = x.speakerId ? speakerName.get(x.speakerId) : undefined;
  if (!written) return name ?? '(no source named)';
  return name && !written.toLowerCase().includes(name.toLowerCase()) ? `${written} (${name})` : written;
}

/**
 * Marks for the attributions of one article: the cue (`acue`, carrying the
 * attribution index) and the source (`asrc`). Contents get no permanent mark,
 * only segment boundaries (returned in `bounds`), so the page can light them up
 * exactly when the cue is hovered or an entry of the list is chosen.
 */
export function attributionMarks(text: string, atts: IndexedAttribution[], speakerName: Map<string, string>): { marks: Mark[]; bounds: number[] } {
  const marks: Mark[] = [];
  const bounds: number[] = [];
  for (const { i, a } of atts) {
    const who = creditedTo(text, a, speakerName);
    marks.push({ start: a.cue.start, end: a.cue.end, cls: 'acue', att: i, title: `Attributed to ${who} (${FORM_LABEL[a.form] ?? a.form})` });
    if (a.source) marks.push({ start: a.source.start, end: a.source.end, cls: 'asrc' });
    if (validIn(text, a.content)) bounds.push(a.content.start, a.content.end);
  }
  return { marks, bounds };
}

/**
 * The article's attribution relations as a compact, folded list (source — cue —
 * content excerpt), in text order; each entry is a button-like item with
 * `data-att` (index into `report.attributions`) that the page script turns into
 * a highlight of its spans. Empty string when the article has none.
 */
export function renderAttributionList(article: Article, atts: IndexedAttribution[], speakerName: Map<string, string>,
  speakerClass: Map<string, string>): string {
  if (!atts.length) return '';
  const text = article.text;
  const ordered = [...atts].sort((x, y) => x.a.cue.start - y.a.cue.start || x.a.content.start - y.a.content.start || x.i - y.i);
  const items = ordered.map(({ i, a }) => {
    const cls = a.speakerId ? speakerClass.get(a.speakerId) ?? 'spk-none' : 'spk-none';
    return `<li class="att ${cls}" data-att="${i}" tabindex="0" role="button" title="Show in the text">` +
      `<span class="att-src">${e(creditedTo(text, a, speakerName))}</span> <span class="att-cue">${e(clip(spanText(text, a.cue), 40))}</span>` +
      ` <q>${e(clip(unquoted(spanText(text, a.content)), 120))}</q> <span class="att-form">${e(FORM_LABEL[a.form] ?? a.form)}</span></li>`;
  }).join('');
  const indirect = atts.filter((x) => x.a.form !== 'direct').length;
  return `<details class="atts"><summary>Attributions (${atts.length}) <span class="meta">· who is credited with what${indirect ? ` · ${indirect} indirect or partly quoted` : ''}</span></summary>` +
    `<ol class="att-list">${items}</ol></details>`;
}
