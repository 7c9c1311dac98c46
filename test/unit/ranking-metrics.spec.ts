import { describe, expect, it } from '@jest/globals';
import { judgedRequests, relevance } from '../../tools/relevance/judged-requests.js';
import { ndcg, precision, reciprocalRank } from '../../tools/relevance/metrics.js';
import { generateDemoDataset } from '../../src/seed/demo/demo-generator.js';

describe('ranking metrics', () => {
  it('computes MRR@10, P@5 and nDCG@10 over graded relevance', () => {
    expect(reciprocalRank([0, 1, 2, 3])).toBeCloseTo(1 / 3);
    expect(reciprocalRank([0, 0, 1])).toBe(0);
    expect(precision([3, 0, 2, 0, 0, 3])).toBeCloseTo(2 / 5);
    expect(ndcg([3, 2, 0], [0, 2, 3, 0])).toBeCloseTo(1);
    expect(ndcg([2, 3, 0], [3, 2])).toBeLessThan(1);
    expect(ndcg([0, 0], [0, 0])).toBe(0);
  });
});

describe('the judged set', () => {
  const data = generateDemoDataset({ experts: 300, seed: 42 });
  const requests = judgedRequests(data);

  it('holds at least 40 requests in English, French, German and Dutch', () => {
    expect(requests.length).toBeGreaterThanOrEqual(40);
    expect(new Set(requests.map((r) => r.language))).toEqual(new Set(['en', 'fr', 'de', 'nl']));
    expect(requests.some((r) => /DRX|MEB|REM|XRD|SEM/.test(r.text))).toBe(true);
  });

  it('grades from the generator: every request has experts with all its techniques', () => {
    for (const request of requests) {
      const grades = data.experts.map((e) => relevance(request, e, undefined));
      expect([request.text, grades.some((g) => g >= 2)]).toEqual([request.text, true]);
    }
  });
});
