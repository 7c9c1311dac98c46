import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';

/** Where a demand was seen: one of the search queries, or an inquiry. */
export enum DemandSource {
  SEARCH_EXPERTS = 'searchExperts',
  SEARCH = 'search',
  SEARCH_ORGANISATIONS = 'searchOrganisations',
  SEARCH_TECHNOLOGIES = 'searchTechnologies',
  INQUIRY = 'inquiry',
}

/**
 * One search or inquiry, kept without anything personal: no key, no caller, no address. The
 * query text is normalised and left out when it looks like an e-mail address or phone number.
 */
@Entity('search_demand')
export class SearchDemandEntity {
  /** Set by the writer (`insert()` skips entity listeners). */
  @PrimaryColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: Date })
  at!: Date;

  @Column({ type: 'varchar', length: 30 })
  source!: DemandSource;

  /** Lower-cased, trimmed, at most 200 characters; null when empty or dropped as personal. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  query!: string | null;

  /** Null for an inquiry, which has no result count. */
  @Column({ type: 'integer', nullable: true })
  totalHits!: number | null;

  /** Whether the asker limited it to a place (`near` of an expert search, an inquiry's location). */
  @Column({ type: 'boolean', nullable: true })
  near!: boolean | null;
}

/** A technique a demand asked for: recognised in its text or given as a filter. */
@Entity('search_demand_techniques')
export class SearchDemandTechniqueEntity {
  @PrimaryColumn('uuid')
  demandId!: string;

  @Index()
  @PrimaryColumn({ type: 'varchar', length: 150 })
  technologySlug!: string;

  @ManyToOne(() => SearchDemandEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'demandId' })
  demand?: Relation<SearchDemandEntity>;
}
