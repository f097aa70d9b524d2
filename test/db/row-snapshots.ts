// The rows of a test database at one moment, put back before each test that starts from them. A
// file whose tests all begin from the same fixture (a board, its roster, a catalogue, an open
// round...) builds it once, through the same calls as before, and each test starts from a copy of
// those rows: one round trip instead of the dozens of statements that built them. The copy is
// exact (the same ids, tokens and timestamps), so a test sees what it would have seen had it built
// the fixture itself. The rows are kept in this process as JSON; nothing is added to the database.
import type { Database } from '../../src/persistence/database.ts';

export interface RowSnapshot {
  /** Empties every table but the migrations' record, then puts the snapshot's rows back. */
  restore(): Promise<void>;
}

interface Tables {
  /** Quoted names of every table but the migrations' record. */
  all: string[];
}

const tablesOf = new WeakMap<Database['sql'], Promise<Tables>>();
function tables(db: Pick<Database, 'sql'>): Promise<Tables> {
  let found = tablesOf.get(db.sql);
  if (!found) {
    found = db.sql
      .query<{ name: string }>(
        `SELECT quote_ident(tablename) AS name FROM pg_tables
         WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`,
      )
      .then((rows) => ({ all: rows.map((r) => r.name) }));
    tablesOf.set(db.sql, found);
  }
  return found;
}

/** A dollar-quoted literal (the text is JSON, which has no need of a $ tag of this shape). */
function literal(text: string): string {
  let tag = 'rows';
  while (text.includes(`$${tag}$`)) tag += '_';
  return `$${tag}$${text}$${tag}$`;
}

/** The tables with rows, parents before the tables whose foreign keys point at them (only the
 * fallback needs the order: with the foreign keys' triggers off any order does). */
async function parentsFirst(db: Pick<Database, 'sql'>, names: string[]): Promise<string[]> {
  const edges = await db.sql.query<{ child: string; parent: string }>(
    `SELECT quote_ident(ch.relname) AS child, quote_ident(pa.relname) AS parent
     FROM pg_constraint c JOIN pg_class ch ON ch.oid = c.conrelid JOIN pg_class pa ON pa.oid = c.confrelid
     WHERE c.contype = 'f' AND ch.relnamespace = current_schema()::regnamespace`,
  );
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name)) return;
    if (visiting.has(name)) throw new Error(`row snapshots: the foreign keys of ${name} make a cycle`);
    visiting.add(name);
    for (const e of edges) if (e.child === name && e.parent !== name && names.includes(e.parent)) visit(e.parent);
    visiting.delete(name);
    ordered.push(name);
  };
  for (const name of names) visit(name);
  return ordered;
}

/** The rows of every table now, to restore before each test that starts from them. */
export async function takeSnapshot(db: Pick<Database, 'sql'>): Promise<RowSnapshot> {
  const { all } = await tables(db);
  const found = await db.sql.query<{ name: string; rows: string | null }>(
    all.map((name) => `SELECT '${name.replaceAll("'", "''")}' AS name, (SELECT json_agg(t)::text FROM ${name} t) AS rows`).join(' UNION ALL '),
  );
  const filled = found.filter((t): t is { name: string; rows: string } => t.rows !== null);
  const insert = (t: { name: string; rows: string }) => `INSERT INTO ${t.name} SELECT * FROM json_populate_recordset(NULL::${t.name}, ${literal(t.rows)});`;
  // One simple-protocol message: its statements are one transaction (all or nothing), and SET
  // LOCAL turns the foreign keys' triggers off for it alone (as resetDatabase does, this needs a
  // superuser, as the suite's servers have).
  const fast = `SET LOCAL session_replication_role = replica; ${all.map((name) => `DELETE FROM ${name};`).join(' ')} ${filled.map(insert).join(' ')}`;
  let slow: string | undefined;
  return {
    restore: async () => {
      try {
        await db.sql.exec(fast);
      } catch (error) {
        // Where the role cannot be set: every table emptied at once, the rows back parents first.
        if ((error as { code?: string }).code !== '42501') throw error;
        if (slow === undefined) {
          const order = await parentsFirst(db, filled.map((t) => t.name));
          slow = `TRUNCATE ${all.join(', ')}; ${order.map((name) => insert(filled.find((t) => t.name === name) as { name: string; rows: string })).join(' ')}`;
        }
        await db.sql.exec(slow);
      }
    },
  };
}
