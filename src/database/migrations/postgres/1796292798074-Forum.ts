import { MigrationInterface, QueryRunner } from 'typeorm';

export class Forum1796292798074 implements MigrationInterface {
  name = 'Forum1796292798074';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "forum_questions" ("id" uuid NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "title" character varying(200) NOT NULL, "body" text NOT NULL, "categoryId" uuid, "askerPersonId" uuid, "visibility" character varying(10) NOT NULL DEFAULT 'MEMBERS', "locked" boolean NOT NULL DEFAULT false, "hiddenAt" TIMESTAMP, "acceptedAnswerId" uuid, "lastActivityAt" TIMESTAMP NOT NULL, CONSTRAINT "PK_7abc66af01a47b3a0c23f0f7c8b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_aa9b46d9767a07fb1114cc8e75" ON "forum_questions"  ("categoryId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2d210edf202e5cd66316335c41" ON "forum_questions"  ("askerPersonId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cdee155c93862911b2652cc8b7" ON "forum_questions"  ("lastActivityAt") `,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_answers" ("id" uuid NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "questionId" uuid NOT NULL, "authorPersonId" uuid, "body" text NOT NULL, "hiddenAt" TIMESTAMP, CONSTRAINT "PK_7cf3ed3fdb0a8623762163cd19a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_17d1feeab7dc0bba575927874f" ON "forum_answers"  ("questionId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cebf267ba814afd7ab1561d561" ON "forum_answers"  ("authorPersonId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_comments" ("id" uuid NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "questionId" uuid NOT NULL, "answerId" uuid, "authorPersonId" uuid, "body" text NOT NULL, "hiddenAt" TIMESTAMP, CONSTRAINT "PK_1c860feac1713d199c00ce1e9d1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0fa6dc006d082f10563cbd35b1" ON "forum_comments"  ("questionId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b0f98249d4e2c4a4a9c5e9eb4e" ON "forum_comments"  ("answerId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_199d471b1a02f652de82774492" ON "forum_comments"  ("authorPersonId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_follows" ("id" uuid NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "questionId" uuid NOT NULL, "personId" uuid NOT NULL, CONSTRAINT "UQ_27f0cae52b3e2ae455ef0f29d6b" UNIQUE ("questionId", "personId"), CONSTRAINT "PK_1357215eb6ad9318750b3ec49a4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ac1d10f93985f3923ac36d7760" ON "forum_follows"  ("personId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_reports" ("id" uuid NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "postKind" character varying(10) NOT NULL, "postId" uuid NOT NULL, "questionId" uuid NOT NULL, "reporterPersonId" uuid, "reason" character varying(1000) NOT NULL, "reportedAt" TIMESTAMP NOT NULL, "resolvedAt" TIMESTAMP, CONSTRAINT "PK_5f7331fedc27ce128560be79041" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_95a6374ac42401a0b9c097cffa" ON "forum_reports"  ("postId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_97fce2e6f845af061001605941" ON "forum_reports"  ("questionId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3fed3fad82b2c7d6090c137edf" ON "forum_reports"  ("resolvedAt") `,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_question_clusters" ("questionId" uuid NOT NULL, "clusterId" uuid NOT NULL, CONSTRAINT "PK_04553dfda5471e7ec3c06caa565" PRIMARY KEY ("questionId", "clusterId"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b2e1420705b67013af97725529" ON "forum_question_clusters"  ("questionId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a809b26a82f2bc0ed5210fe0cd" ON "forum_question_clusters"  ("clusterId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_question_techniques" ("questionId" uuid NOT NULL, "technologyId" uuid NOT NULL, CONSTRAINT "PK_e614f3a9229b5fde1eecb499979" PRIMARY KEY ("questionId", "technologyId"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c36db235de5e058fcd0085ceb9" ON "forum_question_techniques"  ("questionId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b193de4d0566a7a991c87aec7c" ON "forum_question_techniques"  ("technologyId") `,
    );
    await queryRunner.query(
      `ALTER TABLE "experts" ADD "notifyOfQuestions" boolean NOT NULL DEFAULT true`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_questions" ADD CONSTRAINT "FK_aa9b46d9767a07fb1114cc8e756" FOREIGN KEY ("categoryId") REFERENCES "technologies"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_questions" ADD CONSTRAINT "FK_2d210edf202e5cd66316335c416" FOREIGN KEY ("askerPersonId") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_answers" ADD CONSTRAINT "FK_17d1feeab7dc0bba575927874fd" FOREIGN KEY ("questionId") REFERENCES "forum_questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_answers" ADD CONSTRAINT "FK_cebf267ba814afd7ab1561d5611" FOREIGN KEY ("authorPersonId") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_comments" ADD CONSTRAINT "FK_0fa6dc006d082f10563cbd35b1e" FOREIGN KEY ("questionId") REFERENCES "forum_questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_comments" ADD CONSTRAINT "FK_b0f98249d4e2c4a4a9c5e9eb4ed" FOREIGN KEY ("answerId") REFERENCES "forum_answers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_comments" ADD CONSTRAINT "FK_199d471b1a02f652de827744926" FOREIGN KEY ("authorPersonId") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_follows" ADD CONSTRAINT "FK_cf6cb0facda2e826e353c10f6ee" FOREIGN KEY ("questionId") REFERENCES "forum_questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_follows" ADD CONSTRAINT "FK_ac1d10f93985f3923ac36d7760c" FOREIGN KEY ("personId") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_reports" ADD CONSTRAINT "FK_97fce2e6f845af061001605941a" FOREIGN KEY ("questionId") REFERENCES "forum_questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_reports" ADD CONSTRAINT "FK_439b531bda71f3c24d2525c710f" FOREIGN KEY ("reporterPersonId") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_question_clusters" ADD CONSTRAINT "FK_b2e1420705b67013af977255293" FOREIGN KEY ("questionId") REFERENCES "forum_questions"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_question_clusters" ADD CONSTRAINT "FK_a809b26a82f2bc0ed5210fe0cd6" FOREIGN KEY ("clusterId") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_question_techniques" ADD CONSTRAINT "FK_c36db235de5e058fcd0085ceb95" FOREIGN KEY ("questionId") REFERENCES "forum_questions"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_question_techniques" ADD CONSTRAINT "FK_b193de4d0566a7a991c87aec7c7" FOREIGN KEY ("technologyId") REFERENCES "technologies"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "forum_question_techniques" DROP CONSTRAINT "FK_b193de4d0566a7a991c87aec7c7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_question_techniques" DROP CONSTRAINT "FK_c36db235de5e058fcd0085ceb95"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_question_clusters" DROP CONSTRAINT "FK_a809b26a82f2bc0ed5210fe0cd6"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_question_clusters" DROP CONSTRAINT "FK_b2e1420705b67013af977255293"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_reports" DROP CONSTRAINT "FK_439b531bda71f3c24d2525c710f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_reports" DROP CONSTRAINT "FK_97fce2e6f845af061001605941a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_follows" DROP CONSTRAINT "FK_ac1d10f93985f3923ac36d7760c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_follows" DROP CONSTRAINT "FK_cf6cb0facda2e826e353c10f6ee"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_comments" DROP CONSTRAINT "FK_199d471b1a02f652de827744926"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_comments" DROP CONSTRAINT "FK_b0f98249d4e2c4a4a9c5e9eb4ed"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_comments" DROP CONSTRAINT "FK_0fa6dc006d082f10563cbd35b1e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_answers" DROP CONSTRAINT "FK_cebf267ba814afd7ab1561d5611"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_answers" DROP CONSTRAINT "FK_17d1feeab7dc0bba575927874fd"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_questions" DROP CONSTRAINT "FK_2d210edf202e5cd66316335c416"`,
    );
    await queryRunner.query(
      `ALTER TABLE "forum_questions" DROP CONSTRAINT "FK_aa9b46d9767a07fb1114cc8e756"`,
    );
    await queryRunner.query(`ALTER TABLE "experts" DROP COLUMN "notifyOfQuestions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b193de4d0566a7a991c87aec7c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c36db235de5e058fcd0085ceb9"`);
    await queryRunner.query(`DROP TABLE "forum_question_techniques"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a809b26a82f2bc0ed5210fe0cd"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b2e1420705b67013af97725529"`);
    await queryRunner.query(`DROP TABLE "forum_question_clusters"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3fed3fad82b2c7d6090c137edf"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_97fce2e6f845af061001605941"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_95a6374ac42401a0b9c097cffa"`);
    await queryRunner.query(`DROP TABLE "forum_reports"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ac1d10f93985f3923ac36d7760"`);
    await queryRunner.query(`DROP TABLE "forum_follows"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_199d471b1a02f652de82774492"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b0f98249d4e2c4a4a9c5e9eb4e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0fa6dc006d082f10563cbd35b1"`);
    await queryRunner.query(`DROP TABLE "forum_comments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cebf267ba814afd7ab1561d561"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_17d1feeab7dc0bba575927874f"`);
    await queryRunner.query(`DROP TABLE "forum_answers"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cdee155c93862911b2652cc8b7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2d210edf202e5cd66316335c41"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_aa9b46d9767a07fb1114cc8e75"`);
    await queryRunner.query(`DROP TABLE "forum_questions"`);
  }
}
