import { describe, expect, it } from '@jest/globals';
import { de } from '../../widget/src/i18n/de.js';
import { en } from '../../widget/src/i18n/en.js';
import { fr } from '../../widget/src/i18n/fr.js';
import { nl } from '../../widget/src/i18n/nl.js';

/** Every text of the widget with its `{placeholders}`, flattened (`found.one`). */
function texts(messages: object, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') {
      out.set(prefix + key, [...value.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort());
    } else {
      for (const [k, v] of texts(value as object, `${key}.`)) out.set(k, v);
    }
  }
  return out;
}

describe("the widget's texts", () => {
  const english = texts(en);

  it.each([
    ['fr', fr],
    ['de', de],
    ['nl', nl],
  ])('%s has every English text, with the same placeholders, and none left empty', (_, m) => {
    const translated = texts(m);
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, placeholders] of english) {
      expect([key, translated.get(key)]).toEqual([key, placeholders]);
    }
    for (const value of Object.values(m)) expect(value).not.toBe('');
  });
});
