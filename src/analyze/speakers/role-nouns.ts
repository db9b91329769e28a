import type { Article } from '../../model.js';
import { DOCUMENT_HEADS, ROLE_NOUNS } from '../quotes/lexicon.js';

/*
 * Head nouns of speaker descriptions: which can name a person ("the fisherman", "the Texas senator") and which
 * name anyone at all ("the man", "the witness"), and whether an article introduced an unnamed person by one.
 */

/** Nouns ending so that name doers (a "fisherman", "designer", "moderator", "nominee", "columnist", "historian") but are things. */
const NOT_PERSON_HEAD = /^(?:list|playlist|checklist|wishlist|door|floor|colou?r|favou?r|labou?r|honou?r|humou?r|paper|newspaper|letter|newsletter|order|poster|flyer|cover|banner|trailer|folder|chapter|header|marker|number|center|centre|chamber|computer|server|register|filter|border|corner|quarter|matter|power|tower|river|water|weather|answer|offer|error|mirror|motor|factor|sector|vector|monitor|elevator|indicator|committee|guarantee|jubilee|fee|tree|degree|decree|marquee|sweater|ledger|primer|transcript|counter|thriller|blockbuster|platter|charter)$/;

/** A head noun that can name a person: a role noun, or a noun of a doer (-man, -er, -or, -ist, -ian, -ee) that is not a document. */
export function isPersonHead(head: string): boolean {
  if (DOCUMENT_HEADS.has(head) || NOT_PERSON_HEAD.test(head)) return false;
  return ROLE_NOUNS.has(head) || /(?:man|woman|person|er|or|ist|ian|ee|eon|ant|ess|ain|iff|arch|ier|yer)$/.test(head) || PERSON_WORDS.has(head);
}
/** Person nouns no ending tells ("the tycoon", "the priest"). */
const PERSON_WORDS = new Set('tycoon priest pope nun monk rabbi imam pastor bishop monarch heir mogul magnate billionaire millionaire celebrity star icon legend veteran hopeful contender nominee frontrunner front-runner incumbent chief boss guru pundit host anchor coach chef judge actress hero heroine model dad mom mother father son daughter wife husband brother sister uncle aunt grandmother grandfather widow athlete diplomat envoy guard steward activist advocate candidate delegate graduate magistrate prelate primate laureate executive detective representative relative native captive fugitive pilot patriot zealot cynic medic skeptic mechanic comic admiral general colonel sergeant lieutenant captain major king queen prince princess duke duchess emperor sultan sheikh emir ayatollah cardinal'.split(' '));

/** Role nouns of anyone at all, whose definite form takes up an unnamed person ("the man said", "the witness said"). */
export const GENERIC_PERSON = /^(?:man|woman|person|people|boy|girl|guy|lady|gentleman|child|kid|teen|teenager|resident|witness|neighbou?r|driver|passenger|customer|voter|protester|heckler|worker|employee|student|caller|user|source|official|officer|spokes(?:man|woman|person)|aide|adviser|advisor|friend|relative|victim|suspect|moderator|interviewer|questioner|reporter|journalist|correspondent|narrator|announcer|host|anchor|impostor|imposter|impersonator|doppelganger|lookalike|survivor|patient|member|participant|attendee|viewer|reader|listener|fan|supporter|critic|individual|stranger|local|shopper|diner|owner|manager|staffer|insider|someone|one)$/;

/**
 * Whether the text before `before` introduces an unnamed person by the head noun `head` ("One man in Manchester",
 * "a Carrier executive"), outside quotes and not as a name's appositive ("Ben Carson, a retired neurosurgeon"):
 * \`where: 'lede'\` when that is in the article's first paragraph or a first line before it (the story's person, named
 * later; \`end\`: the end of that block), \`'body'\` elsewhere; null when none.
 */
export function unnamedIntroduction(article: Article, head: string, before: number, quoted: (offset: number) => boolean): { where: 'lede' | 'body'; end: number } | null {
  const re = new RegExp(`\\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\\s+(?:[\\p{L}\\d'’-]+,?\\s+){0,3}?${head.replace(/[^\p{L}\d-]/gu, '')}\\b`, 'gu');
  const text = article.text.slice(0, before);
  // (the lede: the first paragraph, or a first line taken for a title before it)
  const lede = article.blocks.find((b) => b.kind === 'paragraph');
  let found: { where: 'lede' | 'body'; end: number } | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (quoted(m.index)) continue;
    if (/\p{Lu}[\p{L}.'’-]*,\s*$/u.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    if (!lede || m.index >= lede.end) return { where: 'body', end: 0 };
    found = { where: 'lede', end: article.blocks.find((b) => b.start <= m!.index && m!.index < b.end)?.end ?? lede.end };
  }
  return found;
}
