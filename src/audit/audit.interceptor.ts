import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { from, type Observable, switchMap } from 'rxjs';
import type { RequestContext } from '../graphql/loaders.js';
import { type AuditRecord, AuditService } from './audit.service.js';

/**
 * Writes an audit entry after every successful mutation. It runs after the write committed:
 * a failed audit insert is logged loudly but does not undo a write the caller saw succeed.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Audit');

  constructor(private readonly audit: AuditService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<{ parentType: { name: string }; fieldName: string }>();
    if (info.parentType.name !== 'Mutation') return next.handle();
    const { caller } = gql.getContext<RequestContext>();
    const args = gql.getArgs<{ id?: unknown }>();
    return next.handle().pipe(
      switchMap((result: unknown) =>
        from(
          this.record({
            action: info.fieldName,
            keyId: caller.keyId,
            personId: caller.personId ?? null,
            role: caller.role,
            subject: subjectOf(args, result),
          }).then(() => result),
        ),
      ),
    );
  }

  private async record(entry: AuditRecord): Promise<void> {
    try {
      await this.audit.record(entry);
    } catch (error) {
      this.logger.error(`audit entry for ${entry.action} not written: ${String(error)}`);
    }
  }
}

/**
 * The object the mutation acted on, in one form per object: the id of the object it returned
 * (inquiries are also named by reference, in any letter case), else the id argument (deletions).
 */
function subjectOf(args: { id?: unknown }, result: unknown): string | null {
  // An erasure reports the pseudonym: the trail must not point at the person again.
  const pseudonym = (result as { pseudonym?: unknown } | null)?.pseudonym;
  if (typeof pseudonym === 'string') return pseudonym;
  const id = (result as { id?: unknown } | null)?.id;
  if (typeof id === 'string') return id;
  if (typeof args.id === 'string') return args.id;
  const keyId = (result as { apiKey?: { id?: unknown } } | null)?.apiKey?.id;
  return typeof keyId === 'string' ? keyId : null;
}
