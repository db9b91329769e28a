import type { Article, Evidence, Span, Speaker } from '../../model.js';
import { quotedPredicate, type QuoteDraft } from '../quotes/index.js';
import { tokenAt, type TokenizedArticle } from '../quotes/tokens.js';
import { subjectBefore } from '../quotes/cues.js';
import { classifyPhrase, isCompanyWord, type PhraseInfo } from './classify.js';
import { collectNames, descriptionsOf, expandSurname, surnameOf, type NameMention } from './names.js';
import { COMPANY_SUFFIXES, DOCUMENT_HEADS, ROLE_NOUNS } from '../quotes/lexicon.js';
import { genderOfName, isFirstName, isListedFirstName } from './gender.js';
import { outletByName } from '../outlet-lexicon.js';
import { personMentions, pronounGenders, subjectMentions } from './mentions.js';
import { GENERIC_PERSON, isPersonHead, unnamedIntroduction } from './role-nouns.js';
import { firstIndex } from '../first-index.js';
import { isDictionaryWord } from '../nlp.js';

interface Entity {
  idx: number;
  speaker: Speaker;
  gender: 'm' | 'f' | null;
  plural: boolean;
  heads: Set<string>;
  /** Descriptions from the text around the full name were added. */
  textDescribed?: boolean;
  /** Taken up by a singular "they" (so no "he" or "she"). */
  they?: boolean;
  /** Offset of the latest mention (for "the person last introduced"). */
  last: number;
  named: boolean;
}

/**
 * Build article-level speakers from the quotes' speaker phrases and resolve
 * each quote to one: names and surnames to the full named person, "he/she/they"
 * to the most recent compatible speaker, "the spokesman" to the speaker
 * described so earlier; anonymous and collective sources stay as they are.
 * Sets `quote.speakerId` on the drafts. Speaker ids are `${articleId}:s${n}` in order of first mention.
 */
export function resolveSpeakers(article: Article, drafts: QuoteDraft[], tok: TokenizedArticle, terms: readonly Span[] = []): Speaker[] {
  const entities: Entity[] = [];
  const text = article.text;

  const seen = new Set<string>();
  const mention = (e: Entity, start: number, end: number) => {
    const key = `${e.idx}:${start}:${end}`;
    if (!seen.has(key)) {
      seen.add(key);
      e.speaker.mentions.push({ articleId: article.id, start, end, text: text.slice(start, end) });
    }
    e.last = Math.max(e.last, start);
  };
  const create = (kind: Speaker['kind'], info: PhraseInfo, start: number, end: number): Entity => {
    const e: Entity = {
      idx: entities.length,
      speaker: { id: '', kind, names: [], descriptions: [], mentions: [] },
      gender: info.gender, plural: info.plural, heads: new Set(), last: start, named: false,
    };
    entities.push(e);
    enrich(e, info);
    mention(e, start, end);
    return e;
  };

  let names: ReturnType<typeof collectNames> | null = null;
  /** The web addresses written outside quotes (found once, when a site's writing first needs one). */
  let addresses: Array<{ name: string; start: number; end: number }> | null = null;
  /** Offset inside a quote (marks included)? Names there are not the speaker's. */
  const quoted = quotedPredicate(drafts, text);
  // the mentions of the people named in full that can take up a pronoun, and the genders the text's pronouns give them
  // (kept for the second resolution of the same article and quotes: analyzeArticle resolves again after adopting speakers)
  let people: People | null = peopleCache.get(drafts) ?? null;
  const peopleOf = (): People => {
    if (people) return people;
    names ??= namesOf(tok, text, terms);
    const mentions = personMentions(names, tok.tokens, text);
    // the full names, and the surnames alone that are their sentence's subject ("Buser, however, is counting on …")
    const subjects = new Set(subjectMentions(mentions, tok.tokens, quoted));
    const named = mentions.filter((m) => subjects.has(m) || m.name === text.slice(m.start, m.end) || m.description !== null);
    people = { named, subjects, genders: pronounGenders(mentions, tok.tokens, quoted) };
    peopleCache.set(drafts, people);
    return people;
  };
  /** An entity's gender: from its words, else from the pronouns the text uses after its name. */
  const genderOf = (e: Entity): 'm' | 'f' | null => e.gender ?? (e.named && e.speaker.kind === 'person' ? peopleOf().genders.get(e.speaker.names[0]) ?? null : null);
  const bySpan = new Map<string, Entity>();
  for (const d of drafts) {
    const q = d.quote;
    if (d.inheritsFrom !== null) {
      q.speakerId = drafts[d.inheritsFrom].quote.speakerId;
      continue;
    }
    if (!d.cue?.speaker || !q.speakerSpan) continue;
    const [a, b] = d.cue.speaker;
    const { start, end } = q.speakerSpan;
    // the same phrase already resolved for an earlier quote of the sentence ("…,” a spokeswoman said, adding that “…”)
    const same = bySpan.get(`${start}:${end}`);
    if (same) {
      q.speakerId = '#' + same.idx;
      continue;
    }
    const info = classifyPhrase(tok.tokens.slice(a, b), text);
    let target: Entity | null = null;
    if (info.kind === 'outlet' && !/\s/.test(q.speaker ?? ' ')) {
      // "Michael Bloomberg … Bloomberg said": a one-word outlet name that is a person's surname in this article
      names ??= namesOf(tok, text, terms);
      const full = findByName(latest(entities), q.speaker!)?.speaker.names[0] ?? expandSurname(names, q.speaker!, Number.MAX_SAFE_INTEGER);
      if (full) {
        info.kind = 'person';
        info.name = q.speaker!;
      }
    }
    if (!info.name && info.kind === 'person' && q.speaker && /^\p{Lu}\p{Ll}+$/u.test(q.speaker)) {
      // a surname that is also a role noun ("Doctor said" after "Ken Doctor")
      names ??= namesOf(tok, text, terms);
      const full = expandSurname(names, q.speaker, start);
      if (full) Object.assign(info, { name: full, description: null, head: null });
    }
    // a document by a person ("According to a 2018 survey by Penelope Muse Abernathy of the University of North
    // Carolina, …"): the person
    let author: NameMention | undefined;
    if (info.head && DOCUMENT_HEADS.has(info.head) && !info.name) {
      const by = /^[ \t]+by[ \t]+/.exec(text.slice(end, end + 8));
      if (by) {
        names ??= namesOf(tok, text, terms);
        const at = end + by[0].length;
        author = names.find((n) => n.start === at && /\s/.test(n.name) && personLike(n, peopleOf().genders));
        if (author) Object.assign(info, { kind: 'person', name: author.name, description: null, head: null, definite: false, plural: false });
      }
    }
    const before = recent(entities, start);
    if (info.kind === 'pronoun') {
      // ("it" is no person: an organisation or outlet mentioned in this paragraph or the one before, else one
      // resolveIt finds once the attributions are known)
      const window = blockStart(article, start, 1);
      const isOrg = (e: Entity): boolean => e.speaker.kind === 'organization' || e.speaker.kind === 'outlet';
      target = /^it$/i.test(q.speaker ?? '') ? before.filter((e) => isOrg(e) && e.last >= window).pop() ?? null : resolvePronoun(before, info, genderOf);
      // a singular "they": one person of no known gender opening the sentence before, in this paragraph ("Kym Lino, a
      // spokesperson for Instagram, confirmed … “…,” they said in an email")
      if (/^they$/i.test(q.speaker ?? '')) {
        const { subjects, genders } = peopleOf();
        const one = singularTheySubject(subjects, tok, a, genders, quoted);
        if (one) {
          const known = findByName(latest(entities), one.name);
          target = known && known.speaker.kind === 'person' ? known : create('person', { ...info, kind: 'person', name: one.name, plural: false }, one.start, one.end);
          if (known) mention(known, one.start, one.end);
          target.they = true;
        }
      }
      // "“…,” they said in a statement.\n\n“…”\n\nNow they've put out another statement.\n\n“…,” it says": the
      // organisation quoted within the three paragraphs before
      // — unless a document opens a sentence in between ("The report was released on Monday.\n\n“…,” it said": the report)
      if (!target && /^it$/i.test(q.speaker ?? '') && !DOCUMENT_SUBJECT.test(text.slice(window, start))) {
        const far = blockStart(article, start, 3);
        target = before.filter((e) => isOrg(e) && e.last >= far && drafts.some((x) => x.quote.start < start && x.quote.speakerId === '#' + e.idx)).pop() ?? null;
      }
      // "The company that runs the AMAs, Dick Clark Productions, denies …\n\n“…,” they said": an organisation that is
      // the subject of the sentence before is "they", not another organisation quoted earlier
      if (target && isOrg(target) && /^they$/i.test(q.speaker ?? '')) {
        const org = organisationSubjectBefore(tok, a, text, quoted);
        if (org && !target.speaker.names.some((n) => n.toLowerCase() === org.name.toLowerCase())) target = null;
      }
      if (!target && /^(?:they|it)$/i.test(q.speaker ?? '')) {
        // "Big Machine have twice denied doing anything wrong.\n\n“…,” they said": the organisation that is the
        // subject of the sentence before
        const org = organisationSubjectBefore(tok, a, text, quoted);
        if (org) {
          const name = org.name;
          target = latest(entities).find((e) => e.speaker.kind === org.kind && e.speaker.names.some((n) => n.toLowerCase() === name.toLowerCase())) ?? null;
          if (!target) {
            target = create(org.kind, { ...info, kind: org.kind, name: null, description: null, head: null, plural: false }, org.start, org.end);
            target.speaker.names.push(name);
          } else mention(target, org.start, org.end);
        }
      }
      if (!info.plural && /^(?:he|she)$/i.test(q.speaker ?? '')) {
        // no earlier speaker fits, or a person was named in this very sentence after the last mention of the
        // speaker found ("Sen. Claire McCaskill scolded him: “…,” she said"): the person last named
        // (full names, and surnames alone only as a subject — a surname is as often the object of someone else's words:
        // "Sarandon said Clinton …"); in this paragraph, or as the subject of the paragraph before ("Johnson is under
        // fire …\n\nAudience members laughed when he urged voters, “…”")
        const { genders, named: namedMentions, subjects } = peopleOf();
        let named = lastNameBefore(namedMentions, start, info.gender, drafts, genders, text);
        const from = named && subjects.has(named) ? blockStart(article, start, 1) : blockStart(article, start);
        if (named && target && !(named.start > target.last && named.start >= from)) named = null;
        // (a thing named last, "… apps for the Apple Watch", hides no person introduced as a subject in the paragraph before
        // after the speaker found was last written: "Meanwhile, Trip Chowdhry, an analyst …, has predicted …\n\nHe further
        // states …" is Chowdhry, not Tim Cook quoted before)
        if (!named && target) {
          const subject = lastNameBefore(namedMentions.filter((n) => subjects.has(n) && (personLike(n, genders) || roleAfter(text, n))), start, info.gender, drafts, genders, text);
          const written = target.speaker.names.reduce((m, n) => Math.max(m, lastWordAt(text, surnameOf(n), start)), target.last);
          if (subject && subject.start >= blockStart(article, start, 1) && subject.start > written && !target.speaker.names.includes(subject.name)) named = subject;
        }
        // a speaker found is not given up for a name nothing shows to be a person's (no known first name, title or
        // gender: "Chromecast Ultra", "Bugatti Veyron")
        // (but one named before it in reach that something shows to be a person's is: "Just look at House Speaker Paul D.
        // Ryan. He's said he gets his ideas … from … Ayn Rand's “Atlas Shrugged” …, he thought it “risks …”")
        if (named && target && !isFirstName(named.name.split(/\s+/)[0]) && !named.description && nameGender(named, genders) === null) {
          const person = lastNameBefore(namedMentions.filter((n) => described(n) || isFirstName(n.name.split(/\s+/)[0]) || roleAfter(text, n)), start, info.gender, drafts, genders, text);
          const reach = person && subjects.has(person) ? blockStart(article, start, 1) : blockStart(article, start);
          // (and after the speaker found was last written: "… that Trump hadn't answered …, the candidate said …\n“They
          // sue,” he said" is not Michael Brown, named before that)
          const written = target.speaker.names.reduce((m, n) => Math.max(m, lastWordAt(text, surnameOf(n), start)), target.last);
          named = person && person.start > written && person.start >= reach ? person : null;
        }
        // no speaker met yet and no one named in this paragraph or the one before: the person named most so far (surnames
        // counted), not whatever name came last ("… Chandler … Chandler …\n\nOutrage as new Grand Theft Auto
        // game allows …\n\n'…,' she says")
        if (named && !target && named.start < blockStart(article, start, 1)) {
          names ??= namesOf(tok, text, terms);
          const most = mostNamedBefore(names!, tok.tokens, start, info.gender, quoted, genders);
          const known = most && findByName(latest(entities), most.name);
          if (most && !(known && clash(genderOf(known), info.gender))) named = most;
        }
        // a name nothing shows to be a person's, and after it, in this paragraph, someone described by a word of the
        // pronoun's gender: that person ("… masquerading as a Go-Kart Track … WIRED spoke to one mother, who …
        // “…,” she said")
        // (or, no one named and no speaker found, someone so described in this paragraph)
        let describedHere = false;
        const unperson = named !== null && !isFirstName(named.name.split(/\s+/)[0]) && !named.description && nameGender(named, genders) === null;
        if (info.gender && (unperson || (!named && !target))) {
          const described =
            genderedDescription(text, Math.max(named?.end ?? 0, blockStart(article, start)), start, info.gender) ??
            // (no one named at all: the role opening a sentence in this paragraph or the one before, "The doctor who
            // practiced the cesarean section first believed …\n\n“…” he told reporters")
            (named ? null : roleSubjectBefore(text, blockStart(article, start, 1), start, info.gender, quoted));
          if (described) {
            named = null;
            describedHere = true;
            target = create('person', { ...info, kind: 'person', name: null, description: described.text, head: described.head }, described.start, described.end);
          }
        }
        // the paragraphs right before this one open on the same pronoun ("So she telephoned her employer, …"), no one
        // named in this one before it: the person the paragraph before them opens on ("Miss Tan decided …")
        if (!describedHere) {
          const chained = pronounChainSubject(article, tok, start, q.speaker!, namedMentions, subjects, quoted);
          if (chained && !clash(nameGender(chained, genders), info.gender) && !(target && target.last >= chained.end)) named = chained;
        }
        if (named) {
          const known = findByName(latest(entities), named.name, genderOf, info.gender);
          // (a person already known as "she" is not "he")
          if (known) target = clash(genderOf(known), info.gender) ? null : known;
          // (a surname alone, "Mr. Trump": the full name written elsewhere)
          else target = create('person', { ...info, kind: 'person', name: /\s/.test(named.name) ? named.name : expandSurname(names ??= namesOf(tok, text, terms), named.name, named.start) ?? named.name, description: null }, named.start, named.end);
        }
        // no one named in this paragraph before the pronoun: the speaker of the reported speech that ends the
        // paragraph before ("Aparna Mathur, who studies …, said the statement didn't clarify the matter.\n\n
        // "I don't see details …," she said")
        const rb = d.reportedBefore;
        if (rb && !describedHere && !(named && named.start >= blockStart(article, start))) {
          const prevInfo = classifyPhrase(tok.tokens.slice(rb[0], rb[1]), text);
          const fits = prevInfo.kind === 'person' && !prevInfo.plural && (prevInfo.gender === null || info.gender === null || prevInfo.gender === info.gender);
          const pStart = tok.tokens[rb[0]].start;
          const pEnd = tok.tokens[rb[1] - 1].end;
          // (a role with no name, "The Ohio governor said …": the person last named as a subject before it, in its
          // paragraph or the one before — "John Kasich said Saturday …")
          if (fits && !prevInfo.name && prevInfo.definite && prevInfo.head && isPersonHead(prevInfo.head) && !GENERIC_PERSON.test(prevInfo.head)) {
            const { named: namedMentions, subjects, genders } = peopleOf();
            const found = lastPersonIn(namedMentions, subjects, entities, article, pStart, prevInfo, quoted, genders, genderOf);
            if (found) prevInfo.name = found.name;
          }
          if (fits && prevInfo.name && !/\s/.test(prevInfo.name)) {
            // a bare surname: the full name written elsewhere ("Teddy Goff … but Goff said")
            names ??= namesOf(tok, text, terms);
            prevInfo.name = expandSurname(names, prevInfo.name, pStart) ?? prevInfo.name;
          }
          if (fits && prevInfo.name) {
            const known = findByName(latest(entities), prevInfo.name);
            if (!known || !clash(genderOf(known), info.gender)) {
              target = known ?? create('person', prevInfo, pStart, pEnd);
              if (known) mention(known, pStart, pEnd);
            }
          }
        }
      }
    } else if (info.name && info.kind !== 'outlet') {
      target = findByName(latest(entities), info.name, genderOf, info.gender);
      if (!target && !/\s/.test(info.name)) {
        // a bare surname: expand it to the full name written elsewhere in the article
        names ??= namesOf(tok, text, terms);
        // (or a first name opening one full name of the article: "Josh said" after "Josh Paler Lin")
        const full = expandSurname(names, info.name, start) ?? fullNameOpenedBy(names, info.name);
        if (full) {
          target = findByName(latest(entities), full);
          if (!target) info.name = full;
        }
      }
      if (!target && info.description) {
        // "a Kremlin spokesman" earlier, "Kremlin spokesman Dmitry Peskov" now: same person if unnamed so far.
        target = before.filter((e) => !e.named && e.speaker.kind === 'person' && info.head && e.heads.has(info.head) && sameDescription(e, info)).pop() ?? null;
      }
    } else if (info.kind === 'outlet' || info.kind === 'organization') {
      target = latest(entities).find((e) => e.speaker.kind === info.kind && e.speaker.names.some((n) => n.toLowerCase() === (info.name ?? info.description ?? '').replace(/^the\s+/i, '').toLowerCase())) ?? null;
      // "the ministry" after "the Russian Foreign Ministry"
      if (!target && info.kind === 'organization' && info.definite && info.head) {
        target = bestDescribed(before.filter((e) => e.speaker.kind === 'organization'), info);
      }
      // "the company said" after "Instagram first introduced business accounts": the company named in this paragraph
      // or the two before
      if (!target && info.kind === 'organization' && info.definite && !info.name && info.head && COMPANY_HEADS.has(info.head)) {
        const named = lastCompanyBefore(tok.tokens, tokenAt(tok.tokens, blockStart(article, start, 2)), tokenAt(tok.tokens, start), text, quoted);
        if (named) {
          target = latest(entities).find((e) => e.speaker.kind === 'organization' && e.speaker.names.includes(named)) ?? null;
          if (!target) {
            target = create('organization', { ...info, name: null }, start, end);
            target.speaker.names.push(named);
          }
        }
      }
    } else if (info.definite && /^the\s+\S+-years?-old$/i.test(q.speaker ?? '')) {
      // "The 56-year-old said": the story's person, the one named most so far
      names ??= namesOf(tok, text, terms);
      const most = mostNamedBefore(names, tok.tokens, start, info.gender, quoted, peopleOf().genders, true);
      if (most) target = findByName(latest(entities), most.name) ?? create('person', { ...info, kind: 'person', name: most.name }, most.start, most.end);
    } else if (info.definite && info.head) {
      // a bare "the senator" with someone else named in its paragraph ("Rubio … the senator said") is theirs, not guessed
      const bare = !/\s/.test((info.description ?? '').replace(/^the\s+/i, ''));
      const from = blockStart(article, start);
      // (asSubject: only a name that is the subject of a verb — "Rubio sought …")
      const someoneElseNamed = (name: string, asSubject = false): boolean => {
        names ??= namesOf(tok, text, terms);
        const own = surnameOf(name);
        const full = names.filter((n) => /\s/.test(n.name));
        const surnames = new Set(full.map((n) => surnameOf(n.name)));
        const a = tokenAt(tok.tokens, from);
        const b = tokenAt(tok.tokens, start);
        const subject = (k: number): boolean => !asSubject || /^(?:VERB|AUX)$/.test(tok.tokens[k + 1]?.pos ?? '') && !/^['’]s$/.test(tok.tokens[k + 1].value);
        return (!asSubject && full.some((n) => n.start >= from && n.start < start && n.name !== name)) ||
          tok.tokens.slice(a, b).some((t, k) => t.value !== own && surnames.has(t.value) && subject(a + k));
      };
      target = bestDescribed(before, info);
      // the same for a person quoted before and so described, not mentioned in this paragraph, when someone else is
      // its subject: "Rubio sought … the senator said" is not Sanders, the senator quoted paragraphs before
      if (target && bare && target.named && target.last < from && someoneElseNamed(target.speaker.names[0], true)) target = null;
      if (!target && !info.plural) {
        // "the Florida senator" after "Florida Sen. Marco Rubio": the person last named with that title
        names ??= namesOf(tok, text, terms);
        let titled = lastTitledBefore(names, text, start, info, quoted);
        if (titled && bare && someoneElseNamed(titled.name)) titled = null;
        if (titled) {
          const known = findByName(latest(entities), titled.name);
          if (known && known.speaker.kind === 'person' && !clash(known.gender, info.gender)) target = known;
          else if (!known) target = create('person', { ...info, kind: 'person', name: titled.name }, titled.start, titled.end);
          if (target && !known) mention(target, start, end);
        }
      }
      // "Cruz warned …\n\n“…,” the Texas senator said": a role nothing else ties to anyone is the person last named
      // as a subject in this paragraph or the one before — unless an unnamed person was introduced so ("One man … the
      // man shouted"); a lede's "A Catholic priest …" is the story's person, named after it
      if (!target && !info.plural && info.kind === 'person' && !info.name && isPersonHead(info.head) && !GENERIC_PERSON.test(info.head)) {
        names ??= namesOf(tok, text, terms);
        const { named: namedMentions, subjects, genders } = peopleOf();
        const intro = unnamedIntroduction(article, info.head, start, quoted);
        let found: { name: string; start: number; end: number } | null = null;
        // (not a name in the speaker's own sentence: "But Trump has one thing in common …, the columnist suggested")
        const sentenceStart = tok.tokens[tok.sentenceTokens[tok.tokens[a].sentence][0]].start;
        if (intro?.where !== 'body') found = lastPersonIn(namedMentions, subjects, entities, article, Math.min(start, sentenceStart), info, quoted, genders, genderOf);
        // (a lede's "A Catholic priest …": the person the paragraphs after it name first, as a subject)
        if (!found && intro?.where === 'lede') found = firstPersonAfter(namedMentions.filter((n) => subjects.has(n)), intro.end, start, info, quoted, genders);
        // a title ("the president", "the senator"): only someone the article so titles ("President Obama", "Sen. Ted Cruz")
        if (found && TITLE_WORDS.has(info.head)) {
          const titled = names.filter((n) => n.description !== null && n.description.toLowerCase().split(/\s+/).some((w) => (TITLE_HEAD[w] ?? w) === info.head));
          // (a surname alone titled — "President Bush" — only when one person of the article bears it)
          const sharers = new Set(names.filter((n) => /\s/.test(n.name) && surnameOf(n.name) === surnameOf(found!.name)).map((n) => n.name));
          if (!titled.some((n) => n.name === found!.name || (!/\s/.test(n.name) && n.name === surnameOf(found!.name) && sharers.size <= 1))) found = null;
        }
        if (found && !/\s/.test(found.name)) found = { ...found, name: expandSurname(names, found.name, found.start) ?? found.name };
        if (found) {
          const known = findByName(latest(entities), found.name);
          // (not someone whose own description of that head says otherwise: "the US president" is not the one described as
          // "Ukrainian President")
          if (known && known.speaker.kind === 'person' && !clash(genderOf(known), info.gender) && !otherwiseDescribed(known, info)) target = known;
          else if (!known) {
            target = create('person', { ...info, kind: 'person', name: found.name }, found.start, found.end);
            mention(target, start, end);
          }
        }
      }
    }
    // a site or one of its writings with no name ("the website", "the false report", "the story on the vaguely official
    // looking website"): the web address last written before it ("Huzlers.com", "nationalreport.net")
    if (!target && info.kind !== 'pronoun' && info.kind !== 'outlet' && info.kind !== 'organization' && !info.name && info.head && SITE_WRITINGS.has(info.head) && !/['’]s?\s|^(?:its|their|his|her)\s/i.test(info.description ?? '')) {
      addresses ??= webAddresses(text, quoted);
      const site = addresses[firstIndex(addresses.length, (k) => addresses![k].start >= start) - 1];
      if (site) {
        target = latest(entities).find((e) => e.speaker.kind === 'outlet' && e.speaker.names.some((n) => n.toLowerCase() === site.name.toLowerCase())) ?? null;
        if (!target) {
          target = create('outlet', { ...info, kind: 'outlet', name: null, plural: false, gender: null }, site.start, site.end);
          target.speaker.names.push(site.name);
        } else mention(target, site.start, site.end);
      }
    }
    // a lede's unnamed person ("A husband who thought he had lost a recording … has described the moment … as
    // “wonderful”"): the person the paragraphs after it name first, as a subject ("Stan Beaton, from Mirfield, had kept …")
    if (!target && info.kind === 'person' && !info.name && !info.definite && !info.plural && info.head && isPersonHead(info.head) && !GENERIC_PERSON.test(info.head)) {
      const lede = article.blocks.findIndex((b) => b.kind === 'paragraph');
      if (lede >= 0 && article.blocks[lede].start <= start && start < article.blocks[lede].end) {
        const { named: namedMentions, subjects, genders } = peopleOf();
        const to = article.blocks[Math.min(article.blocks.length - 1, lede + 2)].end;
        const found = firstPersonAfter(namedMentions.filter((n) => subjects.has(n)), article.blocks[lede].end, to, info, quoted, genders);
        if (found) {
          target = findByName(latest(entities), found.name) ?? create('person', { ...info, name: found.name }, found.start, found.end);
          mention(target, found.start, found.end);
        }
      }
    }
    if (target) {
      enrich(target, info);
      mention(target, start, end);
      if (author) mention(target, author.start, author.end);
    } else if (info.kind !== 'pronoun') {
      const kind = info.kind;
      target = create(kind, info, start, end);
      if ((kind === 'outlet' || kind === 'organization') && !target.speaker.names.length) {
        target.speaker.names.push((info.description ?? '').replace(/^the\s+/i, ''));
      }
    }
    if (target && target.named && !target.textDescribed) {
      // titles written before the full name elsewhere ("Ukrainian President Volodymyr Zelensky")
      target.textDescribed = true;
      names ??= namesOf(tok, text, terms);
      for (const n of [...target.speaker.names]) {
        for (const d of descriptionsOf(names, n)) {
          if (!target.speaker.descriptions.includes(d)) target.speaker.descriptions.push(d);
          // every role word of it ("cleric Father" → cleric, father), and what a religious title stands for
          for (const w of d.split(/\s+/)) {
            if (ROLE_NOUNS.has(w.toLowerCase())) target.heads.add(w.toLowerCase());
            const abbreviation = TITLE_HEAD[w.toLowerCase()];
            if (abbreviation) target.heads.add(abbreviation);
            for (const alias of TITLE_ROLES[w] ?? []) target.heads.add(alias);
          }
        }
      }
    }
    if (target) bySpan.set(`${start}:${end}`, target);
    q.speakerId = target ? '#' + target.idx : null;
  }

  // Named persons: add later mentions of their full name or surname in the body text.
  for (const e of entities.length <= 200 ? entities : []) {
    if (!e.named) continue;
    for (const name of e.speaker.names) {
      const surname = surnameOf(name);
      for (const form of new Set([name, surname])) {
        if (form.length < 3) continue;
        let from = 0;
        for (let i = text.indexOf(form, from); i >= 0 && e.speaker.mentions.length < 500; i = text.indexOf(form, from)) {
          from = i + form.length;
          if (/[\p{L}\p{N}]/u.test(text[i - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[i + form.length] ?? '')) continue;
          if (e.speaker.mentions.some((m) => m.start <= i && m.end >= i + form.length)) continue;
          if (form !== name) {
            // a bare surname inside another name is not this person ("Capitol Hill", "Hill Street")
            const prevWord = /(\p{Lu}[\p{L}.'’-]*)[ \t]+$/u.exec(text.slice(Math.max(0, i - 30), i));
            if (prevWord && !/^(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|President|Minister|Secretary|Senator)\.?$/.test(prevWord[1])) continue;
            if (/^[ \t]+\p{Lu}/u.test(text.slice(i + form.length, i + form.length + 3))) continue;
          }
          e.speaker.mentions.push({ articleId: article.id, start: i, end: i + form.length, text: form });
        }
      }
    }
  }

  // Order by first mention; assign ids; remap quotes.
  for (const e of entities) e.speaker.mentions.sort((x, y) => x.start - y.start || x.end - y.end);
  const order = entities.map((e, i) => ({ e, i, first: e.speaker.mentions[0]?.start ?? 0 })).sort((x, y) => x.first - y.first || x.i - y.i);
  const idOf = new Map<string, string>();
  order.forEach(({ e, i }, n) => {
    e.speaker.id = `${article.id}:s${n + 1}`;
    idOf.set('#' + i, e.speaker.id);
  });
  for (const d of drafts) if (d.quote.speakerId) d.quote.speakerId = idOf.get(d.quote.speakerId) ?? null;
  return order.map(({ e }) => e.speaker);
}

/** A person's role in an appositive right after a name ("Trip Chowdhry, an analyst from …"): the name is a person's. */
function roleAfter(text: string, n: { end: number }): boolean {
  const m = /^,[ \t]+(?:a|an|the)[ \t]+((?:[\p{L}'’-]+[ \t]+){0,3}[\p{L}'’-]+)/u.exec(text.slice(n.end, n.end + 80));
  return !!m && m[1].split(/[ \t]+/).some((w) => isPersonHead(w.toLowerCase()));
}

/** An appositive's role of one who speaks for someone, up to that someone: ", a spokesman for ", ", an aide to ". */
const SPEAKS_FOR = /^,[ \t]+(?:a|an|the)[ \t]+(?:[\p{L}.'’-]+[ \t]+){0,3}?(?:spokes(?:man|woman|person)|aide|adviser|advisor|lawyer|attorney|representative|press secretary)[ \t]+(?:for|to|of)[ \t]+$/u;

/** Heads of a site or of what it publishes, which a web address named before may own. */
const SITE_WRITINGS = new Set(['website', 'site', 'blog', 'article', 'story', 'report', 'piece', 'hoax']);

/** The web addresses ("Huzlers.com", "www.nationalreport.net") written outside quotes, in text order. */
function webAddresses(text: string, quoted: (offset: number) => boolean): Array<{ name: string; start: number; end: number }> {
  const re = /(?<![\p{L}\d@.\/-])(?:www\.)?((?:[\p{L}\d][\p{L}\d-]*\.)+(?:com|net|org|info|io|news|tv|co\.uk))(?![\p{L}\d\/-])/giu;
  const out: Array<{ name: string; start: number; end: number }> = [];
  for (let m = re.exec(text); m; m = re.exec(text)) if (!quoted(m.index)) out.push({ name: m[1], start: m.index, end: m.index + m[0].length });
  return out;
}

/** The mentions that can take up a pronoun (full names, surnames as subjects), the subjects, and the genders the text's pronouns give people. */
interface People {
  named: NameMention[];
  subjects: Set<NameMention>;
  genders: Map<string, 'm' | 'f'>;
}
const namesCache = new WeakMap<TokenizedArticle, NameMention[]>();
const peopleCache = new WeakMap<QuoteDraft[], People>();

/**
 * The article's written-out names (collectNames, once per tokenised article), less those inside quoted titles and
 * terms (`terms`: 'a memo titled "The Facts on Where the Race Stands"' names no Race Stands).
 */
function namesOf(tok: TokenizedArticle, text: string, terms: readonly Span[]): NameMention[] {
  let names = namesCache.get(tok);
  if (!names) {
    names = collectNames(tok.tokens, text);
    namesCache.set(tok, names);
  }
  if (!terms.length) return names;
  // (terms are in text order and do not overlap: the last one starting at or before the name)
  const inTerm = (n: NameMention): boolean => {
    const after = firstIndex(terms.length, (i) => terms[i].start > n.start);
    return after > 0 && n.end <= terms[after - 1].end;
  };
  return names.filter((n) => !inTerm(n));
}

/** Words of a quote, for comparing quotes: lower case, punctuation and marks as single spaces. */
const wordsKey = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
/** How many earlier quotes a quote's words are looked for in (bounded work on a page of a thousand quotes). */
const ECHO_REACH = 50;

/**
 * A quote with no speaker of its own that repeats words an earlier quote gave someone ("… told investors … “to
 * return capital to shareholders through dividends, in addition to investing for growth …” It shouldn't escape
 * notice that … with “investing for growth.”") is theirs. At least two words; only speakers already set: call it
 * last, once no attribution relation or sentence subject gave the quote a speaker.
 */
export function echoSpeakers(drafts: QuoteDraft[], article?: Article): void {
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i];
    if (d.quote.speakerId || d.cue || d.inheritsFrom !== null || d.caption) continue;
    const key = wordsKey(d.quote.text);
    if (key.length < 8 || !key.includes(' ')) continue;
    for (let j = i - 1; j >= 0 && j >= i - ECHO_REACH; j--) {
      const p = drafts[j].quote;
      if (p.speakerId && ` ${wordsKey(p.text)} `.includes(` ${key} `)) {
        d.quote.speakerId = p.speakerId;
        break;
      }
    }
    // a subheading quoting words the next paragraphs give someone ("U.S. MILITARY KEEPING “CLOSE EYE”" … “We continue
    // to keep a close eye on …”, a spokesman's): theirs
    if (d.quote.speakerId || !article || !isHeadingLine(article, d)) continue;
    for (let j = i + 1; j < drafts.length && drafts[j].firstBlock <= d.lastBlock + 4; j++) {
      const n = drafts[j].quote;
      if (n.speakerId && ` ${wordsKey(n.text)} `.includes(` ${key} `)) {
        d.quote.speakerId = n.speakerId;
        break;
      }
    }
  }
}

/** A quote in a block of its own of at most eight words with no sentence end: a subheading. */
function isHeadingLine(article: Article, d: QuoteDraft): boolean {
  if (d.firstBlock !== d.lastBlock) return false;
  const b = article.blocks[d.firstBlock];
  const line = article.text.slice(b.start, b.end).trim();
  return b.kind === 'heading' || (line.split(/\s+/).length <= 8 && !/[.!?…][”"’']?$/.test(line));
}

function enrich(e: Entity, info: PhraseInfo): void {
  if (info.name && !e.speaker.names.includes(info.name)) {
    // keep the fullest form first ("Fiona Hill" before "Hill")
    if (e.speaker.names.some((n) => /\s/.test(n) && surnameOf(n) === info.name)) {
      /* a surname of a known name: nothing new */
    } else e.speaker.names.push(info.name);
    e.named = true;
    if (e.speaker.kind !== 'outlet' && info.kind !== 'organization') e.speaker.kind = 'person';
  }
  if (info.description && !e.speaker.descriptions.includes(info.description) && info.kind !== 'outlet') e.speaker.descriptions.push(info.description);
  if (info.head) e.heads.add(info.head);
  if (info.gender && !e.gender) e.gender = info.gender;
  if (!e.gender && info.name) e.gender = genderOfName(info.name);
}

function sameDescription(e: Entity, info: PhraseInfo): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/^(?:a|an|the)\s+/, '').replace(/^(?:former|us|u\.s\.)\s+/, '');
  const d = norm(info.description ?? '');
  return e.speaker.descriptions.some((x) => norm(x) === d);
}

function findByName(entities: Entity[], name: string, genderOf?: (e: Entity) => 'm' | 'f' | null, gender: 'm' | 'f' | null = null): Entity | null {
  const lname = name.toLowerCase();
  const parts = lname.split(/\s+/);
  // exact full name
  for (const e of entities) if (e.speaker.names.some((n) => n.toLowerCase() === lname)) return e;
  // surname only → the person whose name ends with it (most recent), of the gender a title gives ("Mrs. Schlafly" is
  // not her son John Schlafly)
  if (parts.length === 1) {
    let hits = entities.filter((e) => e.speaker.kind === 'person' && e.speaker.names.some((n) => surnameOf(n).toLowerCase() === lname) && !(genderOf && clash(genderOf(e), gender)));
    // (one known to be of that gender first: "Ms. Khan" is Ghazala Khan, not her son Humayun, whose gender the text
    // may not tell)
    if (genderOf && gender && hits.some((e) => genderOf(e) === gender)) hits = hits.filter((e) => genderOf(e) === gender);
    if (hits.length) return hits.sort((x, y) => x.last - y.last).pop()!;
  }
  // full name whose surname matches an earlier surname-only mention
  const surname = parts[parts.length - 1];
  for (const e of entities) if (e.speaker.names.some((n) => n.toLowerCase() === surname)) {
    e.speaker.names = e.speaker.names.filter((n) => n.toLowerCase() !== surname);
    return e;
  }
  return null;
}

function resolvePronoun(before: Entity[], info: PhraseInfo, genderOf: (e: Entity) => 'm' | 'f' | null): Entity | null {
  const byRecency = [...before].sort((x, y) => y.last - x.last);
  if (info.plural) {
    return byRecency.find((e) => e.plural || e.speaker.kind === 'organization' || e.speaker.kind === 'collective' || e.speaker.kind === 'anonymous') ?? null;
  }
  return (
    byRecency.find(
      (e) =>
        (e.speaker.kind === 'person' || e.speaker.kind === 'anonymous') &&
        !e.plural &&
        !(info.gender !== null && e.they) &&
        !clash(info.gender === null ? null : genderOf(e), info.gender) &&
        // "according to a Reddit post" is nobody "he" or "she" can be ("it" can)
        (info.gender === null || e.named || ![...e.heads].some((h) => DOCUMENT_HEADS.has(h))),
    ) ?? null
  );
}

export type { Evidence };

/**
 * The subject a chain of paragraphs opening on `pronoun` goes back to: when the paragraphs right before the one
 * holding `at` (one to three) each open on that pronoun as their subject, after at most two connectives ("So she
 * telephoned …", "And so she settled in."), and no one is named in `at`'s own paragraph before it, the person
 * named as a subject in the first sentence of the paragraph before them. Null otherwise.
 */
function pronounChainSubject(article: Article, tok: TokenizedArticle, at: number, pronoun: string, named: readonly NameMention[], subjects: ReadonlySet<NameMention>, quoted: (offset: number) => boolean): NameMention | null {
  const { tokens } = tok;
  const here = tokens[tokenAt(tokens, at)];
  if (!here) return null;
  const own = article.blocks[here.block];
  if (named.some((n) => n.start >= own.start && n.start < at && !quoted(n.start))) return null;
  const p = pronoun.toLowerCase();
  let k = here.block - 1;
  let chain = 0;
  while (k >= 0 && chain < 3) {
    const block = article.blocks[k];
    if (block.kind === 'caption') {
      k--;
      continue;
    }
    let i = tokenAt(tokens, block.start);
    const first = i;
    while (i < first + 2 && tokens[i] && /^(?:CCONJ|ADV)$/.test(tokens[i].pos)) i++;
    // (or after an opening phrase set off by a comma: "In 2008, he wanted …")
    if (tokens[i] && /^(?:ADP|ADV|SCONJ)$/.test(tokens[i].pos) && tokens[i].value.toLowerCase() !== p) {
      let c = i + 1;
      while (c < i + 6 && tokens[c] && tokens[c].value !== ',' && tokens[c].block === k) c++;
      if (tokens[c]?.value === ',') i = c + 1;
    }
    if (!tokens[i] || tokens[i].block !== k || tokens[i].value.toLowerCase() !== p || !/^(?:VERB|AUX|ADV)$/.test(tokens[i + 1]?.pos ?? '')) break;
    chain++;
    k--;
  }
  if (chain === 0 || k < 0) return null;
  const block = article.blocks[k];
  const firstSentence = tokens[tokenAt(tokens, block.start)]?.sentence;
  const n = named.find((m) => m.start >= block.start && m.end <= block.end && !quoted(m.start) && tokens[tokenAt(tokens, m.start)]?.sentence === firstSentence);
  // (the sentence's subject: a verb right after the name — wink reads "Miss" in "Miss Tan decided" as a verb, so
  // the name's own position is what tells)
  const after = n && tokens[tokenAt(tokens, n.end)];
  if (n && (subjects.has(n) || (after && after.start >= n.end && /^(?:VERB|AUX)$/.test(after.pos)))) return n;
  // (or the one person the paragraph names: "Just look at House Speaker Paul D. Ryan.\n\nHe's said …")
  const all = named.filter((m) => m.start >= block.start && m.end <= block.end && !quoted(m.start));
  return all.length > 0 && all.every((m) => m.name === all[0].name) ? all[all.length - 1] : null;
}

/** The offset of the last whole-word occurrence of `word` before `before`, or -1. */
function lastWordAt(text: string, word: string, before: number): number {
  if (word.length < 2) return -1;
  for (let i = text.lastIndexOf(word, before - word.length); i >= 0; i = text.lastIndexOf(word, i - 1)) {
    if (!/[\p{L}\p{N}]/u.test(text[i - 1] ?? '') && !/[\p{L}\p{N}]/u.test(text[i + word.length] ?? '')) return i;
    if (i === 0) break;
  }
  return -1;
}

/** The one full name of the article that `first` (a known first name) opens, or null (none, or two). */
function fullNameOpenedBy(names: readonly NameMention[], first: string): string | null {
  if (!isFirstName(first)) return null;
  let found: string | null = null;
  for (const n of names) {
    if (!n.name.startsWith(first + ' ')) continue;
    if (found !== null && found !== n.name) return null;
    found = n.name;
  }
  return found;
}

/**
 * The person last named before `before` (gender-compatible), not counting names inside quotes nor a name someone
 * "told" that opens on a word of the dictionary and nothing shows to be a person's — an outlet or a body ("“…,”
 * Leigh-Anne Royster … told the College Fix.\n\n“…,” she added"; but "I told Megyn Kelly").
 */
function lastNameBefore(names: NameMention[], before: number, gender: 'm' | 'f' | null, drafts: QuoteDraft[], genders: ReadonlyMap<string, 'm' | 'f'>, text: string): NameMention | null {
  let best: NameMention | null = null;
  let qi = 0;
  for (const n of names) {
    if (n.start >= before) break;
    // drafts are in text order: skip the quotes that end before this name, then test the next one
    while (qi < drafts.length && drafts[qi].quote.end <= n.start) qi++;
    if (qi < drafts.length && drafts[qi].quote.start <= n.start) continue;
    const g = nameGender(n, genders);
    if (clash(g, gender)) continue;
    if (/\b(?:told|tells|telling)[ \t]+(?:the[ \t]+)?$/i.test(text.slice(Math.max(0, n.start - 16), n.start)) && !personLike(n, genders) && isDictionaryWord(n.name.split(/\s+/)[0].toLowerCase())) continue;
    // (nor the one someone speaks for, in an appositive after the speaker's name: "Terrence Donilon, a spokesman for
    // Archbishop Sean P. O'Malley, says …\n“…,” he told Metro" is Donilon)
    if (best && SPEAKS_FOR.test(text.slice(Math.max(best.end, n.start - 80), n.start)) && text.slice(best.end, n.start).length <= 80) continue;
    best = n;
  }
  return best;
}

/** Two known genders that differ ("she" for a man); unknown never clashes. */
function clash(a: 'm' | 'f' | null, b: 'm' | 'f' | null): boolean {
  return a !== null && b !== null && a !== b;
}

/** A name's gender from its first name or its courtesy title ("Ms. Conway", "Mr. Manafort"), else from the pronouns the text uses after it. */
function nameGender(n: NameMention, genders?: ReadonlyMap<string, 'm' | 'f'>): 'm' | 'f' | null {
  return genderOfName(n.name) ?? titleGender(n.name.split(/\s+/)[0]) ?? (/^(?:Mrs|Ms|Miss|Dame)\.?$/.test(n.description ?? '') ? 'f' : /^(?:Mr|Sir)\.?$/.test(n.description ?? '') ? 'm' : genders?.get(n.name) ?? null);
}

/** The gender a title opening a name tells ("Pope Francis", "King Abdullah", "Queen Rania"). */
function titleGender(word: string): 'm' | 'f' | null {
  if (/^(?:Pope|King|Prince|Sir|Lord|Father|Brother|Cardinal|Sheikh|Emir|Sultan|Archduke|Duke|Baron|Count)$/.test(word)) return 'm';
  if (/^(?:Queen|Princess|Dame|Lady|Sister|Duchess|Baroness|Countess)$/.test(word)) return 'f';
  return null;
}

/**
 * The person named most often before `before` (a full name or its surname alone; gender-compatible; ties: the
 * latest, or with `firstOnTie` the one named first — the lead's person).
 */
function mostNamedBefore(names: NameMention[], tokens: readonly { value: string; start: number; end: number }[], before: number, gender: 'm' | 'f' | null, quoted: (offset: number) => boolean, genders: ReadonlyMap<string, 'm' | 'f'>, firstOnTie = false): NameMention | null {
  const count = new Map<string, number>();
  const lastOf = new Map<string, NameMention>();
  const firstOf = new Map<string, number>();
  const bySurname = new Map<string, string>();
  let ni = 0;
  for (const t of tokens) {
    if (t.start >= before) break;
    while (ni < names.length && names[ni].end <= t.start) {
      const n = names[ni++];
      const g = nameGender(n, genders);
      if (clash(g, gender) || quoted(n.start)) continue;
      count.set(n.name, (count.get(n.name) ?? 0) + 1);
      lastOf.set(n.name, n);
      if (!firstOf.has(n.name)) firstOf.set(n.name, n.start);
      if (/\s/.test(n.name)) bySurname.set(surnameOf(n.name), n.name);
    }
    if (ni < names.length && names[ni].start <= t.start) continue;
    const full = /^\p{Lu}\p{Ll}+$/u.test(t.value) ? bySurname.get(t.value) : undefined;
    if (full) count.set(full, (count.get(full) ?? 0) + 1);
  }
  let best: NameMention | null = null;
  let bestCount = 0;
  // (a name something shows to be a person's first: "Mark Oberholtzer’s former Ford … by Supporters of the Religion
  // Front (Jabhat Ansar al-Deen)" … "“…,” he told Galveston Daily News" is Oberholtzer)
  const people = new Set([...count.keys()].filter((name) => personLike(lastOf.get(name)!, genders)));
  for (const [name, c] of count) {
    if (people.size && !people.has(name)) continue;
    const n = lastOf.get(name)!;
    const tieWins = best !== null && (firstOnTie ? firstOf.get(name)! < firstOf.get(best.name)! : n.start > best.start);
    if (c > bestCount || (c === bestCount && tieWins)) {
      best = n;
      bestCount = c;
    }
  }
  return best;
}

/**
 * The sentence before the one holding token `at`, over the quote's own earlier sentences in its paragraph ("“Any
 * final agreement … team. We have no further comment,” they said"): its index, null for the first sentence.
 */
function sentenceBefore(tok: TokenizedArticle, at: number, quoted: (offset: number) => boolean): number | null {
  const { tokens, sentenceTokens } = tok;
  const here = tokens[at];
  if (!here || here.sentence <= 0) return null;
  let si = here.sentence - 1;
  while (si > 0 && si > here.sentence - 5 && quoted(tokens[sentenceTokens[si][0]].start) && tokens[sentenceTokens[si][0]].block === here.block) si--;
  return si;
}

/**
 * The person a singular "they" (token `at`) takes up: a full name (not a possessive, not one of a pair) opening the
 * sentence before, in the same paragraph (over the quote's own earlier sentences), whose gender neither the first
 * name nor the text's pronouns tell. Null otherwise.
 */
function singularTheySubject(subjects: ReadonlySet<NameMention>, tok: TokenizedArticle, at: number, genders: ReadonlyMap<string, 'm' | 'f'>, quoted: (offset: number) => boolean): NameMention | null {
  const { tokens, sentenceTokens } = tok;
  const si = sentenceBefore(tok, at, quoted);
  if (si === null) return null;
  const [s0, s1] = sentenceTokens[si];
  if (tokens[s0].block !== tokens[at].block) return null;
  for (const n of subjects) {
    if (n.start !== tokens[s0].start || !/\s/.test(n.name)) continue;
    const k = tokenAt(tokens, n.end);
    const next = k < s1 ? tokens[k] : undefined;
    if (next && (/^['’]s?$/.test(next.value) || /^(?:and|&|or)$/i.test(next.value))) return null;
    if (nameGender(n, genders) !== null || outletByName(n.name)) return null;
    if (!isListedFirstName(n.name.split(/\s+/)[0])) return null;
    return n;
  }
  return null;
}

/** Plural verbs that tell a name is a group's (British agreement: "Big Machine have denied"). */
const PLURAL_VERB = /^(?:have|are|were|say|do|deny|insist|claim|argue)$/i;

/**
 * The organisation or outlet that is the subject of the sentence before the one holding token `at` (in the same
 * paragraph or the one before), for a "they"/"it" nothing else resolves: a phrase the classifier calls an
 * organisation or outlet ("The ministry", "Reuters"), or a name followed by a plural verb that holds no first
 * name ("Big Machine have …"). Null otherwise.
 */
function organisationSubjectBefore(tok: TokenizedArticle, at: number, text: string, quoted: (offset: number) => boolean): { kind: 'organization' | 'outlet'; name: string; start: number; end: number } | null {
  const { tokens, sentenceTokens } = tok;
  const si = sentenceBefore(tok, at, quoted);
  if (si === null) return null;
  const [s0, s1] = sentenceTokens[si];
  if (tokens[at].block - tokens[s0].block > 1 || quoted(tokens[s0].start)) return null;
  let v = s0;
  while (v < s1 && tokens[v].pos !== 'VERB' && tokens[v].pos !== 'AUX') v++;
  // the verb of a relative clause inside the subject ("The company that runs the AMAs, Dick Clark Productions,
  // denies …"): the first verb after the clause and its appositive
  let appositive = false;
  if (v < s1 && v > s0 && /^(?:that|who|which)$/i.test(tokens[v - 1].value)) {
    let c = v;
    while (c < s1 && tokens[c].value !== ',') c++;
    c++;
    while (c < s1 && tokens[c].value !== ',' && tokens[c].pos !== 'VERB' && tokens[c].pos !== 'AUX') c++;
    if (c >= s1 || tokens[c].value !== ',') return null;
    v = c + 1;
    while (v < s1 && (tokens[v].pos === 'ADV' || tokens[v].pos === 'AUX')) v++;
    if (v >= s1 || tokens[v].pos !== 'VERB') return null;
    appositive = true;
  }
  if (v >= s1) return null;
  let r = subjectBefore(tokens, v, s0);
  // (the appositive name: "…, Dick Clark Productions," before the verb)
  if (appositive) {
    let e = v - 1;
    while (e > s0 && tokens[e].value === ',') e--;
    let b = e;
    while (b > s0 && tokens[b - 1].value !== ',') b--;
    r = b > s0 && e >= b ? [b, e + 1] : null;
  } else if (!r || r[0] !== s0) return null;
  if (!r) return null;
  const phrase = tokens.slice(r[0], r[1]);
  const info = classifyPhrase(phrase, text);
  const start = phrase[0].start;
  const end = phrase[phrase.length - 1].end;
  if (info.kind === 'outlet' && info.name) return { kind: 'outlet', name: info.name, start, end };
  if (info.kind === 'organization') {
    const name = (info.name ?? info.description ?? '').replace(/^the\s+/i, '');
    return /\p{Lu}/u.test(name) ? { kind: 'organization', name, start, end } : null;
  }
  if (info.kind === 'person' && info.name && !info.description && PLURAL_VERB.test(tokens[v].value) && !phrase.some((t) => /^and$/i.test(t.value)) && !isFirstName(info.name.split(/\s+/)[0])) {
    return { kind: 'organization', name: info.name, start, end };
  }
  return null;
}

/** Role nouns that tell a gender, as a description of someone unnamed ("one mother", "a young man"). */
const GENDERED = { f: 'mother|woman|wife|daughter|girl|sister|grandmother|mom|mum|aunt|widow|girlfriend', m: 'father|man|husband|son|boy|brother|grandfather|dad|uncle|widower|boyfriend' };

/** The last "one/a/the [adjective] <gendered role noun>" of `gender` in text[from, to), outside quotes. */
function genderedDescription(text: string, from: number, to: number, gender: 'm' | 'f'): { text: string; head: string; start: number; end: number } | null {
  const re = new RegExp(`\\b(?:one|a|an|the)\\s+(?:[a-z-]+\\s+)?(${GENDERED[gender]})\\b`, 'gi');
  let found: { text: string; head: string; start: number; end: number } | null = null;
  const span = text.slice(from, to);
  for (let m = re.exec(span); m; m = re.exec(span)) found = { text: m[0], head: m[1].toLowerCase(), start: from + m.index, end: from + m.index + m[0].length };
  return found;
}

/**
 * The last "The [modifier] <person noun>" opening a sentence in text[from, to), outside quotes, whose noun is not of
 * the other gender ("The doctor who practiced …" for "he"; not "The single mother …"): as a description.
 */
function roleSubjectBefore(text: string, from: number, to: number, gender: 'm' | 'f', quoted: (offset: number) => boolean): { text: string; head: string; start: number; end: number } | null {
  const re = /(?:^|[.!?]["”’]?\s+|\n\s*)(The\s+(?:[\p{Ll}\d-]+\s+){0,2}?(\p{Ll}+))(?=\s+(?:who|that|of|at|from|in|[\p{Ll}]+ed|[\p{Ll}]+s)\b)/gu;
  const other = new RegExp(`^(?:${GENDERED[gender === 'm' ? 'f' : 'm']}|${gender === 'm' ? 'actress|waitress|nun|queen|princess|duchess|heroine' : 'king|prince|duke|monk|priest|pope'})$`);
  const span = text.slice(from, to);
  let found: { text: string; head: string; start: number; end: number } | null = null;
  for (let m = re.exec(span); m; m = re.exec(span)) {
    const head = m[2].toLowerCase();
    const start = from + m.index + m[0].length - m[1].length;
    if (quoted(start) || other.test(head) || !isPersonHead(head) || (/s$/.test(head) && !/(?:ss|us)$/.test(head))) continue;
    found = { text: m[1], head, start, end: start + m[1].length };
  }
  return found;
}

/** Nouns a story uses for a company it has named ("the company", "the firm", "the label"). */
const COMPANY_HEADS = new Set(['company', 'firm', 'label', 'startup', 'retailer', 'airline', 'automaker', 'carmaker', 'platform', 'studio', 'publisher', 'manufacturer', 'insurer', 'chain', 'brand']);

/**
 * The last company named in tokens [from, to), outside quotes: a one-word company name ("Instagram", "GateHouse") or a
 * capitalised name ending in a company word ("Dick Clark Productions", "Big Machine Records").
 */
function lastCompanyBefore(tokens: TokenizedArticle['tokens'], from: number, to: number, text: string, quoted: (offset: number) => boolean): string | null {
  for (let k = Math.min(to, tokens.length) - 1; k >= Math.max(0, from); k--) {
    const t = tokens[k];
    if (!/^\p{Lu}/u.test(t.value) || quoted(t.start)) continue;
    if (isCompanyWord(t.value) && !(tokens[k + 1] && /^\p{Lu}/u.test(tokens[k + 1].value) && tokens[k + 1].start - t.end <= 1)) return t.value;
    if (COMPANY_SUFFIXES.has(t.value.toLowerCase().replace(/\.$/, ''))) {
      let b = k;
      while (b - 1 >= from && /^\p{Lu}/u.test(tokens[b - 1].value) && tokens[b].start - tokens[b - 1].end <= 1 && tokens[b - 1].pos === 'PROPN') b--;
      if (b < k) return text.slice(tokens[b].start, t.end);
    }
  }
  return null;
}

/** A sentence opening with a document as its subject ("The report was released …"). */
const DOCUMENT_SUBJECT = new RegExp(`(?:^|[.!?]\\s+|\\n)(?:The|This|That|A|An|Its|Their)\\s+(?:[\\w-]+\\s+)?(?:${[...DOCUMENT_HEADS].join('|')})\\b`);

/**
 * Titles written before a name and the role nouns a later description uses for that person ("the Catholic
 * priest"), beyond the abbreviations of TITLE_HEAD.
 */
const TITLE_ROLES: Record<string, string[]> = {
  Father: ['priest', 'cleric'], Fr: ['priest', 'cleric'], 'Fr.': ['priest', 'cleric'], Rev: ['pastor', 'minister', 'cleric', 'reverend'], 'Rev.': ['pastor', 'minister', 'cleric', 'reverend'],
  Reverend: ['pastor', 'minister', 'cleric'], Pastor: ['pastor', 'cleric'], Imam: ['imam', 'cleric'], Rabbi: ['rabbi', 'cleric'], Bishop: ['bishop', 'cleric'], Archbishop: ['archbishop', 'cleric'],
  Rep: ['congressman', 'congresswoman'], 'Rep.': ['congressman', 'congresswoman'],
};

/** Title abbreviations as the head nouns a later description uses ("Sen." → "senator"). */
const TITLE_HEAD: Record<string, string> = { 'sen.': 'senator', sen: 'senator', 'gov.': 'governor', gov: 'governor', 'rep.': 'representative', rep: 'representative', 'gen.': 'general', 'dr.': 'doctor', dr: 'doctor', 'amb.': 'ambassador', 'sec.': 'secretary' };

/**
 * The person a definite description refers back to by a title written right before a name ("the Florida
 * senator" → "Florida Sen. Marco Rubio"): the last one named before `before` (outside quotes) whose title
 * holds the description's head and every other word of it; a bare "the senator" only when one person so
 * titled was named. Null when none.
 */
function lastTitledBefore(names: NameMention[], text: string, before: number, info: PhraseInfo, quoted: (offset: number) => boolean): NameMention | null {
  const words = (info.description ?? '').toLowerCase().split(/[\s,]+/).filter((w) => w && !/^(?:the|this|that)$/.test(w));
  if (!info.head || !words.includes(info.head)) return null;
  let best: NameMention | null = null;
  const people = new Set<string>();
  for (const n of names) {
    if (n.start >= before) break;
    if (!n.description) continue;
    if (!/\s/.test(n.name)) continue;
    // the title, with the capitalised words right before the name ("Florida" in "Florida Sen. Marco Rubio")
    const lead = /((?:\p{Lu}[\p{L}.'’-]*[ \t]+)+)$/u.exec(text.slice(Math.max(0, n.start - 60), n.start))?.[1] ?? '';
    const title = new Set([...n.description.split(/\s+/), ...lead.split(/\s+/)].filter(Boolean).map((w) => w.toLowerCase()).map((w) => TITLE_HEAD[w] ?? w));
    const own = new Set(n.description.split(/\s+/).map((w) => w.toLowerCase()).map((w) => TITLE_HEAD[w] ?? w));
    if (!own.has(info.head) || !words.every((w) => title.has(w))) continue;
    if (quoted(n.start)) continue;
    if (clash(nameGender(n), info.gender)) continue;
    best = n;
    people.add(n.name);
  }
  return words.length === 1 && people.size > 1 ? null : best;
}

/** Entities mentioned before `start`, at most the 64 most recently created (bounded work per quote). */
function recent(entities: Entity[], start: number): Entity[] {
  const out: Entity[] = [];
  for (let i = entities.length - 1; i >= 0 && out.length < 64; i--) if (entities[i].last <= start) out.push(entities[i]);
  return out.reverse();
}

/** The 256 most recently created entities (name lookups stay bounded on adversarial input). */
function latest(entities: Entity[]): Entity[] {
  return entities.length <= 256 ? entities : entities.slice(entities.length - 256);
}

/**
 * The entity a definite description ("the Ukrainian president", "the spokesman")
 * refers to: same head noun and number; most shared modifiers wins, then the most recent.
 */
function bestDescribed(candidates: Entity[], info: PhraseInfo): Entity | null {
  const mods = (info.description ?? '').toLowerCase().split(/[\s,]+/).filter((w) => w && !/^(?:the|this|that|these|those|a|an)$/.test(w) && w !== info.head);
  let best: Entity | null = null;
  let bestScore = -1;
  for (const e of candidates) {
    if (!info.head || !e.heads.has(info.head) || e.plural !== info.plural) continue;
    const words = new Set(e.speaker.descriptions.join(' ').toLowerCase().split(/[\s,]+/));
    const score = mods.filter((m) => words.has(m)).length;
    if (score > bestScore || (score === bestScore && best && e.last >= best.last)) {
      best = e;
      bestScore = score;
    }
  }
  // "the US president" must not land on the Ukrainian president: a proper modifier has to match
  const properMods = (info.description ?? '').split(/[\s,]+/).filter((w) => /^\p{Lu}/u.test(w) && !/^(?:The|This|That|A|An)$/.test(w));
  if (best && bestScore === 0 && properMods.length) return null;
  return best;
}

/**
 * The person last named in text[from, to) outside quotes — a full name, a surname as a subject, or a named speaker
 * found there — that can be a person described by `info` (no gender clash). Null when none.
 */
function lastPersonIn(named: NameMention[], subjects: ReadonlySet<NameMention>, entities: Entity[], article: Article, to: number, info: PhraseInfo, quoted: (offset: number) => boolean, genders: ReadonlyMap<string, 'm' | 'f'>, genderOf: (e: Entity) => 'm' | 'f' | null): { name: string; start: number; end: number } | null {
  const from = blockStart(article, to, 1);
  // (not a name in the title, a subheading or a caption)
  const inBody = (at: number): boolean => {
    const b = article.blocks.find((x) => x.start <= at && at < x.end);
    return !b || (b.kind !== 'title' && b.kind !== 'heading' && b.kind !== 'caption');
  };
  const isPerson = (n: NameMention): boolean => personLike(n, genders);
  // (a sentence's subject, or a full name opening its paragraph: "Harry M. Reid (D-Nev.) blasted …")
  const subjectLike = (n: NameMention): boolean => subjects.has(n) || article.blocks.some((b) => b.start === n.start);
  const found: Array<{ name: string; start: number; end: number }> = [];
  for (const n of named) {
    if (n.start < from || quoted(n.start) || !inBody(n.start)) continue;
    if (!subjectLike(n)) continue;
    if (n.start >= to) break;
    if (isPerson(n) && !clash(nameGender(n, genders), info.gender)) found.push(n);
  }
  for (const e of entities) {
    if (e.speaker.kind !== 'person' || !e.named || clash(genderOf(e), info.gender)) continue;
    if (!isPerson({ name: e.speaker.names[0], start: 0, end: 0, description: e.speaker.descriptions[0] ?? null })) continue;
    for (const m of e.speaker.mentions) {
      if (m.start >= from && m.start < to && !quoted(m.start) && inBody(m.start)) found.push({ name: e.speaker.names[0], start: m.start, end: m.end });
    }
  }
  if (!found.length) return null;
  found.sort((x, y) => x.start - y.start);
  // someone named in this paragraph: the last; else, of the paragraph before, the person the article names most so far
  // ("Trump called upon Mayor Bill de Blasio … De Blasio disbanded the unit …\n\n“…,” the Republican presidential
  // candidate said": Trump)
  const here = blockStart(article, to);
  const last = found[found.length - 1];
  if (last.start >= here) return last;
  const text = article.text.slice(0, to);
  const times = (name: string): number => {
    const surname = surnameOf(name).replace(/[.*+?^${}()|[\]\\]/g, (c) => "\\" + c);
    return (text.match(new RegExp(`(?<![\\p{L}])${surname}(?![\\p{L}])`, 'gu')) ?? []).length;
  };
  let best = last;
  for (const c of found) if (times(c.name) > times(best.name)) best = c;
  return best;
}

/** A name that can be a person's: not an outlet's; a listed first name, a title or a gender. */
function personLike(n: NameMention, genders: ReadonlyMap<string, 'm' | 'f'>): boolean {
  if (outletByName(n.name)) return false;
  return isListedFirstName(n.name.split(/\s+/)[0]) || described(n) || nameGender(n, genders) !== null;
}

/** A description before the name, "Sen." or "White House spokesman", not the words before an organisation's name ("Supporters of the"). */
function described(n: NameMention): boolean {
  return n.description !== null && !/(?:^|\s)(?:the|a|an|of|for|to|in|at|by|from|with|and)$/i.test(n.description);
}

/** The first person named as a subject in text[from, to) (no gender clash). */
function firstPersonAfter(named: NameMention[], from: number, to: number, info: PhraseInfo, quoted: (offset: number) => boolean, genders: ReadonlyMap<string, 'm' | 'f'>): NameMention | null {
  for (const n of named) {
    if (n.start < from || quoted(n.start)) continue;
    if (n.start >= to) break;
    if (personLike(n, genders) && !clash(nameGender(n, genders), info.gender)) return n;
  }
  return null;
}

/**
 * Whether an entity described by the head of \`info\` is described so with a proper modifier \`info\` lacks ("Ukrainian
 * President" for "the US president"); titles ("Father", "Sen.") are no such modifiers.
 */
function otherwiseDescribed(e: Entity, info: PhraseInfo): boolean {
  if (!info.head || !e.heads.has(info.head)) return false;
  const own = new Set((info.description ?? '').toLowerCase().split(/[\s,]+/));
  return e.speaker.descriptions.some((d) => {
    const words = d.split(/[\s,]+/);
    if (!words.some((w) => (TITLE_HEAD[w.toLowerCase()] ?? w.toLowerCase()) === info.head)) return false;
    return words.some((w, i) => i > 0 && /^\p{Lu}\p{Ll}/u.test(w) && !ROLE_NOUNS.has(w.toLowerCase()) && !TITLE_ROLES[w] && !TITLE_HEAD[w.toLowerCase()] && !TITLE_WORDS.has(w.toLowerCase()) && !own.has(w.toLowerCase()));
  });
}

/** Heads of titles written before names ("President Obama", "Judge Curiel", "Sen. Cruz" → senator). */
const TITLE_WORDS = new Set(['president', 'governor', 'senator', 'judge', 'mayor', 'justice', 'representative', 'congressman', 'congresswoman', 'chancellor', 'pope', 'king', 'queen', 'prince', 'princess', 'general', 'admiral', 'ambassador', 'secretary', 'minister', 'sheriff', 'coach', 'bishop', 'cardinal', 'chairman', 'chairwoman', 'director', 'commissioner', 'superintendent', 'detective', 'inspector', 'professor', 'doctor']);

/** Start of the block (paragraph) holding offset `at`, or of the one `back` blocks before it. */
export function blockStart(article: Article, at: number, back = 0): number {
  const bs = article.blocks;
  let lo = 0;
  let hi = bs.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (bs[mid].start <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return bs.length ? bs[Math.max(0, found - back)].start : 0;
}
