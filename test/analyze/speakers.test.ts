import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArticle } from '../../src/analyze/index.js';
import { articleFromText } from './article-fixture.js';
import type { ArticleAnnotations } from '../../src/model.js';

/** The quote starting with `start` and its resolved speaker. */
function quoteAndSpeaker(ann: ArticleAnnotations, start: string) {
  const quote = ann.quotes.find((q) => q.text.startsWith(start))!;
  return { quote, speaker: ann.speakers.find((s) => s.id === quote.speakerId) };
}

test('speaker mentions: full name and surname, but not a surname inside another name', () => {
  const article = articleFromText('“It is a game,” said Fiona Hill.\n\nOn Capitol Hill, Hill Street residents met. Hill later added nothing. Ms. Hill left.');
  const ann = analyzeArticle(article);
  assert.equal(ann.speakers.length, 1);
  const mentions = ann.speakers[0].mentions.map((m) => article.text.slice(m.start - 4, m.end));
  assert.deepEqual(mentions, ['aid Fiona Hill', 'et. Hill', 'Ms. Hill']);
  for (const m of ann.speakers[0].mentions) assert.equal(m.text, article.text.slice(m.start, m.end));
});

test('speaker ids follow the order of first mention and are deterministic', () => {
  const text = '“A,” said Anna Kovalenko.\n\n“B,” said Petro Marchenko.\n\n“C,” Kovalenko added.';
  const a1 = analyzeArticle(articleFromText(text));
  const a2 = analyzeArticle(articleFromText(text));
  assert.deepEqual(a1, a2);
  assert.deepEqual(a1.speakers.map((s) => s.names[0]), ['Anna Kovalenko', 'Petro Marchenko']);
  assert.equal(a1.quotes[2].speakerId, a1.speakers[0].id);
});

test('"she said" goes to the person named earlier in the same paragraph, not to the last speaker', () => {
  const text =
    '“Oz is a quack,” said David Gorski, a surgeon.\n\n' +
    'Democratic Sen. Claire McCaskill (D-Mo.) scolded him: “The scientific community is against you,” she said.';
  const article = articleFromText(text);
  const ann = analyzeArticle(article);
  const q = ann.quotes.find((x) => x.text.includes('scientific'))!;
  const sp = ann.speakers.find((s) => s.id === q.speakerId);
  assert.ok(sp, 'the quote has a speaker');
  assert.equal(sp.names[0], 'Claire McCaskill');
  // the first quote keeps its own speaker
  assert.equal(ann.speakers.find((s) => s.id === ann.quotes[0].speakerId)?.names[0], 'David Gorski');
});

test('a firm name ("Moore & Van Allen") and a name inside a quote are not the antecedent of "she"', () => {
  const text =
    'Maria Lopez spoke on Friday. “It was hard,” she said.\n\n' +
    'In the 1980s, Lopez worked at a law firm, Moore & Van Allen, where clients ignored her. Her motto was “Ask Peter Brown.” ' +
    '“You know, they never saw me,” she said.';
  const ann = analyzeArticle(articleFromText(text));
  const last = ann.quotes.find((x) => x.text.startsWith('You know'))!;
  assert.equal(ann.speakers.find((s) => s.id === last.speakerId)?.names[0], 'Maria Lopez');
});

test('a surname wink tags as a verb still completes a name ("Loretta Lynch")', () => {
  const ann = analyzeArticle(articleFromText('Attorney General Loretta Lynch spoke on Friday. “It was hard,” she said.'));
  const sp = ann.speakers.find((s) => s.id === ann.quotes[0].speakerId);
  assert.equal(sp?.names[0], 'Loretta Lynch');
  assert.ok(sp?.descriptions.includes('Attorney General'));
});

test('a party/state tag after the name is not part of it ("Rep. Jason Chaffetz (R-Utah) said")', () => {
  const ann = analyzeArticle(articleFromText('"Subpoenas are not optional," panel Chairman Rep. Jason Chaffetz (R-Utah) said on Tuesday.'));
  const sp = ann.speakers.find((s) => s.id === ann.quotes[0].speakerId);
  assert.deepEqual(sp?.names, ['Jason Chaffetz']);
  assert.ok(sp?.descriptions.every((d) => !/[()]/.test(d)), JSON.stringify(sp?.descriptions));
});

test('where something was said is not the speaker ("In a Bloomberg interview Trump declared")', () => {
  const ann = analyzeArticle(articleFromText('Donald Trump spoke in Ohio. In a Bloomberg interview Trump declared “I think NATO may be obsolete.”'));
  assert.equal(ann.quotes[0].speaker, 'Trump');
  const sp = ann.speakers.find((s) => s.id === ann.quotes[0].speakerId);
  assert.deepEqual(sp?.names, ['Donald Trump']);
  assert.deepEqual(sp?.descriptions, []);
});

test('names with particles ("Ali al-Badri", "Ursula von der Leyen") and their surnames', () => {
  const text = 'MP Ali al-Badri said, at a press conference, that “the attack was planned.”\n\n“We hold them responsible,” Badri said.';
  const ann = analyzeArticle(articleFromText(text));
  const people = ann.speakers.filter((s) => s.kind === 'person');
  assert.equal(people.length, 1, JSON.stringify(people.map((p) => p.names)));
  assert.deepEqual(people[0].names, ['Ali al-Badri']);
  assert.ok(ann.quotes.every((q) => q.speakerId === people[0].id));
});

test('an institution named after a person is not the antecedent of "he" ("of the Astronomy Center")', () => {
  const text = 'Humberto Garcia, of the Astronomy Center at the National Autonomous University of Nicaragua, said the crater was small. “It is rare,” he said.';
  const ann = analyzeArticle(articleFromText(text));
  const sp = ann.speakers.find((s) => s.id === ann.quotes[0].speakerId);
  assert.deepEqual(sp?.names, ['Humberto Garcia']);
});

test('outlets named only as sources become outlet speakers, one per outlet, numbered after the others', () => {
  const article = articleFromText(
    '“We will see,” said Dmitry Peskov.\n\n' +
      'Putin is testing the United States, UNN reports citing Bloomberg.\n\n' +
      'Bloomberg reported that talks had stalled.\n\n' +
      'Two sources told CNN that the signals were sent.',
  );
  const ann = analyzeArticle(article);
  const outlets = ann.speakers.filter((s) => s.kind === 'outlet');
  assert.deepEqual(outlets.map((s) => s.names).sort(), [['Bloomberg'], ['UNN']]);
  const n = ann.speakers.length;
  assert.deepEqual(ann.speakers.map((s) => s.id), Array.from({ length: n }, (_, i) => `${article.id}:s${i + 1}`));
  const bloomberg = outlets.find((s) => s.names[0] === 'Bloomberg')!;
  // both relations name the same outlet; each source is one of its mentions
  const rels = ann.attributions.filter((r) => r.speakerId === bloomberg.id);
  assert.deepEqual(rels.map((r) => r.cue.text), ['citing', 'reported']);
  assert.deepEqual(bloomberg.mentions.map((m) => m.text), ['Bloomberg', 'Bloomberg']);
  assert.ok(!ann.speakers.some((s) => s.names.includes('CNN')), 'CNN was told, it said nothing');
  assert.equal(ann.quotes[0].speakerId, ann.speakers.find((s) => s.names.includes('Dmitry Peskov'))?.id);
});

test('a government agency is no outlet, a news agency is ("The European Space Agency says" / "Yonhap News Agency reported")', () => {
  const article = articleFromText(
    'The European Space Agency says that astronauts could hibernate on long flights.\n\n' +
      'North Korea fired two missiles on Sunday, Yonhap News Agency reported.',
  );
  const ann = analyzeArticle(article, { attributions: 'rules' });
  const outlets = ann.speakers.filter((s) => s.kind === 'outlet').map((s) => s.names[0]);
  assert.ok(!outlets.some((n) => /Space Agency/.test(n)), `outlets: ${outlets.join(', ')}`);
  assert.ok(outlets.some((n) => /Yonhap/.test(n)), `outlets: ${outlets.join(', ')}`);
});

test('speaker phrases from real pages: appositives, a title after a place, party tags, shares of people', () => {
  const article = articleFromText(
    'Kevin Mayer runs the streaming unit.\n\n' +
      '“We had some issues,” said Mayer, Disney’s chairman of direct-to-consumer and international.\n\n' +
      '“Meth, we’re on it,” said South Dakota Gov. Kristi Noem.\n\n' +
      '“It was wrong,” said Sen. Ben Sasse, R-Neb.\n\n' +
      '“He should be removed,” said Fifty-one percent of respondents.',
  );
  const ann = analyzeArticle(article, { attributions: 'rules' });
  const who = (start: string) => {
    const s = quoteAndSpeaker(ann, start).speaker;
    return s ? `${s.names[0] ?? s.descriptions[0]} (${s.kind})` : null;
  };
  assert.equal(who('We had some issues'), 'Kevin Mayer (person)');
  assert.equal(who('Meth'), 'Kristi Noem (person)');
  assert.equal(who('It was wrong'), 'Ben Sasse (person)');
  assert.match(who('He should be removed') ?? '', /collective/);
});

test('an affiliation after the name and a possessor before an organisation are not the speaker', () => {
  const article = articleFromText(
    '“Organics are very important,” said planetary geologist Rosaly Lopes of NASA’s Jet Propulsion Laboratory.\n\n' +
      '“It was a mistake,” said Britain’s Conservative Party.\n\n' +
      '“It was late,” said the report and Monday’s statement.',
  );
  const ann = analyzeArticle(article, { attributions: 'rules' });
  const who = (start: string) => quoteAndSpeaker(ann, start).speaker;
  assert.deepEqual(who('Organics')?.names, ['Rosaly Lopes']);
  assert.equal(who('It was a mistake')?.kind, 'organization');
  assert.ok(!who('It was late')?.names.includes('Monday'));
});

test('an acronym alone is an organisation, a transcript label in capitals a person', () => {
  const article = articleFromText('“The claim is false,” DHS said.\n\n"WALLACE: Why?\n\n"PENCE: Because.\n\n"WALLACE: Really?');
  const ann = analyzeArticle(article, { attributions: 'rules' });
  const kindOf = (start: string) => quoteAndSpeaker(ann, start).speaker?.kind;
  assert.equal(kindOf('The claim is false'), 'organization');
  assert.equal(kindOf('Because'), 'person');
});

test('title abbreviations inside a speaker phrase, and "said one" / "one of the fans" as unnamed speakers', () => {
  const article = articleFromText(
    '“We have confirmed it,” the Pentagon press secretary, Rear Adm. John Kirby, said in a statement.\n\n' +
      '“Look at minute 2:16!” said one.\n\n' +
      '“We won,” said one of the fans.',
  );
  const ann = analyzeArticle(article, { attributions: 'rules' });
  const sp = (start: string) => {
    const { quote, speaker } = quoteAndSpeaker(ann, start);
    return { phrase: quote.speaker, speaker };
  };
  assert.deepEqual(sp('We have confirmed').speaker?.names, ['John Kirby']);
  assert.equal(sp('Look at minute').phrase, 'one');
  assert.equal(sp('Look at minute').speaker?.kind, 'anonymous');
  assert.equal(sp('We won').speaker?.kind, 'anonymous');
});

test('"…,” it said.": the organisation named as a source just before, not one further back', () => {
  const article = articleFromText(
    'The Syrian Observatory for Human Rights has cited witnesses who saw the jets.\n\n' +
      '"They have trainers," it said. "People saw the flights."\n\n' +
      'The publication notes that the jets were old.\n\n' +
      'The report was released on Monday.\n\n"Prices rose," it said.',
  );
  const ann = analyzeArticle(article);
  const observatory = ann.speakers.find((s) => s.kind === 'organization' && s.names[0] === 'Syrian Observatory for Human Rights');
  assert.ok(observatory, ann.speakers.map((s) => `${s.kind}:${s.names[0]}`).join(', '));
  const q = (start: string) => ann.quotes.find((x) => x.text.startsWith(start))!;
  assert.equal(q('They have trainers').speakerId, observatory.id);
  assert.equal(q('People saw').speakerId, observatory.id, 'the quote carried over follows');
  assert.equal(q('Prices rose').speakerId, null, '"it" is the report two paragraphs on, not the observatory');
  assert.ok(!ann.speakers.some((s) => s.names.includes('publication')), '"the publication" points back, it names no organisation');
});

test('a title in the name tells the gender ("Queen Elizabeth" is not "he"); "the DEA" is an organisation', () => {
  const article = articleFromText(
    '“Going to Pizza Express is unusual,” said Prince Andrew. “It was a Saturday,” said Queen Elizabeth, smiling. “I didn’t sweat,” he said.\n\n' +
      '“Mexico remains the main source,” the DEA says.',
  );
  const ann = analyzeArticle(article, { attributions: 'rules' });
  const who = (start: string) => quoteAndSpeaker(ann, start).speaker;
  assert.deepEqual(who('I didn’t sweat')?.names, ['Prince Andrew']);
  assert.equal(who('Mexico remains')?.kind, 'organization');
});
