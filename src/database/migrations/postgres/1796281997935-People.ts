import { MigrationInterface, QueryRunner } from 'typeorm';

export class People1796281997935 implements MigrationInterface {
  name = 'People1796281997935';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "people" ("id" uuid NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "email" character varying(320) NOT NULL, "name" character varying(200) NOT NULL DEFAULT '', "preferredLanguage" character varying(2) NOT NULL, "organisationId" uuid, "staffRole" character varying(10), "expertId" uuid, "lastSignInAt" TIMESTAMP, CONSTRAINT "UQ_c77e8752faa45901af2b245dff2" UNIQUE ("email"), CONSTRAINT "REL_6316b7ff72a395d426702645d2" UNIQUE ("expertId"), CONSTRAINT "PK_aa866e71353ee94c6cc51059c5b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_553eb5b624931ac05726b658c2" ON "people"  ("organisationId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sessions" ("id" uuid NOT NULL, "personId" uuid NOT NULL, "tokenHash" character varying(64) NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "lastUsedAt" TIMESTAMP NOT NULL, "expiresAt" TIMESTAMP NOT NULL, "userAgent" character varying(200) NOT NULL DEFAULT '', CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ef11cdece06d5c6a6c021fe923" ON "sessions"  ("personId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_bace6c68efc156fddac9b14bda" ON "sessions"  ("tokenHash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sign_in_domains" ("domain" character varying(253) NOT NULL, "organisationId" uuid NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_e4c302f8c6ce2e795cd8519483c" PRIMARY KEY ("domain"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1cae2df566148c59252a945733" ON "sign_in_domains"  ("organisationId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sign_in_tokens" ("id" uuid NOT NULL, "tokenHash" character varying(64) NOT NULL, "email" character varying(320) NOT NULL, "language" character varying(2) NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "expiresAt" TIMESTAMP NOT NULL, "usedAt" TIMESTAMP, CONSTRAINT "PK_32dc38a124eb12791e7726a4492" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_e9de06d05ade7a7f8c66c3305a" ON "sign_in_tokens"  ("tokenHash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_309760d14c6b7a1ababb8cc31b" ON "sign_in_tokens"  ("email") `,
    );
    await queryRunner.query(
      `ALTER TABLE "people" ADD CONSTRAINT "FK_553eb5b624931ac05726b658c2e" FOREIGN KEY ("organisationId") REFERENCES "organisations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "people" ADD CONSTRAINT "FK_6316b7ff72a395d426702645d24" FOREIGN KEY ("expertId") REFERENCES "experts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "FK_ef11cdece06d5c6a6c021fe9238" FOREIGN KEY ("personId") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sign_in_domains" ADD CONSTRAINT "FK_1cae2df566148c59252a9457332" FOREIGN KEY ("organisationId") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "sign_in_domains" DROP CONSTRAINT "FK_1cae2df566148c59252a9457332"`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" DROP CONSTRAINT "FK_ef11cdece06d5c6a6c021fe9238"`,
    );
    await queryRunner.query(
      `ALTER TABLE "people" DROP CONSTRAINT "FK_6316b7ff72a395d426702645d24"`,
    );
    await queryRunner.query(
      `ALTER TABLE "people" DROP CONSTRAINT "FK_553eb5b624931ac05726b658c2e"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_309760d14c6b7a1ababb8cc31b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e9de06d05ade7a7f8c66c3305a"`);
    await queryRunner.query(`DROP TABLE "sign_in_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1cae2df566148c59252a945733"`);
    await queryRunner.query(`DROP TABLE "sign_in_domains"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bace6c68efc156fddac9b14bda"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ef11cdece06d5c6a6c021fe923"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_553eb5b624931ac05726b658c2"`);
    await queryRunner.query(`DROP TABLE "people"`);
  }
}
