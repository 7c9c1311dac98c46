import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand rather than generated: TypeORM rebuilds a SQLite table to add a column, and
 * dropping `experts` inside the migration's transaction (where foreign keys cannot be switched
 * off) would cascade into skills, links and people. ADD COLUMN gives the same schema in place.
 */
export class ProfilesKeptCurrent1796283373547 implements MigrationInterface {
  name = 'ProfilesKeptCurrent1796283373547';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_entries" ADD COLUMN "personId" varchar(64)`);
    await queryRunner.query(`ALTER TABLE "experts" ADD COLUMN "profileReminderSentAt" datetime`);
    await queryRunner.query(
      `ALTER TABLE "experts" ADD COLUMN "acceptsDirectContact" boolean NOT NULL DEFAULT (1)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_11fe5efe638ebb3128fadb8054" ON "audit_entries" ("personId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a193256181044adb228cfac2f9" ON "experts" ("lastVerifiedAt") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_a193256181044adb228cfac2f9"`);
    await queryRunner.query(`DROP INDEX "IDX_11fe5efe638ebb3128fadb8054"`);
    await queryRunner.query(`ALTER TABLE "experts" DROP COLUMN "acceptsDirectContact"`);
    await queryRunner.query(`ALTER TABLE "experts" DROP COLUMN "profileReminderSentAt"`);
    await queryRunner.query(`ALTER TABLE "audit_entries" DROP COLUMN "personId"`);
  }
}
