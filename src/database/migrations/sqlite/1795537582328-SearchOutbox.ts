import { MigrationInterface, QueryRunner } from 'typeorm';

export class SearchOutbox1795537582328 implements MigrationInterface {
  name = 'SearchOutbox1795537582328';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "search_outbox" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "indexName" varchar(50) NOT NULL, "documentId" varchar NOT NULL, "enqueuedAt" datetime NOT NULL DEFAULT (datetime('now')), "attempts" integer NOT NULL DEFAULT (0), "lastError" text, "parkedAt" datetime)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4f5d732b6103cbced4bd387f35" ON "search_outbox" ("parkedAt", "id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_4f5d732b6103cbced4bd387f35"`);
    await queryRunner.query(`DROP TABLE "search_outbox"`);
  }
}
