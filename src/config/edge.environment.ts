import { Transform } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { toBoolean, toInt, toList } from './env-transforms.js';

/**
 * The limits of the GraphQL edge (see src/edge and README "GraphQL edge"): what one request may
 * ask for, how often a client may ask, and which browser origins may read the answers. Every
 * default is safe for a public deployment; `Environment` extends this class.
 */
export class EdgeEnvironment {
  /** Deepest field nesting a query may have (introspection is bounded by graphql-js itself). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  GRAPHQL_MAX_DEPTH = 12;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1000)
  GRAPHQL_MAX_ALIASES = 30;

  /** Lexical tokens a document may hold: bounds parse and validation time (~100 ms worst case). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(100_000)
  GRAPHQL_MAX_TOKENS = 2000;

  /** Characters of the `query` text, refused before it is parsed. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(1_000_000)
  GRAPHQL_MAX_QUERY_LENGTH = 10_000;

  /**
   * Cost budget of one operation for callers without an API key (see query-cost.ts). A full page
   * of 100 experts with skills, materials, sectors and clusters costs about 17,000; a connection
   * of 100 nested in another of 100 costs over 20,000.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  GRAPHQL_COST_ANONYMOUS = 20_000;

  /** Cost budget of one operation for callers with an API key. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  GRAPHQL_COST_KEYED = 100_000;

  /** Unset: introspection on, except with NODE_ENV=production. The SDL is published either way. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  GRAPHQL_INTROSPECTION?: boolean = undefined;

  /** Largest request body, in KiB: a bigger one is answered 413 before it is parsed. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_240)
  BODY_LIMIT_KB = 100;

  /**
   * GraphQL requests executing at once; the others wait in arrival order (src/edge/request-gate.ts
   * says why). Few suffice: a request mostly waits on Meilisearch or the database. At 200
   * connections on 2 cores (20,000 experts), 4 served the most: 69 req/s, against 60 with 2, 45
   * with 8, and timeouts with 32 or more.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  GRAPHQL_MAX_IN_FLIGHT = 4;

  /** GraphQL requests that may wait for a place; one more is answered 503 with Retry-After. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100_000)
  GRAPHQL_MAX_WAITING = 1000;

  /** Length of the fixed rate-limit window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  /**
   * Requests per window per client IP without an API key; 0 turns the limit off. Generous (5 a
   * second sustained) because, until API keys are issued, partner sites call anonymously too.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_ANONYMOUS = 300;

  /** Requests per window per API key; 0 turns the limit off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_KEYED = 3000;

  /**
   * `createSearchToken`s per RATE_LIMIT_WINDOW_SECONDS per client IP without an API key; 0 turns
   * it off. A page mints one per visit and one per refresh (every ~10 minutes), far fewer than
   * it searches, and each token is a credential handed to whoever asks.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  SEARCH_TOKEN_LIMIT = 30;

  /**
   * Where the counts of every limit above and below are kept (src/rate-limits/): `memory` (this
   * process only: right for one process, and the embedded setup needs nothing else), `postgres`
   * (a table of DATABASE_URL's database) or `redis` (REDIS_URL). Unset: `redis` when REDIS_URL is
   * set, else `memory` (see `loadEnvironment`). With several API processes, choose a shared one,
   * or each process grants the whole allowance (docs/scaling.md).
   */
  @IsIn(['memory', 'postgres', 'redis'])
  RATE_LIMIT_STORE: 'memory' | 'postgres' | 'redis' = 'memory';

  /**
   * What a limit does while its shared store cannot be reached: `open` counts in this process
   * alone until it is back (each process then grants the whole allowance, as without a shared
   * store) and logs a warning once a minute; `closed` refuses what it would count with 503
   * RATE_LIMIT_UNAVAILABLE. Open by default: the limits guard against floods, not against access
   * anyone lacks, and a store outage should not take public search down with it.
   */
  @IsIn(['open', 'closed'])
  RATE_LIMIT_STORE_FAILURE: 'open' | 'closed' = 'open';

  /** Length of the window of the inquiry limits below (an hour by default). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(604_800)
  INQUIRY_WINDOW_SECONDS = 3600;

  /**
   * `submitInquiry`s per window naming one requester address (case and `+tag` ignored); 0 turns
   * the limit off. Each one mails that address, which the submitter need not own.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  INQUIRY_LIMIT_ADDRESS = 3;

  /** `submitInquiry`s per window per API key, or per client IP without one; 0 turns it off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  INQUIRY_LIMIT_CLIENT = 20;

  /** Length of the window of the sign-in limits below (an hour by default). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(604_800)
  SIGN_IN_WINDOW_SECONDS = 3600;

  /**
   * `requestSignIn`s per window naming one address (case and `+tag` ignored), known or not; 0
   * turns the limit off. Each one may mail that address, which the requester need not own.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  SIGN_IN_LIMIT_ADDRESS = 5;

  /** `requestSignIn`s per window per client IP (per API key for a keyed caller); 0 turns it off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  SIGN_IN_LIMIT_CLIENT = 20;

  /**
   * Messages (conversation openings included) one signed-in person may post per window, counted
   * in the rate limits' store; 0 turns the limit off.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  MESSAGE_LIMIT_PERSON = 30;

  /** Length of the window of MESSAGE_LIMIT_PERSON. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  MESSAGE_WINDOW_SECONDS = 60;

  /**
   * Largest WebSocket message (frame) the GraphQL socket accepts, in bytes; a larger one closes
   * the socket (1009). A subscription's query is at most GRAPHQL_MAX_QUERY_LENGTH characters.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1_024)
  @Max(10_485_760)
  WS_MAX_PAYLOAD_BYTES = 65_536;

  /** Subscriptions one WebSocket may hold open at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000)
  WS_MAX_SUBSCRIPTIONS = 20;

  /** WebSocket connections one client IP may open per minute, in the rate limits' store; 0: none. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  WS_CONNECTION_LIMIT = 30;

  /**
   * Reverse proxies in front of Kenner whose X-Forwarded-For is believed (Express `trust proxy`).
   * 0: the client IP is the socket's peer, and X-Forwarded-For is ignored, so it cannot be forged.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10)
  TRUST_PROXY_HOPS = 0;

  /** Browser origins that may read anonymous answers (comma-separated); keys carry their own. */
  @Transform(toList)
  @IsArray()
  @Matches(/^https?:\/\/[^/\s,]+$/, {
    each: true,
    message: 'must be a comma-separated list of origins such as https://example.org',
  })
  CORS_ORIGINS: string[] = [];
}
