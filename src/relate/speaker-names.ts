/**
 * Comparing how speakers are named and described across articles: person names
 * (full name ↔ surname, transliteration variants) and descriptions ("a Kremlin
 * spokesman", "US National Security Council spokeswoman").
 */

const HONORIFIC = /^(mr|mrs|ms|miss|dr|prof|sir|dame|gen|col|lt|sgt|rep|sen|gov|pres|president|prime|minister|judge|justice|rev|father|sister|saint|st)\.?$/;

/** Name tokens: accents stripped, lower case, honorifics and initials' dots dropped. */
export function nameTokens(name: string): string[] {
  const toks = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s$/, '')
    .split(/[^\p{L}\p{N}'’.-]+/u)
    .map((t) => t.replace(/^[.'’-]+|[.'’-]+$/g, ''))
    .filter(Boolean);
  while (toks.length > 1 && HONORIFIC.test(toks[0])) toks.shift();
  const suffix = toks[toks.length - 1];
  if (toks.length > 2 && /^(jr|sr|ii|iii|iv)$/.test(suffix)) toks.pop();
  return toks;
}

export type NameRelation = 'same' | 'surname' | 'variant' | 'different';

/** How two names of people relate: the same, a surname of the other, a spelling variant, or different people. */
export function compareNames(x: string, y: string): NameRelation {
  const a = nameTokens(x);
  const b = nameTokens(y);
  if (!a.length || !b.length) return 'different';
  if (a.join(' ') === b.join(' ')) return 'same';
  const la = a[a.length - 1];
  const lb = b[b.length - 1];
  if (a.length === 1 || b.length === 1) {
    const single = a.length === 1 ? la : lb;
    const full = a.length === 1 ? b : a;
    if (a.length === 1 && b.length === 1) return sameTransliteration(la, lb) ? 'variant' : 'different';
    return sameTransliteration(single, full[full.length - 1]) ? 'surname' : 'different';
  }
  // both have first and last names: first names must agree (initial allowed), surnames alike
  const fa = a[0];
  const fb = b[0];
  const firstOk = fa === fb || (fa.length === 1 && fb.startsWith(fa)) || (fb.length === 1 && fa.startsWith(fb)) || (Math.min(fa.length, fb.length) >= 6 && editDistance(fa, fb) <= 1);
  if (!firstOk) return 'different';
  if (la === lb) return 'variant';
  return similarSurname(la, lb) ? 'variant' : 'different';
}

/** Equal up to a transliterated ending: Zelensky / Zelenskyy / Zelenskiy / Zelenskii. */
function sameTransliteration(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 5) return false;
  const end = (s: string) => s.replace(/(yy|iy|ii|yi|ij|y|i)$/, 'y');
  return end(a) === end(b);
}

function similarSurname(a: string, b: string): boolean {
  if (a === b) return true;
  if (sameTransliteration(a, b)) return true;
  // one letter off in a long name (Yevgeny Prigozhin / Yevgeniy Prigozhyn)
  return Math.min(a.length, b.length) >= 6 && editDistance(a, b) <= 1 && a.slice(0, 3) === b.slice(0, 3);
}

export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** Role nouns → canonical role and grammatical gender (m/f) where the word has one. */
const ROLES: Record<string, [string, string?]> = {
  spokesman: ['spokesperson', 'm'], spokeswoman: ['spokesperson', 'f'], spokesperson: ['spokesperson'],
  spokesmen: ['spokesperson', 'm'], spokeswomen: ['spokesperson', 'f'], spokespeople: ['spokesperson'],
  'press secretary': ['spokesperson'], secretary: ['secretary'],
  official: ['official'], officials: ['official'], officer: ['officer'], officers: ['officer'],
  adviser: ['adviser'], advisor: ['adviser'], advisers: ['adviser'], advisors: ['adviser'], aide: ['adviser'], aides: ['adviser'],
  member: ['member'], members: ['member'], minister: ['minister'], president: ['president'], director: ['director'],
  chief: ['chief'], head: ['chief'], analyst: ['analyst'], analysts: ['analyst'], expert: ['expert'], experts: ['expert'],
  source: ['source'], sources: ['source'], people: ['source'], person: ['source'], insider: ['source'], insiders: ['source'],
  diplomat: ['diplomat'], diplomats: ['diplomat'], lawmaker: ['lawmaker'], lawmakers: ['lawmaker'], senator: ['lawmaker'],
  ambassador: ['ambassador'], envoy: ['envoy'], commander: ['commander'], general: ['commander'], soldier: ['soldier'],
  soldiers: ['soldier'], resident: ['resident'], residents: ['resident'], witness: ['witness'], witnesses: ['witness'],
  researcher: ['researcher'], professor: ['researcher'], economist: ['economist'], lawyer: ['lawyer'], attorney: ['lawyer'],
  prosecutor: ['prosecutor'], judge: ['judge'], chairman: ['chair', 'm'], chairwoman: ['chair', 'f'], chair: ['chair'],
  ceo: ['chief'], founder: ['founder'], leader: ['leader'], negotiator: ['negotiator'], journalist: ['journalist'],
  reporter: ['journalist'], correspondent: ['journalist'], representative: ['representative'], representatives: ['representative'],
  man: ['person', 'm'], woman: ['person', 'f'],
};

const FILLER = new Set(
  'a an the one two three four five six several some many few his her their its our this that of for at in on to from with and who said told by as former senior deputy acting top high-ranking ranking then current'.split(' '),
);
const COUNTRY_QUALIFIER = new Set(['us', 'u.s', 'u.s.', 'american', 'united', 'states']);

export interface DescriptionFeatures {
  roles: Set<string>;
  gender: 'm' | 'f' | null;
  /** Organisation / place / topic words ("kremlin", "national", "security", "council"). */
  orgs: Set<string>;
}

export function describe(desc: string): DescriptionFeatures {
  const roles = new Set<string>();
  const orgs = new Set<string>();
  let gender: 'm' | 'f' | null = null;
  const text = desc.toLowerCase().replace(/press secretary/g, 'spokesperson');
  for (const raw of text.split(/[^\p{L}\p{N}.'’-]+/u)) {
    const t = raw.replace(/['’]s$/, '').replace(/^[.'’-]+|[.'’-]+$/g, '');
    if (!t || FILLER.has(t) || /^\d/.test(t) && t.length < 2) continue;
    const role = ROLES[t];
    if (role) {
      roles.add(role[0]);
      if (role[1]) gender = gender && gender !== role[1] ? gender : (role[1] as 'm' | 'f');
      continue;
    }
    orgs.add(t.replace(/\./g, ''));
  }
  return { roles, gender, orgs };
}

export type DescriptionRelation = 'equivalent' | 'compatible' | 'unknown' | 'conflict';

/** How two descriptions relate, with the shared words that make them compatible. */
export function compareDescriptions(x: string, y: string): { relation: DescriptionRelation; shared: string[] } {
  const a = describe(x);
  const b = describe(y);
  if (a.gender && b.gender && a.gender !== b.gender) return { relation: 'conflict', shared: [] };
  const oa = withoutCountry(a.orgs);
  const ob = withoutCountry(b.orgs);
  const sharedOrgs = [...oa].filter((t) => ob.has(t));
  const sharedRoles = [...a.roles].filter((r) => b.roles.has(r));
  const shared = [...sharedOrgs, ...sharedRoles];
  if (oa.size && ob.size && !sharedOrgs.length) return { relation: 'conflict', shared };
  const sameOrgs = oa.size === ob.size && sharedOrgs.length === oa.size;
  const sameRoles = a.roles.size > 0 && a.roles.size === b.roles.size && sharedRoles.length === a.roles.size;
  if (sameOrgs && sameRoles && oa.size > 0) return { relation: 'equivalent', shared };
  if (sharedOrgs.length) return { relation: 'compatible', shared };
  if (!oa.size && !ob.size && sharedRoles.length) return { relation: 'compatible', shared };
  return { relation: 'unknown', shared };
}

function withoutCountry(s: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const t of s) if (!COUNTRY_QUALIFIER.has(t)) out.add(t);
  return out.size ? out : s;
}
