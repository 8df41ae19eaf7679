import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The database, not whoever inserts, gives an audit entry its id and its time: a trigger owned by
 * the migration role sets `id` from the table's sequence and `at` to the moment of the insert
 * (`clock_timestamp()`, so neither a transaction held open nor a slow COPY can date an entry
 * earlier than it was written), whatever the INSERT or COPY supplied. The api's role could insert
 * an entry with a chosen id and a backdated `at`, slipping it into the past of the trail.
 */
export class StampAuditEntries1795820400000 implements MigrationInterface {
  name = 'StampAuditEntries1795820400000';

  async up(db: QueryRunner): Promise<void> {
    const [row] = (await db.query(`SELECT pg_get_serial_sequence('audit_entry', 'id') AS sequence`)) as { sequence: string }[];
    const sequence = row?.sequence;
    if (sequence === undefined) {
      throw new Error('audit_entry.id has no sequence');
    }
    await db.query(`
      CREATE FUNCTION audit_entry_stamp() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog AS $$
      BEGIN
        NEW.id := nextval(${quoteLiteral(sequence)}::regclass);
        NEW.at := clock_timestamp();
        RETURN NEW;
      END $$`);
    // The defaults would only draw a second number from the sequence: the trigger sets both.
    await db.query(`ALTER TABLE audit_entry ALTER COLUMN id DROP DEFAULT, ALTER COLUMN at DROP DEFAULT`);
    await db.query(`CREATE TRIGGER audit_entry_stamp BEFORE INSERT ON audit_entry FOR EACH ROW EXECUTE FUNCTION audit_entry_stamp()`);
  }

  async down(db: QueryRunner): Promise<void> {
    const [row] = (await db.query(`SELECT pg_get_serial_sequence('audit_entry', 'id') AS sequence`)) as { sequence: string }[];
    await db.query(`DROP TRIGGER audit_entry_stamp ON audit_entry`);
    await db.query(`DROP FUNCTION audit_entry_stamp()`);
    await db.query(
      `ALTER TABLE audit_entry ALTER COLUMN id SET DEFAULT nextval(${quoteLiteral(row?.sequence ?? 'audit_entry_id_seq')}::regclass), ALTER COLUMN at SET DEFAULT now()`,
    );
  }
}

function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
