import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MigrationError, migrate, readMigrations } from '../../../src/persistence/migrator.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';

// One unmigrated database for the file, wiped back to an empty schema before each test.
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
});
afterAll(async () => {
  await db.destroy();
});
beforeEach(async () => {
  await db.sql.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
});

async function migrationsDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'quorum-migrations-'));
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

describe('migrator', () => {
  it('applies every migration once and records it the way prisma migrate deploy does', async () => {
    const first = await db.migrate();
    const all = await readMigrations();
    expect(first.applied).toEqual(all.map((m) => m.name));

    const second = await db.migrate();
    expect(second).toEqual({ applied: [], alreadyApplied: all.length });

    const rows = await db.sql.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
      rolled_back_at: Date | null;
    }>('SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations"');
    expect(rows).toHaveLength(all.length);
    for (const migration of all) {
      const row = rows.find((r) => r.migration_name === migration.name);
      expect(row?.checksum).toBe(migration.checksum);
      expect(row?.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row?.finished_at).not.toBeNull();
      expect(row?.rolled_back_at).toBeNull();
      expect(row?.applied_steps_count).toBe(1);
    }
  });

  it('rolls back a failing migration, records why, and applies it once it is fixed', async () => {
    const broken = await migrationsDir({
      '20260101000000_one': 'CREATE TABLE one (id int);',
      '20260102000000_two': 'CREATE TABLE two (id int); INSERT INTO nowhere VALUES (1);',
    });
    await expect(migrate(db.sql, { dir: broken })).rejects.toBeInstanceOf(MigrationError);

    const tables = await db.sql.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('one', 'two')",
    );
    expect(tables.map((t) => t.table_name)).toEqual(['one']);
    const [failure] = await db.sql.query<{ logs: string; rolled_back_at: Date | null }>(
      `SELECT logs, rolled_back_at FROM "_prisma_migrations" WHERE migration_name = '20260102000000_two'`,
    );
    expect(failure?.logs).toMatch(/nowhere/);
    expect(failure?.rolled_back_at).not.toBeNull();

    const fixed = await migrationsDir({
      '20260101000000_one': 'CREATE TABLE one (id int);',
      '20260102000000_two': 'CREATE TABLE two (id int);',
    });
    const result = await migrate(db.sql, { dir: fixed });
    expect(result.applied).toEqual(['20260102000000_two']);
  });

  it('refuses to go on past a migration that started and never finished', async () => {
    const dir = await migrationsDir({ '20260101000000_one': 'CREATE TABLE one (id int);' });
    await migrate(db.sql, { dir });
    await db.sql.query(`UPDATE "_prisma_migrations" SET finished_at = NULL`);
    await expect(migrate(db.sql, { dir })).rejects.toThrow(/never finished/);
  });
});
