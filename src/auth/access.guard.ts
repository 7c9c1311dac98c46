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
const SIGNED_IN = 'kenner:signed-in';

/** The least role a query or mutation needs. Mutations without it need STAFF. */
export const Requires = (role: Role) => SetMetadata(REQUIRES, role);

/**
 * Open to any signed-in person (a session token), whatever their role, and to nobody else: what
 * is about oneself (`mySessions`, `signOut`). API keys and search tokens are refused.
 */
export const SignedIn = () => SetMetadata(SIGNED_IN, true);

/**
 * A signed-in person, or the guest of a conversation link (`caller.guest`): what a participant
 * does in a conversation (read, post, mark read, subscribe). The service then holds the guest to
 * their one conversation (conversation-access.ts).
 */
export const Participant = () => SetMetadata(SIGNED_IN, 'or-guest');

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
    const signedIn = this.reflector.getAllAndOverride<boolean | 'or-guest' | undefined>(SIGNED_IN, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (signedIn === 'or-guest' && caller.guest) return true;
    if (signedIn) return this.person(caller);
    if (hasRole(caller, required)) return true;
    if (caller.personId) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        `this needs role ${required}; the signed-in person reads as ${caller.role}`,
      );
    }
    if (caller.guest) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        `this needs role ${required}; a conversation link only takes part in its conversation`,
      );
    }
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

  private person(caller: Caller): boolean {
    if (caller.personId) return true;
    const anonymous = caller.role === Role.ANONYMOUS && !caller.searchToken && !caller.guest;
    throw new DomainError(
      anonymous ? ErrorCode.UNAUTHENTICATED : ErrorCode.FORBIDDEN,
      'this needs a signed-in person (a session token from completeSignIn)' +
        (anonymous ? '' : ', not an API key, a search token or a conversation link'),
    );
  }
}
