import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import { badInput } from '../common/errors/domain-error.js';
import { ExpertSkillEntity } from '../experts/expert-skill.entity.js';
import { InquiriesService } from '../inquiries/inquiries.service.js';
import { ExpertEntity } from '../experts/expert.entity.js';
import { toExpertModel } from '../experts/expert.mapper.js';
import { InstrumentEntity } from '../instruments/instrument.entity.js';
import { toInstrumentModel } from '../instruments/instrument.mapper.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { distanceKm } from '../search/faceting/geo.js';
import { toTechnologyModel } from '../technologies/technology.mapper.js';
import { toMaterialModel } from '../vocabularies/vocabulary.mapper.js';
import type { MatchExpertsInput } from './dto/match-experts.input.js';
import { matchScore } from './match-scoring.js';
import type { ExpertMatch, MatchResult } from './models/expert-match.model.js';
import { readRequest } from './request-reader.js';

const DEFAULT_RADIUS_KM = 50;
const YEAR_MS = 365 * 86_400_000;

/**
 * Staff matching: reads the request, takes every expert with at least one requested technique
 * (a few hundred at most, straight from the database — staff see everyone), scores and explains
 * each. Contact details reach staff through the Expert type's own rule.
 */
@Injectable()
export class MatchingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly inquiries: InquiriesService,
  ) {}

  async match(input: MatchExpertsInput): Promise<MatchResult> {
    const em = this.db.manager;
    const inquiry = input.inquiryId ? await this.inquiries.find(input.inquiryId) : null;
    const text = input.text ?? inquiry?.description;
    if (!text) throw badInput('text', 'give the request text or an inquiryId');
    const read = await readRequest(em, text);
    // Techniques the requester picked count like named ones, cited by their own name.
    for (const id of inquiry?.technologyIds ?? []) {
      if (read.technologies.some((t) => t.id === id)) continue;
      const tech = read.technologyRows.get(id);
      if (tech) read.technologies.push({ id, slug: tech.slug, matchedBy: [tech.name] });
    }
    const inquiryPlace =
      inquiry && inquiry.latitude !== null && inquiry.longitude !== null
        ? {
            lat: inquiry.latitude,
            lng: inquiry.longitude,
            radiusKm: inquiry.radiusKm ?? DEFAULT_RADIUS_KM,
          }
        : null;
    const near =
      input.near ??
      inquiryPlace ??
      (read.place ? { ...read.place, radiusKm: DEFAULT_RADIUS_KM } : null);
    const techIds = read.technologies.map((t) => t.id);
    const techs = read.technologies.flatMap((t) => read.technologyRows.get(t.id) ?? []);
    const materials = read.materials.flatMap((m) => read.materialRows.get(m.id) ?? []);
    const base = {
      technologies: read.technologies.flatMap((r) => {
        const tech = techs.find((t) => t.id === r.id);
        return tech ? [{ technology: toTechnologyModel(tech), matchedBy: r.matchedBy }] : [];
      }),
      materials: materials.map(toMaterialModel),
      place: read.place?.name ?? null,
      language: read.language,
    };
    if (techIds.length === 0) return { ...base, matches: [] };

    const skills = await em.findBy(ExpertSkillEntity, { technologyId: In(techIds) });
    const expertIds = [...new Set(skills.map((s) => s.expertId))];
    if (expertIds.length === 0) return { ...base, matches: [] };
    const experts = await em.find(ExpertEntity, {
      where: { id: In(expertIds) },
      relations: { materials: true },
    });
    const orgIds = [...new Set(experts.map((e) => e.organisationId))];
    const [orgs, instruments] = await Promise.all([
      em.findBy(OrganisationEntity, { id: In(orgIds) }),
      em.findBy(InstrumentEntity, { organisationId: In(orgIds), technologyId: In(techIds) }),
    ]);
    const orgById = new Map(orgs.map((o) => [o.id, o]));
    const materialIds = new Set(read.materials.map((m) => m.id));
    const now = Date.now();

    const matches: ExpertMatch[] = experts.map((expert) => {
      const own = skills.filter((s) => s.expertId === expert.id);
      const org = orgById.get(expert.organisationId);
      const here =
        near && org?.latitude != null && org.longitude != null
          ? distanceKm(near, { lat: org.latitude, lng: org.longitude })
          : null;
      const matchedTechnologies = own.flatMap((skill) => {
        const tech = techs.find((t) => t.id === skill.technologyId);
        const request = read.technologies.find((r) => r.id === skill.technologyId);
        if (!tech || !request) return [];
        return [
          {
            technology: toTechnologyModel(tech),
            matchedBy: request.matchedBy,
            level: skill.level,
            instruments: instruments
              .filter(
                (i) => i.organisationId === expert.organisationId && i.technologyId === tech.id,
              )
              .map(toInstrumentModel),
          },
        ];
      });
      const matchedMaterials = (expert.materials ?? []).filter((m) => materialIds.has(m.id));
      const languagesInCommon =
        read.language && expert.languages.includes(read.language) ? [read.language] : [];
      const verified = expert.lastVerifiedAt ? Date.parse(expert.lastVerifiedAt) : null;
      return {
        expert: toExpertModel(expert),
        score: matchScore({
          levels: own.map((s) => s.level),
          requestedTechniques: techIds.length,
          materialMatched: matchedMaterials.length > 0,
          materialsRequested: materialIds.size > 0,
          distanceKm: here,
          radiusKm: near?.radiusKm ?? null,
          sharesLanguage: languagesInCommon.length > 0,
          hasInstrument: matchedTechnologies.some((m) => m.instruments.length > 0),
          verifiedWithinYear: verified !== null && now - verified < YEAR_MS,
        }),
        matchedTechnologies,
        matchedMaterials: matchedMaterials.map(toMaterialModel),
        distanceKm: here,
        languagesInCommon,
        lastVerifiedAt: expert.lastVerifiedAt,
      };
    });
    matches.sort((a, b) => b.score - a.score || a.expert.name.localeCompare(b.expert.name));
    return { ...base, matches: matches.slice(0, input.limit ?? 10) };
  }
}
