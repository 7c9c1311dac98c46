import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { ClusterEntity } from '../clusters/cluster.entity.js';
import { badInput, notFound } from '../common/errors/domain-error.js';
import { fromGlobalId } from '../common/graphql/global-id.js';
import { Environment } from '../config/environment.js';
import { ApiKeyEntity } from './api-key.entity.js';
import { hashSecret, hintOf, newSecret } from './api-key.secret.js';
import { type Caller, Role } from './caller.js';

export interface NewApiKey {
  name: string;
  role: Role;
  /** Global ids or slugs of clusters (PARTNER keys must name at least one). */
  clusters?: string[];
  allowedOrigins?: string[];
}

/**
 * How to mint an admin key where this process runs: the production image has no compiler, so
 * `npm run keys` (which builds first) cannot run there; the compiled command can.
 */
const keysCommand = (production: boolean): string =>
  production ? 'node dist/auth/keys.command.js' : 'npm run keys --';

export const mintAdminKey = (production: boolean): string =>
  `Create an admin key with \`${keysCommand(production)} create --name "Me" --role ADMIN\` ` +
  '(it prints the key once)';

/** Logged at start while the database holds no active admin key. */
export const noAdminKeyHint = (production: boolean): string =>
  `No admin API key yet. ${mintAdminKey(production)}, or set BOOTSTRAP_ADMIN_KEY.`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * How long a process trusts its list of the origins keys allow (preflights only; a key itself is
 * looked up at every request). A key created or revoked through another API process is seen here
 * within this time: one short query per process every few seconds, cheaper than a channel that
 * tells every process, and as simple with any number of them.
 */
export const ORIGINS_CACHE_MS = 5_000;

/** Recording every use would cost a write per request; a minute's precision is enough. */
const LAST_USED_PRECISION_MS = 60_000;

@Injectable()
export class ApiKeysService implements OnApplicationBootstrap {
  private readonly logger = new Logger('ApiKeys');
  private origins?: { at: number; set: Set<string> };

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly env: Environment,
  ) {}

  /**
   * `BOOTSTRAP_ADMIN_KEY` becomes an admin key when there is no admin key yet. Each start says
   * in one line what a newcomer needs: how to get an admin key when there is none, and that the
   * variable was ignored when it is not (or no longer) a key, so its holder knows why it is refused.
   */
  async onApplicationBootstrap(): Promise<void> {
    const secret = this.env.BOOTSTRAP_ADMIN_KEY;
    const repo = this.db.getRepository(ApiKeyEntity);
    const admins = await repo.countBy({ role: Role.ADMIN, revokedAt: IsNull() });
    const production = this.env.NODE_ENV === 'production';
    if (!secret) {
      if (admins === 0) this.logger.log(noAdminKeyHint(production));
      return;
    }
    const known = await repo.findOneBy({ secretHash: hashSecret(secret) });
    // Registered by an earlier start: nothing new to say.
    if (known && !known.revokedAt) return;
    if (known) {
      this.logger.warn(
        `BOOTSTRAP_ADMIN_KEY ignored: that key was revoked. ${mintAdminKey(production)}`,
      );
    } else if (admins > 0) {
      this.logger.warn(
        `BOOTSTRAP_ADMIN_KEY ignored: an admin key already exists (${admins} active), so it is ` +
          `not registered; \`${keysCommand(production)} list\` shows the keys`,
      );
    } else {
      await this.store({ name: 'bootstrap admin', role: Role.ADMIN }, secret);
      this.logger.log('registered BOOTSTRAP_ADMIN_KEY as an admin key');
    }
  }

  /** Returns the stored key and its secret, which is never shown again. */
  async create(input: NewApiKey): Promise<{ key: ApiKeyEntity; secret: string }> {
    const secret = newSecret();
    return { key: await this.store(input, secret), secret };
  }

  /** Key ids are plain UUIDs: keys are not graph nodes anyone may refetch. */
  async revoke(id: string): Promise<ApiKeyEntity> {
    const key = UUID.test(id) ? await this.db.getRepository(ApiKeyEntity).findOneBy({ id }) : null;
    if (!key) throw notFound('ApiKey', id);
    key.revokedAt ??= new Date();
    this.origins = undefined;
    return this.db.getRepository(ApiKeyEntity).save(key);
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.db.getRepository(ApiKeyEntity).find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * Whether any active key lists this origin: a browser's preflight carries no key, so it is
   * granted to every origin some partner registered. Cached for ORIGINS_CACHE_MS: preflights come
   * per page; this process's own changes clear it at once.
   */
  async someKeyAllows(origin: string): Promise<boolean> {
    if (!this.origins || this.origins.at < Date.now() - ORIGINS_CACHE_MS) {
      const keys = await this.db.getRepository(ApiKeyEntity).findBy({ revokedAt: IsNull() });
      this.origins = { at: Date.now(), set: new Set(keys.flatMap((k) => k.allowedOrigins)) };
    }
    return this.origins.set.has(origin);
  }

  /** The caller a secret stands for; null when it is unknown or revoked. */
  async resolve(secret: string): Promise<Caller | null> {
    const found = await this.activeKey('apiKey.secretHash = :hash', { hash: hashSecret(secret) });
    if (!found) return null;
    const { key } = found;
    const now = Date.now();
    if (!key.lastUsedAt || now - key.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
      // Bookkeeping: the request does not wait for it, and a failure only logs.
      void this.db
        .getRepository(ApiKeyEntity)
        .update(key.id, { lastUsedAt: new Date(now) })
        .catch((error: unknown) => this.logger.warn(`lastUsedAt not recorded: ${String(error)}`));
    }
    return callerOf(found);
  }

  /**
   * The caller of an active key by id (a search token names the key that minted it); null when
   * it is unknown or revoked. Not counted as a use of the key: its tokens are used by browsers.
   */
  async resolveId(id: string): Promise<Caller | null> {
    if (!UUID.test(id)) return null;
    const found = await this.activeKey('apiKey.id = :id', { id });
    return found ? callerOf(found) : null;
  }

  /**
   * An active key with its clusters, in one statement (it runs for every keyed request). The
   * key's cluster ids are a JSON list of uuids: a cluster belongs to it when its quoted id is in
   * that text.
   */
  private async activeKey(
    where: string,
    parameters: Record<string, string>,
  ): Promise<{ key: ApiKeyEntity; clusters: ClusterEntity[] } | null> {
    const { entities, raw } = await this.db
      .getRepository(ApiKeyEntity)
      .createQueryBuilder('apiKey')
      .leftJoin(ClusterEntity, 'cluster', `apiKey.clusterIds LIKE '%"' || cluster.id || '"%'`)
      .addSelect(['cluster.id', 'cluster.slug'])
      .where(where, parameters)
      .andWhere('apiKey.revokedAt IS NULL')
      .getRawAndEntities<{ cluster_id: string | null; cluster_slug: string | null }>();
    const key = entities[0];
    if (!key) return null;
    const clusters = raw.flatMap((row) =>
      row.cluster_id && row.cluster_slug
        ? [Object.assign(new ClusterEntity(), { id: row.cluster_id, slug: row.cluster_slug })]
        : [],
    );
    return { key, clusters };
  }

  private async store(input: NewApiKey, secret: string): Promise<ApiKeyEntity> {
    const name = input.name.trim();
    if (!name) throw badInput('name', 'must not be empty');
    if (input.role === Role.ANONYMOUS) throw badInput('role', 'must be PARTNER, STAFF or ADMIN');
    const clusterIds = await this.clusterIds(input.clusters ?? []);
    if (input.role === Role.PARTNER && clusterIds.length === 0)
      throw badInput('clusters', 'a PARTNER key must name at least one cluster');
    const origins = input.allowedOrigins ?? [];
    const bad = origins.find((o) => !/^https?:\/\/[^/\s]+$/.test(o));
    if (bad !== undefined)
      throw badInput('allowedOrigins', `"${bad}" is not an origin (scheme://host[:port])`);
    const repo = this.db.getRepository(ApiKeyEntity);
    this.origins = undefined;
    return repo.save(
      repo.create({
        name,
        role: input.role,
        secretHash: hashSecret(secret),
        hint: hintOf(secret),
        clusterIds,
        allowedOrigins: origins,
        lastUsedAt: null,
        revokedAt: null,
      }),
    );
  }

  /** Accepts global ids or slugs, so the CLI can say `--clusters lmmc`. */
  private async clusterIds(refs: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const ref of refs) {
      let id: string | undefined;
      try {
        id = fromGlobalId(ref, 'Cluster');
      } catch {
        id = (await this.db.getRepository(ClusterEntity).findOneBy({ slug: ref }))?.id;
      }
      if (!id || !(await this.db.getRepository(ClusterEntity).existsBy({ id })))
        throw badInput('clusters', `no cluster ${ref}`);
      ids.push(id);
    }
    return [...new Set(ids)];
  }
}

function callerOf({ key, clusters }: { key: ApiKeyEntity; clusters: ClusterEntity[] }): Caller {
  return {
    role: key.role,
    keyId: key.id,
    clusterIds: clusters.map((c) => c.id),
    clusterSlugs: clusters.map((c) => c.slug),
    allowedOrigins: key.allowedOrigins,
  };
}
