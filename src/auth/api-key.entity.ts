import { Column, Entity, Index } from 'typeorm';
import { KennerEntity } from '../common/entity-base.js';
import { Role } from './caller.js';

/** An API key. Only the SHA-256 of the secret is stored: the secret is shown once, at creation. */
@Entity('api_keys')
export class ApiKeyEntity extends KennerEntity {
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  /** Hex SHA-256 of the secret. Secrets are 256-bit random, so a plain hash cannot be brute-forced. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  secretHash!: string;

  /** The first characters of the secret, so people can tell their keys apart. */
  @Column({ type: 'varchar', length: 16 })
  hint!: string;

  /** Storage ids of the clusters a PARTNER key reads for. */
  @Column({ type: 'simple-json' })
  clusterIds!: string[];

  @Column({ type: 'simple-json' })
  allowedOrigins!: string[];

  @Column({ type: Date, nullable: true })
  lastUsedAt!: Date | null;

  @Column({ type: Date, nullable: true })
  revokedAt!: Date | null;
}
