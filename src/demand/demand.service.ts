import { randomUUID } from 'node:crypto';
import { namesOf } from '../search/indexes/projection.js';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import {
  likeAny,
  likePatterns,
  type Person,
  PersonMentions,
} from '../common/text/person-mentions.js';
import { TermRecognizer } from '../common/text/term-recognizer.js';
import { TechnologyEntity } from '../technologies/technology.entity.js';
import { normaliseQuery } from './query-normaliser.js';
import {
  DemandSource,
  SearchDemandEntity,
  SearchDemandTechniqueEntity,
} from './search-demand.entity.js';

export interface SearchDemand {
  source: Exclude<DemandSource, DemandSource.INQUIRY>;
  query?: string | null;
  /** Technique slugs the search was filtered by. */
  technologySlugs?: string[];
  totalHits: number;
  near?: boolean;
}

export interface InquiryDemand {
  technologySlugs: string[];
  /** Read for techniques when the batch is written; never stored (it is the requester's text). */
  description?: string;
  hasLocation: boolean;
}

interface Pending {
  at: Date;
  source: DemandSource;
  /** The text as typed, kept in memory only until the batch is written. */
  text: string;
  /** False when the text may only be read for techniques, never stored. */
  store: boolean;
  slugs: string[];
  totalHits: number | null;
  near: boolean | null;
}

const BATCH = 100;
const FLUSH_AFTER_MS = 1_000;
/** Beyond this, demand is dropped rather than let memory grow while the database is down. */
const MAX_PENDING = 5_000;
const MAX_SLUGS = 30;

/**
 * Records what people look for, off the request path: a search only appends to a buffer, which
 * is written in batches. Recording can never fail or slow a search; a failed batch is logged and
 * dropped.
 */
@Injectable()
export class DemandService implements OnModuleDestroy {
  private readonly logger = new Logger('Demand');
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  recordSearch(demand: SearchDemand): void {
    this.enqueue({
      at: new Date(),
      source: demand.source,
      text: (demand.query ?? '').slice(0, 1_000),
      store: true,
      slugs: demand.technologySlugs ?? [],
      totalHits: demand.totalHits,
      near: demand.near ?? null,
    });
  }

  /** For inquiries: the techniques asked for and whether the asker gave a place. */
  recordInquiry(demand: InquiryDemand): void {
    this.enqueue({
      at: new Date(),
      source: DemandSource.INQUIRY,
      text: demand.description ?? '',
      store: false,
      slugs: demand.technologySlugs,
      totalHits: null,
      near: demand.hasLocation,
    });
  }

  /** Writes whatever is buffered; resolves once it is stored (or its failure logged). */
  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  /**
   * For an erasure: searches in which the person's name (or address) was typed keep their counts
   * and techniques but lose their text. Call `flush` first, so that searches still buffered are
   * in the table. Returns how many searches were changed.
   */
  async forget(em: EntityManager, person: Person): Promise<number> {
    const mentions = new PersonMentions(person);
    const patterns = likePatterns(person);
    if (patterns.length === 0) return 0;
    const { where, parameters } = likeAny('d.query', patterns);
    const rows = await em
      .createQueryBuilder(SearchDemandEntity, 'd')
      .select(['d.id', 'd.query'])
      .where(where, parameters)
      .getMany();
    const ids = rows.filter((row) => mentions.in(row.query)).map((row) => row.id);
    for (let i = 0; i < ids.length; i += BATCH)
      await em.update(SearchDemandEntity, { id: In(ids.slice(i, i + BATCH)) }, { query: null });
    return ids.length;
  }

  async onModuleDestroy(): Promise<void> {
    await this.flush();
  }

  private enqueue(entry: Pending): void {
    if (this.pending.length >= MAX_PENDING) return;
    this.pending.push(entry);
    if (this.pending.length >= BATCH) {
      void this.flush();
    } else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), FLUSH_AFTER_MS);
      this.timer.unref();
    }
  }

  private async write(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending.splice(0);
    if (batch.length === 0) return;
    try {
      const { recognizer, known } = await this.taxonomy();
      const demands: SearchDemandEntity[] = [];
      const techniques: SearchDemandTechniqueEntity[] = [];
      for (const entry of batch) {
        const id = randomUUID();
        demands.push(
          Object.assign(new SearchDemandEntity(), {
            id,
            at: entry.at,
            source: entry.source,
            query: normaliseQuery(entry.store ? entry.text : ''),
            totalHits: entry.totalHits,
            near: entry.near,
          }),
        );
        const recognised = entry.text ? recognizer.recognize(entry.text).map((r) => r.key) : [];
        const slugs = [...new Set([...recognised, ...entry.slugs])].filter((s) => known.has(s));
        for (const technologySlug of slugs.slice(0, MAX_SLUGS))
          techniques.push(
            Object.assign(new SearchDemandTechniqueEntity(), { demandId: id, technologySlug }),
          );
      }
      await this.db.transaction(async (manager) => {
        for (let i = 0; i < demands.length; i += BATCH)
          await manager.insert(SearchDemandEntity, demands.slice(i, i + BATCH));
        for (let i = 0; i < techniques.length; i += BATCH)
          await manager.insert(SearchDemandTechniqueEntity, techniques.slice(i, i + BATCH));
      });
    } catch (error) {
      this.logger.error(`dropped ${batch.length} demand records: ${String(error)}`);
    }
  }

  /** Read per batch (a few hundred short rows, at most once a second): never stale. */
  private async taxonomy() {
    const rows = await this.db.getRepository(TechnologyEntity).find({
      select: {
        slug: true,
        name: true,
        nameFr: true,
        nameDe: true,
        nameNl: true,
        acronyms: true,
        synonyms: true,
      },
    });
    const recognizer = new TermRecognizer(
      rows.map((t) => ({
        key: t.slug,
        phrases: [...namesOf(t), ...t.acronyms, ...t.synonyms],
      })),
    );
    return { recognizer, known: new Set(rows.map((t) => t.slug)) };
  }
}
