import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { notFound } from '../common/errors/domain-error.js';
import { fromGlobalId } from '../common/graphql/global-id.js';
import { ExpertEntity } from '../experts/expert.entity.js';
import { toExpertModel } from '../experts/expert.mapper.js';
import { SearchOutbox } from '../search/outbox/search-outbox.service.js';
import type { ErasureReport, ExpertDataExport } from './models/expert-data-export.model.js';

/** The rights of the people in the database: access (export) and erasure. */
@Injectable()
export class PersonalDataService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: SearchOutbox,
  ) {}

  async export(globalId: string): Promise<ExpertDataExport> {
    const id = fromGlobalId(globalId, 'Expert');
    const expert = await this.db.getRepository(ExpertEntity).findOneBy({ id });
    if (!expert) throw notFound('Expert', globalId);
    const auditTrail = await this.db
      .getRepository(AuditEntryEntity)
      .find({ where: { subject: globalId }, order: { at: 'ASC', id: 'ASC' } });
    return {
      exportedAt: new Date(),
      expert: toExpertModel(expert),
      auditTrail: auditTrail as ExpertDataExport['auditTrail'],
      derivedCopies:
        'The search index holds a copy of the public profile fields (never e-mail or phone); it is rebuilt from this record and removed with it.',
    };
  }

  /**
   * Removes the person: the profile and its links (cascade), the search documents (through the
   * outbox, in the same transaction, so their organisation's and techniques' counts follow), and
   * every audit reference, which becomes a pseudonym.
   */
  erase(globalId: string): Promise<ErasureReport> {
    const id = fromGlobalId(globalId, 'Expert');
    return this.db.transaction(async (em) => {
      const expert = await em.findOneBy(ExpertEntity, { id });
      if (!expert) throw notFound('Expert', globalId);
      await this.outbox.expertsChanged(em, [id]);
      await em.delete(ExpertEntity, id);
      const pseudonym = `erased:${createHash('sha256').update(`kenner:${id}`).digest('hex').slice(0, 24)}`;
      const rewritten = await em.update(
        AuditEntryEntity,
        { subject: globalId },
        { subject: pseudonym },
      );
      return { id: globalId, pseudonym, auditEntries: rewritten.affected ?? 0 };
    });
  }
}
