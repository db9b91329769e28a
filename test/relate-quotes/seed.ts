import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Quote, Sentence, Speaker } from '../../src/model.js';
import { repoRoot } from '../helpers.js';
import { article, quotes, sentencesOf, speaker } from './build.js';

export interface Seed {
  nyp: Article;
  unn: Article;
  articles: Article[];
  quotes: Quote[];
  speakers: Speaker[];
  sentences: Sentence[];
}

function paragraphs(file: string): string[] {
  const text = readFileSync(join(repoRoot(), 'examples', 'seed-story', file), 'utf8');
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

/**
 * The seed story with hand-made quotes and article-level speakers, as the quote analyser
 * should find them (so these tests do not depend on it).
 */
export function seed(): Seed {
  const nyp = article('nypost-putin-backchannel.txt', paragraphs('nypost-putin-backchannel.txt'), {
    outlet: 'New York Post',
    publishedAt: '2024-01-26T00:00:00.000Z',
  });
  const unn = article('unn-putin-signal.txt', paragraphs('unn-putin-signal.txt'), { outlet: 'UNN' });
  const nq = quotes(nyp, [
    { text: 'President Putin has repeatedly stated that Russia has been, is and will continue to be open to negotiations on Ukraine,', speaker: 'a Kremlin spokesman', speakerId: 'n-kremlin', verb: 'told' },
    { text: 'diplomatic means', speaker: 'The spokesman', speakerId: 'n-kremlin', verb: 'added', kind: 'partial' },
    { text: 'We are not aware of the described shifts in Russia’s position,', speaker: 'a National Security Council member', speakerId: 'n-nsc', verb: 'said' },
    { text: 'It will be up to Ukraine to decide whether, when and how to negotiate with Russia.', speakerId: 'n-nsc' },
    { text: 'classic Russian game', speaker: 'Former White House adviser Fiona Hill', speakerId: 'n-hill', verb: 'believes', kind: 'partial' },
    { text: 'so that everyone thinks there\'s a back channel and it\'s so secret that no one can find out because it scares the crap out of Ukrainians,', speaker: 'Hill', speakerId: 'n-hill', verb: 'told' },
    { text: 'The Russians want us to create the idea that the channel is there and that everything depends on the United States, so no one or nothing else plays a role,', speaker: 'she', speakerId: 'n-hill', verb: 'said' },
    { text: 'The ratio is about 10 to 1,', speaker: 'a Ukrainian officer from the 93rd Mechanized Brigade', speakerId: 'n-officer', verb: 'told' },
    { text: 'Russia is a country that produces ammunition and has strategic reserves. Yes, they use old Soviet systems. But Soviet systems can still kill.', speakerId: 'n-officer' },
  ]);
  const uq = quotes(unn, [
    { text: 'see no indication that the Russian president is serious about finding a way to end the fighting, which has reached a deadly stalemate as the war enters its third year.', speaker: 'U.S. officials', speakerId: 'u-officials', verb: 'say', kind: 'unclosed' },
    { text: 'President Putin has repeatedly stated that Russia has been, is and will continue to be open to negotiations on Ukraine,', speaker: 'Kremlin spokesman Dmitry Peskov', speakerId: 'u-peskov', verb: 'said' },
    { text: 'We are determined to achieve our goals. And I would prefer to complete this diplomatically. If not, the military operation will continue until we achieve our goals.', speakerId: 'u-peskov', kind: 'unclosed' },
    { text: 'We are not aware of the described changes in Russia\'s position,', speaker: 'US National Security Council spokeswoman Adrienne Watson', speakerId: 'u-watson', verb: 'said' },
    { text: 'Ukraine will decide if, when, and how to negotiate with Russia.', speakerId: 'u-watson', kind: 'unclosed' },
    { text: 'They want everyone to think that there is a back channel, and it\'s so secret that no one can figure it out, because it scares the hell out of Ukrainians.', speaker: 'former White House official Fiona Hill', speakerId: 'u-hill', kind: 'unclosed' },
    { text: 'The Russians want us to create the perception that there is a channel and that everything depends on the United States, so that no one or nothing else plays a role,', speaker: 'she', speakerId: 'u-hill', verb: 'added' },
    { text: 'It\'s a classic Russian play.', speakerId: 'u-hill', kind: 'unclosed' },
  ]);
  const speakers: Speaker[] = [
    speaker(nyp, { id: 'n-kremlin', descriptions: ['a Kremlin spokesman'], mentions: ['a Kremlin spokesman', 'The spokesman'] }),
    speaker(nyp, { id: 'n-nsc', descriptions: ['a National Security Council member'], mentions: ['a National Security Council member'] }),
    speaker(nyp, { id: 'n-hill', names: ['Fiona Hill'], descriptions: ['Former White House adviser'], mentions: ['Former White House adviser Fiona Hill', 'Hill told'] }),
    speaker(nyp, { id: 'n-officer', descriptions: ['a Ukrainian officer from the 93rd Mechanized Brigade'], mentions: ['a Ukrainian officer from the 93rd Mechanized Brigade'] }),
    speaker(unn, { id: 'u-officials', kind: 'collective', descriptions: ['U.S. officials'], mentions: ['U.S. officials say'] }),
    speaker(unn, { id: 'u-peskov', names: ['Dmitry Peskov'], descriptions: ['Kremlin spokesman'], mentions: ['Kremlin spokesman Dmitry Peskov'] }),
    speaker(unn, { id: 'u-watson', names: ['Adrienne Watson'], descriptions: ['US National Security Council spokeswoman'], mentions: ['US National Security Council spokeswoman Adrienne Watson'] }),
    speaker(unn, { id: 'u-hill', names: ['Fiona Hill'], descriptions: ['former White House official'], mentions: ['former White House official Fiona Hill'] }),
  ];
  return { nyp, unn, articles: [nyp, unn], quotes: [...nq, ...uq], speakers, sentences: sentencesOf(nyp, unn) };
}
