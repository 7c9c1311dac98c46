import { MigrationInterface, QueryRunner } from 'typeorm';

export class Conversations1796284983388 implements MigrationInterface {
  name = 'Conversations1796284983388';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "conversations" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "subject" varchar(200) NOT NULL, "kind" varchar(10) NOT NULL, "inquiryId" varchar, "lastSeq" integer NOT NULL DEFAULT (0), "lastMessageAt" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_665d7118f1c29d582ab2a3252c" ON "conversations" ("inquiryId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b853c3320df7cf06b7bfa413c8" ON "conversations" ("lastMessageAt") `,
    );
    await queryRunner.query(
      `CREATE TABLE "messages" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "conversationId" varchar NOT NULL, "seq" integer NOT NULL, "authorPersonId" varchar, "body" text, "editedAt" datetime, "deletedAt" datetime, CONSTRAINT "UQ_f0874fbc4bba5c9edc9ca528f8e" UNIQUE ("conversationId", "seq"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "message_revisions" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "messageId" varchar NOT NULL, "body" text NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e5024b900eddd0cbbb843494d5" ON "message_revisions" ("messageId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "conversation_participants" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "conversationId" varchar NOT NULL, "personId" varchar NOT NULL, "role" varchar(10) NOT NULL, "lastReadSeq" integer NOT NULL DEFAULT (0), "lastReadMessageId" varchar, "readAt" datetime, "muted" boolean NOT NULL DEFAULT (0), "removedAt" datetime, CONSTRAINT "UQ_c5e85a7c92fec3a5a60ceb33c52" UNIQUE ("conversationId", "personId"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f03151ffe4323e57931146bc12" ON "conversation_participants" ("personId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_665d7118f1c29d582ab2a3252c"`);
    await queryRunner.query(`DROP INDEX "IDX_b853c3320df7cf06b7bfa413c8"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_conversations" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "subject" varchar(200) NOT NULL, "kind" varchar(10) NOT NULL, "inquiryId" varchar, "lastSeq" integer NOT NULL DEFAULT (0), "lastMessageAt" datetime NOT NULL, CONSTRAINT "FK_665d7118f1c29d582ab2a3252c8" FOREIGN KEY ("inquiryId") REFERENCES "inquiries" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_conversations"("id", "createdAt", "updatedAt", "subject", "kind", "inquiryId", "lastSeq", "lastMessageAt") SELECT "id", "createdAt", "updatedAt", "subject", "kind", "inquiryId", "lastSeq", "lastMessageAt" FROM "conversations"`,
    );
    await queryRunner.query(`DROP TABLE "conversations"`);
    await queryRunner.query(`ALTER TABLE "temporary_conversations" RENAME TO "conversations"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_665d7118f1c29d582ab2a3252c" ON "conversations" ("inquiryId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b853c3320df7cf06b7bfa413c8" ON "conversations" ("lastMessageAt") `,
    );
    await queryRunner.query(
      `CREATE TABLE "temporary_messages" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "conversationId" varchar NOT NULL, "seq" integer NOT NULL, "authorPersonId" varchar, "body" text, "editedAt" datetime, "deletedAt" datetime, CONSTRAINT "UQ_f0874fbc4bba5c9edc9ca528f8e" UNIQUE ("conversationId", "seq"), CONSTRAINT "FK_e5663ce0c730b2de83445e2fd19" FOREIGN KEY ("conversationId") REFERENCES "conversations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_2b23727e81e8efdaee5c7955e7c" FOREIGN KEY ("authorPersonId") REFERENCES "people" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_messages"("id", "createdAt", "updatedAt", "conversationId", "seq", "authorPersonId", "body", "editedAt", "deletedAt") SELECT "id", "createdAt", "updatedAt", "conversationId", "seq", "authorPersonId", "body", "editedAt", "deletedAt" FROM "messages"`,
    );
    await queryRunner.query(`DROP TABLE "messages"`);
    await queryRunner.query(`ALTER TABLE "temporary_messages" RENAME TO "messages"`);
    await queryRunner.query(`DROP INDEX "IDX_e5024b900eddd0cbbb843494d5"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_message_revisions" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "messageId" varchar NOT NULL, "body" text NOT NULL, CONSTRAINT "FK_e5024b900eddd0cbbb843494d51" FOREIGN KEY ("messageId") REFERENCES "messages" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_message_revisions"("id", "createdAt", "updatedAt", "messageId", "body") SELECT "id", "createdAt", "updatedAt", "messageId", "body" FROM "message_revisions"`,
    );
    await queryRunner.query(`DROP TABLE "message_revisions"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_message_revisions" RENAME TO "message_revisions"`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e5024b900eddd0cbbb843494d5" ON "message_revisions" ("messageId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_f03151ffe4323e57931146bc12"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_conversation_participants" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "conversationId" varchar NOT NULL, "personId" varchar NOT NULL, "role" varchar(10) NOT NULL, "lastReadSeq" integer NOT NULL DEFAULT (0), "lastReadMessageId" varchar, "readAt" datetime, "muted" boolean NOT NULL DEFAULT (0), "removedAt" datetime, CONSTRAINT "UQ_c5e85a7c92fec3a5a60ceb33c52" UNIQUE ("conversationId", "personId"), CONSTRAINT "FK_4453e20858b14ab765a09ad728c" FOREIGN KEY ("conversationId") REFERENCES "conversations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_f03151ffe4323e57931146bc12a" FOREIGN KEY ("personId") REFERENCES "people" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_conversation_participants"("id", "createdAt", "updatedAt", "conversationId", "personId", "role", "lastReadSeq", "lastReadMessageId", "readAt", "muted", "removedAt") SELECT "id", "createdAt", "updatedAt", "conversationId", "personId", "role", "lastReadSeq", "lastReadMessageId", "readAt", "muted", "removedAt" FROM "conversation_participants"`,
    );
    await queryRunner.query(`DROP TABLE "conversation_participants"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_conversation_participants" RENAME TO "conversation_participants"`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f03151ffe4323e57931146bc12" ON "conversation_participants" ("personId") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_f03151ffe4323e57931146bc12"`);
    await queryRunner.query(
      `ALTER TABLE "conversation_participants" RENAME TO "temporary_conversation_participants"`,
    );
    await queryRunner.query(
      `CREATE TABLE "conversation_participants" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "conversationId" varchar NOT NULL, "personId" varchar NOT NULL, "role" varchar(10) NOT NULL, "lastReadSeq" integer NOT NULL DEFAULT (0), "lastReadMessageId" varchar, "readAt" datetime, "muted" boolean NOT NULL DEFAULT (0), "removedAt" datetime, CONSTRAINT "UQ_c5e85a7c92fec3a5a60ceb33c52" UNIQUE ("conversationId", "personId"))`,
    );
    await queryRunner.query(
      `INSERT INTO "conversation_participants"("id", "createdAt", "updatedAt", "conversationId", "personId", "role", "lastReadSeq", "lastReadMessageId", "readAt", "muted", "removedAt") SELECT "id", "createdAt", "updatedAt", "conversationId", "personId", "role", "lastReadSeq", "lastReadMessageId", "readAt", "muted", "removedAt" FROM "temporary_conversation_participants"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_conversation_participants"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_f03151ffe4323e57931146bc12" ON "conversation_participants" ("personId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_e5024b900eddd0cbbb843494d5"`);
    await queryRunner.query(
      `ALTER TABLE "message_revisions" RENAME TO "temporary_message_revisions"`,
    );
    await queryRunner.query(
      `CREATE TABLE "message_revisions" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "messageId" varchar NOT NULL, "body" text NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "message_revisions"("id", "createdAt", "updatedAt", "messageId", "body") SELECT "id", "createdAt", "updatedAt", "messageId", "body" FROM "temporary_message_revisions"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_message_revisions"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_e5024b900eddd0cbbb843494d5" ON "message_revisions" ("messageId") `,
    );
    await queryRunner.query(`ALTER TABLE "messages" RENAME TO "temporary_messages"`);
    await queryRunner.query(
      `CREATE TABLE "messages" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "conversationId" varchar NOT NULL, "seq" integer NOT NULL, "authorPersonId" varchar, "body" text, "editedAt" datetime, "deletedAt" datetime, CONSTRAINT "UQ_f0874fbc4bba5c9edc9ca528f8e" UNIQUE ("conversationId", "seq"))`,
    );
    await queryRunner.query(
      `INSERT INTO "messages"("id", "createdAt", "updatedAt", "conversationId", "seq", "authorPersonId", "body", "editedAt", "deletedAt") SELECT "id", "createdAt", "updatedAt", "conversationId", "seq", "authorPersonId", "body", "editedAt", "deletedAt" FROM "temporary_messages"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_messages"`);
    await queryRunner.query(`DROP INDEX "IDX_b853c3320df7cf06b7bfa413c8"`);
    await queryRunner.query(`DROP INDEX "IDX_665d7118f1c29d582ab2a3252c"`);
    await queryRunner.query(`ALTER TABLE "conversations" RENAME TO "temporary_conversations"`);
    await queryRunner.query(
      `CREATE TABLE "conversations" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "subject" varchar(200) NOT NULL, "kind" varchar(10) NOT NULL, "inquiryId" varchar, "lastSeq" integer NOT NULL DEFAULT (0), "lastMessageAt" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "conversations"("id", "createdAt", "updatedAt", "subject", "kind", "inquiryId", "lastSeq", "lastMessageAt") SELECT "id", "createdAt", "updatedAt", "subject", "kind", "inquiryId", "lastSeq", "lastMessageAt" FROM "temporary_conversations"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_conversations"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_b853c3320df7cf06b7bfa413c8" ON "conversations" ("lastMessageAt") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_665d7118f1c29d582ab2a3252c" ON "conversations" ("inquiryId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_f03151ffe4323e57931146bc12"`);
    await queryRunner.query(`DROP TABLE "conversation_participants"`);
    await queryRunner.query(`DROP INDEX "IDX_e5024b900eddd0cbbb843494d5"`);
    await queryRunner.query(`DROP TABLE "message_revisions"`);
    await queryRunner.query(`DROP TABLE "messages"`);
    await queryRunner.query(`DROP INDEX "IDX_b853c3320df7cf06b7bfa413c8"`);
    await queryRunner.query(`DROP INDEX "IDX_665d7118f1c29d582ab2a3252c"`);
    await queryRunner.query(`DROP TABLE "conversations"`);
  }
}
