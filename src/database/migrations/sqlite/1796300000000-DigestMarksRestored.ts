import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ConversationGuests rebuilt `conversation_participants` (SQLite alters a column by copying the
 * table) from a schema made before MessageDigests, and so dropped `digestedSeq`. Added back
 * where it is missing: a database that never lost it is left as it is.
 */
export class DigestMarksRestored1796300000000 implements MigrationInterface {
  name = 'DigestMarksRestored1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const columns = (await queryRunner.query(`PRAGMA table_info("conversation_participants")`)) as {
      name: string;
    }[];
    if (columns.some((column) => column.name === 'digestedSeq')) return;
    await queryRunner.query(
      `ALTER TABLE "conversation_participants" ADD COLUMN "digestedSeq" integer NOT NULL DEFAULT (0)`,
    );
  }

  public async down(): Promise<void> {
    // Nothing: MessageDigests' down removes the column.
  }
}
