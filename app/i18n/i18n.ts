/**
 * Korean and English for everything the app itself says (tool output stays as the real tools print
 * it). Each part of the app keeps its own messages beside it as a `Catalog`: the English and Korean
 * texts of the same keys, so a missing translation fails to compile. Texts are plain strings with
 * `{name}` placeholders, filled in by `translator` — never HTML, never code.
 */
export type Language = 'en' | 'ko';
export const LANGUAGES: readonly Language[] = ['en', 'ko'];

export interface Catalog<K extends string> {
  readonly en: Readonly<Record<K, string>>;
  readonly ko: Readonly<Record<K, string>>;
}

export type Vars = Readonly<Record<string, string | number>>;
export type Translate<K extends string> = (key: K, vars?: Vars) => string;

/** Define a catalog; the English keys are the keys, and the Korean must have exactly them. */
export const catalog = <K extends string>(
  en: Readonly<Record<K, string>>,
  ko: Readonly<Record<K, string>>,
): Catalog<K> => ({
  en,
  ko,
});

/** `{name}` in the text is replaced by vars.name; a placeholder without a value stays as written. */
export function translator<K extends string>(cat: Catalog<K>, lang: Language): Translate<K> {
  const texts = cat[lang];
  return (key, vars) => {
    const text = texts[key];
    return vars
      ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m))
      : text;
  };
}

/** A language named by a URL or a browser ('ko', 'ko-KR', 'en-US'), or null when it is neither. */
export function parseLanguage(tag: string | null | undefined): Language | null {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return base === 'ko' || base === 'en' ? base : null;
}

/** The page's language: the URL's `lang`, then the browser's preferred languages, then English. */
export function pickLanguage(urlLang: string | null, browser: readonly string[]): Language {
  return parseLanguage(urlLang) ?? browser.map(parseLanguage).find((l) => l !== null) ?? 'en';
}
