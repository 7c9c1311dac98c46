import { MigrationInterface, QueryRunner } from 'typeorm';

export class ConversationGuests1796293262726 implements MigrationInterface {
  name = 'ConversationGuests1796293262726';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "conversation_guests" ("id" uuid NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), "conversationId" uuid NOT NULL, "name" character varying(200) NOT NULL, "tokenHash" character varying(64) NOT NULL, "expiresAt" TIMESTAMP NOT NULL, "revokedAt" TIMESTAMP, "lastUsedAt" TIMESTAMP, CONSTRAINT "PK_a63932aa6fb95ae273ce7834002" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_cff018f1124fa3e7f940b7e055" ON "conversation_guests"  ("conversationId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_ed0c2f7a5cefb6c9ea9417f816" ON "conversation_guests"  ("tokenHash") `,
    );
    await queryRunner.query(`ALTER TABLE "messages" ADD "authorGuestId" uuid`);
    await queryRunner.query(`ALTER TABLE "conversation_participants" ADD "guestId" uuid`);
    await queryRunner.query(
      `ALTER TABLE "conversation_participants" DROP CONSTRAINT "FK_f03151ffe4323e57931146bc12a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversation_participants" DROP CONSTRAINT "UQ_c5e85a7c92fec3a5a60ceb33c52"`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversation_participants" ALTER COLUMN "personId" DROP NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c4487fde5c5a2a66f002542b29" ON "conversation_participants"  ("guestId") `,
    );
    await queryRunner.query(
      `ALTER TABLE "conversation_participants" ADD CONSTRAINT "UQ_c5e85a7c92fec3a5a60ceb33c52" UNIQUE ("conversationId", "personId")`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversation_guests" ADD CONSTRAINT "FK_cff018f1124fa3e7f940b7e0554" FOREIGN KEY ("conversationId") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "messages" ADD CONSTRAINT "FK_6fcf33f624ef351f009d8652afc" FOREIGN KEY ("authorGuestId") REFERENCES "conversation_guests"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversation_participants" ADD CONSTRAINT "FK_f03151ffe4323e57931146bc12a" FOREIGN KEY ("personId") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversation_participants" ADD CONSTRAINT "FK_c4487fde5c5a2a66f002542b297" FOREIGN KEY ("guestId") REFERENCES "conversation_guests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "conversation_participants" DROP CONSTRAINT "FK_c4487fde5c5a2a66f002542b297"`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversation_participants" DROP CONSTRAINT "FK_f03151ffe4323e57931146bc12a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "messages" DROP CONSTRAINT "FK_6fcf33f624ef351f009d8652afc"`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversation_guests" DROP CONSTRAINT "FK_cff018f1124fa3e7f940b7e0554"`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversation_participants" DROP CONSTRAINT "UQ_c5e85a7c92fec3a5a60ceb33c52"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_c4487fde5c5a2a66f002542b29"`);
    await queryRunner.query(
      `ALTER TABLE "conversation_participants" ALTER COLUMN "personId" SET NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversation_participants" ADD CONSTRAINT "UQ_c5e85a7c92fec3a5a60ceb33c52" UNIQUE ("conversationId", "personId")`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversation_participants" ADD CONSTRAINT "FK_f03151ffe4323e57931146bc12a" FOREIGN KEY ("personId") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "conversation_participants" DROP COLUMN "guestId"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "authorGuestId"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ed0c2f7a5cefb6c9ea9417f816"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cff018f1124fa3e7f940b7e055"`);
    await queryRunner.query(`DROP TABLE "conversation_guests"`);
  }
}
