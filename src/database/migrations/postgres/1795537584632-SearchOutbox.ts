import { MigrationInterface, QueryRunner } from 'typeorm';

export class SearchOutbox1795537584632 implements MigrationInterface {
  name = 'SearchOutbox1795537584632';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "search_outbox" ("id" SERIAL NOT NULL, "indexName" character varying(50) NOT NULL, "documentId" uuid NOT NULL, "enqueuedAt" TIMESTAMP NOT NULL DEFAULT now(), "attempts" integer NOT NULL DEFAULT '0', "lastError" text, "parkedAt" TIMESTAMP, CONSTRAINT "PK_f0e10017d6287176243c2926453" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4f5d732b6103cbced4bd387f35" ON "search_outbox"  ("parkedAt", "id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_4f5d732b6103cbced4bd387f35"`);
    await queryRunner.query(`DROP TABLE "search_outbox"`);
  }
}
