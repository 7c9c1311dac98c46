import { describe, expect, it } from '@jest/globals';
import { countryName, languageName } from '../../src/common/i18n/display-names.js';
import { Language, LANGUAGES, nameIn } from '../../src/common/i18n/language.js';
import { ServiceKind } from '../../src/experts/expert.entity.js';
import { OrganisationType } from '../../src/organisations/organisation.entity.js';
import { ENUM_LABELS, enumLabel } from '../../src/search/faceting/enum-labels.js';

describe('labels of facet values', () => {
  const tables: [keyof typeof ENUM_LABELS, Record<string, string>][] = [
    ['organisationType', OrganisationType],
    ['service', ServiceKind],
  ];
  it.each(tables)('gives every %s value a label in every language', (table, values) => {
    for (const value of Object.values(values)) {
      for (const language of LANGUAGES) {
        const label = enumLabel(table, value, language);
        expect([value, language, label.trim().length > 0, label === value]).toEqual([
          value,
          language,
          true,
          false,
        ]);
      }
    }
    // Nothing in the table that the enum no longer has.
    expect(Object.keys(ENUM_LABELS[table]).sort()).toEqual(Object.values(values).sort());
  });

  it('keeps an enum value it does not know as it is', () => {
    expect(enumLabel('service', 'TELEPORTATION', Language.FR)).toBe('TELEPORTATION');
  });

  it('names countries and languages with the platform, and keeps a code it cannot read', () => {
    expect(LANGUAGES.map((l) => countryName('DE', l))).toEqual([
      'Germany',
      'Allemagne',
      'Deutschland',
      'Duitsland',
    ]);
    expect(countryName('lu', Language.DE)).toBe('Luxemburg');
    expect(LANGUAGES.map((l) => languageName('lb', l))).toEqual([
      'Luxembourgish',
      'luxembourgeois',
      'Luxemburgisch',
      'Luxemburgs',
    ]);
    for (const junk of ['', 'X', 'not a code', '12345678901']) {
      expect(countryName(junk, Language.FR)).toBe(junk);
      expect(languageName(junk, Language.FR)).toBe(junk);
    }
  });

  it('falls back to the English name of a row without one in the language', () => {
    const row = { name: 'Steel', nameFr: 'Acier', nameDe: null, nameNl: '' };
    expect(LANGUAGES.map((l) => nameIn(row, l))).toEqual(['Steel', 'Acier', 'Steel', 'Steel']);
  });
});
