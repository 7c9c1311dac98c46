import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../graphql/loaders.js';
import { TechnologyModel } from '../../technologies/models/technology.model.js';
import type { TechnologyEntity } from '../../technologies/technology.entity.js';
import { toTechnologyModel } from '../../technologies/technology.mapper.js';
import { ExpertSearchHit } from './models/expert-search.models.js';

@Resolver(() => ExpertSearchHit)
export class ExpertSearchHitResolver {
  /**
   * Read only when asked for. The matched techniques are the expert's own (a document lists the
   * expert's skills), so they come with the skills the page reads anyway; a slug the skills lack
   * (a document older than a change of skills) is looked up by itself.
   */
  @ResolveField(() => [TechnologyModel], {
    description: "The expert's techniques the query matched.",
  })
  async matchedTechnologies(@Parent() hit: ExpertSearchHit, @Context() ctx: RequestContext) {
    if (hit.matchedSlugs.length === 0) return [];
    const skills = await ctx.loaders.skillsByExpert.load(hit.expert.dbId);
    const own = new Map<string, TechnologyEntity>(
      skills.flatMap((s) => (s.technology ? [[s.technology.slug, s.technology] as const] : [])),
    );
    const techs = await Promise.all(
      hit.matchedSlugs.map(
        async (slug) => own.get(slug) ?? (await ctx.loaders.technologyBySlug.load(slug)),
      ),
    );
    return techs.flatMap((tech) => (tech ? [toTechnologyModel(tech)] : []));
  }
}
