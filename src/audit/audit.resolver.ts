import { Args, Query, Resolver } from '@nestjs/graphql';
import { Requires } from '../auth/access.guard.js';
import { Role } from '../auth/caller.js';
import { AuditService } from './audit.service.js';
import { AuditLogArgs } from './dto/audit-log.args.js';
import { AuditEntryModel } from './models/audit-entry.model.js';

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Requires(Role.ADMIN)
  @Query(() => [AuditEntryModel], {
    description:
      'Writes (by keys and signed-in people), newest first. Admins only. Page with `before`.',
  })
  auditLog(@Args() args: AuditLogArgs) {
    return this.audit.list(args);
  }
}
