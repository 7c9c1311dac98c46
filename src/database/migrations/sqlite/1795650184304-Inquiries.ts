import { MigrationInterface, QueryRunner } from 'typeorm';

export class Inquiries1795650184304 implements MigrationInterface {
  name = 'Inquiries1795650184304';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "inquiry_history" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "inquiryId" varchar NOT NULL, "kind" varchar(20) NOT NULL, "fromStatus" varchar(20), "toStatus" varchar(20) NOT NULL, "note" text, "at" datetime NOT NULL DEFAULT (datetime('now')), "byKeyId" varchar(36))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c3dd5afb7455a964876f2a2392" ON "inquiry_history" ("inquiryId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "inquiries" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "reference" varchar(20) NOT NULL, "requesterName" varchar(200) NOT NULL, "organisation" varchar(200) NOT NULL, "email" varchar(320) NOT NULL, "country" varchar(2) NOT NULL, "description" text NOT NULL, "technologyIds" text NOT NULL, "materialId" varchar, "sectorId" varchar, "deadline" date, "latitude" double precision, "longitude" double precision, "radiusKm" double precision, "consentAt" datetime NOT NULL, "status" varchar(20) NOT NULL, "assignee" varchar(200), CONSTRAINT "UQ_b1a219db3957a68d24d084db740" UNIQUE ("reference"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_665a574a2c2a574762537fcf08" ON "inquiries" ("status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "inquiry_introductions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "inquiryId" varchar NOT NULL, "expertId" varchar NOT NULL, "introducedAt" datetime NOT NULL DEFAULT (datetime('now')), "byKeyId" varchar(36))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d85f325033a746d1aa62dcde61" ON "inquiry_introductions" ("expertId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_0299d43d1f6e00e28e3270167e" ON "inquiry_introductions" ("inquiryId", "expertId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_outbox" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" varchar(50) NOT NULL, "recipient" varchar(320) NOT NULL, "subject" varchar(300) NOT NULL, "body" text NOT NULL, "enqueuedAt" datetime NOT NULL DEFAULT (datetime('now')), "nextAttemptAt" datetime NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "lastError" text)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_5831ed48872229ceaaa1a6d314" ON "notification_outbox" ("nextAttemptAt", "id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_c3dd5afb7455a964876f2a2392"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_inquiry_history" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "inquiryId" varchar NOT NULL, "kind" varchar(20) NOT NULL, "fromStatus" varchar(20), "toStatus" varchar(20) NOT NULL, "note" text, "at" datetime NOT NULL DEFAULT (datetime('now')), "byKeyId" varchar(36), CONSTRAINT "FK_c3dd5afb7455a964876f2a23929" FOREIGN KEY ("inquiryId") REFERENCES "inquiries" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_inquiry_history"("id", "inquiryId", "kind", "fromStatus", "toStatus", "note", "at", "byKeyId") SELECT "id", "inquiryId", "kind", "fromStatus", "toStatus", "note", "at", "byKeyId" FROM "inquiry_history"`,
    );
    await queryRunner.query(`DROP TABLE "inquiry_history"`);
    await queryRunner.query(`ALTER TABLE "temporary_inquiry_history" RENAME TO "inquiry_history"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_c3dd5afb7455a964876f2a2392" ON "inquiry_history" ("inquiryId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_d85f325033a746d1aa62dcde61"`);
    await queryRunner.query(`DROP INDEX "IDX_0299d43d1f6e00e28e3270167e"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_inquiry_introductions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "inquiryId" varchar NOT NULL, "expertId" varchar NOT NULL, "introducedAt" datetime NOT NULL DEFAULT (datetime('now')), "byKeyId" varchar(36), CONSTRAINT "FK_b430bd5def134068c3e5ff832f8" FOREIGN KEY ("inquiryId") REFERENCES "inquiries" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_d85f325033a746d1aa62dcde61b" FOREIGN KEY ("expertId") REFERENCES "experts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_inquiry_introductions"("id", "inquiryId", "expertId", "introducedAt", "byKeyId") SELECT "id", "inquiryId", "expertId", "introducedAt", "byKeyId" FROM "inquiry_introductions"`,
    );
    await queryRunner.query(`DROP TABLE "inquiry_introductions"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_inquiry_introductions" RENAME TO "inquiry_introductions"`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d85f325033a746d1aa62dcde61" ON "inquiry_introductions" ("expertId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_0299d43d1f6e00e28e3270167e" ON "inquiry_introductions" ("inquiryId", "expertId") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_0299d43d1f6e00e28e3270167e"`);
    await queryRunner.query(`DROP INDEX "IDX_d85f325033a746d1aa62dcde61"`);
    await queryRunner.query(
      `ALTER TABLE "inquiry_introductions" RENAME TO "temporary_inquiry_introductions"`,
    );
    await queryRunner.query(
      `CREATE TABLE "inquiry_introductions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "inquiryId" varchar NOT NULL, "expertId" varchar NOT NULL, "introducedAt" datetime NOT NULL DEFAULT (datetime('now')), "byKeyId" varchar(36))`,
    );
    await queryRunner.query(
      `INSERT INTO "inquiry_introductions"("id", "inquiryId", "expertId", "introducedAt", "byKeyId") SELECT "id", "inquiryId", "expertId", "introducedAt", "byKeyId" FROM "temporary_inquiry_introductions"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_inquiry_introductions"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_0299d43d1f6e00e28e3270167e" ON "inquiry_introductions" ("inquiryId", "expertId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d85f325033a746d1aa62dcde61" ON "inquiry_introductions" ("expertId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_c3dd5afb7455a964876f2a2392"`);
    await queryRunner.query(`ALTER TABLE "inquiry_history" RENAME TO "temporary_inquiry_history"`);
    await queryRunner.query(
      `CREATE TABLE "inquiry_history" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "inquiryId" varchar NOT NULL, "kind" varchar(20) NOT NULL, "fromStatus" varchar(20), "toStatus" varchar(20) NOT NULL, "note" text, "at" datetime NOT NULL DEFAULT (datetime('now')), "byKeyId" varchar(36))`,
    );
    await queryRunner.query(
      `INSERT INTO "inquiry_history"("id", "inquiryId", "kind", "fromStatus", "toStatus", "note", "at", "byKeyId") SELECT "id", "inquiryId", "kind", "fromStatus", "toStatus", "note", "at", "byKeyId" FROM "temporary_inquiry_history"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_inquiry_history"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_c3dd5afb7455a964876f2a2392" ON "inquiry_history" ("inquiryId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_5831ed48872229ceaaa1a6d314"`);
    await queryRunner.query(`DROP TABLE "notification_outbox"`);
    await queryRunner.query(`DROP INDEX "IDX_0299d43d1f6e00e28e3270167e"`);
    await queryRunner.query(`DROP INDEX "IDX_d85f325033a746d1aa62dcde61"`);
    await queryRunner.query(`DROP TABLE "inquiry_introductions"`);
    await queryRunner.query(`DROP INDEX "IDX_665a574a2c2a574762537fcf08"`);
    await queryRunner.query(`DROP TABLE "inquiries"`);
    await queryRunner.query(`DROP INDEX "IDX_c3dd5afb7455a964876f2a2392"`);
    await queryRunner.query(`DROP TABLE "inquiry_history"`);
  }
}
