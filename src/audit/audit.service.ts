import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, LessThan } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity.js';
import type { AuditLogArgs } from './dto/audit-log.args.js';
import type { AuditEntryModel } from './models/audit-entry.model.js';

export interface AuditRecord {
  action: string;
  keyId: string | null;
  /** The signed-in person, if a session made the write. */
  personId?: string | null;
  role: string;
  subject: string | null;
}

/** The audit trail: written after each mutation (AuditInterceptor), read by admins. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Newest first; `before` pages back in time. */
  async list({ limit, before }: AuditLogArgs): Promise<AuditEntryModel[]> {
    const rows = await this.db.getRepository(AuditEntryEntity).find({
      where: before ? { at: LessThan(before) } : {},
      order: { at: 'DESC', id: 'DESC' },
      take: limit,
    });
    return rows as AuditEntryModel[];
  }

  async record({ action, keyId, personId, role, subject }: AuditRecord): Promise<void> {
    await this.db.getRepository(AuditEntryEntity).insert({
      id: randomUUID(),
      at: new Date(),
      action,
      keyId,
      personId: personId ?? null,
      role,
      subject: subject?.slice(0, 200) ?? null,
    });
  }
}
