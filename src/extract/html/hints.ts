import type { HNode } from './dom.js';

/** Class/id words that mark the article body. */
export const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|column|prose|rich-?text/i;
/** Class/id words that mark page furniture. */
export const NEGATIVE = /(?:^|[\s_-])(?:ad|ads|advert\w*|banner|combx|comments?|com-|contact|foot(?:er)?|gdpr|masthead|meta|outbrain|taboola|promo\w*|related|scroll|share\w*|shoutbox|sidebar|skyscraper|sponsor\w*|shopping|tags?|widget|newsletter|subscri\w*|signup|sign-up|recirc\w*|trending|popular|most-?read|toolbar|social|breadcrumbs?|pagination|pager|cookie|consent|modal|popup|overlay|nav\w*|menu|rail|teaser|recommend\w*|more-?stories|read-?more|also|byline|author|dateline|timestamp|print|email|disqus|zergnet|tooltip|hidden|sr-only|visually-?hidden|offscreen|inline-?ad|dfp|adslot|ad-?slot|ad-?container|ad-?wrapper|ad-?unit|video-?player|playlist|carousel|slideshow|gallery-?nav|jump|toc|table-?of-?contents|feedback|rating|poll|survey|donate|membership|bio|disclaimer|copyright|legal|correction-?link)(?:$|[\s_-])/i;

/** Stronger markers: when matched, the element is furniture whatever its text. */
export const UNLIKELY = /(?:^|[\s_-])(?:comments?|disqus|outbrain|taboola|zergnet|related|recirc\w*|newsletter|most-?read|trending|popular|share|sharing|social|cookie|consent|breadcrumbs?|sidebar|nav|navigation|menu|footer|masthead|modal|popup|ad|ads|advert\w*|sponsored|promo|subscribe|signup)(?:$|[\s_-])/i;

/** Class/id that strongly marks the article body container. */
export const BODY_HINT = /(?:^|[\s_-])(?:article-?body|articlebody|article__body|article-?content|article__content|story-?body|storybody|story-?content|post-?body|post-?content|entry-?content|content-?body|body-?text|article-?text|articletext|main-?content|page-?content|text-?content|rich-?text|field-?body|node-?body|story-?text|caas-body|paywall-?content|article-?main|article__text|body-?copy|c-entry-content|l-article-body)(?:$|[\s_-])/i;

export function classAndId(n: HNode): string {
  const c = n.attrs.class;
  const i = n.attrs.id;
  if (c && i) return c + ' ' + i;
  return c || i || '';
}

/** Readability-style weight from class and id. */
export function classWeight(n: HNode): number {
  let w = 0;
  const c = n.attrs.class;
  const i = n.attrs.id;
  if (c) {
    if (NEGATIVE.test(c)) w -= 25;
    if (POSITIVE.test(c)) w += 25;
  }
  if (i) {
    if (NEGATIVE.test(i)) w -= 25;
    if (POSITIVE.test(i)) w += 25;
  }
  if (n.attrs.itemprop === 'articleBody') w += 50;
  return w;
}

/** Hidden by markup (hidden attribute, inline display:none, aria-hidden). */
export function isHidden(n: HNode): boolean {
  const a = n.attrs;
  if ('hidden' in a) return true;
  const s = a.style;
  if (s && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(s)) return true;
  return false;
}

export const BLOCK_TAGS = new Set(['p', 'div', 'section', 'article', 'main', 'blockquote', 'pre', 'ul', 'ol', 'li', 'dl',
  'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'figure',
  'figcaption', 'header', 'footer', 'aside', 'nav', 'form', 'fieldset', 'address', 'hr', 'center', 'details',
  'summary', 'caption', 'body', 'html', 'picture']);

/** Subtrees that are never article text. */
export const DROP_TAGS = new Set(['nav', 'aside', 'footer', 'form', 'fieldset', 'label', 'dialog', 'menu']);
