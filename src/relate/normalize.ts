/**
 * Sentence normalisation for cross-article matching: case, quotes and
 * apostrophes, possessives, US/UK spelling, transliteration variants, number
 * words and percent forms, light stemming, stopwords.
 */

const STOPWORDS = new Set(`a an the and or but nor so yet of in on at to for from by with without about into onto over under
after before during since until than then as is are was were be been being am do does did done doing have has had having
it its it's this that these those there here which who whom whose what when where why how i me my we us our you your he him
his she her they them their theirs itself himself herself themselves also just very too not no only even still such
some any all both each few more most other own same can will would shall should could may might must also up down out off
again further once s t said says say saying told tells according per via one's mr mrs ms dr`.split(/\s+/));

/** British → American spellings and transliteration variants common in news. */
const SPELLING: Record<string, string> = {
  kiev: 'kyiv', zelenskyy: 'zelensky', zelenskiy: 'zelensky', zelenskii: 'zelensky', rumour: 'rumor',
  rumours: 'rumors', rumoured: 'rumored', defence: 'defense', offence: 'offense', centre: 'center',
  centres: 'centers', programme: 'program', programmes: 'programs', labour: 'labor', favour: 'favor',
  favourable: 'favorable', honour: 'honor', behaviour: 'behavior', neighbour: 'neighbor', neighbours: 'neighbors',
  neighbouring: 'neighboring', colour: 'color', harbour: 'harbor', humour: 'humor', armour: 'armor',
  armoured: 'armored', endeavour: 'endeavor', vigour: 'vigor', licence: 'license', travelled: 'traveled',
  travelling: 'traveling', cancelled: 'canceled', cancelling: 'canceling', signalled: 'signaled',
  signalling: 'signaling', labelled: 'labeled', modelling: 'modeling', fuelled: 'fueled', jewellery: 'jewelry',
  grey: 'gray', tyre: 'tire', tyres: 'tires', catalogue: 'catalog', dialogue: 'dialog', analogue: 'analog',
  cheque: 'check', kerb: 'curb', plough: 'plow', sceptical: 'skeptical', sceptic: 'skeptic', aluminium: 'aluminum',
  manoeuvre: 'maneuver', manoeuvres: 'maneuvers', paediatric: 'pediatric', oestrogen: 'estrogen', whilst: 'while',
  amongst: 'among', towards: 'toward', percent: '%', pct: '%', cent: '%', qaeda: 'qaida', isil: 'isis',
  america: 'usa', american: 'american',
};

/**
 * Near-synonyms that retellings and re-translations swap freely, and demonyms, mapped to one
 * canonical word (applied before stemming). Kept small and generic: news vocabulary, not story rules.
 */
const SYNONYM_GROUPS: Array<[string, string[]]> = [
  ['negotiation', ['talks', 'negotiations', 'negotiation', 'negotiate', 'negotiating', 'negotiated', 'discussions', 'discussion']],
  ['signal', ['signal', 'signals', 'signaled', 'signalled', 'indicator', 'indicators', 'hint', 'hints', 'hinted', 'signs']],
  ['abandon', ['abandon', 'abandoning', 'abandoned', 'drop', 'dropping', 'dropped']],
  ['send', ['send', 'sent', 'sends', 'sending', 'relay', 'relayed', 'relays', 'conveyed', 'convey', 'passed']],
  ['kill', ['kill', 'kills', 'killed', 'killing', 'murder', 'murdered', 'murders', 'slain', 'slew']],
  ['die', ['die', 'died', 'dies', 'dead', 'death', 'deaths']],
  ['soldier', ['soldier', 'soldiers', 'troops', 'troop', 'servicemen', 'serviceman']],
  ['war', ['war', 'fighting', 'conflict']],
  ['seize', ['seize', 'seized', 'captured', 'capture', 'occupied', 'occupy', 'annexed']],
  ['territory', ['territory', 'territories', 'land', 'lands']],
  ['blast', ['blast', 'blasts', 'explosion', 'explosions', 'boom', 'bang']],
  ['crater', ['crater', 'craters', 'hole']],
  ['meteor', ['meteor', 'meteorite', 'meteors', 'meteorites']],
  ['begin', ['begin', 'began', 'begun', 'begins', 'start', 'started', 'starts']],
  ['spread', ['spread', 'spreading', 'circulate', 'circulating', 'circulated']],
  ['large', ['large', 'big', 'huge', 'massive']],
  ['small', ['small', 'little', 'tiny']],
  ['join', ['join', 'joining', 'joined', 'membership', 'accession']],
  ['aware', ['aware', 'know', 'knowing', 'knew']],
  ['russia', ['russia', 'russian', 'russians', 'moscow']],
  ['ukraine', ['ukraine', 'ukrainian', 'ukrainians']],
  ['usa', ['american', 'americans', 'washington']],
  ['europe', ['europe', 'european', 'europeans']],
  ['iraq', ['iraq', 'iraqi', 'iraqis']],
  ['syria', ['syria', 'syrian', 'syrians']],
  ['china', ['china', 'chinese']],
  ['israel', ['israel', 'israeli', 'israelis']],
  ['nicaragua', ['nicaragua', 'nicaraguan', 'nicaraguans']],
];
/** Irregular verb forms → base form (the stemmer handles regular inflection). */
const IRREGULAR: Record<string, string> = {
  took: 'take', taken: 'take', made: 'make', gave: 'give', given: 'give', came: 'come', went: 'go', gone: 'go',
  held: 'hold', left: 'leave', met: 'meet', brought: 'bring', thought: 'think', found: 'find', fought: 'fight',
  won: 'win', lost: 'lose', paid: 'pay', led: 'lead', spoke: 'speak', spoken: 'speak', wrote: 'write',
  written: 'write', rose: 'rise', risen: 'rise', fell: 'fall', fallen: 'fall', struck: 'strike', shot: 'shoot',
  ran: 'run', sought: 'seek', kept: 'keep', built: 'build', chose: 'choose', chosen: 'choose', drove: 'drive',
  driven: 'drive', grew: 'grow', grown: 'grow', saw: 'see', seen: 'see', stole: 'steal', stolen: 'steal',
  broke: 'break', broken: 'break', hid: 'hide', hidden: 'hide', bought: 'buy', caught: 'catch', dealt: 'deal',
  felt: 'feel', heard: 'hear', meant: 'mean', sold: 'sell', spent: 'spend', stood: 'stand', taught: 'teach',
  understood: 'understand', withdrew: 'withdraw', withdrawn: 'withdraw', fled: 'flee', flew: 'fly', flown: 'fly',
  forgot: 'forget', forgotten: 'forget', froze: 'freeze', frozen: 'freeze', hung: 'hang', laid: 'lay',
  overtook: 'overtake', shook: 'shake', shaken: 'shake', sank: 'sink', sunk: 'sink', swore: 'swear',
  sworn: 'swear', threw: 'throw', thrown: 'throw', woke: 'wake', wore: 'wear', worn: 'wear', bore: 'bear',
  borne: 'bear', beat: 'beat', beaten: 'beat', bitten: 'bite', blew: 'blow', blown: 'blow',
};

const SYNONYMS: Record<string, string> = {};
for (const [canon, forms] of SYNONYM_GROUPS) for (const f of forms) SYNONYMS[f] = canon;

const NUMBER_WORDS: Record<string, string> = {
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  ten: '10', eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16',
  seventeen: '17', eighteen: '18', nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50',
  hundred: '100', thousand: '1000', million: 'million', billion: 'billion', dozen: '12',
};

/** A very light stemmer: plural and verb inflections, -ise/-ize. Deterministic and idempotent enough for matching. */
export function stem(w: string): string {
  if (w.length <= 3 || /^\d/.test(w)) return w;
  let s = w;
  s = s.replace(/is(e|ed|es|ing|ation|ations)$/, 'iz$1');
  if (s.endsWith('ies') && s.length > 4) s = s.slice(0, -3) + 'y';
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (s.endsWith('s') && !/(ss|us|is|ys)$/.test(s)) s = s.slice(0, -1);
  if (s.endsWith('ing') && s.length > 5) s = s.slice(0, -3);
  else if (s.endsWith('ied') && s.length > 4) s = s.slice(0, -3) + 'y';
  else if (s.endsWith('ed') && s.length > 4) s = s.slice(0, -2);
  if (/([bdgmnprt])\1$/.test(s)) s = s.slice(0, -1);
  if (s.endsWith('e') && s.length > 4) s = s.slice(0, -1);
  return s;
}

const WORD = /[\p{L}\p{N}]+(?:[.,][\p{N}]+)*(?:['’][\p{L}]+)*%?/gu;

export interface NormalizedSentence {
  /** All normalised words, in order (stopwords included). */
  words: string[];
  /** Stems of content words (stopwords removed), in order. */
  content: string[];
}

/** Normalise one sentence's text. */
export function normalizeSentence(text: string): NormalizedSentence {
  const words: string[] = [];
  const content: string[] = [];
  const cleaned = text
    .replace(/\bU\.S\.(?:A\.)?|\bUSA?\b/g, 'USA').replace(/\bU\.K\.|\bUK\b/g, 'UK')
    .replace(/[’‘`´]/g, "'").replace(/(\d)\s*%/g, '$1 percent').replace(/(\d),(?=\d{3}\b)/g, '$1');
  for (const m of cleaned.matchAll(WORD)) {
    let w = m[0].toLowerCase();
    w = w.replace(/'s$/, '').replace(/'$/, '');
    if (w.endsWith('%') && w.length > 1) {
      words.push(w.slice(0, -1), '%');
      content.push(w.slice(0, -1), '%');
      continue;
    }
    w = SPELLING[w] ?? NUMBER_WORDS[w] ?? w;
    w = IRREGULAR[w] ?? w;
    w = SYNONYMS[w] ?? w;
    if (!w) continue;
    words.push(w);
    if (!STOPWORDS.has(w) && !(w.length === 1 && /\p{L}/u.test(w))) content.push(stem(w));
  }
  return { words, content };
}
