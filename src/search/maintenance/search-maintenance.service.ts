import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Environment } from '../../config/environment.js';
import { LOCKS, withAdvisoryLock } from '../../common/database/advisory-lock.js';
import { SearchEngine } from '../engine/search-engine.service.js';
import { applySettings } from '../engine/index-settings.js';
import { SEARCH_INDEXES, taxonomySynonyms, withSynonyms } from '../indexes/search-indexes.js';
import { enqueue } from '../outbox/search-outbox.service.js';
import { sendDocuments, streamDocuments } from '../sync/document-sender.js';
import { compareIndex, type Drift, driftCount } from './index-comparison.js';

const BATCH = 1000;
const MAX_CATCH_UP_ROUNDS = 5;

export type Progress = (message: string) => void;

export interface ReindexReport {
  index: string;
  documents: number;
  catchUpRounds: number;
  /** Drift found on the live index right after the swap, repaired through the outbox. */
  driftAfterSwap: number;
  /** Reading, projecting and indexing every document into the shadow index. */
  streamSeconds: number;
  /** The whole rebuild: stream, verification against the database, swap and reconcile. */
  seconds: number;
}

/**
 * Whole-index work: reconciliation (find drift by hash, repair through the outbox) and reindex
 * by rebuild-and-swap (the live index keeps answering until an atomic swap).
 */
@Injectable()
export class SearchMaintenance implements OnApplicationBootstrap {
  private readonly logger = new Logger('SearchMaintenance');
  private repair: Promise<void> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly engine: SearchEngine,
    private readonly env: Environment,
  ) {}

  /**
   * Settings drift that needs re-indexing was left untouched on the live index at start; the API
   * (not the CLI tools) rebuilds those indexes in the background while the old ones keep answering.
   */
  onApplicationBootstrap(): void {
    const names = [...this.engine.needRebuild];
    if (!this.env.SEARCH_RELAY || names.length === 0) return;
    this.repair = this.reindex((m) => this.logger.log(m), names).then(
      (reports) => {
        for (const r of reports) this.logger.log(`${r.index}: rebuilt with its declared settings`);
        for (const name of names) this.engine.needRebuild.delete(name);
      },
      (error: unknown) => this.logger.error(`settings rebuild failed: ${String(error)}`),
    );
  }

  /** Resolves once the start-up rebuild (if any) is over. */
  settingsRepaired(): Promise<void> {
    return this.repair;
  }

  /**
   * Finds what differs between database and index and enqueues exactly those documents; every
   * index, or those named in `only`.
   */
  async reconcile(progress?: Progress, only?: string[]): Promise<Record<string, Drift>> {
    const report: Record<string, Drift> = {};
    for (const [name, definition] of Object.entries(SEARCH_INDEXES)) {
      if (only && !only.includes(name)) continue;
      const drift = await compareIndex(
        this.db.manager,
        this.engine.client,
        this.engine.index(name),
        definition,
        (done, total) => progress?.(`${name}: compared ${done}/${total}`),
      );
      await this.db.transaction((em) =>
        enqueue(em, name, [...drift.missing, ...drift.different, ...drift.extra]),
      );
      report[name] = drift;
    }
    return report;
  }

  /**
   * Builds a shadow index from the database, catches it up with writes made meanwhile (by hash
   * comparison until it matches), swaps it with the live one, drops the old one, and finally
   * reconciles the live index through the outbox for writes that landed during the swap.
   */
  async reindex(progress?: Progress, only?: string[]): Promise<ReindexReport[]> {
    // Two processes rebuilding one index would share its shadow: the second one steps aside.
    const run = await withAdvisoryLock(this.db, LOCKS.searchReindex, () =>
      this.rebuild(progress, only),
    );
    if (!run.locked) progress?.('another process is reindexing; nothing done');
    return run.locked ? run.value : [];
  }

  private async rebuild(progress?: Progress, only?: string[]): Promise<ReindexReport[]> {
    const reports: ReindexReport[] = [];
    for (const [name, definition] of Object.entries(SEARCH_INDEXES)) {
      if (only && !only.includes(name)) continue;
      const started = Date.now();
      const live = this.engine.index(name);
      const shadow = `${live}__shadow`;
      const client = this.engine.client;
      await client.deleteIndexIfExists(shadow);
      const settings = withSynonyms(definition, await taxonomySynonyms(this.db.manager));
      await applySettings(client, shadow, settings, { rebuilding: true });
      const ids = await definition.allIds(this.db.manager);
      const em = this.db.manager;
      const batches = async function* () {
        for (let i = 0; i < ids.length; i += BATCH) {
          yield [...(await definition.load(em, ids.slice(i, i + BATCH))).values()];
          progress?.(`${name}: ${Math.min(i + BATCH, ids.length)}/${ids.length} documents sent`);
        }
      };
      const streamStarted = Date.now();
      const reload = async (batch: string[]) => [...(await definition.load(em, batch)).values()];
      const { poisoned } = await streamDocuments(client, shadow, batches(), reload);
      const streamSeconds = (Date.now() - streamStarted) / 1000;
      for (const [id, error] of poisoned) progress?.(`${name}: ${id} refused: ${error}`);
      let rounds = 0;
      for (; rounds < MAX_CATCH_UP_ROUNDS; rounds++) {
        const drift = await compareIndex(this.db.manager, client, shadow, definition);
        if (driftCount(drift) === 0) break;
        progress?.(`${name}: catching up ${driftCount(drift)} documents changed meanwhile`);
        const changed = await definition.load(this.db.manager, [
          ...drift.missing,
          ...drift.different,
        ]);
        await sendDocuments(client, shadow, [...changed.values()], drift.extra);
      }
      const swap = await client
        .swapIndexes([{ indexes: [live, shadow], rename: false }])
        .waitTask();
      if (swap.status !== 'succeeded') throw new Error(`swap failed: ${swap.error?.message}`);
      await client.deleteIndexIfExists(shadow);
      // Only the index just swapped: the others were not touched by this rebuild.
      const after = await this.reconcile(undefined, [name]);
      reports.push({
        index: name,
        documents: ids.length,
        catchUpRounds: rounds,
        driftAfterSwap: driftCount(after[name] ?? { missing: [], extra: [], different: [] }),
        streamSeconds,
        seconds: (Date.now() - started) / 1000,
      });
    }
    return reports;
  }
}
