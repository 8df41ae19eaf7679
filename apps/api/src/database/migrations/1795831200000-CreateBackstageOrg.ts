import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Backstage's org as Backstage reads it: teams in a tree (`parent`, from Groups' spec.parent and
 * spec.children), namespaced keys (`<namespace>/<name>` outside `default`), each file entity kept as
 * written (`definition`, in `json` so its key order survives for export), people from Users with the
 * teams they sign in with, Systems and Domains so automations can name their system.
 */
export class CreateBackstageOrg1795831200000 implements MigrationInterface {
  name = 'CreateBackstageOrg1795831200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE team ADD COLUMN parent text, ADD COLUMN definition json`);
    await db.query(`ALTER TABLE team ADD CONSTRAINT team_parent_fk FOREIGN KEY (parent) REFERENCES team (name) ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED`);
    await db.query(`CREATE INDEX team_parent_idx ON team (parent) WHERE parent IS NOT NULL`);
    await db.query(`
      CREATE TABLE person (
        name          text PRIMARY KEY,
        display_name  text NOT NULL,
        email         text,
        teams         text[] NOT NULL DEFAULT '{}',
        definition    json NOT NULL,
        source        text NOT NULL,
        source_file   text,
        archived_at   timestamptz,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT person_source_known CHECK (source IN ('file', 'console')),
        CONSTRAINT person_file_has_path CHECK (source <> 'file' OR source_file IS NOT NULL)
      )`);
    // Sign-in finds a person by their name or email, in any case.
    await db.query(`CREATE INDEX person_name_lower_idx ON person (lower(name)) WHERE archived_at IS NULL`);
    await db.query(`CREATE INDEX person_email_lower_idx ON person (lower(email)) WHERE archived_at IS NULL AND email IS NOT NULL`);
    await db.query(`
      CREATE TABLE catalog_system (
        kind          text NOT NULL,
        name          text NOT NULL,
        title         text NOT NULL,
        description   text,
        definition    json NOT NULL,
        source        text NOT NULL,
        source_file   text,
        archived_at   timestamptz,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT catalog_system_pk PRIMARY KEY (kind, name),
        CONSTRAINT catalog_system_kind_known CHECK (kind IN ('System', 'Domain')),
        CONSTRAINT catalog_system_source_known CHECK (source IN ('file', 'console')),
        CONSTRAINT catalog_system_file_has_path CHECK (source <> 'file' OR source_file IS NOT NULL)
      )`);
    await db.query(`ALTER TABLE automation ADD COLUMN system text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE automation DROP COLUMN system`);
    await db.query(`DROP TABLE catalog_system`);
    await db.query(`DROP TABLE person`);
    await db.query(`ALTER TABLE team DROP CONSTRAINT team_parent_fk`);
    await db.query(`DROP INDEX team_parent_idx`);
    await db.query(`ALTER TABLE team DROP COLUMN parent, DROP COLUMN definition`);
  }
}
