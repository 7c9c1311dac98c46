import { MigrationInterface, QueryRunner } from 'typeorm';

export class FaqEntries1796292869752 implements MigrationInterface {
  name = 'FaqEntries1796292869752';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "faq_entries" ("id" uuid NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "categoryId" uuid, "position" integer NOT NULL DEFAULT '0', "status" character varying(10) NOT NULL, "publishedAt" TIMESTAMP, "questionEn" text, "answerEn" text, "questionFr" text, "answerFr" text, "questionDe" text, "answerDe" text, "questionNl" text, "answerNl" text, "sourceAnswerId" uuid, CONSTRAINT "PK_4e06d34f76cad999df10bcc08f6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b49887625f1834e171c9f9ad5d" ON "faq_entries"  ("sourceAnswerId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_5716c869d66b0fbc17244d9ece" ON "faq_entries"  ("categoryId", "position") `,
    );
    await queryRunner.query(
      `ALTER TABLE "faq_entries" ADD CONSTRAINT "FK_b92fcd3ad7ec7738bf87ca50d8c" FOREIGN KEY ("categoryId") REFERENCES "technologies"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "faq_entries" DROP CONSTRAINT "FK_b92fcd3ad7ec7738bf87ca50d8c"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_5716c869d66b0fbc17244d9ece"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b49887625f1834e171c9f9ad5d"`);
    await queryRunner.query(`DROP TABLE "faq_entries"`);
  }
}
