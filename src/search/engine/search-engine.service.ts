import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Settings } from 'meilisearch';
import { type KennerMeilisearch, meilisearchClient } from './meilisearch-client.js';
import type { DataSource } from 'typeorm';
import { Environment } from '../../config/environment.js';
import { SEARCH_INDEXES, taxonomySynonyms, withSynonyms } from '../indexes/search-indexes.js';
import { parkRefusedSettings, settleRefusedSettings } from '../outbox/parked-settings.js';
import {
  type RunningMeilisearch,
  runningBundledMeilisearch,
  startBundledMeilisearch,
} from './bundled-meilisearch.js';
import { indexUid } from './index-uid.js';
import { stopOrphanedBundledMeilisearch } from './orphaned-meilisearch.js';
import { applySettings, SettingsRefusedError } from './index-settings.js';

/**
 * The connection to Meilisearch: the server named by MEILI_HOST, or else the bundled binary,
 * started here (bound to 127.0.0.1, data under DATA_DIR), restarted if it dies, and stopped with
 * the application.
 * Only the search module talks to the engine, and only through this client.
 */
@Injectable()
export class SearchEngine implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('SearchEngine');
  private bundled?: RunningMeilisearch;
  /** Indexes whose declared settings need a rebuild-and-swap (found at start). */
  readonly needRebuild = new Set<string>();
  private meili?: KennerMeilisearch;

  constructor(
    private readonly env: Environment,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  get client(): KennerMeilisearch {
    if (!this.meili) throw new Error('the search engine is not started');
    return this.meili;
  }

  /** Index names carry the deployment's prefix, so several can share one server. */
  index(name: string): string {
    return indexUid(this.env.MEILI_INDEX_PREFIX, name);
  }

  /** Connects (or starts the bundled server), then applies every index's declared settings. */
  async onModuleInit(): Promise<void> {
    await this.connect();
    const synonyms = await taxonomySynonyms(this.db.manager);
    for (const [name, definition] of Object.entries(SEARCH_INDEXES)) {
      const { applied, needRebuild } = await this.applyIndexSettings(
        name,
        definition.settings,
        withSynonyms(definition, synonyms),
      );
      if (applied.length) this.logger.log(`${name}: settings applied (${applied.join(', ')})`);
      if (needRebuild.length) {
        this.logger.warn(`${name}: ${needRebuild.join(', ')} changed; rebuilding the index`);
        this.needRebuild.add(name);
      }
    }
  }

  /**
   * Text from a legacy row that the engine refuses in the synonyms (npm run data:check finds it)
   * must not keep Kenner from starting: the other settings are applied, the synonyms stay as they
   * were, and the refusal is parked for /health until a later attempt succeeds.
   */
  private async applyIndexSettings(name: string, declared: Settings, full: Settings) {
    try {
      const outcome = await applySettings(this.client, this.index(name), full);
      await settleRefusedSettings(this.db, name);
      return outcome;
    } catch (error) {
      if (!(error instanceof SettingsRefusedError)) throw error;
      this.logger.error(`${error.message}; its synonyms are left as they were`);
      await parkRefusedSettings(this.db, name, error.message);
      return applySettings(this.client, this.index(name), declared);
    }
  }

  private async connect(): Promise<void> {
    if (this.env.MEILI_HOST) {
      this.meili = meilisearchClient(this.env.MEILI_HOST, this.env.MEILI_MASTER_KEY);
      this.logger.log(`Using Meilisearch at ${this.env.MEILI_HOST}`);
      return;
    }
    const orphan = await stopOrphanedBundledMeilisearch(this.env.DATA_DIR);
    if (orphan) {
      this.logger.warn(`Stopped the bundled Meilisearch (pid ${orphan}) left by a killed process`);
    }
    const running = await runningBundledMeilisearch(this.env.DATA_DIR);
    if (running) {
      this.meili = meilisearchClient(running.host, running.masterKey);
      this.logger.log(`Attached to the bundled Meilisearch at ${running.host}`);
      return;
    }
    this.bundled = await startBundledMeilisearch({
      dataDir: this.env.DATA_DIR,
      maxIndexingMemory: this.env.MEILI_MAX_INDEXING_MEMORY,
      // The relay backs off while the engine is away and catches up once it is back.
      onEvent: (message) => this.logger.warn(message),
    });
    this.meili = meilisearchClient(this.bundled.host, this.bundled.masterKey);
    this.logger.log(`Started the bundled Meilisearch at ${this.bundled.host}`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.meili?.close();
    await this.bundled?.stop();
  }

  /** True while the engine answers its health check. */
  async healthy(): Promise<boolean> {
    try {
      await this.client.health();
      return true;
    } catch {
      return false;
    }
  }
}
