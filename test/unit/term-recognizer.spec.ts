import { describe, expect, it } from '@jest/globals';
import { editDistance, TermRecognizer } from '../../src/common/text/term-recognizer.js';
import { demoLists } from '../../src/seed/demo-data.reader.js';

const techniques = new TermRecognizer(
  demoLists().techniques.map((t) => ({
    key: t.slug,
    phrases: [
      ...Object.values(t.names).filter((n): n is string => Boolean(n)),
      ...t.acronyms,
      ...t.synonyms,
    ],
  })),
);
const materials = new TermRecognizer(
  demoLists().materials.map((m) => ({
    key: m.slug,
    phrases: Object.values(m.names).filter((n): n is string => Boolean(n)),
  })),
);
const keys = (text: string, r = techniques) => [...new Set(r.recognize(text).map((x) => x.key))];

describe('recognising techniques and materials in free text', () => {
  it('reads the French request of the acceptance test', () => {
    const text =
      "Nous cherchons une analyse DRX et MEB d'une pièce en acier corrodée près d'Esch-sur-Alzette";
    const found = techniques.recognize(text);
    expect(found.map((f) => [f.key, f.matched])).toEqual([
      ['x-ray-diffraction', 'DRX'],
      ['scanning-electron-microscopy', 'MEB'],
    ]);
    expect(keys(text, materials)).toContain('steel');
  });

  it.each([
    ['We need X-ray diffraction on a weld', 'x-ray-diffraction'],
    ['Röntgenbeugung und Rasterelektronenmikroskopie gesucht', 'x-ray-diffraction'],
    ['diffraction des rayons X sur poudre', 'x-ray-diffraction'],
    ['x-ray difraction please', 'x-ray-diffraction'],
    ['xrd on steel', 'x-ray-diffraction'],
  ])('"%s" → %s', (text, slug) => {
    expect(keys(text)).toContain(slug);
  });

  it('prefers the longest phrase and does not read acronyms into ordinary words', () => {
    expect(keys('Transmission electron microscopy')).toEqual(['transmission-electron-microscopy']);
    expect(keys('We met last week about the part')).toEqual([]);
    expect(keys('Nous avons besoin de MET')).toEqual(['transmission-electron-microscopy']);
  });

  it('forgives small typos only on long enough words', () => {
    expect(editDistance('difraction', 'diffraction', 2)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
    expect(keys('microscpy')).toEqual(keys('microscopy'));
    expect(techniques.recognize('microscpy')[0]?.exact).toBe(false);
  });

  it('reads long names whole, with a typo, rather than their first word', () => {
    expect(keys("Spectrométrie de masse d'ions secondaires à temps de vol")).toEqual(['tof-sims']);
    expect(keys('Microscopie électrnique à balayage')).toEqual(['scanning-electron-microscopy']);
    expect(keys('Spectroscopie de photoélctrons X')).toEqual(['x-ray-photoelectron-spectroscopy']);
  });

  it('takes the closest of two near phrases', () => {
    expect(keys('Kruiproef')).toEqual(['creep-testing']);
  });

  it('says which words each term covers', () => {
    const [found] = techniques.recognize('une analyse DRX sur acier');
    expect(found).toMatchObject({ key: 'x-ray-diffraction', from: 2, to: 3 });
  });
});
