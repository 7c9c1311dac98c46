import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { checkClusters } from '../../src/importer/cluster.import.js';
import { readImportFile } from '../../src/importer/import-file.reader.js';
import { Rejections } from '../../src/importer/import-report.js';
import { checkOrganisationRecords } from '../../src/importer/organisation.import.js';
import { checkTechnologyRecords } from '../../src/importer/technology.import.js';
import { checkVocabulary } from '../../src/importer/vocabulary.import.js';
import { DEMO_DATA_DIR, readDemoLists } from '../../src/seed/demo-data.reader.js';

const at = (file: string) => join(DEMO_DATA_DIR, file);

const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of demo-data/ in a temp dir, with `edit` applied to one file's parsed JSON. */
function corruptedCopy(file: string, edit: (json: any) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'kenner-demo-data-'));
  copies.push(dir);
  cpSync(DEMO_DATA_DIR, dir, { recursive: true });
  const json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  edit(json);
  writeFileSync(join(dir, file), JSON.stringify(json));
  return dir;
}

describe('demo data files', () => {
  it("pass the importer's own reader and checks, file by file", () => {
    const rejections = new Rejections();
    const clusters = checkClusters(readImportFile(at('clusters.json')), rejections);
    const organisations = checkOrganisationRecords(
      readImportFile(at('organisations.json')),
      new Set(clusters.map((c) => c.row.slug)),
      rejections,
    );
    const techniques = checkTechnologyRecords(
      readImportFile(at('technologies.json')),
      new Map(),
      rejections,
    );
    const vocabularies = readImportFile(at('vocabularies.json'));
    const materials = checkVocabulary(
      vocabularies.filter((r) => r.kind === 'materials'),
      rejections,
    );
    const sectors = checkVocabulary(
      vocabularies.filter((r) => r.kind === 'sectors'),
      rejections,
    );
    expect(rejections.list()).toEqual([]);
    expect([clusters, organisations, techniques, materials, sectors].map((l) => l.length)).toEqual([
      2, 38, 91, 26, 16,
    ]);
  });

  it('read whole for the generator, with the instrument catalogue and the demo hints', () => {
    const lists = readDemoLists();
    expect([...lists.instrumentModels.values()].flat()).toHaveLength(98);
    expect(lists.instrumentModels.get('x-ray-diffraction')).toEqual([
      'Bruker D8 Advance',
      'Malvern Panalytical Empyrean',
      'Rigaku SmartLab',
    ]);
    expect(lists.organisations[0]).toMatchObject({ key: 'list', acronym: 'LIST' });
  });

  it('refuse a corrupted copy, naming file, record and field', () => {
    const badSlug = corruptedCopy('technologies.json', (json) => {
      json.technologies[4].slug = 'Not A Slug';
    });
    expect(() => readDemoLists(badSlug)).toThrow(
      `${join(badSlug, 'technologies.json')}, technologies record 5: slug: must be lower-case`,
    );

    const badCountry = corruptedCopy('organisations.json', (json) => {
      json.organisations[1].country = 'Luxembourg';
    });
    expect(() => readDemoLists(badCountry)).toThrow(
      /organisations\.json, organisations record 2: country: /,
    );

    const badFocus = corruptedCopy('organisations.json', (json) => {
      json.organisations[0].demo.focus = ['astrology'];
    });
    expect(() => readDemoLists(badFocus)).toThrow(
      /organisations record 1: demo\.focus: no profile "astrology"/,
    );

    const badModel = corruptedCopy('instruments.json', (json) => {
      json.instruments[2].technology = 'telepathy';
    });
    expect(() => readDemoLists(badModel)).toThrow(
      /instruments\.json, instruments record 3: technology: no technique "telepathy"/,
    );
  });

  it('ship in the production image, beside dist/ as the reader expects', () => {
    const root = join(DEMO_DATA_DIR, '..');
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(finalStage).toMatch(/^COPY demo-data \.\/demo-data$/m);
    expect(finalStage).toMatch(/^COPY --from=build \/app\/dist \.\/dist$/m);
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim());
    expect(ignored.filter((line) => /^\/?demo-data\b/.test(line))).toEqual([]);
    const all = ignored.findIndex((line) => line === '*' || line === '**');
    if (all >= 0) expect(ignored.slice(all)).toContain('!demo-data');
  });

  it('refuse a file that is not JSON, naming it', () => {
    const dir = corruptedCopy('clusters.json', () => undefined);
    writeFileSync(join(dir, 'clusters.json'), '{ "clusters": [');
    expect(() => readDemoLists(dir)).toThrow(`${join(dir, 'clusters.json')}: not valid JSON`);
  });
});
