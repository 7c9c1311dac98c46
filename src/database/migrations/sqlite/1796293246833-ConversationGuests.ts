import { MigrationInterface, QueryRunner } from 'typeorm';

export class ConversationGuests1796293246833 implements MigrationInterface {
  name = 'ConversationGuests1796293246833';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "conversation_guests" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "conversationId" varchar NOT NULL, "name" varchar(200) NOT NULL, "tokenHash" varchar(64) NOT NULL, "expiresAt" datetime NOT NULL, "revokedAt" datetime, "lastUsedAt" datetime)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_cff018f1124fa3e7f940b7e055" ON "conversation_guests" ("conversationId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_ed0c2f7a5cefb6c9ea9417f816" ON "conversation_guests" ("tokenHash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "temporary_messages" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "conversationId" varchar NOT NULL, "seq" integer NOT NULL, "authorPersonId" varchar, "body" text, "editedAt" datetime, "deletedAt" datetime, "authorGuestId" varchar, CONSTRAINT "UQ_f0874fbc4bba5c9edc9ca528f8e" UNIQUE ("conversationId", "seq"), CONSTRAINT "FK_2b23727e81e8efdaee5c7955e7c" FOREIGN KEY ("authorPersonId") REFERENCES "people" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_e5663ce0c730b2de83445e2fd19" FOREIGN KEY ("conversationId") REFERENCES "conversations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_messages"("id", "createdAt", "updatedAt", "conversationId", "seq", "authorPersonId", "body", "editedAt", "deletedAt") SELECT "id", "createdAt", "updatedAt", "conversationId", "seq", "authorPersonId", "body", "editedAt", "deletedAt" FROM "messages"`,
    );
    await queryRunner.query(`DROP TABLE "messages"`);
    await queryRunner.query(`ALTER TABLE "temporary_messages" RENAME TO "messages"`);
    await queryRunner.query(`DROP INDEX "IDX_f03151ffe4323e57931146bc12"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_conversation_participants" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "conversationId" varchar NOT NULL, "personId" varchar NOT NULL, "role" varchar(10) NOT NULL, "lastReadSeq" integer NOT NULL DEFAULT (0), "lastReadMessageId" varchar, "readAt" datetime, "muted" boolean NOT NULL DEFAULT (0), "removedAt" datetime, "guestId" varchar, CONSTRAINT "UQ_c5e85a7c92fec3a5a60ceb33c52" UNIQUE ("conversationId", "personId"), CONSTRAINT "FK_f03151ffe4323e57931146bc12a" FOREIGN KEY ("personId") REFERENCES "people" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_4453e20858b14ab765a09ad728c" FOREIGN KEY ("conversationId") REFERENCES "conversations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
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
    await queryRunner.query(`DROP INDEX "IDX_f03151ffe4323e57931146bc12"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_conversation_participants" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "conversationId" varchar NOT NULL, "personId" varchar NOT NULL, "role" varchar(10) NOT NULL, "lastReadSeq" integer NOT NULL DEFAULT (0), "lastReadMessageId" varchar, "readAt" datetime, "muted" boolean NOT NULL DEFAULT (0), "removedAt" datetime, "guestId" varchar, CONSTRAINT "UQ_c5e85a7c92fec3a5a60ceb33c52" UNIQUE ("conversationId", "personId"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_conversation_participants"("id", "createdAt", "updatedAt", "conversationId", "personId", "role", "lastReadSeq", "lastReadMessageId", "readAt", "muted", "removedAt", "guestId") SELECT "id", "createdAt", "updatedAt", "conversationId", "personId", "role", "lastReadSeq", "lastReadMessageId", "readAt", "muted", "removedAt", "guestId" FROM "conversation_participants"`,
    );
    await queryRunner.query(`DROP TABLE "conversation_participants"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_conversation_participants" RENAME TO "conversation_participants"`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f03151ffe4323e57931146bc12" ON "conversation_participants" ("personId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_f03151ffe4323e57931146bc12"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_conversation_participants" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "conversationId" varchar NOT NULL, "personId" varchar NOT NULL, "role" varchar(10) NOT NULL, "lastReadSeq" integer NOT NULL DEFAULT (0), "lastReadMessageId" varchar, "readAt" datetime, "muted" boolean NOT NULL DEFAULT (0), "removedAt" datetime, "guestId" varchar)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_conversation_participants"("id", "createdAt", "updatedAt", "conversationId", "personId", "role", "lastReadSeq", "lastReadMessageId", "readAt", "muted", "removedAt", "guestId") SELECT "id", "createdAt", "updatedAt", "conversationId", "personId", "role", "lastReadSeq", "lastReadMessageId", "readAt", "muted", "removedAt", "guestId" FROM "conversation_participants"`,
    );
    await queryRunner.query(`DROP TABLE "conversation_participants"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_conversation_participants" RENAME TO "conversation_participants"`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f03151ffe4323e57931146bc12" ON "conversation_participants" ("personId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_f03151ffe4323e57931146bc12"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_conversation_participants" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "conversationId" varchar NOT NULL, "personId" varchar, "role" varchar(10) NOT NULL, "lastReadSeq" integer NOT NULL DEFAULT (0), "lastReadMessageId" varchar, "readAt" datetime, "muted" boolean NOT NULL DEFAULT (0), "removedAt" datetime, "guestId" varchar)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_conversation_participants"("id", "createdAt", "updatedAt", "conversationId", "personId", "role", "lastReadSeq", "lastReadMessageId", "readAt", "muted", "removedAt", "guestId") SELECT "id", "createdAt", "updatedAt", "conversationId", "personId", "role", "lastReadSeq", "lastReadMessageId", "readAt", "muted", "removedAt", "guestId" FROM "conversation_participants"`,
    );
    await queryRunner.query(`DROP TABLE "conversation_participants"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_conversation_participants" RENAME TO "conversation_participants"`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f03151ffe4323e57931146bc12" ON "conversation_participants" ("personId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c4487fde5c5a2a66f002542b29" ON "conversation_participants" ("guestId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_f03151ffe4323e57931146bc12"`);
    await queryRunner.query(`DROP INDEX "IDX_c4487fde5c5a2a66f002542b29"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_conversation_participants" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "conversationId" varchar NOT NULL, "personId" varchar, "role" varchar(10) NOT NULL, "lastReadSeq" integer NOT NULL DEFAULT (0), "lastReadMessageId" varchar, "readAt" datetime, "muted" boolean NOT NULL DEFAULT (0), "removedAt" datetime, "guestId" varchar, CONSTRAINT "UQ_c5e85a7c92fec3a5a60ceb33c52" UNIQUE ("conversationId", "personId"))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_conversation_participants"("id", "createdAt", "updatedAt", "conversationId", "personId", "role", "lastReadSeq", "lastReadMessageId", "readAt", "muted", "removedAt", "guestId") SELECT "id", "createdAt", "updatedAt", "conversationId", "personId", "role", "lastReadSeq", "lastReadMessageId", "readAt", "muted", "removedAt", "guestId" FROM "conversation_participants"`,
    );
    await queryRunner.query(`DROP TABLE "conversation_participants"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_conversation_participants" RENAME TO "conversation_participants"`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f03151ffe4323e57931146bc12" ON "conversation_participants" ("personId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c4487fde5c5a2a66f002542b29" ON "conversation_participants" ("guestId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_cff018f1124fa3e7f940b7e055"`);
    await queryRunner.query(`DROP INDEX "IDX_ed0c2f7a5cefb6c9ea9417f816"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_conversation_guests" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "conversationId" varchar NOT NULL, "name" varchar(200) NOT NULL, "tokenHash" varchar(64) NOT NULL, "expiresAt" datetime NOT NULL, "revokedAt" datetime, "lastUsedAt" datetime, CONSTRAINT "FK_cff018f1124fa3e7f940b7e0554" FOREIGN KEY ("conversationId") REFERENCES "conversations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_conversation_guests"("id", "createdAt", "updatedAt", "conversationId", "name", "tokenHash", "expiresAt", "revokedAt", "lastUsedAt") SELECT "id", "createdAt", "updatedAt", "conversationId", "name", "tokenHash", "expiresAt", "revokedAt", "lastUsedAt" FROM "conversation_guests"`,
    );
    await queryRunner.query(`DROP TABLE "conversation_guests"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_conversation_guests" RENAME TO "conversation_guests"`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_cff018f1124fa3e7f940b7e055" ON "conversation_guests" ("conversationId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_ed0c2f7a5cefb6c9ea9417f816" ON "conversation_guests" ("tokenHash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "temporary_messages" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "conversationId" varchar NOT NULL, "seq" integer NOT NULL, "authorPersonId" varchar, "body" text, "editedAt" datetime, "deletedAt" datetime, "authorGuestId" varchar, CONSTRAINT "UQ_f0874fbc4bba5c9edc9ca528f8e" UNIQUE ("conversationId", "seq"), CONSTRAINT "FK_2b23727e81e8efdaee5c7955e7c" FOREIGN KEY ("authorPersonId") REFERENCES "people" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_e5663ce0c730b2de83445e2fd19" FOREIGN KEY ("conversationId") REFERENCES "conversations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_6fcf33f624ef351f009d8652afc" FOREIGN KEY ("authorGuestId") REFERENCES "conversation_guests" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_messages"("id", "createdAt", "updatedAt", "conversationId", "seq", "authorPersonId", "body", "editedAt", "deletedAt", "authorGuestId") SELECT "id", "createdAt", "updatedAt", "conversationId", "seq", "authorPersonId", "body", "editedAt", "deletedAt", "authorGuestId" FROM "messages"`,
    );
    await queryRunner.query(`DROP TABLE "messages"`);
    await queryRunner.query(`ALTER TABLE "temporary_messages" RENAME TO "messages"`);
    await queryRunner.query(`DROP INDEX "IDX_f03151ffe4323e57931146bc12"`);
    await queryRunner.query(`DROP INDEX "IDX_c4487fde5c5a2a66f002542b29"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_conversation_participants" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "conversationId" varchar NOT NULL, "personId" varchar, "role" varchar(10) NOT NULL, "lastReadSeq" integer NOT NULL DEFAULT (0), "lastReadMessageId" varchar, "readAt" datetime, "muted" boolean NOT NULL DEFAULT (0), "removedAt" datetime, "guestId" varchar, CONSTRAINT "UQ_c5e85a7c92fec3a5a60ceb33c52" UNIQUE ("conversationId", "personId"), CONSTRAINT "FK_4453e20858b14ab765a09ad728c" FOREIGN KEY ("conversationId") REFERENCES "conversations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_f03151ffe4323e57931146bc12a" FOREIGN KEY ("personId") REFERENCES "people" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_c4487fde5c5a2a66f002542b297" FOREIGN KEY ("guestId") REFERENCES "conversation_guests" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_conversation_participants"("id", "createdAt", "updatedAt", "conversationId", "personId", "role", "lastReadSeq", "lastReadMessageId", "readAt", "muted", "removedAt", "guestId") SELECT "id", "createdAt", "updatedAt", "conversationId", "personId", "role", "lastReadSeq", "lastReadMessageId", "readAt", "muted", "removedAt", "guestId" FROM "conversation_participants"`,
    );
    await queryRunner.query(`DROP TABLE "conversation_participants"`);
    await queryRunner.query(
      `ALTER TABLE "temporary_conversation_participants" RENAME TO "conversation_participants"`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f03151ffe4323e57931146bc12" ON "conversation_participants" ("personId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c4487fde5c5a2a66f002542b29" ON "conversation_participants" ("guestId") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_c4487fde5c5a2a66f002542b29"`);
    await queryRunner.query(`DROP INDEX "IDX_f03151ffe4323e57931146bc12"`);
    await queryRunner.query(
      `ALTER TABLE "conversation_participants" RENAME TO "temporary_conversation_participants"`,
    );
    await queryRunner.query(
      `CREATE TABLE "conversation_participants" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "conversationId" varchar NOT NULL, "personId" varchar, "role" varchar(10) NOT NULL, "lastReadSeq" integer NOT NULL DEFAULT (0), "lastReadMessageId" varchar, "readAt" datetime, "muted" boolean NOT NULL DEFAULT (0), "removedAt" datetime, "guestId" varchar, CONSTRAINT "UQ_c5e85a7c92fec3a5a60ceb33c52" UNIQUE ("conversationId", "personId"))`,
    );
    await queryRunner.query(
      `INSERT INTO "conversation_participants"("id", "createdAt", "updatedAt", "conversationId", "personId", "role", "lastReadSeq", "lastReadMessageId", "readAt", "muted", "removedAt", "guestId") SELECT "id", "createdAt", "updatedAt", "conversationId", "personId", "role", "lastReadSeq", "lastReadMessageId", "readAt", "muted", "removedAt", "guestId" FROM "temporary_conversation_participants"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_conversation_participants"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_c4487fde5c5a2a66f002542b29" ON "conversation_participants" ("guestId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f03151ffe4323e57931146bc12" ON "conversation_participants" ("personId") `,
    );
    await queryRunner.query(`ALTER TABLE "messages" RENAME TO "temporary_messages"`);
    await queryRunner.query(
      `CREATE TABLE "messages" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "conversationId" varchar NOT NULL, "seq" integer NOT NULL, "authorPersonId" varchar, "body" text, "editedAt" datetime, "deletedAt" datetime, "authorGuestId" varchar, CONSTRAINT "UQ_f0874fbc4bba5c9edc9ca528f8e" UNIQUE ("conversationId", "seq"), CONSTRAINT "FK_2b23727e81e8efdaee5c7955e7c" FOREIGN KEY ("authorPersonId") REFERENCES "people" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_e5663ce0c730b2de83445e2fd19" FOREIGN KEY ("conversationId") REFERENCES "conversations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "messages"("id", "createdAt", "updatedAt", "conversationId", "seq", "authorPersonId", "body", "editedAt", "deletedAt", "authorGuestId") SELECT "id", "createdAt", "updatedAt", "conversationId", "seq", "authorPersonId", "body", "editedAt", "deletedAt", "authorGuestId" FROM "temporary_messages"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_messages"`);
    await queryRunner.query(`DROP INDEX "IDX_ed0c2f7a5cefb6c9ea9417f816"`);
    await queryRunner.query(`DROP INDEX "IDX_cff018f1124fa3e7f940b7e055"`);
    await queryRunner.query(
      `ALTER TABLE "conversation_guests" RENAME TO "temporary_conversation_guests"`,
    );
    await queryRunner.query(
      `CREATE TABLE "conversation_guests" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "conversationId" varchar NOT NULL, "name" varchar(200) NOT NULL, "tokenHash" varchar(64) NOT NULL, "expiresAt" datetime NOT NULL, "revokedAt" datetime, "lastUsedAt" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "conversation_guests"("id", "createdAt", "updatedAt", "conversationId", "name", "tokenHash", "expiresAt", "revokedAt", "lastUsedAt") SELECT "id", "createdAt", "updatedAt", "conversationId", "name", "tokenHash", "expiresAt", "revokedAt", "lastUsedAt" FROM "temporary_conversation_guests"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_conversation_guests"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_ed0c2f7a5cefb6c9ea9417f816" ON "conversation_guests" ("tokenHash") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_cff018f1124fa3e7f940b7e055" ON "conversation_guests" ("conversationId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_c4487fde5c5a2a66f002542b29"`);
    await queryRunner.query(`DROP INDEX "IDX_f03151ffe4323e57931146bc12"`);
    await queryRunner.query(
      `ALTER TABLE "conversation_participants" RENAME TO "temporary_conversation_participants"`,
    );
    await queryRunner.query(
      `CREATE TABLE "conversation_participants" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "conversationId" varchar NOT NULL, "personId" varchar, "role" varchar(10) NOT NULL, "lastReadSeq" integer NOT NULL DEFAULT (0), "lastReadMessageId" varchar, "readAt" datetime, "muted" boolean NOT NULL DEFAULT (0), "removedAt" datetime, "guestId" varchar)`,
    );
    await queryRunner.query(
      `INSERT INTO "conversation_participants"("id", "createdAt", "updatedAt", "conversationId", "personId", "role", "lastReadSeq", "lastReadMessageId", "readAt", "muted", "removedAt", "guestId") SELECT "id", "createdAt", "updatedAt", "conversationId", "personId", "role", "lastReadSeq", "lastReadMessageId", "readAt", "muted", "removedAt", "guestId" FROM "temporary_conversation_participants"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_conversation_participants"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_c4487fde5c5a2a66f002542b29" ON "conversation_participants" ("guestId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f03151ffe4323e57931146bc12" ON "conversation_participants" ("personId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_c4487fde5c5a2a66f002542b29"`);
    await queryRunner.query(`DROP INDEX "IDX_f03151ffe4323e57931146bc12"`);
    await queryRunner.query(
      `ALTER TABLE "conversation_participants" RENAME TO "temporary_conversation_participants"`,
    );
    await queryRunner.query(
      `CREATE TABLE "conversation_participants" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "conversationId" varchar NOT NULL, "personId" varchar NOT NULL, "role" varchar(10) NOT NULL, "lastReadSeq" integer NOT NULL DEFAULT (0), "lastReadMessageId" varchar, "readAt" datetime, "muted" boolean NOT NULL DEFAULT (0), "removedAt" datetime, "guestId" varchar)`,
    );
    await queryRunner.query(
      `INSERT INTO "conversation_participants"("id", "createdAt", "updatedAt", "conversationId", "personId", "role", "lastReadSeq", "lastReadMessageId", "readAt", "muted", "removedAt", "guestId") SELECT "id", "createdAt", "updatedAt", "conversationId", "personId", "role", "lastReadSeq", "lastReadMessageId", "readAt", "muted", "removedAt", "guestId" FROM "temporary_conversation_participants"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_conversation_participants"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_f03151ffe4323e57931146bc12" ON "conversation_participants" ("personId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_f03151ffe4323e57931146bc12"`);
    await queryRunner.query(
      `ALTER TABLE "conversation_participants" RENAME TO "temporary_conversation_participants"`,
    );
    await queryRunner.query(
      `CREATE TABLE "conversation_participants" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "conversationId" varchar NOT NULL, "personId" varchar NOT NULL, "role" varchar(10) NOT NULL, "lastReadSeq" integer NOT NULL DEFAULT (0), "lastReadMessageId" varchar, "readAt" datetime, "muted" boolean NOT NULL DEFAULT (0), "removedAt" datetime, "guestId" varchar, CONSTRAINT "UQ_c5e85a7c92fec3a5a60ceb33c52" UNIQUE ("conversationId", "personId"))`,
    );
    await queryRunner.query(
      `INSERT INTO "conversation_participants"("id", "createdAt", "updatedAt", "conversationId", "personId", "role", "lastReadSeq", "lastReadMessageId", "readAt", "muted", "removedAt", "guestId") SELECT "id", "createdAt", "updatedAt", "conversationId", "personId", "role", "lastReadSeq", "lastReadMessageId", "readAt", "muted", "removedAt", "guestId" FROM "temporary_conversation_participants"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_conversation_participants"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_f03151ffe4323e57931146bc12" ON "conversation_participants" ("personId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_f03151ffe4323e57931146bc12"`);
    await queryRunner.query(
      `ALTER TABLE "conversation_participants" RENAME TO "temporary_conversation_participants"`,
    );
    await queryRunner.query(
      `CREATE TABLE "conversation_participants" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "conversationId" varchar NOT NULL, "personId" varchar NOT NULL, "role" varchar(10) NOT NULL, "lastReadSeq" integer NOT NULL DEFAULT (0), "lastReadMessageId" varchar, "readAt" datetime, "muted" boolean NOT NULL DEFAULT (0), "removedAt" datetime, "guestId" varchar, CONSTRAINT "UQ_c5e85a7c92fec3a5a60ceb33c52" UNIQUE ("conversationId", "personId"), CONSTRAINT "FK_f03151ffe4323e57931146bc12a" FOREIGN KEY ("personId") REFERENCES "people" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "conversation_participants"("id", "createdAt", "updatedAt", "conversationId", "personId", "role", "lastReadSeq", "lastReadMessageId", "readAt", "muted", "removedAt", "guestId") SELECT "id", "createdAt", "updatedAt", "conversationId", "personId", "role", "lastReadSeq", "lastReadMessageId", "readAt", "muted", "removedAt", "guestId" FROM "temporary_conversation_participants"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_conversation_participants"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_f03151ffe4323e57931146bc12" ON "conversation_participants" ("personId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_f03151ffe4323e57931146bc12"`);
    await queryRunner.query(
      `ALTER TABLE "conversation_participants" RENAME TO "temporary_conversation_participants"`,
    );
    await queryRunner.query(
      `CREATE TABLE "conversation_participants" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "conversationId" varchar NOT NULL, "personId" varchar NOT NULL, "role" varchar(10) NOT NULL, "lastReadSeq" integer NOT NULL DEFAULT (0), "lastReadMessageId" varchar, "readAt" datetime, "muted" boolean NOT NULL DEFAULT (0), "removedAt" datetime, CONSTRAINT "UQ_c5e85a7c92fec3a5a60ceb33c52" UNIQUE ("conversationId", "personId"), CONSTRAINT "FK_f03151ffe4323e57931146bc12a" FOREIGN KEY ("personId") REFERENCES "people" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_4453e20858b14ab765a09ad728c" FOREIGN KEY ("conversationId") REFERENCES "conversations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "conversation_participants"("id", "createdAt", "updatedAt", "conversationId", "personId", "role", "lastReadSeq", "lastReadMessageId", "readAt", "muted", "removedAt") SELECT "id", "createdAt", "updatedAt", "conversationId", "personId", "role", "lastReadSeq", "lastReadMessageId", "readAt", "muted", "removedAt" FROM "temporary_conversation_participants"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_conversation_participants"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_f03151ffe4323e57931146bc12" ON "conversation_participants" ("personId") `,
    );
    await queryRunner.query(`ALTER TABLE "messages" RENAME TO "temporary_messages"`);
    await queryRunner.query(
      `CREATE TABLE "messages" ("id" varchar PRIMARY KEY NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "conversationId" varchar NOT NULL, "seq" integer NOT NULL, "authorPersonId" varchar, "body" text, "editedAt" datetime, "deletedAt" datetime, CONSTRAINT "UQ_f0874fbc4bba5c9edc9ca528f8e" UNIQUE ("conversationId", "seq"), CONSTRAINT "FK_2b23727e81e8efdaee5c7955e7c" FOREIGN KEY ("authorPersonId") REFERENCES "people" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_e5663ce0c730b2de83445e2fd19" FOREIGN KEY ("conversationId") REFERENCES "conversations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "messages"("id", "createdAt", "updatedAt", "conversationId", "seq", "authorPersonId", "body", "editedAt", "deletedAt") SELECT "id", "createdAt", "updatedAt", "conversationId", "seq", "authorPersonId", "body", "editedAt", "deletedAt" FROM "temporary_messages"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_messages"`);
    await queryRunner.query(`DROP INDEX "IDX_ed0c2f7a5cefb6c9ea9417f816"`);
    await queryRunner.query(`DROP INDEX "IDX_cff018f1124fa3e7f940b7e055"`);
    await queryRunner.query(`DROP TABLE "conversation_guests"`);
  }
}
