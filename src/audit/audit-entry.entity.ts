import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One write: who (which key, or which signed-in person), what (the mutation and its subject), when.
 */
@Entity('audit_entries')
export class AuditEntryEntity {
  /** Set by the writer (`insert()` skips entity listeners). */
  @PrimaryColumn('uuid')
  id!: string;

  @Index()
  @CreateDateColumn()
  at!: Date;

  /** The API key that made the write; keys are not people, so this holds no personal data. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  keyId!: string | null;

  /**
   * The person whose session made the write (an expert editing their profile, staff signed in).
   * After that person's erasure it is replaced by a pseudonym, as `subject` is.
   */
  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true })
  personId!: string | null;

  @Column({ type: 'varchar', length: 20 })
  role!: string;

  /** The mutation, e.g. `updateExpert`. */
  @Column({ type: 'varchar', length: 100 })
  action!: string;

  /**
   * The global id of the object written, when the mutation names one. After an erasure it is
   * replaced by a pseudonym, so the trail survives without pointing at the person.
   */
  @Index()
  @Column({ type: 'varchar', length: 200, nullable: true })
  subject!: string | null;
}
