import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Teams and automations: the catalog. Definitions are validated by the contracts before they get here. */
export class CreateCatalog1795766400000 implements MigrationInterface {
  name = 'CreateCatalog1795766400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE team (
        name          text PRIMARY KEY,
        title         text NOT NULL,
        description   text,
        email         text,
        slack         text,
        on_call       jsonb,
        members       text[] NOT NULL DEFAULT '{}',
        source        text NOT NULL,
        source_file   text,
        archived_at   timestamptz,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT team_source_known CHECK (source IN ('file', 'console')),
        CONSTRAINT team_file_has_path CHECK (source <> 'file' OR source_file IS NOT NULL)
      )`);
    await db.query(`
      CREATE TABLE automation (
        slug          text PRIMARY KEY,
        title         text NOT NULL,
        description   text NOT NULL,
        type          text NOT NULL,
        lifecycle     text NOT NULL,
        owner_team    text NOT NULL,
        on_call       jsonb NOT NULL,
        systems       text[] NOT NULL DEFAULT '{}',
        risk_domains  text[] NOT NULL DEFAULT '{}',
        tags          text[] NOT NULL DEFAULT '{}',
        links         jsonb NOT NULL DEFAULT '[]',
        runtime       jsonb,
        slos          jsonb NOT NULL DEFAULT '[]',
        kpis          jsonb NOT NULL DEFAULT '[]',
        runbooks      jsonb NOT NULL DEFAULT '[]',
        releases      jsonb NOT NULL DEFAULT '[]',
        source        text NOT NULL,
        source_file   text,
        archived_at   timestamptz,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        search        tsvector NOT NULL DEFAULT ''::tsvector,
        CONSTRAINT automation_owner_team_fk FOREIGN KEY (owner_team) REFERENCES team (name) ON UPDATE CASCADE,
        CONSTRAINT automation_type_known CHECK (type IN ('automation', 'orchestration', 'integration')),
        CONSTRAINT automation_lifecycle_known CHECK (lifecycle IN ('experimental', 'production', 'deprecated')),
        CONSTRAINT automation_source_known CHECK (source IN ('file', 'console')),
        CONSTRAINT automation_file_has_path CHECK (source <> 'file' OR source_file IS NOT NULL)
      )`);
    // The search document: title weighs most, then tags, then description. 'simple' keeps words
    // as written (no stemming), so a prefix of what a person typed still matches.
    await db.query(`
      CREATE FUNCTION automation_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search :=
          setweight(to_tsvector('simple', NEW.title || ' ' || NEW.slug), 'A') ||
          setweight(to_tsvector('simple', array_to_string(NEW.tags, ' ')), 'B') ||
          setweight(to_tsvector('simple', NEW.description), 'C');
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER automation_search_document_update
        BEFORE INSERT OR UPDATE OF title, slug, tags, description ON automation
        FOR EACH ROW EXECUTE FUNCTION automation_search_document()`);
    await db.query(`CREATE INDEX automation_search_idx ON automation USING gin (search)`);
    await db.query(`CREATE INDEX automation_listing_order_idx ON automation (lower(title), slug)`);
    await db.query(`CREATE INDEX automation_owner_team_idx ON automation (owner_team)`);
    await db.query(`CREATE INDEX automation_tags_idx ON automation USING gin (tags)`);
    await db.query(`CREATE INDEX automation_systems_idx ON automation USING gin (systems)`);
    await db.query(`CREATE INDEX automation_risk_domains_idx ON automation USING gin (risk_domains)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE automation`);
    await db.query(`DROP FUNCTION automation_search_document()`);
    await db.query(`DROP TABLE team`);
  }
}
