import { MigrationInterface, QueryRunner } from 'typeorm';

export class Conversations1796284986551 implements MigrationInterface {
  name = 'Conversations1796284986551';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "conversations" ("id" uuid NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "subject" character varying(200) NOT NULL, "kind" character varying(10) NOT NULL, "inquiryId" uuid, "lastSeq" integer NOT NULL DEFAULT '0', "lastMessageAt" TIMESTAMP NOT NULL, CONSTRAINT "PK_ee34f4f7ced4ec8681f26bf04ef" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_665d7118f1c29d582ab2a3252c" ON "conversations"  ("inquiryId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b853c3320df7cf06b7bfa413c8" ON "conversations"  ("lastMessageAt") `,
    );
    await queryRunner.query(
      `CREATE TABLE "messages" ("id" uuid NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "conversationId" uuid NOT NULL, "seq" integer NOT NULL, "authorPersonId" uuid, "body" text, "editedAt" TIMESTAMP, "deletedAt" TIMESTAMP, CONSTRAINT "UQ_f0874fbc4bba5c9edc9ca528f8e" UNIQUE ("conversationId", "seq"), CONSTRAINT "PK_18325f38ae6de43878487eff986" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "message_revisions" ("id" uuid NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "messageId" uuid NOT NULL, "body" text NOT NULL, CONSTRAINT "PK_9bc2c43904342e931b06a584848" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e5024b900eddd0cbbb843494d5" ON "message_revisions"  ("messageId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "conversation_participants" ("id" uuid NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "conversationId" uuid NOT NULL, "personId" uuid NOT NULL, "role" character varying(10) NOT NULL, "lastReadSeq" integer NOT NULL DEFAULT '0', "lastReadMessageId" uuid, "readAt" TIMESTAMP, "muted" boolean NOT NULL DEFAULT false, "removedAt" TIMESTAMP, CONSTRAINT "UQ_c5e85a7c92fec3a5a60ceb33c52" UNIQUE ("conversationId", "personId"), CONSTRAINT "PK_61b51428ad9453f5921369fbe94" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f03151ffe4323e57931146bc12" ON "conversation_participants"  ("personId") `,
    );
    await queryRunner.query(
      `ALTER TABLE "conversations" ADD CONSTRAINT "FK_665d7118f1c29d582ab2a3252c8" FOREIGN KEY ("inquiryId") REFERENCES "inquiries"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "messages" ADD CONSTRAINT "FK_e5663ce0c730b2de83445e2fd19" FOREIGN KEY ("conversationId") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "messages" ADD CONSTRAINT "FK_2b23727e81e8efdaee5c7955e7c" FOREIGN KEY ("authorPersonId") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "message_revisions" ADD CONSTRAINT "FK_e5024b900eddd0cbbb843494d51" FOREIGN KEY ("messageId") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversation_participants" ADD CONSTRAINT "FK_4453e20858b14ab765a09ad728c" FOREIGN KEY ("conversationId") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversation_participants" ADD CONSTRAINT "FK_f03151ffe4323e57931146bc12a" FOREIGN KEY ("personId") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "conversation_participants" DROP CONSTRAINT "FK_f03151ffe4323e57931146bc12a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversation_participants" DROP CONSTRAINT "FK_4453e20858b14ab765a09ad728c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "message_revisions" DROP CONSTRAINT "FK_e5024b900eddd0cbbb843494d51"`,
    );
    await queryRunner.query(
      `ALTER TABLE "messages" DROP CONSTRAINT "FK_2b23727e81e8efdaee5c7955e7c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "messages" DROP CONSTRAINT "FK_e5663ce0c730b2de83445e2fd19"`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversations" DROP CONSTRAINT "FK_665d7118f1c29d582ab2a3252c8"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_f03151ffe4323e57931146bc12"`);
    await queryRunner.query(`DROP TABLE "conversation_participants"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e5024b900eddd0cbbb843494d5"`);
    await queryRunner.query(`DROP TABLE "message_revisions"`);
    await queryRunner.query(`DROP TABLE "messages"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b853c3320df7cf06b7bfa413c8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_665d7118f1c29d582ab2a3252c"`);
    await queryRunner.query(`DROP TABLE "conversations"`);
  }
}
