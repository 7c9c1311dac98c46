import { randomUUID } from 'node:crypto';
import { BeforeInsert, CreateDateColumn, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Ids are UUIDs made by the application, not the database: a service knows an object's id
 * before it commits, which the search outbox and batch imports rely on.
 */
export abstract class KennerEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;

  @BeforeInsert()
  protected assignId(): void {
    this.id ??= randomUUID();
  }
}
