import { MigrationInterface, QueryRunner } from 'typeorm';

export class MessageDigests1796293300000 implements MigrationInterface {
  name = 'MessageDigests1796293300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "conversation_participants" ADD "digestedSeq" integer NOT NULL DEFAULT '0'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "conversation_participants" DROP COLUMN "digestedSeq"`);
  }
}
