import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { TechnologyEntity } from '../technologies/technology.entity.js';
import { ExpertEntity } from './expert.entity.js';

export enum SkillLevel {
  BASIC = 'BASIC',
  ADVANCED = 'ADVANCED',
  EXPERT = 'EXPERT',
}

/** What an expert can do with one technique. One row per (expert, technique). */
@Entity('expert_skills')
export class ExpertSkillEntity {
  @PrimaryColumn('uuid')
  expertId!: string;

  @Index()
  @PrimaryColumn('uuid')
  technologyId!: string;

  @ManyToOne(() => ExpertEntity, (expert) => expert.skills, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'expertId' })
  expert?: Relation<ExpertEntity>;

  @ManyToOne(() => TechnologyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'technologyId' })
  technology?: Relation<TechnologyEntity>;

  @Column({ type: 'varchar', length: 10 })
  level!: SkillLevel;

  @Column({ type: 'integer', nullable: true })
  years!: number | null;
}
