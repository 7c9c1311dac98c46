import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { type Observable, tap } from 'rxjs';
import { DemandService, type SearchDemand } from './demand.service.js';
import { DemandSource } from './search-demand.entity.js';

/** Filters whose values are technique slugs. */
const TECHNIQUE_FACETS = new Set(['TECHNOLOGY', 'TECHNIQUE_CATEGORY']);

interface SearchArgs {
  query?: string;
  input?: {
    query?: string | null;
    filters?: { facet: string; values: string[] }[] | null;
    near?: unknown;
  };
}

interface SearchResult {
  totalHits?: number;
  expertTotal?: number;
  organisationTotal?: number;
  technologyTotal?: number;
}

/**
 * Put on the search resolver: records each successful search as demand. Only reads the
 * arguments and the result; a failure here is logged and never reaches the caller.
 */
@Injectable()
export class DemandInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Demand');

  constructor(private readonly demand: DemandService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const gql = GqlExecutionContext.create(context);
    const field = gql.getInfo<{ fieldName: string }>().fieldName;
    const args = gql.getArgs<SearchArgs>();
    return next.handle().pipe(
      tap((result) => {
        try {
          const demand = demandOf(field, args, result as SearchResult);
          if (demand) this.demand.recordSearch(demand);
        } catch (error) {
          this.logger.error(`could not record a search: ${String(error)}`);
        }
      }),
    );
  }
}

function demandOf(field: string, args: SearchArgs, result: SearchResult): SearchDemand | null {
  const filtered = (args.input?.filters ?? [])
    .filter((f) => TECHNIQUE_FACETS.has(f.facet))
    .flatMap((f) => f.values);
  const base = {
    query: args.input?.query,
    technologySlugs: filtered,
    totalHits: result.totalHits ?? 0,
  };
  switch (field) {
    case 'searchExperts':
      return { ...base, source: DemandSource.SEARCH_EXPERTS, near: Boolean(args.input?.near) };
    case 'searchOrganisations':
      return { ...base, source: DemandSource.SEARCH_ORGANISATIONS };
    case 'searchTechnologies':
      return { ...base, source: DemandSource.SEARCH_TECHNOLOGIES };
    case 'search':
      return {
        source: DemandSource.SEARCH,
        query: args.query,
        totalHits:
          (result.expertTotal ?? 0) +
          (result.organisationTotal ?? 0) +
          (result.technologyTotal ?? 0),
      };
    default:
      return null; // autocomplete and the like are not demand
  }
}
