import { MigrationInterface, QueryRunner } from 'typeorm';

export class SearchDemand1795650095403 implements MigrationInterface {
  name = 'SearchDemand1795650095403';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "search_demand" ("id" uuid NOT NULL, "at" TIMESTAMP NOT NULL, "source" character varying(30) NOT NULL, "query" character varying(200), "totalHits" integer, "near" boolean, CONSTRAINT "PK_b57a2f79b5aa5df2f270cbe746e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_41a595f73fb7a69b4c93a8d104" ON "search_demand"  ("at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "search_demand_techniques" ("demandId" uuid NOT NULL, "technologySlug" character varying(150) NOT NULL, CONSTRAINT "PK_bc550cf0dc1edf849b53094095b" PRIMARY KEY ("demandId", "technologySlug"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9ceb91e6e4d4cc4da9ce905c1a" ON "search_demand_techniques"  ("technologySlug") `,
    );
    await queryRunner.query(
      `ALTER TABLE "search_demand_techniques" ADD CONSTRAINT "FK_29cd126f2db6d0f0297245ea4b5" FOREIGN KEY ("demandId") REFERENCES "search_demand"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "search_demand_techniques" DROP CONSTRAINT "FK_29cd126f2db6d0f0297245ea4b5"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_9ceb91e6e4d4cc4da9ce905c1a"`);
    await queryRunner.query(`DROP TABLE "search_demand_techniques"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_41a595f73fb7a69b4c93a8d104"`);
    await queryRunner.query(`DROP TABLE "search_demand"`);
  }
}
