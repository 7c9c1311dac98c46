import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { UserError } from '../common/errors/user-error.js';
import { constraintMessage } from '../common/validation/constraint-message.js';
import { EdgeEnvironment } from './edge.environment.js';
import { toBoolean, toInt } from './env-transforms.js';

/**
 * Every setting Kenner reads from the environment, validated once at boot. A bad value stops
 * the start with one line naming the variable and the problem, before anything is opened.
 * The GraphQL edge's limits (sizes, costs, rate limits, CORS) live in `EdgeEnvironment`.
 */
export class Environment extends EdgeEnvironment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @MinLength(1)
  HOST = '127.0.0.1';

  /** Where the embedded SQLite database (and later the local search engine) keep their files. */
  @IsString()
  @MinLength(1)
  DATA_DIR = './data';

  /** When set, PostgreSQL is used instead of the embedded SQLite. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /**
   * A Redis server (`redis://[user:pass@]host:6379[/db]`, or `rediss://`) holding the rate limits'
   * counts, shared by every API process (RATE_LIMIT_STORE), and carrying the conversations' live
   * events between them (pub/sub, nothing kept). Nothing else is kept there.
   */
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Prepended to every key Kenner writes in Redis: lets deployments (or tests) share one server. */
  @Matches(/^[a-zA-Z0-9:_.-]*$/, { message: 'may hold only letters, digits, :, _, . and -' })
  REDIS_KEY_PREFIX = 'kenner:';

  /**
   * Load the demo dataset on start when the database holds no experts. Unset: on, except with
   * NODE_ENV=production, so a production database never fills with fictitious experts by accident
   * (see `loadEnvironment`); SEED_DEMO=true still seeds there.
   */
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  SEED_DEMO = true;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  DEMO_EXPERTS = 1200;

  /** An external Meilisearch (production: the official image). Unset: the bundled one is started. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http:// or https:// URL' })
  MEILI_HOST?: string;

  /**
   * Kenner's own public URL (`https://kenner.example`), as browsers reach it through the TLS proxy.
   * Search tokens name `<PUBLIC_URL>/search` as their host. Unset: the URL each request was sent to
   * (its Host and, behind TRUST_PROXY_HOPS proxies, X-Forwarded-Host/-Proto).
   */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.replace(/\/+$/, '') : value,
  )
  @Matches(/^https?:\/\/[^/\s?#]+(\/[^\s?#]*)?$/, {
    message: 'must be an http:// or https:// URL without query or fragment',
  })
  PUBLIC_URL?: string;

  /**
   * The search URL handed to browsers with search tokens instead of Kenner's own
   * (`<PUBLIC_URL>/search`): only for an operator who already publishes Meilisearch elsewhere.
   */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http:// or https:// URL' })
  MEILI_PUBLIC_HOST?: string;

  /** The master key of that external server (the bundled one keeps its own under DATA_DIR). */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  MEILI_MASTER_KEY?: string;

  /** Prepended to every index name: lets several deployments or test runs share one server. */
  @Matches(/^[a-zA-Z0-9_-]*$/, { message: 'may hold only letters, digits, - and _' })
  MEILI_INDEX_PREFIX = '';

  /** Registered as an admin API key at start when no admin key exists (then it can be unset). */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  BOOTSTRAP_ADMIN_KEY?: string;

  /**
   * Keys the pseudonyms that replace an erased person in the audit trail, so nobody without it
   * can recompute one from an old id. Unset: generated once and kept in `DATA_DIR/erasure-secret`.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  ERASURE_SECRET?: string;

  /** Indexing memory of the bundled server (Meilisearch takes 2/3 of RAM by default). */
  @Matches(/^\d+(Kb|Mb|Gb|KiB|MiB|GiB)$/i, { message: 'must be a size such as 256Mb' })
  MEILI_MAX_INDEXING_MEMORY = '256Mb';

  /** Run the outbox → Meilisearch relay in this process (command-line tools turn it off). */
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  SEARCH_RELAY = true;

  /** Run the notification outbox → mail relay in this process (command-line tools turn it off). */
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  NOTIFICATION_RELAY = true;

  /** Outgoing mail server, e.g. `smtp://user:pass@mail.example:587`. Unset: mails are only logged. */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** Sender of every notification. */
  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Kenner <no-reply@kenner.local>';

  /** The cluster staff's address for "inquiry received". Unset: that notification is only logged. */
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  NOTIFY_STAFF_EMAIL?: string;

  /** How long a mailed sign-in link works (it works once). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  SIGN_IN_LINK_MINUTES = 15;

  /** A session unused this long is ended (signed out). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  SESSION_IDLE_DAYS = 30;

  /** A session ends this long after sign-in, however much it is used. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  SESSION_MAX_DAYS = 90;

  /** A conversation link mailed to a requester without an account works this long. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  CONVERSATION_LINK_DAYS = 30;

  /** Mail profile reminders from this process (command-line tools turn it off). */
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  PROFILE_REMINDERS = true;

  /** An expert profile not confirmed this long is stale: its expert is reminded, once per period. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(120)
  PROFILE_REMINDER_MONTHS = 12;

  /**
   * At most this many profile reminders an hour: a first look at an imported directory finds
   * most profiles stale, and they are mailed over hours, not at once.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  PROFILE_REMINDERS_PER_HOUR = 600;

  /** How long the sign-in link of a reminder works (once): a reminder is read days later. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30)
  PROFILE_REMINDER_LINK_DAYS = 7;

  /** Mail digests of unread messages from this process (command-line tools turn it off). */
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  MESSAGE_DIGESTS = true;

  /** A message left unread this long puts its conversation in its reader's next digest mail. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10080)
  MESSAGE_DIGEST_MINUTES = 15;

  /** How far the heap may grow past its live data before a full collection (heap-policy.ts). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(400)
  HEAP_GROWING_PERCENT = 25;

  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  /** Log every SQL statement (development aid). */
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  LOG_SQL = false;
}

export class ConfigurationError extends UserError {}

/** Settings without a default: `new Environment()` does not list them. */
const OPTIONAL = [
  'DATABASE_URL',
  'REDIS_URL',
  'MEILI_HOST',
  'PUBLIC_URL',
  'MEILI_PUBLIC_HOST',
  'MEILI_MASTER_KEY',
  'BOOTSTRAP_ADMIN_KEY',
  'ERASURE_SECRET',
  'SMTP_URL',
  'NOTIFY_STAFF_EMAIL',
];

/** Reads only the variables Kenner knows; empty strings count as unset. */
export function loadEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  const known = Object.keys(new Environment());
  const raw: Record<string, string> = {};
  for (const key of [...known, ...OPTIONAL]) {
    const value = source[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const env = plainToInstance(Environment, raw);
  const [error] = validateSync(env);
  if (error) {
    // A database URL may hold a password: never echo it.
    const secret = [
      'DATABASE_URL',
      'REDIS_URL',
      'MEILI_MASTER_KEY',
      'BOOTSTRAP_ADMIN_KEY',
      'ERASURE_SECRET',
      'SMTP_URL',
    ].includes(error.property);
    const shown = secret ? '(hidden)' : JSON.stringify(raw[error.property]);
    throw new ConfigurationError(
      `Invalid configuration: ${error.property}=${shown} ${constraintMessage(error)}`,
    );
  }
  // A default that depends on another setting: class field initialisers run before the values
  // are assigned, so they cannot see NODE_ENV.
  if (raw.SEED_DEMO === undefined) env.SEED_DEMO = env.NODE_ENV !== 'production';
  // Setting REDIS_URL means sharing through Redis: it chooses that store (and the event bus).
  if (raw.RATE_LIMIT_STORE === undefined && env.REDIS_URL) env.RATE_LIMIT_STORE = 'redis';
  if (env.RATE_LIMIT_STORE === 'redis' && !env.REDIS_URL)
    throw new ConfigurationError('Invalid configuration: RATE_LIMIT_STORE=redis needs REDIS_URL');
  if (env.RATE_LIMIT_STORE === 'postgres' && !env.DATABASE_URL) {
    throw new ConfigurationError(
      'Invalid configuration: RATE_LIMIT_STORE=postgres needs DATABASE_URL (SQLite serves one process)',
    );
  }
  return env;
}
