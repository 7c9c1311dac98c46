import { MigrationInterface, QueryRunner } from 'typeorm';

export class Inquiries1795650192800 implements MigrationInterface {
  name = 'Inquiries1795650192800';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "inquiry_history" ("id" SERIAL NOT NULL, "inquiryId" uuid NOT NULL, "kind" character varying(20) NOT NULL, "fromStatus" character varying(20), "toStatus" character varying(20) NOT NULL, "note" text, "at" TIMESTAMP NOT NULL DEFAULT now(), "byKeyId" character varying(36), CONSTRAINT "PK_481e55f8bee7f2bec819aa69fea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c3dd5afb7455a964876f2a2392" ON "inquiry_history"  ("inquiryId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "inquiries" ("id" uuid NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "reference" character varying(20) NOT NULL, "requesterName" character varying(200) NOT NULL, "organisation" character varying(200) NOT NULL, "email" character varying(320) NOT NULL, "country" character varying(2) NOT NULL, "description" text NOT NULL, "technologyIds" text NOT NULL, "materialId" uuid, "sectorId" uuid, "deadline" date, "latitude" double precision, "longitude" double precision, "radiusKm" double precision, "consentAt" TIMESTAMP NOT NULL, "status" character varying(20) NOT NULL, "assignee" character varying(200), CONSTRAINT "UQ_b1a219db3957a68d24d084db740" UNIQUE ("reference"), CONSTRAINT "PK_ceacaa439988b25eb9459e694d9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_665a574a2c2a574762537fcf08" ON "inquiries"  ("status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "inquiry_introductions" ("id" SERIAL NOT NULL, "inquiryId" uuid NOT NULL, "expertId" uuid NOT NULL, "introducedAt" TIMESTAMP NOT NULL DEFAULT now(), "byKeyId" character varying(36), CONSTRAINT "PK_e716ee5bcdc41d17d4f6e1f409b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d85f325033a746d1aa62dcde61" ON "inquiry_introductions"  ("expertId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_0299d43d1f6e00e28e3270167e" ON "inquiry_introductions"  ("inquiryId", "expertId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_outbox" ("id" SERIAL NOT NULL, "kind" character varying(50) NOT NULL, "recipient" character varying(320) NOT NULL, "subject" character varying(300) NOT NULL, "body" text NOT NULL, "enqueuedAt" TIMESTAMP NOT NULL DEFAULT now(), "nextAttemptAt" TIMESTAMP NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "lastError" text, CONSTRAINT "PK_83d47c7dba1da2d038749fe757e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_5831ed48872229ceaaa1a6d314" ON "notification_outbox"  ("nextAttemptAt", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "inquiry_history" ADD CONSTRAINT "FK_c3dd5afb7455a964876f2a23929" FOREIGN KEY ("inquiryId") REFERENCES "inquiries"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inquiry_introductions" ADD CONSTRAINT "FK_b430bd5def134068c3e5ff832f8" FOREIGN KEY ("inquiryId") REFERENCES "inquiries"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inquiry_introductions" ADD CONSTRAINT "FK_d85f325033a746d1aa62dcde61b" FOREIGN KEY ("expertId") REFERENCES "experts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "inquiry_introductions" DROP CONSTRAINT "FK_d85f325033a746d1aa62dcde61b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "inquiry_introductions" DROP CONSTRAINT "FK_b430bd5def134068c3e5ff832f8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "inquiry_history" DROP CONSTRAINT "FK_c3dd5afb7455a964876f2a23929"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_5831ed48872229ceaaa1a6d314"`);
    await queryRunner.query(`DROP TABLE "notification_outbox"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0299d43d1f6e00e28e3270167e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d85f325033a746d1aa62dcde61"`);
    await queryRunner.query(`DROP TABLE "inquiry_introductions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_665a574a2c2a574762537fcf08"`);
    await queryRunner.query(`DROP TABLE "inquiries"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c3dd5afb7455a964876f2a2392"`);
    await queryRunner.query(`DROP TABLE "inquiry_history"`);
  }
}
