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
import { OrganisationEntity } from '../organisations/organisation.entity.js';

/**
 * An e-mail domain whose addresses may sign in on their own as members of the organisation (while
 * it is in a cluster). A domain belongs to one organisation at most, so an address never has to
 * choose.
 */
@Entity('sign_in_domains')
export class SignInDomainEntity {
  /** Lower-case, without `@`: `lab.example`. */
  @PrimaryColumn({ type: 'varchar', length: 253 })
  domain!: string;

  @Index()
  @Column('uuid')
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisationId' })
  organisation?: Relation<OrganisationEntity>;

  @CreateDateColumn()
  createdAt!: Date;
}
