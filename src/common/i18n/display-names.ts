import { type Language, localeOf } from './language.js';

// The platform's CLDR names (Node ships full ICU): maintained upstream, every code in every language.
const cache = new Map<string, Intl.DisplayNames>();

function displayNames(type: 'region' | 'language', language: Language): Intl.DisplayNames {
  const key = `${type}:${language}`;
  let names = cache.get(key);
  if (!names) {
    names = new Intl.DisplayNames(localeOf(language), { type, fallback: 'code' });
    cache.set(key, names);
  }
  return names;
}

/** "DE" → "Allemagne" in French; a code Intl cannot read comes back as it was. */
export function countryName(code: string, language: Language): string {
  return nameOrCode(() => displayNames('region', language).of(code.toUpperCase()), code);
}

/** "de" (ISO 639) → "allemand" in French; a code Intl cannot read comes back as it was. */
export function languageName(code: string, language: Language): string {
  return nameOrCode(() => displayNames('language', language).of(code), code);
}

function nameOrCode(name: () => string | undefined, code: string): string {
  if (code.trim() === '') return code; // Intl would name the empty tag "root"
  try {
    return name() ?? code;
  } catch {
    return code; // not a well-formed code (RangeError): a stored value Kenner did not validate
  }
}
