import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * "Document X of index Y must be re-sent": written in the same transaction as the domain change,
 * so a rollback leaves nothing to send and a commit cannot be forgotten. The relay deletes a row
 * once Meilisearch confirms the document; a row it cannot send is parked with the error.
 */
@Entity('search_outbox')
@Index(['parkedAt', 'id'])
export class SearchOutboxEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 50 })
  indexName!: string;

  @Column('uuid')
  documentId!: string;

  @CreateDateColumn()
  enqueuedAt!: Date;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: Date, nullable: true })
  parkedAt!: Date | null;
}
