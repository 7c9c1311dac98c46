import { SkillLevel } from '../experts/expert-skill.entity.js';

/** How much each level of a requested skill counts. */
export const LEVEL_WEIGHT: Record<SkillLevel, number> = {
  [SkillLevel.EXPERT]: 1,
  [SkillLevel.ADVANCED]: 0.75,
  [SkillLevel.BASIC]: 0.4,
};

export interface MatchSignals {
  /** Levels of the expert in each requested technique (missing ones absent). */
  levels: SkillLevel[];
  requestedTechniques: number;
  materialMatched: boolean;
  materialsRequested: boolean;
  distanceKm: number | null;
  radiusKm: number | null;
  sharesLanguage: boolean;
  hasInstrument: boolean;
  verifiedWithinYear: boolean;
}

/**
 * The ranking, in one readable formula: covering the requested techniques well dominates; then
 * the material, being near, and the practical signals (a shared language, an instrument at hand,
 * a recently verified profile) break ties.
 */
export function matchScore(s: MatchSignals): number {
  const coverage =
    s.requestedTechniques === 0
      ? 0
      : s.levels.reduce((sum, level) => sum + LEVEL_WEIGHT[level], 0) / s.requestedTechniques;
  const proximity =
    s.distanceKm === null || s.radiusKm === null
      ? 0
      : Math.max(0, 1 - s.distanceKm / (2 * s.radiusKm));
  const score =
    4 * coverage +
    (s.materialsRequested && s.materialMatched ? 1 : 0) +
    proximity +
    (s.sharesLanguage ? 0.5 : 0) +
    (s.hasInstrument ? 0.5 : 0) +
    (s.verifiedWithinYear ? 0.2 : 0);
  return Math.round(score * 1000) / 1000;
}
