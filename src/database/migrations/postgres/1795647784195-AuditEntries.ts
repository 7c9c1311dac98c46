import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditEntries1795647784195 implements MigrationInterface {
  name = 'AuditEntries1795647784195';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_entries" ("id" uuid NOT NULL, "at" TIMESTAMP NOT NULL DEFAULT now(), "keyId" character varying(36), "role" character varying(20) NOT NULL, "action" character varying(100) NOT NULL, "subject" character varying(200), CONSTRAINT "PK_6b1623bcad4d04530b76548d619" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b12f87335630edfd1294cf349b" ON "audit_entries"  ("at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_32fae82b18021de8df44012357" ON "audit_entries"  ("subject") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_32fae82b18021de8df44012357"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b12f87335630edfd1294cf349b"`);
    await queryRunner.query(`DROP TABLE "audit_entries"`);
  }
}
