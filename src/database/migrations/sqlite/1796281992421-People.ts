import { MigrationInterface, QueryRunner } from 'typeorm';

export class People1796281992421 implements MigrationInterface {
  name = 'People1796281992421';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "people" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "email" varchar(320) NOT NULL, "name" varchar(200) NOT NULL DEFAULT (''), "preferredLanguage" varchar(2) NOT NULL, "organisationId" varchar, "staffRole" varchar(10), "expertId" varchar, "lastSignInAt" datetime, CONSTRAINT "UQ_c77e8752faa45901af2b245dff2" UNIQUE ("email"), CONSTRAINT "REL_6316b7ff72a395d426702645d2" UNIQUE ("expertId"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_553eb5b624931ac05726b658c2" ON "people" ("organisationId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sessions" ("id" varchar PRIMARY KEY NOT NULL, "personId" varchar NOT NULL, "tokenHash" varchar(64) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "lastUsedAt" datetime NOT NULL, "expiresAt" datetime NOT NULL, "userAgent" varchar(200) NOT NULL DEFAULT (''))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ef11cdece06d5c6a6c021fe923" ON "sessions" ("personId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_bace6c68efc156fddac9b14bda" ON "sessions" ("tokenHash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sign_in_domains" ("domain" varchar(253) PRIMARY KEY NOT NULL, "organisationId" varchar NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1cae2df566148c59252a945733" ON "sign_in_domains" ("organisationId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sign_in_tokens" ("id" varchar PRIMARY KEY NOT NULL, "tokenHash" varchar(64) NOT NULL, "email" varchar(320) NOT NULL, "language" varchar(2) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "expiresAt" datetime NOT NULL, "usedAt" datetime)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_e9de06d05ade7a7f8c66c3305a" ON "sign_in_tokens" ("tokenHash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_309760d14c6b7a1ababb8cc31b" ON "sign_in_tokens" ("email") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_553eb5b624931ac05726b658c2"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_people" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "email" varchar(320) NOT NULL, "name" varchar(200) NOT NULL DEFAULT (''), "preferredLanguage" varchar(2) NOT NULL, "organisationId" varchar, "staffRole" varchar(10), "expertId" varchar, "lastSignInAt" datetime, CONSTRAINT "UQ_c77e8752faa45901af2b245dff2" UNIQUE ("email"), CONSTRAINT "REL_6316b7ff72a395d426702645d2" UNIQUE ("expertId"), CONSTRAINT "FK_553eb5b624931ac05726b658c2e" FOREIGN KEY ("organisationId") REFERENCES "organisations" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_6316b7ff72a395d426702645d24" FOREIGN KEY ("expertId") REFERENCES "experts" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_people"("id", "createdAt", "updatedAt", "email", "name", "preferredLanguage", "organisationId", "staffRole", "expertId", "lastSignInAt") SELECT "id", "createdAt", "updatedAt", "email", "name", "preferredLanguage", "organisationId", "staffRole", "expertId", "lastSignInAt" FROM "people"`,
    );
    await queryRunner.query(`DROP TABLE "people"`);
    await queryRunner.query(`ALTER TABLE "temporary_people" RENAME TO "people"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_553eb5b624931ac05726b658c2" ON "people" ("organisationId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_ef11cdece06d5c6a6c021fe923"`);
    await queryRunner.query(`DROP INDEX "IDX_bace6c68efc156fddac9b14bda"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_sessions" ("id" varchar PRIMARY KEY NOT NULL, "personId" varchar NOT NULL, "tokenHash" varchar(64) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "lastUsedAt" datetime NOT NULL, "expiresAt" datetime NOT NULL, "userAgent" varchar(200) NOT NULL DEFAULT (''), CONSTRAINT "FK_ef11cdece06d5c6a6c021fe9238" FOREIGN KEY ("personId") REFERENCES "people" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_sessions"("id", "personId", "tokenHash", "createdAt", "lastUsedAt", "expiresAt", "userAgent") SELECT "id", "personId", "tokenHash", "createdAt", "lastUsedAt", "expiresAt", "userAgent" FROM "sessions"`,
    );
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`ALTER TABLE "temporary_sessions" RENAME TO "sessions"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_ef11cdece06d5c6a6c021fe923" ON "sessions" ("personId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_bace6c68efc156fddac9b14bda" ON "sessions" ("tokenHash") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_1cae2df566148c59252a945733"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_sign_in_domains" ("domain" varchar(253) PRIMARY KEY NOT NULL, "organisationId" varchar NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_1cae2df566148c59252a9457332" FOREIGN KEY ("organisationId") REFERENCES "organisations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_sign_in_domains"("domain", "organisationId", "createdAt") SELECT "domain", "organisationId", "createdAt" FROM "sign_in_domains"`,
    );
    await queryRunner.query(`DROP TABLE "sign_in_domains"`);
    await queryRunner.query(`ALTER TABLE "temporary_sign_in_domains" RENAME TO "sign_in_domains"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_1cae2df566148c59252a945733" ON "sign_in_domains" ("organisationId") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_1cae2df566148c59252a945733"`);
    await queryRunner.query(`ALTER TABLE "sign_in_domains" RENAME TO "temporary_sign_in_domains"`);
    await queryRunner.query(
      `CREATE TABLE "sign_in_domains" ("domain" varchar(253) PRIMARY KEY NOT NULL, "organisationId" varchar NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`,
    );
    await queryRunner.query(
      `INSERT INTO "sign_in_domains"("domain", "organisationId", "createdAt") SELECT "domain", "organisationId", "createdAt" FROM "temporary_sign_in_domains"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_sign_in_domains"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_1cae2df566148c59252a945733" ON "sign_in_domains" ("organisationId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_bace6c68efc156fddac9b14bda"`);
    await queryRunner.query(`DROP INDEX "IDX_ef11cdece06d5c6a6c021fe923"`);
    await queryRunner.query(`ALTER TABLE "sessions" RENAME TO "temporary_sessions"`);
    await queryRunner.query(
      `CREATE TABLE "sessions" ("id" varchar PRIMARY KEY NOT NULL, "personId" varchar NOT NULL, "tokenHash" varchar(64) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "lastUsedAt" datetime NOT NULL, "expiresAt" datetime NOT NULL, "userAgent" varchar(200) NOT NULL DEFAULT (''))`,
    );
    await queryRunner.query(
      `INSERT INTO "sessions"("id", "personId", "tokenHash", "createdAt", "lastUsedAt", "expiresAt", "userAgent") SELECT "id", "personId", "tokenHash", "createdAt", "lastUsedAt", "expiresAt", "userAgent" FROM "temporary_sessions"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_sessions"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_bace6c68efc156fddac9b14bda" ON "sessions" ("tokenHash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ef11cdece06d5c6a6c021fe923" ON "sessions" ("personId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_553eb5b624931ac05726b658c2"`);
    await queryRunner.query(`ALTER TABLE "people" RENAME TO "temporary_people"`);
    await queryRunner.query(
      `CREATE TABLE "people" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "email" varchar(320) NOT NULL, "name" varchar(200) NOT NULL DEFAULT (''), "preferredLanguage" varchar(2) NOT NULL, "organisationId" varchar, "staffRole" varchar(10), "expertId" varchar, "lastSignInAt" datetime, CONSTRAINT "UQ_c77e8752faa45901af2b245dff2" UNIQUE ("email"), CONSTRAINT "REL_6316b7ff72a395d426702645d2" UNIQUE ("expertId"))`,
    );
    await queryRunner.query(
      `INSERT INTO "people"("id", "createdAt", "updatedAt", "email", "name", "preferredLanguage", "organisationId", "staffRole", "expertId", "lastSignInAt") SELECT "id", "createdAt", "updatedAt", "email", "name", "preferredLanguage", "organisationId", "staffRole", "expertId", "lastSignInAt" FROM "temporary_people"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_people"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_553eb5b624931ac05726b658c2" ON "people" ("organisationId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_309760d14c6b7a1ababb8cc31b"`);
    await queryRunner.query(`DROP INDEX "IDX_e9de06d05ade7a7f8c66c3305a"`);
    await queryRunner.query(`DROP TABLE "sign_in_tokens"`);
    await queryRunner.query(`DROP INDEX "IDX_1cae2df566148c59252a945733"`);
    await queryRunner.query(`DROP TABLE "sign_in_domains"`);
    await queryRunner.query(`DROP INDEX "IDX_bace6c68efc156fddac9b14bda"`);
    await queryRunner.query(`DROP INDEX "IDX_ef11cdece06d5c6a6c021fe923"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP INDEX "IDX_553eb5b624931ac05726b658c2"`);
    await queryRunner.query(`DROP TABLE "people"`);
  }
}
