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
import { ExpertEntity } from '../experts/expert.entity.js';
import { InquiryEntity } from './inquiry.entity.js';

/** An expert put in touch with a requester. Erasing the expert erases the introduction too. */
@Entity('inquiry_introductions')
@Index(['inquiryId', 'expertId'], { unique: true })
export class InquiryIntroductionEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column('uuid')
  inquiryId!: string;

  @ManyToOne(() => InquiryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inquiryId' })
  inquiry?: Relation<InquiryEntity>;

  @Index()
  @Column('uuid')
  expertId!: string;

  @ManyToOne(() => ExpertEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'expertId' })
  expert?: Relation<ExpertEntity>;

  @CreateDateColumn()
  introducedAt!: Date;

  @Column({ type: 'varchar', length: 36, nullable: true })
  byKeyId!: string | null;
}
