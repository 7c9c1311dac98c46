import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProfilesKeptCurrent1796283380333 implements MigrationInterface {
  name = 'ProfilesKeptCurrent1796283380333';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_entries" ADD "personId" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "experts" ADD "profileReminderSentAt" TIMESTAMP`);
    await queryRunner.query(
      `ALTER TABLE "experts" ADD "acceptsDirectContact" boolean NOT NULL DEFAULT true`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_11fe5efe638ebb3128fadb8054" ON "audit_entries"  ("personId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a193256181044adb228cfac2f9" ON "experts"  ("lastVerifiedAt") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_a193256181044adb228cfac2f9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_11fe5efe638ebb3128fadb8054"`);
    await queryRunner.query(`ALTER TABLE "experts" DROP COLUMN "acceptsDirectContact"`);
    await queryRunner.query(`ALTER TABLE "experts" DROP COLUMN "profileReminderSentAt"`);
    await queryRunner.query(`ALTER TABLE "audit_entries" DROP COLUMN "personId"`);
  }
}
