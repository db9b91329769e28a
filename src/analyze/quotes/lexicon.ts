/** Word lists for reporting cues and speaker phrases (English). */

/** Reporting verbs (as written) → true. Speech, writing and stance verbs used to attribute quotes. */
export const REPORTING_VERBS = new Set(
  (
    'say says said saying tell tells told telling add adds added adding note notes noted noting ' +
    'claim claims claimed deny denies denied state states stated explain explains explained ' +
    'write writes wrote insist insists insisted warn warns warned argue argues argued assert asserts asserted ' +
    'continue continues continued declare declares declared acknowledge acknowledges acknowledged ' +
    'admit admits admitted announce announces announced confirm confirms confirmed comment comments commented ' +
    'remark remarks remarked reply replies replied respond responds responded stress stresses stressed ' +
    'emphasize emphasizes emphasized emphasise emphasises emphasised observe observes observed ' +
    'suggest suggests suggested recall recalls recalled concede concedes conceded caution cautions cautioned ' +
    'predict predicts predicted urge urges urged post posts posted tweet tweets tweeted ask asks asked ' +
    'believe believes believed think thinks thought call calls called describe describes described ' +
    'allege alleges alleged maintain maintains maintained report reports reported reveal reveals revealed ' +
    'complain complains complained agree agrees agreed counter counters countered quip quips quipped ' +
    'boast boasts boasted vow vows vowed promise promises promised pledge pledges pledged ' +
    'charge charges charged contend contends contended concluded conclude concludes ' +
    'estimate estimates estimated told recount recounts recounted testify testifies testified ' +
    'mention mentions mentioned point points pointed joke jokes joked shout shouts shouted ' +
    'quote quotes quoted cite cites cited exclaim exclaims exclaimed confess confesses confessed ' +
    'wonder wonders wondered muse muses mused whisper whispers whispered yell yells yelled scream screamed ' +
    'snap snapped retort retorts retorted interject interjects interjected interrupt interrupts interrupted ' +
    'elaborate elaborates elaborated ' +
    'clarify clarifies clarified repeat repeats repeated reiterate reiterates reiterated assure assures assured ' +
    'affirm affirms affirmed contend insist demand demands demanded proclaim proclaims proclaimed ' +
    'lament laments lamented acknowledged concede admitted opine opines opined surmise surmised ' +
    'sing sings sang rap raps rapped chant chants chanted read reads tweet texted emailed email emails wrote writes ' +
    'respond answered answer answers explain advise advises advised inform informs informed ' +
    'recommend recommends recommended predict forecast forecasts declare announce testify ' +
    'conclude summarize summarized summarise summarised characterize characterized characterise characterised ' +
    'dismiss dismisses dismissed accuse accuses accused blast blasts blasted slam slams slammed ' +
    'criticize criticizes criticized criticise criticised praise praises praised decry decries decried ' +
    'label labels labeled labelled dub dubs dubbed brand brands branded term terms termed ' +
    'writing explaining arguing warning insisting claiming declaring stressing asking replying responding ' +
    'calling describing labeling labelling dubbing branding terming accusing praising blasting slamming ' +
    'tweeting posting quoting citing announcing confirming denying admitting acknowledging recalling ' +
    'urging vowing promising predicting suggesting complaining joking boasting lamenting reiterating'
  ).split(' '),
);

/** Verbs that can precede their subject after a quote (“…,” said Peskov). */
export const INVERTIBLE_VERBS = new Set(
  ('said says added adds noted notes wrote writes explained continued asked replied stated declared ' +
    'insisted warned argued observed recalled responded remarked told tells exclaimed confessed wondered ' +
    'mused whispered retorted reiterated explained concluded acknowledged conceded tweeted comments commented explains ' +
    // the present tense of features and profiles: "“…” states the Catholic priest", "…,” recalls Smith"
    'states asks replies recalls insists warns argues continues declares responds remarks concludes acknowledges ' +
    'concedes observes reiterates tweets ' +
    // "“Branson tried to pull out all of the stops,” claimed the Mirror’s source"
    'claimed claims admitted admits confirmed confirms stressed stresses emphasized emphasised quipped quips joked ' +
    'jokes countered counters cautioned cautions boasted boasts announced announces interjected interjects interrupted ' +
    'interrupts').split(' '),
);

/** Verbs whose object (not subject) is the speaker: “The publication quotes Fiona Hill:”. */
export const OBJECT_SPEAKER_VERBS = new Set(['quote', 'quotes', 'quoted', 'cite', 'cites', 'cited']);

/** Cognitive/stance verbs: acceptable for partial quotes in the same sentence, not as after-quote cues. */
export const STANCE_VERBS = new Set(
  ('believe believes believed think thinks thought call calls called describe describes described ' +
    'dismiss dismisses dismissed accuse accuses accused blast blasts blasted slam slams slammed criticize criticizes ' +
    'criticized criticise criticised praise praises praised decry decries decried label labels labeled labelled dub ' +
    'dubs dubbed brand brands branded term terms termed characterize characterized characterise characterised read reads ' +
    'sing sings sang chant chants chanted calling describing labeling labelling dubbing branding terming accusing ' +
    'praising blasting slamming').split(' '),
);

/** The cue of a source an outlet cites after its reporting clause ("…, UNN reports citing Bloomberg"). */
export const CITING_CUE = /^(?:citing|quoting)$/i;

export const PERSONAL_PRONOUNS: Record<string, { gender: 'm' | 'f' | null; plural: boolean }> = {
  he: { gender: 'm', plural: false },
  she: { gender: 'f', plural: false },
  they: { gender: null, plural: true },
  i: { gender: null, plural: false },
  we: { gender: null, plural: true },
  it: { gender: null, plural: false },
  him: { gender: 'm', plural: false },
  her: { gender: 'f', plural: false },
  them: { gender: null, plural: true },
};

/** Words that mark a phrase as an anonymous source. */
export const ANON_HEADS = new Set(
  ('source sources person people official officials insider insiders diplomat diplomats aide aides ' +
    'someone individual individuals member members employee employees staffer staffers').split(' '),
);

/** Qualifiers that make a source anonymous ("familiar with", "close to", "who asked not to be named"). */
export const ANON_QUALIFIER = /\b(?:familiar with|close to|with knowledge of|knowledgeable about|briefed on|aware of|involved in|who (?:asked|spoke|requested|declined)|speaking on (?:the )?condition|on condition of anonymity|not authori[sz]ed)\b/i;

/** Nouns of role/description: heads of descriptive speaker phrases. */
export const ROLE_NOUNS = new Set(
  ('spokesman spokeswoman spokesperson official officials adviser advisor minister president senator ' +
    'officer member members chief head director analyst analysts expert experts diplomat diplomats source sources ' +
    'aide aides secretary ambassador commander general governor mayor lawmaker lawmakers representative ' +
    'congressman congresswoman chairman chairwoman chair leader leaders professor researcher researchers ' +
    'economist economists lawyer attorney prosecutor prosecutors judge police investigator investigators ' +
    'witness witnesses resident residents soldier soldiers activist activists worker workers executive ' +
    'ceo founder manager scientist scientists doctor doctors negotiator negotiators envoy correspondent ' +
    'reporter journalist editor author premier chancellor king queen prince pope cleric candidate ' +
    'person people insider insiders staffer staffers employee employees individual spokespeople ' +
    'deputy counsel agent agents vice pilot teacher student students voter voters official diplomat ' +
    'strategist pollster commentator critic critics supporter supporters fan fans owner mother father ' +
    'wife husband son daughter brother sister friend victim victims survivor survivors man woman men women ' +
    'boy girl child children family relative relatives neighbor neighbour neighbors neighbours ' +
    'colleague colleagues partner partners administration government ministry department agency')
    .split(' '),
);

export const FEMALE_ROLES =
  /\b(?:spokeswoman|congresswoman|chairwoman|woman|women|queen|princess|duchess|lady|(?:grand|step|god)?(?:mother|daughter)|mum|mom|wife|widow|sister|nun|aunt|niece|(?:school)?girl(?:friend)?|businesswoman|actress|waitress|heiress|mrs|ms|madam)\b/i;
export const MALE_ROLES =
  /\b(?:spokesman|congressman|chairman|man|king|prince|duke|lord|(?:grand|step|god)?(?:father|son)|dad|husband|widower|brother|monk|uncle|nephew|(?:school)?boy(?:friend)?|businessman|actor|waiter|mr|sir)\b/i;

/** The last words of company names ("Dick Clark Productions", "Warner Bros. Entertainment"), lower case, no dot. */
export const COMPANY_SUFFIXES = new Set(
  ('productions studios records entertainment holdings inc corp corporation ltd llc plc gmbh labs technologies airlines ' +
    'motors pharmaceuticals industries enterprises brands communications group').split(' '),
);

/** Collective/organisational speakers ("the Kremlin", "the ministry") — not persons. */
/** Head nouns of sources that are writings or recordings, not people ("a Reddit post", "the statement"). */
export const DOCUMENT_HEADS = new Set(
  ('post posts tweet tweets statement statements report reports letter letters study survey poll video videos note ' +
    'memo document documents filing complaint lawsuit ad advert advertisement article book website site email emails ' +
    'message messages caption release transcript record records data analysis footage photo photograph picture pictures image images ' +
    // things that carry words: "a sign that said “15%!”", "shirts reading …", "a withering editorial"
    'sign signs shirt shirts t-shirt t-shirts hat hats cap caps banner banners placard placards poster posters ' +
    'billboard billboards sticker stickers button buttons bottle bottles mug mugs headline headlines editorial ' +
    'editorials piece column op-ed slogan slogans screen').split(' '),
);

/**
 * Companies and platforms that speak as one (statements, spokespeople) and are written as one plain word, so
 * that nothing in the word shows it is no person's name ("Twitter said", "'…,' Instagram said").
 */
export const COMPANY_NAMES = new Set(
  ('Twitter Facebook Google Alphabet Apple Amazon Microsoft Instagram YouTube Netflix Uber Lyft Tesla SpaceX Disney ' +
    'Walmart Boeing Airbnb Spotify Samsung Huawei Intel Oracle Salesforce Snapchat TikTok WhatsApp LinkedIn Reddit ' +
    'Yahoo eBay PayPal Nike Starbucks Pfizer Moderna AstraZeneca Sony Nintendo Toyota Volkswagen Ubisoft Gannett ' +
    'GateHouse Comcast Verizon Qualcomm Nvidia Zoom Telegram Gazprom Rosneft Aeroflot Alibaba Tencent Baidu ' +
    'ExxonMobil Chevron Shell Unilever Nestle Nestlé Siemens Airbus Lufthansa Ryanair Vodafone').split(' '),
);

export const ORG_HEADS = new Set([
  ...('kremlin ministry government administration department agency white house pentagon army military ' +
    'police company firm office commission council committee court parliament embassy party campaign ' +
    'bank union federation organization organisation institute university group service navy ' +
    'publication newspaper outlet agency broadcaster center centre foundation association society academy ' +
    'observatory laboratory school college hospital network corporation board authority bureau ' +
    'coalition alliance caucus legislature assembly senate congress statehouse county province district').split(' '),
  ...COMPANY_SUFFIXES,
]);

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, twenty: 20, dozen: 12, a: 1, an: 1,
};

/** "two" → 2, "3" → 3, "a" → 1; null otherwise. */
export function countWord(w: string): number | null {
  const lw = w.toLowerCase();
  if (/^\d+$/.test(lw)) return Number(lw);
  return NUMBER_WORDS[lw] ?? null;
}
