/**
 * Small offline language guess: writing script first, then stop-word
 * profiles for Latin- and Cyrillic-script news languages. Looks at most at
 * the first 6,000 characters. Returns an ISO 639-1 code or null when the text
 * is too short or no profile clearly wins.
 */

const STOPWORDS: Record<string, string> = {
  en: 'the of and to in a is that for on with as was by at it he said from his be are has have an not this but were which they who had their its will been would also after more than her she about',
  de: 'der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über so zum war haben nur oder aber vor zur bis',
  fr: 'de la le et les des en un du une que est pour qui dans a par plus pas au sur ne se il sont ce avec son été elle ont aux mais comme leur ou cette nous ses sa fait selon',
  es: 'de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o este fue ha ser son entre cuando muy sin sobre también hasta hay donde desde',
  it: 'di e il la che in a per un del non è le si una da sono con al dei della nel alla delle anche gli ha come più ma lo questo dal nella stato essere sul',
  pt: 'de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à seu sua ou ser quando muito há nos já está também pelo pela',
  nl: 'de het een en van in is dat op te zijn met voor niet aan er die ook als bij door maar om hij was naar dan uit wordt heeft worden deze nog over',
  pl: 'i w nie na się z do że to jest o jak a ale po co tak za od przez są jego przy już dla może było które który tylko jej czy ich został także',
  sv: 'och i att det som en på är av för med till den har de inte om ett han men var sig från vi så kan man när år också efter',
  tr: 've bir bu da de için ile olarak çok daha gibi en ne ama olan kadar sonra ise her o mı değil var ancak şu tarafından',
  ro: 'și de la în a cu pe care din că nu o un se este pentru mai sunt au fost ca sau lui dar după acest',
  cs: 'a se na je v že to s z do o jako by ale jsou k i pro jeho který po tak jak také bylo byl však',
  uk: 'і в на що не з у та до як це за про від він його але є вже так щоб або було які який також бути під через після може якщо',
  ru: 'и в не на что с по как это он к из у за о от то для же но все его она так было бы ли уже или который если только при еще мы также после',
  bg: 'и на в за да се от не с че е по са като това той които но към след още бъде има',
};

/** word → languages whose profile lists it. */
const WORD_LANGS = new Map<string, string[]>();
for (const [lang, list] of Object.entries(STOPWORDS)) {
  for (const w of new Set(list.split(' '))) {
    const l = WORD_LANGS.get(w);
    if (l) l.push(lang); else WORD_LANGS.set(w, [lang]);
  }
}
const CYRILLIC = new Set(['uk', 'ru', 'bg']);

/** Guess the language of a text ("en", "uk", "ru", "de", …) or null. */
export function detectLanguage(text: string): string | null {
  if (typeof text !== 'string') return null;
  const sample = text.slice(0, 6000);
  let latin = 0, cyr = 0, arabic = 0, hebrew = 0, greek = 0, han = 0, kana = 0, hangul = 0, deva = 0, thai = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) { if ((c | 32) >= 97 && (c | 32) <= 122) latin++; }
    else if (c >= 0xc0 && c <= 0x24f) latin++;
    else if (c >= 0x400 && c <= 0x4ff) cyr++;
    else if (c >= 0x600 && c <= 0x6ff) arabic++;
    else if (c >= 0x590 && c <= 0x5ff) hebrew++;
    else if (c >= 0x370 && c <= 0x3ff) greek++;
    else if (c >= 0x3040 && c <= 0x30ff) kana++;
    else if (c >= 0x4e00 && c <= 0x9fff) han++;
    else if (c >= 0xac00 && c <= 0xd7af) hangul++;
    else if (c >= 0x900 && c <= 0x97f) deva++;
    else if (c >= 0xe00 && c <= 0xe7f) thai++;
  }
  const letters = latin + cyr + arabic + hebrew + greek + han + kana + hangul + deva + thai;
  if (letters < 20) return null;
  const share = (n: number) => n / letters;
  if (share(kana) > 0.1) return 'ja';
  if (share(hangul) > 0.3) return 'ko';
  if (share(han) > 0.3) return 'zh';
  if (share(arabic) > 0.5) return /[پچژگ]/.test(sample) ? 'fa' : 'ar';
  if (share(hebrew) > 0.5) return 'he';
  if (share(greek) > 0.5) return 'el';
  if (share(deva) > 0.5) return 'hi';
  if (share(thai) > 0.5) return 'th';
  const cyrillic = cyr > latin;
  if (cyrillic) {
    // letters unique to one language settle most cases
    const uk = (sample.match(/[ієїґІЄЇҐ]/g) ?? []).length;
    const ru = (sample.match(/[ыэёЫЭЁ]/g) ?? []).length;
    // і/ї/є are not Russian or Bulgarian; ы/э are not Ukrainian or Bulgarian
    if (uk > 3 * ru + 2 || (uk >= 1 && ru === 0)) return 'uk';
    if (ru > 3 * uk + 2 || (ru >= 1 && uk === 0 && /[ыэ]/i.test(sample))) return 'ru';
  }
  const counts = new Map<string, number>();
  let words = 0;
  for (const m of sample.toLowerCase().matchAll(/[\p{L}']+/gu)) {
    words++;
    const langs = WORD_LANGS.get(m[0]);
    if (!langs) continue;
    for (const lang of langs) {
      if (CYRILLIC.has(lang) !== cyrillic) continue;
      counts.set(lang, (counts.get(lang) ?? 0) + 1);
    }
  }
  if (words < 5) return null;
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (!ranked.length) return null;
  const [best, second] = ranked;
  if (best[1] < Math.max(2, words * 0.08)) return null;
  if (second && best[1] < second[1] * 1.3) return null;
  return best[0];
}
