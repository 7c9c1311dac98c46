import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { PersonEntity } from './person.entity.js';

/**
 * A signed-in browser or app. Like an API key, only the SHA-256 of its bearer token is stored.
 * It ends at `expiresAt` (the absolute limit), after SESSION_IDLE_DAYS without use, or when its
 * person signs it out; an ended session is deleted, so nothing about it lingers.
 */
@Entity('sessions')
export class SessionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index()
  @Column('uuid')
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'personId' })
  person?: Relation<PersonEntity>;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @CreateDateColumn()
  createdAt!: Date;

  /** Recorded to the minute: a write per request would cost more than it tells. */
  @Column({ type: Date })
  lastUsedAt!: Date;

  @Column({ type: Date })
  expiresAt!: Date;

  /** The User-Agent it signed in with, truncated: lets a person tell their sessions apart. */
  @Column({ type: 'varchar', length: 200, default: '' })
  userAgent!: string;
}
