/**
 * Photo captions in plain text: a short paragraph that ends in a photo
 * credit ("… since 2022. POOL/AFP via Getty Images", "… (AP Photo/Evan
 * Vucci)", "… Photo: Reuters"). The credit must be credit-shaped — capitalised
 * names, agency names, "via", slashes — so a body sentence ending "…, the
 * official told Reuters." is never taken for a caption.
 */

/** Agencies and photo sources whose name alone, after a full stop, makes a credit. */
const AGENCY_WORDS = [
  'Getty Images', 'Getty', 'AFP', 'Reuters', 'REUTERS', 'AP', 'AP Photo', 'Associated Press', 'EPA', 'EPA-EFE', 'EFE',
  'ZUMAPRESS.com', 'ZUMA Press', 'ZUMA Wire', 'ZUMA', 'Shutterstock', 'Alamy', 'Alamy Stock Photo', 'NurPhoto', 'Anadolu',
  'Anadolu Agency', 'Anadolu via Getty Images', 'Sipa', 'SIPA USA', 'Sipa USA', 'Bloomberg', 'Pool', 'POOL', 'Handout', 'HANDOUT',
  'TASS', 'Sputnik', 'Xinhua', 'dpa', 'DPA', 'picture alliance', 'picture-alliance', 'Picture Alliance', 'IMAGO', 'Imago', 'Abaca',
  'ABACAPRESS.COM', 'UPI', 'PA', 'PA Images', 'PA Wire', 'Press Association', 'WireImage', 'Redux', 'Polaris', 'Bettmann', 'Corbis',
  'iStock', 'iStockphoto', 'Unsplash', 'Wikimedia Commons', 'Wikipedia', 'Flickr', 'SOPA Images', 'LightRocket', 'CNP', 'MEGA',
  'BACKGRID', 'Splash News', 'WENN', 'Ukrinform', 'UNIAN', 'Kremlin.ru', 'Kremlin Pool', 'Presidential Press Service',
  'Press Service', 'Telegram', 'Facebook', 'Instagram', 'Twitter', 'X', 'YouTube', 'Screenshot', 'Screengrab', 'Getty Images for',
  'NY Post', 'New York Post', 'Ukrainian Presidential Press Service', 'Sky News', 'Reuters TV', 'AP Images', 'Alamy Live News',
  'Sportsfile', 'NBC', 'Fox News', 'CNN', 'Courtesy', 'Supplied', 'File', 'FILE', 'Archive', 'Illustration', 'Composite',
];
/** Credits strong enough to mark a caption even without a full stop before them. */
const STRONG_RE = /(?:\bvia Getty Images|\bGetty Images\b|\bShutterstock\b|\bZUMAPRESS\.com|\bZUMA (?:Press|Wire)\b|\bAP Photo\b|\bAlamy\b|\bNurPhoto\b|\bAFP\/|\/AFP\b|\bREUTERS\/|\bReuters\/|\/Reuters\b|\bEPA-EFE\b|\bEPA\/|\/EPA\b|\bSIPA USA\b|\bSipa USA\b|\bpicture[- ]alliance\b|\bIMAGO\b|\bABACAPRESS\.COM\b|\bWireImage\b|\bPA (?:Images|Wire)\b|\bSOPA Images\b|\bLightRocket\b|^©|\bPhoto(?:graph)?(?: credit)?:|\bImage(?: credit)?:|\bCredit:|\bФото:|\bFoto:|\bPhoto by\b|\bCourtesy of\b)/;

const AGENCY_SET = new Set(AGENCY_WORDS.map((w) => w.toLowerCase()));

/** Words allowed lowercase inside a credit. */
const CREDIT_LOWER = new Set(['via', 'for', 'of', 'and', 'the', 'de', 'da', 'del', 'di', 'van', 'von', 'der', 'la', 'le', 'by', 'credit', 'courtesy', 'photo', 'com', 'images', 'stock', 'photos', 'dpa', 'x', 'illustration', 'ua', 'ru', 'live', 'news', 'press']);

const LABEL_RE = /(?:^|\s)((?:Photo(?:graph|s)?|Image|Picture|Illustration|Credit|Фото|Foto|Photo illustration|Photo credit|Image credit|Image source)(?:\s(?:by|credit|courtesy(?: of)?))?\s?[:：]\s?\S[^\n]{0,90})$/i;
const SOURCE_LABEL_RE = /(?:^|\s|(?<=[.!?”"]))((?:Image|Media|Photo|Video) source,\s?|Credit(?:\.{3}|…)\s?)(\S[^\n]{0,90})$/i;
/** "Image caption, …" (BBC): a caption label opening a paragraph. */
export const CAPTION_LABEL_RE = /^(?:Image|Media|Video|Photo) caption,\s*|^Caption:\s*/i;
const PAREN_RE = /[(\[]((?:[^()[\]]{0,60}\b(?:Photo|Image|Picture|Credit|Foto|Фото|Getty|Shutterstock|Courtesy)\b[^()[\]]{0,60}|[\p{Lu}][\p{L}.-]*\/[\p{Lu}][^()[\]]{0,60}))[)\]]\s*$/u;

export interface CreditSplit {
  /** Offset (into the paragraph text) where the credit starts, including its brackets/label. */
  creditStart: number;
  /** The credit as kept in `Caption.credit` (brackets stripped). */
  credit: string;
  /** True when the credit is unmistakable ("via Getty Images", "Photo:", "AP Photo/…"). */
  strong: boolean;
}

/** Is `t` shaped like a credit: capitalised/agency tokens, slashes, "via"; no sentence inside. */
export function isCreditShaped(t: string): boolean {
  const s = t.trim();
  if (!s || s.length > 90) return false;
  if (/[.!?]$/.test(s) && !/\.(?:com|ru|ua|net|org)$/i.test(s) && !/\b[A-Z]\.$/.test(s)) return false;
  if (/["“”«»]/.test(s) || /[:：]$/.test(s)) return false;
  if (/[.!?…]\s/.test(s.replace(/(?:^|\s)(?:\p{Lu}|Jr|Sr|St|Dr|Mr|Ms|Mrs)\.\s/gu, ' '))) return false;
  // "(With the Associated Press)", "From CNN", "H/T …": text credits and source notes, not photo credits
  if (/^\(?(?:with|from|h\/t|hat tip|via|source|sources|additional reporting|reporting)\b/i.test(s)) return false;
  if (/\d{3,}/.test(s) && !/^©/.test(s) && !/\b(?:19|20)\d\d\b/.test(s)) return false;
  const tokens = s.split(/[\s/|,;]+|(?<=\S)-(?=\S)/).filter(Boolean);
  if (tokens.length === 0 || tokens.length > 10) return false;
  let agency = false;
  for (const raw of tokens) {
    const tok = raw.replace(/^[©(]+|[):]+$/g, '');
    if (!tok) continue;
    if (AGENCY_SET.has(tok.toLowerCase()) && /^[\p{Lu}\d]/u.test(tok)) agency = true;
    if (/^\d+$/.test(tok) && !/^(?:19|20)\d\d$/.test(tok)) return false;
    if (/^[\p{Lu}\d©]/u.test(tok)) continue;
    if (CREDIT_LOWER.has(tok.toLowerCase())) continue;
    if (/^(?:dpa|iStock\w*|picture)$/i.test(tok)) continue;
    return false;
  }
  for (const w of AGENCY_WORDS) if (w.includes(' ') && s.includes(w)) agency = true;
  return agency || STRONG_RE.test(s) || /[\p{Lu}][\p{L}.-]*\/[\p{Lu}]/u.test(s);
}

/**
 * Find a photo credit at the end of a paragraph. Returns null when the
 * paragraph does not end in one.
 */
export function findCredit(text: string): CreditSplit | null {
  const t = text.replace(/\s+$/, '');
  // "(AP Photo/Evan Vucci)", "[Photo: Reuters]"
  // "Image source, Getty Images" (BBC), "Credit...Doug Mills/The New York Times" (NYT)
  const src = SOURCE_LABEL_RE.exec(t);
  if (src && isCreditShaped(src[2]) || src && /\//.test(src[2]) && src[2].length <= 80) {
    return { creditStart: src.index + src[0].indexOf(src[1]), credit: src[2].trim(), strong: true };
  }
  const p = PAREN_RE.exec(t);
  if (p && !/^(?:h\/t|hat tip|source|sources|with|reporting)\b/i.test(p[1].trim())) return { creditStart: p.index, credit: p[1].trim(), strong: true };
  // "… Photo: Reuters", "… Credit: Jane Doe/Getty"
  const l = LABEL_RE.exec(t);
  if (l && labelledCredit(l[1])) {
    const start = l.index + l[0].indexOf(l[1]);
    if (start === 0 || /[.!?"”’)\]…]\s*$|[|/–—-]\s*$/.test(t.slice(0, start).trimEnd()) || /\s$/.test(t.slice(0, start))) {
      return { creditStart: start, credit: l[1].trim(), strong: true };
    }
  }
  // a credit-shaped tail: after a sentence end or a " / ", " | ", " – " separator ("… run out. Getty Images",
  // "… the city / Reuters"); with no such boundary only unmistakable credits count ("… on Jan. 25 Sergei
  // Ilyin/Sputnik/AFP via Getty Images"). The leftmost valid start wins (the longest credit).
  // fast exit: a credit never ends with sentence punctuation or a lowercase word
  if (/[!?…"”’:;,]$/.test(t) || (/\.$/.test(t) && !/(?:\.(?:com|ru|ua|net|org)|\b\p{Lu}\.)$/iu.test(t))) return null;
  if (/(?:^|\s)\p{Ll}[\p{L}]*$/u.test(t) && !/\b(?:dpa|picture-alliance|iStock\w*)$/.test(t)) return null;
  const from = Math.max(0, t.length - 100);
  const boundary = /[.!?…"”’)\]]\s+|\s[|–—/]\s?|\s+/g;
  boundary.lastIndex = from;
  const starts: { at: number; hard: boolean }[] = from === 0 ? [{ at: 0, hard: true }] : [];
  for (let m = boundary.exec(t); m; m = boundary.exec(t)) {
    starts.push({ at: m.index + m[0].length, hard: !/^\s+$/.test(m[0]) });
    if (m[0].length === 0) boundary.lastIndex++;
  }
  for (const { at, hard } of starts) {
    const credit = t.slice(at).trim();
    if (!credit || !isCreditShaped(credit)) continue;
    const strong = STRONG_RE.test(credit);
    if (!hard && !strong) continue;
    return { creditStart: at, credit: credit.replace(/^\/\s*/, ''), strong };
  }
  return null;
}

/** "Photo: Reuters", "Image: schankz/Shutterstock" — not "PHOTOS: Celebrity flubs!" (a promo) or "PHOTO: <a caption sentence>". */
function labelledCredit(s: string): boolean {
  const body = s.replace(/^[^:：]*[:：]\s*/, '');
  if (!body || /[.!?]["”]?\s+\S/.test(s) || /[!?]$/.test(body)) return false;
  if (/\p{L}\s?\/\s?\p{L}|\bvia\b|©/u.test(body)) return true;
  // "PHOTOS: Most Notorious Murder Trials" is a gallery promo
  if (/^(?:photos|images|pictures|videos)\b/i.test(s)) return false;
  const words = body.split(/\s+/).filter(Boolean);
  if (words.length > 6) return false;
  // lowercase running words ("Capsule unearthed", "was kidnapped") read as text, not names
  return words.filter((w) => /^\p{Ll}/u.test(w) && !CREDIT_LOWER.has(w.toLowerCase()) && !/[./@]/.test(w)).length === 0;
}

/** Count sentences roughly (terminal punctuation followed by space and a capital or quote). */
export function roughSentences(text: string): number {
  return 1 + (text.match(/[.!?…]["”’)]?\s+(?=[\p{Lu}"“«(])/gu) ?? []).length;
}

/** Caption test for a paragraph: ends in a credit and is short enough to be a caption. */
export function captionCredit(text: string): CreditSplit | null {
  if (text.length > 600) return null;
  const c = findCredit(text);
  if (!c) return null;
  const body = text.slice(0, c.creditStart).trim();
  if (!body) return c; // credit-only line
  if (body.length > 400 || roughSentences(body) > 3) return null;
  // a body paragraph ending in a quote is not a caption unless the credit is unmistakable
  if (/["”]$/.test(body) && !c.strong) return null;
  return c;
}
