import { randomUUID } from 'node:crypto';
import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { from, type Observable, switchMap } from 'rxjs';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '../graphql/loaders.js';
import { AuditEntryEntity } from './audit-entry.entity.js';

/**
 * Writes an audit entry after every successful mutation. It runs after the write committed:
 * a failed audit insert is logged loudly but does not undo a write the caller saw succeed.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Audit');

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<{ parentType: { name: string }; fieldName: string }>();
    if (info.parentType.name !== 'Mutation') return next.handle();
    const { caller } = gql.getContext<RequestContext>();
    const args = gql.getArgs<{ id?: unknown }>();
    return next
      .handle()
      .pipe(
        switchMap((result: unknown) =>
          from(
            this.record(info.fieldName, caller.keyId, caller.role, subjectOf(args, result)).then(
              () => result,
            ),
          ),
        ),
      );
  }

  private async record(action: string, keyId: string | null, role: string, subject: string | null) {
    try {
      await this.db.getRepository(AuditEntryEntity).insert({
        id: randomUUID(),
        at: new Date(),
        action,
        keyId,
        role,
        subject: subject?.slice(0, 200) ?? null,
      });
    } catch (error) {
      this.logger.error(`audit entry for ${action} not written: ${String(error)}`);
    }
  }
}

/** The id argument, or the id of the object the mutation returned (creations). */
function subjectOf(args: { id?: unknown }, result: unknown): string | null {
  // An erasure reports the pseudonym: the trail must not point at the person again.
  const pseudonym = (result as { pseudonym?: unknown } | null)?.pseudonym;
  if (typeof pseudonym === 'string') return pseudonym;
  if (typeof args.id === 'string') return args.id;
  const id = (result as { id?: unknown; apiKey?: { id?: unknown } } | null)?.id;
  if (typeof id === 'string') return id;
  const keyId = (result as { apiKey?: { id?: unknown } } | null)?.apiKey?.id;
  return typeof keyId === 'string' ? keyId : null;
}
