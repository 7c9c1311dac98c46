import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795533644353 implements MigrationInterface {
  name = 'Initial1795533644353';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "clusters" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "name" varchar(200) NOT NULL, "slug" varchar(100) NOT NULL, "description" text NOT NULL DEFAULT (''), "website" varchar(500), CONSTRAINT "UQ_a2accd84e0c433d03dc8d9c7c5c" UNIQUE ("slug"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "technologies" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "slug" varchar(150) NOT NULL, "name" varchar(300) NOT NULL, "nameFr" varchar(300), "nameDe" varchar(300), "nameNl" varchar(300), "acronyms" text NOT NULL, "synonyms" text NOT NULL, "description" text NOT NULL DEFAULT (''), "parentId" varchar, "categoryId" varchar, "chameoId" varchar(300), "chmoId" varchar(100), "wikidataId" varchar(50), CONSTRAINT "UQ_e1b296cd0df9807f28db43bcab6" UNIQUE ("slug"), CONSTRAINT "UQ_bd6c5d18ddc1c3f621bce4532c5" UNIQUE ("chameoId"), CONSTRAINT "UQ_455bbd91036ce3eced349ea1516" UNIQUE ("chmoId"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_46800813f460eb131823371cae" ON "technologies" ("name") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c896d1134f9fd7cd98a621865f" ON "technologies" ("parentId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_dc8359effd0ae687286800700b" ON "technologies" ("categoryId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "organisations" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "name" varchar(300) NOT NULL, "acronym" varchar(50), "aliases" text NOT NULL, "type" varchar(30) NOT NULL, "description" text NOT NULL DEFAULT (''), "website" varchar(500), "city" varchar(200), "region" varchar(200), "country" varchar(2) NOT NULL, "latitude" double precision, "longitude" double precision, "rorId" varchar(100), CONSTRAINT "UQ_eb93609f699016230765157002f" UNIQUE ("rorId"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4a3dcb66f1630f551b81bca1b3" ON "organisations" ("name") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8bb87a2fd94ad9484d5e60699d" ON "organisations" ("country") `,
    );
    await queryRunner.query(
      `CREATE TABLE "materials" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "slug" varchar(100) NOT NULL, "name" varchar(200) NOT NULL, "nameFr" varchar(200), "nameDe" varchar(200), "nameNl" varchar(200), CONSTRAINT "UQ_051578c40cd4979bb4446151ba7" UNIQUE ("slug"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "sectors" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "slug" varchar(100) NOT NULL, "name" varchar(200) NOT NULL, "nameFr" varchar(200), "nameDe" varchar(200), "nameNl" varchar(200), CONSTRAINT "UQ_971381eea155fe27ce4210a63e4" UNIQUE ("slug"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "experts" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "name" varchar(200) NOT NULL, "jobTitle" varchar(200) NOT NULL DEFAULT (''), "bio" text NOT NULL DEFAULT (''), "organisationId" varchar NOT NULL, "languages" text NOT NULL, "services" text NOT NULL, "visibility" varchar(10) NOT NULL, "email" varchar(320) NOT NULL, "phone" varchar(50), "consentAt" date, "lastVerifiedAt" date, CONSTRAINT "UQ_714c375ea5ea46e2d0c7c23ccda" UNIQUE ("email"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_19744c56b5d074d1fb57280f34" ON "experts" ("name") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_736f7a463654d1ae56173dc84f" ON "experts" ("organisationId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "expert_skills" ("expertId" varchar NOT NULL, "technologyId" varchar NOT NULL, "level" varchar(10) NOT NULL, "years" integer, PRIMARY KEY ("expertId", "technologyId"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e6fa695434a24abdcaad279438" ON "expert_skills" ("technologyId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "instruments" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "name" varchar(300) NOT NULL, "model" varchar(300), "technologyId" varchar NOT NULL, "organisationId" varchar NOT NULL, "accessMode" varchar(30) NOT NULL, "description" text NOT NULL DEFAULT (''))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2cfd43cad7a330c7cb45133ea1" ON "instruments" ("name") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1daa198f93e940dc995ca0452a" ON "instruments" ("technologyId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a6aaeafee71f584153bba22a2a" ON "instruments" ("organisationId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "organisation_clusters" ("organisationId" varchar NOT NULL, "clusterId" varchar NOT NULL, PRIMARY KEY ("organisationId", "clusterId"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_48cab788023144d2cca449acb0" ON "organisation_clusters" ("organisationId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_85fee44f7e4bdd55767f3b36da" ON "organisation_clusters" ("clusterId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "expert_materials" ("expertId" varchar NOT NULL, "materialId" varchar NOT NULL, PRIMARY KEY ("expertId", "materialId"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_021df4bb759db99fb3ca574b8a" ON "expert_materials" ("expertId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4485d68d398d16fd5d63609c02" ON "expert_materials" ("materialId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "expert_sectors" ("expertId" varchar NOT NULL, "sectorId" varchar NOT NULL, PRIMARY KEY ("expertId", "sectorId"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9af84aeeb8ce603c968ea49247" ON "expert_sectors" ("expertId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ed3d2a2a1496d6e7bebb3ec527" ON "expert_sectors" ("sectorId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_46800813f460eb131823371cae"`);
    await queryRunner.query(`DROP INDEX "IDX_c896d1134f9fd7cd98a621865f"`);
    await queryRunner.query(`DROP INDEX "IDX_dc8359effd0ae687286800700b"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_technologies" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "slug" varchar(150) NOT NULL, "name" varchar(300) NOT NULL, "nameFr" varchar(300), "nameDe" varchar(300), "nameNl" varchar(300), "acronyms" text NOT NULL, "synonyms" text NOT NULL, "description" text NOT NULL DEFAULT (''), "parentId" varchar, "categoryId" varchar, "chameoId" varchar(300), "chmoId" varchar(100), "wikidataId" varchar(50), CONSTRAINT "UQ_e1b296cd0df9807f28db43bcab6" UNIQUE ("slug"), CONSTRAINT "UQ_bd6c5d18ddc1c3f621bce4532c5" UNIQUE ("chameoId"), CONSTRAINT "UQ_455bbd91036ce3eced349ea1516" UNIQUE ("chmoId"), CONSTRAINT "FK_c896d1134f9fd7cd98a621865f7" FOREIGN KEY ("parentId") REFERENCES "technologies" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_technologies"("id", "createdAt", "updatedAt", "slug", "name", "nameFr", "nameDe", "nameNl", "acronyms", "synonyms", "description", "parentId", "categoryId", "chameoId", "chmoId", "wikidataId") SELECT "id", "createdAt", "updatedAt", "slug", "name", "nameFr", "nameDe", "nameNl", "acronyms", "synonyms", "description", "parentId", "categoryId", "chameoId", "chmoId", "wikidataId" FROM "technologies"`,
    );
    await queryRunner.query(`DROP TABLE "technologies"`);
    await queryRunner.query(`ALTER TABLE "temporary_technologies" RENAME TO "technologies"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_46800813f460eb131823371cae" ON "technologies" ("name") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c896d1134f9fd7cd98a621865f" ON "technologies" ("parentId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_dc8359effd0ae687286800700b" ON "technologies" ("categoryId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_19744c56b5d074d1fb57280f34"`);
    await queryRunner.query(`DROP INDEX "IDX_736f7a463654d1ae56173dc84f"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_experts" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "name" varchar(200) NOT NULL, "jobTitle" varchar(200) NOT NULL DEFAULT (''), "bio" text NOT NULL DEFAULT (''), "organisationId" varchar NOT NULL, "languages" text NOT NULL, "services" text NOT NULL, "visibility" varchar(10) NOT NULL, "email" varchar(320) NOT NULL, "phone" varchar(50), "consentAt" date, "lastVerifiedAt" date, CONSTRAINT "UQ_714c375ea5ea46e2d0c7c23ccda" UNIQUE ("email"), CONSTRAINT "FK_736f7a463654d1ae56173dc84fc" FOREIGN KEY ("organisationId") REFERENCES "organisations" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_experts"("id", "createdAt", "updatedAt", "name", "jobTitle", "bio", "organisationId", "languages", "services", "visibility", "email", "phone", "consentAt", "lastVerifiedAt") SELECT "id", "createdAt", "updatedAt", "name", "jobTitle", "bio", "organisationId", "languages", "services", "visibility", "email", "phone", "consentAt", "lastVerifiedAt" FROM "experts"`,
    );
    await queryRunner.query(`DROP TABLE "experts"`);
    await queryRunner.query(`ALTER TABLE "temporary_experts" RENAME TO "experts"`);
    await queryRunner.query(`CREATE INDEX "IDX_19744c56b5d074d1fb57280f34" ON "experts" ("name") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_736f7a463654d1ae56173dc84f" ON "experts" ("organisationId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_e6fa695434a24abdcaad279438"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_expert_skills" ("expertId" varchar NOT NULL, "technologyId" varchar NOT NULL, "level" varchar(10) NOT NULL, "years" integer, CONSTRAINT "FK_56fce545cd27003903846135a3a" FOREIGN KEY ("expertId") REFERENCES "experts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_e6fa695434a24abdcaad279438c" FOREIGN KEY ("technologyId") REFERENCES "technologies" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("expertId", "technologyId"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_expert_skills"("expertId", "technologyId", "level", "years") SELECT "expertId", "technologyId", "level", "years" FROM "expert_skills"`,
    );
    await queryRunner.query(`DROP TABLE "expert_skills"`);
    await queryRunner.query(`ALTER TABLE "temporary_expert_skills" RENAME TO "expert_skills"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_e6fa695434a24abdcaad279438" ON "expert_skills" ("technologyId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_2cfd43cad7a330c7cb45133ea1"`);
    await queryRunner.query(`DROP INDEX "IDX_1daa198f93e940dc995ca0452a"`);
    await queryRunner.query(`DROP INDEX "IDX_a6aaeafee71f584153bba22a2a"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_instruments" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "name" varchar(300) NOT NULL, "model" varchar(300), "technologyId" varchar NOT NULL, "organisationId" varchar NOT NULL, "accessMode" varchar(30) NOT NULL, "description" text NOT NULL DEFAULT (''), CONSTRAINT "FK_1daa198f93e940dc995ca0452ab" FOREIGN KEY ("technologyId") REFERENCES "technologies" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_a6aaeafee71f584153bba22a2a2" FOREIGN KEY ("organisationId") REFERENCES "organisations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_instruments"("id", "createdAt", "updatedAt", "name", "model", "technologyId", "organisationId", "accessMode", "description") SELECT "id", "createdAt", "updatedAt", "name", "model", "technologyId", "organisationId", "accessMode", "description" FROM "instruments"`,
    );
    await queryRunner.query(`DROP TABLE "instruments"`);
    await queryRunner.query(`ALTER TABLE "temporary_instruments" RENAME TO "instruments"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_2cfd43cad7a330c7cb45133ea1" ON "instruments" ("name") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1daa198f93e940dc995ca0452a" ON "instruments" ("technologyId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a6aaeafee71f584153bba22a2a" ON "instruments" ("organisationId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_48cab788023144d2cca449acb0"`);
    await queryRunner.query(`DROP INDEX "IDX_85fee44f7e4bdd55767f3b36da"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_organisation_clusters" ("organisationId" varchar NOT NULL, "clusterId" varchar NOT NULL, CONSTRAINT "FK_48cab788023144d2cca449acb06" FOREIGN KEY ("organisationId") REFERENCES "organisations" ("id") ON DELETE CASCADE ON UPDATE CASCADE, CONSTRAINT "FK_85fee44f7e4bdd55767f3b36da1" FOREIGN KEY ("clusterId") REFERENCES "clusters" ("id") ON DELETE CASCADE ON UPDATE CASCADE, PRIMARY KEY ("organisationId", "clusterId"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_organisation_clusters"("organisationId", "clusterId") SELECT "organisationId", "clusterId" FROM "organisation_clusters"`,
    );
    await queryRunner.query(`DROP TABLE "organisation_clusters"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_organisation_clusters" RENAME TO "organisation_clusters"`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_48cab788023144d2cca449acb0" ON "organisation_clusters" ("organisationId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_85fee44f7e4bdd55767f3b36da" ON "organisation_clusters" ("clusterId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_021df4bb759db99fb3ca574b8a"`);
    await queryRunner.query(`DROP INDEX "IDX_4485d68d398d16fd5d63609c02"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_expert_materials" ("expertId" varchar NOT NULL, "materialId" varchar NOT NULL, CONSTRAINT "FK_021df4bb759db99fb3ca574b8aa" FOREIGN KEY ("expertId") REFERENCES "experts" ("id") ON DELETE CASCADE ON UPDATE CASCADE, CONSTRAINT "FK_4485d68d398d16fd5d63609c02c" FOREIGN KEY ("materialId") REFERENCES "materials" ("id") ON DELETE CASCADE ON UPDATE CASCADE, PRIMARY KEY ("expertId", "materialId"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_expert_materials"("expertId", "materialId") SELECT "expertId", "materialId" FROM "expert_materials"`,
    );
    await queryRunner.query(`DROP TABLE "expert_materials"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_expert_materials" RENAME TO "expert_materials"`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_021df4bb759db99fb3ca574b8a" ON "expert_materials" ("expertId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4485d68d398d16fd5d63609c02" ON "expert_materials" ("materialId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_9af84aeeb8ce603c968ea49247"`);
    await queryRunner.query(`DROP INDEX "IDX_ed3d2a2a1496d6e7bebb3ec527"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_expert_sectors" ("expertId" varchar NOT NULL, "sectorId" varchar NOT NULL, CONSTRAINT "FK_9af84aeeb8ce603c968ea49247a" FOREIGN KEY ("expertId") REFERENCES "experts" ("id") ON DELETE CASCADE ON UPDATE CASCADE, CONSTRAINT "FK_ed3d2a2a1496d6e7bebb3ec5275" FOREIGN KEY ("sectorId") REFERENCES "sectors" ("id") ON DELETE CASCADE ON UPDATE CASCADE, PRIMARY KEY ("expertId", "sectorId"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_expert_sectors"("expertId", "sectorId") SELECT "expertId", "sectorId" FROM "expert_sectors"`,
    );
    await queryRunner.query(`DROP TABLE "expert_sectors"`);
    await queryRunner.query(`ALTER TABLE "temporary_expert_sectors" RENAME TO "expert_sectors"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_9af84aeeb8ce603c968ea49247" ON "expert_sectors" ("expertId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ed3d2a2a1496d6e7bebb3ec527" ON "expert_sectors" ("sectorId") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_ed3d2a2a1496d6e7bebb3ec527"`);
    await queryRunner.query(`DROP INDEX "IDX_9af84aeeb8ce603c968ea49247"`);
    await queryRunner.query(`ALTER TABLE "expert_sectors" RENAME TO "temporary_expert_sectors"`);
    await queryRunner.query(
      `CREATE TABLE "expert_sectors" ("expertId" varchar NOT NULL, "sectorId" varchar NOT NULL, PRIMARY KEY ("expertId", "sectorId"))`,
    );
    await queryRunner.query(
      `INSERT INTO "expert_sectors"("expertId", "sectorId") SELECT "expertId", "sectorId" FROM "temporary_expert_sectors"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_expert_sectors"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_ed3d2a2a1496d6e7bebb3ec527" ON "expert_sectors" ("sectorId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9af84aeeb8ce603c968ea49247" ON "expert_sectors" ("expertId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_4485d68d398d16fd5d63609c02"`);
    await queryRunner.query(`DROP INDEX "IDX_021df4bb759db99fb3ca574b8a"`);
    await queryRunner.query(
      `ALTER TABLE "expert_materials" RENAME TO "temporary_expert_materials"`,
    );
    await queryRunner.query(
      `CREATE TABLE "expert_materials" ("expertId" varchar NOT NULL, "materialId" varchar NOT NULL, PRIMARY KEY ("expertId", "materialId"))`,
    );
    await queryRunner.query(
      `INSERT INTO "expert_materials"("expertId", "materialId") SELECT "expertId", "materialId" FROM "temporary_expert_materials"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_expert_materials"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_4485d68d398d16fd5d63609c02" ON "expert_materials" ("materialId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_021df4bb759db99fb3ca574b8a" ON "expert_materials" ("expertId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_85fee44f7e4bdd55767f3b36da"`);
    await queryRunner.query(`DROP INDEX "IDX_48cab788023144d2cca449acb0"`);
    await queryRunner.query(
      `ALTER TABLE "organisation_clusters" RENAME TO "temporary_organisation_clusters"`,
    );
    await queryRunner.query(
      `CREATE TABLE "organisation_clusters" ("organisationId" varchar NOT NULL, "clusterId" varchar NOT NULL, PRIMARY KEY ("organisationId", "clusterId"))`,
    );
    await queryRunner.query(
      `INSERT INTO "organisation_clusters"("organisationId", "clusterId") SELECT "organisationId", "clusterId" FROM "temporary_organisation_clusters"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_organisation_clusters"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_85fee44f7e4bdd55767f3b36da" ON "organisation_clusters" ("clusterId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_48cab788023144d2cca449acb0" ON "organisation_clusters" ("organisationId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_a6aaeafee71f584153bba22a2a"`);
    await queryRunner.query(`DROP INDEX "IDX_1daa198f93e940dc995ca0452a"`);
    await queryRunner.query(`DROP INDEX "IDX_2cfd43cad7a330c7cb45133ea1"`);
    await queryRunner.query(`ALTER TABLE "instruments" RENAME TO "temporary_instruments"`);
    await queryRunner.query(
      `CREATE TABLE "instruments" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "name" varchar(300) NOT NULL, "model" varchar(300), "technologyId" varchar NOT NULL, "organisationId" varchar NOT NULL, "accessMode" varchar(30) NOT NULL, "description" text NOT NULL DEFAULT (''))`,
    );
    await queryRunner.query(
      `INSERT INTO "instruments"("id", "createdAt", "updatedAt", "name", "model", "technologyId", "organisationId", "accessMode", "description") SELECT "id", "createdAt", "updatedAt", "name", "model", "technologyId", "organisationId", "accessMode", "description" FROM "temporary_instruments"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_instruments"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_a6aaeafee71f584153bba22a2a" ON "instruments" ("organisationId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1daa198f93e940dc995ca0452a" ON "instruments" ("technologyId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2cfd43cad7a330c7cb45133ea1" ON "instruments" ("name") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_e6fa695434a24abdcaad279438"`);
    await queryRunner.query(`ALTER TABLE "expert_skills" RENAME TO "temporary_expert_skills"`);
    await queryRunner.query(
      `CREATE TABLE "expert_skills" ("expertId" varchar NOT NULL, "technologyId" varchar NOT NULL, "level" varchar(10) NOT NULL, "years" integer, PRIMARY KEY ("expertId", "technologyId"))`,
    );
    await queryRunner.query(
      `INSERT INTO "expert_skills"("expertId", "technologyId", "level", "years") SELECT "expertId", "technologyId", "level", "years" FROM "temporary_expert_skills"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_expert_skills"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_e6fa695434a24abdcaad279438" ON "expert_skills" ("technologyId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_736f7a463654d1ae56173dc84f"`);
    await queryRunner.query(`DROP INDEX "IDX_19744c56b5d074d1fb57280f34"`);
    await queryRunner.query(`ALTER TABLE "experts" RENAME TO "temporary_experts"`);
    await queryRunner.query(
      `CREATE TABLE "experts" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "name" varchar(200) NOT NULL, "jobTitle" varchar(200) NOT NULL DEFAULT (''), "bio" text NOT NULL DEFAULT (''), "organisationId" varchar NOT NULL, "languages" text NOT NULL, "services" text NOT NULL, "visibility" varchar(10) NOT NULL, "email" varchar(320) NOT NULL, "phone" varchar(50), "consentAt" date, "lastVerifiedAt" date, CONSTRAINT "UQ_714c375ea5ea46e2d0c7c23ccda" UNIQUE ("email"))`,
    );
    await queryRunner.query(
      `INSERT INTO "experts"("id", "createdAt", "updatedAt", "name", "jobTitle", "bio", "organisationId", "languages", "services", "visibility", "email", "phone", "consentAt", "lastVerifiedAt") SELECT "id", "createdAt", "updatedAt", "name", "jobTitle", "bio", "organisationId", "languages", "services", "visibility", "email", "phone", "consentAt", "lastVerifiedAt" FROM "temporary_experts"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_experts"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_736f7a463654d1ae56173dc84f" ON "experts" ("organisationId") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_19744c56b5d074d1fb57280f34" ON "experts" ("name") `);
    await queryRunner.query(`DROP INDEX "IDX_dc8359effd0ae687286800700b"`);
    await queryRunner.query(`DROP INDEX "IDX_c896d1134f9fd7cd98a621865f"`);
    await queryRunner.query(`DROP INDEX "IDX_46800813f460eb131823371cae"`);
    await queryRunner.query(`ALTER TABLE "technologies" RENAME TO "temporary_technologies"`);
    await queryRunner.query(
      `CREATE TABLE "technologies" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "slug" varchar(150) NOT NULL, "name" varchar(300) NOT NULL, "nameFr" varchar(300), "nameDe" varchar(300), "nameNl" varchar(300), "acronyms" text NOT NULL, "synonyms" text NOT NULL, "description" text NOT NULL DEFAULT (''), "parentId" varchar, "categoryId" varchar, "chameoId" varchar(300), "chmoId" varchar(100), "wikidataId" varchar(50), CONSTRAINT "UQ_e1b296cd0df9807f28db43bcab6" UNIQUE ("slug"), CONSTRAINT "UQ_bd6c5d18ddc1c3f621bce4532c5" UNIQUE ("chameoId"), CONSTRAINT "UQ_455bbd91036ce3eced349ea1516" UNIQUE ("chmoId"))`,
    );
    await queryRunner.query(
      `INSERT INTO "technologies"("id", "createdAt", "updatedAt", "slug", "name", "nameFr", "nameDe", "nameNl", "acronyms", "synonyms", "description", "parentId", "categoryId", "chameoId", "chmoId", "wikidataId") SELECT "id", "createdAt", "updatedAt", "slug", "name", "nameFr", "nameDe", "nameNl", "acronyms", "synonyms", "description", "parentId", "categoryId", "chameoId", "chmoId", "wikidataId" FROM "temporary_technologies"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_technologies"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_dc8359effd0ae687286800700b" ON "technologies" ("categoryId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c896d1134f9fd7cd98a621865f" ON "technologies" ("parentId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_46800813f460eb131823371cae" ON "technologies" ("name") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_ed3d2a2a1496d6e7bebb3ec527"`);
    await queryRunner.query(`DROP INDEX "IDX_9af84aeeb8ce603c968ea49247"`);
    await queryRunner.query(`DROP TABLE "expert_sectors"`);
    await queryRunner.query(`DROP INDEX "IDX_4485d68d398d16fd5d63609c02"`);
    await queryRunner.query(`DROP INDEX "IDX_021df4bb759db99fb3ca574b8a"`);
    await queryRunner.query(`DROP TABLE "expert_materials"`);
    await queryRunner.query(`DROP INDEX "IDX_85fee44f7e4bdd55767f3b36da"`);
    await queryRunner.query(`DROP INDEX "IDX_48cab788023144d2cca449acb0"`);
    await queryRunner.query(`DROP TABLE "organisation_clusters"`);
    await queryRunner.query(`DROP INDEX "IDX_a6aaeafee71f584153bba22a2a"`);
    await queryRunner.query(`DROP INDEX "IDX_1daa198f93e940dc995ca0452a"`);
    await queryRunner.query(`DROP INDEX "IDX_2cfd43cad7a330c7cb45133ea1"`);
    await queryRunner.query(`DROP TABLE "instruments"`);
    await queryRunner.query(`DROP INDEX "IDX_e6fa695434a24abdcaad279438"`);
    await queryRunner.query(`DROP TABLE "expert_skills"`);
    await queryRunner.query(`DROP INDEX "IDX_736f7a463654d1ae56173dc84f"`);
    await queryRunner.query(`DROP INDEX "IDX_19744c56b5d074d1fb57280f34"`);
    await queryRunner.query(`DROP TABLE "experts"`);
    await queryRunner.query(`DROP TABLE "sectors"`);
    await queryRunner.query(`DROP TABLE "materials"`);
    await queryRunner.query(`DROP INDEX "IDX_8bb87a2fd94ad9484d5e60699d"`);
    await queryRunner.query(`DROP INDEX "IDX_4a3dcb66f1630f551b81bca1b3"`);
    await queryRunner.query(`DROP TABLE "organisations"`);
    await queryRunner.query(`DROP INDEX "IDX_dc8359effd0ae687286800700b"`);
    await queryRunner.query(`DROP INDEX "IDX_c896d1134f9fd7cd98a621865f"`);
    await queryRunner.query(`DROP INDEX "IDX_46800813f460eb131823371cae"`);
    await queryRunner.query(`DROP TABLE "technologies"`);
    await queryRunner.query(`DROP TABLE "clusters"`);
  }
}
