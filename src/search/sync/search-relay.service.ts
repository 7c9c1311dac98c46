import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { Environment } from '../../config/environment.js';
import { PollingLoop } from '../../common/workers/polling-loop.js';
import { LOCKS } from '../../common/database/advisory-lock.js';
import { SearchEngine } from '../engine/search-engine.service.js';
import { applySettings, SettingsRefusedError } from '../engine/index-settings.js';
import {
  SEARCH_INDEXES,
  type SearchIndexDefinition,
  settingsOutboxName,
  SETTINGS_DOCUMENT,
  taxonomySynonyms,
  withSynonyms,
} from '../indexes/search-indexes.js';
import { onOutboxCommitted } from '../outbox/outbox-commits.js';
import { parkRefusedSettings } from '../outbox/parked-settings.js';
import { SearchOutboxEntity } from '../outbox/search-outbox.entity.js';
import { deleteDocuments, streamDocuments } from './document-sender.js';
import { within } from '../../common/time/within.js';

const BATCH = 500;
/**
 * While a backlog lasts (a first sync, a bulk import), one round reads up to this many batches and
 * keeps them all enqueued in the engine, which merges consecutive additions into one indexing
 * run: each run costs time that grows with the index, so at 100,000 experts one batch at a time
 * took ~10 s per 1,000 documents (docs/benchmarks.md). Documents are loaded a batch at a time.
 */
const WINDOW = 16;
/**
 * How long a write that narrows who sees an expert waits for the index before it answers: the
 * engine answers browsers holding search tokens by itself, so until then they would still see the
 * expert. A wait, not a promise: past it the relay sends as usual.
 */
export const HIDE_WITHIN_MS = 5_000;
const IDLE_POLL_MS = 100;
const MAX_BACKOFF_MS = 10_000;

/**
 * Moves the outbox to Meilisearch: takes pending rows in order, collapses duplicates, re-reads
 * the committed rows through the index's projection, sends full documents or deletions, and
 * deletes the outbox rows only once Meilisearch reports success. While the engine is down it
 * backs off and leaves the rows pending. On PostgreSQL an advisory lock makes one process at a
 * time the sender, so documents are never sent out of order.
 */
@Injectable()
export class SearchRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SearchRelay');
  private readonly loop: PollingLoop;
  /** Documents this process sent or deleted since it started (parked ones not counted). */
  private indexed = 0;
  private announceSync = false;
  /** Stopped by `finish`, which may have given up on a batch: shutdown must not wait for it. */
  private finishing = false;
  /**
   * Indexes with `coalesceMs` whose pending rows are being held, and when they fall due. Kept in
   * memory: a restart, or another process taking over the lock, only sends them sooner.
   */
  private readonly dueAt = new Map<string, number>();
  /** Drains and the shutdown send everything pending, held rows included. */
  private flushing = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly engine: SearchEngine,
    private readonly env: Environment,
  ) {
    this.loop = new PollingLoop({
      db,
      logger: this.logger,
      lockKey: LOCKS.searchRelay,
      batch: () => this.sendBatch(),
      idleMs: IDLE_POLL_MS,
      maxBackoffMs: MAX_BACKOFF_MS,
    });
    onOutboxCommitted(db, () => this.loop.poke());
  }

  onApplicationBootstrap(): void {
    if (this.env.SEARCH_RELAY) this.resume();
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.finishing) await this.pause();
  }

  /** Stops the background loop once its current batch is done (rows stay pending). */
  pause(): Promise<void> {
    return this.loop.pause();
  }

  resume(): void {
    this.loop.resume();
  }

  /**
   * Logs one line the next time this relay finds nothing pending, so `npm start` tells when search
   * has caught up. serve.ts asks once the app has started: during the start the demo seed may not
   * have written its documents yet, and an empty outbox then would announce too early.
   */
  announceFirstSync(): void {
    this.announceSync = true;
  }

  /**
   * At shutdown, once no request can write any more: sends what is pending until `deadline`
   * (epoch ms), so the index holds every write acknowledged before the stop. What it cannot send
   * in time (a long first sync, the engine down) stays in the outbox for the next start.
   */
  async finish(deadline: number): Promise<void> {
    this.finishing = true;
    this.flushing += 1;
    let problem: string | undefined;
    try {
      if (await this.loop.finish(deadline)) return;
      problem = 'out of time';
    } catch (error) {
      problem = (error as Error).message;
    }
    this.logger.warn(`stopping with changes unsent (${problem}); the next start sends them`);
  }

  /** Sends everything pending now; returns how many outbox rows were settled. For tests and tools. */
  async drain(): Promise<number> {
    this.flushing += 1;
    try {
      return await this.loop.drain();
    } finally {
      this.flushing -= 1;
    }
  }

  /**
   * For a write whose old documents must not stay searchable once it is answered (an expert
   * hidden from some callers, an erasure): sends what is pending now, waiting at most `withinMs`.
   * True once sent; false when time ran out, the engine failed, or this process does not send
   * now (SEARCH_RELAY off, paused, stopping): the background loop then sends it as usual. Never
   * throws.
   */
  async sendNow(withinMs: number): Promise<boolean> {
    if (!this.loop.active) return false;
    // The write is committed whatever happens here: an engine that is down leaves the rows to the
    // background loop, and must not turn the write's answer into an error.
    const sent = this.drain().then(
      () => true,
      (error: unknown) => {
        this.logger.warn(`sent later, not now: ${(error as Error).message}`);
        return false;
      },
    );
    return within(sent, withinMs, () => false);
  }

  /** One batch: returns the number of outbox rows settled (sent or parked). */
  private async sendBatch(): Promise<number> {
    const held = this.held();
    const rows = await this.db.getRepository(SearchOutboxEntity).find({
      where: { parkedAt: IsNull(), ...(held.length ? { indexName: Not(In(held)) } : {}) },
      order: { id: 'ASC' },
      take: BATCH * WINDOW,
    });
    if (rows.length === 0) {
      if (this.announceSync && held.length === 0) await this.announceInSync();
      return 0;
    }
    let settledRows = rows.length;
    for (const [name, definition] of Object.entries(SEARCH_INDEXES)) {
      const mine = rows.filter((r) => r.indexName === name);
      if (mine.length === 0) continue;
      if (this.hold(name, definition.coalesceMs)) {
        settledRows -= mine.length;
        continue;
      }
      const ids = [...new Set(mine.map((r) => r.documentId))];
      const { sent, deleted, poisoned } = await this.send(name, definition, ids);
      await this.park(
        mine.filter((r) => poisoned.has(r.documentId)),
        poisoned,
      );
      const settled = mine.filter((r) => !poisoned.has(r.documentId));
      await this.db.getRepository(SearchOutboxEntity).delete({ id: In(settled.map((r) => r.id)) });
      await this.unpark(
        name,
        settled.map((r) => r.documentId),
      );
      this.indexed += sent + deleted - poisoned.size;
    }
    const wantsSettings = rows.some((r) => r.indexName.endsWith(':settings'));
    const synonyms = wantsSettings ? await taxonomySynonyms(this.db.manager) : {};
    for (const [name, definition] of Object.entries(SEARCH_INDEXES)) {
      const refresh = rows.filter((r) => r.indexName === settingsOutboxName(name));
      if (refresh.length === 0) continue;
      const settings = withSynonyms(definition, synonyms);
      try {
        // Query-time settings only (synonyms): a re-indexing change waits for rebuild-and-swap.
        const { needRebuild } = await applySettings(
          this.engine.client,
          this.engine.index(name),
          settings,
        );
        if (needRebuild.length)
          this.logger.warn(`${name}: ${needRebuild.join(', ')} differ; run npm run search:reindex`);
      } catch (error) {
        // Refused, not unreachable: retrying would refuse again, forever. Parked until the
        // taxonomy changes again; /health reports it (search.settingsError).
        if (!(error instanceof SettingsRefusedError)) throw error;
        this.logger.error(error.message);
        await this.db
          .getRepository(SearchOutboxEntity)
          .delete({ id: In(refresh.map((r) => r.id)) });
        await parkRefusedSettings(this.db, name, error.message);
        continue;
      }
      await this.db.getRepository(SearchOutboxEntity).delete({ id: In(refresh.map((r) => r.id)) });
      // Applied: an earlier refusal of this index's settings is over.
      await this.unpark(settingsOutboxName(name), [SETTINGS_DOCUMENT]);
    }
    const known = new Set(Object.keys(SEARCH_INDEXES).flatMap((n) => [n, settingsOutboxName(n)]));
    const unknown = rows.filter((r) => !known.has(r.indexName));
    await this.park(
      unknown,
      new Map(unknown.map((r) => [r.documentId, `unknown index ${r.indexName}`])),
    );
    return settledRows;
  }

  /**
   * Sends the current state of `ids`: documents in batches, up to WINDOW of them enqueued at a
   * time, then the deletions of ids without a row. Returns once the engine has applied them all.
   */
  private async send(
    name: string,
    definition: SearchIndexDefinition<{ id: string }>,
    ids: string[],
  ): Promise<{ sent: number; deleted: number; poisoned: Map<string, string> }> {
    const em = this.db.manager;
    const found = new Set<string>();
    const batches = async function* () {
      for (let i = 0; i < ids.length; i += BATCH) {
        const documents = await definition.load(em, ids.slice(i, i + BATCH));
        for (const id of documents.keys()) found.add(id);
        yield [...documents.values()];
      }
    };
    const reload = async (some: string[]) => [...(await definition.load(em, some)).values()];
    const uid = this.engine.index(name);
    const { poisoned } = await streamDocuments(this.engine.client, uid, batches(), reload, WINDOW);
    const deletions = ids.filter((id) => !found.has(id));
    await deleteDocuments(this.engine.client, uid, deletions);
    return { sent: found.size, deleted: deletions.length, poisoned };
  }

  /** Indexes whose rows are held now (not read at all until they fall due). */
  private held(): string[] {
    const now = Date.now();
    if (this.flushing) this.dueAt.clear();
    return [...this.dueAt].filter(([, due]) => due > now).map(([name]) => name);
  }

  /**
   * Whether rows of `name` just read wait: the first time they are seen their index is held
   * for `coalesceMs`; once due they are sent and the next rows start a new wait.
   */
  private hold(name: string, coalesceMs: number | undefined): boolean {
    if (!coalesceMs || this.flushing) return false;
    const due = this.dueAt.get(name);
    if (due === undefined) {
      this.dueAt.set(name, Date.now() + coalesceMs);
      return true;
    }
    this.dueAt.delete(name);
    return false;
  }

  /** Nothing pending: in sync, as `/health` means it, once the engine answers too. */
  private async announceInSync(): Promise<void> {
    if (!(await this.engine.healthy())) return;
    this.announceSync = false;
    const seconds = process.uptime().toFixed(1);
    this.logger.log(`Search in sync: ${this.indexed} documents indexed, ${seconds} s after start`);
  }

  /** Documents of `indexName` just sent: rows parked for them earlier are settled too. */
  private async unpark(indexName: string, documentIds: string[]): Promise<void> {
    if (documentIds.length === 0) return;
    await this.db.getRepository(SearchOutboxEntity).delete({
      indexName,
      documentId: In([...new Set(documentIds)]),
      parkedAt: Not(IsNull()),
    });
  }

  /**
   * Keeps one parked row per document — the newest, with its error — dropping the document's
   * other rows in this batch and any row parked for it earlier.
   */
  private async park(rows: SearchOutboxEntity[], errors: Map<string, string>): Promise<void> {
    const newest = new Map(rows.map((r) => [`${r.indexName}/${r.documentId}`, r]));
    const duplicates = rows.filter((r) => newest.get(`${r.indexName}/${r.documentId}`) !== r);
    const outbox = this.db.getRepository(SearchOutboxEntity);
    if (duplicates.length) await outbox.delete({ id: In(duplicates.map((r) => r.id)) });
    for (const row of newest.values()) {
      const error = errors.get(row.documentId) ?? 'refused';
      this.logger.error(`parked ${row.indexName}/${row.documentId}: ${error}`);
      await outbox.delete({
        indexName: row.indexName,
        documentId: row.documentId,
        parkedAt: Not(IsNull()),
      });
      await outbox.update(row.id, {
        parkedAt: new Date(),
        lastError: error.slice(0, 2000),
        attempts: row.attempts + 1,
      });
    }
  }
}
