import { Column, Entity } from 'typeorm';
import { KennerEntity } from '../common/entity-base.js';

@Entity('clusters')
export class ClusterEntity extends KennerEntity {
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 100, unique: true })
  slug!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  website!: string | null;
}
