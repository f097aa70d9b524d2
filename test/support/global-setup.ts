// Once per test run (vitest globalSetup of the db and e2e projects): migrate one database and
// keep it as the template every test database starts from (see test/support/database.ts).
// - PGlite: the data folder before and after migrating, as images (tar files) in a cache folder,
//   named by a hash of the PGlite version and the migrations, so a run with nothing changed
//   reuses them and a changed migration makes new ones.
// - PostgreSQL: a database migrated once, used as TEMPLATE, dropped (with any test database
//   left behind by a crashed file) when the run ends.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, quoteIdent } from '../../src/persistence/database.ts';
import { readMigrations } from '../../src/persistence/migrator.ts';
import { adminQuery, databaseUrl, TEMPLATE_ENV, testServerUrl } from './database.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cacheDir = path.join(root, 'node_modules', '.cache', 'quorum-test-templates');

function setEnv(name: string, value: string): void {
  // eslint-disable-next-line no-restricted-syntax -- handed to the test workers, which inherit the environment
  process.env[name] = value;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(temporary, bytes);
  await rename(temporary, file);
}

async function pgliteImages(): Promise<void> {
  const pglite = JSON.parse(await readFile(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
  const hash = createHash('sha256').update(`pglite ${pglite.version}\n`);
  for (const migration of await readMigrations()) hash.update(`${migration.name} ${migration.checksum}\n`);
  const key = hash.digest('hex').slice(0, 16);
  const blank = path.join(cacheDir, `blank-${pglite.version}.tar`);
  const migrated = path.join(cacheDir, `migrated-${key}.tar`);
  if (!(await exists(blank)) || !(await exists(migrated))) {
    await mkdir(cacheDir, { recursive: true });
    const db = await openDatabase({ kind: 'pglite' });
    try {
      if (!db.dumpImage) throw new Error('PGlite cannot dump its data folder');
      await writeAtomically(blank, await db.dumpImage());
      await db.migrate();
      await writeAtomically(migrated, await db.dumpImage());
    } finally {
      await db.close();
    }
  }
  setEnv(TEMPLATE_ENV.pgliteBlank, blank);
  setEnv(TEMPLATE_ENV.pgliteMigrated, migrated);
}

async function postgresTemplate(serverUrl: string): Promise<() => Promise<void>> {
  const base = (new URL(serverUrl).pathname.slice(1) || 'postgres').slice(0, 30);
  const prefix = `${base}_${randomBytes(3).toString('hex')}`;
  const template = `${prefix}_tpl`;
  await adminQuery(serverUrl, `CREATE DATABASE ${quoteIdent(template)}`);
  const db = await openDatabase({ kind: 'postgres', url: databaseUrl(serverUrl, template) });
  try {
    await db.migrate();
  } finally {
    // CREATE DATABASE ... TEMPLATE needs the template to have no connections.
    await db.close();
  }
  setEnv(TEMPLATE_ENV.postgresTemplate, template);
  return async () => {
    const { rows } = await adminQuery(serverUrl, `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [`${prefix}_`]);
    for (const row of rows as { datname: string }[]) {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdent(row.datname)} WITH (FORCE)`);
    }
  };
}

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  // The db and e2e projects both name this file; when both run, the first made the templates.
  const owner = 'QUORUM_TEST_TEMPLATE_OWNER';
  // eslint-disable-next-line no-restricted-syntax -- see setEnv
  if (process.env[owner] === String(process.pid)) return undefined;
  setEnv(owner, String(process.pid));
  const serverUrl = testServerUrl();
  if (serverUrl) return postgresTemplate(serverUrl);
  await pgliteImages();
  return undefined;
}
