import { Injectable } from '@nestjs/common';
import type { Key } from 'meilisearch';
import { Environment } from '../../config/environment.js';
import { SearchEngine } from '../engine/search-engine.service.js';

/**
 * How long this process trusts the key it last read. Rotation here takes effect at once; another
 * replica reads the new key (and so refuses tokens of the old one on GraphQL) within this time.
 */
const KEY_CACHE_MS = 60_000;

/**
 * The Meilisearch key that signs search tokens: search-only, limited to this deployment's
 * indexes, never the master key. Rotating it (deleting and recreating) invalidates every token
 * signed with it at once.
 */
@Injectable()
export class SearchTokenKey {
  private current?: { readAt: number; key: Promise<Key> };

  constructor(
    private readonly engine: SearchEngine,
    private readonly env: Environment,
  ) {}

  private get name(): string {
    return `kenner-search-tokens:${this.env.MEILI_INDEX_PREFIX || 'default'}`;
  }

  /**
   * The signing key, created on first use and found again after a restart. Read again once
   * KEY_CACHE_MS old; a failed read is not kept, so the next call tries again.
   */
  key(now: number = Date.now()): Promise<Key> {
    if (!this.current || now - this.current.readAt > KEY_CACHE_MS) {
      const entry = { readAt: now, key: this.findOrCreate() };
      void entry.key.catch(() => {
        if (this.current === entry) this.current = undefined;
      });
      this.current = entry;
    }
    return this.current.key;
  }

  async rotate(): Promise<void> {
    const existing = await this.find();
    if (existing) await this.engine.client.deleteKey(existing.uid);
    this.current = undefined;
    await this.key();
  }

  private async findOrCreate(): Promise<Key> {
    return (
      (await this.find()) ??
      this.engine.client.createKey({
        name: this.name,
        description: 'Signs Kenner search tokens for browsers (search only).',
        actions: ['search'],
        indexes: [`${this.env.MEILI_INDEX_PREFIX}*`],
        expiresAt: null,
      })
    );
  }

  private async find(): Promise<Key | undefined> {
    const { results } = await this.engine.client.getKeys({ limit: 1000 });
    return results.find((k) => k.name === this.name);
  }
}
