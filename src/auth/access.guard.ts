import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError, ErrorCode } from '../common/errors/domain-error.js';
import type { RequestContext } from '../graphql/loaders.js';
import { type Caller, Role } from './caller.js';

const RANK: Record<Role, number> = {
  [Role.ANONYMOUS]: 0,
  [Role.PARTNER]: 1,
  [Role.STAFF]: 2,
  [Role.ADMIN]: 3,
};

const REQUIRES = 'kenner:requires-role';

/** The least role a query or mutation needs. Mutations without it need STAFF. */
export const Requires = (role: Role) => SetMetadata(REQUIRES, role);

export const hasRole = (caller: Caller, role: Role): boolean => RANK[caller.role] >= RANK[role];

/**
 * Every GraphQL operation passes here. Writes are closed by default: a new mutation without
 * `@Requires` is staff-only, so forgetting the decorator can never open a write to the public.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const isMutation =
      gql.getInfo<{ parentType: { name: string } }>().parentType.name === 'Mutation';
    const required =
      this.reflector.getAllAndOverride<Role | undefined>(REQUIRES, [
        context.getHandler(),
        context.getClass(),
      ]) ?? (isMutation ? Role.STAFF : Role.ANONYMOUS);
    const { caller } = gql.getContext<RequestContext>();
    if (hasRole(caller, required)) return true;
    if (caller.role === Role.ANONYMOUS && !caller.searchToken) {
      throw new DomainError(
        ErrorCode.UNAUTHENTICATED,
        `this needs an API key with role ${required}`,
      );
    }
    throw new DomainError(
      ErrorCode.FORBIDDEN,
      caller.searchToken
        ? `this needs an API key with role ${required}: a search token only reads, as ${caller.role}`
        : `this needs role ${required}, the key has ${caller.role}`,
    );
  }
}
