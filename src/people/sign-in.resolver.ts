import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { Requires } from '../auth/access.guard.js';
import { Role } from '../auth/caller.js';
import type { RequestContext } from '../graphql/loaders.js';
import { CompleteSignInArgs, RequestSignInArgs } from './dto/people.inputs.js';
import { SignInModel, SignInRequestedModel } from './models/person.model.js';
import { toSessionModel } from './people.mapper.js';
import { PeopleService } from './people.service.js';
import { SessionsService } from './sessions.service.js';
import { SignInService } from './sign-in.service.js';

@Resolver()
export class SignInResolver {
  constructor(
    private readonly signIn: SignInService,
    private readonly sessions: SessionsService,
    private readonly people: PeopleService,
  ) {}

  @Requires(Role.ANONYMOUS)
  @Mutation(() => SignInRequestedModel, {
    description:
      'Mails a sign-in link to the address if it may sign in (invited, an expert profile’s address, or a domain of a member organisation). Answers the same either way. SIGN_IN_LIMIT_ADDRESS per address and SIGN_IN_LIMIT_CLIENT per client per window.',
  })
  requestSignIn(@Args() { email, language }: RequestSignInArgs, @Context() ctx: RequestContext) {
    return this.signIn.request(email, language, ctx);
  }

  @Requires(Role.ANONYMOUS)
  @Mutation(() => SignInModel, {
    description: 'Uses a sign-in link (once) and starts a session: its token is returned only now.',
  })
  async completeSignIn(
    @Args() { token }: CompleteSignInArgs,
    @Context() ctx: RequestContext,
  ): Promise<SignInModel> {
    const signedIn = await this.signIn.complete(token, ctx.userAgent);
    const caller = { ...ctx.caller, personId: signedIn.person.id };
    return {
      sessionToken: signedIn.sessionToken,
      session: toSessionModel(
        signedIn.session,
        this.sessions.endsAt(signedIn.session),
        signedIn.session.id,
      ),
      person: await this.people.model(signedIn.person, caller),
    };
  }
}
