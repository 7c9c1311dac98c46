import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditEntries1795647779174 implements MigrationInterface {
  name = 'AuditEntries1795647779174';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_entries" ("id" varchar PRIMARY KEY NOT NULL, "at" datetime NOT NULL DEFAULT (datetime('now')), "keyId" varchar(36), "role" varchar(20) NOT NULL, "action" varchar(100) NOT NULL, "subject" varchar(200))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b12f87335630edfd1294cf349b" ON "audit_entries" ("at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_32fae82b18021de8df44012357" ON "audit_entries" ("subject") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_32fae82b18021de8df44012357"`);
    await queryRunner.query(`DROP INDEX "IDX_b12f87335630edfd1294cf349b"`);
    await queryRunner.query(`DROP TABLE "audit_entries"`);
  }
}
