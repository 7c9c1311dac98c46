/** Ranking metrics over graded relevance (0–3); "relevant" means grade ≥ 2. */
const RELEVANT = 2;

export function reciprocalRank(grades: number[], k = 10): number {
  const i = grades.slice(0, k).findIndex((g) => g >= RELEVANT);
  return i < 0 ? 0 : 1 / (i + 1);
}

export function precision(grades: number[], k = 5): number {
  return grades.slice(0, k).filter((g) => g >= RELEVANT).length / k;
}

const dcg = (grades: number[]): number =>
  grades.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);

/** `ideal`: the grades of every candidate in the collection, in any order. */
export function ndcg(grades: number[], ideal: number[], k = 10): number {
  const best = dcg([...ideal].sort((a, b) => b - a).slice(0, k));
  return best === 0 ? 0 : dcg(grades.slice(0, k)) / best;
}

export const mean = (values: number[]): number =>
  values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
