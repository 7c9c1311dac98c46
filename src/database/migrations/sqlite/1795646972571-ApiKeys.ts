import { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiKeys1795646972571 implements MigrationInterface {
  name = 'ApiKeys1795646972571';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "api_keys" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "name" varchar(200) NOT NULL, "role" varchar(20) NOT NULL, "secretHash" varchar(64) NOT NULL, "hint" varchar(16) NOT NULL, "clusterIds" text NOT NULL, "allowedOrigins" text NOT NULL, "lastUsedAt" datetime, "revokedAt" datetime)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_61b9fd4b1653ad87c7e79a2746" ON "api_keys" ("secretHash") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_61b9fd4b1653ad87c7e79a2746"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
  }
}
