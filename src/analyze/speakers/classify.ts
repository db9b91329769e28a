import type { SpeakerKind } from '../../model.js';
import type { Token } from '../nlp.js';
import { isCommonSpeakerWord } from './common-words.js';
import { isWeakOutletName, outletByName, OUTLET_NAME_WORDS } from '../outlet-lexicon.js';
import { ANON_HEADS, ANON_QUALIFIER, COMPANY_NAMES, countWord, FEMALE_ROLES, MALE_ROLES, ORG_HEADS, PERSONAL_PRONOUNS, ROLE_NOUNS } from '../quotes/lexicon.js';
import { isFirstName, isListedFirstName } from './gender.js';
import { isLexiconWord, tokenize } from '../nlp.js';
import { isPersonHead } from './role-nouns.js';

/** What a speaker phrase says about its speaker. */
export interface PhraseInfo {
  kind: SpeakerKind | 'pronoun';
  /** Person's name found in the phrase ("Dmitry Peskov"), if any. */
  name: string | null;
  /** The phrase without the name ("Kremlin spokesman"), as written, if any. */
  description: string | null;
  /** Head noun of the description, lower-cased ("spokesman"). */
  head: string | null;
  /** Starts with "the"/"this" (refers back) vs "a"/"two" (introduces). */
  definite: boolean;
  gender: 'm' | 'f' | null;
  plural: boolean;
  count: number | null;
}

const PLURAL_HEAD = /(?:s|people|men|women|children|staff|police)$/i;
/** Nouns for a group speaking as one, never "he" or "she": "the crowd shouted", "the audience chanted". */
const GROUP_HEAD = /^(?:crowd|audience|mob|chorus|choir|congregation|public|gathering|throng)$/i;
const NOT_NAME_WORDS = new Set(
  ('U.S. US UK EU UN NATO Kremlin White House Pentagon Ukrainian Russian American British French German Chinese ' +
    'Israeli Palestinian Iranian European Former Senior Deputy Vice National Security Council Department Ministry ' +
    'President Prime Minister Secretary General Gen. Sen. Rep. Gov. Dr. Mr. Mrs. Ms. State Foreign Defense Defence ' +
    'Brigade Army Mechanized Republican Democratic Democrat Republicans Democrats Officials Sources Spokesman ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August September October November December ' +
    // party words before a title ("Former Tory MP Louise Mensch", "Labour MP Jess Phillips"); a sentence's "Yet"
    'Tory Tories Labour Conservative Liberal Yet Staff').split(' '),
);
const TITLES = /^(?:President|Prime|Minister|Secretary|Gen\.?|General|Sen\.?|Senator|Rep\.?|Representative|Gov\.?|Governor|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Judge|Mayor|Chancellor|Ambassador|Col\.?|Colonel|Lt\.?|Capt\.?|Captain|Sgt\.?|Adm\.?|Admiral|Pope|King|Queen|Prince|Princess|Sheikh|Rabbi|Father|Sir|Dame|Lord|Lady|Speaker|Superintendent|Commissioner|Coach|Sheriff|Inspector|Detective|Professor|Prof\.?|Rev\.?|Reverend|Bishop|Cardinal|Chairman|Chairwoman|Director|Officer|Sergeant|Trooper|Attorney|Justice|MP|MEP|MSP|Councillor|Councilman|Councilwoman|Alderman|Assemblyman|Assemblywoman|Congressman|Congresswoman)$/;

/** A capitalised role noun or its plural ("Teachers chanted …"): a description, not a name. */
function isRoleWord(w: string): boolean {
  if (ROLE_ACRONYM.test(w)) return true;
  const l = w.toLowerCase();
  return ROLE_NOUNS.has(l) || (l.endsWith('s') && ROLE_NOUNS.has(l.slice(0, -1)));
}

/** A surname that is also a role noun, after a first name ending the phrase: "Ken Doctor", "Jim Marshal". */
function roleSurname(words: Token[], j: number, i: number): boolean {
  return j === i + 1 && ROLE_NOUNS.has(words[j].value.toLowerCase()) && /^\p{Lu}\p{Ll}+$/u.test(words[j].value) && isFirstName(words[i].value) && (j + 1 >= words.length || words[j + 1].value === ',');
}

/** One word that is a company's name: a known one, or written in camel case ("GateHouse", "PayPal"; not "McCain", "DeSantis"). */
export function isCompanyWord(w: string): boolean {
  return COMPANY_NAMES.has(w) || (/^\p{Lu}\p{Ll}+\p{Lu}/u.test(w) && !/^(?:Mc|Mac|De|Di|Da|Du|La|Le|Ja|Ke|Ty|Van|Vande|Vander|Von|Ten|Ter|O')\p{Lu}/u.test(w));
}

/** Party names that speak as one (not "Democrats"/"Republicans", read as their members). */
const PARTY =
  /^(?:Labour(?: Party)?|Conservative Party|Conservatives|Tories|Tory Party|Liberal Democrats|Lib Dems|SNP|Scottish National Party|Plaid Cymru|Green Party|UKIP|Reform UK|DUP|Sinn F[eé]in|GOP|Republican Party|Democratic Party|BJP|Bharatiya Janata Party|CDU|SPD|AfD|Likud|Fidesz|Podemos|Syriza)$/;

/** A party and state tag: "R-Neb.", "D-Mo.". */
const PARTY_TAG = /^[RDI]-\p{Lu}/u;

function isCap(t: Token): boolean {
  return /^\p{Lu}/u.test(t.value) && t.pos !== 'PUNCT';
}

/** A name wink tags as a conjunction: "Nor" ("Abdiqadir Mohamed Nor", "Nor said"); a speaker phrase is no clause. */
function isNameConj(t: Token): boolean {
  return t.pos === 'CCONJ' && t.value === 'Nor';
}

/** Classify a speaker phrase given its tokens. */
export function classifyPhrase(allTokens: Token[], text: string): PhraseInfo {
  // Only the head of a long phrase matters: cut at a relative clause ("… operative who played …") or a second comma.
  let cut = allTokens.length;
  let commas = 0;
  for (let i = 1; i < allTokens.length; i++) {
    const v = allTokens[i].value.toLowerCase();
    // (and at a title: 'The ad, titled "Unifier?"' is the ad)
    if (v === 'who' || v === 'which' || v === 'whose' || v === 'whom' || (v === 'that' && allTokens[i].pos !== 'DET') || v === 'titled' || v === 'entitled' || v === 'headlined') {
      cut = i;
      break;
    }
    if (v === ',' && ++commas === 2) {
      cut = i;
      break;
    }
  }
  const tokens = allTokens.slice(0, cut);
  while (tokens.length > 1 && tokens[tokens.length - 1].value === ',') tokens.pop();
  // a short parenthetical is no part of the name or description, wherever it stands: "Rep. Jason Chaffetz (R-Utah)",
  // "Rep. Elijah Cummings (D-Md.), the chair of the panel", "Rep. Bobby Scott (D-Va.) at the time"; alone
  // ("(D-Newport News),", cut off the name before it) it names no one, least of all an outlet
  for (let open = tokens.findIndex((t) => t.value === '('); open >= 0; open = tokens.findIndex((t, k) => k >= open && t.value === '(')) {
    const close = tokens.findIndex((t, k) => k > open && t.value === ')');
    if (close < 0 || close - open > 8) break;
    tokens.splice(open, close - open + 1);
  }
  while (tokens.length > 0 && tokens[0].value === ',') tokens.shift();
  while (tokens.length > 1 && tokens[tokens.length - 1].value === ',') tokens.pop();
  const words = tokens.filter((t) => t.pos !== 'PUNCT' || /^['’]s$/.test(t.value));
  const phrase = tokens.length ? text.slice(tokens[0].start, tokens[tokens.length - 1].end) : '';
  const lower = phrase.toLowerCase();
  const first = words[0]?.value.toLowerCase() ?? '';
  const info: PhraseInfo = {
    kind: 'person', name: null, description: null, head: null,
    definite: /^(?:the|this|that|these|those)$/.test(first), gender: null, plural: false, count: null,
  };
  if (!phrase) return info;
  if (words.length === 1 && PERSONAL_PRONOUNS[first] && words[0].pos === 'PRON') {
    const p = PERSONAL_PRONOUNS[first];
    return { ...info, kind: 'pronoun', gender: p.gender, plural: p.plural, definite: true };
  }
  // a web address is a site ("Huzlers.com", "nationalreport.net", "a satirical website, Huzlers.com"; not "John Smith of
  // Example.com")
  // (with the ending wink cuts off at its dot: "wrote Huzlers.com.")
  const lastToken = tokens[tokens.length - 1];
  const addressTail = lastToken && /[\p{L}\d]$/u.test(phrase) ? /^\.(?:com|net|org|info|io|news|tv|co\.uk)(?![\p{L}\d])/iu.exec(text.slice(lastToken.end, lastToken.end + 8))?.[0] ?? '' : '';
  const address = phrase.replace(/[\s,.]+$/, '') + addressTail;
  const site = /(?:^|\s)((?:[\p{L}\d][\p{L}\d-]*\.)+(?:com|net|org|info|io|news|tv|co\.uk|co|us|uk|ru|ua|de|fr))$/iu.exec(address);
  const siteLead = site ? address.slice(0, -site[1].length) : '';
  if (site && !/@/.test(phrase) && /^(?:(?:the|a|an)\s+)?(?:[\p{Ll}-]+,?\s+)*(?:(?:website|site|blog|page|outlet|publication|portal)[\s,]*)?$/u.test(siteLead)) {
    return { ...info, kind: 'outlet', name: site[1], definite: true };
  }
  // (not a person's name with a title: "Atlantic City Mayor Don Guardian")
  const titledPerson = words.some((w, k) => k + 2 < words.length && TITLES.test(w.value) && isListedFirstName(words[k + 1].value));
  if (!titledPerson && ((outletByName(phrase) && (!isWeakOutletName(phrase) || /^the\s/i.test(phrase))) || (words.length <= 5 && words.every(isCapOrThe) && OUTLET_NAME_WORDS.test(phrase) && !/\b(?:House|Council|Ministry|Department|Commission|Committee|Administration|Office|Bureau|Institute|University|Party|Court|Police|Army|Bank|Authority)\b/.test(phrase)))) {
    return { ...info, kind: 'outlet', name: outletByName(phrase)?.name ?? phrase.replace(/^the\s+/i, ''), definite: true };
  }
  // An acronym alone is an organisation ("DHS said", "the DEA says"), unless it labels a transcript turn ("PENCE: …")
  const acronym = words.length === 1 ? words[0] : words.length === 2 && /^the$/i.test(words[0].value) ? words[1] : null;
  // (not a role's: "the CEO", "the CFO", "the MP")
  if (acronym && /^\p{Lu}{2,6}$/u.test(acronym.value) && text[acronym.end] !== ':' && !ROLE_ACRONYM.test(acronym.value) && !ROLE_NOUNS.has(acronym.value.toLowerCase())) {
    return { ...info, kind: 'organization', description: acronym.value, head: acronym.value.toLowerCase(), definite: true };
  }
  // Name: the last run of capitalised tokens that is not followed by a noun and not preceded by a preposition/determiner.
  let nameRun: [number, number] | null = null;
  let i = 0;
  while (i < words.length) {
    if (!isCap(words[i]) || (/^(?:DET|ADP|PRON|CCONJ|SCONJ|AUX|PART|NUM)$/.test(words[i].pos) && !isNameConj(words[i])) || NOT_NAME_WORDS.has(words[i].value) || TITLES.test(words[i].value) || PARTY_TAG.test(words[i].value) || isRoleWord(words[i].value)) {
      i++;
      continue;
    }
    let j = i;
    // a run stops at a title ("South Dakota | Gov. Kristi Noem") and at a comma ("Mayer | , Disney’s chairman")
    while (
      j < words.length &&
      isCap(words[j]) &&
      (!/^(?:DET|ADP|PRON|CCONJ|NUM)$/.test(words[j].pos) || isNameConj(words[j])) &&
      (!ROLE_NOUNS.has(words[j].value.toLowerCase()) || roleSurname(words, j, i)) &&
      !(j > i && (TITLES.test(words[j].value) || tokens[tokens.indexOf(words[j]) - 1]?.value === ','))
    )
      j++;
    if (j === i) j = i + 1;
    const prev = words[i - 1];
    const next = words[j];
    // a possessor is no speaker either when something follows ("Britain's Conservative Party", "Disney's chairman")
    const possessor = next !== undefined && /^['’]s$/.test(next.value) && j + 1 < words.length;
    const modifier = possessor || (next && (next.pos === 'NOUN' || ROLE_NOUNS.has(next.value.toLowerCase()) || TITLES.test(next.value)) && tokens.indexOf(next) === tokens.indexOf(words[j - 1]) + 1 && !roleSurname(words, j, i));
    // (a possessive governs too: "NASA's Jet Propulsion Laboratory" names no one)
    // — but a person's name may follow one: "North Korea Leadership Watch blog's Michael Madden", "CNN's Jake Tapper"
    // (or any two or more names after an outlet's possessive: "CNN's Wolf Blitzer", "CNN’s Tara Setmayer")
    const outletPossessor = prev !== undefined && /^['’]s$/.test(prev.value) && !!outletByName(text.slice(words[0].start, prev.start));
    const personAfterPossessive = j - i >= 2 && (isFirstName(words[i].value) || outletPossessor) && !ORG_HEADS.has(words[j - 1].value.toLowerCase());
    const governed = prev && (prev.pos === 'ADP' || (prev.pos === 'DET' && i - 1 > 0) || (/^['’]s$/.test(prev.value) && !personAfterPossessive));
    // (initials alone name a place, not a person: "Stephanie Hooton of Derry, N.H.", "D.C.")
    const allNotName = words.slice(i, j).every((w) => NOT_NAME_WORDS.has(w.value)) || (j - i === 1 && (/^(?:\p{Lu}\.){2,3}$/u.test(words[i].value) || isCommonSpeakerWord(words[i].value, text)));
    // an institution after the name does not replace it ("Rosaly Lopes of … Laboratory")
    const institution = nameRun !== null && ORG_HEADS.has(words[j - 1].value.toLowerCase());
    if (!modifier && !governed && !allNotName && !institution) {
      nameRun = [i, j];
      // "Name, description": the name opening an appositive wins
      // ("Sen. Ben Sasse, R-Neb.", "Mayer, Disney’s chairman")
      if (words[j] && tokens[tokens.indexOf(words[j - 1]) + 1]?.value === ',') break;
    }
    i = j;
  }
  let nameSpan: [number, number] | null = null;
  if (nameRun) {
    const [a, b] = nameRun;
    // a party word or title inside the run ends what came before it: "House Intelligence Republican Mike Pompeo"
    let from = a;
    for (let k = a; k < b - 1; k++) if (NOT_NAME_WORDS.has(words[k].value) || TITLES.test(words[k].value)) from = k + 1;
    // (and so do the words of a role or an owner before a known first name opening a name of two words or more:
    // "Comedian Sarah Silverman", "Senate Majority Whip John Cornyn", "RealClearPolitics’ David Byler")
    for (let f = from + 1; f <= b - 2; f++) {
      if (!isListedFirstName(words[f].value)) continue;
      const lead = words.slice(from, f);
      const possessor = /^['’]s?$/.test(tokens[tokens.indexOf(words[f - 1]) + 1]?.value ?? '');
      // (the rest a bare name of two or three words: not "New | York City Public Advocate Trish James"; no initial or
      // name of mixed case before it: "C. Stewart Verdery Jr.", "McCain Challenger Kelli Ward" stay as they are)
      const bare = b - f <= 3 && words.slice(f, b).every((w) => !isRoleWord(w.value) && !TITLES.test(w.value) && !ORG_HEADS.has(w.value.toLowerCase())) && !OUTLET_NAME_WORDS.test(words.slice(f, b).map((w) => w.value).join(' '));
      const plain = lead.every((w) => /^\p{Lu}[\p{Ll}-]+$/u.test(w.value) && (isRoleWord(w.value) || TITLES.test(w.value) || isCommonNoun(w.value.toLowerCase())));
      if (bare && !lead.some((w) => isListedFirstName(w.value)) && (possessor || plain)) from = f;
      break;
    }
    // (a word of those closing a name after a first name is its surname: "David French"; not "a New Hampshire Republican")
    const surname = b - from >= 2 && isFirstName(words[from].value);
    // (a party noun closing the run makes it a description: "a New Hampshire Republican", "the Utah Republican")
    const partyHead = !surname && /^(?:Republicans?|Democrats?)$/.test(words[b - 1].value);
    const nameWords = partyHead ? [] : words.slice(from, b).filter((w, k) => (k > 0 && surname) || (!NOT_NAME_WORDS.has(w.value) && !TITLES.test(w.value)));
    // one capitalised common word is no name ("Rumors swirled …", "Reporters also …" beside "rumors", "reporters")
    const common = nameWords.length === 1 && isCommonSpeakerWord(nameWords[0].value, text);
    if (nameWords.length && !common && !ORG_HEADS.has(nameWords[nameWords.length - 1].value.toLowerCase())) {
      // (a hyphenated name wink splits before a short lower-case part: "Park Jin-hee", "Kim Jong-un"; not "Florida-based")
      const end = nameWords[nameWords.length - 1].end;
      const tail = /^-(?!(?:based|owned|held|born|bred|led|run|like|era|made|wide|type|ish|area|style|free|only)(?![\p{L}-]))\p{Ll}{1,5}(?![\p{L}-])/u.exec(text.slice(end, end + 20))?.[0] ?? '';
      info.name = text.slice(nameWords[0].start, end + tail.length);
      nameSpan = [nameWords[0].start, end + tail.length];
    }
  }
  // Description: the phrase without the name (and without a joining comma).
  if (info.name) {
    const ns = phrase.indexOf(info.name);
    const rest = (phrase.slice(0, ns) + ' ' + phrase.slice(ns + info.name.length)).replace(/^[\s,]+|[\s,]+$/g, '').replace(/\s+,/g, ',').replace(/\s{2,}/g, ' ');
    info.description = rest && /\p{Ll}/u.test(rest) ? rest : null;
  } else {
    info.description = phrase;
  }
  // Head noun: last role/common noun of the description (before any "of/from/close to" tail).
  const descTokens = words.filter((w) => !info.name || !((info.name.includes(w.value) && isCap(w)) || (nameSpan && w.start >= nameSpan[0] && w.end <= nameSpan[1])));
  let head: string | null = null;
  for (const w of descTokens) {
    const lw = w.value.toLowerCase();
    if (w.pos === 'ADP' || lw === 'close' || lw === 'familiar') break;
    if (w.pos === 'NOUN' || ROLE_NOUNS.has(lw) || ORG_HEADS.has(lw) || ROLE_ACRONYM.test(w.value)) head = lw;
  }
  if (!head && !info.name && descTokens.length) {
    const last = descTokens.filter((w) => w.pos !== 'ADP' && w.pos !== 'DET').pop();
    head = last ? last.value.toLowerCase() : null;
  }
  info.head = head;
  info.count = words.length ? countWord(words[0].value) : null;
  if (info.count === 1 && !/^(?:one|a|an|1)$/i.test(words[0].value)) info.count = null;
  info.plural = !!head && ((PLURAL_HEAD.test(head) && !/(?:ss|us)$/.test(head)) || GROUP_HEAD.test(head)) && !info.name;
  // (not a possessor's: "The man’s attorney, Lopa Blumenthal", "the woman's son")
  const own = phrase.replace(/[\p{L}-]+['’]s?(?=\s)/gu, '');
  if (FEMALE_ROLES.test(own)) info.gender = 'f';
  else if (MALE_ROLES.test(own)) info.gender = 'm';
  // a courtesy title is not a description: "Mrs Smith, a teacher" → "a teacher"
  if (info.description) {
    const d = info.description.replace(/^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Mx)\.?(?:,\s*|\s+|$)/, '').trim();
    info.description = d && /\p{Ll}/u.test(d) ? d : null;
  }

  // "…,” said one.", "one of the fans", "one of his close friends": one unnamed person (of a group)
  if (!info.name && /^(?:one|another)(?:\s+of\s|$)/i.test(phrase)) {
    info.plural = false;
    info.count = 1;
    info.kind = 'anonymous';
    return info;
  }
  // a political party speaks as an organisation ("Labour says the help is 'too little, too late'")
  const party = PARTY.exec(phrase.replace(/^the\s+/i, ''));
  if (party) {
    info.kind = 'organization';
    info.name = party[0];
    info.description = null;
    info.plural = false;
    return info;
  }
  // a news organisation of the list named with an appositive ("Xinhua, the official Chinese news agency", "Reuters,
  // the news agency")
  if (info.name && info.description && !isWeakOutletName(info.name) && outletByName(info.name) && !(head && isPersonHead(head) && !ORG_HEADS.has(head)) && !FEMALE_ROLES.test(phrase) && !MALE_ROLES.test(phrase)) {
    info.kind = 'outlet';
    info.name = outletByName(info.name)!.name;
    info.plural = false;
    return info;
  }
  // a name an appositive calls a publication ("America, a Catholic magazine", "Politico, a news site")
  if (info.name && head && OUTLET_HEAD.test(head) && info.description && /^(?:a|an|the)\s/i.test(info.description) && !FEMALE_ROLES.test(phrase) && !MALE_ROLES.test(phrase)) {
    info.kind = 'outlet';
    info.plural = false;
    return info;
  }
  // a company speaking ("Twitter said", "GateHouse called it …")
  if (info.name && !/\s/.test(info.name) && isCompanyWord(info.name)) info.kind = 'organization';
  else if (info.name) info.kind = 'person';
  else if (head && (ORG_HEADS.has(head) || (/\b(?:kremlin|white house|pentagon)\b/.test(lower) && !ROLE_NOUNS.has(head)))) info.kind = 'organization';
  else if (head && ANON_HEADS.has(head) && (ANON_QUALIFIER.test(phrase) || info.count !== null || /^(?:a|an|one|some|several|many|two|three|four|five)$/.test(first) || /^(?:source|sources|insider|insiders)$/.test(head))) info.kind = 'anonymous';
  else if (info.plural || /^(?:\d[\d.,]*|\p{L}+(?:-\p{L}+)?)\s*(?:%|per\s?cent)/iu.test(phrase)) info.kind = 'collective'; // "Fifty-one percent (of voters)"
  else info.kind = 'person';
  return info;
}

const commonNouns = new Map<string, boolean>();
/** A word of wink's lexicon it reads, written alone in lower case, as a noun, verb or adjective ("comedian", "senate", "whip"; not "gurmeet", unknown). */
function isCommonNoun(lower: string): boolean {
  let known = commonNouns.get(lower);
  if (known === undefined) {
    const t = isLexiconWord(lower) ? tokenize(lower).tokens : [];
    known = t.length === 1 && /^(?:NOUN|VERB|ADJ)$/.test(t[0].pos);
    if (commonNouns.size > 50_000) commonNouns.clear();
    commonNouns.set(lower, known);
  }
  return known;
}

/** Acronyms of a person's role ("the CEO said"), not of an organisation. */
const ROLE_ACRONYM = /^(?:CEO|CFO|COO|CTO|CIO|CMO|MP|MEP|MSP|MLA|VP|DA)$/;

/** Head nouns of a publication's description ("a Catholic magazine", "the tabloid", "a news site"). */
const OUTLET_HEAD = /^(?:magazine|newspaper|paper|tabloid|daily|weekly|website|site|blog|broadcaster|channel|outlet|publication|newswire|portal|newsletter)$/;

function isCapOrThe(t: Token): boolean {
  return isCap(t) || /^the$/i.test(t.value);
}
