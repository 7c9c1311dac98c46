import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { InquiryEntity } from './inquiry.entity.js';
import { InquiryStatus } from './inquiry-status.js';

export enum InquiryEventKind {
  SUBMITTED = 'SUBMITTED',
  TRANSITION = 'TRANSITION',
  NOTE = 'NOTE',
  ASSIGNMENT = 'ASSIGNMENT',
}

/**
 * The history of an inquiry: status changes, notes and assignments, who made them and when.
 * Notes and assignments are entries whose `fromStatus` equals `toStatus`.
 */
@Entity('inquiry_history')
export class InquiryTransitionEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index()
  @Column('uuid')
  inquiryId!: string;

  @ManyToOne(() => InquiryEntity, (i) => i.history, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inquiryId' })
  inquiry?: Relation<InquiryEntity>;

  @Column({ type: 'varchar', length: 20 })
  kind!: InquiryEventKind;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus!: InquiryStatus | null;

  @Column({ type: 'varchar', length: 20 })
  toStatus!: InquiryStatus;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @CreateDateColumn()
  at!: Date;

  /** The API key that made the change; null for the anonymous submission. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  byKeyId!: string | null;
}
