import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { Language } from '../common/i18n/language.js';

/**
 * A sign-in link mailed to `email`: single use, valid until `expiresAt`. Only the SHA-256 of its
 * token is stored. The person it signs in is found (or made) when it is used, so an address
 * that may sign in by its expert profile or its domain gets no Person before it proves it reads
 * its mail. A used link keeps its row (with `usedAt`) until it expires, so a second use can be
 * told "already used" rather than "not a valid link".
 */
@Entity('sign_in_tokens')
export class SignInTokenEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  /** Lower-cased, as people and experts store theirs. */
  @Index()
  @Column({ type: 'varchar', length: 320 })
  email!: string;

  /** The language of the mail, kept for a person made when the link is used. */
  @Column({ type: 'varchar', length: 2 })
  language!: Language;

  @CreateDateColumn()
  createdAt!: Date;

  @Column({ type: Date })
  expiresAt!: Date;

  @Column({ type: Date, nullable: true })
  usedAt!: Date | null;
}
