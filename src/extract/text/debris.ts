/**
 * Page debris in plain-text captures: patterns seen across many news sites,
 * not rules for particular pages. Inline debris (template tokens, view
 * counters, glued share prompts) is cut from a line; whole-line debris
 * ("Load more", "Advertisement", "Sign up for our newsletter", cookie
 * banners, "Read more: …" promos, lone URLs) removes the line. Whole-line
 * rules only fire on short lines, so a body sentence that merely mentions
 * "newsletter" or "cookies" is never removed.
 */
import { findUrls } from '../url.js';

export interface InlineHit {
  start: number;
  end: number;
  reason: string;
}

const TEMPLATE_RE = /\{\{[^{}\n]{0,200}\}\}|\{%[^%\n]{0,200}%\}|<%[^%\n]{0,200}%>|\$\{[\w.]{1,60}\}|\[\[[\w.:-]{1,60}\]\]/g;
const VIEWS_RE = /(?:^|[•·|]|\s)\s*\d[\d\s.,\u00a0]{0,12}[KkMmКкМм]?\s*(?:views?|reads?|переглядів|перегляди|переглядів|просмотров|просмотра|просмотр|Aufrufe|vues|visitas|visualizzazioni)(?![\p{L}])/giu;
/** Prompts that captures glue to the following text ("Copy the URL to sharePutin sends …"). */
const GLUED_PROMPT_RE = /^(?:Copy the (?:URL|link) to share|Copy link|Link copied|Share this article|Share this story|Share on (?:Facebook|Twitter|X|WhatsApp|LinkedIn|Telegram)|Skip to (?:main )?content)(?=[\s\p{Lu}\d“"«]|$)/iu;

/** Inline debris in one line's text (offsets into `text`). */
export function inlineDebris(text: string): InlineHit[] {
  const hits: InlineHit[] = [];
  for (const m of text.matchAll(TEMPLATE_RE)) hits.push({ start: m.index!, end: m.index! + m[0].length, reason: 'template' });
  if (text.length <= 200) {
    for (const m of text.matchAll(VIEWS_RE)) {
      // only when the counter ends the line or a bulleted part of it
      const end = m.index! + m[0].length;
      const rest = text.slice(end);
      if (!/^\s*(?:$|[•·|])/.test(rest)) continue;
      let start = m.index!;
      while (start < end && /\s/.test(text[start])) start++;
      hits.push({ start, end, reason: 'view-counter' });
    }
  }
  const g = GLUED_PROMPT_RE.exec(text);
  if (g) hits.push({ start: 0, end: g[0].length, reason: /^skip/i.test(g[0]) ? 'boilerplate' : 'share' });
  hits.sort((a, b) => a.start - b.start);
  const out: InlineHit[] = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    if (last && h.start < last.end) { last.end = Math.max(last.end, h.end); continue; }
    out.push({ ...h });
  }
  return out;
}

interface LineRule {
  reason: string;
  re: RegExp;
  max: number;
}

const SHARE_WORDS = '(?:share|shares|tweet|email|e-mail|print|whatsapp|facebook|twitter|x|linkedin|telegram|reddit|pinterest|flipboard|messenger|viber|copy link|copy url|comment|comments|save|gift (?:this )?article|listen|поділитися|поделиться)';

const LINE_RULES: LineRule[] = [
  { reason: 'load-more', max: 60, re: /^(?:load|show|see|view|read) more(?: (?:stories|articles|news|comments|headlines|posts))?\s*[.…»›>]*$/i },
  { reason: 'load-more', max: 60, re: /^(?:показати|завантажити|показать|загрузить) (?:більше|ще|еще|больше)\W*$/iu },
  { reason: 'advertisement', max: 80, re: /^(?:advertisement|advertising|advert|ad|ads|sponsored(?: content| links?)?|promoted(?: content)?|paid (?:content|post)|story continues below(?: advertisement)?|article continues (?:below|after (?:this )?(?:advertisement|ad))|continue reading (?:the main story|below)|scroll to continue(?: with content)?|реклама|anzeige|publicité|publicidad)\W*$/iu },
  { reason: 'share', max: 120, re: new RegExp(`^(?:${SHARE_WORDS}(?: (?:this|the) (?:article|story|post))?(?: on ${SHARE_WORDS})?[\\s|•·,/]*)+$`, 'iu') },
  { reason: 'share', max: 80, re: /^(?:copy the (?:url|link)(?: to share)?|link copied(?: to clipboard)?|share (?:this|the) (?:article|story|page)|share via\b.*|share full article|click to share.*)\W*$/i },
  { reason: 'newsletter', max: 260, re: /^(?:sign up|subscribe|register|join)\b.{0,120}\b(?:newsletter|inbox|e-?mail(?:s| updates)?|alerts|briefing|digest|updates)\b.*$/i },
  { reason: 'newsletter', max: 200, re: /^(?:get|receive|want) (?:the|our)? ?(?:latest|top|best|daily|breaking|morning|evening)\b.{0,100}\b(?:newsletter|inbox|e-?mail|delivered)\b.*$/i },
  { reason: 'newsletter', max: 160, re: /^(?:thank you|thanks) for (?:signing up|subscribing)\b.*$|^(?:you(?:'re| are) (?:now )?subscribed|something went wrong\.? please try again(?: later)?|enter your email(?: address)?|email address|by (?:clicking|signing up)\b.{0,160}\b(?:terms|privacy)\b.*)\W*$/i },
  { reason: 'follow', max: 160, re: /^(?:follow (?:us|me|@?[\w.]+(?: [\w.]+){0,2}|our \w+(?: \w+)?)|(?:like|join|find) us) on (?:twitter|x|facebook|instagram|telegram|google news|youtube|linkedin|tiktok|whatsapp|threads|mastodon|bluesky)\b.*$/i },
  { reason: 'follow', max: 160, re: /^(?:підписуйтесь|підписуйтеся|підпишіться|подписывайтесь|подпишитесь) на(?:\s|$).*$/iu },
  { reason: 'related', max: 260, re: /^(?:read more|read also|also read|more reading|see also|related(?: articles?| stories| coverage| content| news| reading| links?| video)?|more from [\w .'’-]{1,40}|more on this(?: story| topic)?|explore more(?: on (?:these|this) topics?)?|related topics|topics|tags|more stories|recommended(?: for you| stories)?|you may (?:also )?like|you might (?:also )?like|don'?t miss|most (?:read|popular)|trending(?: now)?|top stories|editor'?s picks|watch|also on [\w .'’-]{1,30}|читайте також|читайте также|дивіться також|смотрите также|lesen sie auch|lire aussi|lee también)\s*(?:[:：»›>|–—-]|$).*$/iu },
  { reason: 'cookie', max: 600, re: /^(?:we(?: and our (?:partners|vendors))? (?:use|store|process)\b.{0,40}\bcookies|we value your privacy|we care about your privacy|this (?:site|website) uses cookies|our (?:site|website) uses cookies|by (?:continuing|using|clicking)\b.{0,80}\b(?:cookies|privacy policy)|accept (?:all )?cookies|cookie (?:policy|settings|preferences|consent|notice)|manage (?:cookies|consent)|your privacy choices|do not sell or share my personal information)\b.*$/i },
  { reason: 'cookie', max: 60, re: /^(?:accept(?: all)?|reject(?: all)?|i agree|agree|got it|ok|okay|manage (?:settings|preferences|options)|more options|privacy settings)\W*$/i },
  { reason: 'boilerplate', max: 120, re: /^(?:skip to (?:main )?(?:content|navigation)|jump to|menu|search|home|sign in|log in|login|sign out|my account|register|subscribe(?: now)?|subscribe for \S+|comments?|\d+ comments?|view comments|leave a comment|post a comment|listen(?: to (?:this )?(?:article|story))?(?: \d+ min)?|\d+\s?min(?:ute)?s? read|print this page|back to top|top of page|close|open|toggle navigation|breaking news|live updates|all rights reserved\.?|reuse this content|republish this article|licensing|our standards:.*|trust principles.*|image|photo|video|gallery|view gallery|\d+ (?:photos|images)|enlarge(?: this image)?|expand|zoom|caption|hide caption|toggle caption|full screen)\W*$/i },
  { reason: 'boilerplate', max: 200, re: /^(?:©|\(c\)|copyright\b).{0,160}$/i },
  { reason: 'boilerplate', max: 60, re: /^(?:scroll (?:down )?(?:for|to see) (?:more|the )?(?:videos?|audio|photos?|pictures?|more)|view (?:this post )?on (?:instagram|twitter|x|facebook|youtube|tiktok)|a post shared by .{1,60}|click (?:here )?to (?:play|watch|enlarge|view).{0,40}|watch (?:the )?(?:full )?video|play video|video (?:player|loading).{0,20})\W*$/i },
  { reason: 'related', max: 160, re: /^(?:read|see|watch) more\s+(?=[\p{Lu}\d"“‘']).{3,140}$/u },
  { reason: 'boilerplate', max: 200, re: /^.{0,120}\ball rights reserved\b.{0,60}$/i },
  { reason: 'date', max: 60, re: /^(?:(?:updated|published|posted)\s*:?\s*)?(?:\d{1,3}|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|weeks?|months?)\s+ago\W*$|^(?:just now|yesterday|today)\W*$/i },
  { reason: 'gallery', max: 40, re: /^(?:(?:image|photo|picture|slide|item)\s*)?\d{1,3}\s*(?:of|\/|из|з)\s*\d{1,3}\W*$/i },
  { reason: 'date', max: 30, re: /^(?:published|updated|posted|last updated|first published|date)\s*:?$/i },
  { reason: 'advertisement', max: 60, re: /^(?:skip advertisement|supported by|paid for by|presented by|in partnership with|sponsored by)\W*$/i },
  { reason: 'boilerplate', max: 80, re: /^listen to (?:this )?(?:article|story)\b.{0,50}$/i },
  { reason: 'boilerplate', max: 400, re: /^a version of this (?:article|story) (?:appears|appeared) in print\b.*$/i },
  { reason: 'separator', max: 40, re: /^(?:[*•·_=~#+\-–—]\s*){2,}$/ },
];

/** Why a whole line is debris, or null when it is content. `text` is the line after inline cuts. */
export function lineDebris(text: string): string | null {
  const t = text.trim();
  if (!t) return 'empty';
  for (const r of LINE_RULES) if (t.length <= r.max && r.re.test(t)) return r.reason;
  if (isUrlOnly(t)) return 'url';
  return null;
}

/** True when the text is nothing but one or more URLs (and separators). */
export function isUrlOnly(t: string): boolean {
  const urls = findUrls(t);
  if (!urls.length) return false;
  let rest = '';
  let at = 0;
  for (const u of urls) { rest += t.slice(at, u.start); at = u.end; }
  rest += t.slice(at);
  return /^[\s|•·,;<>()[\]\-–—]*$/.test(rest);
}
