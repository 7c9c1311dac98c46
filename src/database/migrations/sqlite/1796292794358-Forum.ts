import { MigrationInterface, QueryRunner } from 'typeorm';

export class Forum1796292794358 implements MigrationInterface {
  name = 'Forum1796292794358';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "forum_questions" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "title" varchar(200) NOT NULL, "body" text NOT NULL, "categoryId" varchar, "askerPersonId" varchar, "visibility" varchar(10) NOT NULL DEFAULT ('MEMBERS'), "locked" boolean NOT NULL DEFAULT (0), "hiddenAt" datetime, "acceptedAnswerId" varchar, "lastActivityAt" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_aa9b46d9767a07fb1114cc8e75" ON "forum_questions" ("categoryId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2d210edf202e5cd66316335c41" ON "forum_questions" ("askerPersonId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cdee155c93862911b2652cc8b7" ON "forum_questions" ("lastActivityAt") `,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_answers" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "questionId" varchar NOT NULL, "authorPersonId" varchar, "body" text NOT NULL, "hiddenAt" datetime)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_17d1feeab7dc0bba575927874f" ON "forum_answers" ("questionId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cebf267ba814afd7ab1561d561" ON "forum_answers" ("authorPersonId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_comments" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "questionId" varchar NOT NULL, "answerId" varchar, "authorPersonId" varchar, "body" text NOT NULL, "hiddenAt" datetime)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0fa6dc006d082f10563cbd35b1" ON "forum_comments" ("questionId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b0f98249d4e2c4a4a9c5e9eb4e" ON "forum_comments" ("answerId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_199d471b1a02f652de82774492" ON "forum_comments" ("authorPersonId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_follows" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "questionId" varchar NOT NULL, "personId" varchar NOT NULL, CONSTRAINT "UQ_27f0cae52b3e2ae455ef0f29d6b" UNIQUE ("questionId", "personId"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ac1d10f93985f3923ac36d7760" ON "forum_follows" ("personId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_reports" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "postKind" varchar(10) NOT NULL, "postId" varchar NOT NULL, "questionId" varchar NOT NULL, "reporterPersonId" varchar, "reason" varchar(1000) NOT NULL, "reportedAt" datetime NOT NULL, "resolvedAt" datetime)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_95a6374ac42401a0b9c097cffa" ON "forum_reports" ("postId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_97fce2e6f845af061001605941" ON "forum_reports" ("questionId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3fed3fad82b2c7d6090c137edf" ON "forum_reports" ("resolvedAt") `,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_question_clusters" ("questionId" varchar NOT NULL, "clusterId" varchar NOT NULL, PRIMARY KEY ("questionId", "clusterId"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b2e1420705b67013af97725529" ON "forum_question_clusters" ("questionId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a809b26a82f2bc0ed5210fe0cd" ON "forum_question_clusters" ("clusterId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_question_techniques" ("questionId" varchar NOT NULL, "technologyId" varchar NOT NULL, PRIMARY KEY ("questionId", "technologyId"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c36db235de5e058fcd0085ceb9" ON "forum_question_techniques" ("questionId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b193de4d0566a7a991c87aec7c" ON "forum_question_techniques" ("technologyId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_a193256181044adb228cfac2f9"`);
    await queryRunner.query(`DROP INDEX "IDX_736f7a463654d1ae56173dc84f"`);
    await queryRunner.query(`DROP INDEX "IDX_19744c56b5d074d1fb57280f34"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_experts" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "name" varchar(200) NOT NULL, "jobTitle" varchar(200) NOT NULL DEFAULT (''), "bio" text NOT NULL DEFAULT (''), "organisationId" varchar NOT NULL, "languages" text NOT NULL, "services" text NOT NULL, "visibility" varchar(10) NOT NULL, "email" varchar(320) NOT NULL, "phone" varchar(50), "consentAt" date, "lastVerifiedAt" date, "profileReminderSentAt" datetime, "acceptsDirectContact" boolean NOT NULL DEFAULT (1), "notifyOfQuestions" boolean NOT NULL DEFAULT (1), CONSTRAINT "UQ_714c375ea5ea46e2d0c7c23ccda" UNIQUE ("email"), CONSTRAINT "FK_736f7a463654d1ae56173dc84fc" FOREIGN KEY ("organisationId") REFERENCES "organisations" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_experts"("id", "createdAt", "updatedAt", "name", "jobTitle", "bio", "organisationId", "languages", "services", "visibility", "email", "phone", "consentAt", "lastVerifiedAt", "profileReminderSentAt", "acceptsDirectContact") SELECT "id", "createdAt", "updatedAt", "name", "jobTitle", "bio", "organisationId", "languages", "services", "visibility", "email", "phone", "consentAt", "lastVerifiedAt", "profileReminderSentAt", "acceptsDirectContact" FROM "experts"`,
    );
    await queryRunner.query(`DROP TABLE "experts"`);
    await queryRunner.query(`ALTER TABLE "temporary_experts" RENAME TO "experts"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_a193256181044adb228cfac2f9" ON "experts" ("lastVerifiedAt") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_736f7a463654d1ae56173dc84f" ON "experts" ("organisationId") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_19744c56b5d074d1fb57280f34" ON "experts" ("name") `);
    await queryRunner.query(`DROP INDEX "IDX_aa9b46d9767a07fb1114cc8e75"`);
    await queryRunner.query(`DROP INDEX "IDX_2d210edf202e5cd66316335c41"`);
    await queryRunner.query(`DROP INDEX "IDX_cdee155c93862911b2652cc8b7"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_forum_questions" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "title" varchar(200) NOT NULL, "body" text NOT NULL, "categoryId" varchar, "askerPersonId" varchar, "visibility" varchar(10) NOT NULL DEFAULT ('MEMBERS'), "locked" boolean NOT NULL DEFAULT (0), "hiddenAt" datetime, "acceptedAnswerId" varchar, "lastActivityAt" datetime NOT NULL, CONSTRAINT "FK_aa9b46d9767a07fb1114cc8e756" FOREIGN KEY ("categoryId") REFERENCES "technologies" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_2d210edf202e5cd66316335c416" FOREIGN KEY ("askerPersonId") REFERENCES "people" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_forum_questions"("id", "createdAt", "updatedAt", "title", "body", "categoryId", "askerPersonId", "visibility", "locked", "hiddenAt", "acceptedAnswerId", "lastActivityAt") SELECT "id", "createdAt", "updatedAt", "title", "body", "categoryId", "askerPersonId", "visibility", "locked", "hiddenAt", "acceptedAnswerId", "lastActivityAt" FROM "forum_questions"`,
    );
    await queryRunner.query(`DROP TABLE "forum_questions"`);
    await queryRunner.query(`ALTER TABLE "temporary_forum_questions" RENAME TO "forum_questions"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_aa9b46d9767a07fb1114cc8e75" ON "forum_questions" ("categoryId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2d210edf202e5cd66316335c41" ON "forum_questions" ("askerPersonId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cdee155c93862911b2652cc8b7" ON "forum_questions" ("lastActivityAt") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_17d1feeab7dc0bba575927874f"`);
    await queryRunner.query(`DROP INDEX "IDX_cebf267ba814afd7ab1561d561"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_forum_answers" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "questionId" varchar NOT NULL, "authorPersonId" varchar, "body" text NOT NULL, "hiddenAt" datetime, CONSTRAINT "FK_17d1feeab7dc0bba575927874fd" FOREIGN KEY ("questionId") REFERENCES "forum_questions" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_cebf267ba814afd7ab1561d5611" FOREIGN KEY ("authorPersonId") REFERENCES "people" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_forum_answers"("id", "createdAt", "updatedAt", "questionId", "authorPersonId", "body", "hiddenAt") SELECT "id", "createdAt", "updatedAt", "questionId", "authorPersonId", "body", "hiddenAt" FROM "forum_answers"`,
    );
    await queryRunner.query(`DROP TABLE "forum_answers"`);
    await queryRunner.query(`ALTER TABLE "temporary_forum_answers" RENAME TO "forum_answers"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_17d1feeab7dc0bba575927874f" ON "forum_answers" ("questionId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cebf267ba814afd7ab1561d561" ON "forum_answers" ("authorPersonId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_0fa6dc006d082f10563cbd35b1"`);
    await queryRunner.query(`DROP INDEX "IDX_b0f98249d4e2c4a4a9c5e9eb4e"`);
    await queryRunner.query(`DROP INDEX "IDX_199d471b1a02f652de82774492"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_forum_comments" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "questionId" varchar NOT NULL, "answerId" varchar, "authorPersonId" varchar, "body" text NOT NULL, "hiddenAt" datetime, CONSTRAINT "FK_0fa6dc006d082f10563cbd35b1e" FOREIGN KEY ("questionId") REFERENCES "forum_questions" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_b0f98249d4e2c4a4a9c5e9eb4ed" FOREIGN KEY ("answerId") REFERENCES "forum_answers" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_199d471b1a02f652de827744926" FOREIGN KEY ("authorPersonId") REFERENCES "people" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_forum_comments"("id", "createdAt", "updatedAt", "questionId", "answerId", "authorPersonId", "body", "hiddenAt") SELECT "id", "createdAt", "updatedAt", "questionId", "answerId", "authorPersonId", "body", "hiddenAt" FROM "forum_comments"`,
    );
    await queryRunner.query(`DROP TABLE "forum_comments"`);
    await queryRunner.query(`ALTER TABLE "temporary_forum_comments" RENAME TO "forum_comments"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_0fa6dc006d082f10563cbd35b1" ON "forum_comments" ("questionId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b0f98249d4e2c4a4a9c5e9eb4e" ON "forum_comments" ("answerId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_199d471b1a02f652de82774492" ON "forum_comments" ("authorPersonId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_ac1d10f93985f3923ac36d7760"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_forum_follows" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "questionId" varchar NOT NULL, "personId" varchar NOT NULL, CONSTRAINT "UQ_27f0cae52b3e2ae455ef0f29d6b" UNIQUE ("questionId", "personId"), CONSTRAINT "FK_cf6cb0facda2e826e353c10f6ee" FOREIGN KEY ("questionId") REFERENCES "forum_questions" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_ac1d10f93985f3923ac36d7760c" FOREIGN KEY ("personId") REFERENCES "people" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_forum_follows"("id", "createdAt", "updatedAt", "questionId", "personId") SELECT "id", "createdAt", "updatedAt", "questionId", "personId" FROM "forum_follows"`,
    );
    await queryRunner.query(`DROP TABLE "forum_follows"`);
    await queryRunner.query(`ALTER TABLE "temporary_forum_follows" RENAME TO "forum_follows"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_ac1d10f93985f3923ac36d7760" ON "forum_follows" ("personId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_95a6374ac42401a0b9c097cffa"`);
    await queryRunner.query(`DROP INDEX "IDX_97fce2e6f845af061001605941"`);
    await queryRunner.query(`DROP INDEX "IDX_3fed3fad82b2c7d6090c137edf"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_forum_reports" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "postKind" varchar(10) NOT NULL, "postId" varchar NOT NULL, "questionId" varchar NOT NULL, "reporterPersonId" varchar, "reason" varchar(1000) NOT NULL, "reportedAt" datetime NOT NULL, "resolvedAt" datetime, CONSTRAINT "FK_97fce2e6f845af061001605941a" FOREIGN KEY ("questionId") REFERENCES "forum_questions" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_439b531bda71f3c24d2525c710f" FOREIGN KEY ("reporterPersonId") REFERENCES "people" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_forum_reports"("id", "createdAt", "updatedAt", "postKind", "postId", "questionId", "reporterPersonId", "reason", "reportedAt", "resolvedAt") SELECT "id", "createdAt", "updatedAt", "postKind", "postId", "questionId", "reporterPersonId", "reason", "reportedAt", "resolvedAt" FROM "forum_reports"`,
    );
    await queryRunner.query(`DROP TABLE "forum_reports"`);
    await queryRunner.query(`ALTER TABLE "temporary_forum_reports" RENAME TO "forum_reports"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_95a6374ac42401a0b9c097cffa" ON "forum_reports" ("postId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_97fce2e6f845af061001605941" ON "forum_reports" ("questionId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3fed3fad82b2c7d6090c137edf" ON "forum_reports" ("resolvedAt") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_b2e1420705b67013af97725529"`);
    await queryRunner.query(`DROP INDEX "IDX_a809b26a82f2bc0ed5210fe0cd"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_forum_question_clusters" ("questionId" varchar NOT NULL, "clusterId" varchar NOT NULL, CONSTRAINT "FK_b2e1420705b67013af977255293" FOREIGN KEY ("questionId") REFERENCES "forum_questions" ("id") ON DELETE CASCADE ON UPDATE CASCADE, CONSTRAINT "FK_a809b26a82f2bc0ed5210fe0cd6" FOREIGN KEY ("clusterId") REFERENCES "clusters" ("id") ON DELETE CASCADE ON UPDATE CASCADE, PRIMARY KEY ("questionId", "clusterId"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_forum_question_clusters"("questionId", "clusterId") SELECT "questionId", "clusterId" FROM "forum_question_clusters"`,
    );
    await queryRunner.query(`DROP TABLE "forum_question_clusters"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_forum_question_clusters" RENAME TO "forum_question_clusters"`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b2e1420705b67013af97725529" ON "forum_question_clusters" ("questionId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a809b26a82f2bc0ed5210fe0cd" ON "forum_question_clusters" ("clusterId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_c36db235de5e058fcd0085ceb9"`);
    await queryRunner.query(`DROP INDEX "IDX_b193de4d0566a7a991c87aec7c"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_forum_question_techniques" ("questionId" varchar NOT NULL, "technologyId" varchar NOT NULL, CONSTRAINT "FK_c36db235de5e058fcd0085ceb95" FOREIGN KEY ("questionId") REFERENCES "forum_questions" ("id") ON DELETE CASCADE ON UPDATE CASCADE, CONSTRAINT "FK_b193de4d0566a7a991c87aec7c7" FOREIGN KEY ("technologyId") REFERENCES "technologies" ("id") ON DELETE CASCADE ON UPDATE CASCADE, PRIMARY KEY ("questionId", "technologyId"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_forum_question_techniques"("questionId", "technologyId") SELECT "questionId", "technologyId" FROM "forum_question_techniques"`,
    );
    await queryRunner.query(`DROP TABLE "forum_question_techniques"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_forum_question_techniques" RENAME TO "forum_question_techniques"`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c36db235de5e058fcd0085ceb9" ON "forum_question_techniques" ("questionId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b193de4d0566a7a991c87aec7c" ON "forum_question_techniques" ("technologyId") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_b193de4d0566a7a991c87aec7c"`);
    await queryRunner.query(`DROP INDEX "IDX_c36db235de5e058fcd0085ceb9"`);
    await queryRunner.query(
      `ALTER TABLE "forum_question_techniques" RENAME TO "temporary_forum_question_techniques"`,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_question_techniques" ("questionId" varchar NOT NULL, "technologyId" varchar NOT NULL, PRIMARY KEY ("questionId", "technologyId"))`,
    );
    await queryRunner.query(
      `INSERT INTO "forum_question_techniques"("questionId", "technologyId") SELECT "questionId", "technologyId" FROM "temporary_forum_question_techniques"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_forum_question_techniques"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_b193de4d0566a7a991c87aec7c" ON "forum_question_techniques" ("technologyId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c36db235de5e058fcd0085ceb9" ON "forum_question_techniques" ("questionId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_a809b26a82f2bc0ed5210fe0cd"`);
    await queryRunner.query(`DROP INDEX "IDX_b2e1420705b67013af97725529"`);
    await queryRunner.query(
      `ALTER TABLE "forum_question_clusters" RENAME TO "temporary_forum_question_clusters"`,
    );
    await queryRunner.query(
      `CREATE TABLE "forum_question_clusters" ("questionId" varchar NOT NULL, "clusterId" varchar NOT NULL, PRIMARY KEY ("questionId", "clusterId"))`,
    );
    await queryRunner.query(
      `INSERT INTO "forum_question_clusters"("questionId", "clusterId") SELECT "questionId", "clusterId" FROM "temporary_forum_question_clusters"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_forum_question_clusters"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_a809b26a82f2bc0ed5210fe0cd" ON "forum_question_clusters" ("clusterId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b2e1420705b67013af97725529" ON "forum_question_clusters" ("questionId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_3fed3fad82b2c7d6090c137edf"`);
    await queryRunner.query(`DROP INDEX "IDX_97fce2e6f845af061001605941"`);
    await queryRunner.query(`DROP INDEX "IDX_95a6374ac42401a0b9c097cffa"`);
    await queryRunner.query(`ALTER TABLE "forum_reports" RENAME TO "temporary_forum_reports"`);
    await queryRunner.query(
      `CREATE TABLE "forum_reports" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "postKind" varchar(10) NOT NULL, "postId" varchar NOT NULL, "questionId" varchar NOT NULL, "reporterPersonId" varchar, "reason" varchar(1000) NOT NULL, "reportedAt" datetime NOT NULL, "resolvedAt" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "forum_reports"("id", "createdAt", "updatedAt", "postKind", "postId", "questionId", "reporterPersonId", "reason", "reportedAt", "resolvedAt") SELECT "id", "createdAt", "updatedAt", "postKind", "postId", "questionId", "reporterPersonId", "reason", "reportedAt", "resolvedAt" FROM "temporary_forum_reports"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_forum_reports"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_3fed3fad82b2c7d6090c137edf" ON "forum_reports" ("resolvedAt") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_97fce2e6f845af061001605941" ON "forum_reports" ("questionId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_95a6374ac42401a0b9c097cffa" ON "forum_reports" ("postId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_ac1d10f93985f3923ac36d7760"`);
    await queryRunner.query(`ALTER TABLE "forum_follows" RENAME TO "temporary_forum_follows"`);
    await queryRunner.query(
      `CREATE TABLE "forum_follows" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "questionId" varchar NOT NULL, "personId" varchar NOT NULL, CONSTRAINT "UQ_27f0cae52b3e2ae455ef0f29d6b" UNIQUE ("questionId", "personId"))`,
    );
    await queryRunner.query(
      `INSERT INTO "forum_follows"("id", "createdAt", "updatedAt", "questionId", "personId") SELECT "id", "createdAt", "updatedAt", "questionId", "personId" FROM "temporary_forum_follows"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_forum_follows"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_ac1d10f93985f3923ac36d7760" ON "forum_follows" ("personId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_199d471b1a02f652de82774492"`);
    await queryRunner.query(`DROP INDEX "IDX_b0f98249d4e2c4a4a9c5e9eb4e"`);
    await queryRunner.query(`DROP INDEX "IDX_0fa6dc006d082f10563cbd35b1"`);
    await queryRunner.query(`ALTER TABLE "forum_comments" RENAME TO "temporary_forum_comments"`);
    await queryRunner.query(
      `CREATE TABLE "forum_comments" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "questionId" varchar NOT NULL, "answerId" varchar, "authorPersonId" varchar, "body" text NOT NULL, "hiddenAt" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "forum_comments"("id", "createdAt", "updatedAt", "questionId", "answerId", "authorPersonId", "body", "hiddenAt") SELECT "id", "createdAt", "updatedAt", "questionId", "answerId", "authorPersonId", "body", "hiddenAt" FROM "temporary_forum_comments"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_forum_comments"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_199d471b1a02f652de82774492" ON "forum_comments" ("authorPersonId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b0f98249d4e2c4a4a9c5e9eb4e" ON "forum_comments" ("answerId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0fa6dc006d082f10563cbd35b1" ON "forum_comments" ("questionId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_cebf267ba814afd7ab1561d561"`);
    await queryRunner.query(`DROP INDEX "IDX_17d1feeab7dc0bba575927874f"`);
    await queryRunner.query(`ALTER TABLE "forum_answers" RENAME TO "temporary_forum_answers"`);
    await queryRunner.query(
      `CREATE TABLE "forum_answers" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "questionId" varchar NOT NULL, "authorPersonId" varchar, "body" text NOT NULL, "hiddenAt" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "forum_answers"("id", "createdAt", "updatedAt", "questionId", "authorPersonId", "body", "hiddenAt") SELECT "id", "createdAt", "updatedAt", "questionId", "authorPersonId", "body", "hiddenAt" FROM "temporary_forum_answers"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_forum_answers"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_cebf267ba814afd7ab1561d561" ON "forum_answers" ("authorPersonId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_17d1feeab7dc0bba575927874f" ON "forum_answers" ("questionId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_cdee155c93862911b2652cc8b7"`);
    await queryRunner.query(`DROP INDEX "IDX_2d210edf202e5cd66316335c41"`);
    await queryRunner.query(`DROP INDEX "IDX_aa9b46d9767a07fb1114cc8e75"`);
    await queryRunner.query(`ALTER TABLE "forum_questions" RENAME TO "temporary_forum_questions"`);
    await queryRunner.query(
      `CREATE TABLE "forum_questions" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "title" varchar(200) NOT NULL, "body" text NOT NULL, "categoryId" varchar, "askerPersonId" varchar, "visibility" varchar(10) NOT NULL DEFAULT ('MEMBERS'), "locked" boolean NOT NULL DEFAULT (0), "hiddenAt" datetime, "acceptedAnswerId" varchar, "lastActivityAt" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "forum_questions"("id", "createdAt", "updatedAt", "title", "body", "categoryId", "askerPersonId", "visibility", "locked", "hiddenAt", "acceptedAnswerId", "lastActivityAt") SELECT "id", "createdAt", "updatedAt", "title", "body", "categoryId", "askerPersonId", "visibility", "locked", "hiddenAt", "acceptedAnswerId", "lastActivityAt" FROM "temporary_forum_questions"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_forum_questions"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_cdee155c93862911b2652cc8b7" ON "forum_questions" ("lastActivityAt") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2d210edf202e5cd66316335c41" ON "forum_questions" ("askerPersonId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_aa9b46d9767a07fb1114cc8e75" ON "forum_questions" ("categoryId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_19744c56b5d074d1fb57280f34"`);
    await queryRunner.query(`DROP INDEX "IDX_736f7a463654d1ae56173dc84f"`);
    await queryRunner.query(`DROP INDEX "IDX_a193256181044adb228cfac2f9"`);
    await queryRunner.query(`ALTER TABLE "experts" RENAME TO "temporary_experts"`);
    await queryRunner.query(
      `CREATE TABLE "experts" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "name" varchar(200) NOT NULL, "jobTitle" varchar(200) NOT NULL DEFAULT (''), "bio" text NOT NULL DEFAULT (''), "organisationId" varchar NOT NULL, "languages" text NOT NULL, "services" text NOT NULL, "visibility" varchar(10) NOT NULL, "email" varchar(320) NOT NULL, "phone" varchar(50), "consentAt" date, "lastVerifiedAt" date, "profileReminderSentAt" datetime, "acceptsDirectContact" boolean NOT NULL DEFAULT (1), CONSTRAINT "UQ_714c375ea5ea46e2d0c7c23ccda" UNIQUE ("email"), CONSTRAINT "FK_736f7a463654d1ae56173dc84fc" FOREIGN KEY ("organisationId") REFERENCES "organisations" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "experts"("id", "createdAt", "updatedAt", "name", "jobTitle", "bio", "organisationId", "languages", "services", "visibility", "email", "phone", "consentAt", "lastVerifiedAt", "profileReminderSentAt", "acceptsDirectContact") SELECT "id", "createdAt", "updatedAt", "name", "jobTitle", "bio", "organisationId", "languages", "services", "visibility", "email", "phone", "consentAt", "lastVerifiedAt", "profileReminderSentAt", "acceptsDirectContact" FROM "temporary_experts"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_experts"`);
    await queryRunner.query(`CREATE INDEX "IDX_19744c56b5d074d1fb57280f34" ON "experts" ("name") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_736f7a463654d1ae56173dc84f" ON "experts" ("organisationId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a193256181044adb228cfac2f9" ON "experts" ("lastVerifiedAt") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_b193de4d0566a7a991c87aec7c"`);
    await queryRunner.query(`DROP INDEX "IDX_c36db235de5e058fcd0085ceb9"`);
    await queryRunner.query(`DROP TABLE "forum_question_techniques"`);
    await queryRunner.query(`DROP INDEX "IDX_a809b26a82f2bc0ed5210fe0cd"`);
    await queryRunner.query(`DROP INDEX "IDX_b2e1420705b67013af97725529"`);
    await queryRunner.query(`DROP TABLE "forum_question_clusters"`);
    await queryRunner.query(`DROP INDEX "IDX_3fed3fad82b2c7d6090c137edf"`);
    await queryRunner.query(`DROP INDEX "IDX_97fce2e6f845af061001605941"`);
    await queryRunner.query(`DROP INDEX "IDX_95a6374ac42401a0b9c097cffa"`);
    await queryRunner.query(`DROP TABLE "forum_reports"`);
    await queryRunner.query(`DROP INDEX "IDX_ac1d10f93985f3923ac36d7760"`);
    await queryRunner.query(`DROP TABLE "forum_follows"`);
    await queryRunner.query(`DROP INDEX "IDX_199d471b1a02f652de82774492"`);
    await queryRunner.query(`DROP INDEX "IDX_b0f98249d4e2c4a4a9c5e9eb4e"`);
    await queryRunner.query(`DROP INDEX "IDX_0fa6dc006d082f10563cbd35b1"`);
    await queryRunner.query(`DROP TABLE "forum_comments"`);
    await queryRunner.query(`DROP INDEX "IDX_cebf267ba814afd7ab1561d561"`);
    await queryRunner.query(`DROP INDEX "IDX_17d1feeab7dc0bba575927874f"`);
    await queryRunner.query(`DROP TABLE "forum_answers"`);
    await queryRunner.query(`DROP INDEX "IDX_cdee155c93862911b2652cc8b7"`);
    await queryRunner.query(`DROP INDEX "IDX_2d210edf202e5cd66316335c41"`);
    await queryRunner.query(`DROP INDEX "IDX_aa9b46d9767a07fb1114cc8e75"`);
    await queryRunner.query(`DROP TABLE "forum_questions"`);
  }
}
