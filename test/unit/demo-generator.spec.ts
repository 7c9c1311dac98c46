import { describe, expect, it } from '@jest/globals';
import { demoLists } from '../../src/seed/demo-data.reader.js';
import { generateDemoDataset } from '../../src/seed/demo/demo-generator.js';
import { DEMO_PROFILES } from '../../src/seed/demo/profiles.js';
import { rootOf } from '../../src/technologies/taxonomy.js';

const data = generateDemoDataset();
const slugs = new Set(data.techniques.map((t) => t.slug));

describe('demo dataset', () => {
  it('has the size the product promises', () => {
    expect(data.techniques.length).toBeGreaterThanOrEqual(80);
    expect(data.organisations.length).toBeGreaterThanOrEqual(30);
    expect(data.instruments.length).toBeGreaterThanOrEqual(60);
    expect(data.experts.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(data.organisations.map((o) => o.country))).toEqual(
      new Set(['LU', 'BE', 'FR', 'DE', 'NL']),
    );
    expect(data.clusters.map((c) => c.slug)).toEqual(expect.arrayContaining(['lmmc', 'techland']));
  });

  it('has a taxonomy tree: unique slugs, existing parents, no cycles, four languages', () => {
    expect(slugs.size).toBe(data.techniques.length);
    const parentOf = new Map(data.techniques.map((t) => [t.slug, t.parent]));
    for (const t of data.techniques) {
      if (t.parent) expect([t.slug, slugs.has(t.parent)]).toEqual([t.slug, true]);
      expect([t.slug, rootOf(t.slug, (s) => parentOf.get(s))]).not.toEqual([t.slug, null]);
      for (const name of Object.values(t.names)) expect(name.trim()).not.toBe('');
    }
  });

  it('knows XRD by its names in the region', () => {
    const xrd = data.techniques.find((t) => t.slug === 'x-ray-diffraction');
    expect(xrd?.acronyms).toEqual(expect.arrayContaining(['XRD', 'DRX']));
    expect(xrd?.names).toMatchObject({ fr: 'Diffraction des rayons X', de: 'Röntgenbeugung' });
  });

  it('only refers to things that exist', () => {
    const materials = new Set(data.materials.map((m) => m.slug));
    const sectors = new Set(data.sectors.map((s) => s.slug));
    const profiles = new Set(DEMO_PROFILES.map((p) => p.key));
    const orgs = new Set(data.organisations.map((o) => o.key));
    for (const p of DEMO_PROFILES) {
      for (const s of [...p.core, ...p.optional])
        expect([p.key, s, slugs.has(s)]).toEqual([p.key, s, true]);
      for (const m of p.materials) expect(materials.has(m)).toBe(true);
      for (const s of p.sectors) expect(sectors.has(s)).toBe(true);
    }
    for (const o of data.organisations) for (const f of o.focus) expect(profiles.has(f)).toBe(true);
    for (const slug of demoLists().instrumentModels.keys()) expect(slugs.has(slug)).toBe(true);
    for (const i of data.instruments)
      expect(orgs.has(i.organisation) && slugs.has(i.technique)).toBe(true);
  });

  it('makes experts whose skills fit their profile, with unique e-mails', () => {
    const profiles = new Map(DEMO_PROFILES.map((p) => [p.key, p]));
    for (const e of data.experts) {
      const profile = profiles.get(e.profile);
      const allowed = new Set([...(profile?.core ?? []), ...(profile?.optional ?? [])]);
      expect(e.skills.every((s) => allowed.has(s.technique))).toBe(true);
      expect(new Set(e.skills.map((s) => s.technique)).size).toBe(e.skills.length);
    }
    expect(new Set(data.experts.map((e) => e.email)).size).toBe(data.experts.length);
    const visibility =
      data.experts.filter((e) => e.visibility === 'PUBLIC').length / data.experts.length;
    expect(visibility).toBeGreaterThan(0.6);
    expect(visibility).toBeLessThan(0.9);
  });

  it('is deterministic and scales', () => {
    expect(generateDemoDataset({ experts: 30, seed: 7 })).toEqual(
      generateDemoDataset({ experts: 30, seed: 7 }),
    );
    expect(generateDemoDataset({ experts: 30, seed: 8 }).experts).not.toEqual(
      generateDemoDataset({ experts: 30, seed: 7 }).experts,
    );
    const big = generateDemoDataset({ experts: 100_000 });
    expect(new Set(big.experts.map((e) => e.email)).size).toBe(100_000);
  });
});
