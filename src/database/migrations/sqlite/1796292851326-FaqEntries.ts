import { MigrationInterface, QueryRunner } from 'typeorm';

export class FaqEntries1796292851326 implements MigrationInterface {
  name = 'FaqEntries1796292851326';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "faq_entries" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "categoryId" varchar, "position" integer NOT NULL DEFAULT (0), "status" varchar(10) NOT NULL, "publishedAt" datetime, "questionEn" text, "answerEn" text, "questionFr" text, "answerFr" text, "questionDe" text, "answerDe" text, "questionNl" text, "answerNl" text, "sourceAnswerId" varchar)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b49887625f1834e171c9f9ad5d" ON "faq_entries" ("sourceAnswerId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_5716c869d66b0fbc17244d9ece" ON "faq_entries" ("categoryId", "position") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_b49887625f1834e171c9f9ad5d"`);
    await queryRunner.query(`DROP INDEX "IDX_5716c869d66b0fbc17244d9ece"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_faq_entries" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "categoryId" varchar, "position" integer NOT NULL DEFAULT (0), "status" varchar(10) NOT NULL, "publishedAt" datetime, "questionEn" text, "answerEn" text, "questionFr" text, "answerFr" text, "questionDe" text, "answerDe" text, "questionNl" text, "answerNl" text, "sourceAnswerId" varchar, CONSTRAINT "FK_b92fcd3ad7ec7738bf87ca50d8c" FOREIGN KEY ("categoryId") REFERENCES "technologies" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_faq_entries"("id", "createdAt", "updatedAt", "categoryId", "position", "status", "publishedAt", "questionEn", "answerEn", "questionFr", "answerFr", "questionDe", "answerDe", "questionNl", "answerNl", "sourceAnswerId") SELECT "id", "createdAt", "updatedAt", "categoryId", "position", "status", "publishedAt", "questionEn", "answerEn", "questionFr", "answerFr", "questionDe", "answerDe", "questionNl", "answerNl", "sourceAnswerId" FROM "faq_entries"`,
    );
    await queryRunner.query(`DROP TABLE "faq_entries"`);
    await queryRunner.query(`ALTER TABLE "temporary_faq_entries" RENAME TO "faq_entries"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_b49887625f1834e171c9f9ad5d" ON "faq_entries" ("sourceAnswerId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_5716c869d66b0fbc17244d9ece" ON "faq_entries" ("categoryId", "position") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_5716c869d66b0fbc17244d9ece"`);
    await queryRunner.query(`DROP INDEX "IDX_b49887625f1834e171c9f9ad5d"`);
    await queryRunner.query(`ALTER TABLE "faq_entries" RENAME TO "temporary_faq_entries"`);
    await queryRunner.query(
      `CREATE TABLE "faq_entries" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "categoryId" varchar, "position" integer NOT NULL DEFAULT (0), "status" varchar(10) NOT NULL, "publishedAt" datetime, "questionEn" text, "answerEn" text, "questionFr" text, "answerFr" text, "questionDe" text, "answerDe" text, "questionNl" text, "answerNl" text, "sourceAnswerId" varchar)`,
    );
    await queryRunner.query(
      `INSERT INTO "faq_entries"("id", "createdAt", "updatedAt", "categoryId", "position", "status", "publishedAt", "questionEn", "answerEn", "questionFr", "answerFr", "questionDe", "answerDe", "questionNl", "answerNl", "sourceAnswerId") SELECT "id", "createdAt", "updatedAt", "categoryId", "position", "status", "publishedAt", "questionEn", "answerEn", "questionFr", "answerFr", "questionDe", "answerDe", "questionNl", "answerNl", "sourceAnswerId" FROM "temporary_faq_entries"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_faq_entries"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_5716c869d66b0fbc17244d9ece" ON "faq_entries" ("categoryId", "position") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b49887625f1834e171c9f9ad5d" ON "faq_entries" ("sourceAnswerId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_5716c869d66b0fbc17244d9ece"`);
    await queryRunner.query(`DROP INDEX "IDX_b49887625f1834e171c9f9ad5d"`);
    await queryRunner.query(`DROP TABLE "faq_entries"`);
  }
}
