import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SignedIn } from '../auth/access.guard.js';
import type { RequestContext } from '../graphql/loaders.js';
import { SessionModel, SessionsEndedModel } from './models/person.model.js';
import { toSessionModel } from './people.mapper.js';
import { SessionsService } from './sessions.service.js';

/** A person's own sessions. @SignedIn: API keys and search tokens have none. */
@Resolver()
export class SessionsResolver {
  constructor(private readonly sessions: SessionsService) {}

  @SignedIn()
  @Query(() => [SessionModel], { description: 'The live sessions of the signed-in person.' })
  async mySessions(@Context() ctx: RequestContext) {
    const list = await this.sessions.list(ctx.caller.personId ?? '');
    return list.map((s) => toSessionModel(s, this.sessions.endsAt(s), ctx.caller.sessionId));
  }

  @SignedIn()
  @Mutation(() => SessionsEndedModel, { description: 'Ends the session of this request.' })
  async signOut(@Context() ctx: RequestContext) {
    const { personId = '', sessionId = '' } = ctx.caller;
    return { count: await this.sessions.end(personId, sessionId) };
  }

  @SignedIn()
  @Mutation(() => SessionsEndedModel, {
    description: "Ends every session of the signed-in person, this request's included.",
  })
  async signOutEverywhere(@Context() ctx: RequestContext) {
    return { count: await this.sessions.endAll(ctx.caller.personId ?? '') };
  }

  @SignedIn()
  @Mutation(() => SessionsEndedModel, {
    description: 'Ends one of your sessions (an id from mySessions).',
  })
  async revokeSession(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext) {
    return { count: await this.sessions.end(ctx.caller.personId ?? '', id) };
  }
}
