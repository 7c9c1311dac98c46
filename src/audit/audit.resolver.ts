import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan } from 'typeorm';
import { Requires } from '../auth/access.guard.js';
import { Role } from '../auth/caller.js';
import { badInput } from '../common/errors/domain-error.js';
import { AuditEntryEntity } from './audit-entry.entity.js';
import { AuditEntryModel } from './models/audit-entry.model.js';

@Resolver()
export class AuditResolver {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Requires(Role.ADMIN)
  @Query(() => [AuditEntryModel], {
    description: 'Staff and admin writes, newest first. Admins only. Page with `before`.',
  })
  async auditLog(
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
    @Args('before', { nullable: true, description: 'Only entries older than this instant.' })
    before?: Date,
  ) {
    if (limit < 1 || limit > 500) throw badInput('limit', 'must be between 1 and 500');
    const rows = await this.db.getRepository(AuditEntryEntity).find({
      where: before ? { at: LessThan(before) } : {},
      order: { at: 'DESC', id: 'DESC' },
      take: limit,
    });
    return rows as AuditEntryModel[];
  }
}
