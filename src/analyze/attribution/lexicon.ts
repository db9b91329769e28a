/**
 * Reporting-cue lexicon (lower-cased word forms). Used only as features and by the linker:
 * the tagger learns which uses are cues from PolNeAR.
 */
const STEMS = [
  'say', 'said', 'says', 'saying', 'tell', 'told', 'tells', 'telling', 'according', 'add', 'added', 'adds',
  'note', 'noted', 'notes', 'argue', 'argued', 'argues', 'claim', 'claimed', 'claims', 'believe', 'believed',
  'believes', 'deny', 'denied', 'denies', 'state', 'stated', 'states', 'explain', 'explained', 'explains',
  'write', 'wrote', 'writes', 'written', 'insist', 'insisted', 'insists', 'suggest', 'suggested', 'suggests',
  'warn', 'warned', 'warns', 'announce', 'announced', 'announces', 'report', 'reported', 'reports', 'ask',
  'asked', 'asks', 'acknowledge', 'acknowledged', 'acknowledges', 'admit', 'admitted', 'admits', 'call',
  'called', 'calls', 'describe', 'described', 'describes', 'think', 'thinks', 'thought', 'know', 'knew',
  'knows', 'expect', 'expected', 'expects', 'hope', 'hoped', 'hopes', 'want', 'wanted', 'wants', 'urge',
  'urged', 'urges', 'vow', 'vowed', 'vows', 'pledge', 'pledged', 'promise', 'promised', 'promises',
  'criticize', 'criticized', 'criticizes', 'accuse', 'accused', 'accuses', 'predict', 'predicted',
  'predicts', 'declare', 'declared', 'declares', 'confirm', 'confirmed', 'confirms', 'reveal', 'revealed',
  'reveals', 'maintain', 'maintained', 'maintains', 'contend', 'contended', 'contends', 'recall',
  'recalled', 'recalls', 'tweet', 'tweeted', 'tweets', 'post', 'posted', 'posts', 'show', 'showed', 'shows',
  'found', 'finds', 'indicate', 'indicated', 'indicates', 'estimate', 'estimated', 'estimates', 'feel',
  'felt', 'feels', 'fear', 'feared', 'fears', 'worry', 'worried', 'worries', 'agree', 'agreed', 'agrees',
  'disagree', 'disagreed', 'respond', 'responded', 'responds', 'reply', 'replied', 'replies', 'answer',
  'answered', 'answers', 'question', 'questioned', 'questions', 'blame', 'blamed', 'blames', 'praise',
  'praised', 'praises', 'attack', 'attacked', 'attacks', 'slam', 'slammed', 'slams', 'defend', 'defended',
  'defends', 'support', 'supported', 'supports', 'oppose', 'opposed', 'opposes', 'propose', 'proposed',
  'proposes', 'demand', 'demanded', 'demands', 'insisting', 'arguing', 'adding', 'noting', 'claiming',
  'calling', 'suggesting', 'warning', 'explaining', 'writing', 'asking', 'telling', 'describing',
  'believing', 'thinking', 'hoping', 'wanting', 'urging', 'promising', 'accusing', 'predicting',
  'declaring', 'confirming', 'revealing', 'announcing', 'reporting', 'denying', 'stating', 'admitting',
  'acknowledging', 'claim', 'charged', 'charges', 'assert', 'asserted', 'asserts', 'remark', 'remarked',
  'quipped', 'joked', 'boasted', 'bragged', 'complained', 'complains', 'conceded', 'concedes', 'observed',
  'pointed', 'mentioned', 'mentions', 'cited', 'cites', 'testified', 'alleged', 'alleges', 'allegedly',
  'reportedly', 'apparently', 'poll', 'polls', 'survey', 'surveys', 'statement', 'interview', 'told',
  'spokesman', 'spokeswoman', 'spokesperson', 'sources', 'source', 'officials', 'official', 'aides',
];

export const CUE_WORDS: ReadonlySet<string> = new Set(STEMS.filter((w) => !/^(spokes|source|official|aide|poll|survey|statement|interview)/.test(w)));

/** Words that name typical sources (role nouns); a feature, not a rule. */
export const SOURCE_NOUNS: ReadonlySet<string> = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'source', 'sources', 'official', 'officials', 'aide', 'aides',
  'poll', 'polls', 'survey', 'surveys', 'analyst', 'analysts', 'expert', 'experts', 'critics', 'supporters',
  'campaign', 'president', 'senator', 'sen.', 'rep.', 'gov.', 'candidate', 'nominee', 'report', 'study',
  'statement', 'he', 'she', 'they', 'i', 'we', 'who',
]);

export function isQuoteChar(s: string): boolean {
  return s === '"' || s === '“' || s === '”' || s === "''" || s === '``' || s === '‘' || s === '’';
}
