import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MeilisearchApiError } from 'meilisearch';
import { DataSource, IsNull } from 'typeorm';
import { SearchEngine } from '../engine/search-engine.service.js';
import { EXPERTS_INDEX } from '../indexes/experts.index.js';
import { SearchOutboxEntity } from '../outbox/search-outbox.entity.js';
import { SearchRelay } from './search-relay.service.js';

/** How long an erasure waits for the engine before leaving the deletion to the relay. */
const WAIT_MS = 10_000;

/**
 * After an erasure: the deletion is sent at once (the relay's drain, which waits for the engine's
 * task), then the index is compacted where the engine offers it (Meilisearch 1.23+
 * `POST /indexes/{uid}/compact`), so the deleted document's bytes leave its files. Meilisearch
 * 1.21 has no such route: there the freed pages stay until reused or `search:reindex`.
 */
@Injectable()
export class SearchPurge {
  private readonly logger = new Logger('SearchPurge');
  private compaction: 'unknown' | 'offered' | 'absent' = 'unknown';

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly relay: SearchRelay,
    private readonly engine: SearchEngine,
  ) {}

  /** True once the expert's document is confirmed deleted from the engine. */
  async expertErased(id: string): Promise<boolean> {
    const sent = await this.relay.sendNow(WAIT_MS);
    const pending = await this.db.getRepository(SearchOutboxEntity).countBy({
      indexName: EXPERTS_INDEX,
      documentId: id,
      parkedAt: IsNull(),
    });
    if (!sent || pending > 0) {
      this.logger.warn('an erased expert is still queued for deletion from the search engine');
      return false;
    }
    await this.compact(EXPERTS_INDEX).catch((error: unknown) =>
      this.logger.warn(`compaction of ${EXPERTS_INDEX} failed: ${String(error)}`),
    );
    return true;
  }

  private async compact(name: string): Promise<void> {
    if (this.compaction === 'absent') return;
    const client = this.engine.client;
    try {
      const task = await client.httpRequest.post<{ taskUid: number }>({
        path: `indexes/${this.engine.index(name)}/compact`,
      });
      await client.tasks.waitForTask(task.taskUid, { timeout: WAIT_MS });
      this.compaction = 'offered';
    } catch (error) {
      // An unknown route answers 404 without a Meilisearch error code (an unknown index has one).
      const unknownRoute =
        error instanceof MeilisearchApiError && error.response.status === 404 && !error.cause;
      if (!unknownRoute) throw error;
      this.compaction = 'absent';
      this.logger.log('this Meilisearch cannot compact indexes (1.23+ can): skipped');
    }
  }
}
