import { MigrationInterface, QueryRunner } from 'typeorm';

export class SearchDemand1795650091672 implements MigrationInterface {
  name = 'SearchDemand1795650091672';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "search_demand" ("id" varchar PRIMARY KEY NOT NULL, "at" datetime NOT NULL, "source" varchar(30) NOT NULL, "query" varchar(200), "totalHits" integer, "near" boolean)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_41a595f73fb7a69b4c93a8d104" ON "search_demand" ("at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "search_demand_techniques" ("demandId" varchar NOT NULL, "technologySlug" varchar(150) NOT NULL, PRIMARY KEY ("demandId", "technologySlug"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9ceb91e6e4d4cc4da9ce905c1a" ON "search_demand_techniques" ("technologySlug") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_9ceb91e6e4d4cc4da9ce905c1a"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_search_demand_techniques" ("demandId" varchar NOT NULL, "technologySlug" varchar(150) NOT NULL, CONSTRAINT "FK_29cd126f2db6d0f0297245ea4b5" FOREIGN KEY ("demandId") REFERENCES "search_demand" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("demandId", "technologySlug"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_search_demand_techniques"("demandId", "technologySlug") SELECT "demandId", "technologySlug" FROM "search_demand_techniques"`,
    );
    await queryRunner.query(`DROP TABLE "search_demand_techniques"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_search_demand_techniques" RENAME TO "search_demand_techniques"`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9ceb91e6e4d4cc4da9ce905c1a" ON "search_demand_techniques" ("technologySlug") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_9ceb91e6e4d4cc4da9ce905c1a"`);
    await queryRunner.query(
      `ALTER TABLE "search_demand_techniques" RENAME TO "temporary_search_demand_techniques"`,
    );
    await queryRunner.query(
      `CREATE TABLE "search_demand_techniques" ("demandId" varchar NOT NULL, "technologySlug" varchar(150) NOT NULL, PRIMARY KEY ("demandId", "technologySlug"))`,
    );
    await queryRunner.query(
      `INSERT INTO "search_demand_techniques"("demandId", "technologySlug") SELECT "demandId", "technologySlug" FROM "temporary_search_demand_techniques"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_search_demand_techniques"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_9ceb91e6e4d4cc4da9ce905c1a" ON "search_demand_techniques" ("technologySlug") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_9ceb91e6e4d4cc4da9ce905c1a"`);
    await queryRunner.query(`DROP TABLE "search_demand_techniques"`);
    await queryRunner.query(`DROP INDEX "IDX_41a595f73fb7a69b4c93a8d104"`);
    await queryRunner.query(`DROP TABLE "search_demand"`);
  }
}
