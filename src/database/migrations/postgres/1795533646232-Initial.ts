import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795533646232 implements MigrationInterface {
  name = 'Initial1795533646232';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "clusters" ("id" uuid NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "name" character varying(200) NOT NULL, "slug" character varying(100) NOT NULL, "description" text NOT NULL DEFAULT '', "website" character varying(500), CONSTRAINT "UQ_a2accd84e0c433d03dc8d9c7c5c" UNIQUE ("slug"), CONSTRAINT "PK_56c8e201f375e1e961dcdd6831c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "technologies" ("id" uuid NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "slug" character varying(150) NOT NULL, "name" character varying(300) NOT NULL, "nameFr" character varying(300), "nameDe" character varying(300), "nameNl" character varying(300), "acronyms" text NOT NULL, "synonyms" text NOT NULL, "description" text NOT NULL DEFAULT '', "parentId" uuid, "categoryId" uuid, "chameoId" character varying(300), "chmoId" character varying(100), "wikidataId" character varying(50), CONSTRAINT "UQ_e1b296cd0df9807f28db43bcab6" UNIQUE ("slug"), CONSTRAINT "UQ_bd6c5d18ddc1c3f621bce4532c5" UNIQUE ("chameoId"), CONSTRAINT "UQ_455bbd91036ce3eced349ea1516" UNIQUE ("chmoId"), CONSTRAINT "PK_9a97465b79568f00becacdd4e4a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_46800813f460eb131823371cae" ON "technologies"  ("name") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c896d1134f9fd7cd98a621865f" ON "technologies"  ("parentId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_dc8359effd0ae687286800700b" ON "technologies"  ("categoryId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "organisations" ("id" uuid NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "name" character varying(300) NOT NULL, "acronym" character varying(50), "aliases" text NOT NULL, "type" character varying(30) NOT NULL, "description" text NOT NULL DEFAULT '', "website" character varying(500), "city" character varying(200), "region" character varying(200), "country" character varying(2) NOT NULL, "latitude" double precision, "longitude" double precision, "rorId" character varying(100), CONSTRAINT "UQ_eb93609f699016230765157002f" UNIQUE ("rorId"), CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4a3dcb66f1630f551b81bca1b3" ON "organisations"  ("name") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8bb87a2fd94ad9484d5e60699d" ON "organisations"  ("country") `,
    );
    await queryRunner.query(
      `CREATE TABLE "materials" ("id" uuid NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "slug" character varying(100) NOT NULL, "name" character varying(200) NOT NULL, "nameFr" character varying(200), "nameDe" character varying(200), "nameNl" character varying(200), CONSTRAINT "UQ_051578c40cd4979bb4446151ba7" UNIQUE ("slug"), CONSTRAINT "PK_2fd1a93ecb222a28bef28663fa0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "sectors" ("id" uuid NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "slug" character varying(100) NOT NULL, "name" character varying(200) NOT NULL, "nameFr" character varying(200), "nameDe" character varying(200), "nameNl" character varying(200), CONSTRAINT "UQ_971381eea155fe27ce4210a63e4" UNIQUE ("slug"), CONSTRAINT "PK_923fdda0dc12f59add7b3a1782f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "experts" ("id" uuid NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "name" character varying(200) NOT NULL, "jobTitle" character varying(200) NOT NULL DEFAULT '', "bio" text NOT NULL DEFAULT '', "organisationId" uuid NOT NULL, "languages" text NOT NULL, "services" text NOT NULL, "visibility" character varying(10) NOT NULL, "email" character varying(320) NOT NULL, "phone" character varying(50), "consentAt" date, "lastVerifiedAt" date, CONSTRAINT "UQ_714c375ea5ea46e2d0c7c23ccda" UNIQUE ("email"), CONSTRAINT "PK_8ecb9ec7e8b977b177fde797e6a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_19744c56b5d074d1fb57280f34" ON "experts"  ("name") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_736f7a463654d1ae56173dc84f" ON "experts"  ("organisationId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "expert_skills" ("expertId" uuid NOT NULL, "technologyId" uuid NOT NULL, "level" character varying(10) NOT NULL, "years" integer, CONSTRAINT "PK_09cf382cf0d440cd3c16dbbb3ee" PRIMARY KEY ("expertId", "technologyId"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e6fa695434a24abdcaad279438" ON "expert_skills"  ("technologyId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "instruments" ("id" uuid NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "name" character varying(300) NOT NULL, "model" character varying(300), "technologyId" uuid NOT NULL, "organisationId" uuid NOT NULL, "accessMode" character varying(30) NOT NULL, "description" text NOT NULL DEFAULT '', CONSTRAINT "PK_44d772c3199b38559c5fb666eb6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2cfd43cad7a330c7cb45133ea1" ON "instruments"  ("name") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1daa198f93e940dc995ca0452a" ON "instruments"  ("technologyId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a6aaeafee71f584153bba22a2a" ON "instruments"  ("organisationId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "organisation_clusters" ("organisationId" uuid NOT NULL, "clusterId" uuid NOT NULL, CONSTRAINT "PK_8bdb24b3225abb0170bff32012f" PRIMARY KEY ("organisationId", "clusterId"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_48cab788023144d2cca449acb0" ON "organisation_clusters"  ("organisationId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_85fee44f7e4bdd55767f3b36da" ON "organisation_clusters"  ("clusterId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "expert_materials" ("expertId" uuid NOT NULL, "materialId" uuid NOT NULL, CONSTRAINT "PK_e6aff1b6538d3191afae490e171" PRIMARY KEY ("expertId", "materialId"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_021df4bb759db99fb3ca574b8a" ON "expert_materials"  ("expertId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4485d68d398d16fd5d63609c02" ON "expert_materials"  ("materialId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "expert_sectors" ("expertId" uuid NOT NULL, "sectorId" uuid NOT NULL, CONSTRAINT "PK_13c0df74402db73883471404abb" PRIMARY KEY ("expertId", "sectorId"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9af84aeeb8ce603c968ea49247" ON "expert_sectors"  ("expertId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ed3d2a2a1496d6e7bebb3ec527" ON "expert_sectors"  ("sectorId") `,
    );
    await queryRunner.query(
      `ALTER TABLE "technologies" ADD CONSTRAINT "FK_c896d1134f9fd7cd98a621865f7" FOREIGN KEY ("parentId") REFERENCES "technologies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "experts" ADD CONSTRAINT "FK_736f7a463654d1ae56173dc84fc" FOREIGN KEY ("organisationId") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "expert_skills" ADD CONSTRAINT "FK_56fce545cd27003903846135a3a" FOREIGN KEY ("expertId") REFERENCES "experts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "expert_skills" ADD CONSTRAINT "FK_e6fa695434a24abdcaad279438c" FOREIGN KEY ("technologyId") REFERENCES "technologies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "instruments" ADD CONSTRAINT "FK_1daa198f93e940dc995ca0452ab" FOREIGN KEY ("technologyId") REFERENCES "technologies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "instruments" ADD CONSTRAINT "FK_a6aaeafee71f584153bba22a2a2" FOREIGN KEY ("organisationId") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_clusters" ADD CONSTRAINT "FK_48cab788023144d2cca449acb06" FOREIGN KEY ("organisationId") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_clusters" ADD CONSTRAINT "FK_85fee44f7e4bdd55767f3b36da1" FOREIGN KEY ("clusterId") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "expert_materials" ADD CONSTRAINT "FK_021df4bb759db99fb3ca574b8aa" FOREIGN KEY ("expertId") REFERENCES "experts"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "expert_materials" ADD CONSTRAINT "FK_4485d68d398d16fd5d63609c02c" FOREIGN KEY ("materialId") REFERENCES "materials"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "expert_sectors" ADD CONSTRAINT "FK_9af84aeeb8ce603c968ea49247a" FOREIGN KEY ("expertId") REFERENCES "experts"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "expert_sectors" ADD CONSTRAINT "FK_ed3d2a2a1496d6e7bebb3ec5275" FOREIGN KEY ("sectorId") REFERENCES "sectors"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "expert_sectors" DROP CONSTRAINT "FK_ed3d2a2a1496d6e7bebb3ec5275"`,
    );
    await queryRunner.query(
      `ALTER TABLE "expert_sectors" DROP CONSTRAINT "FK_9af84aeeb8ce603c968ea49247a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "expert_materials" DROP CONSTRAINT "FK_4485d68d398d16fd5d63609c02c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "expert_materials" DROP CONSTRAINT "FK_021df4bb759db99fb3ca574b8aa"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_clusters" DROP CONSTRAINT "FK_85fee44f7e4bdd55767f3b36da1"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_clusters" DROP CONSTRAINT "FK_48cab788023144d2cca449acb06"`,
    );
    await queryRunner.query(
      `ALTER TABLE "instruments" DROP CONSTRAINT "FK_a6aaeafee71f584153bba22a2a2"`,
    );
    await queryRunner.query(
      `ALTER TABLE "instruments" DROP CONSTRAINT "FK_1daa198f93e940dc995ca0452ab"`,
    );
    await queryRunner.query(
      `ALTER TABLE "expert_skills" DROP CONSTRAINT "FK_e6fa695434a24abdcaad279438c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "expert_skills" DROP CONSTRAINT "FK_56fce545cd27003903846135a3a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "experts" DROP CONSTRAINT "FK_736f7a463654d1ae56173dc84fc"`,
    );
    await queryRunner.query(
      `ALTER TABLE "technologies" DROP CONSTRAINT "FK_c896d1134f9fd7cd98a621865f7"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_ed3d2a2a1496d6e7bebb3ec527"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9af84aeeb8ce603c968ea49247"`);
    await queryRunner.query(`DROP TABLE "expert_sectors"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4485d68d398d16fd5d63609c02"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_021df4bb759db99fb3ca574b8a"`);
    await queryRunner.query(`DROP TABLE "expert_materials"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_85fee44f7e4bdd55767f3b36da"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_48cab788023144d2cca449acb0"`);
    await queryRunner.query(`DROP TABLE "organisation_clusters"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a6aaeafee71f584153bba22a2a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1daa198f93e940dc995ca0452a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2cfd43cad7a330c7cb45133ea1"`);
    await queryRunner.query(`DROP TABLE "instruments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e6fa695434a24abdcaad279438"`);
    await queryRunner.query(`DROP TABLE "expert_skills"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_736f7a463654d1ae56173dc84f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_19744c56b5d074d1fb57280f34"`);
    await queryRunner.query(`DROP TABLE "experts"`);
    await queryRunner.query(`DROP TABLE "sectors"`);
    await queryRunner.query(`DROP TABLE "materials"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8bb87a2fd94ad9484d5e60699d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4a3dcb66f1630f551b81bca1b3"`);
    await queryRunner.query(`DROP TABLE "organisations"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dc8359effd0ae687286800700b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c896d1134f9fd7cd98a621865f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_46800813f460eb131823371cae"`);
    await queryRunner.query(`DROP TABLE "technologies"`);
    await queryRunner.query(`DROP TABLE "clusters"`);
  }
}
