import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';

const MATCH = `query($input: MatchExpertsInput!) {
  matchExperts(input: $input) {
    place language
    technologies { technology { slug } matchedBy }
    materials { slug }
    matches {
      score distanceKm languagesInCommon
      expert { name email skills { technology { slug } } }
      matchedTechnologies { technology { slug } matchedBy level instruments { name accessMode } }
      matchedMaterials { slug }
    }
  }
}`;

describe('matching a request to experts, on the demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demoExperts: 600 });
  });
  afterAll(() => t.close());

  it('ranks XRD and SEM experts near Esch first for the French request, and explains why', async () => {
    const text =
      "Nous cherchons une analyse DRX et MEB d'une pièce en acier corrodée près d'Esch-sur-Alzette";
    const res = await t.gql(MATCH, { input: { text, limit: 10 } });
    expect(res.errors).toBeUndefined();
    const result = res.data?.matchExperts;
    expect(result.technologies.map((x: any) => [x.technology.slug, x.matchedBy])).toEqual([
      ['x-ray-diffraction', ['DRX']],
      ['scanning-electron-microscopy', ['MEB']],
    ]);
    expect(result.materials.map((m: any) => m.slug)).toContain('steel');
    expect(result.place).toBe('Esch-sur-Alzette');
    expect(result.language).toBe('fr');
    expect(result.matches).toHaveLength(10);
    for (const match of result.matches.slice(0, 5)) {
      const slugs = match.expert.skills.map((s: any) => s.technology.slug);
      expect(slugs).toEqual(
        expect.arrayContaining(['x-ray-diffraction', 'scanning-electron-microscopy']),
      );
      const cited = match.matchedTechnologies.flatMap((m: any) => m.matchedBy);
      expect(cited).toEqual(expect.arrayContaining(['DRX', 'MEB']));
      expect(typeof match.distanceKm).toBe('number');
      expect(match.expert.email).toMatch(/@/); // staff see how to reach them
    }
    const scores = result.matches.map((m: any) => m.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('takes an anonymous French inquiry end to end: staff match it by its reference', async () => {
    const submitted = await t.gql(
      `mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { reference status } }`,
      {
        input: {
          requesterName: 'Camille Martin',
          organisation: 'Forges du Sud',
          email: 'camille@forges.example',
          country: 'LU',
          description:
            "Nous cherchons une analyse DRX et MEB d'une pièce en acier corrodée près d'Esch-sur-Alzette",
          consentToContact: true,
        },
      },
      null,
    );
    expect(submitted.errors).toBeUndefined();
    const { reference } = submitted.data?.submitInquiry ?? {};
    expect(JSON.stringify(submitted.data)).not.toContain('@');
    const res = await t.gql(MATCH, { input: { inquiryId: reference, limit: 5 } });
    expect(res.errors).toBeUndefined();
    for (const match of res.data?.matchExperts.matches ?? []) {
      const cited = match.matchedTechnologies.flatMap((m: any) => m.matchedBy);
      expect(cited).toEqual(expect.arrayContaining(['DRX', 'MEB']));
      expect(typeof match.distanceKm).toBe('number');
    }
    expect(res.data?.matchExperts.matches).toHaveLength(5);
  });

  it('is for staff only', async () => {
    const anonymous = await t.gql(MATCH, { input: { text: 'XRD on steel' } }, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers a request naming no known technique with no matches, saying so', async () => {
    const res = await t.gql(MATCH, { input: { text: 'Quelqu’un pour repeindre un portail ?' } });
    expect(res.data?.matchExperts).toMatchObject({ technologies: [], matches: [] });
    const bad = await t.gql(MATCH, { input: { text: 'x', limit: 500 } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
