import type { Token } from '../nlp.js';
import { outletByName } from '../outlet-lexicon.js';
import { ORG_HEADS, ROLE_NOUNS } from '../quotes/lexicon.js';
import { genderOfName, isFirstName, isListedFirstName } from './gender.js';

export interface NameMention {
  name: string;
  start: number;
  end: number;
  /** Title/description written right before the name ("Ukrainian President", "Kremlin spokesman"), if any. */
  description: string | null;
}

const TITLE_WORD = /^(?:President|Prime|Minister|Secretary|Senator|Sen\.|Rep\.|Gov\.|Governor|General|Gen\.|Former|former|Deputy|Vice|Chief|Foreign|Defense|Defence|State|Interior|Finance|National|Security|Council|House|White|Kremlin|U\.S\.|US|UK|EU|UN|Russian|Ukrainian|American|British|French|German|Chinese|Israeli|Iranian|Turkish|Polish|European|Democratic|Republican|Democrat|Speaker|Leader|Majority|Minority|Ambassador|Mayor|Judge|Justice|Attorney|Commander|Colonel|Col\.|Lt\.|Adviser|Advisor|Director|Chairman|Chairwoman|CEO|Pope|King|Queen|Prince|Sheikh|Superintendent|Commissioner|Coach|Sheriff|Inspector|Detective|Professor|Prof\.|Rev\.|Reverend|Bishop|Cardinal|Officer|Sergeant|Sgt\.|Trooper|Capt\.|Captain|spokesman|spokeswoman|spokesperson|adviser|advisor|official|minister|president|secretary|senator|governor|mayor|ambassador|envoy|aide|chief|director|commander|lawmaker|analyst|expert|professor|economist|leader|head|chairman|founder|executive|CEO|the|of|and|for|former|senior|top|deputy|foreign|defense|defence|security|national|presidential|press|campaign)$/;

const NOT_NAME = /^(?:The|A|An|This|That|These|Those|In|On|At|But|And|Or|If|When|While|As|After|Before|President|Prime|Minister|Secretary|Senator|Sen\.|Rep\.|Gov\.|Governor|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|General|Gen\.|Former|Deputy|Vice|Chief|Kremlin|White|House|U\.S\.|US|UK|EU|UN|NATO|Speaker|Superintendent|Commissioner|Coach|Sheriff|Inspector|Detective|Professor|Prof\.|Rev\.|Reverend|Bishop|Cardinal|Officer|Sergeant|Sgt\.|Trooper|Capt\.|Captain|Chairman|Chairwoman|Director|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Russian|Ukrainian|American|British|European|Chinese|Israeli|National|Security|Council|Department|Ministry|Brigade|Army|Republican|Democratic|North|South|East|West|Northern|Southern|Eastern|Western|Central|New|United|State|States|Kingdom|Homeland|Treasury|Defense|Defence|Foreign|Interior|Capitol|Downing|Wall|Silicon|Street|Avenue|Square|Road|Mount|Lake|River|Fort|Port|Saint|St\.|San|Santa|Los|Las|District|Circuit|Judge|Justice|Mayor|Ambassador|Chancellor|Councilman|Councilwoman|Congressman|Congresswoman|Assemblyman|Assemblywoman|Colonel|Admiral|Pastor)$/;

/**
 * Person names written out in the text: runs of 2–4 capitalised proper-noun
 * tokens ("Mary Jones", "Volodymyr Zelensky") that are not outlets or
 * institutions. Used to expand a surname ("Jones said") to the full name.
 */
export function collectNames(tokens: Token[], text: string): NameMention[] {
  const out: NameMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameToken(tokens[i]) && !isFirstNameTaggedVerb(tokens, i)) {
      i++;
      continue;
    }
    // a role written capitalised at the start of a sentence is no part of the name: "Attorney Chris Chestnut said",
    // "Sophomore Tyson Glover" (the name starts after it)
    if (LEADING_ROLE.has(tokens[i].value.toLowerCase()) && i + 2 < tokens.length && isNameToken(tokens[i + 1]) && isNameToken(tokens[i + 2])) {
      i++;
      continue;
    }
    let j = i;
    let words = 0; // capitalised words so far (at most 4; particles do not count)
    for (;;) {
      if (j >= tokens.length || words >= 4) break;
      const adjacent = j === i || tokens[j].start - tokens[j - 1].end <= 1;
      if (adjacent && (isNameToken(tokens[j]) || (j === i && isFirstNameTaggedVerb(tokens, j)) || (j > i && isSurnameTaggedVerb(tokens[j])) || (j === i + 1 && isRoleSurname(tokens, i, j)))) {
        j++;
        words++;
        continue;
      }
      // a middle initial: "James B. Comey", "Michael J. Fox"
      if (j > i && adjacent && /^\p{Lu}\.$/u.test(tokens[j].value) && tokens[j + 1] !== undefined && tokens[j + 1].start - tokens[j].end <= 1 && isNameToken(tokens[j + 1])) {
        j++;
        continue;
      }
      // a hyphenated name wink splits: "Abdel-Majed", "Jean-Christophe"
      if (j > i && tokens[j].value === '-' && tokens[j].start === tokens[j - 1].end && tokens[j + 1] !== undefined && tokens[j + 1].start === tokens[j].end && isNameToken(tokens[j + 1])) {
        j += 2;
        continue;
      }
      // a lower-case particle inside a name: "Ali al-Badri", "Ursula von der Leyen", "Ludwig van Beethoven"
      const k = j > i && adjacent ? particleRun(tokens, j) : j;
      if (k === j) break;
      j = k;
      words++;
    }
    // "Mrs. Clinton", "Sen. Warren": a courtesy title or office before a single surname
    if (words === 1 && i > 0 && /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sen|Rep|Gov|Gen|Sir|Dame|President|Senator|Governor|Minister|Chancellor|Secretary|Mayor|Judge|Justice)\.?$/.test(tokens[i - 1].value)) {
      out.push({ name: text.slice(tokens[i].start, tokens[j - 1].end), start: tokens[i].start, end: tokens[j - 1].end, description: tokens[i - 1].value });
      i = j;
      continue;
    }
    // "Moore & Van Allen", "Procter & Gamble": a firm, not a person
    if (words >= 2 && !(i > 0 && tokens[i - 1].value === '&') && !(j < tokens.length && tokens[j].value === '&')) {
      const last = tokens[j - 1].value.toLowerCase();
      const name = text.slice(tokens[i].start, tokens[j - 1].end);
      // (a role noun ends no name, unless it is the surname after a first name: "Ken Doctor")
      const roleSurname = j - i === 2 && isFirstName(tokens[i].value);
      if (!ORG_HEADS.has(last) && (!ROLE_NOUNS.has(last) || roleSurname) && !outletByName(name) && !outletShaped(tokens, i, j) && !/\n/.test(name)) {
        // the title/description before the name, same block, at most 6 words, not starting with "the/of/and"
        // (roles too: "The 71-year-old cleric Father John O'Neal" → "cleric Father")
        let k = i - 1;
        while (k >= 0 && i - k <= 6 && (TITLE_WORD.test(tokens[k].value) || LEADING_ROLE.has(tokens[k].value.toLowerCase())) && tokens[k].end + 2 >= tokens[k + 1].start && !/\n/.test(text.slice(tokens[k].end, tokens[k + 1].start))) k--;
        let d = k + 1;
        while (d < i && /^(?:the|of|and|for)$/i.test(tokens[d].value)) d++;
        const description = d < i ? text.slice(tokens[d].start, tokens[i - 1].end) : null;
        out.push({ name, start: tokens[i].start, end: tokens[j - 1].end, description });
      }
    }
    i = Math.max(j, i + 1);
  }
  return out;
}

/** Roles and class years that stand capitalised before a name at the start of a sentence. */
const LEADING_ROLE = new Set([...ROLE_NOUNS, 'sophomore', 'freshman', 'undergraduate', 'graduate', 'veteran', 'rapper', 'singer', 'actor', 'actress', 'comedian', 'musician', 'artist', 'writer', 'novelist', 'filmmaker', 'director', 'producer', 'coach', 'player', 'striker', 'midfielder', 'goalkeeper', 'defender', 'quarterback', 'pitcher', 'fisherman', 'farmer', 'priest', 'pastor', 'imam', 'rabbi', 'nurse', 'surgeon', 'physician', 'blogger', 'columnist', 'photographer']);

/**
 * A run ending in a word that names news media ("Israel Radio", "The Daily Courier", "Channel News") is an
 * outlet, not a person — unless it starts with a known first name ("Emily Post").
 */
const MEDIA_LAST = /^(?:Radio|TV|Television|Times|News|Journal|Herald|Tribune|Gazette|Telegraph|Press|Chronicle|Broadcasting|Magazine|Media|Newspaper|Courier|Post|Daily|Channel|Network|Agency|Wire)$/;
function outletShaped(tokens: Token[], i: number, j: number): boolean {
  return INSTITUTION_LAST.test(tokens[j - 1].value) || ((MEDIA_LAST.test(tokens[j - 1].value) || PLACE_LAST.test(tokens[j - 1].value)) && !isFirstName(tokens[i].value));
}

/** Last words of businesses and places, never of a person's name ("a Go-Kart Track", "Madison Square Garden Arena"). */
/** Institutions no person's name ends with, whatever its first word ("King Edward Memorial", "John Hopkins Hospital"). */
const INSTITUTION_LAST = /^(?:Memorial|Hospital|Infirmary|Hospice|Institute|Academy|Cemetery|Embassy|Consulate|Airport|Stadium|Museum|Cathedral|Mosque|Prison|Library|University|College|School)$/;
const PLACE_LAST = /^(?:Track|Center|Centre|Club|Stadium|Arena|Restaurant|Cafe|Café|Hotel|Airport|Station|Mall|Museum|Library|Cathedral|Mosque|Plaza|Theater|Theatre|Prison|Boulevard|Highway|Canyon|Valley|Mountains|Islands|Service|Services|Store|Shop|Bar|Pub|Gallery|Zoo|Aquarium|Resort|Casino|Clinic|Pharmacy|Bakery|Market|Park|Square|Bridge|Tower|Palace|Temple|Church|Chapel|Basilica|Abbey)$/;

const PARTICLE = /^(?:al|el|bin|ibn|van|von|der|den|de|da|di|du|del|della|la|le)$/;

/** End of "<particle>[-]<Name>" or "<particle> <particle> <Name>" starting at `j` (j itself when there is none). */
function particleRun(tokens: Token[], j: number): number {
  let k = j;
  while (k < tokens.length && k - j < 2 && PARTICLE.test(tokens[k].value)) {
    k++;
    if (tokens[k]?.value === '-' && tokens[k].start === tokens[k - 1].end) k++;
    if (k < tokens.length && tokens[k].start - tokens[k - 1].end <= 1 && isNameToken(tokens[k])) return k + 1;
    if (k >= tokens.length || tokens[k].start - tokens[k - 1].end > 1) return j;
  }
  return j;
}

/** A capitalised role noun after a first name, where it is the surname: "Ken Doctor" (wink reads "Doctor" as a noun). */
function isRoleSurname(tokens: Token[], i: number, j: number): boolean {
  const t = tokens[j];
  return t.pos === 'NOUN' && /^\p{Lu}\p{Ll}+$/u.test(t.value) && ROLE_NOUNS.has(t.value.toLowerCase()) && isFirstName(tokens[i].value) && isNameToken(tokens[i]);
}

/** A capitalised surname wink tags as a verb after a first name ("Loretta Lynch", "Charlie Cook"), or as a conjunction ("Abdiqadir Mohamed Nor"). */
function isSurnameTaggedVerb(t: Token): boolean {
  return (t.pos === 'VERB' && /^\p{Lu}\p{Ll}+$/u.test(t.value) && !NOT_NAME.test(t.value)) || (t.pos === 'CCONJ' && t.value === 'Nor');
}

/** A known first name wink tags as a verb before a surname ("Ted Cruz", "Mark Warner"). */
function isFirstNameTaggedVerb(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const next = tokens[i + 1];
  return (t.pos === 'VERB' || (t.pos === 'AUX' && t.value === 'Will')) && /^\p{Lu}\p{Ll}+$/u.test(t.value) && next !== undefined && next.start - t.end === 1 && isNameToken(next) && genderOfName(`${t.value} ${next.value}`) !== null;
}

function isNameToken(t: Token): boolean {
  return t.pos === 'PROPN' && (/^\p{Lu}[\p{Ll}'’-]+$/u.test(t.value) || /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)+$/u.test(t.value) || /^(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|O['’]|D['’])\p{Lu}\p{Ll}+$/u.test(t.value)) && !NOT_NAME.test(t.value);
}

/** The surname of a full name: its last word, without a joined particle ("Ali al-Badri" → "Badri"). */
export function surnameOf(name: string): string {
  const last = name.split(/\s+/).pop() ?? name;
  return last.replace(/^(?:al|el|bin|ibn|ben|abu)-(?=\p{Lu})/u, '');
}

/**
 * The full name a surname refers to: the latest written-out name before `before` ending with it (the one named
 * most when two people share the surname and the latest was named more than a paragraph back), else the first after.
 */
export function expandSurname(names: NameMention[], surname: string, before: number): string | null {
  let best: NameMention | null = null;
  const count = new Map<string, number>();
  for (const n of names) {
    if (!/\s/.test(n.name) || surnameOf(n.name) !== surname) continue;
    if (n.start < before) {
      best = n;
      count.set(n.name, (count.get(n.name) ?? 0) + 1);
    } else if (!best) return n.name;
  }
  // two people of one surname ("Abdel-Majed Abdel Bary" … "His father Adel Abdul Bary" … "Bary raps"): the one
  // named last when that was near (within NEAR characters); else the one named most, the first named on a tie
  // (a near name that does not open with a known first name — "the homeless Samaritan Lin claims" — does not win
  // over one that does, "Josh Paler Lin")
  const firstNamed = (n: string): boolean => isListedFirstName(n.split(/\s+/)[0]);
  const unpersonNear = best !== null && !firstNamed(best.name) && [...count.keys()].some(firstNamed);
  if (best && count.size > 1 && (before - best.end > NEAR || unpersonNear)) {
    // (a name that is another written with words before it — a headline's "Conservative Icon Morton Blackwell" — is
    // that name)
    for (const n of [...count.keys()]) {
      const shorter = [...count.keys()].find((m) => m !== n && /\s/.test(m) && n.endsWith(' ' + m));
      if (shorter) {
        count.set(shorter, count.get(shorter)! + count.get(n)!);
        count.delete(n);
        if (best.name === n) best = { ...best, name: shorter };
      }
    }
    // (names starting with a known first name first: not "Team Trump" or "Wisconsin Trump" for "Donald Trump")
    const people = [...count.keys()].filter((n) => isFirstName(n.split(/\s+/)[0]));
    if (people.length) for (const n of [...count.keys()]) if (!people.includes(n)) count.delete(n);
    let top = count.has(best.name) ? best.name : people[0];
    for (const [name, c] of count) if (c > (count.get(top) ?? 0) || (c === count.get(top) && name !== top && firstAt(names, name) < firstAt(names, top))) top = name;
    return top;
  }
  return best ? best.name : null;
}

/** How near (characters) a full name must be to take a bare surname when two people share it: about a paragraph. */
const NEAR = 600;

function firstAt(names: NameMention[], name: string): number {
  return names.find((n) => n.name === name)?.start ?? Infinity;
}

/** Descriptions written before a full name anywhere in the text ("Ukrainian President" for "Volodymyr Zelensky"). */
export function descriptionsOf(names: NameMention[], fullName: string): string[] {
  const out: string[] = [];
  for (const n of names) {
    if (n.name !== fullName || !n.description || out.includes(n.description)) continue;
    if (/^(?:Mr|Mrs|Ms|Dr|Sir|Dame|Mx)\.?$/.test(n.description)) continue; // a courtesy title is not a description
    out.push(n.description);
  }
  return out;
}
