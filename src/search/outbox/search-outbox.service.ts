import { Injectable } from '@nestjs/common';
import { type EntityManager, IsNull, Not } from 'typeorm';
import { childrenById, subtreeOf } from '../../technologies/taxonomy.js';
import { EXPERTS_INDEX } from '../indexes/experts.index.js';
import { FAQ_INDEX } from '../indexes/faq.index.js';
import { ORGANISATIONS_INDEX } from '../indexes/organisations.index.js';
import { placeholders } from '../indexes/projection.js';
import { allQuestionDocumentIds } from '../indexes/question.document.js';
import { QUESTIONS_INDEX } from '../indexes/questions.index.js';
import {
  SEARCH_INDEXES,
  SETTINGS_DOCUMENT,
  settingsOutboxName,
} from '../indexes/search-indexes.js';
import { TECHNOLOGIES_INDEX } from '../indexes/technologies.index.js';
import { SearchOutboxEntity } from './search-outbox.entity.js';
import { noteOutboxWritten } from './outbox-commits.js';

const CHUNK = 300;

/**
 * Records, inside the caller's transaction, which search documents a write makes stale —
 * including the fan-out: renaming a technique or moving an organisation touches every document
 * that embeds it. This is the one place that knows what embeds what:
 * - an expert document embeds its organisation, clusters, techniques (with ancestors), vocabulary;
 * - an organisation document embeds its clusters, instruments, and its public experts' techniques
 *   and count;
 * - a technology document embeds its ancestors' names and its public experts' count;
 * - a FAQ document embeds its category's names and the techniques its text mentions;
 * - a question document embeds its answers, clusters, category and mentioned techniques; each
 *   hidden answer is a document of its own.
 * A write that can move something (an expert to another organisation, a skill to another
 * technique) is reported before and after, so both the old and the new holders are refreshed.
 */
@Injectable()
export class SearchOutbox {
  async expertsChanged(em: EntityManager, expertIds: string[]): Promise<void> {
    if (expertIds.length === 0) return;
    await enqueue(em, EXPERTS_INDEX, expertIds);
    const orgs: string[] = [];
    const techs: string[] = [];
    for (const part of chunks(unique(expertIds))) {
      const inList = placeholders(em, part.length);
      const [o, t] = await Promise.all([
        em.query<{ id: string }[]>(
          `SELECT DISTINCT "organisationId" AS id FROM experts WHERE id IN (${inList})`,
          part,
        ),
        em.query<{ id: string }[]>(
          `SELECT DISTINCT "technologyId" AS id FROM expert_skills WHERE "expertId" IN (${inList})`,
          part,
        ),
      ]);
      orgs.push(...o.map((r) => r.id));
      techs.push(...t.map((r) => r.id));
    }
    await enqueue(em, ORGANISATIONS_INDEX, orgs);
    await enqueue(em, TECHNOLOGIES_INDEX, techs);
  }

  /**
   * An expert erased: the document is deleted like any removed row, and the rows parked for it
   * go (their error may quote the document).
   */
  async expertErased(em: EntityManager, expertId: string): Promise<void> {
    await em.delete(SearchOutboxEntity, {
      indexName: EXPERTS_INDEX,
      documentId: expertId,
      parkedAt: Not(IsNull()),
    });
    await this.expertsChanged(em, [expertId]);
  }

  async organisationsChanged(em: EntityManager, organisationIds: string[]): Promise<void> {
    if (organisationIds.length === 0) return;
    await enqueue(em, ORGANISATIONS_INDEX, organisationIds);
    const experts = await this.select(
      em,
      `SELECT id FROM experts WHERE "organisationId" IN`,
      organisationIds,
    );
    await enqueue(em, EXPERTS_INDEX, experts);
  }

  /**
   * A technique's names or place changed: its documents and those of everything below it
   * (paths, ancestors), the experts and organisations that embed any of them, and the synonyms.
   */
  async technologiesChanged(em: EntityManager, technologyIds: string[]): Promise<void> {
    if (technologyIds.length === 0) return;
    await this.taxonomyChanged(em);
    const subtree = await this.subtree(em, technologyIds);
    await enqueue(em, TECHNOLOGIES_INDEX, subtree);
    const experts = await this.select(
      em,
      `SELECT DISTINCT "expertId" AS id FROM expert_skills WHERE "technologyId" IN`,
      subtree,
    );
    await enqueue(em, EXPERTS_INDEX, experts);
    const orgs = [
      ...(await this.select(
        em,
        `SELECT DISTINCT e."organisationId" AS id FROM expert_skills s JOIN experts e ON e.id = s."expertId" WHERE s."technologyId" IN`,
        subtree,
      )),
      ...(await this.select(
        em,
        `SELECT DISTINCT "organisationId" AS id FROM instruments WHERE "technologyId" IN`,
        subtree,
      )),
    ];
    await enqueue(em, ORGANISATIONS_INDEX, orgs);
    // Which entries mention a technique is known only by reading them: the FAQ is small and
    // techniques change rarely, so every entry is read again.
    const faq = await em.query<{ id: string }[]>(`SELECT id FROM faq_entries`);
    await enqueue(
      em,
      FAQ_INDEX,
      faq.map((r) => r.id),
    );
    // The same for the forum, which is larger but changes with the taxonomy just as rarely.
    await enqueue(em, QUESTIONS_INDEX, await allQuestionDocumentIds(em));
  }

  /** An instrument shows on its organisation's document; report it before and after a change. */
  async instrumentChanged(em: EntityManager, organisationId: string): Promise<void> {
    await enqueue(em, ORGANISATIONS_INDEX, [organisationId]);
  }

  async faqEntriesChanged(em: EntityManager, entryIds: string[]): Promise<void> {
    await enqueue(em, FAQ_INDEX, entryIds);
  }

  /**
   * Questions asked, edited, answered, accepted, hidden, restored, opened or deleted (report a
   * deletion before it): their documents and those of all their answers, so an answer hidden or
   * restored gains or loses its own document.
   */
  async questionsChanged(em: EntityManager, questionIds: string[]): Promise<void> {
    if (questionIds.length === 0) return;
    await enqueue(em, QUESTIONS_INDEX, questionIds);
    const answers = await this.select(
      em,
      `SELECT id FROM forum_answers WHERE "questionId" IN`,
      questionIds,
    );
    await enqueue(em, QUESTIONS_INDEX, answers);
  }

  /** Synonyms derive from the taxonomy: ask the relay to re-apply every index's settings. */
  async taxonomyChanged(em: EntityManager): Promise<void> {
    for (const name of Object.keys(SEARCH_INDEXES)) {
      await enqueue(em, settingsOutboxName(name), [SETTINGS_DOCUMENT]);
    }
  }

  async clustersChanged(em: EntityManager, clusterIds: string[]): Promise<void> {
    if (clusterIds.length === 0) return;
    const orgs = await this.select(
      em,
      `SELECT "organisationId" AS id FROM organisation_clusters WHERE "clusterId" IN`,
      clusterIds,
    );
    await this.organisationsChanged(em, orgs);
    // A question's clusters decide who reads it; their slugs are in its document.
    const questions = await this.select(
      em,
      `SELECT "questionId" AS id FROM forum_question_clusters WHERE "clusterId" IN`,
      clusterIds,
    );
    await this.questionsChanged(em, questions);
  }

  async vocabularyChanged(
    em: EntityManager,
    kind: 'Material' | 'Sector',
    entryId: string,
  ): Promise<void> {
    const [table, column] =
      kind === 'Material' ? ['expert_materials', 'materialId'] : ['expert_sectors', 'sectorId'];
    const experts = await this.select(
      em,
      `SELECT "expertId" AS id FROM ${table} WHERE "${column}" IN`,
      [entryId],
    );
    await enqueue(em, EXPERTS_INDEX, experts);
  }

  /** Runs `sql IN (…)` over `ids` in chunks; returns the distinct `id` column. */
  private async select(em: EntityManager, sql: string, ids: string[]): Promise<string[]> {
    const out: string[] = [];
    for (const part of chunks(unique(ids))) {
      const rows = await em.query<{ id: string }[]>(
        `${sql} (${placeholders(em, part.length)})`,
        part,
      );
      out.push(...rows.map((r) => r.id));
    }
    return unique(out);
  }

  private async subtree(em: EntityManager, roots: string[]): Promise<string[]> {
    const all = await em.query<{ id: string; parentId: string | null }[]>(
      `SELECT id, "parentId" FROM technologies`,
    );
    return subtreeOf(roots, childrenById(all));
  }
}

/** Adds one outbox row per document; duplicates are collapsed later by the relay. */
export async function enqueue(
  em: EntityManager,
  indexName: string,
  documentIds: string[],
): Promise<void> {
  noteOutboxWritten(em);
  for (const part of chunks(unique(documentIds))) {
    await em
      .createQueryBuilder()
      .insert()
      .into(SearchOutboxEntity)
      .values(part.map((documentId) => ({ indexName, documentId })))
      .execute();
  }
}

function chunks(ids: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(ids.slice(i, i + CHUNK));
  return out;
}

const unique = (ids: string[]) => [...new Set(ids)];
