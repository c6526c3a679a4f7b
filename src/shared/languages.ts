/**
 * Names of the region's languages that the browser's `Intl.DisplayNames` does not know (in
 * Chromium 156 it names none of them: a card said "kek" for Q'eqchi'), in every interface
 * language: Mayan languages of Guatemala, Mexico and Belize, Garifuna, Miskito and other
 * languages of Mexico and Central America. Each name as that language writes language names:
 * capitalized in English, in lower case in Spanish, French and Portuguese. Framework-free.
 */
type Names = Readonly<Record<'en' | 'es' | 'fr' | 'pt', string>>;

/** A name written the same way in every interface language (lower case but in English). */
const same = (name: string): Names => ({
  en: name,
  es: name.toLowerCase(),
  fr: name.toLowerCase(),
  pt: name.toLowerCase(),
});

const REGIONAL: Readonly<Record<string, Names>> = {
  kek: same('Q’eqchi’'),
  quc: same('K’iche’'),
  cak: same('Kaqchikel'),
  mam: same('Mam'),
  poh: same('Poqomchi’'),
  poc: same('Poqomam'),
  ixl: same('Ixil'),
  jac: same('Popti’'),
  kjb: same('Q’anjob’al'),
  acr: same('Achi'),
  tzj: same('Tz’utujil'),
  usp: same('Uspanteko'),
  mop: same('Mopan'),
  ctu: { en: 'Chol', es: 'ch’ol', fr: 'chol', pt: 'chol' },
  tzo: { en: 'Tzotzil', es: 'tsotsil', fr: 'tzotzil', pt: 'tsotsil' },
  tzh: { en: 'Tzeltal', es: 'tseltal', fr: 'tzeltal', pt: 'tseltal' },
  yua: { en: 'Yucatec Maya', es: 'maya yucateco', fr: 'maya yucatèque', pt: 'maia iucateque' },
  cab: { en: 'Garifuna', es: 'garífuna', fr: 'garifuna', pt: 'garífuna' },
  miq: { en: 'Miskito', es: 'miskito', fr: 'miskito', pt: 'misquito' },
  nah: { en: 'Nahuatl', es: 'náhuatl', fr: 'nahuatl', pt: 'náuatle' },
  ppl: { en: 'Nawat', es: 'náhuat', fr: 'nawat', pt: 'nawat' },
  mxt: { en: 'Mixtec', es: 'mixteco', fr: 'mixtèque', pt: 'mixteca' },
  zap: { en: 'Zapotec', es: 'zapoteco', fr: 'zapotèque', pt: 'zapoteca' },
  maz: same('Mazahua'),
  sum: same('Mayangna'),
  bzd: same('Bribri'),
  gym: { en: 'Ngäbere', es: 'ngäbere', fr: 'ngäbere', pt: 'ngäbere' },
  cuk: same('Guna'),
};

/**
 * The name of a regional language in an interface language (`es-MX` counts as `es`), when the
 * table has it; `undefined` otherwise. Own keys only: a feed's `constructor` is no language.
 */
export function regionalLanguageName(code: string, locale: string): string | undefined {
  const key = code.toLowerCase();
  if (!Object.hasOwn(REGIONAL, key)) return undefined;
  const names = REGIONAL[key];
  const lang = locale.toLowerCase().split('-')[0];
  return Object.hasOwn(names, lang) ? names[lang as keyof Names] : names.en;
}
