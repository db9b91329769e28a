import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArticle } from '../../src/analyze/index.js';
import { articleFromText } from './article-fixture.js';

test('indirect and according-to attributions outside quote marks', () => {
  const article = articleFromText(
    'The signals were sent to senior U.S. officials last month, two sources close to the Kremlin told Bloomberg.\n\n' +
      'According to two people close to the Kremlin, Putin is open to discussions.\n\n' +
      'The people close to the Kremlin, who asked not to be identified, said the signals were relayed through an intermediary.\n\n' +
      'Putin, they said, may be willing to drop his demands.\n\n' +
      'Prices rose sharply last year, according to the central bank.\n\n' +
      '“We will see,” the minister said.',
  );
  const ann = analyzeArticle(article);
  const ind = ann.attributions.filter((r) => r.form !== 'direct' && r.form !== 'mixed');
  const find = (cue: string, src: string) => {
    const r = ind.find((x) => x.cue.text.toLowerCase() === cue && x.source?.text.startsWith(src));
    assert.ok(r, `no ${cue} attribution from ${src}: ${JSON.stringify(ind.map((x) => [x.source?.text, x.cue.text, x.content.text]))}`);
    assert.equal(r.content.text, article.text.slice(r.content.start, r.content.end));
    return r;
  };
  assert.equal(find('told', 'two sources close to the Kremlin').content.text, 'The signals were sent to senior U.S. officials last month');
  const acc = find('according to', 'two people close to the Kremlin');
  assert.equal(acc.form, 'according-to');
  assert.equal(acc.content.text, 'Putin is open to discussions');
  assert.equal(find('said', 'The people close to the Kremlin').content.text, 'the signals were relayed through an intermediary');
  assert.ok(find('said', 'they').content.text.includes('may be willing to drop his demands'));
  assert.equal(find('according to', 'the central bank').content.text, 'Prices rose sharply last year');
  // the quoted sentence gets one direct attribution, not an indirect one as well
  assert.equal(ann.attributions.filter((r) => r.content.text.includes('We will see')).length, 1);
  ann.attributions.forEach((r, i) => assert.equal(r.id, `${article.id}:r${i + 1}`));
});

test('indirect attributions carry the resolved speaker where it is known, never a wrong one', () => {
  const article = articleFromText(
    '"We will win," said Dmitry Peskov.\n\nPeskov said the talks would continue. He added that nothing was agreed.\n\n' +
      'U.S. officials say they "see no progress".\n\nThe people close to the Kremlin, who asked not to be identified, said the talks stalled. Putin, they said, may wait.',
  );
  const ann = analyzeArticle(article);
  const peskov = ann.quotes[0].speakerId;
  assert.ok(peskov);
  const by = (src: string) => ann.attributions.find((r) => r.form === 'indirect' && r.source?.text === src);
  assert.equal(by('Peskov')?.speakerId, peskov);
  assert.equal(by('He')?.speakerId, peskov);
  const officials = ann.quotes.find((q) => q.text.startsWith('see no progress'))?.speakerId;
  assert.ok(officials);
  assert.notEqual(by('they')?.speakerId, officials, '"they" refers to the people close to the Kremlin, not the U.S. officials');
});

test('a relayed report names both outlets: "…, UNN reports citing Bloomberg." and "…, Reuters reported, quoting two officials."', () => {
  const article = articleFromText(
    "Russian dictator Vladimir Putin is testing whether the United States is ready for talks to end Russia's war in Ukraine, UNN reports citing Bloomberg.\n\n" +
      'The army will withdraw from the border by Friday, Reuters reported, quoting two officials.\n\n' +
      "The publication notes that hints of Russia's openness to talks could sow division.\n\n" +
      'The notes that were found in the car were burned.',
  );
  const rules = analyzeArticle(article, { attributions: 'rules' }).attributions;
  const got = rules.map((r) => [r.source?.text, r.cue.text, r.content.text]);
  const putin = "Russian dictator Vladimir Putin is testing whether the United States is ready for talks to end Russia's war in Ukraine";
  assert.deepEqual(got, [
    ['UNN', 'reports', putin],
    ['Bloomberg', 'citing', putin],
    ['Reuters', 'reported', 'The army will withdraw from the border by Friday'],
    ['two officials', 'quoting', 'The army will withdraw from the border by Friday'],
    ['The publication', 'notes', "that hints of Russia's openness to talks could sow division"],
  ]);
  // the default (merged) output keeps the cited outlet as a source, never as what was attributed
  const merged = analyzeArticle(article).attributions;
  assert.ok(merged.some((r) => r.source?.text === 'Bloomberg' && r.cue.text === 'citing'));
  assert.ok(!merged.some((r) => r.content.text === 'Bloomberg'));
});

test("'according to' takes a lone noun wink reads as a verb ('According to reports,')", () => {
  const article = articleFromText('According to reports, Vladimir Putin may be willing to admit Ukraine into NATO.\n\nPrices rose, according to officials.');
  const rules = analyzeArticle(article, { attributions: 'rules' }).attributions.filter((r) => r.form === 'according-to');
  assert.deepEqual(
    rules.map((r) => [r.source?.text, r.content.text]),
    [
      ['reports', 'Vladimir Putin may be willing to admit Ukraine into NATO'],
      ['officials', 'Prices rose'],
    ],
  );
  // not a phrase that goes on: "according to plans drawn up …" is no one-word source
  const longer = articleFromText('According to plans drawn up last year, the bridge opens in May.');
  assert.equal(analyzeArticle(longer, { attributions: 'rules' }).attributions.filter((r) => r.source?.text === 'plans').length, 0);
});

test('inverted attributions: "…, said Brian Baker, a longtime adviser …" takes the source after the verb', async () => {
  const { ruleRelations } = await import('../../src/analyze/index.js');
  const article = articleFromText(
    'Its first national television ad could start this week, said Brian Baker, a longtime political adviser to the Ricketts family.\n\n' +
      'West Virginia officials felt comfortable with this arrangement, said Mr. Barrett on Monday.\n\n' +
      'The plan, said the minister, was never agreed.\n\n' +
      'Nobody expected the storm, said it.',
  );
  const rels = ruleRelations(article).filter((r) => r.form === 'indirect');
  const of = (cueAt: string) => rels.find((r) => r.cue.start === article.text.indexOf(cueAt) + cueAt.indexOf('said'));
  const baker = of('said Brian');
  assert.ok(baker, JSON.stringify(rels.map((r) => [r.source?.text, r.cue.text, r.content.text])));
  assert.equal(baker.source!.text, 'Brian Baker, a longtime political adviser to the Ricketts family');
  assert.equal(baker.content.text, 'Its first national television ad could start this week');
  const barrett = of('said Mr. Barrett');
  assert.equal(barrett?.source!.text, 'Mr. Barrett');
  assert.equal(barrett?.content.text, 'West Virginia officials felt comfortable with this arrangement');
  // a parenthetical ("The plan, said the minister, was …") is not an inversion at the clause's end; a pronoun is no source
  assert.ok(!rels.some((r) => r.source?.text === 'it'));
  for (const r of rels) assert.equal(r.content.text, article.text.slice(r.content.start, r.content.end));
});

test('"…, experts say." and an opening phrase before the subject ("Amid …, Pat Caddell told Alex Marlow on Thursday how …")', async () => {
  const { ruleRelations } = await import('../../src/analyze/index.js');
  const article = articleFromText(
    'Language unclear on whether single mothers are covered, experts say.\n\n' +
      'Amid all the twists of the election, longtime pollster Pat Caddell told radio host Alex Marlow on Thursday how surprised he is that health matters.\n\n' +
      'In a speech on Friday, the senator said that the bill would pass.',
  );
  const rels = ruleRelations(article).filter((r) => r.form === 'indirect');
  const get = (cue: string) => rels.find((r) => r.cue.text === cue);
  assert.deepEqual([get('say')?.source?.text, get('say')?.content.text], ['experts', 'Language unclear on whether single mothers are covered']);
  assert.deepEqual([get('told')?.source?.text, get('told')?.content.text], ['longtime pollster Pat Caddell', 'how surprised he is that health matters']);
  assert.deepEqual([get('said')?.source?.text, get('said')?.content.text], ['the senator', 'that the bill would pass']);
});

test('a sentence that closes on its own attribution ("…, the source added.") gives it, with the first speech verb nested in its content', async () => {
  const { ruleRelations } = await import('../../src/analyze/index.js');
  const article = articleFromText('Clinton had told police officials that she did not want the escort at all, but the NYPD overruled that request, the source added.');
  const rels = ruleRelations(article).filter((r) => r.form === 'indirect');
  assert.deepEqual(
    rels.map((r) => [r.source?.text, r.cue.text, r.content.text]),
    [
      ['the source', 'added', 'Clinton had told police officials that she did not want the escort at all, but the NYPD overruled that request'],
      ['Clinton', 'told', 'that she did not want the escort at all, but the NYPD overruled that request'],
    ],
  );
});

test('"Peskov, who said …": the relative pronoun is the source (PolNeAR), the antecedent the speaker', async () => {
  const { ruleRelations } = await import('../../src/analyze/index.js');
  const article = articleFromText('"We will win," said Dmitry Peskov.\n\nThe talks were led by Peskov, who said the sides would meet again in March.');
  const r = ruleRelations(article).find((x) => x.cue.text === 'said' && x.form === 'indirect');
  assert.ok(r);
  assert.equal(r.source?.text, 'who');
  const q = ruleRelations(article).find((x) => x.form === 'direct');
  assert.ok(r.speakerId && r.speakerId === q?.speakerId, `${r.speakerId} vs ${q?.speakerId}`);
});

test('beliefs and findings with a clause of their own are attributed ("The IMF expects that …", "they think it should …"), not with a plain object', async () => {
  const { ruleRelations } = await import('../../src/analyze/index.js');
  const article = articleFromText(
    'The IMF expects that U.S. output will expand by a tepid 1.6 percent.\n\nSeveral senators now think it should be changed before the vote.\n\nShe thinks highly of the plan.',
  );
  const rels = ruleRelations(article).filter((r) => r.form === 'indirect');
  assert.deepEqual(
    rels.map((r) => [r.source?.text, r.cue.text, r.content.text]),
    [
      ['The IMF', 'expects', 'that U.S. output will expand by a tepid 1.6 percent'],
      ['Several senators', 'think', 'it should be changed before the vote'],
    ],
  );
});
