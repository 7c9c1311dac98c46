import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One e-mail to send, written in the same transaction as the change it reports: a rollback
 * leaves nothing to send, and a commit cannot be forgotten. The relay deletes the row once the
 * mail transport has accepted the message; until then a failure only postpones `nextAttemptAt`.
 */
@Entity('notification_outbox')
@Index(['nextAttemptAt', 'id'])
export class NotificationOutboxEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  /** What happened, e.g. `inquiry-received`; for logs and tests. */
  @Column({ type: 'varchar', length: 50 })
  kind!: string;

  @Column({ type: 'varchar', length: 320 })
  recipient!: string;

  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  @CreateDateColumn()
  enqueuedAt!: Date;

  @Column({ type: Date })
  nextAttemptAt!: Date;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;
}
