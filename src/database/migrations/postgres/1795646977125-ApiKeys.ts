import { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiKeys1795646977125 implements MigrationInterface {
  name = 'ApiKeys1795646977125';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "api_keys" ("id" uuid NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "name" character varying(200) NOT NULL, "role" character varying(20) NOT NULL, "secretHash" character varying(64) NOT NULL, "hint" character varying(16) NOT NULL, "clusterIds" text NOT NULL, "allowedOrigins" text NOT NULL, "lastUsedAt" TIMESTAMP, "revokedAt" TIMESTAMP, CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_61b9fd4b1653ad87c7e79a2746" ON "api_keys"  ("secretHash") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_61b9fd4b1653ad87c7e79a2746"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
  }
}
